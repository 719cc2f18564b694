from django.urls import path

from . import views_accounts, views_directory, views_imports

urlpatterns = [
    path("don-vi/", views_directory.unit_list, name="unit_list"),
    path("don-vi/xuat-excel/", views_directory.unit_export, name="unit_export"),
    path("don-vi/<int:pk>/", views_directory.unit_detail, name="unit_detail"),
    path("cum-khoi-thi-dua/", views_directory.cluster_list, name="cluster_list"),
    path("ca-nhan/", views_directory.person_list, name="person_list"),
    path("ca-nhan/xuat-excel/", views_directory.person_export, name="person_export"),
    path("ca-nhan/<int:pk>/", views_directory.person_detail, name="person_detail"),
    path("tai-khoan-don-vi/", views_accounts.account_list, name="account_list"),
    path("tai-khoan-don-vi/them/", views_accounts.account_create, name="account_create"),
    path("tai-khoan-don-vi/<int:pk>/", views_accounts.account_edit, name="account_edit"),
    path(
        "tai-khoan-don-vi/<int:pk>/trang-thai/", views_accounts.account_set_active, name="account_set_active"
    ),
    path("nhap-du-lieu/", views_imports.import_home, name="import_home"),
    path("nhap-du-lieu/<str:kind>/", views_imports.import_upload, name="import_upload"),
    path("nhap-du-lieu/<str:kind>/tep-mau.xlsx", views_imports.import_template, name="import_template"),
    path("nhap-du-lieu/lan/<int:pk>/", views_imports.import_preview, name="import_preview"),
    path("nhap-du-lieu/lan/<int:pk>/xac-nhan/", views_imports.import_confirm, name="import_confirm"),
    path("nhap-du-lieu/lan/<int:pk>/huy/", views_imports.import_discard, name="import_discard"),
]
