"""Reference slides show URLs as a reader needs them, with nothing dangling on a line of its own."""

from __future__ import annotations

import datetime as dt

import pytest

from sinoru_brief.brief import Brief
from sinoru_brief.compose import compose
from sinoru_brief.layout import layout_deck
from sinoru_brief.layout.kinds.generated import URL_DISPLAY_LIMIT, display_url


@pytest.mark.parametrize(
    "url, shown",
    [
        (
            "https://www.cna.org/reports/2023/05/Russian-Chinese-Military-Cooperation.pdf",
            "cna.org/…/Russian-Chinese-Military-Cooperation.pdf",
        ),
        ("https://www.globaltimes.cn/page/202411/1324090.shtml", "globaltimes.cn/page/202411/1324090.shtml"),
        ("http://example.org/", "example.org"),
        (
            "https://media.defense.gov/2024/Dec/18/2003615520/-1/-1/0/MILITARY-AND-SECURITY-DEVELOPMENTS-INVOLVING-THE-"
            "PEOPLES-REPUBLIC-OF-CHINA-2024.PDF",
            "media.defense.gov/…/MILITARY-AND-SECURITY-DEVELOPMENTS-…",
        ),
    ],
)
def test_urls_show_without_scheme_and_with_a_long_middle_elided(url, shown):
    assert display_url(url) == shown
    assert len(display_url(url)) <= URL_DISPLAY_LIMIT


def test_a_very_long_host_is_cut_to_the_limit():
    assert len(display_url("https://" + "sub." * 30 + "example.org/a")) == URL_DISPLAY_LIMIT


@pytest.mark.parametrize("style", ["chicago-notes-bibliography", "apa"])
def test_reference_links_keep_the_full_target_and_no_lone_period(real_library, theme, style):
    brief = Brief(topics=real_library.topic_ids(), depth="full", date=dt.date(2025, 2, 1), style=style)
    deck = compose(real_library, brief, theme.snippets)
    pages = [p for p in layout_deck(deck, theme) if p.kind == "references"]
    urls = {ref.url for ref in deck.references if ref.url}
    links = [s for p in pages for f in p.text_frames() for para in f.paragraphs for s in para.spans if s.link]
    assert {s.link for s in links} == urls  # every URL is there, clickable in full
    for page in pages:
        for frame in page.text_frames():
            for para in frame.paragraphs:
                for line in para.lines:
                    text = "".join(s.text for s in line.spans).strip()
                    assert text not in (".", "Retrieved", "Retrieved from", "from"), (page.key, para.text)
