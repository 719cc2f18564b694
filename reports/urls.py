from django.urls import path

from reports import views

app_name = "reports"

urlpatterns = [
    path("bao-cao/", views.home, name="home"),
    path("bao-cao/<int:pk>/", views.job, name="job"),
    path("bao-cao/<int:pk>/trang-thai/", views.job_status, name="job_status"),
    path("bao-cao/<int:pk>/tai-ve/", views.download, name="download"),
    path("bao-cao/<int:pk>/thu-lai/", views.retry, name="retry"),
    path("bao-cao/giay-chung-nhan/<int:decision_id>/", views.certificates, name="certificates"),
    path("bao-cao/quyet-dinh/<int:decision_id>/<str:format>/", views.decision_paper, name="decision_paper"),
    path("bao-cao/thong-ke/<str:form_code>/", views.statistics_form, name="statistics_form"),
    path("bao-cao/bien-ban/<int:round_id>/<str:format>/", views.council_minutes, name="council_minutes"),
    # The written parts of a summary report: "nam-2025" (a year's report) or "tong-ket" (end of campaign).
    path("bao-cao/du-thao/<int:campaign_id>/<slug:period>/", views.draft, name="draft"),
    path("bao-cao/du-thao/<int:campaign_id>/<slug:period>/luu/", views.save_draft, name="save_draft"),
    path(
        "bao-cao/du-thao/<int:campaign_id>/<slug:period>/<slug:key>/",
        views.part_history,
        name="part_history",
    ),
    path(
        "bao-cao/du-thao/<int:campaign_id>/<slug:period>/<slug:key>/khoi-phuc/<int:version_id>/",
        views.restore_part,
        name="restore_part",
    ),
]
