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
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from campaigns.models import AwardRound, AwardType, Campaign, CampaignSection, DocumentType
from campaigns.services.rounds import load_round
from campaigns.text import normalize
from criteria.models import Criterion, CriterionSet, DutyDeadline, EmulationContent, Subject
from criteria.services import criteria_frozen_reason

# The codes a plan's contents may name, by the content's key in the file ("practice_kinds", …), with their
# labels (lazy). The apps that own them register them (criteria cannot import practices).
CONTENT_CODES: dict[str, dict] = {}


def register_content_codes(key: str, choices) -> None:
    """Let a plan's contents name these codes under `key` (choices: (code, label) pairs)."""
    CONTENT_CODES[key] = {str(code): label for code, label in choices}


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
            (_("tạo mới"), self.created),
            (_("cập nhật"), self.updated),
            (_("giữ nguyên"), self.unchanged),
            (_("xóa"), self.deleted),
        ):
            if bucket:
                counts = ", ".join(f"{n} {what}" for what, n in sorted(bucket.items()))
                out.append(_("%(label)s: %(counts)s") % {"label": label, "counts": counts})
        return out


class _DryRun(Exception):
    pass


def load_plan_file(path: str | Path, *, dry_run: bool = False) -> LoadSummary:
    """Read a YAML plan file and load it (or only check it, with dry_run)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise PlanFileError(
            _("Không tìm thấy tệp “%(path)s”. Hãy kiểm tra lại đường dẫn.") % {"path": path}
        ) from exc
    except UnicodeDecodeError as exc:
        raise PlanFileError(
            _("Tệp “%(path)s” không ở mã UTF-8. Hãy lưu lại với mã UTF-8.") % {"path": path}
        ) from exc
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = _(" (dòng %(line)s)") % {"line": mark.line + 1} if mark else ""
        raise PlanFileError(
            _("Tệp kế hoạch không đúng cú pháp YAML%(where)s. Hãy sửa rồi nạp lại.") % {"where": where}
        ) from exc
    return load_plan(data, dry_run=dry_run)


def load_plan(data, *, dry_run: bool = False) -> LoadSummary:
    """Load a parsed plan (dict) in one transaction; with dry_run roll everything back."""
    if not isinstance(data, dict) or not isinstance(data.get("campaign"), dict):
        raise PlanFileError(
            _("Tệp kế hoạch phải có mục “campaign” mô tả kế hoạch. Hãy xem tệp mẫu trong plans/.")
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


def load_criteria_and_contents(campaign: Campaign, data: dict) -> LoadSummary:
    """The criterion sets and the contents of a parsed plan file, for a campaign that exists already
    (a synthetic data set takes a real plan's), in one transaction."""
    summary = LoadSummary(campaign=campaign)
    with transaction.atomic():
        _load_criteria(campaign, _list(data, "criterion_sets"), summary)
        _load_contents(campaign, _list(data, "contents"), summary)
    return summary


# --- Field readers: each raises PlanFileError naming the place in the file ---------------------


def _text(obj: dict, key: str, where: str, *, required: bool = True, multiline: bool = False) -> str:
    value = obj.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise PlanFileError(
                _("%(where)s: thiếu “%(key)s”. Hãy bổ sung rồi nạp lại.") % {"where": where, "key": key}
            )
        return ""
    if not isinstance(value, (str, int, float)):
        raise PlanFileError(_("%(where)s: “%(key)s” phải là văn bản.") % {"where": where, "key": key})
    if multiline:
        # Keep paragraphs and list lines; normalise each line.
        return "\n".join(normalize(line) for line in str(value).strip().splitlines())
    return normalize(str(value))


def _date(obj: dict, key: str, where: str, *, required: bool = True) -> dt.date | None:
    value = obj.get(key)
    if value is None:
        if required:
            raise PlanFileError(
                _("%(where)s: thiếu ngày “%(key)s”. Hãy ghi theo dạng YYYY-MM-DD.")
                % {"where": where, "key": key}
            )
        return None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise PlanFileError(
            _("%(where)s: “%(key)s” = “%(value)s” không phải ngày hợp lệ (YYYY-MM-DD).")
            % {"where": where, "key": key, "value": value}
        ) from exc


def _int(obj: dict, key: str, where: str, default: int | None = None, minimum: int = 0) -> int | None:
    value = obj.get(key, default)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise PlanFileError(
            _("%(where)s: “%(key)s” phải là số nguyên không nhỏ hơn %(minimum)s.")
            % {"where": where, "key": key, "minimum": minimum}
        )
    return value


def _decimal(obj: dict, key: str, where: str, default: str) -> Decimal:
    value = obj.get(key, default)
    try:
        number = Decimal(str(value))
    except InvalidOperation as exc:
        raise PlanFileError(
            _("%(where)s: “%(key)s” = “%(value)s” không phải là số.")
            % {"where": where, "key": key, "value": value}
        ) from exc
    if not number.is_finite():
        raise PlanFileError(
            _("%(where)s: “%(key)s” = “%(value)s” không phải là số.")
            % {"where": where, "key": key, "value": value}
        )
    return number


def _choice(obj: dict, key: str, where: str, choices, default=None) -> str:
    value = obj.get(key, default)
    allowed = [c.value for c in choices]
    if value not in allowed:
        raise PlanFileError(
            _("%(where)s: “%(key)s” = “%(value)s” không hợp lệ; chọn một trong: %(allowed)s.")
            % {"where": where, "key": key, "value": value, "allowed": ", ".join(allowed)}
        )
    return value


def _list(data: dict, key: str) -> list:
    value = data.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise PlanFileError(
            _("Mục “%(key)s” phải là một danh sách các mục. Hãy xem tệp mẫu trong plans/.") % {"key": key}
        )
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
    _load_contents(campaign, _list(data, "contents"), summary)
    _load_duty_deadlines(campaign, _list(data, "duty_deadlines"), summary)


def _load_campaign(raw: dict, summary: LoadSummary) -> Campaign:
    where = _("Mục campaign")
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
        raise PlanFileError(_("%(where)s: ngày kết thúc phải sau ngày bắt đầu.") % {"where": where})
    return _upsert(summary, _("kế hoạch"), Campaign, {"number": number}, values)


def _load_sections(campaign: Campaign, raws: list, summary: LoadSummary) -> None:
    keys = []
    for order, raw in enumerate(raws, start=1):
        where = _("Mục sections, phần thứ %(n)s") % {"n": order}
        key = _text(raw, "key", where)
        if key in keys:
            raise PlanFileError(
                _("%(where)s: khóa “%(key)s” bị trùng. Mỗi phần cần một khóa riêng.")
                % {"where": where, "key": key}
            )
        keys.append(key)
        values = {
            "order": order,
            "heading": _text(raw, "heading", where, required=False),
            "body": _text(raw, "body", where, required=False, multiline=True),
        }
        _upsert(summary, _("mục kế hoạch"), CampaignSection, {"campaign": campaign, "key": key}, values)
    # The file is the plan's text: a part it no longer has is removed.
    stale = CampaignSection.objects.filter(campaign=campaign).exclude(key__in=keys)
    if stale.exists():
        summary.count("deleted", _("mục kế hoạch"), stale.count())
        stale.delete()


def _load_award_types(raws: list, summary: LoadSummary) -> dict[str, AwardType]:
    found = {}
    for i, raw in enumerate(raws, start=1):
        where = _("Mục award_types, dòng thứ %(n)s") % {"n": i}
        code = _text(raw, "code", where)
        values = {
            "name": _text(raw, "name", where),
            "short_name": _text(raw, "short_name", where),
            "level": _choice(raw, "level", where, AwardType.Level),
            "order": _int(raw, "order", where, i),
            "statistics_column": _choice(
                raw, "statistics_column", where, AwardType.StatisticsColumn, AwardType.StatisticsColumn.NONE
            ),
        }
        found[code] = _upsert(summary, _("hình thức khen thưởng"), AwardType, {"code": code}, values)
    return found


def _load_document_types(raws: list, summary: LoadSummary) -> dict[str, DocumentType]:
    found = {}
    for i, raw in enumerate(raws, start=1):
        where = _("Mục document_types, dòng thứ %(n)s") % {"n": i}
        code = _text(raw, "code", where)
        values = {"name": _text(raw, "name", where), "order": _int(raw, "order", where, i)}
        found[code] = _upsert(summary, _("loại tài liệu"), DocumentType, {"code": code}, values)
    return found


def _load_rounds(campaign, raws, award_types, document_types, summary) -> None:
    for i, raw in enumerate(raws, start=1):
        where = _("Mục rounds, đợt thứ %(n)s") % {"n": i}
        code = _text(raw, "code", where)
        where = _("Đợt “%(code)s”") % {"code": code}
        values = {
            "code": code,
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
        required_codes = raw.get("required_documents") or []
        unknown = [c for c in required_codes if c not in document_types]
        if unknown:
            raise PlanFileError(
                _("%(where)s: loại tài liệu chưa khai báo trong document_types: %(codes)s.")
                % {"where": where, "codes": ", ".join(map(str, unknown))}
            )
        quotas = raw.get("quotas") or {}
        if not isinstance(quotas, dict):
            raise PlanFileError(
                _("%(where)s: “quotas” phải là các cặp mã hình thức: số lượng.") % {"where": where}
            )
        for award_code, count in quotas.items():
            if award_code not in award_types:
                raise PlanFileError(
                    _("%(where)s: hình thức khen thưởng “%(code)s” chưa khai báo trong award_types.")
                    % {"where": where, "code": award_code}
                )
            if isinstance(count, bool) or not isinstance(count, int) or count < 0:
                raise PlanFileError(
                    _("%(where)s: chỉ tiêu “%(code)s” phải là số nguyên không âm.")
                    % {"where": where, "code": award_code}
                )
        # Rounds and quotas have one write path, the rounds service: the rules of the manager's page.
        try:
            saved = load_round(
                campaign=campaign,
                values=values,
                required_document_types=[document_types[c] for c in required_codes],
                quotas={award_types[c]: count for c, count in quotas.items()},
            )
        except ValidationError as exc:
            raise PlanFileError(f"{where}: " + " ".join(exc.messages)) from exc
        what = _("đợt khen thưởng")
        if saved.created:
            summary.count("created", what)
        else:
            summary.count("updated" if saved.fields_changed else "unchanged", what)
            if saved.documents_changed:
                summary.count("updated", _("danh sách tài liệu bắt buộc"))
        for bucket, n in saved.quotas.items():
            summary.count(bucket, _("chỉ tiêu"), n)


def _load_criteria(campaign: Campaign, raws: list, summary: LoadSummary) -> None:
    frozen = criteria_frozen_reason(campaign)
    for i, raw in enumerate(raws, start=1):
        where = _("Mục criterion_sets, bộ thứ %(n)s") % {"n": i}
        subject = _choice(raw, "subject", where, Subject)
        criterion_set = _upsert(
            summary,
            _("bộ tiêu chí"),
            CriterionSet,
            {"campaign": campaign, "subject": subject},
            {"title": _text(raw, "title", where)},
        )
        codes = []
        for j, item in enumerate(_list(raw, "criteria"), start=1):
            cwhere = _("%(where)s, tiêu chí thứ %(n)s") % {"where": where, "n": j}
            values = _criterion_values(item, cwhere, subject)
            code = values.pop("code")
            if code in codes:
                raise PlanFileError(
                    _("%(where)s: mã “%(code)s” bị trùng trong bộ tiêu chí.")
                    % {"where": cwhere, "code": code}
                )
            codes.append(code)
            existing = Criterion.objects.filter(criterion_set=criterion_set, code=code).first()
            # The short name only labels the reports' tables: it may change after dossiers are scored.
            scored = {k: v for k, v in values.items() if k != "short_text"}
            if frozen and (existing is None or any(getattr(existing, k) != v for k, v in scored.items())):
                raise PlanFileError(f"{cwhere}: {frozen}")
            _upsert(summary, _("tiêu chí"), Criterion, {"criterion_set": criterion_set, "code": code}, values)
        stale = Criterion.objects.filter(criterion_set=criterion_set).exclude(code__in=codes)
        if stale.exists():
            if frozen:
                raise PlanFileError(f"{where}: {frozen}")
            summary.count("deleted", _("tiêu chí"), stale.count())
            stale.delete()


def _criterion_values(item: dict, where: str, subject: str) -> dict:
    from criteria.services import criterion_problems

    values = {
        "code": normalize(str(item.get("code", ""))).lower(),
        "text": _text(item, "text", where),
        "short_text": _text(item, "short", where, required=False),
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


def _codes(raw: dict, key: str, where: str) -> list[str]:
    """A content's list of codes under `key`, each one a code its owner registered."""
    value = raw.get(key) or []
    if not isinstance(value, list):
        raise PlanFileError(
            _("%(where)s: “%(key)s” phải là một danh sách mã, ví dụ [initiative].")
            % {"where": where, "key": key}
        )
    allowed = list(CONTENT_CODES.get(key, {}))
    codes = [str(v) for v in value]
    unknown = [c for c in codes if c not in allowed]
    if unknown:
        raise PlanFileError(
            _("%(where)s: “%(key)s” có mã không hợp lệ: %(codes)s; chọn trong: %(allowed)s.")
            % {"where": where, "key": key, "codes": ", ".join(unknown), "allowed": ", ".join(allowed)}
        )
    return list(dict.fromkeys(codes))


def _content_criteria(campaign: Campaign, raw: dict, where: str) -> list[Criterion]:
    """The criteria a content names, as {subject: [codes]}, found in the campaign's loaded sets."""
    value = raw.get("criteria") or {}
    if not isinstance(value, dict):
        raise PlanFileError(
            _("%(where)s: “criteria” phải ghi theo đối tượng, ví dụ {collective: [c], individual: [b]}.")
            % {"where": where}
        )
    found = []
    for subject, codes in value.items():
        if subject not in Subject.values or not isinstance(codes, list):
            raise PlanFileError(
                _(
                    "%(where)s: “criteria” phải ghi theo đối tượng (%(subjects)s), "
                    "mỗi đối tượng một danh sách mã."
                )
                % {"where": where, "subjects": ", ".join(Subject.values)}
            )
        for code in codes:
            code = normalize(str(code)).lower()
            criterion = Criterion.objects.filter(
                criterion_set__campaign=campaign, criterion_set__subject=subject, code=code
            ).first()
            if criterion is None:
                raise PlanFileError(
                    _("%(where)s: bộ tiêu chí %(subject)s không có tiêu chí “%(code)s”.")
                    % {"where": where, "subject": Subject(subject).label.lower(), "code": code}
                )
            found.append(criterion)
    return found


def _load_contents(campaign: Campaign, raws: list, summary: LoadSummary) -> None:
    numbers = []
    for i, raw in enumerate(raws, start=1):
        where = _("Mục contents, nội dung thứ %(n)s") % {"n": i}
        number = _int(raw, "number", where, i, minimum=1)
        if number in numbers:
            raise PlanFileError(
                _("%(where)s: số thứ tự %(number)s bị trùng. Mỗi nội dung một số riêng.")
                % {"where": where, "number": number}
            )
        numbers.append(number)
        values = {
            "title": _text(raw, "title", where),
            "practice_kinds": _codes(raw, "practice_kinds", where),
            "practice_fields": _codes(raw, "practice_fields", where),
            "difficulty_topics": _codes(raw, "difficulty_topics", where),
        }
        criteria = _content_criteria(campaign, raw, where)
        content = EmulationContent.objects.filter(campaign=campaign, number=number).first()
        if content is None:
            content = EmulationContent.objects.create(campaign=campaign, number=number, **values)
            content.criteria.set(criteria)
            summary.count("created", _("nội dung thi đua"))
            continue
        changed = [k for k, v in values.items() if getattr(content, k) != v]
        relinked = set(content.criteria.values_list("pk", flat=True)) != {c.pk for c in criteria}
        for k in changed:
            setattr(content, k, values[k])
        if changed:
            content.save()
        if relinked:
            content.criteria.set(criteria)
        summary.count("updated" if changed or relinked else "unchanged", _("nội dung thi đua"))
    stale = EmulationContent.objects.filter(campaign=campaign).exclude(number__in=numbers)
    if stale.exists():
        summary.count("deleted", _("nội dung thi đua"), stale.count())
        stale.delete()


def _load_duty_deadlines(campaign: Campaign, raws: list, summary: LoadSummary) -> None:
    seen_single = set()
    for i, raw in enumerate(raws, start=1):
        where = _("Mục duty_deadlines, dòng thứ %(n)s") % {"n": i}
        code = _text(raw, "code", where)
        kind = _choice(raw, "kind", where, DutyDeadline.Kind)
        if kind != DutyDeadline.Kind.REPORT:
            if kind in seen_single:
                raise PlanFileError(
                    _("%(where)s: mỗi kế hoạch chỉ có một hạn “%(label)s”.")
                    % {"where": where, "label": DutyDeadline.Kind(kind).label}
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
            raise PlanFileError(_("%(where)s: kỳ báo cáo phải kết thúc sau khi bắt đầu.") % {"where": where})
        _upsert(summary, _("hạn nhiệm vụ"), DutyDeadline, {"campaign": campaign, "code": code}, values)
