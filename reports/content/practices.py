"""Sections: recognised good practices and initiatives; difficulties raised by units and their answers."""

from django.utils.translation import gettext as _

from documents.content import Paragraph, Table
from practices import selectors
from practices.models import Practice
from reports.content.base import Scope, Section, said_under_contents, units_of


def build(scope: Scope) -> Section:
    section = Section(
        key="practices", heading=_("Mô hình “Dân vận khéo”, cách làm hay, sáng kiến được công nhận")
    )
    units = units_of(scope)
    states = {r["code"]: r["count"] for r in selectors.practice_counts_by_state(year=scope.year, units=units)}
    fields = selectors.practice_counts_by_field(year=scope.year, units=units)
    published = states.get("recognised", 0) + states.get("featured", 0)
    section.figures["recognised_practices"] = published
    registered = sum(states.values())
    period = (
        _("năm %(year)s") % {"year": scope.year} if scope.year else _("trong thời gian thực hiện phong trào")
    )
    if not set(Practice.Kind.values) <= said_under_contents(scope.campaign).practice_kinds:
        section.paragraphs.append(
            _(
                "Các đơn vị đã đăng ký %(registered)s mô hình, cách làm hay triển khai "
                "%(period)s; %(published)s mô hình đã được cấp có thẩm quyền công nhận, "
                "trong đó %(featured)s mô hình được chọn làm điển hình để nhân rộng."
            )
            % {
                "registered": registered,
                "period": period,
                "published": published,
                "featured": states.get("featured", 0),
            }
        )
    elif published:
        # Every kind's numbers are said under the plan's contents (part II): here the table and the list.
        section.paragraphs.append(
            Paragraph(
                _("Các mô hình, cách làm hay triển khai %(period)s đã được công nhận, theo lĩnh vực:")
                % {"period": period},
                keep_with_next=True,
            )
        )
    else:
        section.paragraphs.append(
            _("Chưa có mô hình, cách làm hay triển khai %(period)s được công nhận.") % {"period": period}
        )
    section.tables.append(
        Table(
            "mo-hinh-theo-linh-vuc",
            _("Mô hình được công nhận theo lĩnh vực"),
            [_("Lĩnh vực"), _("Số mô hình")],
            [[r["label"], r["count"]] for r in fields],
            [_("Tổng cộng"), sum(r["count"] for r in fields)],
        )
    )
    listed = selectors.practices_list(states=["recognised", "featured"], year=scope.year, units=units)
    rows = [
        [
            p.name,
            p.author_name if p.person_id else p.unit.name,
            p.get_field_display(),
            p.recognition_number,
            p.recognition_date,
            _("Có") if p.state == "featured" else "",
        ]
        for p in listed
    ]
    section.add_annex(
        "phu-luc-mo-hinh",
        _("Danh sách mô hình, cách làm hay được công nhận"),
        [
            _("Tên mô hình, sáng kiến"),
            _("Đơn vị, cá nhân"),
            _("Lĩnh vực"),
            _("Quyết định"),
            _("Ngày"),
            _("Nhân rộng"),
        ],
        rows,
        widths=[25, 20, 14, 13, 13, 9],
    )
    return section


def build_difficulties(scope: Scope) -> Section:
    section = Section(key="difficulties", heading=_("Khó khăn, vướng mắc và việc giải quyết"))
    units = units_of(scope)
    totals = selectors.difficulty_totals(year=scope.year, units=units)
    topics = [r for r in selectors.difficulty_counts_by_topic(year=scope.year, units=units) if r["raised"]]
    section.figures.update(difficulties=totals["raised"], settled=totals["settled"])
    if totals["raised"]:
        section.paragraphs.append(
            _(
                "Các đơn vị đã phản ánh %(raised)s khó khăn, vướng mắc; đến nay %(settled)s nội dung đã "
                "được trả lời, giải quyết, %(forwarded)s nội dung đã chuyển cơ quan có thẩm quyền và "
                "%(waiting)s nội dung đang được xem xét."
            )
            % {
                "raised": totals["raised"],
                "settled": totals["settled"],
                "forwarded": totals["forwarded"],
                "waiting": totals["waiting"],
            }
        )
    else:
        section.paragraphs.append(_("Trong kỳ báo cáo các đơn vị không phản ánh khó khăn, vướng mắc."))
    section.tables.append(
        Table(
            "kho-khan-theo-nhom",
            _("Khó khăn, vướng mắc theo nhóm vấn đề"),
            # Where each one stands now: the three columns add up to the first.
            [
                _("Nhóm vấn đề"),
                _("Đã phản ánh"),
                _("Đã trả lời, giải quyết"),
                _("Đã chuyển cơ quan khác"),
                _("Đang xem xét"),
            ],
            [[r["label"], r["raised"], r["settled"], r["forwarded"], r["waiting"]] for r in topics],
            [_("Tổng cộng"), totals["raised"], totals["settled"], totals["forwarded"], totals["waiting"]],
        )
    )
    listed = selectors.difficulties_list(year=scope.year, units=units)
    rows = [
        [d.unit.name, d.title, d.get_topic_display(), d.answer[:500] if d.answer else d.get_state_display()]
        for d in listed
    ]
    section.add_annex(
        "phu-luc-kho-khan",
        _("Khó khăn, vướng mắc của các đơn vị và trả lời của Sở Nội vụ"),
        [_("Đơn vị"), _("Nội dung"), _("Nhóm"), _("Trả lời, tình trạng xử lý")],
        rows,
        widths=[18, 28, 14, 34],
    )
    return section
