"""Check the content library against the article it summarises, through the article's fingerprint.

The article is not in the repository; ``tests/data/article-fingerprint.json``
holds hashes of its 8-word runs, of the runs inside its quotations, and its
numbers (see ``tools/fingerprint_article.py``, which also supplies the word
normalisation used here). These rules follow from the content guide:

* every number on a slide is a number the article states;
* our text is our own: outside quotation marks, no 8 consecutive words match the
  article even with UK/US spelling, -ise/-ize, plurals and verb endings folded
  together, and no 5 consecutive content words (function words dropped, names
  and numbers set aside) follow the article's order;
* quoted text is verbatim: a quotation matches the article word for word, and
  words the article quotes are not used outside quotation marks.

``test_citations.py`` adds the sentence-by-sentence check that a claim does not
restate the sentence it summarises with only its small words changed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

import pytest
from support.article_fingerprint import fingerprint, fingerprint_tool

from sinoru_brief.content.models import Bullet, Library, Slide

ARTICLE = "wishnick-2025-cooperation-without-coordination"

# A quoted phrase: between curly double quotes, or between straight double quotes.
_QUOTED = re.compile(r"“([^”]*)”|\"([^\"]*)\"")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


fp = fingerprint_tool()


@cache
def _shingles() -> frozenset[str]:
    return frozenset(fingerprint()["shingles"])


@cache
def _quotations() -> frozenset[str]:
    return frozenset(fingerprint()["quotations"])


@cache
def _stem_shingles() -> frozenset[str]:
    return frozenset(fingerprint()["stem_shingles"])


@cache
def _content_shingles() -> frozenset[str]:
    return frozenset(fingerprint()["content_shingles"])


def _canonical(number: str) -> str:
    """Return a numeric token without thousands separators, so "4,800" and "4800" compare equal."""
    return number.replace(",", "")


@cache
def _article_numbers() -> frozenset[str]:
    return frozenset(_canonical(n) for n in fingerprint()["numbers"])


# ------------------------------------------------------------------ what the library says


def _walk(bullets: tuple[Bullet, ...]) -> Iterator[str]:
    for bullet in bullets:
        yield bullet.text
        yield from _walk(bullet.sub)


def _slide_texts(slide: Slide) -> Iterator[tuple[str, str]]:
    """Yield (field, text) for every piece of authored text on *slide* except a quote slide's quotation."""
    yield "title", slide.title
    yield "notes", slide.notes
    for name in ("attribution", "context", "alt_text"):
        if getattr(slide, name):
            yield name, getattr(slide, name)
    for text in _walk(slide.bullets):
        yield "bullet", text
    for side in slide.sides:
        yield "heading", side.heading
        for text in _walk(side.bullets):
            yield "bullet", text
    for column in slide.columns:
        yield "column", column
    for row in slide.rows:
        for cell in row.cells:
            yield "cell", cell
    for event in slide.events:
        yield "label", event.label
    if slide.chart:
        yield "value_axis_title", slide.chart.value_axis_title
        for category in slide.chart.categories:
            yield "category", category
        for series in slide.chart.series:
            yield "series", series.name


def _texts(library: Library) -> Iterator[tuple[str, str]]:
    """Yield (where, text) for all authored text of the library, quote slides' quotations excluded."""
    for topic in library.topics:
        yield f"{topic.id}: title", topic.title
        yield f"{topic.id}: summary", topic.summary
        for slide in topic.slides:
            for field, text in _slide_texts(slide):
                if text:
                    yield f"{slide.id}: {field}", text


def _quote_slides(library: Library) -> list[Slide]:
    return [s for t in library.topics for s in t.slides if s.kind == "quote"]


def _outside_quotes(text: str) -> list[str]:
    """Return the stretches of *text* between its quoted phrases (a quotation breaks a run of words)."""
    return _QUOTED.split(text)[::3]


def _quoted_phrases(text: str) -> list[str]:
    return [m.group(1) if m.group(1) is not None else m.group(2) for m in _QUOTED.finditer(text)]


def _is_verbatim(phrase: str) -> bool:
    """Return whether *phrase* appears word for word in the article.

    Eight words or more: every 8-word run is an article run. Shorter: the whole
    phrase is a run inside one of the article's quotations.
    """
    words = fp.words(phrase)
    if len(words) >= fp.SHINGLE_WORDS:
        return all(fp.digest(run) in _shingles() for run in fp.runs(words, fp.SHINGLE_WORDS))
    return bool(words) and fp.digest(words) in _quotations()


# ------------------------------------------------------------------ the fingerprint itself


