"""Demo good practices and difficulties for `manage.py seed_practices`, on the units of seed_demo.

Deterministic and idempotent: a practice is found again by its unit and name, a difficulty by its
unit and title. Practices are recorded by the demo Sở Nội vụ specialist on the units' behalf (as Ban
Thi đua – Khen thưởng does from units' reports) and then go through the real recognise/feature services;
difficulties are raised by the demo unit officer and handled by the specialist through the services.
"""

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction

from campaigns.models import Person, Unit
from campaigns.text import fold
from practices.models import Difficulty, Field, Practice, PracticeState, Topic
from practices.services import difficulties as difficulty_services
from practices.services import practices as services

STAFF_USERNAME = "chuyenvien"
OFFICER_USERNAME = "canbo"
ISSUER = "UBND tỉnh Hưng Yên"

# The province's two decisions recognising good practices: (number, date).
DECISION_SEPTEMBER = ("1862/QĐ-UBND", dt.date(2025, 9, 12))
DECISION_NOVEMBER = ("2410/QĐ-UBND", dt.date(2025, 11, 20))

# name, candidate unit codes (the first that exists is used), field, place, description, results,
# started on, state, recognising decision (number, date) or None, by a person of the unit?
PRACTICES = [
    (
        "Bộ phận một cửa thân thiện",
        ("X-NHUQUYNH", "H-VANLAM"),
        Field.POLITICAL_SYSTEM,
        "Bộ phận tiếp nhận và trả kết quả UBND xã",
        "Bố trí ghế chờ, nước uống, bàn hướng dẫn; công chức đeo thẻ, niêm yết số điện thoại đường dây nóng; "
        "hướng dẫn người cao tuổi nộp hồ sơ trực tuyến ngay tại quầy.",
        "Năm 2025 tiếp nhận 6.412 hồ sơ, 100% trả đúng hạn; 98,6% người dân hài lòng; "
        "tỷ lệ hồ sơ trực tuyến tăng từ 41% lên 87%.",
        dt.date(2024, 11, 15),
        PracticeState.FEATURED,
        DECISION_SEPTEMBER,
        False,
    ),
    (
        "Dân vận khéo trong giải phóng mặt bằng",
        ("X-YENMY", "H-YENMY"),
        Field.ECONOMY,
        "Các thôn có dự án đường vành đai 3.5",
        "Cán bộ, đảng viên đến từng hộ; đối thoại công khai phương án bồi thường; "
        "người có uy tín trong dòng họ cùng vận động.",
        "Vận động 312 hộ bàn giao 41,5 ha mặt bằng đúng tiến độ, không phát sinh khiếu nại vượt cấp.",
        dt.date(2024, 12, 1),
        PracticeState.FEATURED,
        DECISION_SEPTEMBER,
        False,
    ),
    (
        "Zalo “Chính quyền lắng nghe” kết nối Nhân dân",
        ("P-PHOHIEN", "H-TPHY"),
        Field.POLITICAL_SYSTEM,
        "Phường Phố Hiến",
        "Lập nhóm Zalo theo tổ dân phố; tiếp nhận phản ánh, trả lời trong 48 giờ; "
        "công khai kết quả giải quyết.",
        "Tiếp nhận 1.126 phản ánh, giải quyết 1.098 (97,5%); thời gian trả lời bình quân 19 giờ.",
        dt.date(2025, 7, 1),
        PracticeState.RECOGNISED,
        DECISION_NOVEMBER,
        False,
    ),
    (
        "Tổ tự quản an ninh trật tự khu dân cư",
        ("X-ANTHI", "H-ANTHI"),
        Field.DEFENCE_SECURITY,
        "Các thôn của xã Ân Thi",
        "Mỗi thôn một tổ tự quản gồm công an viên, trưởng thôn và đoàn viên thanh niên; tuần tra ban đêm.",
        "Giảm 35% vụ việc về trật tự so với năm trước; 14/14 thôn đạt danh hiệu khu dân cư an toàn.",
        dt.date(2025, 3, 1),
        PracticeState.RECOGNISED,
        DECISION_NOVEMBER,
        False,
    ),
    (
        "Trợ giúp pháp lý lưu động tại thôn, xóm",
        ("STP",),
        Field.CULTURE_SOCIETY,
        "Các xã vùng sâu của tỉnh",
        "Tổ chức các buổi trợ giúp pháp lý lưu động cuối tuần, kết hợp phổ biến pháp luật cho người dân.",
        "Tổ chức 48 buổi, tư vấn cho 2.350 lượt người; 100% vụ việc được hướng dẫn đến nơi giải quyết.",
        dt.date(2025, 2, 1),
        PracticeState.RECOGNISED,
        DECISION_NOVEMBER,
        False,
    ),
    (
        "Số hóa hồ sơ hộ tịch",
        ("X-NHUQUYNH", "H-VANLAM"),
        Field.POLITICAL_SYSTEM,
        "UBND xã Như Quỳnh",
        "Quét và nhập dữ liệu sổ hộ tịch từ năm 1990 vào cơ sở dữ liệu hộ tịch điện tử.",
        "Số hóa 18.540 trang sổ; cấp bản sao trích lục trong ngày thay vì 3 ngày.",
        dt.date(2025, 8, 1),
        PracticeState.REGISTERED,
        None,
        True,
    ),
    (
        "Dân vận khéo xây dựng nông thôn mới kiểu mẫu",
        ("X-KHOAICHAU", "H-KHOAICHAU"),
        Field.ECONOMY,
        "Xã Khoái Châu",
        "Vận động Nhân dân hiến đất mở rộng đường thôn, trồng cây xanh, phân loại rác tại nguồn.",
        "Người dân hiến 9.200 m² đất; 100% hộ phân loại rác; 3 thôn đạt khu dân cư kiểu mẫu.",
        dt.date(2025, 4, 1),
        PracticeState.REGISTERED,
        None,
        False,
    ),
]

