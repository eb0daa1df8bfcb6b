"""The JSON object the CLI prints and the dashboard offers for download (see the README)."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from diplomap.model import Analysis, Tie


def to_dict(analysis: Analysis) -> dict[str, Any]:
    """One JSON-ready object per article, in the shape the contract fixes."""
    a = analysis.article
    return {
        "article": {
            "id": a.id,
            "title": a.title,
            "language": a.language,
            "date": a.date.isoformat() if a.date else None,
            "date_source": a.date_source,
            "dateline": a.dateline,
            "source": a.source,
            "url": a.url,
            "text": a.text,
        },
        "countries": [
            {
                "iso3": c.iso3,
                "iso2": c.iso2,
                "name": c.name,
                "name_id": c.name_id,
                "mentions": c.mentions,
                "lat": c.lat,
                "lon": c.lon,
            }
            for c in analysis.countries
        ],
        "actors": [
            {
                "id": x.id,
                "name": x.name,
                "kind": x.kind,
                "country": x.country,
                "mentions": x.mentions,
            }
            for x in analysis.actors
        ],
        "mentions": [
            {
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "actor": m.actor,
                "kind": m.kind,
                "country": m.country,
                "sentence": m.sentence,
                "edited": m.edited,
            }
            for m in analysis.mentions
        ],
        "ties": [tie_dict(t) for t in analysis.ties],
        "events": [
            {
                "date": e.date,
                "precision": e.precision,
                "sentence": e.sentence,
                "countries": list(e.countries),
                "start": e.start,
                "end": e.end,
                "text": e.text,
            }
            for e in analysis.events
        ],
        "camps": {
            "poles": list(analysis.camps.poles) if analysis.camps.poles else None,
            "camp": analysis.camps.camp,
            "position": analysis.camps.position,
        },
        "sentences": [
            {"index": s.index, "start": s.start, "end": s.end} for s in analysis.sentences
        ],
        "warnings": list(analysis.warnings),
        "notes": [{"sentence": n.sentence, "text": n.text} for n in analysis.notes],
        "corrections": {
            "file": PurePath(analysis.corrections_path).name if analysis.corrections_path else None,
            "errors": list(analysis.corrections_errors),
        },
    }


def tie_dict(tie: Tie) -> dict[str, Any]:
    """A tie with its evidence; each evidence keeps its own direction and cue offsets."""
    return {
        "source": tie.source,
        "target": tie.target,
        "type": tie.type,
        "directed": tie.directed,
        "score": tie.score,
        "edited": tie.edited,
        "evidence": [
            {
                "sentence": e.sentence,
                "cue": e.cue,
                "start": e.start,
                "end": e.end,
                "source": e.source,
                "target": e.target,
                "negated": e.negated,
            }
            for e in tie.evidence
        ],
    }
