"""The project's shape: apps import one way only; docker-compose has the production services."""

import ast
import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
ORDER = ["campaigns", "documents", "criteria", "practices", "nominations", "awards", "reports"]


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


APPS = [*ORDER, "portal", "devdata"]
# What an app may take from portal/, which sits on top of every app.
PORTAL_SHARED = {"portal.web", "portal.transitions", "portal.admin_base"}


def _python_files(*folders: str):
    for folder in folders:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            assert node.level == 0, f"{path.relative_to(ROOT)}: relative import"
            found.add(node.module)
    return found


def _offenders(find_lines, paths) -> dict[str, list[int]]:
    """{file: lines} of the files where `find_lines(path)` finds something."""
    return {str(p.relative_to(ROOT)): lines for p in paths if (lines := find_lines(p))}


@pytest.mark.unit
def test_emulation_portal_holds_configuration_only():
    modules = {
        p.relative_to(ROOT / "emulation_portal").as_posix() for p in (ROOT / "emulation_portal").rglob("*.py")
    }
    configuration = {"__init__.py", "settings.py", "urls.py", "wsgi.py", "asgi.py", "celery.py"}
    assert {m for m in modules if not m.startswith("formats/")} == configuration


@pytest.mark.unit
def test_apps_take_only_the_shared_helpers_from_portal_and_nothing_from_devdata():
    offenders = {}
    for path in _python_files(*ORDER):
        bad = {
            m
            for m in _imports(path)
            if m.split(".")[0] == "devdata" or (m.split(".")[0] == "portal" and m not in PORTAL_SHARED)
        }
        if bad:
            offenders[str(path.relative_to(ROOT))] = sorted(bad)
    assert not offenders, offenders


@pytest.mark.unit
def test_one_layout_no_sibling_modules_of_one_kind():
    kinds = ("views", "services", "forms", "models", "selectors")
    offenders = [
        str(p.relative_to(ROOT))
        for p in _python_files(*APPS)
        if any(p.stem.startswith(f"{k}_") or p.stem.endswith(f"_{k}") for k in kinds)
    ]
    assert not offenders, offenders


MARKUP_CALLS = {"format_html", "format_html_join", "mark_safe", "SafeString"}
TAGS = ("<td", "<tr", "<option", "<select", "<svg", "<div", "<span", "<a ", "<p>", "<li")


def _markup_built(path: Path) -> list[int]:
    """Lines that call a markup builder or hold a text literal with an HTML/SVG tag (bytes are not markup)."""
    lines = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name in MARKUP_CALLS:
                lines.append(node.lineno)
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and not isinstance(parents.get(node), ast.Expr)  # a docstring may name a tag
            and any(t in node.value for t in TAGS)
        ):
            lines.append(node.lineno)
    return lines


@pytest.mark.unit
def test_no_python_module_builds_markup():
    offenders = _offenders(_markup_built, _python_files(*APPS))
    assert not offenders, offenders


