"""Read one article file (.txt, .md or .json) into an Article, or say in one line what is wrong.

The formats:

- .txt: the first non-empty line is the headline, the rest is the body. The body may open
  with a dateline ("WASHINGTON DC, AS – ...") and end with the publisher ("... – Paypza.com").
- .json: {"title", "body", "language", "date", "source", "url", "aliases", "dateline"};
  only "body" is required.
- .md: Markdown with optional YAML front matter holding the same keys (except "body").

Article.text is the headline, a blank line, then the body, with line breaks as "\\n" and
characters in Unicode NFC form; every offset the analysis reports indexes into it.
"""

from __future__ import annotations

import codecs
import datetime as dt
import os
import re
import stat
import unicodedata
from pathlib import PurePath
from typing import Any, BinaryIO

from diplomap.language import UNDETERMINED, detect_language, language_name
from diplomap.model import Article, ArticleError

DEFAULT_MAX_BYTES = 2_000_000
MAX_BYTES_ENV = "DIPLOMAP_MAX_BYTES"
FORMATS = {".txt": "txt", ".md": "md", ".json": "json"}
FALLBACK_LANGUAGE = "en"
ANALYSED_LANGUAGES = ("id", "en")

META_TYPES: dict[str, tuple[type, ...]] = {
    "title": (str,),
    "body": (str,),
    "language": (str,),
    "date": (str, dt.date),
    "source": (str,),
    "url": (str,),
    "dateline": (str,),
    "aliases": (dict,),
}

