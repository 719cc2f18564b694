"""Import of people (cán bộ, công chức, viên chức): matched by identification number, else by
name + date of birth + unit, so that importing the same file again updates instead of duplicating.

Identification numbers appear in no message and no log line except as their last four digits.
"""

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from campaigns.imports.common import (
    BATCH_SIZE,
    CONCURRENT_CHANGE,
    YES_NO,
    ImportResult,
    PreviewRow,
    add_error,
    lookup_cell,
    mask,
    vocabulary,
)
from campaigns.models import Person, Unit
from campaigns.tabular import code_cell, date_cell, digits_cell, read_table, text_cell

PEOPLE_COLUMNS = {
    "full_name": "Họ và tên",
    "date_of_birth": "Ngày sinh",
    "gender": "Giới tính",
    "position": "Chức vụ",
    "unit": "Mã đơn vị",
    "category": "Đối tượng",
    "personal_id": "Số định danh cá nhân",
    "is_leadership": "Lãnh đạo, quản lý",
    "is_direct_worker": "Trực tiếp lao động, công tác",
    # Biểu 0603.N (Thông tư 02/2023/TT-BNV) counts awarded individuals by it (rows 06, 07, 09).
    "leadership_level": "Cấp lãnh đạo",
}
LEVELS = vocabulary(
    {
        **{str(label): value for value, label in Person.LeadershipLevel.choices if value},
        **{value: value for value in Person.LeadershipLevel.values if value},
        "Cấp tỉnh": Person.LeadershipLevel.PROVINCE,
        "Cấp bộ": Person.LeadershipLevel.PROVINCE,
        "Cấp sở": Person.LeadershipLevel.DEPARTMENT,
        "Cấp vụ": Person.LeadershipLevel.DEPARTMENT,
        "Cấp huyện": Person.LeadershipLevel.DEPARTMENT,
        "Cấp phòng": Person.LeadershipLevel.OTHER,
        "Phó phòng trở lên": Person.LeadershipLevel.OTHER,
    }
)
LEVEL_HINT = "“Cấp tỉnh”, “Cấp sở”, “Cấp phòng”"
REQUIRED = ("full_name", "date_of_birth", "gender", "unit", "category")
GENDERS = vocabulary(
    {
        "Nam": Person.Gender.MALE,
        "Nữ": Person.Gender.FEMALE,
        "male": Person.Gender.MALE,
        "female": Person.Gender.FEMALE,
        "M": Person.Gender.MALE,
        "F": Person.Gender.FEMALE,
    }
)
CATEGORIES = vocabulary(
    {
        **{str(label): value for value, label in Person.Category.choices},
        **{value: value for value in Person.Category.values},
        "CB": Person.Category.CAN_BO,
        "CC": Person.Category.CONG_CHUC,
        "VC": Person.Category.VIEN_CHUC,
    }
)
CATEGORY_HINT = ", ".join(f"“{label}”" for label in Person.Category.labels)
# Stored field -> the column it comes from; a column missing from the file leaves its field alone.
UPDATABLE = {
    "full_name": "full_name",
    "search_name": "full_name",
    "date_of_birth": "date_of_birth",
    "gender": "gender",
    "position": "position",
    "unit_id": "unit",
    "category": "category",
    "personal_id": "personal_id",
    "is_leadership": "is_leadership",
    "is_direct_worker": "is_direct_worker",
    "leadership_level": "leadership_level",
}
EARLIEST_BIRTH = dt.date(1930, 1, 1)
MINIMUM_AGE_YEARS = 15


