from django.contrib.auth.decorators import login_required
from django.urls import path

from . import views_appraisal, views_files, views_notifications, views_unit

app_name = "nominations"

# Every page needs a signed-in user; each view then checks its permission and the object's scope.
urlpatterns = [
    # The unit's side
    path("ho-so/", login_required(views_unit.unit_list), name="unit_list"),
    path("ho-so/lap-moi/", login_required(views_unit.create), name="create"),
    path("ho-so/da-tham-dinh/", login_required(views_unit.concluded), name="concluded"),
    path("ho-so/<int:pk>/", login_required(views_unit.detail), name="detail"),
    path("ho-so/<int:pk>/tom-tat/", login_required(views_unit.edit_summary), name="edit_summary"),
    path("ho-so/<int:pk>/tai-lieu/", login_required(views_unit.upload), name="upload"),
    path(
        "ho-so/<int:pk>/tai-lieu/<int:doc_pk>/xoa/",
        login_required(views_unit.delete_document),
        name="delete_document",
    ),
    path("ho-so/<int:pk>/tai-lieu/<int:doc_pk>/", login_required(views_files.download), name="download"),
    path("ho-so/<int:pk>/tai-lieu/<int:doc_pk>/xem/", login_required(views_files.view_pdf), name="view_pdf"),
    path("ho-so/<int:pk>/mo-hinh/", login_required(views_unit.link_practice), name="link_practice"),
    path(
        "ho-so/<int:pk>/mo-hinh/<int:link_pk>/bo/",
        login_required(views_unit.unlink_practice),
        name="unlink_practice",
    ),
    path("ho-so/<int:pk>/tu-danh-gia/", login_required(views_unit.self_assess), name="self_assess"),
    path("ho-so/<int:pk>/nop/", login_required(views_unit.submit), name="submit"),
    path("ho-so/<int:pk>/rut/", login_required(views_unit.withdraw), name="withdraw"),
    # Sở Nội vụ's side
    path("tham-dinh/", login_required(views_appraisal.queue), name="queue"),
    path("tham-dinh/nhan-tiep/", login_required(views_appraisal.take_next), name="take_next"),
    path("tham-dinh/<int:pk>/", login_required(views_appraisal.appraise), name="appraise"),
    path("tham-dinh/<int:pk>/nhan/", login_required(views_appraisal.take), name="take"),
    path("tham-dinh/<int:pk>/phan-cong/", login_required(views_appraisal.assign), name="assign"),
    path("tham-dinh/<int:pk>/cham-diem/", login_required(views_appraisal.score), name="score"),
    path("tham-dinh/<int:pk>/tra-lai/", login_required(views_appraisal.return_for_supplement), name="return"),
    path("tham-dinh/<int:pk>/ket-luan/", login_required(views_appraisal.conclude), name="conclude"),
    # Notifications
    path("thong-bao/", login_required(views_notifications.notifications), name="notifications"),
    path("thong-bao/da-doc/", login_required(views_notifications.mark_read), name="mark_read"),
]
