from django.urls import include, path

app_name = "campaigns"

# Two parts with their own modules: the plan, rounds and timeline; the directory of units and people.
urlpatterns = [
    path("", include("campaigns.urls_plan")),
    path("", include("campaigns.urls_directory")),
]
