"""Import of the unit tree: codes, names, kinds, parents (possibly later in the file), clusters."""

import re

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from campaigns.imports.common import (
    BATCH_SIZE,
    CONCURRENT_CHANGE,
    ImportResult,
    PreviewRow,
    add_error,
    lookup_cell,
    vocabulary,
)
from campaigns.models import Cluster, Unit
from campaigns.tabular import code_cell, date_cell, read_table, text_cell
from campaigns.text import fold

UNIT_COLUMNS = {
    "code": "Mã đơn vị",
    "name": "Tên đơn vị",
    "kind": "Loại đơn vị",
    "parent": "Mã đơn vị cấp trên",
    "cluster": "Cụm/Khối thi đua",
    "valid_from": "Hiệu lực từ",
    "valid_to": "Hiệu lực đến",
    "successors": "Mã đơn vị kế thừa",
    # As the unit's papers print it (documents.issuers); blank: the name and the locality above it.
    "official_name": "Tên đầy đủ trên văn bản",
    "abbreviation": "Chữ viết tắt trên số văn bản",
    "locality": "Địa danh trên văn bản",
}
# The text columns for papers: the longest each may be.
PAPER_FIELDS = {"official_name": 255, "abbreviation": 16, "locality": 100}
ABBREVIATION_PATTERN = re.compile(r"^[A-ZĐ0-9][A-ZĐ0-9-]{0,15}$")
REQUIRED = ("code", "name", "kind")
CODE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$")

KINDS = vocabulary(
    {
        **{str(label): value for value, label in Unit.Kind.choices},
        **{value: value for value in Unit.Kind.values},
        "Tỉnh": Unit.Kind.PROVINCE,
        "UBND tỉnh": Unit.Kind.PROVINCE,
        "Sở": Unit.Kind.PROVINCIAL_AGENCY,
        "Ban": Unit.Kind.PROVINCIAL_AGENCY,
        "Sở, ban, ngành": Unit.Kind.PROVINCIAL_AGENCY,
        "Huyện": Unit.Kind.DISTRICT,
        "UBND huyện": Unit.Kind.DISTRICT,
        "Cấp huyện": Unit.Kind.DISTRICT,
        "Xã": Unit.Kind.COMMUNE,
        "Phường": Unit.Kind.COMMUNE,
        "Thị trấn": Unit.Kind.COMMUNE,
        "UBND xã": Unit.Kind.COMMUNE,
        "Cấp xã": Unit.Kind.COMMUNE,
        "Phòng": Unit.Kind.DIVISION,
        "Phòng chuyên môn": Unit.Kind.DIVISION,
        "Phòng, ban": Unit.Kind.DIVISION,
    }
)
KIND_HINT = ", ".join(f"“{label}”" for label in Unit.Kind.labels)


def import_units(data: bytes, filename: str, *, dry_run: bool) -> ImportResult:
    """Validate every row; unless dry_run or any error, create or update the units in one transaction.

    Raises tabular.TableError when the file itself cannot be read.
    """
    table = read_table(data, filename, UNIT_COLUMNS, REQUIRED)
    present = {key for key in UNIT_COLUMNS if UNIT_COLUMNS[key] not in table.missing_optional}
    result = ImportResult(headers=[UNIT_COLUMNS[k] for k in UNIT_COLUMNS if k in present])
    db_units = {u.code: u for u in Unit.objects.all()}
    clusters = _cluster_index()
    parsed: dict[str, dict] = {}
    first_row: dict[str, int] = {}

    for row in table.rows:
        values = row.values
        preview = PreviewRow(
            number=row.number, cells=[text_cell(values.get(k)) for k in UNIT_COLUMNS if k in present]
        )
        result.rows.append(preview)
        item = _parse_row(values, present, preview, result.errors, clusters)
        for index, key in enumerate(k for k in UNIT_COLUMNS if k in present):
            if key in ("valid_from", "valid_to") and item.get(key):
                preview.cells[index] = f"{item[key]:%d/%m/%Y}"
        code = item.get("code")
        if not code:
            continue
        if code in first_row:
            add_error(
                result.errors,
                preview,
                UNIT_COLUMNS["code"],
                _("Mã đơn vị “%(code)s” trùng với dòng %(row)s. Mỗi đơn vị chỉ ghi một dòng.")
                % {"code": code, "row": first_row[code]},
            )
            continue
        first_row[code] = row.number
        item["preview"] = preview
        parsed[code] = item

    _check_references(parsed, db_units, result)
    _check_cycles(parsed, db_units, result)
    code_of = {u.pk: code for code, u in db_units.items()}
    for item in parsed.values():
        if not item["preview"].errors:
            item["preview"].action = _action(item, db_units.get(item["code"]), code_of)
    result.created = sum(1 for i in parsed.values() if i["preview"].action == "create")
    result.updated = sum(1 for i in parsed.values() if i["preview"].action == "update")
    result.unchanged = sum(1 for i in parsed.values() if i["preview"].action == "unchanged")
    if result.errors or dry_run:
        return result
    try:
        with transaction.atomic():
            _write(parsed, present)
    except IntegrityError:
        result.errors.append(CONCURRENT_CHANGE)
        return result
    result.written = True
    return result