def import_people(data: bytes, filename: str, *, dry_run: bool) -> ImportResult:
    """Validate every row; unless dry_run or any error, create or update the people in one transaction.

    Queries do not grow with the rows beyond one per thousand (lookups and batched writes).
    Raises tabular.TableError when the file itself cannot be read.
    """
    table = read_table(data, filename, PEOPLE_COLUMNS, REQUIRED)
    present = {key for key in PEOPLE_COLUMNS if PEOPLE_COLUMNS[key] not in table.missing_optional}
    result = ImportResult(headers=[PEOPLE_COLUMNS[k] for k in PEOPLE_COLUMNS if k in present])
    codes = {code_cell(r.values.get("unit")) for r in table.rows}
    units = dict(Unit.objects.filter(code__in=codes).values_list("code", "id"))
    today = timezone.localdate()

    people: list[tuple[Person, PreviewRow]] = []
    first_id_row: dict[str, int] = {}
    first_key_row: dict[tuple, int] = {}
    for row in table.rows:
        preview = PreviewRow(number=row.number, cells=[])
        result.rows.append(preview)
        person = _parse_row(row.values, present, preview, result.errors, units, today)
        preview.cells = _display_cells(row.values, person, present)
        if preview.errors:
            continue
        if person.personal_id:
            if person.personal_id in first_id_row:
                add_error(
                    result.errors,
                    preview,
                    PEOPLE_COLUMNS["personal_id"],
                    _(
                        "Số định danh %(number)s trùng với dòng %(row)s. "
                        "Mỗi người chỉ có một số định danh; hãy kiểm tra lại."
                    )
                    % {"number": mask(person.personal_id), "row": first_id_row[person.personal_id]},
                )
                continue
            first_id_row[person.personal_id] = row.number
        else:
            key = _key(person)
            if key in first_key_row:
                add_error(
                    result.errors,
                    preview,
                    PEOPLE_COLUMNS["full_name"],
                    _(
                        "Trùng người với dòng %(row)s (cùng họ tên, ngày sinh, "
                        "đơn vị). Hãy xóa dòng lặp hoặc ghi số định danh để phân biệt."
                    )
                    % {"row": first_key_row[key]},
                )
                continue
            first_key_row[key] = row.number
        people.append((person, preview))

    fields = [f for f, column in UPDATABLE.items() if column in present]
    _match_existing(people, result, fields)
    actions = [preview.action for _, preview in people]
    result.created, result.updated = actions.count("create"), actions.count("update")
    result.unchanged = actions.count("unchanged")
    if result.errors or dry_run:
        return result
    try:
        with transaction.atomic():
            Person.objects.bulk_create(
                [p for p, preview in people if preview.action == "create"], batch_size=BATCH_SIZE
            )
            Person.objects.bulk_update(
                [p for p, preview in people if preview.action == "update"],
                [f.removesuffix("_id") if f == "unit_id" else f for f in fields],
                batch_size=BATCH_SIZE,
            )
    except IntegrityError:
        result.errors.append(CONCURRENT_CHANGE)
        return result
    result.written = True
    return result


def _parse_row(values: dict, present: set, preview: PreviewRow, errors: list, units: dict, today) -> Person:
    column = PEOPLE_COLUMNS
    person = Person(full_name=text_cell(values.get("full_name")), position=text_cell(values.get("position")))
    if not person.full_name:
        add_error(
            errors, preview, column["full_name"], _("Thiếu họ và tên. Hãy ghi đầy đủ họ, tên đệm và tên.")
        )
    elif len(person.full_name) > 255 or not any(ch.isalpha() for ch in person.full_name):
        add_error(
            errors, preview, column["full_name"], _("Họ và tên không hợp lệ. Hãy ghi lại họ tên bằng chữ.")
        )
    if len(person.position) > 255:
        add_error(errors, preview, column["position"], _("Chức vụ dài quá 255 ký tự. Hãy rút gọn."))
    try:
        person.date_of_birth = date_cell(values.get("date_of_birth"))
    except ValueError as exc:
        add_error(
            errors,
            preview,
            column["date_of_birth"],
            _("%(problem)s. Hãy ghi ngày sinh dạng dd/mm/yyyy.") % {"problem": exc},
        )
    born = person.date_of_birth
    if born and not (EARLIEST_BIRTH <= born <= today.replace(year=today.year - MINIMUM_AGE_YEARS)):
        add_error(
            errors,
            preview,
            column["date_of_birth"],
            _(
                "Ngày sinh %(born)s không hợp lý (người đang công "
                "tác phải sinh sau năm 1930 và đủ %(age)s tuổi). "
                "Hãy kiểm tra lại."
            )
            % {"born": format(born, "%d/%m/%Y"), "age": MINIMUM_AGE_YEARS},
        )
    message = _("Giới tính “%(value)s” không hợp lệ. Hãy ghi “Nam” hoặc “Nữ”.")
    gender = lookup_cell(errors, preview, column["gender"], GENDERS, values.get("gender"), message)
    person.gender = gender or ""
    code = code_cell(values.get("unit"))
    if code not in units:
        if code:
            message = _(
                "Không có đơn vị mã “%(code)s” trong hệ thống. Hãy sửa mã hoặc nhập danh sách đơn vị trước."
            ) % {"code": code}
        else:
            message = _("Thiếu mã đơn vị. Hãy ghi mã đơn vị nơi người này công tác.")
        add_error(errors, preview, column["unit"], message)
    person.unit_id = units.get(code)
    message = _("Đối tượng “%(value)s” không có trong danh mục. Hãy ghi một trong: %(categories)s.")
    category = lookup_cell(
        errors,
        preview,
        column["category"],
        CATEGORIES,
        values.get("category"),
        message,
        categories=CATEGORY_HINT,
    )
    person.category = category or ""
    personal_id = digits_cell(values.get("personal_id"), 12)
    if personal_id and not (len(personal_id) == 12 and personal_id.isdigit()):
        add_error(
            errors,
            preview,
            column["personal_id"],
            _(
                "Số định danh cá nhân kết thúc bằng “%(digits)s” không hợp lệ: "
                "phải gồm đúng 12 chữ số. Hãy kiểm tra lại trên căn cước."
            )
            % {"digits": personal_id[-4:]},
        )
    person.personal_id = personal_id or None
    for key in ("is_leadership", "is_direct_worker"):
        message = _("“%(value)s” không hợp lệ. Hãy ghi “x” hoặc “Có” nếu đúng, để trống nếu không.")
        flag = lookup_cell(errors, preview, column[key], YES_NO, values.get(key), message)
        setattr(person, key, bool(flag))
    level_text = text_cell(values.get("leadership_level"))
    person.leadership_level = ""
    if level_text:
        message = _("Cấp lãnh đạo “%(value)s” không có trong danh mục. Hãy ghi một trong: %(levels)s.")
        level = lookup_cell(
            errors, preview, column["leadership_level"], LEVELS, level_text, message, levels=LEVEL_HINT
        )
        person.leadership_level = level or ""
        # A level is a leadership post: the flag follows it.
        person.is_leadership = person.is_leadership or bool(level)
    person.clean_fields_for_storage()
    return person


