from django.urls import path

from practices.views import difficulties, public
from practices.views import practices as views

app_name = "practices"

urlpatterns = [
    # Good practices (signed in)
    path("mo-hinh/", views.library, name="library"),
    path("mo-hinh/so-dang-ky/", views.register, name="register"),
    path("mo-hinh/dang-ky/", views.practice_create, name="practice_create"),
    path("mo-hinh/<int:pk>/", views.practice_detail, name="practice_detail"),
    path("mo-hinh/<int:pk>/sua/", views.practice_edit, name="practice_edit"),
    path("mo-hinh/<int:pk>/tep/", views.practice_file_add, name="practice_file_add"),
    path("mo-hinh/<int:pk>/tep/<int:file_pk>/", views.practice_file, name="practice_file"),
    path("mo-hinh/<int:pk>/tep/<int:file_pk>/xoa/", views.practice_file_delete, name="practice_file_delete"),
    path("mo-hinh/<int:pk>/cong-nhan/", views.practice_recognise, name="practice_recognise"),
    path("mo-hinh/<int:pk>/nhan-rong/", views.practice_feature, name="practice_feature"),
    # Featured models, public (no login)
    path("cong-khai/mo-hinh/", public.public_featured, name="public_featured"),
    path("cong-khai/mo-hinh/<int:pk>/", public.public_featured_detail, name="public_featured_detail"),
    path("cong-khai/mo-hinh/<int:pk>/anh/<int:file_pk>/", public.public_photo, name="public_photo"),
    # Difficulties
    path("kho-khan/", difficulties.difficulty_list, name="difficulty_list"),
    path("kho-khan/gui/", difficulties.difficulty_create, name="difficulty_create"),
    path("kho-khan/<int:pk>/", difficulties.difficulty_detail, name="difficulty_detail"),
    path("kho-khan/<int:pk>/sua/", difficulties.difficulty_edit, name="difficulty_edit"),
    path("kho-khan/<int:pk>/tep/", difficulties.difficulty_file_add, name="difficulty_file_add"),
    path("kho-khan/<int:pk>/tep/<int:file_pk>/", difficulties.difficulty_file, name="difficulty_file"),
    path("kho-khan/<int:pk>/tra-loi/", difficulties.difficulty_answer, name="difficulty_answer"),
    path("kho-khan/<int:pk>/chuyen/", difficulties.difficulty_forward, name="difficulty_forward"),
    path("kho-khan/<int:pk>/dong/", difficulties.difficulty_close, name="difficulty_close"),
]
