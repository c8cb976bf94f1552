"""Write small library folders of a user's own for tests: some sources, some topics, or both."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path


def source_yaml(source_id: str, title: str = "") -> str:
    """Return one CSL item as sources.yaml writes it (four lines, the id on the first)."""
    return (
        f"- id: {source_id}\n  type: report\n  title: {title or 'Report ' + source_id}\n"
        "  issued: {date-parts: [[2024, 6]]}\n"
    )


def topic_yaml(topic_id: str, slides: Mapping[str, Sequence[str]], order: int = 500) -> str:
    """Return a topic file with one bullets slide per entry of *slides* (slide id: the source ids it cites).

    The topic's id is on line 1; slide *n* (from 0) has its id on line ``7 + 7 * n``.
    """
    lines = [
        f"id: {topic_id}",
        f"title: Topic {topic_id}",
        f"summary: What {topic_id} is about.",
        "as_of: 2025-01-20",
        f"order: {order}",
        "slides:",
    ]
    for slide_id, cites in slides.items():
        lines += [
            f"  - id: {slide_id}",
            "    kind: bullets",
            f"    title: Slide {slide_id}",
            "    priority: 1",
            "    bullets:",
            f"      - {{text: A claim of {slide_id}., cite: [{', '.join(cites)}]}}",
            "    notes: What to say.",
        ]
    return "\n".join(lines) + "\n"


def write_library(
    root: Path, sources: Sequence[str] = (), topics: Mapping[str, Mapping[str, Sequence[str]]] | None = None
) -> Path:
    """Write a library folder at *root*: a sources.yaml when *sources* is given, topics/ when *topics* is."""
    root.mkdir(parents=True, exist_ok=True)
    if sources:
        (root / "sources.yaml").write_text("".join(source_yaml(s) for s in sources), encoding="utf-8")
    if topics:
        (root / "topics").mkdir(exist_ok=True)
        for topic_id, slides in topics.items():
            (root / "topics" / f"{topic_id}.yaml").write_text(topic_yaml(topic_id, slides), encoding="utf-8")
    return root
