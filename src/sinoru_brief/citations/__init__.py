"""Number citations by first use and format references through citeproc-py."""

from sinoru_brief.citations.formatting import Reference, ReferenceFormatter, resolve_style
from sinoru_brief.citations.numbering import Numbering

__all__ = ["Numbering", "Reference", "ReferenceFormatter", "resolve_style"]
