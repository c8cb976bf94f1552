"""One or two numbers are set as key figures, not spent on a chart; more stay a native chart."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sinoru_brief.brief import Brief
from sinoru_brief.compose import compose
from sinoru_brief.content.models import Bullet, Chart, ChartSeries, Library, Slide, Source, Topic
from sinoru_brief.layout import layout_deck
from sinoru_brief.layout.invariants import check_pages, master_chrome
from sinoru_brief.layout.pages import ChartFrame


def _pages(chart: Chart, theme):
    slide = Slide(id="c", kind="chart", title="Shares", priority=1, notes="n", topic_id="t", chart=chart, cite=("s",))
    topic = Topic(id="t", title="T", summary="s", as_of=dt.date(2025, 1, 1), order=1, slides=(slide,))
    library = Library(sources={"s": Source(id="s", csl={"id": "s", "type": "webpage", "title": "S"})}, topics=[topic])
    pages = layout_deck(compose(library, Brief(topics=["t"], depth="full"), theme.snippets), theme)
    return [p for p in pages if p.key == "c"]


@pytest.mark.parametrize("values", [(78.0,), (78.0, 96.0)])
def test_one_or_two_values_become_key_figures(theme, values):
    chart = Chart(
        type="column",
        categories=("Semiconductors", "Smart cards")[: len(values)],
        series=(ChartSeries("Share of imports from China", values),),
        unit="percent",
    )
    (page,) = _pages(chart, theme)
    assert not check_pages([page])
    assert not [b for b in page.boxes if isinstance(b, ChartFrame)]
    figures = [f.text for f in page.text_frames() if f.role == "figure"]
    labels = [f.text for f in page.text_frames() if f.role == "figure-label"]
    assert figures == [f"{v:.0f}%" for v in values] and labels == list(chart.categories)
    caption = next(f for f in page.text_frames() if f.role == "caption")
    assert caption.text.startswith("Share of imports from China") and caption.paragraphs[0].spans[-1].superscript


def test_three_values_or_a_pie_stay_a_chart(theme):
    three = Chart(type="bar", categories=("a", "b", "c"), series=(ChartSeries("s", (1.0, 2.0, 3.0)),))
    pie = Chart(type="pie", categories=("a", "b"), series=(ChartSeries("s", (40.0, 60.0)),), unit="percent")
    for chart in (three, pie):
        (page,) = _pages(chart, theme)
        assert [b for b in page.boxes if isinstance(b, ChartFrame)]


# ------------------------------------------------------- a brief's own key-figures slides

_MASTER = str(Path(__file__).parents[1] / "data" / "pptx-templates" / "pandoc__default-reference.pptx")
_OWN_FIGURES = (
    ("78%", "of the trade is settled in roubles and yuan, a share that has grown every year", ("a",)),
    ("$245 bn", "bilateral trade in 2024 — 中俄贸易额", ("b", "a")),
    ("96%", "сделок в национальных валютах", ()),
)


def _own_figures_pages(figures, theme):
    """Lay out a deck with one library slide citing 'b' and the brief's key-figures slide after it."""
    from sinoru_brief.brief import BriefFigure, CustomSlide

    first = Slide(
        id="first",
        kind="bullets",
        title="First",
        priority=1,
        notes="n",
        topic_id="t",
        bullets=(Bullet("A claim", ("b",)),),
    )
    topic = Topic(id="t", title="T", summary="s", as_of=dt.date(2025, 1, 1), order=1, slides=(first,))
    library = Library(
        sources={s: Source(id=s, csl={"id": s, "type": "webpage", "title": f"Source {s}"}) for s in ("a", "b")},
        topics=[topic],
    )
    own = CustomSlide(
        id="own",
        after="first",
        kind="key_figures",
        title="Numbers",
        notes="Say them.",
        figures=[BriefFigure(v, label, list(cite)) for v, label, cite in figures],
    )
    deck = compose(library, Brief(topics=["t"], depth="full", custom_slides=[own]), theme.snippets)
    pages = layout_deck(deck, theme)
    return deck, pages, next(p for p in pages if p.key == "own")


@pytest.mark.parametrize("master", [None, _MASTER])
@pytest.mark.parametrize("look", ["briefing", "academic", "plain"])
@pytest.mark.parametrize("count", [1, 2, 3])
def test_own_key_figures_are_set_side_by_side_with_their_markers(look, master, count):
    from sinoru_brief.theme import load_theme

    theme = load_theme(look, master=master)
    deck, pages, page = _own_figures_pages(_OWN_FIGURES[:count], theme)
    assert not check_pages(pages, master_chrome(theme))
    values = [f for f in page.text_frames() if f.role == "figure"]
    labels = [f for f in page.text_frames() if f.role == "figure-label"]
    assert [f.paragraphs[0].spans[0].text for f in values] == [v for v, _, _ in _OWN_FIGURES[:count]]
    assert [f.text for f in labels] == [label for _, label, _ in _OWN_FIGURES[:count]]  # whole: nothing cut off
    # 'b' was cited first, on the slide before: it is 1; 'a' is new here: 2. Each figure has its own marker.
    markers = [",".join(s.text for s in f.paragraphs[-1].spans if s.superscript) for f in values]
    assert markers == ["2", "1,2", ""][:count]
    assert all(len(f.paragraphs[0].lines) == 1 for f in values)  # a value is never broken over two lines
    assert len({f.paragraphs[0].spans[0].size for f in values}) == 1  # one size for the slide's values
    # Side by side: one row, left to right, equal widths, none overlapping.
    xs = [f.x for f in values]
    assert xs == sorted(xs) and len({f.y for f in values}) == 1 and len({f.w for f in values}) == 1
    assert all(a.x + a.w <= b.x for a, b in zip(values, values[1:], strict=False))
    source_line = next(f for f in page.text_frames() if f.role == "source")
    assert source_line.text == ("Sources: 2 Source a" if count == 1 else "Sources: 1 Source b; 2 Source a")
    own = next(s for s in deck.slides if s.key == "own")
    assert own.citations == ((2,) if count == 1 else (2, 1))


def test_own_key_figures_notes_carry_their_references(theme):
    deck, _, _ = _own_figures_pages(_OWN_FIGURES, theme)
    own = next(s for s in deck.slides if s.key == "own")
    assert own.notes.startswith("Say them.")
    assert f"[2] {deck.reference(2).text}" in own.notes and f"[1] {deck.reference(1).text}" in own.notes


@pytest.mark.parametrize("master", [None, _MASTER])
@pytest.mark.parametrize("look", ["briefing", "academic", "plain"])
def test_labels_at_their_longest_are_set_whole(look, master):
    """Three 200-character labels (the longest a brief allows) take room from the values rather than lose words."""
    from sinoru_brief.theme import load_theme

    theme = load_theme(look, master=master)
    label = ("bilateral trade in 2024, by the customs figures of both sides, 中俄贸易额, товарооборот " * 4)[:200]
    figures = [("$245 bn", label, ("a",)), ("¥1.7 трлн", label, ()), ("2024–2025", label, ("b",))]
    _, pages, page = _own_figures_pages(figures, theme)
    assert not check_pages(pages, master_chrome(theme))
    labels = [f for f in page.text_frames() if f.role == "figure-label"]
    assert [f.text for f in labels] == [label] * 3
    assert len({f.paragraphs[0].spans[0].size for f in labels}) == 1
