"""portal.web: the one guard, the one paginator, the one way to call a service from a view."""

from urllib.parse import urlencode

import pytest
from django import forms
from django.conf import settings
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, QueryDict
from django.shortcuts import resolve_url
from django.test import RequestFactory

from portal import web


class NameForm(forms.Form):
    name = forms.CharField()


def _request(path="/", user=None, **params):
    request = RequestFactory().get(path, params)
    request.session = {}
    request._messages = FallbackStorage(request)
    if user is not None:
        request.user = user
    return request


def _refuse(**kwargs):
    raise ValidationError({"name": "Tên đã có người dùng. Hãy chọn tên khác."})


def _refuse_plainly(**kwargs):
    raise ValidationError("Đợt đã khóa. Hãy tải lại trang.")


@pytest.mark.unit
def test_a_service_error_goes_onto_the_form_beside_its_field():
    form = NameForm({"name": "An"})
    assert form.is_valid()
    request = _request()
    assert web.call_service(request, _refuse, form=form, name="An") == (False, None)
    assert form.errors["name"] == ["Tên đã có người dùng. Hãy chọn tên khác."]
    assert list(get_messages(request)) == []


@pytest.mark.unit
def test_without_a_form_the_error_is_a_message_and_success_can_name_the_result():
    request = _request()
    assert web.call_service(request, _refuse_plainly) == (False, None)
    assert web.call_service(request, lambda **kw: kw["n"] * 2, success=lambda r: f"Được {r}.", n=21) == (
        True,
        42,
    )
    assert [str(m) for m in get_messages(request)] == ["Đợt đã khóa. Hãy tải lại trang.", "Được 42."]


@pytest.mark.unit
def test_permission_denied_is_not_swallowed():
    def deny(**kwargs):
        raise PermissionDenied

    with pytest.raises(PermissionDenied):
        web.call_service(_request(), deny)


def _post(data, user="the actor"):
    request = RequestFactory().post("/", data)
    request.session = {}
    request._messages = FallbackStorage(request)
    request.user = user
    return request


@pytest.mark.unit
def test_submit_form_calls_the_service_only_for_a_valid_post_and_refusals_go_onto_the_form():
    seen = []

    def service(**kwargs):
        seen.append(kwargs)
        return kwargs["name"].upper()

    assert web.submit_form(_request(user="u"), NameForm(), service) == (False, None)
    assert web.submit_form(_post({}), NameForm({}), service) == (False, None)
    request = _post({"name": "An"})
    assert web.submit_form(request, NameForm({"name": "An"}), service, success="Đã lưu.", unit=7) == (
        True,
        "AN",
    )
    assert seen == [{"actor": "the actor", "unit": 7, "name": "An"}]
    form = NameForm({"name": "An"})
    assert web.submit_form(_post({"name": "An"}), form, _refuse, values=lambda d: {}) == (False, None)
    assert form.errors["name"] == ["Tên đã có người dùng. Hãy chọn tên khác."]
    assert [str(m) for m in get_messages(request)] == ["Đã lưu."]


@pytest.mark.unit
def test_act_goes_back_whether_done_refused_or_the_form_is_invalid():
    seen = []
    request = _post({})
    response = web.act(request, lambda **kw: seen.append(kw), back="/ho-so/1/", success="Xong.", n=1)
    assert response.url == "/ho-so/1/"
    web.act(request, _refuse_plainly, back="/ho-so/1/")
    web.act(request, lambda **kw: seen.append(kw), back="/ho-so/1/", form=NameForm({}))
    web.act(
        request,
        lambda **kw: seen.append(kw),
        back="/ho-so/1/",
        form=NameForm({"name": "An"}),
        values=lambda d: {"title": d["name"]},
    )
    assert seen == [{"actor": "the actor", "n": 1}, {"actor": "the actor", "title": "An"}]
    assert [str(m) for m in get_messages(request)] == [
        "Xong.",
        "Đợt đã khóa. Hãy tải lại trang.",
        "Trường này là bắt buộc.",
    ]


@pytest.mark.unit
@pytest.mark.parametrize(("asked", "shown"), [("2", 2), ("abc", 1), ("999", 4), ("", 1)])
def test_paginate_reads_page_and_gives_the_nearest_page_for_junk(asked, shown):
    page = web.paginate(_request(page=asked), list(range(10)), per_page=3)
    assert page.number == shown


@pytest.mark.django_db
def test_the_guard_sends_a_stranger_to_sign_in_and_refuses_a_user_without_the_permission(cast):
    from django.contrib.auth.models import AnonymousUser

    view = web.permission_required("nominations.view_queue")(lambda request: HttpResponse("ok"))
    response = view(_request("/tham-dinh/", AnonymousUser()))
    assert response.status_code == 302
    assert response["Location"].startswith(resolve_url(settings.LOGIN_URL))
    with pytest.raises(PermissionDenied):
        view(_request("/tham-dinh/", cast.officer_a))
    assert view(_request("/tham-dinh/", cast.appraiser)).content == b"ok"


@pytest.mark.unit
def test_the_filter_markup_key_changes_with_values_choices_and_errors():
    class Filters(forms.Form):
        kind = forms.ChoiceField(choices=[("", "Tất cả"), ("xa", "Xã")], required=False)

    def key(data, choices=None):
        form = Filters(QueryDict(urlencode(data)))
        if choices:
            form.fields["kind"].choices = choices
        form.is_valid()
        return web.form_markup_key(form)

    plain = key({"kind": "xa"})
    assert plain == key({"kind": "xa", "page": "3"})  # what the form does not show is not in the key
    assert plain != key({"kind": ""})
    assert plain != key({"kind": "xa"}, choices=[("", "Tất cả"), ("xa", "Xã"), ("phuong", "Phường")])
    assert plain != key({"kind": "khong-co"})  # an error is drawn, so it is in the key
