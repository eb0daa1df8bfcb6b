"""The article told in the interface language: byline, how the date was found, a summary."""

from __future__ import annotations

from collections.abc import Iterable

from diplomap.camps import members
from diplomap.i18n import country_name, t
from diplomap.model import Analysis, Tie
from diplomap.palette import TIE_FAMILY
from diplomap.tables import date_label
from ui.articles import Entry

MAX_NAMED = 6
DATE_HOW = ("metadata", "user", "inferred", "unknown", "none")


def families(ties: Iterable[Tie]) -> dict[str, int]:
    """How many ties are cooperative and how many conflictual."""
    counts = {"cooperation": 0, "conflict": 0}
    for tie in ties:
        counts[TIE_FAMILY[tie.type]] += 1
    return counts


def date_how(date_source: str) -> tuple[str, str]:
    """The kind of date source ("inferred", "metadata", ...) and the engine's own detail."""
    head, _, detail = date_source.partition(":")
    head = head.strip().lower()
    if head == "set by the user":
        head = "user"
    return (head if head in DATE_HOW else "none"), detail.strip()


def date_text(analysis: Analysis, lang: str) -> str:
    """'5 March 2022 (inferred from the text)', or how the date is unknown."""
    article = analysis.article
    how, _ = date_how(article.date_source)
    said = t(f"dashboard.date_how.{how}", lang)
    if article.date is None:
        return f"{t('metric.date_unknown', lang)} ({said})"
    return f"{date_label(article.date, 'day', lang)} ({said})"


def byline(analysis: Analysis, lang: str) -> str:
    """Source, dateline and date on one line, each labelled."""
    article = analysis.article
    parts = []
    if article.source:
        parts.append(f"{t('dashboard.source', lang)}: {article.source}")
    if article.dateline:
        parts.append(f"{t('dashboard.dateline', lang)}: {article.dateline}")
    parts.append(f"{t('dashboard.date', lang)}: {date_text(analysis, lang)}")
    return " · ".join(parts)


def language_name(code: str, lang: str) -> str:
    """An article language's name in the interface language, or its code."""
    try:
        return t(f"language.{code}", lang)
    except KeyError:
        return code


def name_list(codes: list[str], lang: str) -> str:
    """Up to MAX_NAMED country names, then how many more."""
    names = [country_name(c, lang) for c in codes[:MAX_NAMED]]
    if len(codes) > MAX_NAMED:
        names.append(t("dashboard.summary.others", lang, count=len(codes) - MAX_NAMED))
    return ", ".join(names)


def summary(analysis: Analysis, lang: str) -> list[str]:
    """Two or three plain sentences on what the article names and how the countries stand."""
    codes = [c.iso3 for c in analysis.countries]
    if not codes:
        return []
    language = language_name(analysis.article.language, lang)
    form = "one" if len(codes) == 1 else "many"
    lines = [
        t(
            f"dashboard.summary.countries_{form}",
            lang,
            language=language,
            count=len(codes),
            names=name_list(codes, lang),
        )
    ]
    if analysis.ties:
        form = "one" if len(analysis.ties) == 1 else "many"
        lines.append(
            t(
                f"dashboard.summary.ties_{form}",
                lang,
                count=len(analysis.ties),
                **families(analysis.ties),
            )
        )
    camps = analysis.camps
    if camps.poles:
        left, right = members(camps, 0), members(camps, 1)
        if left and right:
            lines.append(
                t(
                    "dashboard.summary.camps",
                    lang,
                    left=name_list(left, lang),
                    right=name_list(right, lang),
                )
            )
    return lines


def _language_how(source: str, lang: str) -> str:
    """How the article's language was settled, in the interface language when known."""
    try:
        return t(f"dashboard.language_how.{source}", lang)
    except KeyError:
        return source


def metadata(entry: Entry, analysis: Analysis, lang: str) -> list[tuple[str, str]]:
    """The article's metadata as (label, value) pairs, empty values left out."""
    article = analysis.article
    how, detail = date_how(article.date_source)
    date_source = t(f"dashboard.date_how.{how}", lang) + (f": {detail}" if detail else "")
    fields = (
        ("id", article.id),
        ("file", entry.name),
        ("title", article.title),
        ("format", article.format),
        ("language", f"{language_name(article.language, lang)} ({article.language})"),
        ("language_source", _language_how(article.language_source, lang)),
        ("date", article.date.isoformat() if article.date else ""),
        ("date_source", date_source),
        ("dateline", article.dateline or ""),
        ("source", article.source or ""),
        ("url", article.url or ""),
        ("characters", str(len(article.text))),
        ("sentences", str(len(analysis.sentences))),
    )
    return [(t(f"dashboard.field.{key}", lang), value) for key, value in fields if value]
