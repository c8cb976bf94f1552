"""Load the content library: cited sources and the topics built on them."""

from sinoru_brief.content.loader import load_library
from sinoru_brief.content.models import DEPTHS, Bullet, Library, Slide, Source, Topic

__all__ = ["DEPTHS", "Bullet", "Library", "Slide", "Source", "Topic", "load_library"]
