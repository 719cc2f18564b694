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
    icon: str = ""


# Order is the order of the navigation bar.
ENTRIES: list[Entry] = [
    Entry(
        "Kế hoạch",
        "campaigns:plan",
        "campaigns.view_plan",
        "Nội dung kế hoạch, các đợt khen thưởng và thời hạn.",
    ),
    Entry("Đơn vị", "campaigns:unit_list", "campaigns.view_unit_list", "Cây đơn vị, cụm và khối thi đua."),
    Entry("Cá nhân", "campaigns:person_list", "campaigns.view_person_list", "Cán bộ, công chức, viên chức."),
    Entry(
        "Nhập dữ liệu",
        "campaigns:import_home",
        "campaigns.import_data",
        "Nhập danh sách đơn vị, cá nhân từ tệp Excel/CSV.",
    ),
    Entry(
        "Tài khoản",
        "campaigns:account_list",
        "campaigns.manage_users",
        "Tạo tài khoản, phân vai trò và đơn vị, khóa tài khoản.",
    ),
    Entry(
        "Nhiệm vụ đơn vị",
        "criteria:duties",
        "criteria.view_duties",
        "Đăng ký thi đua, kế hoạch và báo cáo định kỳ.",
    ),
    Entry(
        "Dân vận chính quyền",
        "criteria:rankings",
        "criteria.view_rankings",
        "Kết quả xếp hạng dân vận chính quyền hằng năm của các đơn vị.",
    ),
    Entry(
        "Mô hình hay", "practices:library", "practices.view_library", "Mô hình “Dân vận khéo”, cách làm hay."
    ),
    Entry(
        "Khó khăn, vướng mắc",
        "practices:difficulty_list",
        "practices.view_difficulties",
        "Phản ánh khó khăn, vướng mắc và trả lời của Sở Nội vụ.",
    ),
    Entry(
        "Hồ sơ của đơn vị",
        "nominations:unit_list",
        "nominations.view_unit_dossiers",
        "Lập, nộp và theo dõi hồ sơ đề nghị khen thưởng.",
    ),
    Entry("Thẩm định", "nominations:queue", "nominations.view_queue", "Hàng đợi thẩm định hồ sơ."),
    Entry(
        "Xếp hạng, đề nghị",
        "awards:ranking_home",
        "awards.view_ranking",
        "Xếp hạng hồ sơ trong chỉ tiêu, tờ trình.",
    ),
    Entry("Hội đồng", "awards:council_home", "awards.vote", "Biểu quyết danh sách đề nghị."),
    Entry(
        "Quyết định",
        "awards:decision_list",
        "awards.view_province_decisions",
        "Quyết định khen thưởng của UBND tỉnh, tiền thưởng, giấy chứng nhận.",
    ),
    Entry(
        "Giấy khen",
        "awards:unit_decisions",
        "awards.issue_unit_awards",
        "Quyết định tặng Giấy khen của đơn vị.",
    ),
    Entry("Báo cáo", "reports:home", "reports.view_reports", "Báo cáo tổng hợp PDF và XLSX."),
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
        visible.append({"label": entry.label, "url": url, "description": entry.description})
    return visible
