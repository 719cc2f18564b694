from django.urls import path

from campaigns.views import accounts, directory, imports, plan

app_name = "campaigns"

urlpatterns = [
    # The plan, its rounds and timeline
    path("ke-hoach/", plan.plan, name="plan"),
    path("ke-hoach/<int:pk>/", plan.plan, name="plan_detail"),
    path("ke-hoach/<int:pk>/dot/them/", plan.round_create, name="round_create"),
    path("ke-hoach/dot/<int:pk>/sua/", plan.round_edit, name="round_edit"),
    # The directory of units and people, units' accounts, imports
    path("don-vi/", directory.unit_list, name="unit_list"),
    path("don-vi/xuat-excel/", directory.unit_export, name="unit_export"),
    path("don-vi/<int:pk>/", directory.unit_detail, name="unit_detail"),
    path("cum-khoi-thi-dua/", directory.cluster_list, name="cluster_list"),
    path("ca-nhan/", directory.person_list, name="person_list"),
    path("ca-nhan/xuat-excel/", directory.person_export, name="person_export"),
    path("ca-nhan/<int:pk>/", directory.person_detail, name="person_detail"),
    path("tai-khoan-don-vi/", accounts.account_list, name="account_list"),
    path("tai-khoan-don-vi/them/", accounts.account_create, name="account_create"),
    path("tai-khoan-don-vi/<int:pk>/", accounts.account_edit, name="account_edit"),
    path("tai-khoan-don-vi/<int:pk>/trang-thai/", accounts.account_set_active, name="account_set_active"),
    path("nhap-du-lieu/", imports.import_home, name="import_home"),
    path("nhap-du-lieu/<str:kind>/", imports.import_upload, name="import_upload"),
    path("nhap-du-lieu/<str:kind>/tep-mau.xlsx", imports.import_template, name="import_template"),
    path("nhap-du-lieu/lan/<int:pk>/", imports.import_preview, name="import_preview"),
    path("nhap-du-lieu/lan/<int:pk>/xac-nhan/", imports.import_confirm, name="import_confirm"),
    path("nhap-du-lieu/lan/<int:pk>/huy/", imports.import_discard, name="import_discard"),
]
