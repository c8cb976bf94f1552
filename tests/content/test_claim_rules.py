"""Rules a careful reading of the article laid down for the library, kept by tests that can fail.

The fidelity audit (issue 12) found claims stronger, weaker or reversed relative
to the article. The tables below keep each fix: a hedge, condition or direction
word the slide's claims must carry, an overstatement they must not, a work a
claim must or must not cite. Further rules apply to every slide:

* slide text names the author ("Wishnick judges") and never says "the article";
* guidance for the briefer ("if asked…") is in the slide's ``briefer:`` field,
  never in the notes read aloud, and our own analysis is in a paragraph of the
  notes that starts "Our analysis:" (or "Our selection:");
* the key-depth deck ends with a "What to watch" slide, keeps data vintages and
  caveats beside their numbers, and covers the Taiwan readouts, the coast
  guards and the Chinese scholars' debate;
* no two claims repeat one another across slides.
"""

from __future__ import annotations

import re

import pytest
from support.article_fingerprint import fingerprint_tool
from support.content_walk import every_bullet, library_slides

from sinoru_brief.content.models import BRIEFER_LABEL, Library, Slide

ARTICLE = "wishnick-2025-cooperation-without-coordination"


fp = fingerprint_tool()

#: (slide id, pattern its claims must match, what the article says). Claims are the
#: bullets, sub-bullets, cells and labels: a hedge in the notes does not hedge the slide.
REQUIRED = [
    (
        "arctic-energy-key",
        r"additional volume",
        "China may not need the additional volume (a second pipeline), not 'more gas'",
    ),
    ("arctic-energy-key", r"slated to get more gas", "China is slated to receive more gas through Power of Siberia 1"),
    (
        "overview-shared-grievance",
        r"\bDespite that shared narrative\b",
        "'Despite this framing' neutrality is harder, not because of it",
    ),
    (
        "overview-shared-grievance",
        r"evidence that military-security ties",
        "the NATO label reflects evidence of more robust ties",
    ),
    ("overview-parallel-not-concert", r"\bnot always\b", "closer ties have not always translated into coordination"),
    ("global-order-key", r"\bin many respects\b", "in many respects coordination is more aspiration than reality"),
    ("outlook-conclusions", r"\bthus far\b", "thus far, greater policy coordination has not followed"),
    ("overview-key-judgments", r"\bso far\b", "thus far, greater policy coordination has not followed"),
    (
        "north-korea-china-dprk-downturn",
        r"\bappears to be playing down\b",
        "Pyongyang appears to be downplaying ties with China",
    ),
    ("north-korea-key", r"\bappears to be playing down\b", "Pyongyang appears to be downplaying ties with China"),
    ("indo-pacific-exercises-purpose", r"\bless clear\b", "the need for greater interoperability is less clear"),
    ("indo-pacific-key", r"\bless clear\b", "the need for greater interoperability is less clear"),
    (
        "overview-key-judgments",
        r"divergent priorities and histories of engagement",
        "parallel action reflects divergent priorities and histories of engagement, not worldviews",
    ),
    ("indo-pacific-key", r"\bseems eager to overstate\b", "the PRC seems eager to overstate Russian support"),
    ("indo-pacific-key", r"standard “part of China”", "the Kremlin keeps the standard phrasing"),
    (
        "global-order-chinese-debate",
        r"\balbeit\b",
        "China's inclusiveness is albeit within a (China-led) community of common destiny",
    ),
    (
        "global-order-agendas",
        r"\balbeit\b",
        "China's inclusiveness is albeit within a (China-led) community of common destiny",
    ),
    (
        "outlook-limits",
        r"\balbeit\b",
        "China's inclusiveness is albeit within a (China-led) community of common destiny",
    ),
    ("global-order-brics", r"\bseems\b", "BRICS seems to have given Russian diplomats a new message"),
    # Second, independent pass over the key slides.
    ("gray-zone-baltic-cables", r"biggest change", "the biggest change in concurrent gray-zone actions is at sea"),
    ("gray-zone-baltic-cables", r"suspected of sabotaging", "the Yuan Peng 3 is suspected of sabotaging the cables"),
    ("ukraine-neutrality-hybrid-role", r"Evidence of China’s growing support", "evidence has been accumulating"),
    ("global-order-agendas", r"\bseems\b", "BRICS seems to have given Russian diplomats a new message"),
    (
        "ukraine-neutrality-western-pressure",
        r"\bShould Ukraine win\b",
        "the regret is conditional: in the event that Ukraine wins",
    ),
    ("ukraine-neutrality-silences", r"\bsome of\b", "some of the other proposals are less credible"),
    ("ukraine-neutrality-hybrid-role", r"\bappear to have\b", "officials appear to have set red lines"),
    ("ukraine-neutrality-peace-diplomacy", r"\bmay have\b", "Xi may have played a role"),
    ("military-exercises-purpose", r"\bmay not be\b", "interoperability may not be the end goal"),
    ("outlook-limits", r"\bmay not be\b", "interoperability may not be the end goal"),
    ("defense-technology-narrow", r"\bso far\b", "U.S. analysts: thus far limited to narrow areas"),
    ("defense-technology-narrow", r"\blikely\b", "strains have likely introduced new constraints"),
    ("defense-technology-programs", r"\bclaims\b", "Manturov has claimed the project is moving forward"),
    ("defense-technology-programs", r"\bspeculation\b.*\bmay be\b", "some speculation that Russia may be sharing"),
    ("arctic-energy-pipelines", r"\bmay be weighing\b", "energy experts argue China may be weighing the risks"),
    ("arctic-energy-pipelines", r"\bsome evidence\b", "some evidence of discussions on a Kazakhstan route"),
    ("arctic-energy-sanctions", r"\bmay lead\b", "this may lead China to reduce purchases"),
    (
        "north-korea-leverage",
        r"\bcould be an opening\b.*\bmight weaken\b",
        "there could be an opportunity; potential weakening",
    ),
    ("north-korea-silence", r"\bwould seem to\b", "North Korea's role would seem to contradict China's position"),
    ("north-korea-key", r"\bmay have been casualties\b", "as many as 4,000 may have suffered casualties"),
    ("material-support-drones", r"\bappear", "restrictions appear relaxed; the effort appears connected to Xinjiang"),
    ("gray-zone-baltic-cables", r"\bsuspicion\b", "the Yuan Peng 3 is suspected, not found, to have cut cables"),
    ("gray-zone-espionage", r"\bshares Russia's aims\b", "Chinese espionage increasingly shares Russian goals"),
    ("gray-zone-insulating-europe", r"\bnot always\b", "insulation 'albeit not always very convincingly'"),
    ("summits-kazan", r"\blikely\b", "Putin brought his cabinet, likely anticipating deals"),
    ("summits-warm-welcome", r"\bseemed\b", "Trump seemed to be very much on both their minds"),
    ("outlook-by-arena", r"\bappears\b", "Pyongyang appears to be downplaying China"),
    ("outlook-by-arena", r"\bsome pressure\b", "North Korean support relieves some pressure on China"),
]

