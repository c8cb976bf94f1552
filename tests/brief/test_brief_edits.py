"""The brief-editing operations the app binds to: own slides, bullets, notes and source search."""

from __future__ import annotations

from sinoru_brief.brief import Brief, BriefBullet
from sinoru_brief.brief.edits import (
    add_custom_slide,
    bullets_of,
    format_outline,
    parse_outline,
    remove_custom_slide,
    remove_slides,
    search_sources,
    set_bullets,
    set_notes,
)
from sinoru_brief.compose import compose


def test_an_added_slide_lands_right_after_the_selected_one(fixture_library, fixture_brief):
    brief, _ = add_custom_slide(fixture_brief, fixture_library, "alpha-key", "Later", [BriefBullet("b")])
    brief, first = add_custom_slide(brief, fixture_library, "alpha-key", "Our assessment!", [BriefBullet("a")])
    assert first == "own-our-assessment"
    keys = [s.key for s in compose(fixture_library, brief).slides]
    assert keys[keys.index("alpha-key") + 1 : keys.index("alpha-key") + 3] == ["own-our-assessment", "own-later"]
    brief, again = add_custom_slide(brief, fixture_library, "alpha-key", "Our assessment", [])
    assert again == "own-our-assessment-2"
    brief = remove_custom_slide(brief, "own-our-assessment-2")
    brief = remove_custom_slide(brief, "own-our-assessment")
    assert [(s.id, s.after) for s in brief.custom_slides] == [("own-later", "alpha-key")]
    assert fixture_brief.custom_slides == []  # the brief each edit was given stays as it was


def test_removing_slides_leaves_library_slides_out_and_deletes_own_ones(fixture_library, fixture_brief):
    brief, own = add_custom_slide(fixture_brief, fixture_library, "alpha-key", "Ours", [BriefBullet("a")])
    brief, follower = add_custom_slide(brief, fixture_library, own, "Follows ours", [])
    brief = remove_slides(brief, fixture_library, [own, "alpha-chart", "alpha-chart", "no-such-slide"])
    assert brief.exclude == ["alpha-chart"]
    assert [(s.id, s.after) for s in brief.custom_slides] == [(follower, "alpha-key")]
    keys = [s.key for s in compose(fixture_library, brief).slides]
    assert own not in keys and "alpha-chart" not in keys and follower in keys


def test_bullets_set_back_to_the_librarys_leave_no_change(fixture_library):
    brief = Brief(title="T", topics=["alpha"])
    library_bullets = bullets_of(brief, fixture_library, "alpha-key")
    added = [BriefBullet("New first", ["ru-2024-statement"], [BriefBullet("A sub-bullet")]), *library_bullets]
    edited = set_bullets(brief, fixture_library, "alpha-key", added)
    assert bullets_of(edited, fixture_library, "alpha-key") == added
    assert brief.overrides == {}
    # Back to the library's own bullets: the change is gone, not kept as a copy.
    assert set_bullets(edited, fixture_library, "alpha-key", library_bullets).overrides == {}
    # What bullets_of returns is a copy: changing it changes no brief.
    bullets_of(edited, fixture_library, "alpha-key")[0].text = "Scribbled"
    assert bullets_of(edited, fixture_library, "alpha-key") == added


def test_notes_of_library_and_own_slides(fixture_library):
    brief = Brief(title="T", topics=["alpha"])
    brief = set_notes(brief, fixture_library, "alpha-key", "Ours")
    assert brief.overrides["alpha-key"].notes == "Ours"
    brief = set_notes(brief, fixture_library, "alpha-key", fixture_library.slide("alpha-key").notes)
    assert "alpha-key" not in brief.overrides
    brief, own = add_custom_slide(brief, fixture_library, "alpha-key", "Own", [])
    brief = set_notes(brief, fixture_library, own, "Own notes")
    assert brief.custom_slide(own).notes == "Own notes"


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
