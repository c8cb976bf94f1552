"""Make a new template of the user's as a copy of another, optionally on a PowerPoint master.

The CLI's ``template new`` and the app's "new template from a master" both
call :func:`new_template`, so both refuse the same names and leave behind
only a copy that loads.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from sinoru_brief.errors import Problem, TemplateError
from sinoru_brief.theme.loader import (
    TEMPLATE_FILE,
    builtin_template_names,
    load_theme,
    resolve_template,
    user_templates_dir,
)
from sinoru_brief.theme.master import load_master
from sinoru_brief.theme.names import NAME_HINT, is_template_name
from sinoru_brief.theme.writer import MASTER_FILE

__all__ = ["NAME_HINT", "is_template_name", "new_template"]


def new_template(name: str, source: str, master: Path | None = None, folder: Path | None = None) -> Path:
    """Copy the template *source* to a new template *name* in *folder* (default: the user's templates folder).

    The copy's ``name:`` is set to *name*; with *master*, the file is checked,
    copied in as ``master.pptx`` and named in ``template.yaml``. Raises
    :class:`TemplateError` for a bad name, an existing template or a bad master.
    """
    if not is_template_name(name):
        raise TemplateError(Problem(None, f"'{name}' cannot name a template", hint=NAME_HINT))
    if name in builtin_template_names():
        raise TemplateError(
            Problem(
                None,
                f"'{name}' is the name of a built-in template",
                hint="choose another name: built-in names always mean the built-in template",
            )
        )
    origin = resolve_template(source).resolve()
    if master is not None:
        load_master(master)  # refuse a bad master before anything is written
    target = (folder or user_templates_dir()) / name
    if target.exists():
        raise TemplateError(
            Problem(
                target,
                "a template of this name already exists",
                hint="choose another name, or delete that folder first",
            )
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copytree(origin, target)
    try:
        text = (target / TEMPLATE_FILE).read_text(encoding="utf-8")
        text, count = re.subn(r"(?m)^name:.*$", f"name: {_yaml_text(name)}", text, count=1)
        if not count:
            text = f"name: {_yaml_text(name)}\n" + text
        if master is not None:
            shutil.copyfile(master, target / MASTER_FILE)
            text = re.sub(r"(?m)^master:.*\n", "", text) + f"master: {MASTER_FILE}\n"
        (target / TEMPLATE_FILE).write_text(text, encoding="utf-8")
        load_theme(target)  # the copy must load, or it is not left behind
    except BaseException:
        shutil.rmtree(target, ignore_errors=True)
        raise
    return target


def _yaml_text(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