#: (slide id, pattern no text of the slide may match, notes included, why).
FORBIDDEN = [
    ("arctic-energy-key", r"may not need more Russian gas", "the article: the additional volume of a second pipeline"),
    ("material-support-dual-use", r"main dual-use supplier", "the article: leading source of chips, many other goods"),
    ("gray-zone-baltic-cables", r"overlaps most", "the article: the biggest change, not the largest overlap"),
    ("overview-shared-grievance", r"framing makes it harder", "the article: despite the framing, not because of it"),
    ("overview-parallel-not-concert", r"have neither widened", "the article: has not always translated"),
    ("north-korea-china-dprk-downturn", r"\bplays down\b", "the article: appears to be downplaying"),
    ("indo-pacific-exercises-purpose", r"\bis weak\b|\bis limited\b", "the article: less clear"),
    ("overview-key-judgments", r"worldviews keep them", "the article names priorities and histories as the reason"),
    ("overview-key-judgments", r"sanctions findings and intelligence reporting", "not the article's statement"),
    ("indo-pacific-key", r"Taiwan language it wants", "the article: the Kremlin keeps the standard phrasing"),
    ("arctic-energy-nsr-cargo", r"bear directly on", "our inference, not the article's"),
    ("arctic-energy-pipelines", r"no deal has (been reached|followed) since\b", "needs the article, cited"),
    ("gray-zone-espionage", r"\bserves Russian aims\b", "the article: increasingly sharing the Russian goals"),
    ("military-exercises-purpose", r"political signall?ing and a show of", "the article's sentence, lightly reworded"),
    (
        "defense-technology-programs",
        r"Manturov says the heavy-lift helicopter project is advancing",
        "the article's sentence reworded",
    ),
    ("outlook-limits", r"stop short of alignment", "the article: they are aligned on geopolitical issues"),
]

