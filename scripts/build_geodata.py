"""Build the committed country gazetteer and map shapes from maintained upstream packages.

Writes data/gazetteer/countries.json, data/geo/countries-110m.geojson and
data/geo/countries-50m.geojson. Not run by tests or CI: the outputs are committed.

Build-only dependencies (the app itself needs none of them but babel):
    pip install pycountry==26.2.16 shapely==2.2.0    # babel==2.19.0 comes with the app
    npm on PATH, to `npm pack` these packages from the npm registry:
        world-atlas@2.0.2            Natural Earth 1:110m and 1:50m TopoJSON (public domain)
        world-countries@5.1.0        mledoze/countries latlng, for countries with no shape (ODbL)
        cldr-localenames-full@48.2.0 CLDR territory alt forms ("UK", "Ivory Coast"),
                                     which babel drops when it compiles CLDR

Run from the repository root:
    python scripts/build_geodata.py [--cache DIR]

The output is deterministic: same packages in, byte-identical files out.
"""

from __future__ import annotations

import argparse
import gettext
import json
import math
import re
import subprocess
import tarfile
import tempfile
from pathlib import Path
from typing import Any

import pycountry
import shapely
from babel import Locale
from shapely.geometry import LineString, Point, Polygon
from shapely.geometry.polygon import orient
from shapely.ops import polylabel

ROOT = Path(__file__).resolve().parents[1]
GAZETTEER = ROOT / "data" / "gazetteer" / "countries.json"
GEO_DIR = ROOT / "data" / "geo"

PACKAGES = {
    "world-atlas": "2.0.2",
    "world-countries": "5.1.0",
    "cldr-localenames-full": "48.2.0",
}
OFF_MAP = {"ATA"}
"""Antarctica: it would take a fifth of the screen; it keeps a label point all the same."""

KOSOVO = {"iso2": "XK", "iso3": "XKX", "name": "Kosovo"}
"""CLDR and Natural Earth know Kosovo; ISO 3166-1 (so pycountry) does not, hence XKX."""

SIMPLIFY_DEGREES = {"110m": 0.0, "50m": 0.02}
SIZE_LIMITS = {"110m": 600_000, "50m": 1_500_000}
ALT_FORMS = ("short", "variant", "chagos")
PLACES = 2

INVERTED_OR_QUALIFIED = re.compile(r"[,(]")
LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
ALT_KEY = re.compile(r"^([A-Z]{2})-alt-([a-z]+)$")


def fetch_packages(cache: Path) -> dict[str, Path]:
    """Download and unpack each npm package once, so a rerun needs no network."""
    cache.mkdir(parents=True, exist_ok=True)
    roots = {}
    for name, version in PACKAGES.items():
        root = cache / f"{name}-{version}"
        if not root.exists():
            tarball = cache / f"{name}-{version}.tgz"
            if not tarball.exists():
                subprocess.run(
                    ["npm", "pack", f"{name}@{version}", "--silent"],
                    cwd=cache,
                    check=True,
                    stdout=subprocess.DEVNULL,
                )
            with tarfile.open(tarball) as tar:
                tar.extractall(root, filter="data")
        roots[name] = root / "package"
    return roots


def rounded(value: float) -> float:
    """Round to the shipped precision, never writing -0.0."""
    return round(value, PLACES) + 0.0


def decode_arcs(topology: dict[str, Any], tolerance: float) -> list[list[tuple[float, float]]]:
    """Turn quantized delta arcs into rounded lon/lat lines, simplified arc by arc.

    Simplifying and rounding shared arcs (not rings) keeps neighbouring borders identical.
    """
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        if tolerance and len(points) > 2:
            points = list(LineString(points).simplify(tolerance).coords)
        arcs.append([(rounded(lon), rounded(lat)) for lon, lat in points])
    return arcs


