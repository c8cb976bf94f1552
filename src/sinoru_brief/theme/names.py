"""What may name a template: one rule for a template file's ``name:``, a new template's folder and a look-up by name."""

from __future__ import annotations

import re

#: The characters of a template name: it becomes a folder name on every system.
NAME_PATTERN = r"[A-Za-z0-9][A-Za-z0-9 _.-]*"
MAX_NAME_LENGTH = 80
#: How to write a name that :func:`is_template_name` refuses.
NAME_HINT = "use up to 80 letters, digits, spaces, dots, dashes and underscores, starting with a letter or digit"
_NAME = re.compile(NAME_PATTERN)


def is_template_name(name: str) -> bool:
    """Return whether *name* may name a template (and so a folder, joined safely to another)."""
    return len(name) <= MAX_NAME_LENGTH and _NAME.fullmatch(name) is not None and ".." not in name
