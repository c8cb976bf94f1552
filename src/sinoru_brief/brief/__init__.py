"""The user's choices for a deck, kept in a ``.brief.yaml`` file."""

from sinoru_brief.brief.io import BRIEF_SUFFIX, load_brief, reconciled, save_brief
from sinoru_brief.brief.model import Brief, BriefBullet, BriefFigure, CustomSlide, SlideOverride

__all__ = [
    "BRIEF_SUFFIX",
    "Brief",
    "BriefBullet",
    "BriefFigure",
    "CustomSlide",
    "SlideOverride",
    "load_brief",
    "reconciled",
    "save_brief",
]
