"""A `Document` to PDF: the paper and each annex rendered apart (page numbers start again), one file."""

from django.template.loader import render_to_string
from weasyprint import HTML

from campaigns.pdf import PDF_BASE_URL, PortalURLFetcher
from documents.content import LABELS, MOTTO, NATIONAL_NAME, Document
from documents.layout import kind_of, split_tail


def _blocks(blocks) -> list[dict]:
    return [{"kind": kind_of(b), "item": b} for b in blocks]


def paper_html(doc: Document) -> str:
    body, tail = split_tail(doc.body)
    return render_to_string(
        "documents/pdf/paper.html",
        {
            "doc": doc,
            "body": _blocks(body),
            "tail": _blocks(tail),
            "labels": LABELS,
            "national_name": NATIONAL_NAME,
            "motto": MOTTO,
        },
    )


def annex_html(doc: Document, annex) -> str:
    return render_to_string(
        "documents/pdf/annex.html",
        {
            "doc": doc,
            "annex": annex,
            "reference": doc.annex_reference(annex),
            "blocks": _blocks(annex.blocks),
            "labels": LABELS,
        },
    )


def html_parts(doc: Document) -> list[str]:
    """The HTML of the paper, then of each annex."""
    doc.numbered()
    return [paper_html(doc)] + [annex_html(doc, a) for a in doc.annexes]


def render(*docs: Document) -> bytes:
    """PDF bytes of one or more papers, each with its annexes; WeasyPrint fetches only static files."""
    return write([html for doc in docs for html in html_parts(doc)])


def write(htmls: list[str]) -> bytes:
    """One PDF of HTML documents rendered apart (so each restarts its page numbers), in order."""
    rendered = [HTML(string=h, base_url=PDF_BASE_URL, url_fetcher=PortalURLFetcher()).render() for h in htmls]
    pages = [page for r in rendered for page in r.pages]
    return rendered[0].copy(pages).write_pdf()