def test_fingerprint_matches_the_tool_settings():
    data = fingerprint()
    assert data["shingle_words"] == fp.SHINGLE_WORDS
    assert data["content_run"] == fp.CONTENT_RUN
    assert data["hash"] == f"sha256[:{fp.HASH_CHARS}]"
    assert all(
        len(h) == fp.HASH_CHARS
        for h in data["shingles"][:50]
        + data["quotations"][:50]
        + data["stem_shingles"][:50]
        + data["content_shingles"][:50]
    )
    # A real article of several thousand words, not an empty or truncated file.
    assert len(data["shingles"]) > 4000
    assert len(data["stem_shingles"]) > 4000 and len(data["content_shingles"]) > 2000
    assert len(data["segments"]) > 150
    assert {"47", "15.5", "4,800", "1985", "11,000"} <= set(data["numbers"])


def test_words_normalise_quotes_dashes_and_case():
    assert fp.words("Russia’s “3 noes”—China-Russia ties, 6–7 July.") == [
        "russias",
        "3",
        "noes",
        "china",
        "russia",
        "ties",
        "6",
        "7",
        "july",
    ]


def test_fingerprint_tool_round_trips_a_small_article():
    article = (
        "Title line\nOne two three four five six seven eight nine, he said “a quoted phrase here”.[1]\n"
        "Notes\n[1] A note with 2031 in it.\n"
    )
    data = fp.fingerprint(article)
    assert fp.digest(["one", "two", "three", "four", "five", "six", "seven", "eight"]) in data["shingles"]
    assert fp.digest(["quoted", "phrase"]) in data["quotations"]
    assert data["numbers"] == []  # the note marker [1] and the notes' numbers are not article numbers
    assert len(data["shingles"]) == 8  # 15 words on the body line give 8 runs; the title line is too short


@pytest.mark.parametrize(
    "variants",
    [
        ("signalling", "signaling", "signals"),
        ("labelled", "labeled"),
        ("organise", "organize", "organised"),
        ("defence", "defense"),
        ("neighbouring", "neighboring"),
        ("centre", "center"),
        ("ties", "tie"),
        ("recognised", "recognized", "recognizes"),
        ("programme", "program"),
    ],
)
def test_stems_fold_spelling_and_inflection(variants):
    assert len({fp.stem(w) for w in variants}) == 1


def test_content_stems_drop_function_words():
    assert fp.content_stems("The two have been signalling to the West") == ["two", "signal", "west"]


def test_own_pieces_set_aside_quotations_numbers_months_and_terms():
    assert fp.own_pieces("In May 2024, on the South China Sea, Xi said “new efforts” 4,800 times.") == [
        "In ",
        ", on the ",
        ", Xi said ",
        " times.",
    ]


def test_checks_catch_copied_text_and_misquotes():
    # A quotation the slides carry anyway, so the test adds no article text to the repository.
    copied = "China is not aware of the specifics of bilateral exchanges"
    assert any(fp.digest(run) in _shingles() for run in fp.runs(fp.words(copied), fp.SHINGLE_WORDS))
    assert not any(
        fp.digest(run) in _shingles()
        for run in fp.runs(fp.words("China is not aware of the details of bilateral exchanges"), 8)
    )
    assert _is_verbatim("If China had really provided military supplies to Russia")
    assert not _is_verbatim("If China had truly provided military supplies to Russia")
    assert _is_verbatim("strategic doorsteps")
    assert not _is_verbatim("strategic doorstep")


def test_normalised_checks_catch_what_the_plain_check_misses():
    # Quotations the slides carry anyway, reworded the way a careless summary would.
    inflected = "People of the same mind responded to each other, and people"
    assert not _copied_runs(inflected, plain=True)
    assert _copied_runs(inflected)
    spelled = "recognised Taiwan as an inalienable part of the"
    assert not _copied_runs(spelled, plain=True)
    assert _copied_runs(spelled)
    small_words_swapped = "Russia has reiterated adherence to a one-China principle"
    assert not _copied_runs(small_words_swapped)
    assert _content_runs(small_words_swapped)


# ------------------------------------------------------------------ numbers


def _numbers_in(text: str) -> list[str]:
    return [_canonical(n) for n in _NUMBER.findall(text)]


