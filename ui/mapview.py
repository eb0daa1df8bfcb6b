"""The map as the Overview and Map pages draw it, with its legend."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from functools import partial
from typing import Any

import streamlit as st

from diplomap import maps
from diplomap.i18n import t
from diplomap.model import Analysis
from ui import cache, parts, state


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
    label = t("chart.map_title", view.lang)
    svg = cache.map_svg(digest, view.lang, view.type_filter, view.country, label, analysis)
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


def legend(view: state.View, analysis: Analysis) -> None:
    """What the colours and lines of either map mean."""
    parts.legend(maps.legend_items(view.lang, analysis, view.country), view.lang)
