"""The project's shape: apps import one way only; docker-compose has the production services."""

import ast
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
ORDER = ["campaigns", "criteria", "practices", "nominations", "awards", "reports"]


def _imported_apps(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found & set(ORDER)


@pytest.mark.unit
@pytest.mark.parametrize("app", ORDER)
def test_a_lower_app_never_imports_a_higher_one(app):
    higher = set(ORDER[ORDER.index(app) + 1 :])
    offenders = {
        str(p.relative_to(ROOT)): sorted(_imported_apps(p) & higher)
        for p in (ROOT / app).rglob("*.py")
        if _imported_apps(p) & higher
    }
    assert not offenders, f"{app} imports a higher app: {offenders}"


@pytest.mark.unit
def test_docker_compose_has_the_production_shape():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    services = compose["services"]
    assert {"web", "worker", "beat", "db", "redis"} <= set(services)
    assert services["db"]["image"].startswith("postgres:16")
    assert services["redis"]["image"].startswith("redis:7")
    assert "healthcheck" in services["db"]
    for name in ("web", "worker", "beat"):
        assert services[name]["depends_on"]["db"]["condition"] == "service_healthy", name
        assert services[name]["build"] or services[name]["image"]
    assert "gunicorn" in " ".join(services["web"]["command"])
    assert "worker" in services["worker"]["command"]
    assert "beat" in services["beat"]["command"]
    assert "media" in compose["volumes"]


@pytest.mark.unit
def test_env_example_names_every_variable_the_readme_documents():
    example = (ROOT / ".env.example").read_text(encoding="utf-8")
    for name in ("DATABASE_URL", "REDIS_URL", "SECRET_KEY", "DEBUG", "ALLOWED_HOSTS", "MEDIA_ROOT"):
        assert name in example
