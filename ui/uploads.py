"""A reader's own article, uploaded in the sidebar: held in that session only, never on disk."""

from __future__ import annotations

import math
import re
from pathlib import PurePath

import streamlit as st

from diplomap.i18n import t
from diplomap.model import ArticleError
from diplomap.reader import FORMATS, max_bytes_limit, read_bytes
from ui import state
from ui.articles import MAX_TITLE, UPLOAD_PREFIX, Entry, clip

UPLOAD = "upload_file"
MAX_NAME = 80
MB = 1_000_000
_UNSAFE_NAME = re.compile(r"[^\w.\- ]+")


def safe_name(raw: str) -> str:
    """An uploaded file's name as a plain base name: no folders, no odd characters, short."""
    base = PurePath(raw.replace("\\", "/")).name
    suffix = PurePath(base).suffix.lower()
    stem = _UNSAFE_NAME.sub("_", base[: len(base) - len(suffix)]).strip(" .") or "article"
    return stem[: MAX_NAME - len(suffix)] + suffix


def upload_id(name: str) -> str:
    """The id an upload goes by in the address: never one of the folder's ids."""
    return UPLOAD_PREFIX + PurePath(name).stem


def uploader_limit_mb() -> int:
    """The uploader's own limit in MB of 10^6 bytes: the reader's, rounded up to a whole MB."""
    return max(1, math.ceil(max_bytes_limit() / MB))


def too_large(size: int) -> bool:
    """Whether an upload is over the reader's size limit."""
    return size > max_bytes_limit()


def entries() -> tuple[Entry, ...]:
    """The session's upload as a picker entry, when there is one within the size limit."""
    uploaded = st.session_state.get(UPLOAD)
    if uploaded is None or too_large(uploaded.size):
        return ()
    name = safe_name(uploaded.name)
    data = uploaded.getvalue()
    title, readable = upload_title(data, name)
    return (Entry(upload_id(name), name, None, title or name, readable, data),)


@st.cache_data(show_spinner=False, max_entries=16)
def upload_title(data: bytes, name: str) -> tuple[str, bool]:
    """An upload's headline, and whether it reads at all."""
    try:
        return clip(" ".join(read_bytes(data, name).title.split()), MAX_TITLE), True
    except ArticleError:
        return "", False


def choose_upload() -> None:
    """on_change of the uploader: a new file becomes the article shown."""
    uploaded = st.session_state.get(UPLOAD)
    if uploaded is not None and not too_large(uploaded.size):
        st.session_state[state.ARTICLE] = upload_id(safe_name(uploaded.name))


def uploader(lang: str) -> None:
    """The upload box, and a clear refusal of a file over the size limit."""
    st.file_uploader(
        t("sidebar.upload", lang),
        type=[suffix.lstrip(".") for suffix in FORMATS],
        key=UPLOAD,
        help=t("sidebar.upload_help", lang, limit=limit_label()),
        on_change=choose_upload,
        max_upload_size=uploader_limit_mb(),
    )
    uploaded = st.session_state.get(UPLOAD)
    if uploaded is not None and too_large(uploaded.size):
        st.error(
            t(
                "upload.too_large",
                lang,
                name=safe_name(uploaded.name),
                size=f"{uploaded.size:,}",
                limit=limit_label(),
            ),
            icon=":material/block:",
        )


def limit_label() -> str:
    """The reader's size limit in words: '2 MB' or '2,000,000 bytes'."""
    limit = max_bytes_limit()
    return f"{limit // MB} MB" if limit % MB == 0 else f"{limit:,} bytes"
