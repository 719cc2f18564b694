"""Load a campaign plan from a YAML file: the plan, its sections, rounds, quotas, criteria, duties.

Generic: nothing here knows plan 169. Loading is all or nothing and idempotent: every row is found
by its natural key (campaign number, section key, round code, criterion code, …) and updated in
place, so loading the same file twice leaves the same rows.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml
from django.db import transaction

from campaigns.models import (
    AwardRound,
    AwardType,
    Campaign,
    CampaignSection,
    DocumentType,
    RoundQuota,
)
from campaigns.text import normalize
from criteria.models import Criterion, CriterionSet, DutyDeadline, Subject
from criteria.services import criteria_frozen_reason


class PlanFileError(Exception):
    """The file cannot be loaded; the message (Vietnamese) says where and what to fix."""


@dataclass
class LoadSummary:
    campaign: Campaign | None = None
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)
    deleted: dict[str, int] = field(default_factory=dict)

    def count(self, bucket: str, what: str, n: int = 1) -> None:
        target = getattr(self, bucket)
        target[what] = target.get(what, 0) + n

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.deleted)

    def lines(self) -> list[str]:
        out = []
        for label, bucket in (
            ("tạo mới", self.created),
            ("cập nhật", self.updated),
            ("giữ nguyên", self.unchanged),
            ("xóa", self.deleted),
        ):
            if bucket:
                out.append(f"{label}: " + ", ".join(f"{n} {what}" for what, n in sorted(bucket.items())))
        return out


class _DryRun(Exception):
    pass


def load_plan_file(path: str | Path, *, dry_run: bool = False) -> LoadSummary:
    """Read a YAML plan file and load it (or only check it, with dry_run)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise PlanFileError(f"Không tìm thấy tệp “{path}”. Hãy kiểm tra lại đường dẫn.") from exc
    except UnicodeDecodeError as exc:
        raise PlanFileError(f"Tệp “{path}” không ở mã UTF-8. Hãy lưu lại với mã UTF-8.") from exc
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (dòng {mark.line + 1})" if mark else ""
        raise PlanFileError(f"Tệp kế hoạch không đúng cú pháp YAML{where}. Hãy sửa rồi nạp lại.") from exc
    return load_plan(data, dry_run=dry_run)


def load_plan(data, *, dry_run: bool = False) -> LoadSummary:
    """Load a parsed plan (dict) in one transaction; with dry_run roll everything back."""
    if not isinstance(data, dict) or not isinstance(data.get("campaign"), dict):
        raise PlanFileError(
            "Tệp kế hoạch phải có mục “campaign” mô tả kế hoạch. Hãy xem tệp mẫu trong plans/."
        )
    summary = LoadSummary()
    try:
        with transaction.atomic():
            _load(data, summary)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return summary


# --- Field readers: each raises PlanFileError naming the place in the file ---------------------


def _text(obj: dict, key: str, where: str, *, required: bool = True, multiline: bool = False) -> str:
    value = obj.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise PlanFileError(f"{where}: thiếu “{key}”. Hãy bổ sung rồi nạp lại.")
        return ""
    if not isinstance(value, (str, int, float)):
        raise PlanFileError(f"{where}: “{key}” phải là văn bản.")
    if multiline:
        # Keep paragraphs and list lines; normalise each line.
        return "\n".join(normalize(line) for line in str(value).strip().splitlines())
    return normalize(str(value))


def _date(obj: dict, key: str, where: str, *, required: bool = True) -> dt.date | None:
    value = obj.get(key)
    if value is None:
        if required:
            raise PlanFileError(f"{where}: thiếu ngày “{key}”. Hãy ghi theo dạng YYYY-MM-DD.")
        return None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise PlanFileError(f"{where}: “{key}” = “{value}” không phải ngày hợp lệ (YYYY-MM-DD).") from exc


def _int(obj: dict, key: str, where: str, default: int | None = None, minimum: int = 0) -> int | None:
    value = obj.get(key, default)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise PlanFileError(f"{where}: “{key}” phải là số nguyên không nhỏ hơn {minimum}.")
    return value


