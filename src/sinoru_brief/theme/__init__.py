"""Templates: the look of a deck."""

from sinoru_brief.theme.loader import builtin_template_names, load_theme
from sinoru_brief.theme.model import Theme

__all__ = ["Theme", "builtin_template_names", "load_theme"]
