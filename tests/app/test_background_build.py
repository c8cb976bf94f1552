"""A new look's deck is built off the GUI thread: the window keeps showing the old pages until it arrives,
rapid changes coalesce, a stale build is dropped, and whoever needs the deck meanwhile gets the current one."""

from __future__ import annotations

import copy
import threading
import zipfile
from dataclasses import replace

from app.windowkit import built

from sinoru_brief.app.session import DeckSession
from sinoru_brief.brief import Brief


def recoloured(target, accent: str):
    """Return the deck's look (of a window, or a controller's) with the accent colour *accent*."""
    controller = getattr(target, "controller", target)
    theme = controller.session.theme()
    return replace(theme, colors=replace(theme.colors, accent=accent, title=accent))


def fresh_pages(target):
    """Return the pages a new session builds, synchronously, for the brief (of a window, or a controller's)."""
    session = getattr(target, "controller", target).session
    return DeckSession(session.library, copy.deepcopy(session.brief)).view().pages


def test_a_theme_change_returns_before_the_deck_is_built_and_the_old_pages_stay_shown(window, qtbot):
    window.deck_panel.select_key("gray-zone-baltic-cables")
    old_page = window.preview.page
    old_pages = list(window.deck_panel.model.pages)
    window.controller.set_theme(recoloured(window, "123456"), "Change accent colour")
    # Control is back before the build is delivered: every panel still shows the previous deck.
    assert window.controller.builder.busy
    assert window.preview.page is old_page
    assert window.deck_panel.model.pages == old_pages
    assert window.controller.shown().pages == old_pages
    built(window, qtbot)
    assert window.preview.page is not old_page and window.preview.page.key == "gray-zone-baltic-cables"
    assert window.deck_panel.model.pages == window.controller.view().pages == fresh_pages(window)
    assert all(span.color != "123456" for frame in old_page.text_frames() for p in frame.paragraphs for span in p.spans)
    assert any(
        span.color == "123456"
        for frame in window.preview.page.text_frames()
        for p in frame.paragraphs
        for span in p.spans
    )


def test_rapid_changes_coalesce_into_few_builds_of_the_newest_look(deck_strip, controller, qtbot):
    builder = controller.builder
    started = builder.started
    colours = [f"{i:02d}{i:02d}AA" for i in range(10)]
    for colour in colours:
        controller.set_theme(recoloured(controller, colour), "Change accent colour", merge_key="accent")
    assert builder.started - started == 1  # the first runs; the others wait behind it, only the newest kept
    built(controller, qtbot)
    assert builder.started - started == 2
    view = controller.view()
    assert view.theme.colors.accent == colours[-1]
    assert view.pages == fresh_pages(controller)
    assert deck_strip.model.pages == view.pages
    assert controller.undo_stack.count() == 1


def test_export_right_after_a_theme_change_writes_the_new_look(window, qtbot, tmp_path):
    window.controller.set_theme(recoloured(window, "13579B"), "Change accent colour")
    target = tmp_path / "deck.pptx"
    window.exporter.start_export(target)  # the build still running is waited for: the export is of the current deck
    assert window.exporter.export_job is not None and window.exporter.export_job.view.theme.colors.accent == "13579B"
    qtbot.waitUntil(lambda: window.exporter.export_job is None, timeout=20000)
    with zipfile.ZipFile(target) as package:
        slides = [package.read(n).decode() for n in package.namelist() if n.startswith("ppt/slides/slide")]
    assert any('val="13579B"' in xml for xml in slides)
    built(window, qtbot)
    assert window.deck_panel.model.pages == window.controller.view().pages


def test_an_edit_while_a_look_builds_makes_its_result_stale_and_it_is_dropped(deck_strip, controller, qtbot):
    controller.set_theme(recoloured(controller, "2468AC"), "Change accent colour")
    controller.set_field("title", "Partners, not allies")  # synchronous: the deck is built for it
    view = controller.view()
    assert view.deck.brief.title == "Partners, not allies" and view.theme.colors.accent == "2468AC"
    built(controller, qtbot)
    assert controller.view() is view  # the background build, of the state before the title, was dropped
    assert deck_strip.model.pages == view.pages == fresh_pages(controller)


