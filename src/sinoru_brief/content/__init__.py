"""Load the content library: cited sources and the topics built on them, from one library folder or several."""

from sinoru_brief.content.libraries import LoadedLibraries, load_libraries, load_libraries_leniently
from sinoru_brief.content.loader import load_library
from sinoru_brief.content.models import DEPTHS, Bullet, Library, Slide, Source, Topic

__all__ = [
    "DEPTHS",
    "Bullet",
    "Library",
    "LoadedLibraries",
    "Slide",
    "Source",
    "Topic",
    "load_libraries",
    "load_libraries_leniently",
    "load_library",
]