_NEWLINES = re.compile(r"\r\n?")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_LANGUAGE_CODE = re.compile(r"([a-z]{2,3})(?:[-_][a-z0-9]+)*")
_FRONT_MATTER_OPEN = re.compile(r"---[ \t]*\n")
_FRONT_MATTER = re.compile(r"---[ \t]*\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S | re.M)
_MD_HEADING = re.compile(r"\s*# +(\S[^\n]*)\n?")
_DATELINE = re.compile(r"([^\n–—]{2,80}?)(?:[ \t]*[–—][ \t]*|[ \t]+--?[ \t]+)(?=\S)")
_DATELINE_PLACE = re.compile(r"[^\W\d_]+(?:[ .'’-]+[^\W\d_]+)*\.?")
_AGENCY = re.compile(r"\s*\([^()\n]{1,40}\)\s*$")
_SENTENCE_BREAK = re.compile(r"[.!?]\s")
# an outlet's name after a title-case place: an acronym (CNN, ANTARA) or a web address
_OUTLET_MARK = re.compile(r"\b[A-Z]{2,}\b|\.\w{2,3}\b")
_SOURCE = re.compile(
    r"(?<=[.!?\"”’)])[ \t]+[–—-][ \t]*([^\s–—-](?:[^\n–—]{0,58}[^\s.–—-])?)\.?[ \t]*\Z"
)
_SOURCE_TAIL = 160


def read_article(
    path: str | os.PathLike[str],
    *,
    language: str | None = None,
    max_bytes: int | None = None,
    date: dt.date | None = None,
) -> Article:
    """Read the named file, and only it; max_bytes defaults to $DIPLOMAP_MAX_BYTES or 2 MB."""
    name = os.fspath(path)
    data = _read_file(name, max_bytes_limit(max_bytes))
    return _read_decoded(data, name, language=language, date=date, path=name)


def read_bytes(
    data: bytes,
    name: str,
    *,
    language: str | None = None,
    date: dt.date | None = None,
    max_bytes: int | None = None,
) -> Article:
    """Decode an upload and read it in the format its file name's extension names."""
    article_format(name)
    _check_size(name, len(data), max_bytes_limit(max_bytes))
    return _read_decoded(data, name, language=language, date=date, path=None)


def read_stream(
    stream: BinaryIO,
    *,
    id: str = "stdin",
    language: str | None = None,
    date: dt.date | None = None,
    max_bytes: int | None = None,
) -> Article:
    """Read plain text from a byte stream such as stdin, stopping past the size limit."""
    limit = max_bytes_limit(max_bytes)
    data = stream.read(limit + 1)
    _check_size(id, len(data), limit, exact=False)
    return read_text(decode_text(data, id), id=id, fmt="txt", language=language, date=date)


def read_text(
    text: str,
    *,
    id: str = "stdin",
    fmt: str = "txt",
    language: str | None = None,
    date: dt.date | None = None,
    path: str | None = None,
    name: str | None = None,
) -> Article:
    """Build an Article from already decoded text; `name` is what error messages call it."""
    where = name or path or id
    if fmt not in FORMATS.values():
        raise ValueError(f"unknown article format {fmt!r}; use one of {sorted(FORMATS.values())}")
    text = normalise(text)
    if not text.strip():
        raise ArticleError(where, "the file has no text, only whitespace; write the article in it")
    warnings: list[str] = []
    if fmt == "json":
        title, body, meta = _parse_json(text, where, warnings)
    elif fmt == "md":
        title, body, meta = _parse_markdown(text, where, warnings)
    else:
        title, body, meta = _parse_txt(text)
    return _build_article(
        id=id,
        fmt=fmt,
        path=path,
        where=where,
        title=title,
        body=body,
        meta=meta,
        language=language,
        date=date,
        warnings=warnings,
    )


def _read_decoded(
    data: bytes, name: str, *, language: str | None, date: dt.date | None, path: str | None
) -> Article:
    """Decode and parse bytes already checked for size."""
    return read_text(
        decode_text(data, name),
        id=article_id(name),
        fmt=article_format(name),
        language=language,
        date=date,
        path=path,
        name=name,
    )


def normalise(text: str) -> str:
    """Line breaks as "\\n" and characters in NFC, so offsets agree everywhere."""
    return unicodedata.normalize("NFC", _NEWLINES.sub("\n", text))


def article_id(name: str) -> str:
    """The file name without its folder or extension."""
    return PurePath(name.replace("\\", "/")).stem


def article_format(name: str) -> str:
    """ "txt", "md" or "json", from the file name's extension."""
    suffix = PurePath(name).suffix.lower()
    if suffix not in FORMATS:
        kind = f"'{suffix}'" if suffix else "a name without an extension"
        raise ArticleError(name, f"unsupported file type ({kind}); use .txt, .md or .json")
    return FORMATS[suffix]


def max_bytes_limit(max_bytes: int | None = None) -> int:
    """The size limit: the argument, else $DIPLOMAP_MAX_BYTES, else 2,000,000 bytes."""
    if max_bytes is not None:
        return max_bytes
    raw = os.environ.get(MAX_BYTES_ENV, "").strip()
    if not raw:
        return DEFAULT_MAX_BYTES
    try:
        value = int(raw.replace("_", ""))
    except ValueError:
        value = -1
    if value <= 0:
        raise ValueError(f"{MAX_BYTES_ENV} must be a positive whole number of bytes, not {raw!r}")
    return value


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with BOM; anything else is refused with a reason."""
    if not data:
        raise ArticleError(name, "the file is empty; write the article in it")
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise ArticleError(name, "UTF-32 text is not supported; save the file as UTF-8")
    if data.startswith(codecs.BOM_UTF8):
        encoding, skip = "utf-8", len(codecs.BOM_UTF8)
    elif data.startswith(codecs.BOM_UTF16_LE):
        encoding, skip = "utf-16-le", 2
    elif data.startswith(codecs.BOM_UTF16_BE):
        encoding, skip = "utf-16-be", 2
    else:
        encoding, skip = "utf-8", 0
        nul = data.find(b"\0")
        if nul >= 0:
            raise ArticleError(
                name,
                f"not a text file (NUL byte at offset {nul}: binary data, or UTF-16 without "
                "a byte-order mark); save the article as UTF-8 text",
            )
    try:
        text = data[skip:].decode(encoding)
    except UnicodeDecodeError as e:
        offset = skip + e.start
        if encoding == "utf-8":
            problem = f"not UTF-8 text (byte 0x{data[offset]:02X} at offset {offset})"
        else:
            problem = f"not valid UTF-16 text (bad bytes at offset {offset})"
        raise ArticleError(name, f"{problem}; save the file as UTF-8") from None
    controls = len(_CONTROL.findall(text))
    if controls * 20 > len(text):
        raise ArticleError(
            name,
            f"not a text file ({controls} control characters in {len(text)}); "
            "save the article as UTF-8 text",
        )
    return text


def _read_file(name: str, limit: int) -> bytes:
    """The bytes of one regular file, refused early when missing, a folder or too big."""
    try:
        info = os.stat(name)
    except (FileNotFoundError, NotADirectoryError):
        raise ArticleError(name, "no such file; check the path and the file name") from None
    except PermissionError:
        raise ArticleError(name, "permission denied; check who may read the file") from None
    except OSError as e:
        raise ArticleError(name, f"cannot be read ({e.strerror or e})") from None
    if stat.S_ISDIR(info.st_mode):
        raise ArticleError(name, "is a folder; name an article file (.txt, .md or .json)")
    if not stat.S_ISREG(info.st_mode):
        raise ArticleError(name, "not a regular file; name an article file (.txt, .md or .json)")
    article_format(name)
    _check_size(name, info.st_size, limit)
    try:
        with open(name, "rb") as f:
            data = f.read(limit + 1)
    except PermissionError:
        raise ArticleError(name, "permission denied; check who may read the file") from None
    except OSError as e:
        raise ArticleError(name, f"cannot be read ({e.strerror or e})") from None
    _check_size(name, len(data), limit, exact=False)
    return data


def _check_size(name: str, size: int, limit: int, *, exact: bool = True) -> None:
    """Refuse input over the byte limit, saying how to raise it."""
    if size <= limit:
        return
    found = f"{size:,} bytes" if exact else "more than that"
    raise ArticleError(
        name,
        f"too large: the limit is {limit:,} bytes and the file is {found}; "
        f"raise the limit with --max-bytes or {MAX_BYTES_ENV}",
    )


def _parse_txt(text: str) -> tuple[str, str, dict[str, Any]]:
    """First non-empty line is the headline, the rest the body."""
    head, _, rest = text.strip().partition("\n")
    if not rest.strip():
        return "", head, {}
    return head, rest, {}


def _parse_json(text: str, where: str, warnings: list[str]) -> tuple[str, str, dict[str, Any]]:
    """An object with at least a "body" string."""
    import json

    try:
        raw = json.loads(text)
    except json.JSONDecodeError as e:
        raise ArticleError(
            where, f"malformed JSON at line {e.lineno}, column {e.colno}: {e.msg}"
        ) from None
    if not isinstance(raw, dict):
        raise ArticleError(
            where, f'JSON must be an object with a "body" field, not {_kind(raw, "json")}'
        )
    meta = _check_meta(raw, where, "json", warnings)
    if "body" not in meta:
        raise ArticleError(where, 'missing the required "body" field (the article text)')
    return meta.pop("title", ""), meta.pop("body"), meta


def _parse_markdown(text: str, where: str, warnings: list[str]) -> tuple[str, str, dict[str, Any]]:
    """Optional YAML front matter, then Markdown kept as written."""
    text = text.lstrip("\n")
    meta: dict[str, Any] = {}
    if _FRONT_MATTER_OPEN.match(text):
        m = _FRONT_MATTER.match(text)
        if not m:
            raise ArticleError(
                where, "front matter opened with '---' is never closed; end it with a '---' line"
            )
        meta = _check_meta(_load_yaml(m.group(1), where), where, "md", warnings)
        text = text[m.end() :]
    title = meta.pop("title", "")
    heading = _MD_HEADING.match(text)
    if heading and not title:
        title, text = heading.group(1).rstrip("# \t"), text[heading.end() :]
    elif heading and _same_words(heading.group(1).rstrip("# \t"), str(title)):
        text = text[heading.end() :]  # the front matter's title again, as the first heading
    if not text.strip():
        raise ArticleError(where, "the Markdown has no body text after its front matter and title")
    return title, text, meta


def _same_words(a: str, b: str) -> bool:
    return a.casefold().split() == b.casefold().split()


def _load_yaml(source: str, where: str) -> dict[str, Any]:
    """Front matter as a mapping, with YAML errors turned into one line."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        raw = yaml.load(source, Loader=loader)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        at = f" at line {mark.line + 2}" if mark is not None else ""
        reason = getattr(e, "problem", None) or "cannot be parsed"
        raise ArticleError(where, f"front matter is not valid YAML{at}: {reason}") from None
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise ArticleError(where, f"front matter must be key: value lines, not {_kind(raw, 'md')}")
    return raw


def _check_meta(raw: dict[Any, Any], where: str, fmt: str, warnings: list[str]) -> dict[str, Any]:
    """Known fields with the right types; null means absent, unknown fields are noted."""
    allowed = META_TYPES if fmt == "json" else {k: v for k, v in META_TYPES.items() if k != "body"}
    meta: dict[str, Any] = {}
    unknown = sorted(str(k) for k in raw if k not in allowed)
    if unknown:
        warnings.append(f"ignored unknown field(s): {', '.join(unknown)}")
    for key, types in allowed.items():
        value = raw.get(key)
        if value is None:
            continue
        if isinstance(value, dt.datetime) or not isinstance(value, types):
            want = "a date (YYYY-MM-DD)" if key == "date" else _kind_of_type(types[0], fmt)
            raise ArticleError(where, f'field "{key}" must be {want}, not {_kind(value, fmt)}')
        meta[key] = value
    if "date" in meta:
        meta["date"] = _parse_date(meta["date"], where)
    if "language" in meta:
        meta["language"] = _language_code(meta["language"], where)
    if "aliases" in meta:
        meta["aliases"] = _check_aliases(meta["aliases"], where)
    for key in ("body", "source", "url", "dateline"):
        if key in meta and not meta[key].strip():
            if key == "body":
                raise ArticleError(where, 'field "body" is empty; put the article text in it')
            del meta[key]
    return meta


def _parse_date(value: str | dt.date, where: str) -> dt.date:
    """A calendar date from YYYY-MM-DD (YAML may already have parsed it)."""
    if isinstance(value, dt.date):
        return value
    text = value.strip()
    if not _ISO_DATE.fullmatch(text):
        raise ArticleError(where, f'field "date" must be written YYYY-MM-DD, not {value!r}')
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ArticleError(where, f'field "date" is not a real calendar date: {value!r}') from None


def _language_code(value: str, where: str) -> str:
    """A lowercase ISO 639 code; a region suffix ("en-US") is dropped."""
    m = _LANGUAGE_CODE.fullmatch(value.strip().lower())
    if not m:
        raise ArticleError(
            where,
            f'field "language" must be a language code such as "id" or "en", not {value!r}',
        )
    return m.group(1)


def _check_aliases(value: dict[Any, Any], where: str) -> tuple[tuple[str, str], ...]:
    """Alias -> entity id pairs, both non-empty strings, sorted."""
    pairs = []
    for alias, entity in value.items():
        if not isinstance(alias, str) or not isinstance(entity, str) or not alias.strip():
            raise ArticleError(
                where,
                'field "aliases" must map names to entity ids, e.g. {"Gedung Putih": "USA"}; '
                f"found {alias!r}: {entity!r}",
            )
        if not entity.strip():
            raise ArticleError(where, f'field "aliases" gives no entity id for {alias!r}')
        pairs.append((normalise(alias.strip()), entity.strip()))
    return tuple(sorted(pairs))


def _build_article(
    *,
    id: str,
    fmt: str,
    path: str | None,
    where: str,
    title: str,
    body: str,
    meta: dict[str, Any],
    language: str | None,
    date: dt.date | None,
    warnings: list[str],
) -> Article:
    """Assemble the analysed text and settle language, date, dateline and source."""
    title = " ".join(normalise(title).split())
    body = _tidy_body(normalise(body))
    body, found_source = _split_source(body)
    if not title:
        warnings.append("no headline line found; the whole text is read as the body")
    text = f"{title}\n\n{body}" if title else body
    lang, lang_source = _settle_language(text, language, meta.get("language"), warnings)
    if date is not None:
        when, date_source = date, "user"
    elif meta.get("date") is not None:
        when, date_source = meta["date"], "metadata"
    else:
        when, date_source = None, "none"
    dateline = meta.get("dateline")
    return Article(
        id=id,
        text=text,
        title=title,
        language=lang,
        language_source=lang_source,
        date=when,
        date_source=date_source,
        dateline=normalise(dateline.strip()) if dateline else find_dateline(body),
        source=(meta.get("source") or found_source or "").strip() or None,
        url=(meta.get("url") or "").strip() or None,
        path=path,
        format=fmt,
        aliases=meta.get("aliases", ()),
        warnings=tuple(warnings),
    )


def _tidy_body(body: str) -> str:
    """Trailing spaces off every line, blank lines off both ends."""
    return "\n".join(line.rstrip() for line in body.split("\n")).strip("\n")


def _split_source(body: str) -> tuple[str, str | None]:
    """Take a trailing "– Publisher" off the last paragraph."""
    m = _SOURCE.search(body, max(0, len(body) - _SOURCE_TAIL))
    if not m:
        return body, None
    source = m.group(1).strip()
    if len(source.split()) > 6 or _SENTENCE_BREAK.search(source):
        return body, None
    return body[: m.start()].rstrip(), source


def find_dateline(body: str) -> str | None:
    """The all-caps place that opens the body ("WASHINGTON DC, AS – ..." -> "WASHINGTON DC")."""
    m = _DATELINE.match(body)
    if not m:
        return None
    place, _, rest = m.group(1).partition(",")
    named = _AGENCY.sub("", place).strip()
    double_dash = "--" in m.group(0)[len(m.group(1)) :]
    outlet = named != place.strip() or (
        bool(rest.strip()) and (double_dash or bool(_OUTLET_MARK.search(rest)))
    )
    rest = rest.strip()
    if (
        len(named) > 40
        or not all(_DATELINE_PLACE.fullmatch(p) for p in named.split("/"))
        or not (named.isupper() or (outlet and _is_title_place(named)))
        or len(rest) > 40
        or _SENTENCE_BREAK.search(rest)
    ):
        return None
    return named


def _is_title_place(place: str) -> bool:
    """'Jakarta, CNN Indonesia –', 'Jakarta (Antara) -': a place in title case opens the
    body only before an outlet's name (after a comma, before '--' or with an acronym or a
    web address in it; or in brackets), and has at most two words."""
    return place.istitle() and len(place.split()) <= 2


def _settle_language(
    text: str, override: str | None, from_meta: str | None, warnings: list[str]
) -> tuple[str, str]:
    """User's choice, else the file's own field, else detection (English when unsure)."""
    if override and override != "auto":
        code, source = _user_language(override), "user"
    elif from_meta:
        code, source = from_meta, "metadata"
    else:
        code, source = detect_language(text), "detected"
        if code == UNDETERMINED:
            warnings.append(
                "language could not be detected with confidence; assumed English "
                '(set it with --lang or a "language" field)'
            )
            return FALLBACK_LANGUAGE, source
    if code not in ANALYSED_LANGUAGES and code != UNDETERMINED:
        warnings.append(
            f"the article is in {language_name(code)} ({code}); Diplomap's word lists cover "
            "Indonesian and English, so few actors and ties may be found"
        )
    return code, source


def _user_language(value: str) -> str:
    """A language code passed by the caller; a bad one is a programming error."""
    m = _LANGUAGE_CODE.fullmatch(value.strip().lower())
    if not m:
        raise ValueError(f"language must be a code such as 'id' or 'en', not {value!r}")
    return m.group(1)


def _kind(value: Any, fmt: str) -> str:
    """How a value's type is called in the file's own format."""
    return _kind_of_type(type(value), fmt)


def _kind_of_type(kind: type, fmt: str) -> str:
    """A type's name as a JSON or YAML author knows it."""
    if issubclass(kind, bool):
        return "true/false"
    if issubclass(kind, int | float):
        return "a number"
    if issubclass(kind, str):
        return "a string"
    if issubclass(kind, dict):
        return "an object" if fmt == "json" else "a mapping"
    if issubclass(kind, list | tuple):
        return "a list"
    if issubclass(kind, dt.date):
        return "a date"
    return kind.__name__
