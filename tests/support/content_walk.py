"""Walk a content library the way the content tests read it: every slide, every bullet and sub-bullet."""

from __future__ import annotations

from collections.abc import Iterator

from sinoru_brief.content.models import Bullet, Library, Slide


def every_bullet(bullets: tuple[Bullet, ...]) -> Iterator[Bullet]:
    """Yield each bullet, then its sub-bullets, in reading order."""
    for bullet in bullets:
        yield bullet
        yield from every_bullet(bullet.sub)


def library_slides(library: Library) -> list[Slide]:
    """Return every slide of every topic, in the library's order."""
    return [slide for topic in library.topics for slide in topic.slides]
