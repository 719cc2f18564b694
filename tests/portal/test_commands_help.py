"""Every command of the portal's apps prints its --help (a lazy translation there breaks argparse)."""

import pytest
from django.apps import apps
from django.core.management import get_commands, load_command_class

OURS = {config.name for config in apps.get_app_configs() if not config.path.count("site-packages")}


@pytest.mark.unit
@pytest.mark.parametrize("name", sorted(n for n, app in get_commands().items() if app in OURS))
def test_the_command_prints_its_help(name):
    command = load_command_class(get_commands()[name], name)
    text = command.create_parser("manage.py", name).format_help()
    assert text.startswith("usage: manage.py " + name)
