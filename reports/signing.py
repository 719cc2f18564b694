"""Who signs the papers a job builds: for each kind, the signatures the person asking chooses from the
register of signers (documents.issuers says who may sign and who is the default), the parameter of the
job that keeps the chosen official's id, and how each block prints.

The request forms offer these officials, the request services check the choice and write the ids into
the job's parameters, and the builders sign with them: a rebuild of the job signs with the same people.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.models import CouncilSession
from awards.papers import chair_signature
from campaigns.models import AwardRound, Campaign, Unit
from documents.content import Signature
from documents.issuers import campaign_unit, signature_of, signer_on, signers
from documents.models import Official
from reports.models import ReportJob

Kind = ReportJob.Kind


@dataclass(frozen=True)
class Signing:
    """One signature of a job's papers: the job parameter holding the official's id, the form's label,
    the unit that signs and the paper's date, how the block prints, and whether it is a chair's."""

    parameter: str
    label: str
    unit: Unit
    day: date
    block: Callable[[Official], Signature]
    chairing: bool = False

    def officials(self) -> list[Official]:
        """Those who may sign it, the default first."""
        return signers(self.unit, self.day, chairing=self.chairing)

    def chosen(self, official_id: int | None) -> Official:
        """The official of that id if they may sign it, else (none chosen) the default; the sentence that
        says what to do otherwise, beside the form's field of this signature."""
        try:
            return signer_on(self.unit, self.day, official_id, chairing=self.chairing)
        except ValidationError as error:
            raise ValidationError({self.parameter: error.messages}) from error


def minutes_day(round_: AwardRound) -> date | None:
    """The date of the round's minutes: the day its council session closed (None while it is open)."""
    session = CouncilSession.objects.filter(round=round_).first()
    if session is None or session.closed_at is None:
        return None
    return timezone.localtime(session.closed_at).date()


def signings(
    kind: str, *, campaign: Campaign, unit: Unit | None = None, round: AwardRound | None = None
) -> list[Signing]:
    """The signatures of the papers of a job of `kind`, in the order the form shows them. A report of
    Sở Nội vụ and its tờ trình are signed for the appraising body, the draft decision in the deciding
    body's own name, a unit's report for the unit, the council's minutes by the deciding body's head (or
    their stand-in) as the council's chair. Raises the sentence of an issuing body not chosen yet."""
    today = timezone.localdate()
    if kind in (Kind.ANNUAL, Kind.FINAL):
        return [Signing("signer", _("Người ký"), campaign_unit(campaign, "appraising"), today, signature_of)]
    if kind == Kind.PROPOSAL:
        return [
            Signing(
                "signer", _("Người ký tờ trình"), campaign_unit(campaign, "appraising"), today, signature_of
            ),
            Signing(
                "decision_signer",
                _("Người ký dự thảo quyết định"),
                campaign_unit(campaign, "deciding"),
                today,
                partial(signature_of, in_own_name=True),
            ),
        ]
    if kind == Kind.UNIT and unit is not None:
        return [Signing("signer", _("Người ký"), unit, today, signature_of)]
    if kind == Kind.MINUTES and round is not None:
        day = minutes_day(round)
        if day is None:
            return []
        return [
            Signing(
                "signer",
                _("Chủ tịch Hội đồng ký biên bản"),
                campaign_unit(campaign, "deciding"),
                day,
                chair_signature,
                chairing=True,
            )
        ]
    return []


def chosen_signers(kind: str, *, campaign, unit=None, round=None, chosen: dict) -> dict[str, int]:
    """The ids to keep in the job's parameters: for each signature, the official chosen (`chosen`:
    parameter → id or None) if they may sign it, else the default; refused with the sentence otherwise."""
    return {
        s.parameter: s.chosen(chosen.get(s.parameter)).pk
        for s in signings(kind, campaign=campaign, unit=unit, round=round)
    }


def described(job: ReportJob) -> list[tuple[str, str]]:
    """What the job's page shows of its signers: (label, the block on one line) for each signature."""
    try:
        wanted = signings(job.kind, campaign=job.campaign, unit=job.unit, round=job.round)
    except ValidationError:
        return []
    ids = [job.parameters.get(s.parameter) for s in wanted]
    officials = Official.objects.in_bulk([i for i in ids if isinstance(i, int)])
    return [
        (s.label, s.block(officials[i]).one_line) for s, i in zip(wanted, ids, strict=True) if i in officials
    ]
