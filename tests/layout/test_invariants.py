"""The layout invariants hold for every look, master, banner, logo and generated text.

Each example builds a small library of generated slides (one very long
bullet or many short ones, Chinese and Russian text, unbreakable URLs, many
citations on one claim, long titles, a timeline, a table, a quote and a
comparison), lays it out on one of the built-in looks, alone or on one of the
sample masters, with or without a banner and a logo, and asserts
:func:`check_pages` finds nothing. It then writes the .pptx and reads it back:
every slide's text in the export equals the text the preview draws.
"""

from __future__ import annotations

import atexit
import datetime as dt
import functools
import io
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from sinoru_brief import pipeline
from sinoru_brief.brief import Brief
from sinoru_brief.compose import compose
from sinoru_brief.content.models import (
    Bullet,
    Column,
    KeyFigure,
    Library,
    PartialDate,
    Slide,
    Source,
    TableRow,
    TimelineEvent,
    Topic,
)
from sinoru_brief.layout import layout_deck
from sinoru_brief.layout.invariants import check_pages, master_chrome
from sinoru_brief.layout.pages import Page, TableFrame, TextFrame
from sinoru_brief.theme import load_theme
from sinoru_brief.theme.model import Banner

MASTERS = sorted((Path(__file__).parents[1] / "data" / "pptx-templates").glob("*.pptx"))
LOOKS = ("briefing", "academic", "plain")


@functools.cache
def _logo() -> Path:
    """Return a logo drawn once per process, in a folder of that process's own.

    Not in the checkout: test processes run side by side (pytest-xdist), and
    one could read the file while another is still writing it.
    """
    from PIL import Image

    folder = Path(tempfile.mkdtemp(prefix="sinoru-test-logo-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    path = folder / "logo.png"
    Image.new("RGB", (240, 120), (20, 60, 120)).save(path)
    return path


@functools.cache
def _theme(look: str, master: str | None, banner: bool, logo: bool):
    theme = load_theme(look, master=master)
    return replace(
        theme,
        banner=Banner("SECRET // REL TO USA, GBR, AUS, CAN, NZL", "C00000", "FFFFFF") if banner else None,
        logo=_logo() if logo else None,
    )


_LATIN = st.text(
    alphabet=st.characters(whitelist_categories=("Lu", "Ll", "Nd"), max_codepoint=0x24F), min_size=1, max_size=14
)
_CYRILLIC = st.text(alphabet=st.characters(min_codepoint=0x0410, max_codepoint=0x044F), min_size=1, max_size=14)
_CJK = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=1, max_size=20)
_URL = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-/._", min_size=10, max_size=120).map(
    lambda s: "https://www.example.org/" + s
)
_TOKEN = st.one_of(
    _LATIN,
    _LATIN,
    _LATIN,
    _CYRILLIC,
    _CJK,
    _URL,
    st.sampled_from(["—", "well-known", "“quoted”", "(see note)", "1,234", "90%", "2024–2025"]),
)


def _text(max_words: int) -> st.SearchStrategy[str]:
    return st.lists(_TOKEN, min_size=1, max_size=max_words).map(" ".join)


_TITLE = st.one_of(_text(4), _text(25).map(lambda s: s[:160]))
_SOURCES = [f"s{i}" for i in range(12)]
_CITES = st.lists(st.sampled_from(_SOURCES), min_size=1, max_size=12, unique=True).map(tuple)


@st.composite
def _bullets(draw) -> tuple[Bullet, ...]:
    if draw(st.booleans()):  # one very long bullet, reworded at length
        return (Bullet(text=draw(_text(260)), cite=draw(_CITES)),)
    return tuple(
        Bullet(
            text=draw(_text(12)),
            cite=draw(_CITES),
            sub=tuple(Bullet(text=draw(_text(10)), cite=draw(_CITES)) for _ in range(draw(st.integers(0, 2)))),
        )
        for _ in range(draw(st.integers(1, 14)))
    )


