from django.urls import path

from documents import views

app_name = "documents"

urlpatterns = [
    path("van-ban/nguoi-ky/", views.signers, name="signers"),
    path("van-ban/nguoi-ky/<int:pk>/thoi-ky/", views.end_signer, name="end_signer"),
    path("van-ban/co-quan-ban-hanh/", views.set_issuers, name="set_issuers"),
]
