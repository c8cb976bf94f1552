"""Work around two citeproc-py 0.11 bugs that show in real references.

1. A ``cs:label`` prints even when its variable is empty, so Chicago adds a
   stray "Edition." to every newspaper article (citeproc-py issue #204, fix
   proposed in PR #207). The CSL specification says a label is rendered only
   when its variable is non-empty; :func:`apply` makes ``Label`` follow it.
2. When a work has no author, a style substitutes the title for the author
   and must then suppress the title in the rest of the entry. citeproc-py
   does not when the substitute is a macro, so the title appears twice.
   :func:`drop_repeated_title` removes the second copy from the output.

3. ``initialize="false"`` on ``cs:name`` is ignored whenever the style sets
   ``initialize-with``, so Chicago prints "Wishnick, E." for "Wishnick,
   Elizabeth". :func:`apply` makes ``Name.initialize`` honour it.

All are documented in docs/citations.md; drop them when citeproc-py is fixed.
"""

from __future__ import annotations

import re
from typing import Any

_applied = False


def apply() -> None:
    """Patch ``citeproc.model.Label`` once so an empty variable renders no label."""
    global _applied
    if _applied:
        return
    # citeproc-py is imported here, when a reference is first formatted, not with this module:
    # drop_repeated_title runs on every export, and an export whose references are all in the
    # cache never needs citeproc-py at all.
    from citeproc.model import Label, Name

    original = Label.process

    def process(
        self: Label,
        item: Any,
        variable: str | None = None,
        plural: bool | None = None,
        context: Any = None,
        **kwargs: Any,
    ) -> Any:
        name = variable or self.get("variable")
        if name and name != "locator" and not _has_variable(item, name):
            return None
        return original(self, item, variable=variable, plural=plural, context=context, **kwargs)

    Label.process = process

    original_initialize = Name.initialize

    def initialize(self: Name, given: str, mark: str, context: Any) -> Any:
        if self.get("initialize") == "false":
            return given
        return original_initialize(self, given, mark, context)

    Name.initialize = initialize
    _applied = True


def _has_variable(item: Any, name: str) -> bool:
    from citeproc.source import VariableError

    try:
        value = item.reference[name.replace("-", "_")]
    except (KeyError, VariableError):
        return False
    return value not in (None, "")


def drop_repeated_title(markup: str, title: str) -> str:
    """Remove a second rendering of *title* from an entry (the substituted author repeated).

    The comparison ignores case and typographic quotes, since styles
    title-case and quote titles; the first copy and everything else stay.
    """
    words = re.findall(r"\w+", title)
    if len(words) < 2:
        return markup
    # Two copies hold two separate matches of each word, under the same flags: most entries have one
    # copy, and this short pattern says so without compiling the long one (milliseconds per entry).
    longest = max(words, key=len)
    if len(re.findall(re.escape(longest), markup, re.IGNORECASE)) < 2:
        return markup
    return drop_second_copy(markup, words)


def drop_second_copy(markup: str, words: list[str]) -> str:
    """Remove the second copy of the title made of *words* from *markup*, if it has two (see drop_repeated_title)."""
    gap = r"[\W_]+(?:<[^>]+>)*"
    body = gap.join(re.escape(w) for w in words)
    copy = re.compile(r"(?:<i>|“|\")?" + body + r"(?:[)\]”’\"]|</i>)*[.,]?\s*", re.IGNORECASE)
    matches = list(copy.finditer(markup))
    if len(matches) < 2:
        return markup
    second = matches[1]
    return (markup[: second.start()] + markup[second.end() :]).strip()