def _chart_value(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def test_numbers_are_read_as_written_without_thousands_separators():
    assert _numbers_in("a 4,800-nautical-mile patrol, 15.5 percent, July 6–7, 2024; the 75th year.") == [
        "4800",
        "15.5",
        "6",
        "7",
        "2024",
        "75",
    ]
    assert [_chart_value(v) for v in (70, 70.0, 15.5, 3.4)] == ["70", "70", "15.5", "3.4"]


def test_every_number_in_slide_text_is_in_the_article(real_library):
    allowed = _article_numbers()
    texts = list(_texts(real_library)) + [(f"{s.id}: quote", s.quote) for s in _quote_slides(real_library)]
    strays = [(where, n) for where, text in texts for n in _numbers_in(text) if n not in allowed]
    assert strays == []


def test_every_chart_value_is_in_the_article(real_library):
    allowed = _article_numbers()
    charts = [s for t in real_library.topics for s in t.slides if s.kind == "chart"]
    assert charts
    strays = [
        (s.id, _chart_value(v))
        for s in charts
        for series in s.chart.series
        for v in series.values
        if _chart_value(v) not in allowed
    ]
    assert strays == []


def test_every_timeline_year_and_day_is_in_the_article(real_library):
    allowed = _article_numbers()
    events = [(s.id, e) for t in real_library.topics for s in t.slides for e in s.events]
    assert events
    # Months are written as words in the article, so only years and days are numbers to check.
    strays = [
        (sid, str(n)) for sid, e in events for n in (e.date.year, e.date.day) if n is not None and str(n) not in allowed
    ]
    assert strays == []


# ------------------------------------------------------------------ own words


def _copied_runs(text: str, plain: bool = False) -> list[str]:
    """Return the 8-word runs of *text* (outside its quotations) that are the article's, stemmed unless *plain*."""
    normalise, hashes = (fp.words, _shingles()) if plain else (fp.stems, _stem_shingles())
    return [
        " ".join(run)
        for stretch in _outside_quotes(text)
        for run in fp.runs(normalise(stretch), fp.SHINGLE_WORDS)
        if fp.digest(run) in hashes
    ]


def _content_runs(text: str) -> list[str]:
    """Return the runs of CONTENT_RUN content stems of *text* that follow the article's order.

    Quotations, numbers, month names and fixed terms (names with no other
    wording) are set aside first, so they neither count nor join two runs.
    """
    return [
        " ".join(run)
        for piece in fp.own_pieces(text)
        for run in fp.runs(fp.content_stems(piece), fp.CONTENT_RUN)
        if fp.digest(run) in _content_shingles()
    ]


def test_no_eight_words_outside_quotation_marks_copy_the_article(real_library):
    copied = [(where, run) for where, text in _texts(real_library) for run in _copied_runs(text)]
    assert copied == []


def test_no_five_content_words_follow_the_article_order(real_library):
    copied = [(where, run) for where, text in _texts(real_library) for run in _content_runs(text)]
    assert copied == []


def test_words_the_article_quotes_are_marked_as_quotations(real_library):
    # Four or more words of one of the article's quotations, three of them content words,
    # used outside quotation marks: a quotation passed off as our own words.
    unmarked = []
    for where, text in _texts(real_library):
        for piece in fp.own_pieces(text):
            words = fp.words(piece)
            for length in range(4, fp.SHINGLE_WORDS):
                unmarked += [
                    (where, " ".join(run))
                    for run in fp.runs(words, length)
                    if fp.digest(run) in _quotations() and sum(w not in fp.STOPWORDS for w in run) >= 3
                ]
    assert unmarked == []


# ------------------------------------------------------------------ quotations


def test_every_quote_slide_is_verbatim(real_library):
    slides = _quote_slides(real_library)
    assert len(slides) >= 3
    assert [(s.id, s.quote) for s in slides if not _is_verbatim(s.quote)] == []


def test_quote_slides_cite_the_work_quoted_not_only_the_article(real_library):
    assert [s.id for s in _quote_slides(real_library) if set(s.cite) <= {ARTICLE}] == []


def test_every_quoted_phrase_in_slide_text_is_verbatim(real_library):
    phrases = [(where, p) for where, text in _texts(real_library) for p in _quoted_phrases(text)]
    assert phrases  # the library does quote: a broken pattern must not pass silently
    assert [(where, p) for where, p in phrases if not _is_verbatim(p)] == []


def test_long_quoted_phrases_in_bullets_are_verbatim(real_library):
    long_phrases = [
        (where, p)
        for where, text in _texts(real_library)
        if where.endswith("bullet")
        for p in _quoted_phrases(text)
        if len(fp.words(p)) >= fp.SHINGLE_WORDS
    ]
    assert long_phrases
    assert [(where, p) for where, p in long_phrases if not _is_verbatim(p)] == []


@pytest.mark.parametrize("text", ["He said “a b c” and “d”.", 'He said "a b c" and "d".'])
def test_quote_helpers_split_curly_and_straight_quotes(text):
    assert _quoted_phrases(text) == ["a b c", "d"]
    assert _outside_quotes(text) == ["He said ", " and ", "."]
