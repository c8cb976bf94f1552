"""The look of a deck: slide size, colours, fonts, sizes and generated-text snippets."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sinoru_brief.font_files import DEFAULT_EAST_ASIAN_FONT
from sinoru_brief.hashing import hash_once
from sinoru_brief.theme.master import MasterTemplate
from sinoru_brief.units import Emu, Pt


@dataclass(frozen=True)
class Colors:
    """Colours as ``RRGGBB`` hex strings."""

    background: str
    title: str
    text: str
    accent: str
    muted: str
    rule: str
    panel: str
    chart: tuple[str, ...]


@dataclass(frozen=True)
class Fonts:
    """Font names written into the .pptx; layout measures them with metric-compatible files."""

    heading: str
    body: str
    east_asian: str = DEFAULT_EAST_ASIAN_FONT


@dataclass(frozen=True)
class SizeRange:
    """A preferred font size and the smallest the layout may shrink it to, in points."""

    size: Pt
    minimum: Pt

    def __post_init__(self) -> None:
        if self.minimum > self.size:
            raise ValueError(f"minimum {self.minimum} is larger than size {self.size}")


@dataclass(frozen=True)
class Sizes:
    """Font sizes per text role: a preferred size and a floor each, and the footer's fixed size."""

    title: SizeRange
    body: SizeRange
    sub: SizeRange
    quote: SizeRange
    table: SizeRange
    source: SizeRange
    reference: SizeRange
    footer: Pt
    deck_title: SizeRange
    section_title: SizeRange


@dataclass(frozen=True)
class Banner:
    """A classification banner: text on a coloured strip at the top and bottom of every slide."""

    text: str
    color: str
    text_color: str


#: A deck that closes with its full references: reference slides in the citation style, paginated.
FULL_REFERENCES = "full"
#: A deck that closes with a Sources slide: one compact entry per source, the full references in its notes.
SOURCES_SLIDE = "sources"
REFERENCE_FORMS = (FULL_REFERENCES, SOURCES_SLIDE)


@dataclass(frozen=True)
class Structure:
    """How the composer arranges a deck: which topics get a section divider, and how the deck closes.

    A divider before a topic of one or two slides adds a slide and says
    nothing the agenda does not; it is worth its place only before a run of
    slides. ``section_min_slides`` is that run's shortest length (1: every
    topic gets one).

    ``references`` pairs each depth with how the deck cites its sources at
    the end: the full reference list, or a Sources slide (what an executive
    brief closes with, so it stays short). A depth not named gets the full
    references.
    """

    section_min_slides: int = 3
    references: tuple[tuple[str, str], ...] = (
        ("key", SOURCES_SLIDE),
        ("standard", FULL_REFERENCES),
        ("full", FULL_REFERENCES),
    )

    def reference_form(self, depth: str) -> str:
        """Return how a deck of *depth* closes: :data:`FULL_REFERENCES` or :data:`SOURCES_SLIDE`."""
        return dict(self.references).get(depth, FULL_REFERENCES)


@dataclass(frozen=True)
class Snippets:
    """Jinja2 templates for the text the composer generates."""

    title_subtitle: str = "{{ brief.subtitle }}"
    title_byline: str = "{{ brief.author }}{% if brief.author %} · {% endif %}{{ brief.date }}"
    title_organisation: str = "{{ brief.organisation }}"
    title_presenter: str = "{% if brief.presenter %}Presented by {{ brief.presenter }}{% endif %}"
    title_classification: str = "{{ brief.classification }}"
    agenda_heading: str = "Agenda"
    references_heading: str = "References"
    sources_heading: str = "Sources"
    closing_title: str = "Questions and discussion"
    closing_text: str = "{{ brief.title }}"
    footer: str = "{{ brief.title }}"
    as_of: str = "Information as of {{ as_of }}"
    notes: str = "{{ notes }}\n\n{% if references %}Sources:\n{{ references }}{% endif %}"


@hash_once
@dataclass(frozen=True)
class Theme:
    """Everything a template decides about how slides look."""

    name: str
    label: str
    width: Emu
    height: Emu
    colors: Colors
    fonts: Fonts
    sizes: Sizes
    margin_left: Emu
    margin_right: Emu
    margin_top: Emu
    margin_bottom: Emu
    line_spacing: float = 1.15
    paragraph_space: float = 0.45  # space before a top-level bullet, in lines
    banner: Banner | None = None
    logo: Path | None = None
    snippets: Snippets = field(default_factory=Snippets)
    structure: Structure = field(default_factory=Structure)
    folder: Path | None = None
    #: The organisation's PowerPoint master the deck is built on, or None for python-pptx's plain one.
    master: MasterTemplate | None = None
