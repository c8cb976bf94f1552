"""Renderers: draw laid-out pages as PowerPoint (``render.pptx``) or as images (``render.qt``)."""
