from django.urls import path

from . import views_plan

urlpatterns = [
    path("ke-hoach/", views_plan.plan, name="plan"),
    path("ke-hoach/<int:pk>/", views_plan.plan, name="plan_detail"),
    path("ke-hoach/<int:pk>/dot/them/", views_plan.round_create, name="round_create"),
    path("ke-hoach/dot/<int:pk>/sua/", views_plan.round_edit, name="round_edit"),
]
