"""The forms that ask for a report or a paper (kind, its parameters and who signs) and the form of a written
part of a summary report. Only these fields come from the POST."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from campaigns import roles
from campaigns.forms.units import UnitSearchField
from campaigns.models import AwardRound, Campaign, Unit
from campaigns.selectors import visible_units
from documents.forms import SignerField
from documents.issuers import issuing_unit
from reports import narrative
from reports.models import ReportJob
from reports.signing import minutes_day, signings


def offer_signers(form, user, kind: str, **scope) -> None:
    """Fill the form's "Người ký" fields for the papers of `kind` (reports.signing): the officials of the
    issuing unit on the paper's date, the default chosen. What stops it (no issuing body chosen for the
    campaign, a unit dissolved without successor) is said where the list would be."""
    try:
        for signing in signings(kind, **scope):
            field = form.fields[signing.parameter]
            unit = issuing_unit(signing.unit, signing.day)
            field.label = signing.label
            field.offer(
                signing.officials(),
                signing.block,
                unit=unit,
                day=signing.day,
                may_add=user.has_perm("documents.manage_signers", unit),
            )
    except ValidationError as error:
        form.fields["signer"].note = " ".join(error.messages)


class ReportRequestForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại báo cáo"))
    campaign = forms.ModelChoiceField(
        label=_("Kế hoạch thi đua"),
        # With its issuing bodies: the "Người ký" fields list their officials.
        queryset=Campaign.objects.select_related("deciding_unit", "appraising_unit").order_by("-issued_on"),
        empty_label=None,
    )
    year = forms.TypedChoiceField(
        label=_("Năm"),
        coerce=int,
        required=False,
        empty_value=None,
        help_text=_("Bắt buộc với báo cáo năm; để trống với báo cáo của đơn vị cho cả kế hoạch."),
    )
    round = forms.ModelChoiceField(
        label=_("Đợt khen thưởng"),
        queryset=AwardRound.objects.select_related("campaign").order_by("-period_end"),
        required=False,
        help_text=_("Chỉ dùng cho tờ trình đề nghị khen thưởng."),
    )
    # Typed, not chosen from a select of ~300 units; matched among the units the user may see.
    unit = UnitSearchField(
        label=_("Đơn vị"),
        required=False,
        help_text=_("Chỉ dùng cho báo cáo của đơn vị. Gõ tên đơn vị (không cần dấu) hoặc mã đơn vị."),
    )
    signer = SignerField()
    decision_signer = SignerField(label=_("Người ký dự thảo quyết định"))
    format = forms.ChoiceField(label=_("Định dạng"), choices=ReportJob.Format.choices, initial="pdf")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        kinds = []
        if user.has_perm("reports.request_summary"):
            kinds += [
                (ReportJob.Kind.ANNUAL, _("Báo cáo kết quả năm")),
                (ReportJob.Kind.FINAL, _("Báo cáo tổng kết phong trào")),
                (ReportJob.Kind.PROPOSAL, _("Tờ trình đề nghị khen thưởng và dự thảo quyết định")),
                (ReportJob.Kind.MOVEMENTS_FORM, _("Biểu 0601.N – Số phong trào thi đua (Thông tư 02/2023)")),
                (
                    ReportJob.Kind.AWARDS_FORM,
                    _("Biểu 0603.N – Số lượng khen thưởng cấp tỉnh (Thông tư 02/2023)"),
                ),
            ]
        if user.has_perm("reports.request_unit_report"):
            kinds.append((ReportJob.Kind.UNIT, _("Báo cáo của đơn vị")))
        self.fields["kind"].choices = kinds
        # The campaigns read once: their list, the years they span, the newest for the signers.
        self.campaigns = list(self.fields["campaign"].queryset)
        self.fields["campaign"].choices = [
            (c.pk, self.fields["campaign"].label_from_instance(c)) for c in self.campaigns
        ]
        years = {y for c in self.campaigns for y in range(c.starts_on.year, c.ends_on.year + 1)}
        self.fields["year"].choices = [("", _("— cả thời gian của kế hoạch —"))] + [
            (y, str(y)) for y in sorted(years, reverse=True)
        ]
        self.fields["round"].label_from_instance = lambda round_: f"{round_.name} ({round_.campaign.number})"
        self.fields["unit"].queryset = visible_units(user)

        own = roles.unit_of(user)
        if not self.is_bound and own is not None and not user.has_perm("reports.request_summary"):
            self.initial.setdefault("unit", own)  # a unit's people report on their own unit first
        self._offer_signers(user)

    def _value(self, name: str):
        """The field's value as the form holds it (posted, else initial), cleaned; None if it is not valid."""
        field = self.fields[name]
        raw = self.data.get(self.add_prefix(name)) if self.is_bound else self.initial.get(name, field.initial)
        if isinstance(raw, Unit | Campaign | AwardRound):
            return raw
        try:
            return field.clean(raw)
        except ValidationError:
            return None

    def _offer_signers(self, user) -> None:
        """The signers of the papers the form holds: its kind (the first offered) and campaign (the newest),
        the unit typed, the round chosen. Asked again (GET with the fields) when one of them changes."""
        choices = self.fields["kind"].choices
        kind = self._value("kind") or (choices[0][0] if choices else None)
        campaign = self._value("campaign") or next(iter(self.campaigns), None)
        if kind is None or campaign is None:
            return
        unit = self._value("unit") if kind == ReportJob.Kind.UNIT else None
        if kind == ReportJob.Kind.UNIT and unit is None:
            self.fields["signer"].note = gettext(
                "Gõ tên hoặc mã đơn vị ở ô “Đơn vị” để chọn người ký của đơn vị; để trống, người ký mặc định "
                "của đơn vị sẽ ký."
            )
            return
        offer_signers(self, user, kind, campaign=campaign, unit=unit, round=self._value("round"))


class MinutesForm(forms.Form):
    """Who signs the minutes of a council meeting as its chair (the other signature is the secretary's)."""

    signer = SignerField()

    def __init__(self, *args, user, round: AwardRound, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["signer"].label = _("Chủ tịch Hội đồng ký biên bản")
        if minutes_day(round) is None:
            self.fields["signer"].note = gettext(
                "Phiên họp của Hội đồng chưa kết thúc: hãy kết thúc phiên họp rồi lập biên bản."
            )
            return
        offer_signers(self, user, ReportJob.Kind.MINUTES, campaign=round.campaign, round=round)


class NarrativePartForm(forms.Form):
    """One written part of a summary report on the "Dự thảo báo cáo" page, prefixed by the part's key.

    `based_on` is the version the text was loaded from; the page writes it from the part's current
    version, so a save refused because someone saved meanwhile is based on the newer one the next time.
    """

    text = forms.CharField(
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 8, "maxlength": narrative.MAX_CHARS, "spellcheck": "true"}),
    )
    based_on = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def __init__(self, *args, part: narrative.Part, **kwargs):
        super().__init__(*args, prefix=part.key, **kwargs)
        self.part = part
        self.fields["text"].label = part.label
        self.fields["text"].help_text = part.hint
        # The page prints the hint above the box under this id (reports/draft.html).
        self.fields["text"].widget.attrs["aria-describedby"] = f"goi-y-{part.key}"


class RestorePartForm(forms.Form):
    """The history page's "Khôi phục bản này": the part's current version when the page was drawn."""

    based_on = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
