"""The navigation bar and the home page's cards: one list, filtered by what each user may do.

What a user may open depends only on their roles and their unit (the permissions named here take no
object), so the filtered list is worked out once per role set and unit and kept for the process.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from campaigns import roles


@dataclass(frozen=True)
class Entry:
    label: str
    url_name: str
    permission: str
    description: str = ""
    group: str = ""


# Order is the order of the navigation bar; entries of one group share a drop-down menu.
ENTRIES: list[Entry] = [
    Entry(
        _("Kế hoạch"),
        "campaigns:plan",
        "campaigns.view_plan",
        _("Nội dung kế hoạch, các đợt khen thưởng và thời hạn."),
        group=_("Kế hoạch"),
    ),
    Entry(
        _("Đơn vị"),
        "campaigns:unit_list",
        "campaigns.view_unit_list",
        _("Cây đơn vị, cụm và khối thi đua."),
        group=_("Danh mục"),
    ),
    Entry(
        _("Cá nhân"),
        "campaigns:person_list",
        "campaigns.view_person_list",
        _("Cán bộ, công chức, viên chức."),
        group=_("Danh mục"),
    ),
    Entry(
        _("Nhập dữ liệu"),
        "campaigns:import_home",
        "campaigns.import_data",
        _("Nhập danh sách đơn vị, cá nhân từ tệp Excel/CSV."),
        group=_("Danh mục"),
    ),
    Entry(
        _("Tài khoản"),
        "campaigns:account_list",
        "campaigns.manage_users",
        _("Tạo tài khoản, phân vai trò và đơn vị, khóa tài khoản."),
        group=_("Danh mục"),
    ),
    Entry(
        _("Người ký văn bản"),
        "documents:signers",
        "documents.view_signers",
        _("Người ký từng loại văn bản của đơn vị, thẩm quyền ký và thời gian ký."),
        group=_("Danh mục"),
    ),
    Entry(
        _("Nhiệm vụ đơn vị"),
        "criteria:duties",
        "criteria.view_duties",
        _("Đăng ký thi đua, kế hoạch và báo cáo định kỳ."),
        group=_("Đơn vị thi đua"),
    ),
    Entry(
        _("Dân vận chính quyền"),
        "criteria:rankings",
        "criteria.view_rankings",
        _("Kết quả xếp hạng dân vận chính quyền hằng năm của các đơn vị."),
        group=_("Đơn vị thi đua"),
    ),
    Entry(
        _("Mô hình hay"),
        "practices:library",
        "practices.view_library",
        _("Mô hình “Dân vận khéo”, cách làm hay."),
        group=_("Mô hình, vướng mắc"),
    ),
    Entry(
        _("Khó khăn, vướng mắc"),
        "practices:difficulty_list",
        "practices.view_difficulties",
        _("Phản ánh khó khăn, vướng mắc và trả lời của Sở Nội vụ."),
        group=_("Mô hình, vướng mắc"),
    ),
    Entry(
        _("Hồ sơ của đơn vị"),
        "nominations:unit_list",
        "nominations.view_unit_dossiers",
        _("Lập, nộp và theo dõi hồ sơ đề nghị khen thưởng."),
        group=_("Hồ sơ"),
    ),
    Entry(
        _("Hồ sơ đã thẩm định"),
        "nominations:concluded",
        "nominations.view_concluded",
        _("Hồ sơ đã có kết luận thẩm định, đề nghị và quyết định."),
        group=_("Hồ sơ"),
    ),
    Entry(
        _("Thẩm định"),
        "nominations:queue",
        "nominations.view_queue",
        _("Hàng đợi thẩm định hồ sơ."),
        group=_("Hồ sơ"),
    ),
    Entry(
        _("Xếp hạng, đề nghị"),
        "awards:ranking_home",
        "awards.view_ranking",
        _("Xếp hạng hồ sơ trong chỉ tiêu, tờ trình."),
        group=_("Khen thưởng"),
    ),
    Entry(
        _("Hội đồng"),
        "awards:council_home",
        "awards.vote",
        _("Biểu quyết danh sách đề nghị."),
        group=_("Khen thưởng"),
    ),
    Entry(
        _("Quyết định"),
        "awards:decision_list",
        "awards.view_province_decisions",
        _("Quyết định khen thưởng của UBND tỉnh, tiền thưởng, giấy chứng nhận."),
        group=_("Khen thưởng"),
    ),
    Entry(
        _("Giấy khen"),
        "awards:unit_decisions",
        "awards.issue_unit_awards",
        _("Quyết định tặng Giấy khen của đơn vị."),
        group=_("Khen thưởng"),
    ),
    Entry(
        _("Báo cáo"),
        "reports:home",
        "reports.view_reports",
        _("Báo cáo tổng hợp PDF và XLSX."),
        group=_("Báo cáo"),
    ),
]


# (is superuser, role names, unit id) -> the entries such a user sees; a few dozen keys in a province.
_VISIBLE: dict[tuple, tuple[dict, ...]] = {}


def _key(user) -> tuple:
    unit = roles.unit_of(user)
    return (
        user.is_superuser,
        user.is_active,
        tuple(sorted(roles.role_names(user))),
        unit.pk if unit else None,
    )


def entries_for(user) -> list[dict]:
    """The entries this user may open, with their URLs resolved (a renamed URL fails loudly here)."""
    key = _key(user)
    visible = _VISIBLE.get(key)
    if visible is None:
        visible = tuple(
            {"label": e.label, "url": reverse(e.url_name), "description": e.description, "group": e.group}
            for e in ENTRIES
            if user.has_perm(e.permission)
        )
        _VISIBLE[key] = visible
    return list(visible)


def menu_for(entries: list[dict]) -> list[dict]:
    """Group visible entries for the navigation bar: a lone entry is a link, several a drop-down."""
    menu: list[dict] = []
    for entry in entries:
        if menu and menu[-1]["label"] == entry["group"]:
            menu[-1]["items"].append(entry)
        else:
            menu.append({"label": entry["group"] or entry["label"], "items": [entry]})
    return menu
