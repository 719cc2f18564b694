"""Backup and restore of the database and the uploaded files, with a manifest to verify them.

A backup is a folder: the database (pg_dump custom format for PostgreSQL, a SQLite online backup
otherwise), media.tar.gz of MEDIA_ROOT, and manifest.json with row counts per table and the SHA-256
of every media file. Restoring goes into an empty database and an empty media folder, then checks
the counts and checksums against the manifest.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _


class BackupError(Exception):
    """A backup or restore cannot go on; the message says why, in Vietnamese."""


def _pg_env() -> dict:
    s = connection.settings_dict
    env = dict(os.environ)
    if s.get("PASSWORD"):
        env["PGPASSWORD"] = str(s["PASSWORD"])
    return env


def _pg_args() -> list[str]:
    s = connection.settings_dict
    return [
        "-h",
        s.get("HOST") or "127.0.0.1",
        "-p",
        str(s.get("PORT") or 5432),
        "-U",
        s.get("USER") or "postgres",
    ]


def table_counts() -> dict[str, int]:
    """Rows per table of every installed model (what a restore must give back)."""
    counts = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.managed and not model._meta.proxy:
            counts[model._meta.db_table] = model._base_manager.count()
    return dict(sorted(counts.items()))


def media_checksums(root: Path) -> dict[str, str]:
    checksums = {}
    if root.exists():
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            checksums[str(path.relative_to(root))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return checksums


def create_backup(destination: Path) -> Path:
    """Write a new backup folder under destination and return its path."""
    folder = destination / timezone.localtime().strftime("portal-%Y%m%d-%H%M%S")
    folder.mkdir(parents=True, exist_ok=False)
    vendor = connection.vendor
    if vendor == "postgresql":
        dump = folder / "database.dump"
        result = subprocess.run(
            ["pg_dump", *_pg_args(), "-Fc", "--no-owner", "-f", str(dump), connection.settings_dict["NAME"]],
            env=_pg_env(),
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise BackupError(_("pg_dump thất bại: %(error)s") % {"error": result.stderr.strip()[:500]})
    elif vendor == "sqlite":
        connection.ensure_connection()
        target = sqlite3.connect(folder / "database.sqlite3")
        with target:
            connection.connection.backup(target)
        target.close()
    else:
        raise BackupError(_("Chưa hỗ trợ sao lưu cơ sở dữ liệu loại %(vendor)s.") % {"vendor": vendor})
    media_root = Path(settings.MEDIA_ROOT)
    with tarfile.open(folder / "media.tar.gz", "w:gz") as archive:
        if media_root.exists():
            archive.add(media_root, arcname=".")
    manifest = {
        "created_at": timezone.now().isoformat(),
        "vendor": vendor,
        "tables": table_counts(),
        "media": media_checksums(media_root),
    }
    (folder / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return folder


@dataclass
class RestoreReport:
    tables_checked: int
    files_checked: int
    mismatches: list[str]


def _database_is_empty() -> bool:
    return not connection.introspection.table_names()


def restore_backup(folder: Path) -> RestoreReport:
    """Restore a backup folder into the configured (empty) database and media folder, then verify."""
    manifest_path = folder / "manifest.json"
    if not manifest_path.exists():
        raise BackupError(
            _("Không thấy manifest.json trong “%(folder)s”: đây không phải thư mục sao lưu.")
            % {"folder": folder}
        )
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    if manifest["vendor"] != connection.vendor:
        raise BackupError(
            _("Bản sao lưu của %(source)s không khôi phục được vào %(target)s.")
            % {"source": manifest["vendor"], "target": connection.vendor}
        )
    if not _database_is_empty():
        raise BackupError(
            _("Cơ sở dữ liệu đích không trống. Hãy tạo một cơ sở dữ liệu mới, trống rồi khôi phục.")
        )
    media_root = Path(settings.MEDIA_ROOT)
    if media_root.exists() and any(media_root.iterdir()):
        raise BackupError(
            _("Thư mục tệp “%(folder)s” không trống. Hãy dùng một thư mục trống.") % {"folder": media_root}
        )
    if connection.vendor == "postgresql":
        result = subprocess.run(
            [
                "pg_restore",
                *_pg_args(),
                "--no-owner",
                "--exit-on-error",
                "-d",
                connection.settings_dict["NAME"],
                str(folder / "database.dump"),
            ],
            env=_pg_env(),
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise BackupError(_("pg_restore thất bại: %(error)s") % {"error": result.stderr.strip()[:500]})
    else:
        connection.close()
        shutil.copyfile(folder / "database.sqlite3", connection.settings_dict["NAME"])
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(folder / "media.tar.gz", "r:gz") as archive:
        archive.extractall(media_root, filter="data")
    connection.close()
    mismatches = []
    counts = table_counts()
    for table, expected in manifest["tables"].items():
        if counts.get(table) != expected:
            mismatches.append(
                _("bảng %(table)s: sao lưu %(expected)s dòng, khôi phục %(restored)s dòng")
                % {"table": table, "expected": expected, "restored": counts.get(table)}
            )
    restored_files = media_checksums(media_root)
    for name, digest in manifest["media"].items():
        if restored_files.get(name) != digest:
            mismatches.append(_("tệp %(name)s: mã SHA-256 không khớp hoặc thiếu") % {"name": name})
    return RestoreReport(len(manifest["tables"]), len(manifest["media"]), mismatches)
