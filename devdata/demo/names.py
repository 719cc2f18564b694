"""A plausible Hưng Yên for the demo: units before and after the 01/07/2025 reorganisation,
clusters and blocs, and the vocabulary of invented people. Data only; devdata.demo.directory writes it.
"""

import datetime as dt

PROVINCE = ("UBND-TINH", "Ủy ban nhân dân tỉnh Hưng Yên")
DISTRICTS_END = dt.date(2025, 6, 30)
COMMUNES_START = dt.date(2025, 7, 1)

# code, name, bloc code, divisions (code suffix, name)
AGENCIES = [
    (
        "SNV",
        "Sở Nội vụ",
        "KHOI-TH",
        [
            ("TDKT", "Ban Thi đua – Khen thưởng"),
            ("TCBC", "Phòng Tổ chức, biên chế"),
            ("CCHC", "Phòng Cải cách hành chính"),
        ],
    ),
    ("VP-UBND", "Văn phòng UBND tỉnh", "KHOI-TH", [("HCTC", "Phòng Hành chính – Tổ chức")]),
    (
        "STP",
        "Sở Tư pháp",
        "KHOI-TH",
        [("HCTP", "Phòng Hành chính tư pháp"), ("PBGDPL", "Phòng Phổ biến, giáo dục pháp luật")],
    ),
    ("STC", "Sở Tài chính", "KHOI-TH", [("QLNS", "Phòng Quản lý ngân sách")]),
    ("TTR", "Thanh tra tỉnh", "KHOI-TH", []),
    ("SYT", "Sở Y tế", "KHOI-VHXH", [("NVY", "Phòng Nghiệp vụ Y"), ("NVD", "Phòng Nghiệp vụ Dược")]),
    ("SGDDT", "Sở Giáo dục và Đào tạo", "KHOI-VHXH", [("GDPT", "Phòng Giáo dục phổ thông")]),
    ("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch", "KHOI-VHXH", []),
    ("SXD", "Sở Xây dựng", "KHOI-KT", [("QLXD", "Phòng Quản lý xây dựng")]),
    ("SNNMT", "Sở Nông nghiệp và Môi trường", "KHOI-KT", [("TL", "Phòng Thủy lợi")]),
    ("SKHCN", "Sở Khoa học và Công nghệ", "KHOI-KT", []),
    ("SCT", "Sở Công Thương", "KHOI-KT", []),
]

# The ten district-level units of 2024 (valid to 30/06/2025), each with some communes of the time and
# the communes or wards that succeeded them from 01/07/2025: (code, name, [(old code, old name)],
# [(new code, new name, [old codes merged into it])]). The district itself passes to the new units.
DISTRICTS = [
    (
        "H-TPHY",
        "UBND thành phố Hưng Yên",
        [
            ("X-TPHY-LELOI", "UBND phường Lê Lợi"),
            ("X-TPHY-HONGCHAU", "UBND phường Hồng Châu"),
            ("X-TPHY-BAOKHE", "UBND xã Bảo Khê"),
        ],
        [
            ("P-PHOHIEN", "UBND phường Phố Hiến", ["X-TPHY-LELOI", "X-TPHY-HONGCHAU"]),
            ("P-SONNAM", "UBND phường Sơn Nam", ["X-TPHY-BAOKHE"]),
        ],
    ),
    (
        "H-MYHAO",
        "UBND thị xã Mỹ Hào",
        [("X-MH-BANYEN", "UBND phường Bần Yên Nhân"), ("X-MH-PHUNGCHI", "UBND phường Phùng Chí Kiên")],
        [("P-MYHAO", "UBND phường Mỹ Hào", ["X-MH-BANYEN", "X-MH-PHUNGCHI"])],
    ),
    (
        "H-VANLAM",
        "UBND huyện Văn Lâm",
        [
            ("X-VL-NHUQUYNH", "UBND thị trấn Như Quỳnh"),
            ("X-VL-LACHONG", "UBND xã Lạc Hồng"),
            ("X-VL-LACDAO", "UBND xã Lạc Đạo"),
            ("X-VL-DAIDONG", "UBND xã Đại Đồng"),
        ],
        [
            ("X-NHUQUYNH", "UBND xã Như Quỳnh", ["X-VL-NHUQUYNH", "X-VL-LACHONG"]),
            ("X-LACDAO", "UBND xã Lạc Đạo", ["X-VL-LACDAO"]),
            ("X-DAIDONG", "UBND xã Đại Đồng", ["X-VL-DAIDONG"]),
        ],
    ),
    (
        "H-VANGIANG",
        "UBND huyện Văn Giang",
        [("X-VG-VANGIANG", "UBND thị trấn Văn Giang"), ("X-VG-PHUNGCONG", "UBND xã Phụng Công")],
        [
            ("X-VANGIANG", "UBND xã Văn Giang", ["X-VG-VANGIANG"]),
            ("X-PHUNGCONG", "UBND xã Phụng Công", ["X-VG-PHUNGCONG"]),
        ],
    ),
    (
        "H-YENMY",
        "UBND huyện Yên Mỹ",
        [("X-YM-YENMY", "UBND thị trấn Yên Mỹ"), ("X-YM-TRUNGHUNG", "UBND xã Trung Hưng")],
        [("X-YENMY", "UBND xã Yên Mỹ", ["X-YM-YENMY", "X-YM-TRUNGHUNG"])],
    ),
    (
        "H-ANTHI",
        "UBND huyện Ân Thi",
        [("X-AT-ANTHI", "UBND thị trấn Ân Thi"), ("X-AT-PHUNGOLAO", "UBND xã Phù Ủng")],
        [
            ("X-ANTHI", "UBND xã Ân Thi", ["X-AT-ANTHI"]),
            ("X-PHAMNGULAO", "UBND xã Phạm Ngũ Lão", ["X-AT-PHUNGOLAO"]),
        ],
    ),
    (
        "H-KHOAICHAU",
        "UBND huyện Khoái Châu",
        [("X-KC-KHOAICHAU", "UBND thị trấn Khoái Châu"), ("X-KC-BINHMINH", "UBND xã Bình Minh")],
        [("X-KHOAICHAU", "UBND xã Khoái Châu", ["X-KC-KHOAICHAU", "X-KC-BINHMINH"])],
    ),
    (
        "H-KIMDONG",
        "UBND huyện Kim Động",
        [("X-KD-LUONGBANG", "UBND thị trấn Lương Bằng"), ("X-KD-DUCHOP", "UBND xã Đức Hợp")],
        [
            ("X-LUONGBANG", "UBND xã Lương Bằng", ["X-KD-LUONGBANG"]),
            ("X-DUCHOP", "UBND xã Đức Hợp", ["X-KD-DUCHOP"]),
        ],
    ),
    (
        "H-TIENLU",
        "UBND huyện Tiên Lữ",
        [("X-TL-VUONG", "UBND thị trấn Vương"), ("X-TL-HOANGHOATHAM", "UBND xã Hoàng Hoa Thám")],
        [
            ("X-TIENLU", "UBND xã Tiên Lữ", ["X-TL-VUONG"]),
            ("X-HOANGHOATHAM", "UBND xã Hoàng Hoa Thám", ["X-TL-HOANGHOATHAM"]),
        ],
    ),
    (
        "H-PHUCU",
        "UBND huyện Phù Cừ",
        [("X-PC-TRANCAO", "UBND thị trấn Trần Cao"), ("X-PC-QUANGHUNG", "UBND xã Quang Hưng")],
        [
            ("X-TRANCAO", "UBND xã Trần Cao", ["X-PC-TRANCAO"]),
            ("X-QUANGHUNG", "UBND xã Quang Hưng", ["X-PC-QUANGHUNG"]),
        ],
    ),
]

