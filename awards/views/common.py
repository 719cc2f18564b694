"""Kept only for awards/views/certificates.py until certificate bundles become report jobs (issue 12).

Every other awards view uses portal.web directly; delete this module with that change.
"""

from portal.web import show_errors as report

__all__ = ["report"]
