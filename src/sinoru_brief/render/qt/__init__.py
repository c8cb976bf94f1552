"""Draw laid-out pages with Qt: the preview shows exactly the boxes and lines the .pptx holds.

This is the only part of the program besides ``sinoru_brief.app`` that imports
PySide6. :func:`render_page` draws one page to a ``QImage``;
:func:`sinoru_brief.render.qt.images.write_pngs` writes pages as PNG files.
"""

from sinoru_brief.render.qt.painter import paint_page, render_page

__all__ = ["paint_page", "render_page"]
