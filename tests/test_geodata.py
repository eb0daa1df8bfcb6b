"""Checks on the committed country gazetteer and map shapes (built by scripts/build_geodata.py)."""

from __future__ import annotations

import itertools
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from babel import Locale

DATA = Path(__file__).resolve().parents[1] / "data"
COUNTRIES = DATA / "gazetteer" / "countries.json"
SHAPES = {
    "110m": DATA / "geo" / "countries-110m.geojson",
    "50m": DATA / "geo" / "countries-50m.geojson",
}
SIZE_LIMITS = {COUNTRIES: 100_000, SHAPES["110m"]: 600_000, SHAPES["50m"]: 1_500_000}

ISO3 = re.compile(r"^[A-Z]{3}$")
ISO2 = re.compile(r"^[A-Z]{2}$")
NUMERIC = re.compile(r"^[0-9]{3}$")
COMMA_INVERTED = re.compile(r",")

Ring = list[list[float]]


@cache
def countries() -> list[dict[str, Any]]:
    """Load the gazetteer once for the whole module."""
    return json.loads(COUNTRIES.read_text(encoding="utf-8"))


@cache
def by_iso3() -> dict[str, dict[str, Any]]:
    """Index the gazetteer by alpha-3 code."""
    return {country["iso3"]: country for country in countries()}


@cache
def features(resolution: str) -> list[dict[str, Any]]:
    """Load one GeoJSON file's features once."""
    return json.loads(SHAPES[resolution].read_text(encoding="utf-8"))["features"]


def polygons(feature: dict[str, Any]) -> list[list[Ring]]:
    """Return a feature's polygons whatever its geometry type."""
    geometry = feature["geometry"]
    return [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]


def rings(resolution: str) -> list[tuple[str | None, Ring]]:
    """List every ring of a file with the iso3 of its feature."""
    return [
        (feature["properties"]["iso3"], ring)
        for feature in features(resolution)
        for polygon in polygons(feature)
        for ring in polygon
    ]


def ring_span(ring: Ring) -> float:
    """Longitude extent of a ring; deck.gl draws a ring wider than 180° across the globe."""
    longitudes = [lon for lon, _ in ring]
    return max(longitudes) - min(longitudes)


def inside_ring(lon: float, lat: float, ring: Ring) -> bool:
    """Ray-casting point-in-ring test, so the tests need no geometry library."""
    inside = False
    for (x1, y1), (x2, y2) in itertools.pairwise(ring):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def inside_feature(lon: float, lat: float, feature: dict[str, Any]) -> bool:
    """Tell whether a point is in a feature's land: in an outer ring and in none of its holes."""
    return any(
        inside_ring(lon, lat, polygon[0])
        and not any(inside_ring(lon, lat, hole) for hole in polygon[1:])
        for polygon in polygons(feature)
    )


SQUARE = [[0.0, 0.0], [2.0, 0.0], [2.0, 2.0], [0.0, 2.0], [0.0, 0.0]]
HOLE = [[0.5, 0.5], [0.5, 1.5], [1.5, 1.5], [1.5, 0.5], [0.5, 0.5]]
SQUARE_WITH_HOLE = {"geometry": {"type": "Polygon", "coordinates": [SQUARE, HOLE]}}


@pytest.mark.parametrize(
    ("lon", "lat", "expected"),
    [(0.25, 0.25, True), (1.0, 1.0, False), (3.0, 1.0, False), (1.0, -0.5, False)],
)
def test_inside_feature_helper(lon: float, lat: float, expected: bool) -> None:
    assert inside_feature(lon, lat, SQUARE_WITH_HOLE) is expected


def test_countries_are_sorted_and_unique() -> None:
    codes = [country["iso3"] for country in countries()]
    assert codes == sorted(codes)
    assert len(set(codes)) == len(codes)
    assert len({country["iso2"] for country in countries()}) == len(codes)


def test_countries_are_iso_3166_plus_kosovo() -> None:
    assert len(countries()) == 250
    assert by_iso3()["XKX"]["iso2"] == "XK"
    assert by_iso3()["XKX"]["numeric"] is None
    numerics = [c["numeric"] for c in countries() if c["iso3"] != "XKX"]
    assert all(isinstance(n, str) and NUMERIC.match(n) for n in numerics)
    assert len(set(numerics)) == len(numerics)


def test_every_country_record_is_well_formed() -> None:
    keys = ["iso3", "iso2", "numeric", "name_en", "name_id", "lat", "lon", "names_en", "names_id"]
    bad = []
    for country in countries():
        problems = [
            list(country) != keys,
            not ISO3.match(country["iso3"]),
            not ISO2.match(country["iso2"]),
            not -90 <= country["lat"] <= 90,
            not -180 <= country["lon"] <= 180,
            round(country["lat"], 2) != country["lat"],
            round(country["lon"], 2) != country["lon"],
        ]
        if any(problems):
            bad.append(country["iso3"])
    assert bad == []


@pytest.mark.parametrize("iso2", ["US", "ID", "CN", "RU", "GB", "PS", "CI", "CD", "TL", "XK"])
def test_display_names_match_babel_sample(iso2: str) -> None:
    country = next(c for c in countries() if c["iso2"] == iso2)
    assert country["name_en"] == Locale("en").territories[iso2]
    assert country["name_id"] == Locale("id").territories[iso2]


def test_display_names_match_babel_everywhere() -> None:
    english, indonesian = Locale("en").territories, Locale("id").territories
    stale = [
        c["iso3"]
        for c in countries()
        if (c["name_en"], c["name_id"]) != (english.get(c["iso2"]), indonesian.get(c["iso2"]))
    ]
    assert stale == [], "rerun scripts/build_geodata.py after upgrading babel"