def _display_cells(values: dict, person: Person, present: set) -> list[str]:
    cells = []
    for key in PEOPLE_COLUMNS:
        if key not in present:
            continue
        if key == "date_of_birth" and person.date_of_birth:
            cells.append(f"{person.date_of_birth:%d/%m/%Y}")  # an Excel serial shown as the date it is
        elif key == "personal_id":
            # The preview page is seen by staff, but the report may be copied anywhere: mask it.
            cells.append(mask(person.personal_id) if person.personal_id else "")
        else:
            cells.append(text_cell(values.get(key)))
    return cells


def _key(person: Person) -> tuple:
    return (person.search_name, person.date_of_birth, person.unit_id)


def _match_existing(people: list[tuple[Person, PreviewRow]], result: ImportResult, written: list) -> None:
    """Set each person's pk and its preview's action: matched by id, else by name + birth + unit."""
    fields = ("id", *UPDATABLE)
    ids = [p.personal_id for p, _ in people if p.personal_id]
    by_id: dict[str, dict] = {}
    for start in range(0, len(ids), BATCH_SIZE):
        for row in Person.objects.filter(personal_id__in=ids[start : start + BATCH_SIZE]).values(*fields):
            by_id[row["personal_id"]] = row
    by_key: dict[tuple, list[dict]] = {}
    unit_ids = sorted({p.unit_id for p, _ in people})
    for start in range(0, len(unit_ids), BATCH_SIZE):
        for row in Person.objects.filter(unit_id__in=unit_ids[start : start + BATCH_SIZE]).values(*fields):
            by_key.setdefault((row["search_name"], row["date_of_birth"], row["unit_id"]), []).append(row)

    claimed: dict[int, int] = {}
    for person, preview in people:
        match = by_id.get(person.personal_id) if person.personal_id else None
        if match is not None and match["search_name"] != person.search_name:
            add_error(
                result.errors,
                preview,
                PEOPLE_COLUMNS["personal_id"],
                _(
                    "Số định danh %(number)s đã thuộc về một người khác trong hệ thống (khác họ tên). "
                    "Hãy kiểm tra lại số định danh."
                )
                % {"number": mask(person.personal_id)},
            )
            continue
        if match is None:
            candidates = by_key.get(_key(person), [])
            if person.personal_id:
                candidates = [c for c in candidates if not c["personal_id"]] or candidates
            if len(candidates) > 1:
                add_error(
                    result.errors,
                    preview,
                    PEOPLE_COLUMNS["full_name"],
                    _(
                        "Có %(count)s người cùng họ tên, ngày sinh và đơn vị trong hệ thống. "
                        "Hãy ghi số định danh cá nhân để phân biệt."
                    )
                    % {"count": len(candidates)},
                )
                continue
            match = candidates[0] if candidates else None
            if match is not None and match["personal_id"] and person.personal_id:
                add_error(
                    result.errors,
                    preview,
                    PEOPLE_COLUMNS["personal_id"],
                    _(
                        "Người này đã có số định danh khác (%(number)s) trong hệ thống. "
                        "Hãy kiểm tra lại số định danh."
                    )
                    % {"number": mask(match["personal_id"])},
                )
                continue
        if match is None:
            preview.action = "create"
            continue
        if match["id"] in claimed:
            add_error(
                result.errors,
                preview,
                PEOPLE_COLUMNS["full_name"],
                _("Dòng này và dòng %(row)s cùng chỉ một người đã có trong hệ thống. Hãy giữ một dòng.")
                % {"row": claimed[match["id"]]},
            )
            continue
        claimed[match["id"]] = preview.number
        person.pk = match["id"]
        if not person.personal_id and match["personal_id"]:
            person.personal_id = match["personal_id"]  # an empty cell never erases a stored number
        changed = any(getattr(person, f) != match[f] for f in written)
        preview.action = "update" if changed else "unchanged"
