"""Write CSL items as YAML in the layout of ``content/sources.yaml``: one key a line, names and dates inline."""

from __future__ import annotations

from typing import Any

import yaml

from sinoru_brief.sources.variables import KEY_ORDER

# No line is folded: a folded title would read back the same, but not look like the rest of the file.
_NO_FOLDING = 1_000_000


def inline(value: Any) -> str:
    """Return *value* as one line of YAML flow syntax that reads back as *value*."""
    text = yaml.safe_dump([value], default_flow_style=True, allow_unicode=True, width=_NO_FOLDING, sort_keys=False)
    return text.strip()[1:-1].strip()


def entry_yaml(csl: dict[str, Any]) -> str:
    """Return one sources.yaml entry, ``- id: ...`` then each key on its own line, ending in a newline."""
    keys = [k for k in KEY_ORDER if k in csl] + sorted(k for k in csl if k not in KEY_ORDER)
    lines = []
    for index, key in enumerate(keys):
        value = csl[key]
        lead = "- " if index == 0 else "  "
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            lines.append(f"{lead}{inline(key)}:")
            lines.extend(f"    - {inline(v)}" for v in value)  # one name a line, as our sources are written
        else:
            lines.append(f"{lead}{inline(key)}: {inline(value)}")
    return "\n".join(lines) + "\n"


def entries_yaml(items: list[dict[str, Any]]) -> str:
    """Return *items* as sources.yaml entries separated by blank lines."""
    return "\n".join(entry_yaml(item) for item in items)