#: (slide id, claim pattern, a work it must cite, a work it must not cite, why).
CITATIONS = [
    (
        "outlook-by-arena",
        r"Northern Sea Route",
        ARTICLE,
        "humpert-2023-12-18-nsr-cargo-record",
        "the >90% share sentence has no note; note 42 follows the cargo shares",
    ),
    (
        "summits-timeline",
        r"Belt and Road",
        "webster-2023-10-20-xi-putin-meeting",
        "kremlin-2023-10-18-news-conference",
        "note 45 follows the summit sentence; note 44 the interview",
    ),
    ("arctic-energy-pipelines", r"then or later", ARTICLE, None, "an October 2023 piece cannot support 'or since'"),
    ("north-korea-china-dprk-downturn", r"never signed", ARTICLE, None, "a May 2024 piece cannot support 'never'"),
    (
        "overview-parallel-not-concert",
        r"showcase",
        ARTICLE,
        "parameswaran-2024-08-09-global-south-discontent",
        "note 4 sends readers to Parameswaren for another point",
    ),
    (
        "global-order-key",
        r"diplomatic initiatives",
        ARTICLE,
        "parameswaran-2024-08-09-global-south-discontent",
        "note 4 sends readers to Parameswaren for another point",
    ),
    (
        "global-order-agendas",
        r"Global Security",
        ARTICLE,
        "parameswaran-2024-08-09-global-south-discontent",
        "note 4 sends readers to Parameswaren for another point",
    ),
    (
        "outlook-by-arena",
        r"initiatives",
        ARTICLE,
        "parameswaran-2024-08-09-global-south-discontent",
        "note 4 sends readers to Parameswaren for another point",
    ),
]

_OURS = ("Our analysis:", "Our selection:")


def _claims(slide: Slide) -> list[tuple[str, tuple[str, ...]]]:
    """Return (text, cite) for every claim on *slide*: bullets, side bullets, rows and events."""
    claims = [(b.text, b.cite) for b in every_bullet(slide.bullets)]
    claims += [(b.text, b.cite) for side in slide.sides for b in every_bullet(side.bullets)]
    claims += [(" | ".join(row.cells), row.cite) for row in slide.rows]
    claims += [(e.label, e.cite) for e in slide.events]
    return claims


def _claim_text(slide: Slide) -> str:
    return "\n".join([slide.title, *(text for text, _ in _claims(slide))])


def _all_text(slide: Slide) -> str:
    return "\n".join(slide.text_fields())


# ------------------------------------------------------------------ the audit's findings


@pytest.mark.parametrize(("slide_id", "pattern", "why"), REQUIRED, ids=[f"{s}:{p}" for s, p, _ in REQUIRED])
def test_slide_keeps_the_articles_hedge(real_library, slide_id, pattern, why):
    assert re.search(pattern, _claim_text(real_library.slide(slide_id)), flags=re.IGNORECASE), why


