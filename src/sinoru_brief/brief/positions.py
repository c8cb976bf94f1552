"""Where a bullet stands on a slide, as a brief's overrides name it.

``"2"`` is the third bullet, ``"2.0"`` its first sub-bullet.

The position is text because it is a key of the brief file's ``bullets:``
mapping; it is made, read and shown to the user only here.
"""

from __future__ import annotations


def bullet_position(index: int, sub: int | None = None) -> str:
    """Return the position of bullet *index* (0-based), or of its sub-bullet *sub*."""
    return str(index) if sub is None else f"{index}.{sub}"


def parse_position(key: str) -> tuple[int, ...] | None:
    """Return a position's indexes, (bullet,) or (bullet, sub-bullet), or None if *key* is not a position."""
    parts = key.split(".")
    if len(parts) > 2 or not all(part.isascii() and part.isdigit() for part in parts):
        return None
    return tuple(int(part) for part in parts)


def position_label(key: str) -> str:
    """Return a position as a user counts it: ``"0"`` is ``1``, ``"0.1"`` is ``1.2``."""
    indexes = parse_position(key)
    if indexes is None:
        raise ValueError(f"'{key}' is not a bullet position")
    return ".".join(str(i + 1) for i in indexes)
