"""Check the built-in content library: it loads, it is complete, and its key slides carry the article's data."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import Counter

import pytest
from support.content_walk import every_bullet, library_slides

from sinoru_brief.cli import main
from sinoru_brief.content import DEPTHS, load_library
from sinoru_brief.content.models import Slide

ARTICLE = "wishnick-2025-cooperation-without-coordination"

#: The topics the project's brief asks for, one per subject a briefer picks.
REQUIRED_TOPICS = (
    "overview",
    "summits",
    "ukraine-neutrality",
    "material-support",
    "military-exercises",
    "defense-technology",
    "gray-zone",
    "arctic-energy",
    "north-korea",
    "indo-pacific",
    "global-order",
    "outlook",
)

#: The article has 65 notes citing 68 distinct works; the library adds the article itself.
NOTE_COUNT = 65
WORK_COUNT = 68

#: Notes that cite more than one work, and how many (read from the article's notes).
#: Every other note cites exactly one work.
MULTI_WORK_NOTES = {5: 2, 15: 2, 16: 2, 29: 2, 38: 2, 56: 2, 61: 2, 62: 2}

_CJK_OR_CYRILLIC = re.compile(r"[\u3400-\u9fff\u0400-\u04ff]")


def _claims(slide: Slide) -> list[tuple[str, tuple[str, ...]]]:
    """Return every citable part of *slide* as (label, cite ids)."""
    claims: list[tuple[str, tuple[str, ...]]] = []
    claims += [(f"bullet '{b.text}'", b.cite) for b in every_bullet(slide.bullets)]
    claims += [(f"bullet '{b.text}'", b.cite) for side in slide.sides for b in every_bullet(side.bullets)]
    claims += [(f"row {row.cells}", row.cite) for row in slide.rows]
    claims += [(f"event '{event.label}'", event.cite) for event in slide.events]
    if slide.kind in ("quote", "chart"):
        claims.append((slide.kind, slide.cite))
    return claims


def _only(slides: list[Slide], what: str) -> Slide:
    assert len(slides) == 1, f"expected exactly one {what}, found {[s.id for s in slides]}"
    return slides[0]


# ------------------------------------------------------------------ loading


def test_library_loads_without_problems():
    library = load_library()
    assert library.topic_ids()
    assert library.sources


def test_validate_command_exits_zero(capsys, real_library):
    code = main(["validate"])
    out, err = capsys.readouterr()
    slides = len(library_slides(real_library))
    assert (code, err) == (0, "")
    assert out == f"OK: {len(real_library.sources)} sources, {len(real_library.topics)} topics, {slides} slides.\n"


# ------------------------------------------------------------------ citations


def test_every_cite_resolves_to_a_source(real_library):
    unknown = [
        (s.id, cite) for s in library_slides(real_library) for cite in s.citations() if cite not in real_library.sources
    ]
    assert unknown == []


#: Works the article gives only as further reading, which support no claim (see
#: FURTHER_READING_NOTES in test_citations.py): note 4 sends readers to Parameswaren
#: "on the response to Chinese and Russian efforts in the Global South", which the article
#: does not describe. They stay in sources.yaml because the note cites them.
FURTHER_READING = {"parameswaran-2024-08-09-global-south-discontent"}


def test_every_source_is_cited_by_some_slide(real_library):
    cited = {cite for slide in library_slides(real_library) for cite in slide.citations()}
    assert sorted(set(real_library.sources) - cited - FURTHER_READING) == []


def test_every_claim_cites_at_least_one_source(real_library):
    uncited = [(s.id, label) for s in library_slides(real_library) for label, cite in _claims(s) if not cite]
    assert uncited == []


def test_every_slide_has_claims(real_library):
    assert [s.id for s in library_slides(real_library) if not _claims(s)] == []


def test_no_key_slide_lacks_a_citation(real_library):
    key = [s for topic in real_library.topics for s in topic.slides_at("key")]
    assert key
    assert [s.id for s in key if not s.citations()] == []


def test_a_slide_cites_a_source_once_per_claim(real_library):
    repeats = [
        (s.id, label) for s in library_slides(real_library) for label, cite in _claims(s) if len(set(cite)) != len(cite)
    ]
    assert repeats == []


# ------------------------------------------------------------------ topics and depth


def test_every_required_topic_exists(real_library):
    assert sorted(set(REQUIRED_TOPICS) - set(real_library.topic_ids())) == []


@pytest.mark.parametrize("topic_id", REQUIRED_TOPICS)
def test_topic_has_slides_at_every_depth(real_library, topic_id):
    topic = real_library.topic(topic_id)
    counts = {depth: len(topic.slides_at(depth)) for depth in DEPTHS}
    assert counts["key"] >= 1
    # Each deeper setting must add something, or the depth choice means nothing for the topic.
    assert counts["key"] < counts["standard"] <= counts["full"]


def test_key_depth_makes_a_ten_to_fifteen_slide_brief(real_library):
    key = [s for topic in real_library.topics for s in topic.slides_at("key")]
    assert 10 <= len(key) <= 15


def test_outlook_closes_and_overview_opens_the_deck(real_library):
    ids = real_library.topic_ids()
    assert (ids[0], ids[-1]) == ("overview", "outlook")


# ------------------------------------------------------------------ slides with the article's data


def _charts(library) -> dict[tuple[str, ...], Slide]:
    return {s.chart.categories: s for s in library_slides(library) if s.kind == "chart"}


def test_energy_exports_chart_has_the_article_shares(real_library):
    slide = _charts(real_library)[("Crude oil", "Coal", "Pipeline gas", "LNG")]
    assert [series.values for series in slide.chart.series] == [(47, 46, 27, 22)]
    assert slide.chart.unit == "percent"
    assert slide.cite == ("raghunandan-katinas-2025-01-12-crea-december",)
    assert "Dec 2022–Dec 2024" in slide.chart.series[0].name


def test_northern_sea_route_chart_has_the_article_shares(real_library):
    slide = _charts(real_library)[("Crude oil", "Iron ore", "LNG")]
    assert [series.values for series in slide.chart.series] == [(70, 15.5, 3.4)]
    assert slide.chart.unit == "percent"
    assert slide.cite == ("humpert-2023-12-18-nsr-cargo-record",)


def test_semiconductor_chart_has_the_article_shares(real_library):
    slide = _charts(real_library)[("Semiconductors", "Smart cards")]
    assert [series.values for series in slide.chart.series] == [(78, 96)]
    assert slide.chart.unit == "percent"
    assert set(slide.cite) == {
        "silverado-2023-08-24-semiconductor-dashboard",
        "gorenburg-2023-cna-military-cooperation",
    }


def test_exercise_table_covers_2023_and_2024(real_library):
    slide = _only([s for s in real_library.topic("military-exercises").slides if s.kind == "table"], "exercise table")
    assert slide.columns == ("Exercise", "When", "Where", "What was new")
    rows = {row.cells[0]: row for row in slide.rows}
    assert rows["Joint air patrol"].cells[1:3] == ("June 2023", "Sea of Japan and western Pacific")
    assert rows["Joint air patrol"].cite == ("guo-2024-11-30-joint-air-patrol",)
    assert rows["Joint naval patrol"].cells[1:3] == ("August 2023", "Bering Sea")
    assert rows["Joint strategic bomber patrol"].cells[1] == "July 24, 2024"
    assert "Anadyr" in rows["Joint strategic bomber patrol"].cells[3]
    okean = [row for name, row in rows.items() if name.startswith("Okean 2024")]
    assert okean and all("sukhankin-2024-11-14-arctic-far-east" in row.cite for row in okean)
    years = {year for row in slide.rows for year in re.findall(r"\b20\d\d\b", row.cells[1])}
    assert years == {"2023", "2024"}


def test_summit_timeline_runs_from_2023_to_2025_in_order(real_library):
    slide = _only([s for s in real_library.topic("summits").slides if s.kind == "timeline"], "summit timeline")
    dates = [event.date for event in slide.events]
    assert dates == sorted(dates, key=lambda d: d.sort_key())
    assert (dates[0].year, dates[-1].year) == (2023, 2025)
    by_date = {(e.date.year, e.date.month, e.date.day): e for e in slide.events}
    # Xi's trip to Kazan is the article's own sentence; what he said there is the PRC readout's (note 8).
    assert set(by_date[(2024, 10, None)].cite) == {ARTICLE, "mfa-2024-10-23-xi-putin-kazan"}
    assert "Kazan" in by_date[(2024, 10, None)].label
    # The call and Trump's inauguration are the article's; what the leaders said is note 5's two works.
    assert set(by_date[(2025, 1, 21)].cite) == {
        ARTICLE,
        "kremlin-2025-01-21-xi-call",
        "xinhua-2025-01-22-xi-putin-call",
    }
    # The Belt and Road summit sentence carries note 45 (Webster); note 44 is the interview before it.
    assert by_date[(2023, 10, None)].cite == ("webster-2023-10-20-xi-putin-meeting",)
    # The three in-person meetings of 2024: May, July (SCO) and October (Kazan).
    assert {(2024, 5, None), (2024, 7, None), (2024, 10, None)} <= set(by_date)


def _latest_day(date_parts: list[int]) -> dt.date:
    """Return the last day a CSL date of one, two or three parts can mean."""
    year = date_parts[0]
    month = date_parts[1] if len(date_parts) > 1 else 12
    day = date_parts[2] if len(date_parts) > 2 else calendar.monthrange(year, month)[1]
    return dt.date(year, month, day)


def test_no_timeline_event_cites_a_work_published_before_it(real_library):
    early = []
    for slide in library_slides(real_library):
        for event in slide.events:
            for cite in event.cite:
                issued = real_library.sources[cite].csl.get("issued")
                if issued and _latest_day(issued["date-parts"][0]) < event.date.as_date():
                    early.append((slide.id, event.label, cite))
    assert early == []


def test_latest_day_reads_partial_csl_dates():
    assert [_latest_day([2024]), _latest_day([2024, 2]), _latest_day([2024, 5, 16])] == [
        dt.date(2024, 12, 31),
        dt.date(2024, 2, 29),
        dt.date(2024, 5, 16),
    ]


@pytest.mark.parametrize(
    ("speaker", "source", "opening"),
    [
        ("Medvedev", "guancha-2024-12-12-xi-meets-medvedev", "People of the same mind"),
        ("Geng Shuang", "globaltimes-2025-01-13-geng-shuang-un", "If China had really provided military supplies"),
        ("Lin Jian", "mfa-2024-11-01-lin-jian-press", "China is not aware of the specifics"),
    ],
)
def test_quote_slide_exists_for(real_library, speaker, source, opening):
    slide = _only(
        [s for s in library_slides(real_library) if s.kind == "quote" and speaker in s.attribution],
        f"quote slide for {speaker}",
    )
    assert slide.cite == (source,)
    assert slide.quote.startswith(opening)
    # The layout adds the quotation marks; the text must not bring its own.
    assert slide.quote[0] not in '“"' and slide.quote[-1] not in '”"'


def test_taiwan_readouts_are_compared_side_by_side(real_library):
    slide = _only(
        [s for s in library_slides(real_library) if s.kind == "comparison" and "Taiwan" in s.title], "Taiwan comparison"
    )
    prc, kremlin = slide.sides
    assert prc.heading == "PRC Foreign Ministry readout, May 2024"
    assert kremlin.heading == "Kremlin statement, May 2024"
    assert "People's Republic of China" in prc.bullets[0].text
    assert prc.bullets[0].cite == ("prc-russia-2024-05-16-joint-statement-zh",)
    assert "Taiwan as an inalienable part of China" in kremlin.bullets[0].text
    assert kremlin.bullets[0].cite == ("kremlin-2024-05-16-joint-statement-ru",)


# ------------------------------------------------------------------ sources


def test_sources_are_the_article_and_its_68_works(real_library):
    assert len(real_library.sources) == WORK_COUNT + 1
    assert ARTICLE in real_library.sources
    assert real_library.sources[ARTICLE].note_numbers == ()
    works = [s for s in real_library.sources.values() if s.id != ARTICLE]
    assert all(s.note_numbers for s in works)


def test_source_ids_are_unique_in_the_file(real_library):
    # The loader reports duplicates; count the file's ids too, so a duplicate can never slip through.
    text = (real_library.root / "sources.yaml").read_text(encoding="utf-8")
    ids = re.findall(r"^- id: (\S+)$", text, flags=re.MULTILINE)
    assert len(ids) == len(real_library.sources)
    assert [i for i, n in Counter(ids).items() if n > 1] == []


def test_every_note_is_covered_by_the_right_number_of_works(real_library):
    per_note = Counter(n for s in real_library.sources.values() for n in s.note_numbers)
    assert sorted(per_note) == list(range(1, NOTE_COUNT + 1))
    expected = {n: MULTI_WORK_NOTES.get(n, 1) for n in range(1, NOTE_COUNT + 1)}
    assert dict(per_note) == expected


@pytest.mark.parametrize(
    ("source_id", "notes"),
    [
        ("prc-russia-2024-05-16-joint-statement-zh", (1, 59, 61)),
        ("kremlin-2024-05-16-joint-statement-ru", (60, 61)),
        ("gorenburg-2023-cna-military-cooperation", (15, 16, 30)),
        ("parameswaran-2024-08-09-global-south-discontent", (4,)),
        ("guancha-2024-12-12-xi-meets-medvedev", (3,)),
        ("mfa-2024-11-01-lin-jian-press", (52,)),
        ("mfa-2024-10-30-lin-jian-press-zh", (53,)),
    ],
)
def test_work_carries_its_note_numbers(real_library, source_id, notes):
    assert real_library.sources[source_id].note_numbers == notes


def test_note_numbers_are_listed_in_order(real_library):
    unordered = [s.id for s in real_library.sources.values() if list(s.note_numbers) != sorted(set(s.note_numbers))]
    assert unordered == []


@pytest.mark.parametrize(
    ("source_id", "language"),
    [
        ("prc-russia-2024-05-16-joint-statement-zh", "zh-CN"),
        ("guancha-2024-12-12-xi-meets-medvedev", "zh-CN"),
        ("mfa-2024-10-30-lin-jian-press-zh", "zh-CN"),
        ("kuzmin-2025-01-25-kazakhstan-gas-transit", "ru"),
        ("kremlin-2024-05-16-joint-statement-ru", "ru"),
    ],
)
def test_chinese_and_russian_works_keep_their_original_titles(real_library, source_id, language):
    csl = real_library.sources[source_id].csl
    assert csl["language"] == language
    assert _CJK_OR_CYRILLIC.search(csl["original-title"])
    assert not _CJK_OR_CYRILLIC.search(csl["title"]), "title is the English translation the note gives"


def test_language_and_original_title_go_together(real_library):
    mismatched = []
    for source in real_library.sources.values():
        original = source.csl.get("original-title", "")
        script = (
            "zh-CN"
            if re.search(r"[\u3400-\u9fff]", original)
            else "ru"
            if re.search(r"[\u0400-\u04ff]", original)
            else None
        )
        if source.csl.get("language") != script:
            mismatched.append((source.id, source.csl.get("language"), script))
    assert mismatched == []
