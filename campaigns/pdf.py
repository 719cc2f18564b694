"""PDF rendering with WeasyPrint that fetches nothing but the portal's own static files.

Every PDF of the portal (summary reports, proposals, certificates) goes through render_pdf().
Templates link static files with {% static %}; those resolve under PDF_BASE_URL and are read from
the static finders, never over the network. data: URIs are allowed; everything else is refused.
"""

import logging
import mimetypes
from urllib.parse import unquote, urlparse

from django.conf import settings
from django.contrib.staticfiles import finders
from django.utils.translation import gettext as _
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

logger = logging.getLogger(__name__)

# A host that cannot exist on any network (.invalid, RFC 2606): relative URLs resolve under it.
PDF_BASE_URL = "https://portal.invalid/"


class RefusedFetch(ValueError):
    pass


class PortalURLFetcher(URLFetcher):
    """Serve /static/… from the portal's files and data: URIs; refuse every other URL."""

    def __init__(self):
        super().__init__(allowed_protocols=("data", "https"), allow_redirects=False)
        self.refused: list[str] = []

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        parsed = urlparse(url)
        static_prefix = (
            settings.STATIC_URL if settings.STATIC_URL.startswith("/") else "/" + settings.STATIC_URL
        )
        if (
            parsed.scheme == "https"
            and parsed.netloc == "portal.invalid"
            and parsed.path.startswith(static_prefix)
        ):
            relative = unquote(parsed.path[len(static_prefix) :])
            if ".." not in relative.split("/"):
                found = finders.find(relative)
                if found:
                    with open(found, "rb") as handle:
                        body = handle.read()
                    mime = mimetypes.guess_type(found)[0] or "application/octet-stream"
                    return URLFetcherResponse(url, body=body, headers={"Content-Type": mime})
        self.refused.append(url[:200])
        logger.warning("PDF rendering refused to fetch a resource outside the portal's static files")
        raise RefusedFetch(_("Chỉ được dùng tệp tĩnh của cổng thông tin khi tạo PDF."))


def render_pdf(html: str) -> bytes:
    """Render an HTML string (a Django template's output) to PDF bytes."""
    fetcher = PortalURLFetcher()
    return HTML(string=html, base_url=PDF_BASE_URL, url_fetcher=fetcher).write_pdf()
