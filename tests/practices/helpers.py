"""Test data for practices: checked files and practices in each state, made through the services."""

import datetime

from campaigns.files import IMAGE_KINDS, check_upload
from practices.models import Field, Topic
from practices.services import difficulties as difficulty_services
from practices.services import practices as services
from tests.files import pdf_upload, png_upload


def checked_photo(name: str = "anh.png"):
    return check_upload(png_upload(name), allowed=IMAGE_KINDS)


def checked_pdf(name: str = "bao-cao.pdf"):
    return check_upload(pdf_upload(name))


def register(actor, name="Bộ phận một cửa thân thiện", field=Field.POLITICAL_SYSTEM, **extra):
    values = {
        "name": name,
        "field": field,
        "place": "Bộ phận một cửa UBND huyện",
        "description": "Niêm yết công khai thủ tục, hướng dẫn tận tình người dân.",
        "results": "100% hồ sơ trả đúng hạn; 98% người dân hài lòng.",
        "started_on": datetime.date(2025, 3, 1),
    }
    values.update(extra)
    return services.register_practice(actor=actor, **values)


def recognise(practice, actor, number="1234/QĐ-UBND", date=datetime.date(2025, 10, 15)):
    return services.recognise_practice(
        actor=actor,
        practice=practice,
        decision_number=number,
        decision_date=date,
        issuer="UBND tỉnh Hưng Yên",
    )


def featured(practice, actor):
    return services.feature_practice(actor=actor, practice=recognise(practice, actor))


def raise_difficulty(actor, title="Thiếu kinh phí cho mô hình", topic=Topic.RESOURCES, **extra):
    values = {
        "topic": topic,
        "title": title,
        "description": "Đơn vị chưa được bố trí kinh phí để duy trì mô hình.",
    }
    values.update(extra)
    return difficulty_services.raise_difficulty(actor=actor, **values)
