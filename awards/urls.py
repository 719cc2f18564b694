from django.urls import path

from awards.views import certificates, council, decisions, history, public, ranking, unit_awards

app_name = "awards"

urlpatterns = [
    path("khen-thuong/xep-hang/", ranking.ranking_home, name="ranking_home"),
    path("khen-thuong/xep-hang/<int:round_id>/", ranking.ranking_board, name="ranking_board"),
    path(
        "khen-thuong/xep-hang/<int:round_id>/rut/<int:nomination_id>/",
        ranking.proposal_withdraw,
        name="proposal_withdraw",
    ),
    path("khen-thuong/hoi-dong/", council.council_home, name="council_home"),
    path("khen-thuong/hoi-dong/<int:round_id>/", council.council_round, name="council_round"),
    path("khen-thuong/hoi-dong/<int:round_id>/mo/", council.council_open, name="council_open"),
    path("khen-thuong/hoi-dong/<int:round_id>/dong/", council.council_close, name="council_close"),
    path("khen-thuong/quyet-dinh/", decisions.decision_list, name="decision_list"),
    path("khen-thuong/quyet-dinh/moi/<int:round_id>/", decisions.decision_create, name="decision_create"),
    path("khen-thuong/quyet-dinh/<int:decision_id>/", decisions.decision_detail, name="decision_detail"),
    path(
        "khen-thuong/quyet-dinh/<int:decision_id>/chung-nhan/<int:award_id>.pdf",
        certificates.certificate,
        name="certificate",
    ),
    path("khen-thuong/giay-khen/", unit_awards.unit_decisions, name="unit_decisions"),
    path("khen-thuong/giay-khen/moi/", unit_awards.unit_decision_create, name="unit_decision_create"),
    path("khen-thuong/giay-khen/so-luong/", unit_awards.unit_plan, name="unit_plan"),
    path("khen-thuong/lich-su/ca-nhan/<int:person_id>/", history.person_history, name="person_history"),
    path("khen-thuong/lich-su/don-vi/<int:unit_id>/", history.unit_history, name="unit_history"),
    path("cong-khai/khen-thuong/", public.public_register, name="public_register"),
]
