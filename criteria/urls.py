from django.urls import path

from criteria.views import criteria, duties, rankings

app_name = "criteria"

urlpatterns = [
    path("ke-hoach/<int:pk>/tieu-chi/", criteria.criteria_list, name="criteria_list"),
    path("tieu-chi/bo/<int:set_pk>/them/", criteria.criterion_add, name="criterion_add"),
    path("tieu-chi/<int:pk>/sua/", criteria.criterion_edit, name="criterion_edit"),
    path("tieu-chi/<int:pk>/xoa/", criteria.criterion_delete, name="criterion_delete"),
    path("nhiem-vu-don-vi/", duties.duties, name="duties"),
    path("nhiem-vu-don-vi/han/", duties.deadlines, name="deadlines"),
    path("nhiem-vu-don-vi/han/<int:pk>/sua/", duties.deadlines, name="deadline_edit"),
    path("nhiem-vu-don-vi/<int:pk>/", duties.unit_duties, name="unit_duties"),
    path("nhiem-vu-don-vi/<int:pk>/dang-ky/", duties.register, name="register"),
    path("nhiem-vu-don-vi/<int:pk>/ke-hoach/", duties.upload_plan, name="upload_plan"),
    path("nhiem-vu-don-vi/<int:pk>/ke-hoach/tep/", duties.plan_file, name="plan_file"),
    path(
        "nhiem-vu-don-vi/<int:pk>/bao-cao/<int:deadline_pk>/",
        duties.upload_report,
        name="upload_report",
    ),
    path(
        "nhiem-vu-don-vi/<int:pk>/bao-cao/<int:deadline_pk>/tep/",
        duties.report_file,
        name="report_file",
    ),
    path("xep-hang-dan-van/", rankings.rankings, name="rankings"),
    path("xep-hang-dan-van/nhap/", rankings.rankings_import, name="rankings_import"),
    path("xep-hang-dan-van/nhap/mau.xlsx", rankings.rankings_template, name="rankings_template"),
]