def _cluster_index() -> dict[str, Cluster]:
    index = {}
    for cluster in Cluster.objects.all():
        index["".join(fold(cluster.name).split())] = cluster
        index["".join(fold(cluster.code).split())] = cluster
    return index


def _parse_row(values: dict, present: set, preview: PreviewRow, errors: list, clusters: dict) -> dict:
    item: dict = {"present": present}
    code = code_cell(values.get("code"))
    if not code:
        add_error(
            errors, preview, UNIT_COLUMNS["code"], _("Thiếu mã đơn vị. Hãy ghi mã (chữ, số, dấu gạch).")
        )
    elif not CODE_PATTERN.match(code):
        add_error(
            errors,
            preview,
            UNIT_COLUMNS["code"],
            _(
                "Mã đơn vị “%(value)s” không hợp lệ: "
                "chỉ dùng chữ không dấu, số, “-”, “_”, “.”, tối đa 32 ký tự."
            )
            % {"value": code[:40]},
        )
    else:
        item["code"] = code
    name = text_cell(values.get("name"))
    if not name:
        add_error(errors, preview, UNIT_COLUMNS["name"], _("Thiếu tên đơn vị. Hãy ghi tên đầy đủ."))
    elif len(name) > 255:
        add_error(errors, preview, UNIT_COLUMNS["name"], _("Tên đơn vị dài quá 255 ký tự. Hãy rút gọn."))
    item["name"] = name
    message = _("Loại đơn vị “%(value)s” không có trong danh mục. Hãy ghi một trong: %(kinds)s.")
    kind = lookup_cell(
        errors, preview, UNIT_COLUMNS["kind"], KINDS, values.get("kind"), message, kinds=KIND_HINT
    )
    item["kind"] = kind
    item["parent"] = code_cell(values.get("parent")) or None
    cluster_text = text_cell(values.get("cluster"))
    item["cluster"] = None
    if cluster_text:
        cluster = clusters.get("".join(fold(cluster_text).split()))
        if cluster is None:
            add_error(
                errors,
                preview,
                UNIT_COLUMNS["cluster"],
                _("Không có cụm/khối thi đua “%(cluster_text)s”. Hãy ghi đúng tên hoặc mã cụm/khối đã có.")
                % {"cluster_text": cluster_text},
            )
        item["cluster"] = cluster
    for key in ("valid_from", "valid_to"):
        try:
            item[key] = date_cell(values.get(key))
        except ValueError as exc:
            add_error(
                errors,
                preview,
                UNIT_COLUMNS[key],
                _("%(problem)s. Hãy ghi ngày dạng dd/mm/yyyy.") % {"problem": exc},
            )
            item[key] = None
    if item["valid_from"] and item["valid_to"] and item["valid_to"] < item["valid_from"]:
        add_error(
            errors,
            preview,
            UNIT_COLUMNS["valid_to"],
            _("Ngày hết hiệu lực trước ngày bắt đầu hiệu lực. Hãy sửa lại một trong hai ngày."),
        )
    for key, longest in PAPER_FIELDS.items():
        item[key] = text_cell(values.get(key))
        if len(item[key]) > longest:
            add_error(
                errors,
                preview,
                UNIT_COLUMNS[key],
                _("Ô “%(column)s” dài quá %(n)s ký tự. Hãy rút gọn.")
                % {"column": UNIT_COLUMNS[key], "n": longest},
            )
    if item["abbreviation"] and not ABBREVIATION_PATTERN.match(item["abbreviation"]):
        add_error(
            errors,
            preview,
            UNIT_COLUMNS["abbreviation"],
            _(
                "Chữ viết tắt “%(value)s” không hợp lệ: hãy ghi chữ in hoa viết liền, như trên số văn bản "
                "(ví dụ SNV, UBND, STC)."
            )
            % {"value": item["abbreviation"][:20]},
        )
    if "UBND" in fold(item["official_name"]).upper().split():
        add_error(
            errors,
            preview,
            UNIT_COLUMNS["official_name"],
            _("Tên đầy đủ trên văn bản không viết tắt: hãy ghi “Ủy ban nhân dân …” thay cho “UBND …”."),
        )
    raw_successors = text_cell(values.get("successors"))
    item["successors"] = [c.strip() for c in re.split(r"[;,\s]+", raw_successors) if c.strip()]
    return item


