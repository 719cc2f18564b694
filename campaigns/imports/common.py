"""What every directory import shares: the result, row errors, and cell vocabularies."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from campaigns.tabular import RowError, text_cell
from campaigns.text import fold

# Rows written per INSERT/UPDATE statement: a 30,000-row file is a few dozen statements, not 30,000.
BATCH_SIZE = 1000


# Another import or edit changed the same rows between the check and the write (unique constraints).
CONCURRENT_CHANGE = RowError(
    row=0,
    column="",
    message=gettext_lazy(
        "Dữ liệu vừa được người khác thay đổi trong lúc nhập nên chưa ghi dòng nào. Hãy nhập lại tệp."
    ),
)


@dataclass
class PreviewRow:
    number: int
    cells: list[str]
    action: str = ""  # "create", "update", "unchanged" or "" when the row has errors
    errors: list[RowError] = field(default_factory=list)


@dataclass
class ImportResult:
    """What an import found (dry run) or did: counts, the rows as read, and every row error."""

    headers: list[str]
    rows: list[PreviewRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    written: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    def report_lines(self) -> list[str]:
        """One Vietnamese line per bad row and column, for the command line and the preview page."""
        line = _("Dòng %(row)s, cột “%(column)s”: %(message)s")
        return [
            line % {"row": e.row, "column": e.column, "message": e.message} if e.row else str(e.message)
            for e in sorted(self.errors, key=lambda error: error.row)
        ]

    def summary(self) -> str:
        if self.errors:
            return _(
                "Tệp có %(errors)s lỗi ở %(rows)s dòng nên chưa ghi dòng nào. "
                "Hãy sửa các dòng được nêu rồi tải lên lại."
            ) % {"errors": len(self.errors), "rows": len({e.row for e in self.errors})}
        if self.written:
            summary = _(
                "Đã ghi: %(created)s bản ghi thêm mới, "
                "%(updated)s bản ghi cập nhật, %(unchanged)s bản ghi không đổi."
            )
        else:
            summary = _(
                "Sẽ ghi: %(created)s bản ghi thêm mới, "
                "%(updated)s bản ghi cập nhật, %(unchanged)s bản ghi không đổi."
            )
        return summary % {"created": self.created, "updated": self.updated, "unchanged": self.unchanged}


def add_error(errors: list[RowError], preview: PreviewRow, column: str, message: str) -> None:
    error = RowError(row=preview.number, column=column, message=message)
    errors.append(error)
    preview.errors.append(error)


def vocabulary(pairs: dict[str, str | bool]) -> dict[str, str | bool]:
    """Index spellings by their folded, space-free form: 'Công chức', 'cong chuc', 'CONGCHUC'."""
    return {"".join(fold(spelling).split()): value for spelling, value in pairs.items()}


def lookup(vocab: dict, raw) -> str | bool | None:
    return vocab.get("".join(fold(str(raw or "")).split()))


def lookup_cell(
    errors: list[RowError], preview: PreviewRow, column: str, vocab: dict, raw, message: str, **params
) -> str | bool | None:
    """The vocabulary's value of the cell `raw`; None when it names nothing there, and then the row's error
    (as add_error) `message`, which reads the cell as %(value)s and `params` by name."""
    found = lookup(vocab, raw)
    if found is None:
        add_error(errors, preview, column, message % {"value": text_cell(raw), **params})
    return found


YES_NO = vocabulary(
    {
        "x": True,
        "có": True,
        "co": True,
        "1": True,
        "yes": True,
        "true": True,
        "không": False,
        "0": False,
        "no": False,
        "false": False,
        "": False,
    }
)


def mask(personal_id: str) -> str:
    """How an identification number appears in any message: only its last four digits."""
    return f"********{personal_id[-4:]}" if len(personal_id) >= 4 else "****"
