import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]


def _manage(*args, **env_overrides):
    env = {
        k: v for k, v in os.environ.items() if k not in ("DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.mark.unit
def test_production_settings_pass_check_deploy_at_warning_level():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_ENV="production",
        SECRET_KEY="x" * 64 + "-production-only-secret-for-the-check",
        ALLOWED_HOSTS="thidua.hungyen.gov.vn",
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.unit
def test_production_refuses_to_start_without_a_secret_key():
    result = _manage("check", DJANGO_ENV="production", ALLOWED_HOSTS="thidua.hungyen.gov.vn")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


@pytest.mark.unit
def test_locale_is_vietnamese():
    from django.utils import formats, translation

    assert settings.LANGUAGE_CODE == "vi"
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"
    with translation.override("vi"):
        import datetime

        assert formats.date_format(datetime.date(2024, 11, 5), "SHORT_DATE_FORMAT") == "05/11/2024"
        assert formats.number_format(2340000, force_grouping=True) == "2.340.000"


@pytest.mark.unit
def test_personal_ids_are_masked_in_logs(caplog):
    import logging

    from portal.logging import MaskPersonalIdsFilter

    logger = logging.getLogger("portal.test")
    logger.addFilter(MaskPersonalIdsFilter())
    with caplog.at_level(logging.INFO, logger="portal.test"):
        logger.info("người có số %s", "034095001234")
    assert "034095001234" not in caplog.text
    assert "********1234" in caplog.text
