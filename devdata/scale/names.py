"""Vocabulary of the province-scale data set (devdata.scale.data): names and texts only."""

from practices.models import Field, Topic

PROVINCE = "Ủy ban nhân dân tỉnh Hưng Yên"
# Level 2: provincial agencies (sở, ban, ngành) and, below, their divisions.
AGENCIES = [
    "Sở Nội vụ",
    "Văn phòng UBND tỉnh",
    "Sở Tư pháp",
    "Sở Tài chính",
    "Thanh tra tỉnh",
    "Sở Y tế",
    "Sở Giáo dục và Đào tạo",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Xây dựng",
    "Sở Nông nghiệp và Môi trường",
    "Sở Khoa học và Công nghệ",
    "Sở Công Thương",
    "Sở Dân tộc và Tôn giáo",
    "Ban Quản lý các khu công nghiệp tỉnh",
    "Đài Phát thanh và Truyền hình tỉnh",
    "Trung tâm Phục vụ hành chính công tỉnh",
    "Trường Chính trị tỉnh",
    "Bệnh viện Đa khoa tỉnh",
    "Bệnh viện Sản – Nhi tỉnh",
    "Trung tâm Kiểm soát bệnh tật tỉnh",
    "Trường Cao đẳng Y tế",
    "Trường Cao đẳng Cộng đồng",
    "Ban Quản lý dự án đầu tư xây dựng tỉnh",
    "Quỹ Đầu tư phát triển tỉnh",
    "Trung tâm Dịch vụ việc làm tỉnh",
    "Trung tâm Xúc tiến đầu tư và Hỗ trợ doanh nghiệp",
    "Văn phòng Đoàn ĐBQH và HĐND tỉnh",
    "Liên minh Hợp tác xã tỉnh",
    "Ban Quản lý dự án giao thông tỉnh",
    "Trung tâm Công nghệ thông tin và Truyền thông",
]
DIVISIONS = ["Văn phòng", "Phòng Kế hoạch – Tài chính", "Phòng Tổ chức cán bộ", "Phòng Nghiệp vụ"]
DISTRICTS = [
    "UBND thành phố Hưng Yên",
    "UBND thị xã Mỹ Hào",
    "UBND huyện Văn Lâm",
    "UBND huyện Văn Giang",
    "UBND huyện Yên Mỹ",
    "UBND huyện Khoái Châu",
    "UBND huyện Ân Thi",
    "UBND huyện Kim Động",
    "UBND huyện Tiên Lữ",
    "UBND huyện Phù Cừ",
    "UBND thành phố Thái Bình",
    "UBND huyện Đông Hưng",
    "UBND huyện Quỳnh Phụ",
    "UBND huyện Hưng Hà",
]
COMMUNES = [
    "Tân Tiến",
    "Minh Hải",
    "Lạc Hồng",
    "Đại Đồng",
    "Trưng Trắc",
    "Lạc Đạo",
    "Chỉ Đạo",
    "Việt Hưng",
    "Nghĩa Trụ",
    "Long Hưng",
    "Phụng Công",
    "Thắng Lợi",
    "Ngọc Long",
    "Tân Lập",
    "Đồng Than",
    "Thanh Long",
    "Hồng Nam",
    "Quảng Châu",
    "Hoàng Hanh",
    "Bảo Khê",
    "Đức Hợp",
    "Mai Động",
    "Hiệp Cường",
    "Phạm Ngũ Lão",
]
BLOCS = [
    (1, "Khối thi đua các cơ quan tổng hợp"),
    (2, "Khối thi đua kinh tế"),
    (3, "Khối thi đua văn hóa – xã hội"),
]
DISTRICT_CLUSTER = "Cụm thi đua các huyện, thị xã, thành phố"

COMMITMENTS = (
    "Đơn vị đăng ký thi đua thực hiện tốt công tác dân vận chính quyền; 100% hồ sơ thủ tục hành chính "
    "giải quyết đúng hạn; xây dựng ít nhất một mô hình “Dân vận khéo”; thực hiện đầy đủ chế độ báo cáo."
)
SUMMARIES = [
    "Chủ động tham mưu ban hành kế hoạch, tổ chức tuyên truyền sâu rộng; giải quyết đúng hạn 100% hồ sơ "
    "thủ tục hành chính; không có đơn thư khiếu nại vượt cấp.",
    "Triển khai hiệu quả dịch vụ công trực tuyến toàn trình; tỷ lệ hồ sơ trực tuyến đạt trên 85%; "
    "mức độ hài lòng của người dân đạt 98%.",
    "Xây dựng và nhân rộng mô hình “Dân vận khéo” trong giải phóng mặt bằng; vận động các hộ bàn giao "
    "mặt bằng đúng tiến độ.",
    "Đổi mới lề lối làm việc, công khai số điện thoại đường dây nóng; tiếp nhận và trả lời phản ánh "
    "của người dân trong 48 giờ.",
]
RETURN_REASON = "Báo cáo thành tích chưa có xác nhận của thủ trưởng đơn vị. Hãy bổ sung bản có xác nhận."
INELIGIBLE_REASON = "Chưa đạt tiêu chí: không có giải pháp, sáng kiến được công nhận trong kỳ đánh giá."
CONCLUSION = "Hồ sơ đủ thành phần; các tiêu chí đạt theo kế hoạch."

PRACTICE_THEMES = [
    ("Bộ phận một cửa thân thiện", Field.POLITICAL_SYSTEM),
    ("Dân vận khéo trong giải phóng mặt bằng", Field.ECONOMY),
    ("Chính quyền lắng nghe qua Zalo", Field.POLITICAL_SYSTEM),
    ("Tổ tự quản an ninh trật tự", Field.DEFENCE_SECURITY),
    ("Trợ giúp pháp lý lưu động", Field.CULTURE_SOCIETY),
    ("Hướng dẫn dịch vụ công trực tuyến tại nhà", Field.POLITICAL_SYSTEM),
    ("Xây dựng nông thôn mới kiểu mẫu", Field.ECONOMY),
    ("Đường hoa tự quản", Field.CULTURE_SOCIETY),
    ("Đối thoại với doanh nghiệp hằng quý", Field.ECONOMY),
    ("Dân vận khéo trong chuyển đổi số", Field.POLITICAL_SYSTEM),
]
PRACTICE_DESCRIPTION = (
    "Cán bộ, công chức đến từng hộ, từng doanh nghiệp; lắng nghe và giải đáp kiến nghị; công khai kết quả "
    "giải quyết; phối hợp với Mặt trận và các đoàn thể."
)
DIFFICULTIES = [
    (Topic.PROCEDURES, "Thủ tục liên thông đất đai còn kéo dài"),
    (Topic.DIGITAL, "Phần mềm một cửa điện tử chưa kết nối cơ sở dữ liệu dân cư"),
    (Topic.RESOURCES, "Thiếu kinh phí cho công tác tuyên truyền dân vận"),
    (Topic.EMULATION, "Chưa rõ cách chấm tiêu chí d khi đơn vị mới thành lập"),
    (Topic.ORGANISATION, "Sắp xếp đơn vị hành chính làm thay đổi nhóm xếp hạng"),
    (Topic.OTHER, "Đề nghị tập huấn nghiệp vụ thi đua – khen thưởng"),
]
DIFFICULTY_ANSWER = "Sở Nội vụ đã hướng dẫn tại Công văn số 512/SNV-TĐKT; đơn vị thực hiện theo hướng dẫn."
