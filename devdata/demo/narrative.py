"""The demo's draft of the 2025 annual report (part of seed_demo_activity, see demo/activity.py).

Sở Nội vụ's specialist wrote the results of three of the plan's contents and the assessment at the end of
December 2025, after decision 2215/QĐ-UBND; the head of the board then rewrote the strengths (two
versions in its history). The tasks ahead and the proposals are left unwritten, so the 2025 report is
still a DỰ THẢO in the demo until someone writes them on the "Dự thảo báo cáo" page.

Written through reports.services.write_part as those people, on those days (demo_clock). A part whose
versions are the demo's own gets those it lacks; a part someone edited in the demo is left as it is, so
a second run writes nothing and never undoes a demo user's edit.
"""

import datetime as dt

from campaigns.models import Campaign
from devdata.demo.activity import MANAGER, STAFF, Cast, demo_clock
from devdata.demo.activity_duties import CAMPAIGN_NUMBER
from reports import selectors
from reports.services import write_part

YEAR = 2025
# (part, writer, day, hour, text) in the order they were written.
PARTS = [
    (
        "noi-dung-1",
        STAFF,
        dt.date(2025, 12, 26),
        9,
        "Các sở, ban, ngành và địa phương đã quán triệt Kế hoạch số 169/KH-UBND tới cán bộ, công chức, "
        "viên chức bằng hội nghị, văn bản hướng dẫn và trên cổng thông tin điện tử của đơn vị. Nhiều "
        "địa phương đưa nội dung dân vận chính quyền vào sinh hoạt chi bộ và giao ban định kỳ.\n\n"
        "Sau khi sắp xếp đơn vị hành chính từ ngày 01/7/2025, Sở Nội vụ đã hướng dẫn các xã, phường "
        "mới tiếp tục triển khai phong trào, không để gián đoạn việc đăng ký thi đua và báo cáo kết quả.",
    ),
    (
        "noi-dung-4",
        STAFF,
        dt.date(2025, 12, 26),
        10,
        "Các đơn vị đẩy mạnh cung cấp dịch vụ công trực tuyến toàn trình, gắn với khai thác dữ liệu dân "
        "cư theo Đề án 06. Bộ phận một cửa của các xã, phường được bố trí thiết bị hỗ trợ người dân "
        "nộp hồ sơ trực tuyến; tổ công nghệ số cộng đồng hướng dẫn tại chỗ.",
    ),
    (
        "noi-dung-6",
        STAFF,
        dt.date(2025, 12, 26),
        11,
        "Nhiều địa phương huy động nguồn lực xã hội hóa để cải tạo bộ phận tiếp nhận và trả kết quả; mô "
        "hình “Dân vận khéo” trong giải quyết thủ tục hành chính được công nhận và giới thiệu để nhân "
        "rộng trong toàn tỉnh.",
    ),
    (
        "uu-diem",
        STAFF,
        dt.date(2025, 12, 26),
        14,
        "Phong trào được triển khai đồng bộ ở các cấp; người đứng đầu nhiều cơ quan, đơn vị trực tiếp "
        "chỉ đạo.\n\nViệc bình xét khen thưởng năm 2025 bảo đảm đúng quy trình, trong chỉ tiêu.",
    ),
    (
        "han-che",
        STAFF,
        dt.date(2025, 12, 26),
        15,
        "Một số đơn vị chưa ban hành kế hoạch riêng hoặc gửi báo cáo định kỳ chậm so với thời hạn. Việc "
        "phát hiện, nhân rộng điển hình ở cơ sở còn ít; hồ sơ đề nghị khen thưởng của một số đơn vị còn "
        "phải bổ sung nhiều lần.",
    ),
    (
        "nguyen-nhan",
        STAFF,
        dt.date(2025, 12, 26),
        16,
        "Việc sắp xếp đơn vị hành chính và bộ máy trong năm làm thay đổi cán bộ phụ trách thi đua ở nhiều "
        "xã, phường; một số thủ trưởng chưa quan tâm đúng mức tới công tác thi đua, khen thưởng.",
    ),
    (
        "uu-diem",
        MANAGER,
        dt.date(2025, 12, 29),
        14,
        "Phong trào được triển khai đồng bộ ở các cấp; người đứng đầu nhiều cơ quan, đơn vị trực tiếp "
        "chỉ đạo, gắn phong trào với nhiệm vụ chuyên môn và cải cách hành chính.\n\n"
        "Việc bình xét khen thưởng năm 2025 bảo đảm công khai, đúng quy trình, trong chỉ tiêu: Chủ tịch "
        "Ủy ban nhân dân tỉnh đã tặng Bằng khen theo Quyết định số 2215/QĐ-UBND ngày 22/12/2025.\n\n"
        "Các xã, phường mới sau sắp xếp nhanh chóng ổn định, tiếp tục đăng ký và thực hiện phong trào.",
    ),
]


def seed_narrative(cast: Cast, summary: dict) -> None:
    """The versions of the 2025 draft the demo's history has and the database not yet. A part whose
    versions are not the demo's own (someone edited it in the demo) is left alone."""
    campaign = Campaign.objects.get(number=CAMPAIGN_NUMBER)
    versions = selectors.part_versions(campaign, "annual", YEAR).order_by("key", "version")
    existing: dict[str, list] = {}
    for version in versions:
        existing.setdefault(version.key, []).append(version)
    history: dict[str, list] = {}
    for key, username, day, hour, text in PARTS:
        history.setdefault(key, []).append((username, day, hour, text))
    for key, steps in history.items():
        done = existing.get(key, [])
        if [v.text for v in done] != [text for *_when, text in steps[: len(done)]]:
            continue
        latest = done[-1] if done else None
        for username, day, hour, text in steps[len(done) :]:
            with demo_clock(day, hour):
                latest = write_part(
                    actor=cast[username],
                    campaign=campaign,
                    kind="annual",
                    year=YEAR,
                    key=key,
                    text=text,
                    based_on=latest.pk if latest else None,
                )
            summary["narrative"] += 1