def test_view_waits_for_a_build_of_the_current_state_and_uses_it(real_library):
    session = DeckSession(real_library, Brief(topics=["summits"], depth="standard"))
    session.view()
    session.brief.look = {"colors": {"accent": "ABCDEF"}}
    session.replace_brief(session.brief)
    job = session.start_job()
    worker = threading.Thread(target=session.run_job, args=(job,))
    worker.start()
    view = session.view()
    worker.join()
    assert job.outcome is not None and view is job.outcome.build
    assert view.theme.colors.accent == "ABCDEF"
    assert session.finish_job(job)  # already the session's deck: the panels are told once


def test_a_job_of_an_older_state_is_not_taken(real_library):
    session = DeckSession(real_library, Brief(topics=["summits"], depth="standard"))
    job = session.start_job()
    session.brief.look = {"colors": {"accent": "ABCDEF"}}
    session.replace_brief(session.brief)
    session.run_job(job)
    assert not session.finish_job(job)
    assert session.view().theme.colors.accent == "ABCDEF"


def test_the_theme_editor_hands_its_change_on_and_returns_the_old_page_still_shown(window, qtbot):
    from app.test_theme_editor import open_editor

    editor = open_editor(window, qtbot)
    window.deck_panel.select_key("gray-zone-baltic-cables")
    old_page = window.preview.page
    editor.size_editors["title"].size_box.setValue(20)
    editor.apply_now()  # what the editor's timer calls: it returns before the deck is laid out again
    assert window.controller.builder.busy and window.preview.page is old_page
    built(window, qtbot)
    title = next(f for f in window.preview.page.text_frames() if f.role == "title")
    assert title.paragraphs[0].spans[0].size == 20
    assert window.deck_panel.model.pages == fresh_pages(window)


def test_a_build_of_the_previous_document_is_dropped(deck_strip, controller, qtbot):
    controller.set_theme(recoloured(controller, "ABCDEF"), "Change accent colour")
    other = DeckSession(controller.session.library, Brief(topics=["summits"], depth="standard"))
    controller.replace_session(other)  # as New or Open do, while the old look builds
    assert deck_strip.model.pages == other.view().pages
    refreshes: list[bool] = []
    controller.briefChanged.connect(lambda: refreshes.append(True))
    built(controller, qtbot)
    assert not refreshes  # the old document's deck arrived and was dropped: nothing to refresh
    assert controller.view() is other.view()
    assert deck_strip.model.pages == other.view().pages


def test_typing_builds_the_deck_in_the_background_and_the_panels_hear_once_it_arrives(controller, qtbot):
    slide = "gray-zone-baltic-cables"
    assert slide in [page.key for page in controller.view().pages]
    edited, changed = [], []
    controller.briefEdited.connect(lambda: edited.append(controller.brief.overrides[slide].bullets["0"]))
    controller.briefChanged.connect(lambda: changed.append(controller.shown().deck.brief.overrides[slide].bullets["0"]))
    shown_before = controller.shown()
    for text in ("C", "Ca", "Cables"):
        controller.override_bullet(slide, "0", text)  # one key each: a step that merges with the last
    assert edited == ["C", "Ca", "Cables"]  # the brief follows every key at once
    assert changed == [] and controller.builder.busy  # the deck does not, on the GUI thread
    assert controller.shown() is shown_before  # the panels keep the deck they have until the new one is ready
    built(controller, qtbot)
    assert changed and changed[-1] == "Cables"
    assert "Cables" in [
        span.text
        for page in controller.view().pages
        if page.key == slide
        for box in page.boxes
        for para in getattr(box, "paragraphs", ())
        for span in para.spans
    ]
    assert controller.undo_stack.count() == 1


def test_a_deck_asked_for_at_once_while_typing_still_reaches_the_panels(controller, qtbot):
    slide = "gray-zone-baltic-cables"
    controller.view()
    changed = []
    controller.briefChanged.connect(lambda: changed.append(True))
    controller.override_bullet(slide, "0", "Cables")
    view = controller.view()  # an export or a check needs the deck now: built here, not waited for
    assert view.deck.brief.overrides[slide].bullets["0"] == "Cables"
    built(controller, qtbot)
    assert changed, "the panels never heard of the typed edit"
    assert controller.view() is view
