"""One colour-blind-safe palette, with a second carrier for every colour, shared by charts and map.

Families follow the blue/orange pair that reads under every common colour-vision deficiency
(Okabe & Ito 2008): cooperation is blue and drawn solid, conflict is orange/vermillion and
drawn dashed. Each tie type has a shade of its family's ColorBrewer ramp (darker = stronger)
and its own marker, so no reading depends on hue alone. The diverging net-score ramp runs
from conflict orange through a light grey at 0 to cooperation blue. The two camps (green and
magenta), the unaligned grey and the map's backdrop stay at least 20 ΔE apart under simulated
protanopia, deuteranopia and tritanopia, and so do the ramp's ends, its grey and the focus
yellow (tests/test_palette.py).
"""

from __future__ import annotations

from diplomap.model import TIE_SCORES, TIE_TYPES

COOPERATION = "cooperation"
CONFLICT = "conflict"
FAMILIES: tuple[str, str] = (COOPERATION, CONFLICT)

TIE_FAMILY: dict[str, str] = {t: COOPERATION if s > 0 else CONFLICT for t, s in TIE_SCORES.items()}

FAMILY_COLOURS: dict[str, str] = {COOPERATION: "#0072B2", CONFLICT: "#D55E00"}
FAMILY_DASHES: dict[str, list[int]] = {COOPERATION: [1, 0], CONFLICT: [6, 4]}

TIE_COLOURS: dict[str, str] = {
    "alliance": "#08519c",
    "aid": "#2171b5",
    "agreement": "#4292c6",
    "support": "#6baed6",
    "talks": "#9ecae1",
    "attack": "#7f2704",
    "sanction": "#a63603",
    "threat": "#d94801",
    "rejection": "#f16913",
    "accusation": "#fd8d3c",
}
TIE_DASHES: dict[str, list[int]] = {t: FAMILY_DASHES[f] for t, f in TIE_FAMILY.items()}
TIE_MARKERS: dict[str, str] = {
    "alliance": "circle",
    "aid": "square",
    "agreement": "diamond",
    "support": "triangle-up",
    "talks": "triangle-right",
    "attack": "cross",
    "sanction": "triangle-down",
    "threat": "triangle-left",
    "rejection": "wedge",
    "accusation": "arrow",
}
TIE_GLYPHS: dict[str, str] = {
    "alliance": "●",
    "aid": "■",
    "agreement": "◆",
    "support": "▲",
    "talks": "▶",
    "attack": "✖",
    "sanction": "▼",
    "threat": "◀",
    "rejection": "◗",
    "accusation": "➤",
}
TIE_ORDER: tuple[str, ...] = tuple(sorted(TIE_TYPES, key=lambda t: -TIE_SCORES[t]))

DIVERGING_SCHEME = "blueorange"
DIVERGING_SCHEME_REVERSED = True
DIVERGING_COLOURS: tuple[str, ...] = (
    "#a63603",
    "#f16913",
    "#fdae6b",
    "#f0f0f0",
    "#9ecae1",
    "#4292c6",
    "#08519c",
)

CAMP_COLOURS: tuple[str, str] = ("#1A9850", "#C2409E")
CAMP_SHAPES: tuple[str, str] = ("circle", "square")
UNALIGNED_COLOUR = "#999999"
UNALIGNED_SHAPE = "diamond"
FOCUS_COLOUR = "#E8D12A"
BACKDROP_COLOUR = "#e4e4e4"
BORDER_COLOUR = "#ffffff"
INK_COLOUR = "#222222"
LABEL_COLOUR = "#4D4D4D"
PAPER_COLOUR = "#FFFFFF"
CELL_INKS: tuple[str, str] = ("#000000", "#FFFFFF")

ACTOR_KIND_COLOURS: dict[str, str] = {
    "country": "#56B4E9",
    "person": "#E69F00",
    "organization": "#009E73",
    "company": "#F0E442",
    "agency": "#CC79A7",
    "media": "#999999",
}
ACTOR_KIND_UNDERLINES: dict[str, str] = {
    "country": "solid",
    "person": "dotted",
    "organization": "dashed",
    "company": "double",
    "agency": "wavy",
    "media": "none",
}

