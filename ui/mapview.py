"""The map as the Overview and Map pages draw it, with its legend."""

from __future__ import annotations

import html
from collections.abc import Collection, Iterable, Mapping
from dataclasses import replace
from functools import partial
from typing import Any

import streamlit as st

from diplomap import maps
from diplomap.i18n import t
from diplomap.model import Analysis
from diplomap.tables import country_rows, signed, tie_rows
from ui import cache, parts, state

TABLE_CLASS = "dm-map-table"
TABLE_CSS = (
    f".{TABLE_CLASS}{{width:100%;border-collapse:collapse;font-size:.875rem;line-height:1.4}}"
    f".{TABLE_CLASS} caption{{text-align:left;font-weight:600;padding:0 0 .3rem}}"
    f".{TABLE_CLASS} th,.{TABLE_CLASS} td{{text-align:left;vertical-align:top;"
    "padding:.3rem .6rem .3rem 0;border-bottom:1px solid #e3e6ea;overflow-wrap:anywhere}"
    f".{TABLE_CLASS} thead th{{border-bottom:2px solid #c5cad1}}"
    f".{TABLE_CLASS} tbody th{{font-weight:600}}"
    f".{TABLE_CLASS} .dm-num{{text-align:right;font-variant-numeric:tabular-nums}}"
)
COUNTRY_COLUMNS = ("name", "mentions", "ties", "camp")
TIE_COLUMNS = ("source_name", "type_label", "target_name", "score", "evidence")
NUMBER_COLUMNS = frozenset({"mentions", "ties", "score", "evidence"})


def draw_map(
    view: state.View, analysis: Analysis, key: str, *, height: int = 480, basemap: bool = False
) -> None:
    """The pydeck map; a click on a country makes it the focus of every page.

    The shipped country shapes need no network. Carto's basemap is opt-in: where its style
    cannot load (offline), deck.gl stops reporting clicks on the map.
    """
    spec = maps.ties_map(analysis, lang=view.lang, types=view.type_filter, focus=view.country)
    spec = story_pickable(spec, {c.iso3 for c in analysis.countries})
    st.pydeck_chart(
        maps.to_deck(spec, basemap=basemap),
        height=height,
        selection_mode="single-object",
        on_select=partial(state.focus_on_click, key),
        key=key,
        alt=t("chart.map_title", view.lang),
    )
    st.caption(t("dashboard.map_hint", view.lang))
    legend(view, analysis)


def story_pickable(spec: maps.MapSpec, involved: Collection[str]) -> maps.MapSpec:
    """The map with only the story's countries answering hover and clicks.

    Every pickable shape is drawn again for each pick; with all 176 countries in a browser
    without a GPU, the pick on a press outlasts deck.gl's 250 ms tap and the click is lost.
    The rest of the world moves to a layer drawn first that does not pick, so it keeps only
    its fill: no tooltip ever shows its names.
    """
    layers = []
    for layer in spec.layers:
        if layer.id != maps.COUNTRY_LAYER_ID:
            layers.append(layer)
            continue
        features = layer.data.get("features", [])
        rest = [_fill_only(f) for f in features if f["properties"]["iso3"] not in involved]
        story = [f for f in features if f["properties"]["iso3"] in involved]
        quiet = {**layer.props, "pickable": False, "auto_highlight": False}
        layers += [
            replace(
                layer, id=f"{maps.COUNTRY_LAYER_ID}-backdrop", data=_collection(rest), props=quiet
            ),
            replace(layer, data=_collection(story)),
        ]
    return spec.with_layers(layers)


def _fill_only(feature: dict[str, Any]) -> dict[str, Any]:
    fill = feature["properties"]["fill"]
    return {"type": "Feature", "geometry": feature["geometry"], "properties": {"fill": fill}}


def _collection(features: list[Any]) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": features}


def draw_static_map(view: state.View, analysis: Analysis) -> None:
    """The same map as a picture, light enough for the first page a reader opens."""
    digest = view.loaded.digest if view.loaded else ""
    svg = static_svg(digest, view.lang, view.type_filter, view.country, analysis)
    items = maps.legend_items(view.lang, analysis, view.country)
    st.markdown(
        f'<div class="dm-static-map">{svg}</div>{parts.legend_html(items, view.lang)}',
        unsafe_allow_html=True,
    )
    st.page_link(
        "pages/map.py",
        label=t("dashboard.open_map", view.lang),
        help=t("dashboard.open_map_help", view.lang),
        icon=":material/public:",
        query_params=view.params(),
    )


def static_svg(
    digest: str, lang: str, types: tuple[str, ...] | None, focus: str | None, analysis: Analysis
) -> str:
    """The static map's SVG, from the cache; ui/warmup.py fills it for the default article."""
    return cache.map_svg(digest, lang, types, focus, t("chart.map_title", lang), analysis)


def legend(view: state.View, analysis: Analysis) -> None:
    """What the colours and lines of either map mean."""
    parts.legend(maps.legend_items(view.lang, analysis, view.country), view.lang)


def draw_tables(view: state.View, analysis: Analysis) -> None:
    """The map's countries and ties as two tables, side by side.

    Plain HTML tables rather than data grids: a screen reader reads them as tables, and the
    page loads no data-grid script, which costs a new reader some 200 ms.
    """
    lang = view.lang
    countries = [
        {
            "name": row["name"],
            "mentions": parts.number(row["mentions"], lang),
            "ties": parts.number(row["ties"], lang),
            "camp": row["camp_name"] or "",
        }
        for row in country_rows(analysis, lang)
    ]
    ties = [
        {**row, "score": signed(row["score"]), "evidence": parts.number(row["evidence"], lang)}
        for row in tie_rows(analysis, lang, view.type_filter, view.country)
    ]
    left, right = st.columns([2, 3])
    with left:
        table = table_html(countries, COUNTRY_COLUMNS, lang, t("metric.countries", lang))
        st.html(f"<style>{TABLE_CSS}</style>{table}")
    if ties:
        with right:
            st.html(table_html(ties, TIE_COLUMNS, lang, t("metric.ties", lang)))


def table_html(
    rows: Iterable[Mapping[str, Any]], columns: Iterable[str], lang: str, caption: str
) -> str:
    """Rows as an escaped HTML table, headed in the interface language."""
    columns = list(columns)
    head = "".join(
        f'<th scope="col"{_number_class(c)}>{html.escape(t(parts.COLUMN_KEYS[c], lang))}</th>'
        for c in columns
    )
    body = "".join(f"<tr>{row_cells(row, columns)}</tr>" for row in rows)
    return (
        f'<table class="{TABLE_CLASS}"><caption>{html.escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def row_cells(row: Mapping[str, Any], columns: list[str]) -> str:
    """One row's cells; the first heads its row, which a screen reader reads with each cell."""
    cells = []
    for i, column in enumerate(columns):
        tag, scope = ("th", ' scope="row"') if i == 0 else ("td", "")
        text = html.escape(str(row.get(column, "")))
        cells.append(f"<{tag}{scope}{_number_class(column)}>{text}</{tag}>")
    return "".join(cells)


def _number_class(column: str) -> str:
    return ' class="dm-num"' if column in NUMBER_COLUMNS else ""
