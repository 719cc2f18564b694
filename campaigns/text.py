"""Text helpers for Vietnamese names: NFC normalisation and the folded form that search uses."""

import unicodedata


def normalize(text: str | None) -> str:
    """Trim, collapse inner white space and return Unicode NFC."""
    if text is None:
        return ""
    return " ".join(unicodedata.normalize("NFC", str(text)).split())


def fold(text: str | None) -> str:
    """Lower-case ASCII skeleton of a Vietnamese text: 'Nguyễn Văn Đức' -> 'nguyen van duc'.

    Stored beside each searchable name so that search ignores case and diacritics on every
    database (SQLite has no unaccent).
    """
    text = normalize(text).replace("Đ", "D").replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return stripped.casefold()


# Vietnamese alphabetical order of criterion letters: đ comes after d, there is no f, j, w, z.
VIETNAMESE_ALPHABET = tuple("aăâbcdđeêghiklmnoôơpqrstuưvxy")


_ALPHABET_ORDER = {letter: i for i, letter in enumerate(VIETNAMESE_ALPHABET)}


def vietnamese_sort_key(code: str) -> tuple[int, ...]:
    """Sort key putting 'đ' after 'd' (plain byte order puts it after 'z')."""
    get = _ALPHABET_ORDER.get  # lists of 300 units sort on every request: keep the loop cheap
    return tuple([get(ch, 100 + ord(ch)) for ch in normalize(code).lower()])
