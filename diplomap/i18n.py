"""Interface texts in English and Indonesian, read once from data/i18n/{lang}.yaml."""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any, Protocol

from diplomap.datafiles import read_yaml
from diplomap.model import TIE_SCORES, Tie

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
I18N_DIR = DATA_DIR / "i18n"
COUNTRIES_FILE = DATA_DIR / "gazetteer" / "countries.json"
LANGS: tuple[str, ...] = ("en", "id")
DEFAULT_LANG = "en"
FAMILIES: tuple[str, ...] = ("cooperation", "conflict")


class NamedCountry(Protocol):
    """Anything shaped like model.Country: an ISO3 code and a name in each language."""

    iso3: str
    name: str
    name_id: str


def normalize_lang(lang: str | None) -> str:
    """Map "id-ID", "IN", "" and unknown codes to a language the interface has."""
    code = (lang or "").strip().lower().replace("_", "-").split("-")[0]
    if code == "in":
        code = "id"
    return code if code in LANGS else DEFAULT_LANG


def flatten(tree: Mapping[Any, Any], prefix: str = "") -> dict[str, str]:
    """Nested YAML mappings as one dict with dotted keys: {"page": {"map": ..}} -> "page.map"."""
    flat: dict[str, str] = {}
    for key, value in tree.items():
        if not isinstance(key, str):
            raise TypeError(f"key {prefix}{key!r} is not text; put it in quotes")
        if isinstance(value, Mapping):
            flat.update(flatten(value, f"{prefix}{key}."))
        elif value is not None:
            flat[f"{prefix}{key}"] = str(value)
    return flat


@cache
def load_texts(lang: str, directory: Path = I18N_DIR) -> dict[str, str]:
    """Read one language file once per process."""
    raw = read_yaml(directory / f"{lang}.yaml") or {}
    return flatten(raw)


def t(key: str, lang: str = DEFAULT_LANG, **fmt: Any) -> str:
    """The text for key in lang, else in English; a KeyError names a key neither file has."""
    text = load_texts(normalize_lang(lang)).get(key)
    if text is None:
        text = load_texts(DEFAULT_LANG).get(key)
    if text is None:
        raise KeyError(f"no interface text {key!r} in {I18N_DIR}")
    return text.format(**fmt) if fmt else text


def _label(key: str, fallback: str, lang: str) -> str:
    """A label for a data value; the value itself when the files do not know it."""
    texts = load_texts(normalize_lang(lang))
    return texts.get(key) or load_texts(DEFAULT_LANG).get(key) or fallback


def tie_type_label(tie_type: str, lang: str = DEFAULT_LANG) -> str:
    """The word a chart, table or cue label shows for a tie type."""
    return _label(f"tie.{tie_type}.label", tie_type, lang)


def kind_label(kind: str, lang: str = DEFAULT_LANG) -> str:
    """The small label after a highlighted actor: "government body", "lembaga pemerintah"."""
    return _label(f"kind.{kind}", kind, lang)


def family_label(family: str, lang: str = DEFAULT_LANG) -> str:
    """The label for "conflict", "cooperation" or a class such as "material conflict"."""
    return _label(f"family.{family.replace(' ', '_')}", family, lang)


def precision_label(precision: str, lang: str = DEFAULT_LANG) -> str:
    """How closely a date is known, in words: "month", "bulan"."""
    return _label(f"precision.{precision}", precision, lang)


def tie_family(tie_type: str) -> str:
    """Cooperation or conflict, from the sign of the tie type's score."""
    return "cooperation" if TIE_SCORES.get(tie_type, 0.0) > 0 else "conflict"


@cache
def load_countries(path: Path = COUNTRIES_FILE) -> dict[str, tuple[str, str, str]]:
    """ISO3 -> (ISO2, English name, Indonesian name) from the gazetteer, read once."""
    try:
        with open(path, encoding="utf-8") as f:
            rows = json.load(f)
    except (OSError, ValueError):
        return {}
    return {r["iso3"]: (r["iso2"], r["name_en"], r["name_id"]) for r in rows}


def country_iso2(iso3: str) -> str | None:
    """The two-letter code for a three-letter one, or None when the gazetteer lacks it."""
    row = load_countries().get(iso3.upper())
    return row[0] if row else None


def short_name(iso3: str, lang: str = DEFAULT_LANG) -> str | None:
    """The running-text name from names.short in the language file ("the US", "AS"), if any."""
    return load_texts(normalize_lang(lang)).get(f"names.short.{iso3.upper()}")


def country_name(
    country: str | NamedCountry, lang: str = DEFAULT_LANG, *, short: bool = False
) -> str:
    """A country's name in lang, from a Country record or an ISO3 code; the code if unknown."""
    lang = normalize_lang(lang)
    if isinstance(country, str):
        iso3 = country.upper()
        row = load_countries().get(iso3)
        names = (row[1], row[2]) if row else (iso3, iso3)
    else:
        iso3, names = country.iso3, (country.name, country.name_id)
    if short and (name := short_name(iso3, lang)):
        return name
    return (names[1] if lang == "id" else names[0]) or iso3


def display_name(
    code: str, lang: str, names: Mapping[str, str] | None = None, *, short: bool = True
) -> str:
    """The name a tie sentence uses: short name, then the caller's, then the gazetteer's."""
    if short and (name := short_name(code, lang)):
        return name
    if names and code in names:
        return names[code]
    return country_name(code, lang)


def tie_sentence(
    tie: Tie,
    *,
    lang: str = DEFAULT_LANG,
    names: Mapping[str, str] | None = None,
    short: bool = True,
) -> str:
    """A tie as a plain sentence: "The US sanctions Venezuela", "Rusia dan Venezuela bersekutu"."""
    form = "directed" if tie.directed else "undirected"
    text = t(
        f"tie.{tie.type}.{form}",
        lang,
        source=display_name(tie.source, lang, names, short=short),
        target=display_name(tie.target, lang, names, short=short),
    )
    return text[:1].upper() + text[1:]
