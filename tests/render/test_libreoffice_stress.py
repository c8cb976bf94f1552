"""A stress deck of long rewordings on real masters with a banner, drawn by LibreOffice: no word leaves its box.

The deck is three topics of the real library (bullets, key judgments, a
chart, a table and a timeline among them) with every slide's first bullet
reworded to some 1,800 characters of mixed English, Russian and Chinese
text with an unbreakable URL, long slide titles and a long deck title, on
three sample masters and on the built-in look, all with a classification
banner (and, on the built-in look, a logo). LibreOffice converts them as a
real client; every word it draws must lie inside the frame that holds that
word (see :mod:`support.drawn_words`), and the laid-out pages must pass the
layout's own invariant check.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace
from pathlib import Path

import pytest
from support.drawn_words import drawn_words, inside, misplaced_words, rect, static_text
from support.libreoffice import run_libreoffice

from sinoru_brief.brief import Brief
from sinoru_brief.brief.model import SlideOverride
from sinoru_brief.layout.invariants import check_pages
from sinoru_brief.pipeline import build, render_pptx
from sinoru_brief.theme import load_theme
from sinoru_brief.theme.model import Banner

pytestmark = pytest.mark.libreoffice

TEMPLATES = Path(__file__).parents[1] / "data" / "pptx-templates"
MASTERS = ["pandoc__default-reference.pptx", "officer__template.pptx", "coreoz__demo-template.pptx"]
TOPICS = ["summits", "arctic-energy", "indo-pacific"]
BANNER = Banner("SECRET // REL TO USA, GBR, AUS, CAN, NZL", "C00000", "FFFFFF")
_WORDS = (
    "partnership coordination without alliance Beijing Moscow pipeline exercises neutrality sanctions "
    "cooperation strategic Arctic energy summit"
).split()
_RUSSIAN = "партнёрство сотрудничество без координации Пекин Москва трубопровод учения".split()
_CHINESE = ["全面战略协作伙伴关系", "新时代", "不结盟", "不对抗", "不针对第三方", "北极航道"]


def reworded(rng: random.Random, length: int) -> str:
    """Return about *length* characters of mixed-script text with one long URL in it."""
    words: list[str] = []
    while sum(len(w) + 1 for w in words) < length:
        pool = rng.choice((_WORDS, _WORDS, _WORDS, _RUSSIAN, _CHINESE))
        words.append(rng.choice(pool))
    words.insert(
        len(words) // 2,
        "https://www.example.org/reports/2025/sino-russian-partnership-cooperation-without-coordination/full-text.html",
    )
    return " ".join(words)


def stress_brief(library) -> Brief:
    rng = random.Random(20250126)
    overrides = {}
    for slide in (s for topic_id in TOPICS for s in library.topic(topic_id).slides):
        if slide.bullets:
            overrides[slide.id] = SlideOverride(title=reworded(rng, 110), bullets={"0": reworded(rng, 1800)})
    return Brief(
        title="A briefing on the Sino-Russian partnership: cooperation without coordination, as of 2025",
        topics=TOPICS,
        depth="full",
        date=dt.date(2025, 2, 1),
        overrides=overrides,
    )


@pytest.fixture(scope="module")
def stress_decks(real_library, libreoffice, tmp_path_factory):
    """Build and convert the stress deck on each master and the built-in look in one LibreOffice run."""
    out = tmp_path_factory.mktemp("stress-lo")
    logo = out / "logo.png"
    from PIL import Image

    Image.new("RGB", (240, 120), (20, 60, 120)).save(logo)
    brief = stress_brief(real_library)
    themes = {name: replace(load_theme("briefing", master=TEMPLATES / name), banner=BANNER) for name in MASTERS}
    themes["briefing"] = replace(load_theme("briefing"), banner=BANNER, logo=logo)
    builds = {}
    for name, theme in themes.items():
        result = build(brief, library=real_library, theme=theme)
        (out / f"{Path(name).stem}.pptx").write_bytes(render_pptx(result))
        builds[name] = result
    run_libreoffice(libreoffice, out, [out / f"{Path(n).stem}.pptx" for n in themes])
    drawn = {name: drawn_words(out / f"{Path(name).stem}.pdf", out / f"{Path(name).stem}.html") for name in themes}
    return builds, drawn


@pytest.mark.parametrize("name", [*MASTERS, "briefing"])
def test_stress_deck_keeps_every_word_inside_its_own_frame(stress_decks, name):
    builds, drawn = stress_decks
    result = builds[name]
    assert not check_pages(result.pages)
    assert len(drawn[name]) == len(result.pages)
    # The rewordings really are long: text slides are at their floor, or continued.
    floor = result.theme.sizes.body.minimum
    assert any(
        p.continued
        or any(f.role == "body" and f.paragraphs and f.paragraphs[0].spans[0].size == floor for f in p.text_frames())
        for p in result.pages
    )
    failures = [
        f
        for page, (width, height, words) in zip(result.pages, drawn[name], strict=True)
        for f in misplaced_words(page, words, width, height, static_text(result.theme.master, page.kind))
    ]
    assert not failures, "\n".join(map(str, failures[:20]))


def test_a_word_inside_another_frame_is_still_caught(stress_decks):
    """Shrink a body frame and stretch the source line over its lower half: those words must fail.

    This is the reported failure (a bullet printing over the source line)
    made on purpose, to show the check does not accept a word merely for lying
    inside some frame.
    """
    builds, drawn = stress_decks
    result = builds["briefing"]
    index, page = next(
        (i, p)
        for i, p in enumerate(result.pages)
        if p.kind == "bullets" and any(f.role == "source" for f in p.text_frames())
    )
    body = next(f for f in page.text_frames() if f.role == "body")
    source = next(f for f in page.text_frames() if f.role == "source")
    half = body.y + body.h // 2
    moved = [
        replace(body, h=body.h // 2)
        if b is body
        else replace(source, y=half, h=source.bottom - half)
        if b is source
        else b
        for b in page.boxes
    ]
    width, height, words = drawn["briefing"][index]
    failures = misplaced_words(replace(page, boxes=moved), words, width, height)
    assert failures, "a bullet printed over the source line was not caught"
    # Among them, words that lie inside the (stretched) source frame: inside a frame, but not their own.
    stretched = rect(next(b for b in moved if getattr(b, "role", "") == "source"))
    assert any(inside(word, stretched) for _, _, word, _ in failures)
    assert all(why == "outside its frame (body)" for *_, why in failures), failures[:5]
