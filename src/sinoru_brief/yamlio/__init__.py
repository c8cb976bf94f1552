"""Read YAML safely while keeping where every value came from."""

from sinoru_brief.yamlio.marked import MarkedDocument, load_marked

__all__ = ["MarkedDocument", "load_marked"]
