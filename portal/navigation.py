"""The navigation bar and the home page's cards: one list, filtered by what each user may do.

Each app adds its entries here; an entry whose URL does not resolve yet is left out.
"""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse


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
        "Kế hoạch",
        "campaigns:plan",
        "campaigns.view_plan",
        "Nội dung kế hoạch, các đợt khen thưởng và thời hạn.",
        group="Kế hoạch",
    ),
    Entry(
        "Đơn vị",
        "campaigns:unit_list",
        "campaigns.view_unit_list",
        "Cây đơn vị, cụm và khối thi đua.",
        group="Danh mục",
    ),
    Entry(
        "Cá nhân",
        "campaigns:person_list",
        "campaigns.view_person_list",
        "Cán bộ, công chức, viên chức.",
        group="Danh mục",
    ),
    Entry(
        "Nhập dữ liệu",
        "campaigns:import_home",
        "campaigns.import_data",
        "Nhập danh sách đơn vị, cá nhân từ tệp Excel/CSV.",
        group="Danh mục",
    ),
    Entry(
        "Tài khoản",
        "campaigns:account_list",
        "campaigns.manage_users",
        "Tạo tài khoản, phân vai trò và đơn vị, khóa tài khoản.",
        group="Danh mục",
    ),
    Entry(
        "Nhiệm vụ đơn vị",
        "criteria:duties",
        "criteria.view_duties",
        "Đăng ký thi đua, kế hoạch và báo cáo định kỳ.",
        group="Đơn vị thi đua",
    ),
    Entry(
        "Dân vận chính quyền",
        "criteria:rankings",
        "criteria.view_rankings",
        "Kết quả xếp hạng dân vận chính quyền hằng năm của các đơn vị.",
        group="Đơn vị thi đua",
    ),
    Entry(
        "Mô hình hay",
        "practices:library",
        "practices.view_library",
        "Mô hình “Dân vận khéo”, cách làm hay.",
        group="Mô hình, vướng mắc",
    ),
    Entry(
        "Khó khăn, vướng mắc",
        "practices:difficulty_list",
        "practices.view_difficulties",
        "Phản ánh khó khăn, vướng mắc và trả lời của Sở Nội vụ.",
        group="Mô hình, vướng mắc",
    ),
    Entry(
        "Hồ sơ của đơn vị",
        "nominations:unit_list",
        "nominations.view_unit_dossiers",
        "Lập, nộp và theo dõi hồ sơ đề nghị khen thưởng.",
        group="Hồ sơ",
    ),
    Entry(
        "Hồ sơ đã thẩm định",
        "nominations:concluded",
        "nominations.view_concluded",
        "Hồ sơ đã có kết luận thẩm định, đề nghị và quyết định.",
        group="Hồ sơ",
    ),
    Entry(
        "Thẩm định", "nominations:queue", "nominations.view_queue", "Hàng đợi thẩm định hồ sơ.", group="Hồ sơ"
    ),
    Entry(
        "Xếp hạng, đề nghị",
        "awards:ranking_home",
        "awards.view_ranking",
        "Xếp hạng hồ sơ trong chỉ tiêu, tờ trình.",
        group="Khen thưởng",
    ),
    Entry(
        "Hội đồng", "awards:council_home", "awards.vote", "Biểu quyết danh sách đề nghị.", group="Khen thưởng"
    ),
    Entry(
        "Quyết định",
        "awards:decision_list",
        "awards.view_province_decisions",
        "Quyết định khen thưởng của UBND tỉnh, tiền thưởng, giấy chứng nhận.",
        group="Khen thưởng",
    ),
    Entry(
        "Giấy khen",
        "awards:unit_decisions",
        "awards.issue_unit_awards",
        "Quyết định tặng Giấy khen của đơn vị.",
        group="Khen thưởng",
    ),
    Entry(
        "Báo cáo", "reports:home", "reports.view_reports", "Báo cáo tổng hợp PDF và XLSX.", group="Báo cáo"
    ),
]


def entries_for(user) -> list[dict]:
    """The entries this user may open, with their URLs resolved."""
    visible = []
    for entry in ENTRIES:
        if not user.has_perm(entry.permission):
            continue
        try:
            url = reverse(entry.url_name)
        except NoReverseMatch:
            continue
        visible.append(
            {"label": entry.label, "url": url, "description": entry.description, "group": entry.group}
        )
    return visible


def menu_for(entries: list[dict]) -> list[dict]:
    """Group visible entries for the navigation bar: a lone entry is a link, several a drop-down."""
    menu: list[dict] = []
    for entry in entries:
        if menu and menu[-1]["label"] == entry["group"]:
            menu[-1]["items"].append(entry)
        else:
            menu.append({"label": entry["group"] or entry["label"], "items": [entry]})
    return menu