@pytest.mark.parametrize("language", ["en", "id"])
def test_name_lists_start_with_display_name_without_repeats(language: str) -> None:
    bad = []
    for country in countries():
        names = country[f"names_{language}"]
        folded = [name.casefold() for name in names]
        if names[:1] != [country[f"name_{language}"]] or len(set(folded)) != len(folded):
            bad.append(country["iso3"])
        if any(not name.strip() or COMMA_INVERTED.search(name) for name in names[1:]):
            bad.append(country["iso3"])
    assert bad == []


@pytest.mark.parametrize(
    ("iso3", "language", "name"),
    [
        ("GBR", "en", "UK"),
        ("USA", "en", "US"),
        ("CIV", "en", "Ivory Coast"),
        ("PSE", "en", "Palestine"),
        ("CZE", "en", "Czech Republic"),
        ("RUS", "en", "Russian Federation"),
        ("VNM", "en", "Vietnam"),
        ("PRK", "en", "Democratic People's Republic of Korea"),
        ("USA", "id", "AS"),
        ("CIV", "id", "Pantai Gading"),
        ("PSE", "id", "Palestina"),
        ("CHN", "id", "Republik Rakyat Tiongkok"),
        ("TLS", "id", "Timor Timur"),
    ],
)
def test_alternative_names_are_listed(iso3: str, language: str, name: str) -> None:
    assert name in by_iso3()[iso3][f"names_{language}"]


@pytest.mark.parametrize(
    ("iso3", "absent"),
    [("KOR", "Korea, Republic of"), ("BOL", "Bolivia, Plurinational State of")],
)
def test_comma_inverted_iso_names_are_skipped(iso3: str, absent: str) -> None:
    assert absent not in by_iso3()[iso3]["names_en"]


@pytest.mark.parametrize(
    ("iso3", "west", "east", "south", "north"),
    [
        ("USA", -125, -66, 25, 50),
        ("FRA", -5, 10, 41, 52),
        ("RUS", 30, 140, 50, 70),
        ("NOR", 4, 31, 57, 71),
        ("FJI", 177, 179, -19, -16),
        ("NZL", 166, 179, -47, -34),
        ("IDN", 95, 141, -11, 6),
        ("SGP", 103.6, 104.1, 1.2, 1.5),
    ],
)
def test_known_label_points(
    iso3: str, west: float, east: float, south: float, north: float
) -> None:
    country = by_iso3()[iso3]
    assert west <= country["lon"] <= east
    assert south <= country["lat"] <= north


def test_label_points_lie_in_their_110m_shape() -> None:
    outside = [
        feature["properties"]["iso3"]
        for feature in features("110m")
        if feature["properties"]["iso3"]
        and not inside_feature(
            by_iso3()[feature["properties"]["iso3"]]["lon"],
            by_iso3()[feature["properties"]["iso3"]]["lat"],
            feature,
        )
    ]
    assert outside == []


@pytest.mark.parametrize("resolution", ["110m", "50m"])
def test_feature_properties_join_the_gazetteer(resolution: str) -> None:
    props = [feature["properties"] for feature in features(resolution)]
    assert all(list(p) == ["iso3", "name"] for p in props)
    named = [p for p in props if p["iso3"] is not None]
    assert all(p["iso3"] in by_iso3() for p in named)
    assert all(p["name"] == by_iso3()[p["iso3"]]["name_en"] for p in named)
    assert len({p["iso3"] for p in named}) == len(named)
    assert all(p["name"] for p in props)


@pytest.mark.parametrize("resolution", ["110m", "50m"])
def test_antarctica_is_left_off_the_map(resolution: str) -> None:
    assert "ATA" not in {feature["properties"]["iso3"] for feature in features(resolution)}


@pytest.mark.parametrize("resolution", ["110m", "50m"])
def test_geometries_are_polygons(resolution: str) -> None:
    kinds = {feature["geometry"]["type"] for feature in features(resolution)}
    assert kinds <= {"Polygon", "MultiPolygon"}


@pytest.mark.parametrize("resolution", ["110m", "50m"])
def test_rings_are_closed_rounded_and_in_range(resolution: str) -> None:
    bad = []
    for iso3, ring in rings(resolution):
        closed = len(ring) >= 4 and ring[0] == ring[-1]
        in_range = all(-180 <= lon <= 180 and -90 <= lat <= 90 for lon, lat in ring)
        is_rounded = all(round(v, 2) == v for point in ring for v in point)
        if not (closed and in_range and is_rounded):
            bad.append(iso3)
    assert bad == []


@pytest.mark.parametrize("resolution", ["110m", "50m"])
def test_no_ring_spans_more_than_half_the_world(resolution: str) -> None:
    wide = [iso3 for iso3, ring in rings(resolution) if ring_span(ring) > 180]
    assert wide == []


@pytest.mark.parametrize("iso3", ["RUS", "FJI", "USA"])
def test_antimeridian_countries_keep_both_sides(iso3: str) -> None:
    feature = next(f for f in features("110m") if f["properties"]["iso3"] == iso3)
    longitudes = [lon for polygon in polygons(feature) for lon, _ in polygon[0]]
    assert min(longitudes) < -150
    assert max(longitudes) > 170 or iso3 == "USA"


def test_50m_adds_small_countries_to_110m() -> None:
    coarse = {f["properties"]["iso3"] for f in features("110m")}
    fine = {f["properties"]["iso3"] for f in features("50m")}
    assert coarse <= fine
    assert {"SGP", "BHR", "MLT", "HKG", "VAT"} <= fine - coarse


@pytest.mark.parametrize("path", list(SIZE_LIMITS), ids=lambda path: path.name)
def test_file_sizes_stay_under_limits(path: Path) -> None:
    assert path.stat().st_size < SIZE_LIMITS[path]
