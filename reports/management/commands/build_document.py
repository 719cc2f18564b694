"""Build one of the papers of a round with the same code the portal's jobs run (for the office and checks).

manage.py build_document proposal --round nam-2025 --format docx --output to-trinh.docx
manage.py build_document draft-decision --round nam-2025 --output du-thao-qd.pdf
manage.py build_document decision --round nam-2025 --decision 1234/QĐ-UBND --format docx --output qd.docx
manage.py build_document council-minutes --round nam-2025 --output bien-ban.pdf
manage.py build_document certificates --round nam-2025 --decision 1234/QĐ-UBND --output chung-nhan.pdf
"""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from awards import papers
from awards.models import CouncilSession, Decision
from awards.services.certificates import certificate_pdf
from campaigns.models import AwardRound
from documents import docx, pdf
from reports import storage
from reports.content import proposal
from reports.content.scope import campaign_scope

KINDS = ["proposal", "draft-decision", "decision", "council-minutes", "certificates"]


class Command(BaseCommand):
    help = _("Tạo một văn bản của đợt khen thưởng (PDF hoặc Word) ngay trong tiến trình này.")

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=KINDS)
        parser.add_argument("--round", required=True, help=_("Mã đợt khen thưởng, ví dụ nam-2025"))
        parser.add_argument("--campaign", help=_("Số hiệu kế hoạch, khi nhiều kế hoạch có đợt cùng mã"))
        parser.add_argument("--decision", help=_("Số quyết định, ví dụ 1234/QĐ-UBND"))
        parser.add_argument("--format", choices=["pdf", "docx"])
        parser.add_argument("--output", required=True, help=_("Đường dẫn tệp kết quả"))

    def handle(self, *args, kind, round, campaign, decision, format, output, **options):
        target = Path(output)
        fmt = format or ("docx" if target.suffix.lower() == ".docx" else "pdf")
        round_ = self._round(round, campaign)
        try:
            data = self._build(kind, round_, decision, fmt)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        storage.write_output(target, data)
        self.stdout.write(
            _("Đã ghi %(target)s (%(size)s byte).")
            % {"target": target, "size": f"{len(data):,}".replace(",", ".")}
        )

    def _round(self, code: str, campaign: str | None) -> AwardRound:
        rounds = AwardRound.objects.filter(code=code).select_related("campaign")
        if campaign:
            rounds = rounds.filter(campaign__number=campaign)
        found = list(rounds[:2])
        if not found:
            codes = ", ".join(sorted(set(AwardRound.objects.values_list("code", flat=True))))
            raise CommandError(
                _("Không có đợt “%(code)s”. Các đợt có: %(codes)s.") % {"code": code, "codes": codes}
            )
        if len(found) > 1:
            raise CommandError(_("Nhiều kế hoạch có đợt “%(code)s”: hãy ghi --campaign.") % {"code": code})
        return found[0]

    def _decision(self, round_: AwardRound, number: str | None) -> Decision:
        if not number:
            raise CommandError(_("Hãy ghi --decision là số quyết định của đợt, ví dụ 1234/QĐ-UBND."))
        found = Decision.objects.filter(round=round_, number=number).select_related("round__campaign").first()
        if found is None:
            numbers = ", ".join(Decision.objects.filter(round=round_).values_list("number", flat=True)) or "—"
            raise CommandError(
                _("Đợt này không có quyết định số %(number)s. Các quyết định của đợt: %(numbers)s.")
                % {"number": number, "numbers": numbers}
            )
        return found

    def _build(self, kind: str, round_: AwardRound, number: str | None, fmt: str) -> bytes:
        if kind == "certificates":
            if fmt != "pdf":
                raise CommandError(_("Giấy chứng nhận chỉ có tệp PDF: hãy bỏ --format docx."))
            decision = self._decision(round_, number)
            awards = list(decision.awards.select_related("person", "unit").order_by("subject", "pk"))
            if not awards:
                raise CommandError(
                    _("Quyết định chưa có người được khen thưởng nên chưa có giấy chứng nhận để in.")
                )
            return certificate_pdf(decision, awards)
        if kind == "decision":
            documents = [papers.decision_paper(self._decision(round_, number))]
        elif kind == "council-minutes":
            session = CouncilSession.objects.filter(round=round_).first()
            if session is None:
                raise CommandError(_("Đợt này chưa có phiên họp Hội đồng."))
            documents = [papers.council_minutes(session)]
        else:
            scope = campaign_scope(round_.campaign)
            scope.rounds = [round_]
            built = proposal.build(scope, lambda percent, step: None).documents
            documents = built[:1] if kind == "proposal" else built[1:]
        return pdf.render(*documents) if fmt == "pdf" else docx.render(*documents)
