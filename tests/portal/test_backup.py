"""make backup / make restore round-trip: counts and file checksums come back identical."""

import os
import subprocess
import sys
from pathlib import Path

import psycopg2
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection

from tests.factories import PersonFactory, UnitFactory

ROOT = Path(__file__).resolve().parents[2]


def _run(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )


def _url(name: str) -> str:
    s = connection.settings_dict
    password = f":{s['PASSWORD']}" if s.get("PASSWORD") else ""
    return f"postgres://{s['USER']}{password}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{name}"


def _admin():
    s = connection.settings_dict
    conn = psycopg2.connect(
        dbname="postgres",
        user=s["USER"],
        password=s.get("PASSWORD") or None,
        host=s["HOST"] or "127.0.0.1",
        port=s["PORT"] or 5432,
    )
    conn.autocommit = True
    return conn


@pytest.mark.integration
@pytest.mark.django_db(transaction=True)
def test_backup_then_restore_into_an_empty_database_round_trips(require_postgresql, tmp_path, settings):
    parent = UnitFactory(code="BK-1", name="Sở Nội vụ")
    PersonFactory.create_batch(7, unit=UnitFactory(code="BK-2", name="UBND xã Đình Dù", parent=parent))
    settings.MEDIA_ROOT = tmp_path / "media"
    stored = default_storage.save("documents/ho-so.pdf", ContentFile(b"%PDF-1.4 tai lieu"))
    env = dict(
        os.environ, DATABASE_URL=_url(connection.settings_dict["NAME"]), MEDIA_ROOT=str(settings.MEDIA_ROOT)
    )
    backup = _run("backup", "--output", str(tmp_path / "backups"), env=env)
    assert backup.returncode == 0, backup.stderr
    folder = next((tmp_path / "backups").iterdir())

    restored_db = connection.settings_dict["NAME"] + "_restore"
    admin = _admin()
    with admin.cursor() as cur:
        cur.execute(f'DROP DATABASE IF EXISTS "{restored_db}"')
        cur.execute(f'CREATE DATABASE "{restored_db}"')
    try:
        restore_env = dict(env, DATABASE_URL=_url(restored_db), MEDIA_ROOT=str(tmp_path / "restored-media"))
        restore = _run("restore", str(folder), env=restore_env)
        assert restore.returncode == 0, restore.stderr
        assert "khớp hoàn toàn" in restore.stdout
        s = connection.settings_dict
        check = psycopg2.connect(
            dbname=restored_db, user=s["USER"], host=s["HOST"] or "127.0.0.1", port=s["PORT"] or 5432
        )
        with check, check.cursor() as cur:
            cur.execute("SELECT count(*) FROM campaigns_person")
            assert cur.fetchone()[0] == 7
        check.close()
        assert (tmp_path / "restored-media" / stored).read_bytes() == b"%PDF-1.4 tai lieu"
        again = _run("restore", str(folder), env=restore_env)
        assert again.returncode != 0 and "không trống" in again.stderr
    finally:
        with admin.cursor() as cur:
            cur.execute(f'DROP DATABASE IF EXISTS "{restored_db}" WITH (FORCE)')
        admin.close()


@pytest.mark.unit
def test_restore_refuses_a_folder_that_is_not_a_backup(tmp_path):
    result = _run("restore", str(tmp_path), env=dict(os.environ))
    assert result.returncode != 0
    assert "không phải thư mục sao lưu" in result.stderr
