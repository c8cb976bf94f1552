"""Templates: the look of a deck, and the user's own PowerPoint master it may be built on."""

from sinoru_brief.theme.loader import (
    builtin_template_names,
    load_theme,
    user_template_names,
    user_templates_dir,
)
from sinoru_brief.theme.mapping import LayoutMapping, mapping
from sinoru_brief.theme.master import MasterTemplate, load_master
from sinoru_brief.theme.master_look import theme_with_master
from sinoru_brief.theme.model import Theme

__all__ = [
    "LayoutMapping",
    "MasterTemplate",
    "Theme",
    "builtin_template_names",
    "load_master",
    "load_theme",
    "mapping",
    "theme_with_master",
    "user_template_names",
    "user_templates_dir",
]