TIE_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "alliance": "alliance",
        "support": "support",
        "talks": "talks",
        "agreement": "agreement",
        "aid": "aid",
        "accusation": "accusation",
        "rejection": "rejection",
        "threat": "threat",
        "sanction": "sanction",
        "attack": "attack",
    },
    "id": {
        "alliance": "aliansi",
        "support": "dukungan",
        "talks": "perundingan",
        "agreement": "perjanjian",
        "aid": "bantuan",
        "accusation": "tuduhan",
        "rejection": "penolakan",
        "threat": "ancaman",
        "sanction": "sanksi",
        "attack": "serangan",
    },
}
FAMILY_LABELS: dict[str, dict[str, str]] = {
    "en": {COOPERATION: "cooperation", CONFLICT: "conflict"},
    "id": {COOPERATION: "kerja sama", CONFLICT: "konflik"},
}


def language(lang: str) -> str:
    """Any language code the dashboard passes, folded to one we have words for."""
    return "id" if str(lang).lower().startswith("id") else "en"


def tie_label(tie_type: str, lang: str = "en") -> str:
    """A tie type's name in the reader's language."""
    return TIE_LABELS[language(lang)].get(tie_type, tie_type)


def family_label(family: str, lang: str = "en") -> str:
    """A family's name in the reader's language."""
    return FAMILY_LABELS[language(lang)].get(family, family)


def hex_to_rgb(colour: str, alpha: int | None = None) -> list[int]:
    """'#rrggbb' as the [r, g, b(, a)] list deck.gl layers expect."""
    h = colour.lstrip("#")
    rgb = [int(h[i : i + 2], 16) for i in (0, 2, 4)]
    return [*rgb, alpha] if alpha is not None else rgb


def rgb_to_hex(rgb: list[int] | tuple[int, ...]) -> str:
    """[r, g, b] back to '#rrggbb'."""
    return "#" + "".join(f"{round(c):02x}" for c in rgb[:3])


def tint(colour: str, amount: float = 0.7) -> str:
    """The colour mixed toward white: backgrounds for highlighted text stay readable."""
    return rgb_to_hex([c + (255 - c) * amount for c in hex_to_rgb(colour)])


def diverging_domain(max_abs: float) -> list[float]:
    """Stops for DIVERGING_COLOURS, symmetric around 0 so 0 always sits on the neutral grey."""
    m = max(abs(max_abs), 1.0)
    n = len(DIVERGING_COLOURS) - 1
    return [round(-m + 2 * m * i / n, 6) + 0.0 for i in range(n + 1)]


def diverging_colour(value: float, max_abs: float) -> str:
    """The net-score ramp's colour at value, for places that colour in Python (the map)."""
    domain = diverging_domain(max_abs)
    value = min(max(value, domain[0]), domain[-1])
    for i in range(len(domain) - 1):
        lo, hi = domain[i], domain[i + 1]
        if value <= hi:
            f = (value - lo) / (hi - lo)
            a, b = hex_to_rgb(DIVERGING_COLOURS[i]), hex_to_rgb(DIVERGING_COLOURS[i + 1])
            return rgb_to_hex([x + (y - x) * f for x, y in zip(a, b, strict=True)])
    return DIVERGING_COLOURS[-1]


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of an sRGB colour, 0 (black) to 1 (white)."""
    linear = [c / 255 for c in hex_to_rgb(colour)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in linear)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio between two colours, 1 to 21; text needs 4.5."""
    light, dark = sorted((relative_luminance(foreground), relative_luminance(background)))[::-1]
    return (light + 0.05) / (dark + 0.05)


def cell_ink(background: str) -> str:
    """Black or white, whichever reads better on a filled cell: one of them always reaches 4.5:1."""
    return max(CELL_INKS, key=lambda ink: contrast_ratio(ink, background))