@pytest.mark.parametrize(("slide_id", "pattern", "why"), FORBIDDEN, ids=[f"{s}:{p}" for s, p, _ in FORBIDDEN])
def test_slide_avoids_the_overstatement(real_library, slide_id, pattern, why):
    assert not re.search(pattern, _all_text(real_library.slide(slide_id)), flags=re.IGNORECASE), why


@pytest.mark.parametrize(
    ("slide_id", "pattern", "must", "must_not", "why"), CITATIONS, ids=[f"{s}:{p}" for s, p, *_ in CITATIONS]
)
def test_claim_cites_the_right_note(real_library, slide_id, pattern, must, must_not, why):
    claims = [(text, cite) for text, cite in _claims(real_library.slide(slide_id)) if re.search(pattern, text)]
    assert claims, f"no claim on {slide_id} matches {pattern!r}"
    for text, cite in claims:
        assert must in cite, (text, why)
        assert must_not not in cite, (text, why)


def test_quotation_marks_cover_the_whole_quoted_phrase(real_library):
    # "legitimate rights and interests" is Xi's, from the same quotation as "new efforts".
    text = _claim_text(real_library.slide("summits-sco-tone"))
    outside = re.sub(r"“[^”]*”", "", text)
    assert "legitimate rights" in text and "legitimate rights" not in outside


# ------------------------------------------------------------------ rules for every slide


def test_slide_text_names_the_author_not_the_article(real_library):
    offenders = [
        (s.id, m.group(0))
        for s in library_slides(real_library)
        for m in re.finditer(r"[^.]*\bthe article\b[^.]*", _all_text(s), flags=re.IGNORECASE)
    ]
    offenders += [(t.id, "summary") for t in real_library.topics if re.search(r"\bthe article\b", t.summary, re.I)]
    assert offenders == []


