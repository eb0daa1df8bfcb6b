"""Diplomap's dashboard: `streamlit run dashboard.py`.

Streamlit runs this file twice over. Imported by `streamlit run`, it declares the server
(`app`), whose start-up warms the caches before the first reader arrives (ui/warmup.py).
Run as the script of each reader's session (`__main__`), it reads the address, draws the
sidebar (so its choices survive page switches), hands the resulting view to the page and
keeps the address in step with the state. Each page imports what only it needs (pydeck,
altair, pandas), so the Overview starts without them.
"""

from __future__ import annotations

import streamlit as st


def main() -> None:
    """One run of a reader's session."""
    from ui import articles, collector, nav, sidebar, state, uploads

    st.set_page_config(page_title="Diplomap", page_icon=":material/public:", layout="wide")
    nav.leave_folder_mode()
    state.init()
    entries = articles.list_articles() + uploads.entries()
    state.read_url(entries)
    view = sidebar.render(entries)
    state.set_view(view)
    page = st.navigation(nav.pages(view.lang))
    state.write_url(view, page.url_path)
    try:
        page.run()
    finally:
        collector.freeze_imports()


if __name__ == "__main__":
    main()
else:
    from ui.warmup import lifespan

    app = st.App(__file__, lifespan=lifespan)
