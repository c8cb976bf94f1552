"""Render laid-out pages as native, editable PowerPoint."""

from sinoru_brief.render.pptx.writer import build_presentation, pptx_bytes, write_pptx

__all__ = ["build_presentation", "pptx_bytes", "write_pptx"]
