"""State changes of the practices app: good practices (practices.py) and difficulties (difficulties.py)."""

from practices.services.practices import (
    add_practice_file,
    feature_practice,
    recognise_practice,
    register_practice,
    remove_practice_file,
    update_practice,
)

__all__ = [
    "add_practice_file",
    "feature_practice",
    "recognise_practice",
    "register_practice",
    "remove_practice_file",
    "update_practice",
]