@st.composite
def _library(draw) -> Library:
    slides = [
        Slide(
            id="bullets",
            kind="bullets",
            title=draw(_TITLE),
            priority=1,
            notes="n",
            topic_id="t",
            bullets=draw(_bullets()),
        )
    ]
    kinds = draw(
        st.sets(
            st.sampled_from(["timeline", "table", "quote", "comparison", "key_judgments", "key_figures"]), max_size=2
        )
    )
    if "timeline" in kinds:
        dates = draw(st.lists(st.tuples(st.integers(2014, 2025), st.integers(1, 12)), min_size=1, max_size=10))
        slides.append(
            Slide(
                id="timeline",
                kind="timeline",
                title=draw(_TITLE),
                priority=1,
                notes="n",
                topic_id="t",
                events=tuple(TimelineEvent(PartialDate(y, m), draw(_text(14)), draw(_CITES)) for y, m in dates),
            )
        )
    if "table" in kinds:
        rows = tuple(
            TableRow(cells=(draw(_text(3)), draw(_text(30)), draw(_text(2)))[:3], cite=draw(_CITES))
            for _ in range(draw(st.integers(1, 12)))
        )
        slides.append(
            Slide(
                id="table",
                kind="table",
                title=draw(_TITLE),
                priority=1,
                notes="n",
                topic_id="t",
                columns=("Name", "What", "When"),
                rows=rows,
            )
        )
    if "quote" in kinds:
        slides.append(
            Slide(
                id="quote",
                kind="quote",
                title=draw(_TITLE),
                priority=1,
                notes="n",
                topic_id="t",
                quote=draw(_text(80)),
                attribution=draw(_text(8)),
                context=draw(_text(20)),
                cite=draw(_CITES),
            )
        )
    if "comparison" in kinds:
        sides = tuple(Column(heading=draw(_text(6)), bullets=draw(_bullets())) for _ in range(2))
        slides.append(
            Slide(
                id="comparison", kind="comparison", title=draw(_TITLE), priority=1, notes="n", topic_id="t", sides=sides
            )
        )
    if "key_judgments" in kinds:
        slides.append(
            Slide(
                id="judgments",
                kind="key_judgments",
                title=draw(_TITLE),
                priority=1,
                notes="n",
                topic_id="t",
                bullets=draw(_bullets()),
            )
        )
    if "key_figures" in kinds:  # a brief's own slide kind; values as users write them, labels long and in any script
        value = st.one_of(
            st.sampled_from(["78%", "$245 bn", "96%", "1,234", "2024–2025", "¥1.7 трлн"]),
            _text(3).map(lambda s: s[:24]),
        )
        figures = tuple(
            KeyFigure(draw(value), draw(_text(25)), draw(st.sampled_from([(), *[(s,) for s in _SOURCES]])))
            for _ in range(draw(st.integers(1, 3)))
        )
        slides.append(
            Slide(
                id="figures",
                kind="key_figures",
                title=draw(_TITLE),
                priority=1,
                notes="n",
                topic_id="t",
                figures=figures,
            )
        )
    sources = {
        s: Source(
            id=s,
            csl={
                "id": s,
                "type": "webpage",
                "title": f"Source {s} " + draw(_text(6)),
                "URL": f"https://example.org/{s}",
            },
        )
        for s in _SOURCES
    }
    topic = Topic(
        id="t", title=draw(_TITLE), summary=draw(_text(30)), as_of=dt.date(2025, 1, 1), order=1, slides=tuple(slides)
    )
    return Library(sources=sources, topics=[topic])


_THEMES = st.tuples(st.sampled_from(LOOKS), st.sampled_from([None, *map(str, MASTERS)]), st.booleans(), st.booleans())


