"""Security gates that run with every `make test`."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE_DIRS = [ROOT / "templates", *ROOT.glob("*/templates")]
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
INLINE_HANDLER = re.compile(r"\son[a-z]+\s*=\s*[\"']", re.IGNORECASE)
INLINE_STYLE_ATTR = re.compile(
    r"<(?!svg|rect|text|line|path|circle|g\b|polyline|polygon)[a-z0-9]+[^>]*\sstyle\s*=", re.IGNORECASE
)


def _html_templates():
    for folder in TEMPLATE_DIRS:
        yield from (p for p in folder.rglob("*.html") if "pdf" not in p.parts and "pdf" not in p.stem)


@pytest.mark.unit
def test_no_template_has_an_inline_script_or_event_handler():
    offenders = []
    for path in _html_templates():
        text = path.read_text(encoding="utf-8")
        if INLINE_SCRIPT.search(text) or INLINE_HANDLER.search(text):
            offenders.append(str(path.relative_to(ROOT)))
    assert not offenders, f"inline script (forbidden by the CSP) in: {offenders}"


@pytest.mark.unit
def test_no_web_template_has_an_inline_style_attribute():
    offenders = [
        str(p.relative_to(ROOT))
        for p in _html_templates()
        if INLINE_STYLE_ATTR.search(p.read_text(encoding="utf-8"))
    ]
    assert not offenders, f"style attribute (blocked by the CSP style-src 'self') in: {offenders}"


@pytest.mark.unit
def test_every_form_posting_in_a_template_carries_a_csrf_token():
    offenders = []
    for path in _html_templates():
        text = path.read_text(encoding="utf-8")
        for form in re.findall(
            r"<form[^>]*method=[\"']post[\"'][^>]*>.*?</form>", text, re.IGNORECASE | re.DOTALL
        ):
            if "csrf_token" not in form:
                offenders.append(str(path.relative_to(ROOT)))
    assert not offenders, f"POST form without {{% csrf_token %}} in: {sorted(set(offenders))}"


@pytest.mark.django_db
def test_the_content_security_policy_comes_from_django_csp_and_allows_no_inline_code(client):
    from django.conf import settings

    assert "csp.middleware.CSPMiddleware" in settings.MIDDLEWARE
    directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    assert all("'unsafe-inline'" not in v and "'unsafe-eval'" not in v for v in directives.values())
    for url in ("/tai-khoan/dang-nhap/", "/cong-khai/khen-thuong/", "/khong-co-trang-nay/"):
        header = client.get(url)["Content-Security-Policy"]
        assert "script-src 'self'" in header and "style-src 'self'" in header, url
        assert "object-src 'none'" in header and "unsafe" not in header, url
