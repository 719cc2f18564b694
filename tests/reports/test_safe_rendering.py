"""Names that carry HTML pointing at the network or the disk never make WeasyPrint fetch anything."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from campaigns.pdf import render_pdf
from devdata.sample_report import build_sample
from reports import jobs as building
from reports.models import ReportJob

from .conftest import pdf_text

pytestmark = pytest.mark.django_db

PASSWD_MARK = "root:x:0:0"


@pytest.fixture
def counting_server():
    """An HTTP server on loopback that counts every request it receives."""
    hits = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            hits.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.hits = hits
    yield server
    server.shutdown()
    server.server_close()


def _hostile(port: int) -> str:
    return (
        f' <img src="http://127.0.0.1:{port}/x"><link rel="stylesheet" href="http://127.0.0.1:{port}/s.css">'
        '<img src="file:///etc/passwd">'
    )


def test_hostile_unit_and_person_names_fetch_nothing(cast, counting_server):
    assert PASSWD_MARK in Path("/etc/passwd").read_text()  # the file the attack would leak
    port = counting_server.server_address[1]
    sample = build_sample(units=6, dossiers=20, awards=4, name_suffix=_hostile(port))
    assert "<img" in sample.units[0].name and "<img" in sample.people[0].full_name
    jobs = [
        ReportJob(kind="annual", format="pdf", campaign=sample.campaign, year=2025, parameters={}),
        ReportJob(kind="final", format="pdf", campaign=sample.campaign, parameters={}),
        ReportJob(
            kind="proposal",
            format="pdf",
            campaign=sample.campaign,
            round=sample.rounds["nam-2025"],
            parameters={},
        ),
    ]
    for job in jobs:
        data = building.render(building.gather(job, lambda p, s: None), "pdf")
        text = pdf_text(data)
        assert PASSWD_MARK not in text
        assert b"root:x:0:0" not in data
        # The markup was printed as text (escaped), not dropped and not obeyed.
        assert "127.0.0.1" in text and "file:///etc/passwd" in text.replace("\n", "")
    assert counting_server.hits == []


def test_even_unescaped_markup_reaching_weasyprint_fetches_nothing(counting_server):
    port = counting_server.server_address[1]
    html = f"<html><body><p>Tên đơn vị</p>{_hostile(port)}<img src='http://localhost:{port}/y'></body></html>"
    data = render_pdf(html)
    assert counting_server.hits == []
    assert PASSWD_MARK not in pdf_text(data)
