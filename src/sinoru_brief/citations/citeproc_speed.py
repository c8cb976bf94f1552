"""Memoise citeproc-py's look-ups of a style's macros, which cost most of the time of formatting a reference.

citeproc-py finds a macro by name with an XPath query over the whole style
every time an element refers to one (``CitationStylesElement.get_macro``),
and asks a macro whether it calls a variable by walking all of its
descendants (``Macro.calls_variable``), again on every use. Both answers
depend on the style alone, which never changes once parsed, yet a Chicago
entry asks them about 350 times: these look-ups took two thirds of the time
to format a reference (cProfile, the 69 references of the built-in library).

:func:`apply` keeps both answers on the style's root element. citeproc-py
keeps its own state there too (the output formatter), and the element is
held by the parsed style for as long as the style lives, so the answers live
and die with the style. A changed style file is parsed into a new style
object (see ``formatting._load_style``), with an empty memo.
"""

from __future__ import annotations

from typing import Any

_applied = False
_MACROS = "_sinoru_macros"
_CALLS_VARIABLE = "_sinoru_calls_variable"


def apply() -> None:
    """Patch citeproc-py's macro look-ups, once, to remember their answers per style."""
    global _applied
    if _applied:
        return
    from citeproc.model import CitationStylesElement, Macro  # only once a reference is formatted

    find_macro = CitationStylesElement.get_macro
    calls_variable = Macro.calls_variable

    def get_macro(self: CitationStylesElement, name: str) -> Any:
        root = self.get_root()
        macros = root.__dict__.get(_MACROS)
        if macros is None:
            macros = root.__dict__[_MACROS] = {}
        macro = macros.get(name)
        if macro is None:
            # Holding the macro element keeps its Python proxy alive, so the
            # answer memoised on it below stays with it.
            macro = macros[name] = find_macro(self, name)
        return macro

    def macro_calls_variable(self: Macro) -> bool:
        answer: bool | None = self.__dict__.get(_CALLS_VARIABLE)
        if answer is None:
            answer = self.__dict__[_CALLS_VARIABLE] = bool(calls_variable(self))
        return answer

    CitationStylesElement.get_macro = get_macro
    Macro.calls_variable = macro_calls_variable
    _applied = True