def _decimal(obj: dict, key: str, where: str, default: str) -> Decimal:
    value = obj.get(key, default)
    try:
        number = Decimal(str(value))
    except InvalidOperation as exc:
        raise PlanFileError(f"{where}: “{key}” = “{value}” không phải là số.") from exc
    if not number.is_finite():
        raise PlanFileError(f"{where}: “{key}” = “{value}” không phải là số.")
    return number


def _choice(obj: dict, key: str, where: str, choices, default=None) -> str:
    value = obj.get(key, default)
    allowed = [c.value for c in choices]
    if value not in allowed:
        raise PlanFileError(
            f"{where}: “{key}” = “{value}” không hợp lệ; chọn một trong: {', '.join(allowed)}."
        )
    return value


def _list(data: dict, key: str) -> list:
    value = data.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise PlanFileError(f"Mục “{key}” phải là một danh sách các mục. Hãy xem tệp mẫu trong plans/.")
    return value


def _upsert(summary: LoadSummary, what: str, model, lookup: dict, values: dict):
    """Create or update one row by its natural key; count what happened."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model.objects.create(**lookup, **values)
        summary.count("created", what)
        return obj
    changed = [k for k, v in values.items() if getattr(obj, k) != v]
    if changed:
        for k in changed:
            setattr(obj, k, values[k])
        obj.save()
        summary.count("updated", what)
    else:
        summary.count("unchanged", what)
    return obj


# --- The load itself -------------------------------------------------------------------------


def _load(data: dict, summary: LoadSummary) -> None:
    campaign = _load_campaign(data["campaign"], summary)
    summary.campaign = campaign
    _load_sections(campaign, _list(data, "sections"), summary)
    award_types = _load_award_types(_list(data, "award_types"), summary)
    document_types = _load_document_types(_list(data, "document_types"), summary)
    _load_rounds(campaign, _list(data, "rounds"), award_types, document_types, summary)
    _load_criteria(campaign, _list(data, "criterion_sets"), summary)
    _load_duty_deadlines(campaign, _list(data, "duty_deadlines"), summary)


def _load_campaign(raw: dict, summary: LoadSummary) -> Campaign:
    where = "Mục campaign"
    number = _text(raw, "number", where)
    values = {
        "title": _text(raw, "title", where),
        "kind": _choice(raw, "kind", where, Campaign.Kind, Campaign.Kind.THEMATIC),
        "issuer": _text(raw, "issuer", where),
        "place": _text(raw, "place", where, required=False),
        "signer_name": _text(raw, "signer_name", where, required=False),
        "signer_title": _text(raw, "signer_title", where, required=False),
        "issued_on": _date(raw, "issued_on", where),
        "starts_on": _date(raw, "starts_on", where),
        "ends_on": _date(raw, "ends_on", where),
        "legal_basis": _text(raw, "legal_basis", where, required=False, multiline=True),
        "recipients": _text(raw, "recipients", where, required=False, multiline=True),
        "status": _choice(raw, "status", where, Campaign.Status, Campaign.Status.ACTIVE),
        "ranking_top_n": _int(raw, "ranking_top_n", where, 3, minimum=1),
        "ranking_improvement_k": _int(raw, "ranking_improvement_k", where, 5, minimum=1),
    }
    if values["ends_on"] < values["starts_on"]:
        raise PlanFileError(f"{where}: ngày kết thúc phải sau ngày bắt đầu.")
    return _upsert(summary, "kế hoạch", Campaign, {"number": number}, values)


def _load_sections(campaign: Campaign, raws: list, summary: LoadSummary) -> None:
    keys = []
    for order, raw in enumerate(raws, start=1):
        where = f"Mục sections, phần thứ {order}"
        key = _text(raw, "key", where)
        if key in keys:
            raise PlanFileError(f"{where}: khóa “{key}” bị trùng. Mỗi phần cần một khóa riêng.")
        keys.append(key)
        values = {
            "order": order,
            "heading": _text(raw, "heading", where, required=False),
            "body": _text(raw, "body", where, required=False, multiline=True),
        }
        _upsert(summary, "mục kế hoạch", CampaignSection, {"campaign": campaign, "key": key}, values)
    # The file is the plan's text: a part it no longer has is removed.
    stale = CampaignSection.objects.filter(campaign=campaign).exclude(key__in=keys)
    if stale.exists():
        summary.count("deleted", "mục kế hoạch", stale.count())
        stale.delete()


def _load_award_types(raws: list, summary: LoadSummary) -> dict[str, AwardType]:
    found = {}
    for i, raw in enumerate(raws, start=1):
        where = f"Mục award_types, dòng thứ {i}"
        code = _text(raw, "code", where)
        values = {
            "name": _text(raw, "name", where),
            "short_name": _text(raw, "short_name", where),
            "level": _choice(raw, "level", where, AwardType.Level),
            "order": _int(raw, "order", where, i),
        }
        found[code] = _upsert(summary, "hình thức khen thưởng", AwardType, {"code": code}, values)
    return found


def _load_document_types(raws: list, summary: LoadSummary) -> dict[str, DocumentType]:
    found = {}
    for i, raw in enumerate(raws, start=1):
        where = f"Mục document_types, dòng thứ {i}"
        code = _text(raw, "code", where)
        values = {"name": _text(raw, "name", where), "order": _int(raw, "order", where, i)}
        found[code] = _upsert(summary, "loại tài liệu", DocumentType, {"code": code}, values)
    return found


def _load_rounds(campaign, raws, award_types, document_types, summary) -> None:
    from campaigns.services.rounds import round_problems

    for i, raw in enumerate(raws, start=1):
        where = f"Mục rounds, đợt thứ {i}"
        code = _text(raw, "code", where)
        where = f"Đợt “{code}”"
        values = {
            "name": _text(raw, "name", where),
            "kind": _choice(raw, "kind", where, AwardRound.Kind),
            "year": _int(raw, "year", where, None, minimum=2000),
            "period_start": _date(raw, "period_start", where),
            "period_end": _date(raw, "period_end", where),
            "opens_on": _date(raw, "opens_on", where),
            "closes_on": _date(raw, "closes_on", where),
            "appraisal_deadline": _date(raw, "appraisal_deadline", where),
            "appraisal_working_days": _int(raw, "appraisal_working_days", where, 10, minimum=1),
            "publication_days": _int(raw, "publication_days", where, 5),
            "council_pass_ratio": _decimal(raw, "council_pass_ratio", where, "0.500"),
        }
        problems = round_problems(campaign=campaign, **values)
        if problems:
            raise PlanFileError(f"{where}: " + " ".join(problems))
        required_codes = raw.get("required_documents") or []
        unknown = [c for c in required_codes if c not in document_types]
        if unknown:
            raise PlanFileError(
                f"{where}: loại tài liệu chưa khai báo trong document_types: {', '.join(map(str, unknown))}."
            )
        quotas = raw.get("quotas") or {}
        if not isinstance(quotas, dict):
            raise PlanFileError(f"{where}: “quotas” phải là các cặp mã hình thức: số lượng.")
        for award_code, count in quotas.items():
            if award_code not in award_types:
                raise PlanFileError(
                    f"{where}: hình thức khen thưởng “{award_code}” chưa khai báo trong award_types."
                )
            if isinstance(count, bool) or not isinstance(count, int) or count < 0:
                raise PlanFileError(f"{where}: chỉ tiêu “{award_code}” phải là số nguyên không âm.")

        round_ = _upsert(summary, "đợt khen thưởng", AwardRound, {"campaign": campaign, "code": code}, values)
        wanted_docs = {document_types[c].pk for c in required_codes}
        current_docs = set(round_.required_document_types.values_list("pk", flat=True))
        if wanted_docs != current_docs:
            if round_.submissions_started_at and current_docs:
                raise PlanFileError(
                    f"{where}: đợt đã có hồ sơ nộp nên không thể thay đổi tài liệu bắt buộc qua tệp kế hoạch."
                )
            round_.required_document_types.set(wanted_docs)
            summary.count("updated", "danh sách tài liệu bắt buộc")
        for award_code, count in quotas.items():
            _upsert(
                summary,
                "chỉ tiêu",
                RoundQuota,
                {"round": round_, "award_type": award_types[award_code]},
                {"max_count": count},
            )
        stale = RoundQuota.objects.filter(round=round_).exclude(award_type__code__in=list(quotas))
        if stale.exists():
            summary.count("deleted", "chỉ tiêu", stale.count())
            stale.delete()


def _load_criteria(campaign: Campaign, raws: list, summary: LoadSummary) -> None:
    frozen = criteria_frozen_reason(campaign)
    for i, raw in enumerate(raws, start=1):
        where = f"Mục criterion_sets, bộ thứ {i}"
        subject = _choice(raw, "subject", where, Subject)
        criterion_set = _upsert(
            summary,
            "bộ tiêu chí",
            CriterionSet,
            {"campaign": campaign, "subject": subject},
            {"title": _text(raw, "title", where)},
        )
        codes = []
        for j, item in enumerate(_list(raw, "criteria"), start=1):
            cwhere = f"{where}, tiêu chí thứ {j}"
            values = _criterion_values(item, cwhere, subject)
            code = values.pop("code")
            if code in codes:
                raise PlanFileError(f"{cwhere}: mã “{code}” bị trùng trong bộ tiêu chí.")
            codes.append(code)
            existing = Criterion.objects.filter(criterion_set=criterion_set, code=code).first()
            if frozen and (existing is None or any(getattr(existing, k) != v for k, v in values.items())):
                raise PlanFileError(f"{cwhere}: {frozen}")
            _upsert(summary, "tiêu chí", Criterion, {"criterion_set": criterion_set, "code": code}, values)
        stale = Criterion.objects.filter(criterion_set=criterion_set).exclude(code__in=codes)
        if stale.exists():
            if frozen:
                raise PlanFileError(f"{where}: {frozen}")
            summary.count("deleted", "tiêu chí", stale.count())
            stale.delete()


def _criterion_values(item: dict, where: str, subject: str) -> dict:
    from criteria.services import criterion_problems

    values = {
        "code": normalize(str(item.get("code", ""))).lower(),
        "text": _text(item, "text", where),
        "max_points": _decimal(item, "max_points", where, "10"),
        "evidence_required": bool(item.get("evidence_required", False)),
        "evaluation": _choice(
            item, "evaluation", where, Criterion.Evaluation, Criterion.Evaluation.APPRAISER
        ),
        "source": item.get("source") or "",
    }
    problems = criterion_problems(subject=subject, **values)
    if problems:
        raise PlanFileError(f"{where}: " + " ".join(problems))
    return values


def _load_duty_deadlines(campaign: Campaign, raws: list, summary: LoadSummary) -> None:
    seen_single = set()
    for i, raw in enumerate(raws, start=1):
        where = f"Mục duty_deadlines, dòng thứ {i}"
        code = _text(raw, "code", where)
        kind = _choice(raw, "kind", where, DutyDeadline.Kind)
        if kind != DutyDeadline.Kind.REPORT:
            if kind in seen_single:
                raise PlanFileError(
                    f"{where}: mỗi kế hoạch chỉ có một hạn “{DutyDeadline.Kind(kind).label}”."
                )
            seen_single.add(kind)
        values = {
            "kind": kind,
            "title": _text(raw, "title", where),
            "period_start": _date(raw, "period_start", where, required=False),
            "period_end": _date(raw, "period_end", where, required=False),
            "due_on": _date(raw, "due_on", where),
        }
        if values["period_start"] and values["period_end"] and values["period_end"] < values["period_start"]:
            raise PlanFileError(f"{where}: kỳ báo cáo phải kết thúc sau khi bắt đầu.")
        _upsert(summary, "hạn nhiệm vụ", DutyDeadline, {"campaign": campaign, "code": code}, values)