def ring_from_arcs(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[list[float]]:
    """Stitch arcs into one closed ring, dropping repeated points left by rounding."""
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    ring = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
    if ring and ring[0] != ring[-1]:
        ring.append(ring[0])
    return [list(p) for p in ring]


def is_area(ring: list[list[float]]) -> bool:
    """Tell whether a ring still encloses something after rounding."""
    return len(ring) >= 4 and Polygon(ring).area > 0


def polygons_of(geometry: dict[str, Any], arcs: list) -> list[list[list[list[float]]]]:
    """Return a geometry's polygons, each a list of rings, without degenerate rings."""
    raw = {"Polygon": [geometry.get("arcs")], "MultiPolygon": geometry.get("arcs")}
    polygons = []
    for polygon in raw.get(geometry["type"]) or []:
        outer, *holes = (ring_from_arcs(ring, arcs) for ring in polygon)
        if is_area(outer):
            polygons.append([outer, *(hole for hole in holes if is_area(hole))])
    return polygons


def ring_span(ring: list[list[float]]) -> float:
    """Longitude extent of a ring; over 180 means deck.gl would draw it across the globe."""
    lons = [lon for lon, _ in ring]
    return max(lons) - min(lons)


def split_at_antimeridian(polygons: list) -> list:
    """Cut polygons that wrap past ±180 into an east and a west part."""
    out = []
    for polygon in polygons:
        if all(ring_span(ring) <= 180 for ring in polygon):
            out.append(polygon)
            continue
        outer, *holes = ([(lon % 360, lat) for lon, lat in ring] for ring in polygon)
        wrapped = shapely.make_valid(Polygon(outer, holes))
        for west, east, shift in ((0, 180, 0), (180, 360, -360)):
            part = wrapped.intersection(shapely.box(west, -90, east, 90))
            for piece in shapely.get_parts(part):
                if isinstance(piece, Polygon) and piece.area > 0:
                    rings = [piece.exterior, *piece.interiors]
                    out.append(
                        [[[rounded(x + shift), rounded(y)] for x, y in r.coords] for r in rings]
                    )
    return out


def counterclockwise(polygon: list[list[list[float]]]) -> list[list[list[float]]]:
    """Wind outer rings counterclockwise and holes clockwise, as RFC 7946 asks."""
    oriented = orient(Polygon(polygon[0], polygon[1:]), sign=1.0)
    rings = [oriented.exterior, *oriented.interiors]
    return [[list(point) for point in ring.coords] for ring in rings]


def iso3_for_numeric(numeric: str | None) -> str | None:
    """Join Natural Earth's ISO numeric id to an alpha-3 code."""
    country = pycountry.countries.get(numeric=numeric) if numeric else None
    return country.alpha_3 if country else None


def build_features(topology: dict[str, Any], tolerance: float) -> list[dict[str, Any]]:
    """Build one GeoJSON feature per country, merging pieces that share an ISO code."""
    arcs = decode_arcs(topology, tolerance)
    merged: dict[tuple[str, str], list] = {}
    names: dict[tuple[str, str], str] = {}
    english = Locale("en").territories
    for geometry in topology["objects"]["countries"]["geometries"]:
        numeric = geometry.get("id")
        ne_name = geometry["properties"]["name"]
        iso3 = iso3_for_numeric(numeric)
        if iso3 is None and ne_name == KOSOVO["name"]:
            iso3 = KOSOVO["iso3"]
        polygons = split_at_antimeridian(polygons_of(geometry, arcs))
        if not polygons:
            continue
        key = (iso3 or "~", ne_name if iso3 is None else "")
        merged.setdefault(key, []).extend(polygons)
        names.setdefault(key, english[iso2_of(iso3)] if iso3 else ne_name)
    features = []
    for key in sorted(merged):
        polygons = [counterclockwise(polygon) for polygon in merged[key]]
        geometry = (
            {"type": "Polygon", "coordinates": polygons[0]}
            if len(polygons) == 1
            else {"type": "MultiPolygon", "coordinates": polygons}
        )
        iso3 = None if key[0] == "~" else key[0]
        features.append(
            {
                "type": "Feature",
                "properties": {"iso3": iso3, "name": names[key]},
                "geometry": geometry,
            }
        )
    return features


def iso2_of(iso3: str) -> str:
    """Alpha-2 code for an alpha-3 code, Kosovo included."""
    if iso3 == KOSOVO["iso3"]:
        return KOSOVO["iso2"]
    return pycountry.countries.get(alpha_3=iso3).alpha_2


def write_feature_collection(path: Path, features: list[dict[str, Any]]) -> int:
    """Write compact GeoJSON, one feature a line so diffs stay readable; return the size."""
    lines = [json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in features]
    text = '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n"
    path.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))


def polygons_by_iso3(features: list[dict[str, Any]]) -> dict[str, list[Polygon]]:
    """Map each country to its shapely polygons, outer rings and holes kept."""
    out: dict[str, list[Polygon]] = {}
    for feature in features:
        iso3, geometry = feature["properties"]["iso3"], feature["geometry"]
        if iso3 is None:
            continue
        coords = geometry["coordinates"]
        polygons = [coords] if geometry["type"] == "Polygon" else coords
        out[iso3] = [Polygon(rings[0], rings[1:]) for rings in polygons]
    return out


def label_point(polygons: list[Polygon]) -> tuple[float, float]:
    """Pick a label and arc anchor inside the country's largest landmass."""

    def true_area(polygon: Polygon) -> float:
        return polygon.area * math.cos(math.radians(polygon.centroid.y))

    largest = max(polygons, key=true_area)
    candidates = [largest.centroid, polylabel(largest, tolerance=0.01)]
    points = [Point(rounded(p.x), rounded(p.y)) for p in candidates]
    point = min(points, key=largest.distance)
    if largest.distance(point) > 10**-PLACES:
        raise ValueError(f"label point {point} falls outside its polygon")
    return point.y, point.x


