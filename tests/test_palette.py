"""The palette under simulated colour-vision deficiencies, and every text colour on its ground.

Deficiencies are simulated with the severity-1 matrices of Machado, Oliveira & Fernandes (2009),
applied to linear sRGB; colours are compared by CIE76 ΔE in CIELAB (D65).
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from diplomap import palette
from diplomap.charts import PRECISION_COLOURS
from diplomap.palette import (
    BACKDROP_COLOUR,
    CAMP_COLOURS,
    CELL_INKS,
    DIVERGING_COLOURS,
    FAMILY_COLOURS,
    FOCUS_COLOUR,
    INK_COLOUR,
    LABEL_COLOUR,
    PAPER_COLOUR,
    UNALIGNED_COLOUR,
    cell_ink,
    contrast_ratio,
    diverging_colour,
)

ROOT = Path(__file__).resolve().parent.parent
THEME = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))["theme"]

Matrix = tuple[tuple[float, float, float], ...]
MACHADO: dict[str, Matrix] = {
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "tritanopia": (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
}
VISIONS = ("typical", *MACHADO)
D65 = (0.95047, 1.0, 1.08883)
MIN_DELTA_E = 20.0
AA_TEXT = 4.5
NON_TEXT = 3.0
CAPTION_OPACITY = 0.6  # Streamlit draws st.caption in the theme's text colour at 60 % opacity

Colour = tuple[float, float, float]


def linear_rgb(colour: str) -> Colour:
    """'#rrggbb' as linear-light sRGB channels in 0..1."""
    r, g, b = (c / 255 for c in palette.hex_to_rgb(colour))
    return tuple(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b))


def simulate(colour: str, vision: str) -> Colour:
    """How a colour looks with a full deficiency, as linear sRGB clipped to the gamut."""
    rgb = linear_rgb(colour)
    if vision == "typical":
        return rgb
    return tuple(
        min(1.0, max(0.0, sum(m * c for m, c in zip(row, rgb, strict=True))))
        for row in MACHADO[vision]
    )


def lab(rgb: Colour) -> Colour:
    """Linear sRGB to CIELAB under D65."""
    r, g, b = rgb
    xyz = (
        0.4124 * r + 0.3576 * g + 0.1805 * b,
        0.2126 * r + 0.7152 * g + 0.0722 * b,
        0.0193 * r + 0.1192 * g + 0.9505 * b,
    )
    fx, fy, fz = (
        t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29
        for t in (v / w for v, w in zip(xyz, D65, strict=True))
    )
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def delta_e(a: str, b: str, vision: str = "typical") -> float:
    """CIE76 colour difference between two colours as a reader with this vision sees them."""
    la, lb = lab(simulate(a, vision)), lab(simulate(b, vision))
    return sum((x - y) ** 2 for x, y in zip(la, lb, strict=True)) ** 0.5


def blend(colour: str, ground: str, opacity: float) -> str:
    """A colour drawn at an opacity over a ground, as the browser composites it."""
    top, bottom = palette.hex_to_rgb(colour), palette.hex_to_rgb(ground)
    mixed = [opacity * t + (1 - opacity) * b for t, b in zip(top, bottom, strict=True)]
    return palette.rgb_to_hex(mixed)


NEUTRAL = DIVERGING_COLOURS[len(DIVERGING_COLOURS) // 2]
MUST_DIFFER: dict[str, tuple[str, str]] = {
    "cooperation / conflict": (FAMILY_COLOURS["cooperation"], FAMILY_COLOURS["conflict"]),
    "camp / camp": CAMP_COLOURS,
    "first camp / unaligned": (CAMP_COLOURS[0], UNALIGNED_COLOUR),
    "second camp / unaligned": (CAMP_COLOURS[1], UNALIGNED_COLOUR),
    "first camp / backdrop": (CAMP_COLOURS[0], BACKDROP_COLOUR),
    "second camp / backdrop": (CAMP_COLOURS[1], BACKDROP_COLOUR),
    "unaligned / backdrop": (UNALIGNED_COLOUR, BACKDROP_COLOUR),
    "net score ends": (DIVERGING_COLOURS[0], DIVERGING_COLOURS[-1]),
    "conflict end / zero": (DIVERGING_COLOURS[0], NEUTRAL),
    "cooperation end / zero": (DIVERGING_COLOURS[-1], NEUTRAL),
    "mild conflict / mild cooperation": (DIVERGING_COLOURS[2], DIVERGING_COLOURS[-3]),
    "focus / zero": (FOCUS_COLOUR, NEUTRAL),
    "focus / conflict end": (FOCUS_COLOUR, DIVERGING_COLOURS[0]),
    "focus / cooperation end": (FOCUS_COLOUR, DIVERGING_COLOURS[-1]),
    "day / month": (PRECISION_COLOURS["day"], PRECISION_COLOURS["month"]),
    "month / year": (PRECISION_COLOURS["month"], PRECISION_COLOURS["year"]),
    "day / year": (PRECISION_COLOURS["day"], PRECISION_COLOURS["year"]),
}


@pytest.mark.parametrize("vision", VISIONS)
@pytest.mark.parametrize("pair", MUST_DIFFER, ids=str)
def test_colours_that_carry_meaning_stay_apart(pair: str, vision: str) -> None:
    a, b = MUST_DIFFER[pair]
    assert delta_e(a, b, vision) >= MIN_DELTA_E


@pytest.mark.parametrize(
    ("a", "b", "vision"),
    [
        ("#D62728", "#2CA02C", "deuteranopia"),
        ("#CC3311", "#228833", "protanopia"),
        ("#0072B2", "#009E73", "tritanopia"),
    ],
)
def test_the_simulation_merges_pairs_known_to_be_confused(a: str, b: str, vision: str) -> None:
    assert delta_e(a, b) >= 2 * MIN_DELTA_E
    assert delta_e(a, b, vision) < MIN_DELTA_E


@pytest.mark.parametrize("vision", VISIONS)
@pytest.mark.parametrize("grey", ["#000000", "#777777", "#FFFFFF"])
def test_the_simulation_leaves_greys_alone(grey: str, vision: str) -> None:
    assert delta_e(grey, grey, vision) == pytest.approx(0.0, abs=0.01)
    assert lab(simulate(grey, vision))[0] == pytest.approx(lab(linear_rgb(grey))[0], abs=0.5)


def test_delta_e_spans_black_to_white() -> None:
    assert delta_e("#000000", "#FFFFFF") == pytest.approx(100.0, abs=0.01)


@pytest.mark.parametrize(
    ("fg", "bg", "ratio"),
    [("#000000", "#FFFFFF", 21.0), ("#FFFFFF", "#FFFFFF", 1.0), ("#777777", "#FFFFFF", 4.48)],
)
def test_contrast_ratio_matches_wcag(fg: str, bg: str, ratio: float) -> None:
    assert contrast_ratio(fg, bg) == pytest.approx(ratio, abs=0.01)
    assert contrast_ratio(bg, fg) == pytest.approx(ratio, abs=0.01)


THEME_BG, THEME_SIDEBAR = THEME["backgroundColor"], THEME["secondaryBackgroundColor"]
TEXT_ON_GROUND: dict[str, tuple[str, str]] = {
    "chart ink on paper": (INK_COLOUR, PAPER_COLOUR),
    "axis and legend labels on paper": (LABEL_COLOUR, PAPER_COLOUR),
    "body text on the page": (THEME["textColor"], THEME_BG),
    "body text in the sidebar": (THEME["textColor"], THEME_SIDEBAR),
    "captions on the page": (blend(THEME["textColor"], THEME_BG, CAPTION_OPACITY), THEME_BG),
    "captions in the sidebar": (
        blend(THEME["textColor"], THEME_SIDEBAR, CAPTION_OPACITY),
        THEME_SIDEBAR,
    ),
    "links on the page": (THEME["linkColor"], THEME_BG),
    "white on the accent": ("#FFFFFF", THEME["primaryColor"]),
}


@pytest.mark.parametrize("use", TEXT_ON_GROUND, ids=str)
def test_text_colours_reach_aa_on_their_ground(use: str) -> None:
    fg, bg = TEXT_ON_GROUND[use]
    assert contrast_ratio(fg, bg) >= AA_TEXT


@pytest.mark.parametrize("step", range(-50, 51))
def test_matrix_cell_labels_read_on_every_shade_of_the_ramp(step: int) -> None:
    background = diverging_colour(step / 50, 1.0)
    ink = cell_ink(background)
    assert ink in CELL_INKS
    assert contrast_ratio(ink, background) >= AA_TEXT


@pytest.mark.parametrize(
    "mark",
    [*FAMILY_COLOURS.values(), *CAMP_COLOURS, *PRECISION_COLOURS.values()],
)
def test_lines_and_dots_stand_out_from_the_paper(mark: str) -> None:
    assert contrast_ratio(mark, PAPER_COLOUR) >= NON_TEXT
