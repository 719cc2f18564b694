from django.urls import path

from nominations.views import appraisal, files, notifications, unit

app_name = "nominations"

# Each view is guarded by its permission (portal.web.permission_required, which also asks to sign in)
# and then checks the object's scope.
urlpatterns = [
    # The unit's side
    path("ho-so/", unit.unit_list, name="unit_list"),
    path("ho-so/lap-moi/", unit.create, name="create"),
    path("ho-so/da-tham-dinh/", unit.concluded, name="concluded"),
    path("ho-so/<int:pk>/", unit.detail, name="detail"),
    path("ho-so/<int:pk>/tom-tat/", unit.edit_summary, name="edit_summary"),
    path("ho-so/<int:pk>/tai-lieu/", unit.upload, name="upload"),
    path(
        "ho-so/<int:pk>/tai-lieu/<int:doc_pk>/xoa/",
        unit.delete_document,
        name="delete_document",
    ),
    path("ho-so/<int:pk>/tai-lieu/<int:doc_pk>/", files.download, name="download"),
    path("ho-so/<int:pk>/tai-lieu/<int:doc_pk>/xem/", files.view_pdf, name="view_pdf"),
    path("ho-so/<int:pk>/mo-hinh/", unit.link_practice, name="link_practice"),
    path(
        "ho-so/<int:pk>/mo-hinh/<int:link_pk>/bo/",
        unit.unlink_practice,
        name="unlink_practice",
    ),
    path("ho-so/<int:pk>/tu-danh-gia/", unit.self_assess, name="self_assess"),
    path("ho-so/<int:pk>/nop/", unit.submit, name="submit"),
    path("ho-so/<int:pk>/rut/", unit.withdraw, name="withdraw"),
    # Sở Nội vụ's side
    path("tham-dinh/", appraisal.queue, name="queue"),
    path("tham-dinh/nhan-tiep/", appraisal.take_next, name="take_next"),
    path("tham-dinh/<int:pk>/", appraisal.appraise, name="appraise"),
    path("tham-dinh/<int:pk>/nhan/", appraisal.take, name="take"),
    path("tham-dinh/<int:pk>/phan-cong/", appraisal.assign, name="assign"),
    path("tham-dinh/<int:pk>/cham-diem/", appraisal.score, name="score"),
    path("tham-dinh/<int:pk>/tra-lai/", appraisal.return_for_supplement, name="return"),
    path("tham-dinh/<int:pk>/ket-luan/", appraisal.conclude, name="conclude"),
    # Notifications
    path("thong-bao/", notifications.notifications, name="notifications"),
    path("thong-bao/da-doc/", notifications.mark_read, name="mark_read"),
]