# topic, title, description, then: None (waiting), ("answer", text) or ("forward", agency, note)
DIFFICULTIES = [
    (
        Topic.DIGITAL,
        "Phần mềm một cửa thường quá tải vào đầu tuần",
        "Sáng thứ Hai hệ thống một cửa điện tử phản hồi chậm, người dân phải chờ lâu. "
        "Đề nghị nâng cấp đường truyền.",
        ("forward", "Sở Khoa học và Công nghệ", "Đề nghị kiểm tra năng lực hệ thống và đường truyền."),
    ),
    (
        Topic.RESOURCES,
        "Chưa có kinh phí duy trì mô hình “Bộ phận một cửa thân thiện”",
        "Xã chưa được bố trí kinh phí mua sắm ghế chờ, máy lấy số. Đề nghị hướng dẫn nguồn kinh phí.",
        (
            "answer",
            "Đơn vị lập dự toán trong kinh phí cải cách hành chính năm 2026, gửi Sở Tài chính thẩm định.",
        ),
    ),
    (
        Topic.EMULATION,
        "Hướng dẫn minh chứng tiêu chí xếp hạng dân vận chính quyền",
        "Đề nghị hướng dẫn tài liệu minh chứng cho tiêu chí (d) khi đơn vị mới thành lập từ 01/7/2025.",
        None,
    ),
]


def seed_practices() -> dict:
    """Create the demo practices and difficulties that are missing; return what was done."""
    User = get_user_model()
    staff = User.objects.filter(username=STAFF_USERNAME).first()
    officer = User.objects.filter(username=OFFICER_USERNAME).first()
    units = {u.code: u for u in Unit.objects.filter(code__in={c for p in PRACTICES for c in p[1]})}
    result = {
        "created": 0,
        "existing": 0,
        "skipped": [],
        "difficulties_created": 0,
        "difficulties_existing": 0,
    }
    if staff is None or not units:
        result["missing"] = True
        return result
    with transaction.atomic():
        for row in PRACTICES:
            _seed_practice(row, units, staff, result)
        if officer is not None and hasattr(officer, "membership"):
            for row in DIFFICULTIES:
                _seed_difficulty(row, officer, staff, result)
    return result


def _seed_practice(row, units, staff, result) -> None:
    name, codes, field, place, description, results, started, state, decision, by_person = row
    unit = next((units[c] for c in codes if c in units), None)
    if unit is None:
        result["skipped"].append(name)
        return
    if Practice.objects.filter(unit=unit, name_key=fold(name)).exists():
        result["existing"] += 1
        return
    person = Person.objects.filter(unit=unit).order_by("search_name", "pk").first() if by_person else None
    practice = services._create_practice(  # recorded by Sở Nội vụ on the unit's behalf
        actor=staff,
        unit=unit,
        person=person,
        fields={
            "kind": Practice.Kind.INITIATIVE if by_person else Practice.Kind.MODEL,
            "name": name,
            "field": field,
            "place": place,
            "description": description,
            "results": results,
            "started_on": started,
        },
    )
    if decision:
        number, date = decision
        services.recognise_practice(
            actor=staff, practice=practice, decision_number=number, decision_date=date, issuer=ISSUER
        )
    if state == PracticeState.FEATURED:
        services.feature_practice(actor=staff, practice=practice, comment="Giới thiệu nhân rộng toàn tỉnh.")
    result["created"] += 1


def _seed_difficulty(row, officer, staff, result) -> None:
    topic, title, description, outcome = row
    unit = officer.membership.unit
    if Difficulty.objects.filter(unit=unit, title=title).exists():
        result["difficulties_existing"] += 1
        return
    item = difficulty_services.raise_difficulty(
        actor=officer, topic=topic, title=title, description=description
    )
    if outcome and outcome[0] == "answer":
        difficulty_services.answer_difficulty(actor=staff, difficulty=item, answer=outcome[1])
    elif outcome and outcome[0] == "forward":
        difficulty_services.forward_difficulty(
            actor=staff, difficulty=item, agency=outcome[1], note=outcome[2]
        )
    result["difficulties_created"] += 1