def _paragraphs(notes: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", notes) if p.strip()]


def test_briefer_guidance_is_kept_apart_from_the_read_aloud_notes(real_library):
    misplaced = []
    for slide in library_slides(real_library):
        for paragraph in _paragraphs(slide.notes):
            if re.search(r"\bif asked\b|\bprobe\b", paragraph, flags=re.IGNORECASE):
                misplaced.append((slide.id, paragraph[:60]))
            if any(m in paragraph and not paragraph.startswith(m) for m in _OURS):
                misplaced.append((slide.id, "a marker must open its own paragraph"))
    assert misplaced == []


def test_guidance_for_the_briefer_is_in_its_own_field(real_library):
    # The guidance the topic files give (counts that differ between sections, undated figures) moved
    # into briefer:; it must stay there, one paragraph, not read aloud.
    guided = {s.id: s.briefer for s in library_slides(real_library) if s.briefer}
    assert {"summits-timeline", "material-support-dual-use", "gray-zone-insulating-europe"} <= set(guided)
    assert [sid for sid, text in guided.items() if "\n\n" in text.strip() or text.startswith(BRIEFER_LABEL)] == []
    assert "if asked" in guided["summits-timeline"].lower()


def test_notes_open_with_text_to_read_aloud(real_library):
    # The first paragraph is what the app and the notes page show first; our own analysis follows it.
    assert [s.id for s in library_slides(real_library) if _paragraphs(s.notes)[0].startswith(_OURS)] == []


def _runs(text: str, length: int) -> set[tuple[str, ...]]:
    return {tuple(run) for piece in fp.own_pieces(text) for run in fp.runs(fp.content_stems(piece), length)}


def _shared_runs(claims: list[tuple[str, str]], length: int) -> list[tuple[str, str, str]]:
    """Return (slide, slide, run) for claims on different slides that share a run of *length* content stems."""
    where: dict[tuple[str, ...], set[str]] = {}
    for slide_id, text in claims:
        for run in _runs(text, length):
            where.setdefault(run, set()).add(slide_id)
    return sorted((*sorted(ids)[:2], " ".join(run)) for run, ids in where.items() if len(ids) > 1)


def test_no_two_claims_repeat_each_other(real_library):
    claims = [(s.id, text) for s in library_slides(real_library) if s.kind != "quote" for text, _ in _claims(s)]
    by_words: dict[tuple[str, ...], set[str]] = {}
    for slide_id, text in claims:
        by_words.setdefault(tuple(fp.stems(text)), set()).add(slide_id)
    assert [sorted(ids) for ids in by_words.values() if len(ids) > 1] == []
    assert _shared_runs(claims, 5) == []


# ------------------------------------------------------------------ key depth: an executive brief


def _keylibrary_slides(library: Library) -> list[Slide]:
    return [s for t in library.topics for s in t.slides_at("key")]


def test_key_depth_ends_with_what_to_watch(real_library):
    key = _keylibrary_slides(real_library)
    watch = [s.id for s in key if s.title.startswith("What to watch")]
    assert watch == ["outlook-watch"]
    assert key[-1].id == "outlook-watch"


def test_no_point_is_repeated_across_keylibrary_slides(real_library):
    claims = [(s.id, text) for s in _keylibrary_slides(real_library) for text, _ in _claims(s)]
    assert _shared_runs(claims, 4) == []


@pytest.mark.parametrize(
    ("number", "companion"),
    [
        ("78%", r"2023"),  # the semiconductor share comes from 2023 sources
        ("11,000", r"4,000 may have been casualties"),  # the troop number with its possible casualties
        ("90 percent of Northern Sea Route", r"2023"),
        ("47%", r"December 2022–December 2024"),
    ],
)
def test_key_figures_keep_their_vintage_and_caveat(real_library, number, companion):
    texts = [text for s in _keylibrary_slides(real_library) for text, _ in _claims(s) if number in text]
    assert texts, f"{number} is not on a key slide"
    assert all(re.search(companion, text) for text in texts), texts


@pytest.mark.parametrize(
    ("subject", "pattern"),
    [
        ("the Taiwan readout difference", r"“People's Republic of China”"),
        ("coast-guard cooperation", r"[Cc]oast guard"),
        ("the Chinese scholars' debate", r"Chinese scholars"),
    ],
)
def test_key_depth_covers(real_library, subject, pattern):
    assert any(re.search(pattern, _claim_text(s)) for s in _keylibrary_slides(real_library)), subject


# ------------------------------------------------------------------ sources


def test_article_entry_names_the_author_and_her_affiliation(real_library):
    csl = real_library.sources[ARTICLE].csl
    assert csl["author"] == [{"family": "Wishnick", "given": "Elizabeth"}]
    assert "Center for Naval Analyses" in csl.get("note", "") and "Weatherhead East Asian Institute" in csl.get(
        "note", ""
    )


def test_the_library_introduces_the_article_and_its_author_with_her_affiliation(real_library):
    # The title slide's notes say it (see tests/compose/test_title_notes.py), so a key-depth deck has it.
    (about,) = real_library.about
    assert "“The Sino-Russian Partnership: Cooperation without Coordination”" in about
    assert (
        "senior research scientist in the China and Indo-Pacific Security Affairs Division at the Center for "
        "Naval Analyses"
    ) in about
    assert "senior research scholar at the Weatherhead East Asian Institute at Columbia University" in about
    assert "our dating" in about  # the article itself gives no date


def test_sources_keep_every_field_the_notes_give(real_library):
    cna = real_library.sources["gorenburg-2023-cna-military-cooperation"].csl
    assert "Mary Chesnut and Brooke Lennox" in cna.get("note", "")
    dod = real_library.sources["dod-2024-china-military-power"].csl
    assert (dod.get("genre"), dod.get("page")) == ("Annual Report to Congress", "15")
