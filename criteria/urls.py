from django.urls import path

from . import views_criteria, views_duties, views_rankings

app_name = "criteria"

urlpatterns = [
    path("ke-hoach/<int:pk>/tieu-chi/", views_criteria.criteria_list, name="criteria_list"),
    path("tieu-chi/bo/<int:set_pk>/them/", views_criteria.criterion_add, name="criterion_add"),
    path("tieu-chi/<int:pk>/sua/", views_criteria.criterion_edit, name="criterion_edit"),
    path("tieu-chi/<int:pk>/xoa/", views_criteria.criterion_delete, name="criterion_delete"),
    path("nhiem-vu-don-vi/", views_duties.duties, name="duties"),
    path("nhiem-vu-don-vi/han/", views_duties.deadlines, name="deadlines"),
    path("nhiem-vu-don-vi/han/<int:pk>/sua/", views_duties.deadlines, name="deadline_edit"),
    path("nhiem-vu-don-vi/<int:pk>/", views_duties.unit_duties, name="unit_duties"),
    path("nhiem-vu-don-vi/<int:pk>/dang-ky/", views_duties.register, name="register"),
    path("nhiem-vu-don-vi/<int:pk>/ke-hoach/", views_duties.upload_plan, name="upload_plan"),
    path("nhiem-vu-don-vi/<int:pk>/ke-hoach/tep/", views_duties.plan_file, name="plan_file"),
    path(
        "nhiem-vu-don-vi/<int:pk>/bao-cao/<int:deadline_pk>/",
        views_duties.upload_report,
        name="upload_report",
    ),
    path(
        "nhiem-vu-don-vi/<int:pk>/bao-cao/<int:deadline_pk>/tep/",
        views_duties.report_file,
        name="report_file",
    ),
    path("xep-hang-dan-van/", views_rankings.rankings, name="rankings"),
    path("xep-hang-dan-van/nhap/", views_rankings.rankings_import, name="rankings_import"),
    path("xep-hang-dan-van/nhap/xac-nhan/", views_rankings.rankings_confirm, name="rankings_confirm"),
    path("xep-hang-dan-van/nhap/mau.xlsx", views_rankings.rankings_template, name="rankings_template"),
]