@settings(max_examples=45, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(library=_library(), theme_key=_THEMES, deck_title=_TITLE)
def test_layout_invariants_hold_for_generated_decks(library, theme_key, deck_title):
    theme = _theme(*theme_key)
    brief = Brief(title=deck_title, topics=["t"], depth="full", date=dt.date(2025, 2, 1))
    deck = compose(library, brief, theme.snippets)
    pages = layout_deck(deck, theme)
    problems = check_pages(pages, master_chrome(theme))
    assert not problems, "\n".join(map(str, problems[:10]))
    # The export says what the preview draws, slide by slide.
    exported = Presentation(io.BytesIO(pipeline.render_pptx(pipeline.Build(library, theme, deck, pages))))
    assert len(exported.slides) == len(pages)
    for page, slide in zip(pages, exported.slides, strict=True):
        assert sorted(_exported_text(slide)) == sorted(_drawn_text(page)), page.key


def _drawn_text(page: Page) -> list[str]:
    """Return the text of every paragraph the preview draws on *page*, from its lines."""
    out = []
    for box in page.boxes:
        if isinstance(box, TextFrame):
            out.extend("".join(s.text for line in p.lines for s in line.spans) for p in box.paragraphs)
        elif isinstance(box, TableFrame):
            out.extend(
                "".join(s.text for line in p.lines for s in line.spans)
                for row in box.rows
                for cell in row
                for p in cell.paragraphs
            )
    return [t for t in out if t]


def _exported_text(slide) -> list[str]:
    """Return the text of every paragraph in an exported slide's text boxes and tables, in groups too (a timeline)."""
    out = []
    shapes = list(slide.shapes)
    while shapes:
        shape = shapes.pop(0)
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            shapes[:0] = list(shape.shapes)
        elif shape.has_text_frame:
            out.extend(p.text for p in shape.text_frame.paragraphs)
        elif getattr(shape, "has_table", False) and shape.has_table:
            out.extend(p.text for row in shape.table.rows for cell in row.cells for p in cell.text_frame.paragraphs)
    return [t.replace("\x0b", "\n") for t in out if t]


@pytest.mark.parametrize("master", [None, "pandoc__default-reference.pptx"])
def test_a_long_reworded_bullet_shrinks_then_continues_at_a_line_break(master):
    """The reported case: banner on, a user master, one bullet reworded to hundreds of characters."""
    path = str(MASTERS[0].parent / master) if master else None
    theme = _theme("briefing", path, True, False)
    long = (
        "Beijing and Moscow keep coordinating their positions on many issues while stopping well short of an alliance, "
    ) * 30
    topic = Topic(
        id="t",
        title="T",
        summary="s",
        as_of=dt.date(2025, 1, 1),
        order=1,
        slides=(
            Slide(
                id="p",
                kind="bullets",
                title="Long",
                priority=1,
                notes="n",
                topic_id="t",
                bullets=(Bullet(text=long, cite=("s0",)), Bullet(text="A short second point.", cite=("s1",))),
            ),
        ),
    )
    library = Library(
        sources={s: Source(id=s, csl={"id": s, "type": "webpage", "title": s}) for s in ("s0", "s1")}, topics=[topic]
    )
    pages = [
        p
        for p in layout_deck(compose(library, Brief(topics=["t"], depth="full"), theme.snippets), theme)
        if p.key == "p"
    ]
    assert not check_pages(pages)
    assert len(pages) >= 2
    bodies = [next(f for f in p.text_frames() if f.role == "body") for p in pages]
    # Shrinking is tried first (more pages only because even the floor cannot hold the claim), and the
    # pages then share the largest size at which that many pages suffice.
    sizes = {s.size for f in bodies for p in f.paragraphs if p.level == 0 for s in p.spans if not s.superscript}
    assert len(sizes) == 1 and theme.sizes.body.minimum <= sizes.pop() <= theme.sizes.body.size
    # Then split at line breaks: the claim starts with its bullet, continues without one, and nothing is lost.
    pieces = [f.paragraphs[0] for f in bodies]
    assert pieces[0].bullet and not any(p.bullet for p in pieces[1:])
    assert "".join(p.text for p in pieces).startswith(" ".join(long.split()))
    assert bodies[-1].paragraphs[-1].text.startswith("A short second point.")
    assert [p.continued for p in pages] == list(range(len(pages)))
    # Every page names the long claim's source.
    for page in pages:
        assert "Sources: 1" in next(f for f in page.text_frames() if f.role == "source").text