def cldr_alt_names(cldr_root: Path, locale: str) -> dict[str, list[str]]:
    """Collect CLDR's alternative territory names (short, variant) by alpha-2 code."""
    path = cldr_root / "main" / locale / "territories.json"
    territories = json.loads(path.read_text(encoding="utf-8"))["main"][locale]
    territories = territories["localeDisplayNames"]["territories"]
    alts: dict[str, list[str]] = {}
    for key in sorted(territories):
        match = ALT_KEY.match(key)
        if match and match[2] in ALT_FORMS:
            alts.setdefault(match[1], []).append(territories[key])
        elif len(key) == 2:
            alts.setdefault(key, []).append(territories[key])
    return alts


def pycountry_names(country: Any, translate: Any) -> list[str]:
    """Return ISO 3166 names (translated if asked) that read naturally in running text."""
    names = []
    for attribute in ("common_name", "name", "official_name"):
        value = getattr(country, attribute, None)
        if value:
            names.append(LEADING_THE.sub("", translate(value)))
    return [name for name in names if not INVERTED_OR_QUALIFIED.search(name)]


def unique(names: list[str]) -> list[str]:
    """Drop repeats, ignoring case, keeping the first spelling and the order."""
    seen: set[str] = set()
    out = []
    for name in names:
        if name.casefold() not in seen:
            seen.add(name.casefold())
            out.append(name)
    return out


def build_countries(
    roots: dict[str, Path], shapes: dict[str, dict[str, list[Polygon]]]
) -> list[dict[str, Any]]:
    """Build one gazetteer record per ISO 3166-1 country, plus Kosovo."""
    en, id_ = Locale("en").territories, Locale("id").territories
    alts = {lc: cldr_alt_names(roots["cldr-localenames-full"], lc) for lc in ("en", "id")}
    to_id = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["id"]).gettext
    world = json.loads((roots["world-countries"] / "countries.json").read_text(encoding="utf-8"))
    latlng = {c["cca2"]: c["latlng"] for c in world}
    rows = [(c.alpha_2, c.alpha_3, c.numeric, c) for c in pycountry.countries]
    rows.append((KOSOVO["iso2"], KOSOVO["iso3"], None, None))
    countries = []
    for iso2, iso3, numeric, country in sorted(rows, key=lambda row: row[1]):
        for resolution in ("110m", "50m"):
            if iso3 in shapes[resolution]:
                lat, lon = label_point(shapes[resolution][iso3])
                break
        else:
            lat, lon = (rounded(v) for v in latlng[iso2])
        en_extra = pycountry_names(country, str) if country else []
        id_extra = pycountry_names(country, to_id) if country else []
        countries.append(
            {
                "iso3": iso3,
                "iso2": iso2,
                "numeric": numeric,
                "name_en": en[iso2],
                "name_id": id_[iso2],
                "lat": lat,
                "lon": lon,
                "names_en": unique([en[iso2], *alts["en"].get(iso2, []), *en_extra]),
                "names_id": unique([id_[iso2], *alts["id"].get(iso2, []), *id_extra]),
            }
        )
    return countries


def write_countries(path: Path, countries: list[dict[str, Any]]) -> int:
    """Write the gazetteer one country a line; return the size in bytes."""
    lines = [json.dumps(c, ensure_ascii=False, separators=(",", ":")) for c in countries]
    text = "[\n" + ",\n".join(lines) + "\n]\n"
    path.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))


def main() -> None:
    """Fetch the packages, write every output file and print their sizes."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, help="keep downloaded packages here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        roots = fetch_packages(args.cache or Path(tmp))
        GEO_DIR.mkdir(parents=True, exist_ok=True)
        GAZETTEER.parent.mkdir(parents=True, exist_ok=True)
        shapes = {}
        for resolution, tolerance in SIMPLIFY_DEGREES.items():
            source = roots["world-atlas"] / f"countries-{resolution}.json"
            features = build_features(json.loads(source.read_text()), tolerance)
            shapes[resolution] = polygons_by_iso3(features)
            features = [f for f in features if f["properties"]["iso3"] not in OFF_MAP]
            path = GEO_DIR / f"countries-{resolution}.geojson"
            size = write_feature_collection(path, features)
            if size > SIZE_LIMITS[resolution]:
                raise SystemExit(f"{path} is {size} bytes, over {SIZE_LIMITS[resolution]}")
            print(f"{path.relative_to(ROOT)}: {size} bytes, {len(features)} features")
        countries = build_countries(roots, shapes)
        size = write_countries(GAZETTEER, countries)
        print(f"{GAZETTEER.relative_to(ROOT)}: {size} bytes, {len(countries)} countries")


if __name__ == "__main__":
    main()