# Clusters by locality and blocs by sector: code, name, kind, leader code, deputy code.
# The district cluster ran until 30/06/2025; the two commune clusters from 01/07/2025.
CLUSTERS = [
    ("CUM-HUYEN", "Cụm thi đua các huyện, thị xã, thành phố (đến 30/6/2025)", "cum", "H-MYHAO", "H-VANLAM"),
    ("CUM-BAC", "Cụm thi đua các xã, phường phía Bắc", "cum", "X-NHUQUYNH", "P-MYHAO"),
    ("CUM-NAM", "Cụm thi đua các xã, phường phía Nam", "cum", "P-PHOHIEN", "X-TIENLU"),
    ("KHOI-TH", "Khối thi đua các cơ quan tổng hợp", "khoi", "SNV", "STP"),
    ("KHOI-VHXH", "Khối thi đua văn hóa – xã hội", "khoi", "SYT", "SGDDT"),
    ("KHOI-KT", "Khối thi đua kinh tế", "khoi", "SXD", "SNNMT"),
]
NORTH = {"H-MYHAO", "H-VANLAM", "H-VANGIANG", "H-YENMY", "H-KHOAICHAU"}

FAMILY_NAMES = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Vũ",
    "Đỗ",
    "Bùi",
    "Đặng",
    "Ngô",
    "Đinh",
    "Lương",
    "Đào",
]
MIDDLE_MALE = ["Văn", "Đức", "Minh", "Quốc", "Hữu", "Thanh", "Xuân", "Ngọc"]
MIDDLE_FEMALE = ["Thị", "Thu", "Thanh", "Ngọc", "Phương", "Hồng", "Minh"]
GIVEN_MALE = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Đức",
    "Giang",
    "Hải",
    "Hùng",
    "Khánh",
    "Long",
    "Nam",
    "Phong",
    "Quân",
    "Sơn",
    "Thắng",
    "Tuấn",
    "Việt",
]
GIVEN_FEMALE = [
    "Anh",
    "Chi",
    "Dung",
    "Hà",
    "Hằng",
    "Hoa",
    "Hương",
    "Lan",
    "Linh",
    "Mai",
    "Ngân",
    "Nhung",
    "Oanh",
    "Phương",
    "Thảo",
    "Trang",
    "Yến",
]
LEADER_POSITIONS = {
    "provincial_agency": ["Giám đốc", "Phó Giám đốc"],
    "division": ["Trưởng phòng", "Phó Trưởng phòng"],
    "district": ["Chủ tịch UBND", "Phó Chủ tịch UBND"],
    "commune": ["Chủ tịch UBND", "Phó Chủ tịch UBND"],
    "province": ["Chánh Văn phòng", "Phó Chánh Văn phòng"],
}
STAFF_POSITIONS = {
    "provincial_agency": ["Chuyên viên", "Chuyên viên chính", "Kế toán", "Văn thư"],
    "division": ["Chuyên viên", "Chuyên viên chính"],
    "district": ["Chuyên viên", "Văn thư"],
    "commune": [
        "Công chức Văn phòng – Thống kê",
        "Công chức Tư pháp – Hộ tịch",
        "Công chức Địa chính – Xây dựng",
        "Công chức Văn hóa – Xã hội",
        "Công chức Tài chính – Kế toán",
    ],
    "province": ["Chuyên viên"],
}
