"""The "Báo cáo" pages: ask for a report, follow its progress, download it, see the history; a
decision's certificates, which are a job of the same kind (asked for from the decision's page); and the
drafts of the annual and end-of-campaign reports, whose written parts Sở Nội vụ keeps in versions."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from awards.views.certificates import printable_decision
from campaigns.models import AwardRound, Campaign
from portal.web import (
    act,
    call_service,
    paginate,
    permission_required,
    show_form_errors,
    submit_form,
    visible_or_404,
)
from reports import narrative, selectors, services, signing, storage
from reports.content import statistics
from reports.forms import MinutesForm, NarrativePartForm, ReportRequestForm, RestorePartForm
from reports.models import STATISTICS_KINDS, ReportJob

PAGE_SIZE = 20
CONTENT_TYPES = {
    ReportJob.Format.PDF: "application/pdf",
    ReportJob.Format.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ReportJob.Format.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _visible_job(request, pk: int) -> ReportJob:
    """The job if this user may see it; 404 otherwise (another unit's report does not exist for them)."""
    return visible_or_404(request, "reports.view_job", selectors.visible_jobs(request.user), pk=pk)


def _stored_file(job: ReportJob):
    """The path of a done job's file on the server; 404 while it is not built or when it is gone."""
    if job.state != ReportJob.State.DONE or not job.file:
        raise Http404(_("Báo cáo chưa tạo xong."))
    path = storage.path_of(job.file.name)
    if not path.is_file():
        raise Http404(_("Tệp báo cáo không còn trên máy chủ."))
    return path


def _request_report(**kwargs) -> ReportJob:
    """request_report, its refusal of a kind or unit outside the user's reach shown on the form like its
    other sentences (the form only offers what the user may ask for; this is a forged or stale POST)."""
    try:
        return services.request_report(**kwargs)
    except PermissionDenied as error:
        raise ValidationError(str(error)) from error


# What a GET may preset in the request form (a link from the ranking board; the page asking again for
# the signers when the kind, campaign, round or unit changes).
PRESET_FIELDS = ("kind", "campaign", "year", "round", "unit", "format")


@permission_required("reports.view_reports")
def home(request):
    preset = {name: request.GET[name] for name in PRESET_FIELDS if request.GET.get(name)}
    form = ReportRequestForm(request.POST or None, user=request.user, initial=preset)
    ok, job = submit_form(
        request,
        form,
        _request_report,
        success=_("Đã nhận yêu cầu. Báo cáo đang được tạo, hãy theo dõi tiến độ bên dưới."),
    )
    if ok:
        return redirect("reports:job", pk=job.pk)
    return render(
        request,
        "reports/home.html",
        {
            "form": form,
            "page": paginate(request, selectors.visible_jobs(request.user), PAGE_SIZE),
            "breadcrumbs": [(_("Báo cáo"), None)],
        },
    )


@permission_required("reports.view_reports")
def job(request, pk: int):
    job = _visible_job(request, pk)
    versions = selectors.visible_jobs(request.user).filter(series=job.series).order_by("-version")[:20]
    if job.kind == ReportJob.Kind.CERTIFICATES:
        back = (job.decision.number, reverse("awards:decision_detail", args=[job.decision_id]))
    else:
        back = (_("Báo cáo"), reverse("reports:home"))
    return render(
        request,
        "reports/job.html",
        {
            "job": job,
            "signers": signing.described(job),
            "versions": versions,
            "narrative": _job_narrative(job),
            "breadcrumbs": [
                back,
                (_("%(title)s – bản %(version)s") % {"title": job.title, "version": job.version}, None),
            ],
        },
    )


def _job_narrative(job: ReportJob) -> dict | None:
    """The written parts a summary job was asked with: each part's version, and those not written."""
    if job.kind not in narrative.KINDS or "narrative" not in job.parameters:
        return None
    used = {v.key: v for v in selectors.job_parts(job)}
    parts = narrative.parts_of(job.campaign, job.kind, job.year)
    return {
        "rows": [(p, used.get(p.key)) for p in parts],
        "missing": [p for p in parts if p.key not in used or not narrative.paragraphs_of(used[p.key].text)],
        "url": reverse("reports:draft", args=[job.campaign_id, narrative.period(job.kind, job.year)]),
    }


@never_cache
@require_GET
@permission_required("reports.view_reports")
def job_status(request, pk: int):
    job = _visible_job(request, pk)
    return JsonResponse(
        {
            "state": job.state,
            "state_label": job.get_state_display(),
            "progress": job.progress,
            "step": job.step,
            "error": job.error,
            "finished": job.is_finished,
            "download_url": reverse("reports:download", args=[job.pk])
            if job.state == ReportJob.State.DONE
            else None,
        }
    )


@require_GET
@permission_required("reports.view_reports")
def download(request, pk: int):
    job = _visible_job(request, pk)
    path = _stored_file(job)
    return FileResponse(
        path.open("rb"),
        as_attachment=True,
        filename=job.download_name(),
        content_type=CONTENT_TYPES[job.format],
    )


@require_POST
@permission_required("reports.view_reports")
def retry(request, pk: int):
    job = _visible_job(request, pk)
    return act(
        request,
        services.retry_report,
        back=reverse("reports:job", args=[job.pk]),
        success=_("Đã gửi lại yêu cầu tạo báo cáo."),
        job=job,
    )


def _file_of_record(request, *, job, ask, here: str, page: dict, form=None):
    """A file built once from a record (a decision's certificates or paper, a council's minutes). GET:
    the file once built, the job's page while it is being built or has failed, else a button to ask for
    it (`page`, with `form`'s fields above the button); POST: `ask(**form's values)` queues it through its
    service (an invalid form, or the service's refusal, as messages on the page again)."""
    if request.method == "POST":
        if form is not None and not form.is_valid():
            show_form_errors(request, form)
            return redirect(here)
        ok, queued = call_service(
            request,
            ask,
            success=_("Đang tạo tệp ở chế độ nền; trang sẽ tự cập nhật khi xong."),
            **(form.cleaned_data if form is not None else {}),
        )
        return redirect("reports:job", pk=queued.pk) if ok else redirect(here)
    if job is None:
        return render(request, "reports/file_of_record.html", {**page, "form": form})
    if job.state != ReportJob.State.DONE:
        return redirect("reports:job", pk=job.pk)
    response = HttpResponse(_stored_file(job).read_bytes(), content_type=CONTENT_TYPES[job.format])
    disposition = "inline" if job.format == ReportJob.Format.PDF else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{job.download_name()}"'
    return response


def _decision_page(decision, title: str, explanation: str, button: str) -> dict:
    return {
        "title": title,
        "explanation": explanation,
        "button": button,
        "breadcrumbs": [
            (decision.number, reverse("awards:decision_detail", args=[decision.pk])),
            (title, None),
        ],
    }


@permission_required("awards.print_certificates", fn=printable_decision)
def certificates(request, decision_id: int):
    """All certificates of a decision in one PDF, one A4 landscape page each."""
    decision = printable_decision(request, decision_id)
    kind = ReportJob.Kind.CERTIFICATES
    return _file_of_record(
        request,
        job=selectors.decision_job(decision, kind),
        ask=lambda: services.request_decision_file(actor=request.user, decision=decision, kind=kind),
        here=reverse("reports:certificates", args=[decision.pk]),
        page=_decision_page(
            decision,
            _("Giấy chứng nhận của quyết định số %(number)s") % {"number": decision.number},
            _(
                "Tệp PDF gồm giấy chứng nhận của tất cả người được khen thưởng, mỗi người một trang A4 khổ "
                "ngang. Tệp được tạo ở chế độ nền; trang tiến độ tự cập nhật khi xong."
            ),
            _("Tạo tệp PDF"),
        ),
    )


@permission_required("awards.print_certificates", fn=printable_decision)
def decision_paper(request, decision_id: int, format: str):
    """The decision as issued (its list and bonuses), in PDF or in Word for the office to edit."""
    decision = printable_decision(request, decision_id)
    kind = ReportJob.Kind.DECISION
    if format not in services.DECISION_FILES[kind]:
        raise Http404
    return _file_of_record(
        request,
        job=selectors.decision_job(decision, kind, format),
        ask=lambda: services.request_decision_file(
            actor=request.user, decision=decision, kind=kind, format=format
        ),
        here=reverse("reports:decision_paper", args=[decision.pk, format]),
        page=_decision_page(
            decision,
            _("Văn bản quyết định số %(number)s") % {"number": decision.number},
            _(
                "Quyết định như đã ban hành: số, ngày, căn cứ, các điều, danh sách được khen thưởng và tiền "
                "thưởng của từng người. Tệp Word để văn thư chỉnh sửa, tệp PDF để in."
            ),
            _("Tạo tệp Word") if format == ReportJob.Format.DOCX else _("Tạo tệp PDF"),
        ),
    )


@permission_required("awards.manage_council")
def council_minutes(request, round_id: int, format: str):
    """The minutes of the round's council meeting (members, each dossier's tally, the result), signed by
    the secretary and by the chair chosen on the page."""
    round_ = get_object_or_404(AwardRound.objects.select_related("campaign"), pk=round_id)
    if format not in services.MINUTES_FORMATS:
        raise Http404
    title = _("Biên bản họp Hội đồng – %(round)s") % {"round": round_.name}
    return _file_of_record(
        request,
        job=selectors.minutes_job(round_, format),
        ask=lambda **values: services.request_minutes(
            actor=request.user, round=round_, format=format, **values
        ),
        # Bound on any POST: the form's one field may be absent (nobody to choose).
        form=MinutesForm(request.POST if request.method == "POST" else None, user=request.user, round=round_),
        here=reverse("reports:council_minutes", args=[round_.pk, format]),
        page={
            "title": title,
            "explanation": _(
                "Biên bản gồm thành phần Hội đồng, kết quả biểu quyết từng hồ sơ và kết luận, lập từ phiên "
                "họp "
                "đã kết thúc của đợt. Tệp Word để văn thư chỉnh sửa trước khi ký."
            ),
            "button": _("Tạo tệp Word") if format == ReportJob.Format.DOCX else _("Tạo tệp PDF"),
            "breadcrumbs": [(round_.name, reverse("awards:council_round", args=[round_.pk])), (title, None)],
        },
    )


@require_GET
@permission_required("reports.request_summary")
def statistics_form(request, form_code: str):
    """Biểu 0601.N or 0603.N of a year (?year=) on screen: every figure opens the records behind it."""
    if form_code not in statistics.FORMS:
        raise Http404
    this_year = timezone.localdate().year
    year_text = request.GET.get("year", "")
    year = int(year_text) if year_text.isdigit() and 2000 <= int(year_text) <= this_year + 1 else this_year
    form = statistics.build(form_code, year)
    chosen = request.GET.get("o", "")
    code, _sep, column = chosen.partition("-")
    opened = None
    row = next((r for r in form.rows if r.code and r.code == code), None)
    if row is not None and column.isdigit() and 1 <= int(column) <= len(row.cells):
        opened = {"row": row, "column": int(column), "cell": row.cells[int(column) - 1]}
    kind = next(k for k, f in STATISTICS_KINDS.items() if f == form_code)
    return render(
        request,
        "reports/statistics_form.html",
        {
            "form": form,
            "opened": opened,
            "kind": kind,
            "campaign": selectors.current_campaign(),
            "years": range(this_year, 2023, -1),
            "breadcrumbs": [(_("Báo cáo"), reverse("reports:home")), (form.number, None)],
        },
    )


# --- "Dự thảo báo cáo": the parts of the annual and end-of-campaign reports Sở Nội vụ writes ---------


def _draft_of(campaign_id: int, period: str) -> tuple[Campaign, str, int | None]:
    """(campaign, kind, year) of a draft's address; 404 for an unknown campaign, period or year."""
    campaign = get_object_or_404(Campaign, pk=campaign_id)
    if period == narrative.FINAL_PERIOD:
        return campaign, ReportJob.Kind.FINAL, None
    prefix, _sep, digits = period.partition("-")
    if prefix != "nam" or not digits.isdigit():
        raise Http404
    year = int(digits)
    if period != narrative.period(ReportJob.Kind.ANNUAL, year):
        raise Http404
    if not campaign.starts_on.year <= year <= campaign.ends_on.year:
        raise Http404
    return campaign, ReportJob.Kind.ANNUAL, year


def _draft_title(campaign, kind: str, year: int | None) -> str:
    if kind == ReportJob.Kind.FINAL:
        return _("Dự thảo báo cáo tổng kết phong trào")
    return _("Dự thảo báo cáo kết quả năm %(year)s") % {"year": year}


def _part_of(campaign, kind: str, year: int | None, key: str) -> narrative.Part:
    part = next((p for p in narrative.parts_of(campaign, kind, year) if p.key == key), None)
    if part is None:
        raise Http404
    return part


def _initial(version) -> dict:
    return {"text": version.text if version else "", "based_on": version.pk if version else None}


def _edited(forms: list[NarrativePartForm], campaign, kind: str, year: int | None) -> list[NarrativePartForm]:
    """The parts whose text the writer changed from the version they loaded (one query): only those are
    saved, so a part someone else saved meanwhile, left alone here, keeps its newer version."""
    based = {f.cleaned_data["based_on"] for f in forms if f.is_valid() and f.cleaned_data["based_on"]}
    loaded = dict(
        selectors.part_versions(campaign, kind, year).filter(pk__in=based).values_list("pk", "text")
    )
    return [
        f
        for f in forms
        if not f.is_valid()
        or narrative.clean_text(f.cleaned_data["text"])
        != narrative.clean_text(loaded.get(f.cleaned_data["based_on"], ""))
    ]


def _saved_message(part: narrative.Part):
    def message(version) -> str:
        if version is None:
            return _("Phần “%(part)s” không khác bản hiện tại nên không lưu bản mới.") % {"part": part.label}
        return _("Đã lưu phần “%(part)s” (bản %(version)s).") % {
            "part": part.label,
            "version": version.version,
        }

    return message


def _draft_page(request, campaign, kind: str, year: int | None, refused: dict | None = None):
    """The draft's page: every part with its current version; `refused` the forms whose save was refused,
    drawn again with the writer's text."""
    refused = refused or {}
    parts = narrative.parts_of(campaign, kind, year)
    current = selectors.current_parts(campaign, kind, year)
    may_write = request.user.has_perm("reports.write_narrative")
    period = narrative.period(kind, year)
    rows = []
    for part in parts:
        version = current.get(part.key)
        form = None
        if may_write:
            form = refused.get(part.key) or NarrativePartForm(part=part, initial=_initial(version))
        rows.append(
            {
                "part": part,
                "current": version,
                "paragraphs": narrative.paragraphs_of(version.text if version else ""),
                "form": form,
                "history": reverse("reports:part_history", args=[campaign.pk, period, part.key]),
            }
        )
    title = _draft_title(campaign, kind, year)
    return render(
        request,
        "reports/draft.html",
        {
            "title": title,
            "campaign": campaign,
            "kind": kind,
            "rows": rows,
            "written": sum(1 for r in rows if r["paragraphs"]),
            "refused": [r["part"] for r in rows if r["part"].key in refused],
            "may_write": may_write,
            "save_url": reverse("reports:save_draft", args=[campaign.pk, period]),
            "max_chars": narrative.MAX_CHARS,
            "breadcrumbs": [(_("Báo cáo"), reverse("reports:home")), (title, None)],
        },
    )


@require_GET
@permission_required("reports.request_summary")
def draft(request, campaign_id: int, period: str):
    """Every written part of one report: its text, who saved it and when; a form for Sở Nội vụ."""
    campaign, kind, year = _draft_of(campaign_id, period)
    return _draft_page(request, campaign, kind, year)


@require_POST
@permission_required("reports.write_narrative")
def save_draft(request, campaign_id: int, period: str):
    """Save every part the writer changed, each as its own version; a refused one is drawn again with
    the writer's text and the reason, the others are saved."""
    campaign, kind, year = _draft_of(campaign_id, period)
    forms = [NarrativePartForm(request.POST, part=p) for p in narrative.parts_of(campaign, kind, year)]
    edited = _edited(forms, campaign, kind, year)
    if not edited:
        messages.info(request, _("Không phần nào khác bản hiện tại nên không có bản mới được lưu."))
    refused = {}
    for form in edited:
        ok, _version = submit_form(
            request,
            form,
            services.write_part,
            success=_saved_message(form.part),
            campaign=campaign,
            kind=kind,
            year=year,
            key=form.part.key,
        )
        if not ok:
            refused[form.part.key] = form
    if refused:
        return _draft_page(request, campaign, kind, year, refused)
    anchor = request.POST.get("part", "")
    url = reverse("reports:draft", args=[campaign.pk, narrative.period(kind, year)])
    return redirect(url + (f"#phan-{anchor}" if any(f.part.key == anchor for f in forms) else ""))


@require_GET
@permission_required("reports.request_summary")
def part_history(request, campaign_id: int, period: str, key: str):
    """Every version of one part, newest first: who, when, its text; Sở Nội vụ may restore one."""
    campaign, kind, year = _draft_of(campaign_id, period)
    part = _part_of(campaign, kind, year, key)
    versions = selectors.part_versions(campaign, kind, year).filter(key=key).order_by("-version")
    page = paginate(request, versions, PAGE_SIZE)
    current = versions.first() if page.number > 1 else (page.object_list[0] if page.object_list else None)
    title = _draft_title(campaign, kind, year)
    draft_url = reverse("reports:draft", args=[campaign.pk, period])
    return render(
        request,
        "reports/part_history.html",
        {
            "title": _("Lịch sử phần “%(part)s”") % {"part": part.label},
            "part": part,
            "page": page,
            "entries": [(v, narrative.paragraphs_of(v.text)) for v in page.object_list],
            "current": current,
            "campaign": campaign,
            "period": period,
            "draft_url": draft_url,
            "may_write": request.user.has_perm("reports.write_narrative"),
            "breadcrumbs": [
                (_("Báo cáo"), reverse("reports:home")),
                (title, draft_url),
                (part.label, None),
            ],
        },
    )


@require_POST
@permission_required("reports.write_narrative")
def restore_part(request, campaign_id: int, period: str, key: str, version_id: int):
    """Write an earlier version's text as the part's next version."""
    campaign, kind, year = _draft_of(campaign_id, period)
    part = _part_of(campaign, kind, year, key)
    version = get_object_or_404(selectors.part_versions(campaign, kind, year).filter(key=key), pk=version_id)
    return act(
        request,
        services.restore_part,
        back=reverse("reports:part_history", args=[campaign.pk, period, key]),
        form=RestorePartForm(request.POST),
        success=lambda restored: (
            _("Đã khôi phục bản %(old)s của phần “%(part)s” thành bản %(new)s.")
            % {"old": version.version, "part": part.label, "new": restored.version}
            if restored
            else _("Bản %(old)s đã là nội dung hiện tại của phần “%(part)s”.")
            % {"old": version.version, "part": part.label}
        ),
        version=version,
    )
