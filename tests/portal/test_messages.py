"""The message catalogue in locale/ is a real one: it holds every gettext string of the code and templates."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = Path("locale/vi/LC_MESSAGES/django.po")
SKIPPED = shutil.ignore_patterns(".venv", "var", ".git", "__pycache__", "*.mo", "node_modules", ".ruff_cache")


def _msgids(po: Path) -> set[str]:
    """The msgid strings of a .po file (joined continuation lines), the header's empty one left out."""
    ids, current = set(), None
    for line in po.read_text(encoding="utf-8").splitlines():
        if line.startswith(("msgid ", "msgid_plural ")):
            if current:
                ids.add(current)
            current = line.split(" ", 1)[1][1:-1]
        elif line.startswith('"') and current is not None:
            current += line[1:-1]
        else:
            if current:
                ids.add(current)
            current = None
    if current:
        ids.add(current)
    return ids


@pytest.mark.unit
def test_the_catalogue_is_up_to_date(tmp_path):
    copy = tmp_path / "portal"
    shutil.copytree(ROOT, copy, ignore=SKIPPED)
    (copy / CATALOGUE).unlink()
    subprocess.run(
        ["bash", "bin/messages"],
        cwd=copy,
        env={**os.environ, "PY": sys.executable},
        check=True,
        capture_output=True,
    )
    expected, present = _msgids(copy / CATALOGUE), _msgids(ROOT / CATALOGUE)
    assert expected, "makemessages found no string"
    missing, stale = sorted(expected - present), sorted(present - expected)
    assert not missing and not stale, (
        f"Hãy chạy `bash bin/messages`: thiếu {len(missing)} chuỗi (ví dụ {missing[:3]}), "
        f"thừa {len(stale)} chuỗi (ví dụ {stale[:3]})."
    )


@pytest.mark.unit
def test_the_catalogue_is_in_vietnamese_with_a_plural_rule():
    text = (ROOT / CATALOGUE).read_text(encoding="utf-8")
    assert "Plural-Forms: nplurals=1; plural=0;" in text
    assert re.search(r'msgid "Tên đăng nhập"', text)
