"""Every URL pattern of the project has an entry here; anonymous and role-less users are refused.

The per-app matrix tests (tests/<app>/test_*matrix*.py) check each role on its own and another
unit's objects. This one makes sure no URL is forgotten: a new pattern without an entry fails.
"""

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

PUBLIC = "public"  # anyone, no login
SIGNED_IN = "signed_in"  # any signed-in user, even without a role
ROLE = "role"  # needs a role (and usually a unit); refused to a signed-in user without one

ACCESS = {
    "home": SIGNED_IN,
    "healthz": PUBLIC,
    "login": PUBLIC,
    "logout": SIGNED_IN,
    "password_change": SIGNED_IN,
    "password_change_done": SIGNED_IN,
    "password_reset": PUBLIC,
    "password_reset_done": PUBLIC,
    "password_reset_confirm": PUBLIC,
    "password_reset_complete": PUBLIC,
    "campaigns:plan": SIGNED_IN,
    "campaigns:plan_detail": SIGNED_IN,
}
PUBLIC_NAMES = {
    "awards:public_register",
    "practices:public_featured",
    "practices:public_featured_detail",
    "practices:public_photo",
}
SIGNED_IN_NAMES = {
    "practices:library",
    "practices:practice_detail",
    "nominations:notifications",
    "nominations:mark_read",
}


def _walk(patterns, namespace=""):
    for p in patterns:
        if isinstance(p, URLResolver):
            if p.namespace == "admin":
                continue
            yield from _walk(p.url_patterns, namespace + (f"{p.namespace}:" if p.namespace else ""))
        elif isinstance(p, URLPattern) and p.name:
            yield namespace + p.name, p


def all_url_names() -> dict[str, URLPattern]:
    return dict(_walk(get_resolver().url_patterns))


def access_of(name: str) -> str:
    if name in ACCESS:
        return ACCESS[name]
    if name in PUBLIC_NAMES:
        return PUBLIC
    if name in SIGNED_IN_NAMES:
        return SIGNED_IN
    return ROLE


def sample_url(name: str, pattern: URLPattern) -> str:
    kwargs = {}
    for key, converter in pattern.pattern.converters.items():
        kwargs[key] = 999999 if type(converter).__name__ == "IntConverter" else "x"
    for key in pattern.pattern.regex.groupindex:
        kwargs.setdefault(key, "x")
    return reverse(name, kwargs=kwargs)


KNOWN = set(ACCESS) | PUBLIC_NAMES | SIGNED_IN_NAMES


@pytest.mark.unit
def test_every_public_or_open_entry_still_exists():
    assert not KNOWN - set(all_url_names()), "entries for URLs that no longer exist"


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(all_url_names()))
def test_anonymous_and_roleless_users_are_refused_where_they_must_be(name, cast):
    url = sample_url(name, all_url_names()[name])
    access = access_of(name)
    anonymous = Client().get(url)
    if access == PUBLIC:
        assert anonymous.status_code in (200, 302, 404, 405), (name, anonymous.status_code)
        if anonymous.status_code == 302:
            assert "/tai-khoan/dang-nhap/" not in anonymous["Location"], name
        return
    assert anonymous.status_code in (302, 403, 404, 405), (name, anonymous.status_code)
    if anonymous.status_code == 302:
        assert "/tai-khoan/dang-nhap/" in anonymous["Location"], (name, anonymous["Location"])
    roleless = Client()
    roleless.force_login(cast.nobody)
    for response in (roleless.get(url), roleless.post(url, {"state": "awarded"})):
        if access == ROLE:
            assert response.status_code in (403, 404, 405), (name, response.status_code)
        else:
            assert response.status_code < 500, (name, response.status_code)