def _state_writes(path: Path) -> list[int]:
    """Lines that assign a `state`/`status` attribute or bulk-update one."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    lines = []
    for node in ast.walk(tree):
        targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
        if isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign):
            for target in targets:
                for t in target.elts if isinstance(target, ast.Tuple) else [target]:
                    if isinstance(t, ast.Attribute) and t.attr in ("state", "status"):
                        lines.append(node.lineno)
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "update"
            and any(k.arg in ("state", "status") for k in node.keywords)
        ):
            lines.append(node.lineno)
    return lines


@pytest.mark.unit
def test_nothing_but_the_transition_helper_writes_a_state():
    paths = (p for p in _python_files(*APPS, "tests") if p != ROOT / "portal" / "transitions.py")
    offenders = _offenders(_state_writes, paths)
    assert not offenders, offenders


@pytest.mark.unit
def test_no_guard_for_an_app_that_is_not_installed_yet():
    offenders = [
        str(p.relative_to(ROOT))
        for p in _python_files(*APPS, "tests")
        if p != Path(__file__).resolve()
        and "except ImportError" in p.read_text(encoding="utf-8")
        or 'importorskip("' + "".join(ORDER) in p.read_text(encoding="utf-8")
        or any(f'importorskip("{app}' in p.read_text(encoding="utf-8") for app in APPS)
    ]
    assert not offenders, offenders


@pytest.mark.unit
def test_views_use_the_one_guard_and_the_one_way_to_show_a_service_error():
    offenders = {}
    for path in _python_files(*APPS):
        if path == ROOT / "portal" / "web.py":
            continue
        text = path.read_text(encoding="utf-8")
        found = [w for w in ("login_required", "except ValidationError", "Paginator(") if w in text]
        if found and ("views" in path.parts or path.name in ("views.py", "urls.py")):
            offenders[str(path.relative_to(ROOT))] = found
    assert not offenders, offenders


@pytest.mark.unit
def test_one_pager_template():
    pagers = [
        str(p.relative_to(ROOT))
        for p in ROOT.glob("**/templates/**/*.html")
        if ".venv" not in p.parts and ("pager" in p.stem or "pagination" in p.stem)
    ]
    assert pagers == ["templates/includes/pager.html"]


VIETNAMESE_PARAMETERS = ("trang", "loai", "nhom", "nam", "ke_hoach", "cum", "dot", "trang-thai", "tinh-trang")


@pytest.mark.unit
def test_query_parameters_have_one_set_of_names():
    offenders = {}
    for path in [
        *_python_files(*APPS),
        *ROOT.glob("*/templates/**/*.html"),
        *ROOT.glob("templates/**/*.html"),
    ]:
        if ".venv" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        found = [
            name
            for name in VIETNAMESE_PARAMETERS
            if f'GET.get("{name}"' in text
            or f'name="{name}"' in text
            or f"?{name}=" in text
            or f"&{name}=" in text
            or f'POST.get("{name}"' in text
        ]
        if found:
            offenders[str(path.relative_to(ROOT))] = found
    assert not offenders, offenders


GETTEXT = {
    "_",
    "gettext",
    "gettext_lazy",
    "ngettext",
    "ngettext_lazy",
    "pgettext",
    "pgettext_lazy",
    "gettext_noop",
}


def _data_tables(tree: ast.Module) -> set[ast.AST]:
    """Module-level UPPER_CASE constants: file formats, vocabularies and the law's catalogue (data read or
    written as it is, not interface text), e.g. an import's column headings or the words it accepts."""
    nodes = set()
    for statement in tree.body:
        targets = (
            statement.targets if isinstance(statement, ast.Assign) else [getattr(statement, "target", None)]
        )
        if isinstance(statement, ast.Assign | ast.AnnAssign) and all(
            isinstance(t, ast.Name) and t.id.isupper() for t in targets
        ):
            nodes |= set(ast.walk(statement))
    return nodes


def _untranslated(path: Path) -> list[int]:
    """Lines holding a Vietnamese text literal that is neither a docstring nor inside a gettext call."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    data = _data_tables(tree)
    lines = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)) or node in data:
            continue
        if len(node.value.strip()) < 3 or not any(ord(c) > 127 and c.isalpha() for c in node.value):
            continue
        parent = parents.get(node)
        if isinstance(parent, ast.Expr):  # a docstring
            continue
        if isinstance(parent, ast.JoinedStr):
            parent = parents.get(parent)
        if (
            isinstance(parent, ast.Call)
            and (getattr(parent.func, "id", None) or getattr(parent.func, "attr", "")) in GETTEXT
        ):
            continue
        lines.append(node.lineno)
    return lines


@pytest.mark.unit
def test_every_user_facing_string_goes_through_gettext():
    offenders = _offenders(_untranslated, _python_files(*ORDER, "portal"))
    assert not offenders, offenders


def _messages(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and (getattr(node.func, "id", None) or getattr(node.func, "attr", "")) in GETTEXT
        ):
            for arg in node.args:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    yield node.lineno, arg.value


@pytest.mark.unit
def test_messages_quote_with_one_style():
    """Names inside a sentence are quoted “like this”: never "…", '…' or «…»."""
    straight = re.compile(r"(^|[\s(])([\"'])[^\"']+\2([\s.,;:)]|$)")
    templates = [p for p in ROOT.glob("**/templates/**/*.html") if ".venv" not in p.parts]
    offenders = [
        f"{p.relative_to(ROOT)}:{line}"
        for p in _python_files(*ORDER, "portal")
        for line, text in _messages(p)
        if "«" in text or "»" in text or straight.search(text)
    ] + [
        str(p.relative_to(ROOT))
        for p in templates
        if "«" in p.read_text(encoding="utf-8") or "»" in p.read_text(encoding="utf-8")
    ]
    assert not offenders, offenders