def _check_references(parsed: dict, db_units: dict, result: ImportResult) -> None:
    for item in parsed.values():
        preview = item["preview"]
        parent = item["parent"]
        if parent and parent not in parsed and parent not in db_units:
            add_error(
                result.errors,
                preview,
                UNIT_COLUMNS["parent"],
                _(
                    "Không có đơn vị cấp trên mã “%(parent)s” trong tệp hay trong hệ thống. "
                    "Hãy sửa mã hoặc thêm dòng của đơn vị đó."
                )
                % {"parent": parent},
            )
        for code in item["successors"]:
            if code == item["code"]:
                add_error(
                    result.errors,
                    preview,
                    UNIT_COLUMNS["successors"],
                    _("Đơn vị không thể kế thừa chính nó."),
                )
            elif code not in parsed and code not in db_units:
                add_error(
                    result.errors,
                    preview,
                    UNIT_COLUMNS["successors"],
                    _("Không có đơn vị kế thừa mã “%(code)s” trong tệp hay trong hệ thống. Hãy sửa mã.")
                    % {"code": code},
                )


def _check_cycles(parsed: dict, db_units: dict, result: ImportResult) -> None:
    """A unit may not end up below itself, counting parents in the file and those already stored."""
    code_of = {u.pk: code for code, u in db_units.items()}

    def parent_of(code: str) -> str | None:
        if code in parsed:
            return parsed[code]["parent"]
        unit = db_units.get(code)
        return code_of.get(unit.parent_id) if unit and unit.parent_id else None

    reported: set[str] = set()
    for code in parsed:
        chain = [code]
        node = parent_of(code)
        while node is not None and node not in chain and len(chain) < 1000:
            chain.append(node)
            node = parent_of(node)
        if node is None or node != code or code in reported:
            continue
        loop = " → ".join([*chain, code])
        for member in chain:
            if member in parsed and member not in reported:
                reported.add(member)
                add_error(
                    result.errors,
                    parsed[member]["preview"],
                    UNIT_COLUMNS["parent"],
                    _(
                        "Cây đơn vị bị vòng lặp: %(loop)s. "
                        "Hãy sửa mã đơn vị cấp trên để không đơn vị nào nằm dưới chính nó."
                    )
                    % {"loop": loop},
                )


FIELDS = ("name", "kind", "cluster", "valid_from", "valid_to", *PAPER_FIELDS)


def _action(item: dict, existing: Unit | None, code_of: dict) -> str:
    if existing is None:
        return "create"
    present = item["present"]
    changed = any(
        (key in present or key in ("name", "kind"))
        and getattr(existing, f"{key}_id" if key == "cluster" else key)
        != (item[key].pk if key == "cluster" and item[key] else item[key])
        for key in FIELDS
    )
    if "parent" in present:
        changed = changed or code_of.get(existing.parent_id) != item["parent"]
    return "update" if changed or "successors" in present else "unchanged"


def _write(parsed: dict, present: set) -> None:
    stored = {u.code: u for u in Unit.objects.select_for_update().filter(code__in=list(parsed))}
    new_units = []
    for code, item in parsed.items():
        if code not in stored:
            unit = Unit(code=code, name=item["name"], kind=item["kind"])
            unit.clean_fields_for_storage()
            new_units.append(unit)
    Unit.objects.bulk_create(new_units, batch_size=BATCH_SIZE)
    # bulk_create gives primary keys on PostgreSQL and SQLite ≥ 3.35; read them back to be portable.
    stored = {u.code: u for u in Unit.objects.filter(code__in=list(parsed))}
    id_of = dict(
        Unit.objects.filter(code__in={i["parent"] for i in parsed.values() if i["parent"]}).values_list(
            "code", "id"
        )
    )
    fields = ["name", "kind", "search_name"]
    for key in ("cluster", "valid_from", "valid_to", "parent", *PAPER_FIELDS):
        if key in present:
            fields.append(key)
    for code, item in parsed.items():
        unit = stored[code]
        unit.name, unit.kind = item["name"], item["kind"]
        if "cluster" in present:
            unit.cluster = item["cluster"]
        for key in ("valid_from", "valid_to", *PAPER_FIELDS):
            if key in present:
                setattr(unit, key, item[key])
        if "parent" in present:
            unit.parent_id = id_of.get(item["parent"]) if item["parent"] else None
        unit.clean_fields_for_storage()
    Unit.objects.bulk_update(list(stored.values()), fields, batch_size=BATCH_SIZE)
    Unit.objects.rebuild_paths()
    if "successors" in present:
        _write_successors(parsed, stored)


def _write_successors(parsed: dict, stored: dict) -> None:
    through = Unit.successors.through
    codes = {c for i in parsed.values() for c in i["successors"]}
    id_of = dict(Unit.objects.filter(code__in=codes).values_list("code", "id"))
    through.objects.filter(from_unit_id__in=[stored[c].pk for c in parsed]).delete()
    through.objects.bulk_create(
        [
            through(from_unit_id=stored[code].pk, to_unit_id=id_of[successor])
            for code, item in parsed.items()
            for successor in dict.fromkeys(item["successors"])
        ],
        batch_size=BATCH_SIZE,
    )
