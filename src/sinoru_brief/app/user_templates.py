"""The user's own templates on disk: name, save, delete, and make one from a PowerPoint master.

Plain Python (no Qt): the window asks the questions, this module does the
file work and raises :class:`TemplateError` with a message the user can act on.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from pathlib import Path

from sinoru_brief.errors import Problem, TemplateError
from sinoru_brief.theme import MasterTemplate, Theme, builtin_template_names, user_template_names, user_templates_dir
from sinoru_brief.theme.copying import is_template_name, new_template
from sinoru_brief.theme.writer import save_theme


def name_problem(name: str) -> str:
    """Return why *name* cannot name a new template of the user's, or "" if it can."""
    if not is_template_name(name):
        return "Use up to 80 letters, digits, spaces, dots, dashes and underscores, starting with a letter or digit."
    if name in builtin_template_names():
        return f"“{name}” is a built-in template; choose another name."
    return ""


def unique_name(wanted: str) -> str:
    """Return *wanted* made into a valid template name that no template has yet ("name 2" if taken)."""
    stem = re.sub(r"[^A-Za-z0-9 _.-]+", "-", wanted).strip(" ._-")[:72].rstrip(" ._-") or "template"
    stem = stem.replace("..", ".")
    taken = set(builtin_template_names()) | set(user_template_names())
    name, number = stem, 2
    while name in taken or (user_templates_dir() / name).exists():
        name, number = f"{stem} {number}", number + 1
    return name


def save_look(theme: Theme, name: str, replace_existing: bool = False) -> Theme:
    """Save *theme* as the user's template *name* (its label too); return it loaded back from disk."""
    problem = name_problem(name)
    if problem:
        raise TemplateError(Problem(None, f"'{name}' cannot name a template", hint=problem))
    return save_theme(replace(theme, name=name, label=name), user_templates_dir() / name, replace_existing)


def delete_template(name: str) -> None:
    """Delete the user's template *name*; built-in templates and anything outside the folder are refused."""
    root = user_templates_dir().resolve()
    folder = (root / name).resolve()
    if name in builtin_template_names() or name not in user_template_names() or folder.parent != root:
        raise TemplateError(
            Problem(
                None,
                f"'{name}' is not one of your templates, so it is not deleted",
                hint="only templates you saved can be deleted; built-in ones always stay",
            )
        )
    shutil.rmtree(folder)


def template_from_master(master: MasterTemplate, source: str, look: Theme | None = None) -> str:
    """Make a user template on *master*, named after its file; return the name.

    It is a copy of the template *source* with the master added, or, when
    the deck's look was edited (*look*), that look saved with the master.
    """
    name = unique_name(Path(master.path).stem)
    if look is None:
        new_template(name, source, master=master.path)
    else:
        save_look(replace(look, master=master), name)
    return name
