"""The brief-editing operations the app binds to: own slides, bullets, notes and source search."""

from __future__ import annotations

from sinoru_brief.brief import Brief, BriefBullet
from sinoru_brief.brief.edits import (
    add_bullet,
    add_custom_slide,
    bullets_of,
    format_outline,
    move_bullet,
    parse_outline,
    remove_bullet,
    remove_custom_slide,
    search_sources,
    set_notes,
)
from sinoru_brief.compose import compose


def test_an_added_slide_lands_right_after_the_selected_one(fixture_library, fixture_brief):
    add_custom_slide(fixture_brief, fixture_library, "alpha-key", "Later", [BriefBullet("b")])
    first = add_custom_slide(fixture_brief, fixture_library, "alpha-key", "Our assessment!", [BriefBullet("a")])
    assert first.id == "own-our-assessment"
    keys = [s.key for s in compose(fixture_library, fixture_brief).slides]
    assert keys[keys.index("alpha-key") + 1 : keys.index("alpha-key") + 3] == ["own-our-assessment", "own-later"]
    again = add_custom_slide(fixture_brief, fixture_library, "alpha-key", "Our assessment", [])
    assert again.id == "own-our-assessment-2"
    remove_custom_slide(fixture_brief, "own-our-assessment-2")
    remove_custom_slide(fixture_brief, "own-our-assessment")
    assert [(s.id, s.after) for s in fixture_brief.custom_slides] == [("own-later", "alpha-key")]


def test_bullets_are_added_removed_and_moved_on_a_library_slide(fixture_library):
    brief = Brief(title="T", topics=["alpha"])
    library_texts = [b.text for b in fixture_library.slide("alpha-key").bullets]
    add_bullet(brief, fixture_library, "alpha-key", 0, "New first", ["ru-2024-statement"])
    assert [b.text for b in bullets_of(brief, fixture_library, "alpha-key")] == ["New first", *library_texts]
    move_bullet(brief, fixture_library, "alpha-key", 0, 99)
    assert [b.text for b in bullets_of(brief, fixture_library, "alpha-key")] == [*library_texts, "New first"]
    add_bullet(brief, fixture_library, "alpha-key", 0, "A sub-bullet", parent=0)
    assert bullets_of(brief, fixture_library, "alpha-key")[0].sub[0].text == "A sub-bullet"
    remove_bullet(brief, fixture_library, "alpha-key", 0, parent=0)
    remove_bullet(brief, fixture_library, "alpha-key", len(library_texts))
    # Back to the library's own bullets: the change is gone, not kept as a copy.
    assert "alpha-key" not in brief.overrides
    assert fixture_library.slide("alpha-key").bullets[0].text == library_texts[0]


def test_notes_of_library_and_own_slides(fixture_library):
    brief = Brief(title="T", topics=["alpha"])
    set_notes(brief, fixture_library, "alpha-key", "Ours")
    assert brief.overrides["alpha-key"].notes == "Ours"
    set_notes(brief, fixture_library, "alpha-key", fixture_library.slide("alpha-key").notes)
    assert "alpha-key" not in brief.overrides
    own = add_custom_slide(brief, fixture_library, "alpha-key", "Own", [])
    set_notes(brief, fixture_library, own.id, "Own notes")
    assert own.notes == "Own notes"


def test_outline_text_gives_two_levels():
    assert parse_outline("- First\n  - its detail\n\nSecond\n\tanother detail\n") == [
        BriefBullet("First", sub=[BriefBullet("its detail")]),
        BriefBullet("Second", sub=[BriefBullet("another detail")]),
    ]
    bullets = parse_outline("A claim [article-2025, ru-2024-statement]\n  detail [news-2024-10-03-report]\n")
    assert bullets == [
        BriefBullet(
            "A claim", ["article-2025", "ru-2024-statement"], [BriefBullet("detail", ["news-2024-10-03-report"])]
        )
    ]
    assert parse_outline(format_outline(bullets)) == bullets


def test_source_search_matches_every_word_in_id_title_author_and_year(fixture_library):
    assert [s.id for s in search_sources(fixture_library, "writer partnerships")] == ["article-2025"]
    assert [s.id for s in search_sources(fixture_library, "2024 fixtures")] == ["agency-2024-05-16-statement"]
    assert search_sources(fixture_library, "no such words") == []
