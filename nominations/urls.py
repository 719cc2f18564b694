from django.contrib.auth.decorators import login_required
from django.urls import path

from nominations.views import appraisal, files, notifications, unit

app_name = "nominations"

# Every page needs a signed-in user; each view then checks its permission and the object's scope.
urlpatterns = [
    # The unit's side
    path("ho-so/", login_required(unit.unit_list), name="unit_list"),
    path("ho-so/lap-moi/", login_required(unit.create), name="create"),
    path("ho-so/da-tham-dinh/", login_required(unit.concluded), name="concluded"),
    path("ho-so/<int:pk>/", login_required(unit.detail), name="detail"),
    path("ho-so/<int:pk>/tom-tat/", login_required(unit.edit_summary), name="edit_summary"),
    path("ho-so/<int:pk>/tai-lieu/", login_required(unit.upload), name="upload"),
    path(
        "ho-so/<int:pk>/tai-lieu/<int:doc_pk>/xoa/",
        login_required(unit.delete_document),
        name="delete_document",
    ),
    path("ho-so/<int:pk>/tai-lieu/<int:doc_pk>/", login_required(files.download), name="download"),
    path("ho-so/<int:pk>/tai-lieu/<int:doc_pk>/xem/", login_required(files.view_pdf), name="view_pdf"),
    path("ho-so/<int:pk>/mo-hinh/", login_required(unit.link_practice), name="link_practice"),
    path(
        "ho-so/<int:pk>/mo-hinh/<int:link_pk>/bo/",
        login_required(unit.unlink_practice),
        name="unlink_practice",
    ),
    path("ho-so/<int:pk>/tu-danh-gia/", login_required(unit.self_assess), name="self_assess"),
    path("ho-so/<int:pk>/nop/", login_required(unit.submit), name="submit"),
    path("ho-so/<int:pk>/rut/", login_required(unit.withdraw), name="withdraw"),
    # Sở Nội vụ's side
    path("tham-dinh/", login_required(appraisal.queue), name="queue"),
    path("tham-dinh/nhan-tiep/", login_required(appraisal.take_next), name="take_next"),
    path("tham-dinh/<int:pk>/", login_required(appraisal.appraise), name="appraise"),
    path("tham-dinh/<int:pk>/nhan/", login_required(appraisal.take), name="take"),
    path("tham-dinh/<int:pk>/phan-cong/", login_required(appraisal.assign), name="assign"),
    path("tham-dinh/<int:pk>/cham-diem/", login_required(appraisal.score), name="score"),
    path("tham-dinh/<int:pk>/tra-lai/", login_required(appraisal.return_for_supplement), name="return"),
    path("tham-dinh/<int:pk>/ket-luan/", login_required(appraisal.conclude), name="conclude"),
    # Notifications
    path("thong-bao/", login_required(notifications.notifications), name="notifications"),
    path("thong-bao/da-doc/", login_required(notifications.mark_read), name="mark_read"),
]
