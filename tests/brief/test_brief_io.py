"""Brief files: round trip, validation messages, reconciling with the library, atomic saving."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from support.brief_files import problems, write

from sinoru_brief.brief import Brief, SlideOverride, load_brief, reconciled, save_brief
from sinoru_brief.errors import ExportError


@pytest.fixture
def full_brief() -> Brief:
    return Brief(
        title="Deck — 中俄",
        subtitle="A subtitle: with colon",
        author="Ann Analyst",
        date=dt.date(2025, 2, 1),
        organisation="Office of Net Assessment: Asia desk",
        presenter="Dr. Ann Analyst",
        classification="UNCLASSIFIED // FOR TRAINING",
        topics=["beta", "alpha"],
        depth="full",
        exclude=["alpha-quote"],
        slide_order=["beta-bullets", "beta-table"],
        overrides={
            "alpha-key": SlideOverride(
                title="New title", notes="New notes", bullets={"0": "First, changed", "1.0": "Sub-bullet, changed"}
            ),
            "beta-bullets": SlideOverride(bullets={"0": "Only a bullet {{ brief.title }}"}),
        },
        template="plain",
        style="apa",
    )


def test_round_trip_gives_an_equal_brief(tmp_path, full_brief):
    path = tmp_path / "deck.brief.yaml"
    save_brief(full_brief, path)
    assert load_brief(path) == full_brief
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# sinoru-brief deck choices\ntitle: Deck — 中俄\n")
    # Bullet positions are saved quoted, so "1.0" stays text and does not become a number.
    assert "      '0': First, changed\n      '1.0': Sub-bullet, changed\n" in text


def test_round_trip_of_a_minimal_brief(tmp_path):
    brief = Brief(title="T", subtitle="", topics=["alpha"], date=dt.date(2025, 2, 3))
    path = tmp_path / "min.brief.yaml"
    save_brief(brief, path)
    assert path.read_text(encoding="utf-8") == (
        "# sinoru-brief deck choices\ntitle: T\ndate: '2025-02-03'\ntopics:\n- alpha\ndepth: standard\n"
        "template: briefing\nstyle: chicago-notes-bibliography\n"
    )
    assert load_brief(path) == brief


def test_a_date_left_on_today_is_written_down(tmp_path):
    path = tmp_path / "today.brief.yaml"
    save_brief(Brief(title="T", topics=["alpha"]), path)
    written = load_brief(path).date
    assert written is not None and written in (dt.date.today(), dt.date.today() - dt.timedelta(days=1))
    assert f"date: '{written.isoformat()}'\n" in path.read_text(encoding="utf-8")


def test_empty_overrides_are_not_saved(tmp_path):
    path = tmp_path / "b.brief.yaml"
    save_brief(Brief(title="T", overrides={"alpha-key": SlideOverride()}), path)
    assert "overrides" not in path.read_text(encoding="utf-8")


def test_unquoted_bullet_positions_are_read_as_text(tmp_path):
    path = write(tmp_path, "title: T\noverrides:\n  alpha-key:\n    bullets:\n      0: a\n      1.0: b\n")
    assert load_brief(path).overrides["alpha-key"].bullets == {"0": "a", "1.0": "b"}


def test_unknown_key_with_did_you_mean(tmp_path):
    path = write(tmp_path, "title: T\ntopcs: [alpha]\n")
    assert problems(path) == [f"{path}:2:8: topcs: unknown key 'topcs' in brief (did you mean 'topics'?)"]


def test_bad_depth_with_did_you_mean(tmp_path):
    path = write(tmp_path, "title: T\ndepth: ful\n")
    assert problems(path) == [
        f"{path}:2:8: depth: expected one of key, standard, full, got text 'ful' (did you mean 'full'?)"
    ]


def test_bad_bullet_override_keys(tmp_path):
    path = write(tmp_path, "title: T\noverrides:\n  alpha-key:\n    bullets:\n      first: x\n      '1.0.1': y\n")
    hint = "use '0' for the first bullet or '0.1' for its second sub-bullet"
    assert problems(path) == [
        f"{path}:5:14: overrides.alpha-key.bullets.first: bullet key 'first' is not a bullet position ({hint})",
        f"{path}:6:16: overrides.alpha-key.bullets.1.0.1: bullet key '1.0.1' is not a bullet position ({hint})",
    ]


def test_title_slide_fields_are_read_and_saved_in_reading_order(tmp_path):
    path = write(
        tmp_path, "title: T\norganisation: Asia desk\npresenter: Ann\nclassification: SECRET\ndate: 2025-02-03\n"
    )
    brief = load_brief(path)
    assert (brief.organisation, brief.presenter, brief.classification) == ("Asia desk", "Ann", "SECRET")
    save_brief(brief, path)
    text = path.read_text(encoding="utf-8")
    assert (
        "title: T\norganisation: Asia desk\npresenter: Ann\nclassification: SECRET\ndate: '2025-02-03'\ntopics: []\n"
    ) in text
    assert load_brief(path) == brief


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("organisation: [a, b]", "2:15: organisation: expected text, got a list"),
        ("presenter: {name: Ann}", "2:12: presenter: expected text, got a mapping"),
        (
            "classification: " + "X" * 121,
            "2:17: classification: is 121 characters long; the limit is 120 (shorten it or split it)",
        ),
        (
            "clasification: SECRET",
            "2:16: clasification: unknown key 'clasification' in brief (did you mean 'classification'?)",
        ),
    ],
)
def test_bad_title_slide_fields_name_line_and_key(tmp_path, line, problem):
    path = write(tmp_path, f"title: T\n{line}\n")
    assert problems(path) == [f"{path}:{problem}"]


def test_several_problems_are_reported_together(tmp_path):
    path = write(tmp_path, "depth: ful\ntopics:\n  -\n  - alpha\n")
    assert problems(path) == [
        f"{path}:1:1: missing required key 'title' in brief (add 'title:' with text)",
        f"{path}:3:4: topics[0]: has no value (write text here)",
        f"{path}:1:8: depth: expected one of key, standard, full, got text 'ful' (did you mean 'full'?)",
    ]


def test_empty_and_wrongly_shaped_files(tmp_path):
    empty = write(tmp_path, "# nothing\n")
    assert problems(empty) == [f"{empty}: the brief file is empty (give it at least a title)"]
    listed = write(tmp_path, "- title\n")
    assert problems(listed) == [f"{listed}:1:1: expected a brief (key: value pairs), got a list"]


def test_missing_file(tmp_path):
    assert problems(tmp_path / "none.brief.yaml") == [
        f"{tmp_path / 'none.brief.yaml'}: cannot read the file: No such file or directory"
    ]


def test_invalid_yaml(tmp_path):
    path = write(tmp_path, "title: T\ntopics: [alpha\n")
    assert problems(path) == [
        f"{path}:2:9: invalid YAML: the '[' here is never closed "
        "(add the missing ']'; YAML expected ',' or ']', but found the end of the file "
        "at line 3, column 1)"
    ]


def test_reconcile_drops_what_the_library_no_longer_has(fixture_library):
    brief = Brief(
        title="T",
        topics=["alpha", "gone-topic", "beta"],
        exclude=["alpha-quote", "gone-slide"],
        slide_order=["old-slide", "beta-table"],
        overrides={
            "alpha-key": SlideOverride(bullets={"1.0": "ok", "1.1": "no such sub", "5": "no"}),
            "beta-table": SlideOverride(bullets={"0": "a table has no bullets"}),
            "removed": SlideOverride(title="x"),
        },
    )
    kept = repr(brief)
    reconciled_brief, messages = reconciled(brief, fixture_library)
    assert repr(brief) == kept  # the brief given stays as it was
    brief = reconciled_brief
    assert messages == [
        "topic 'gone-topic' is no longer in the library and was dropped",
        "excluded slide 'gone-slide' is no longer in the library and was dropped",
        "ordered slide 'old-slide' is no longer in the library and was dropped",
        "the text changes to slide 'removed' were dropped: the slide is no longer in the library",
        "the change to bullet 1.1 of slide 'alpha-key' was dropped: the slide no longer has that bullet",
        "the change to bullet 5 of slide 'alpha-key' was dropped: the slide no longer has that bullet",
        "the change to bullet 0 of slide 'beta-table' was dropped: the slide no longer has that bullet",
    ]
    assert brief.topics == ["alpha", "beta"]
    assert brief.exclude == ["alpha-quote"]
    assert brief.slide_order == ["beta-table"]
    assert brief.overrides == {"alpha-key": SlideOverride(bullets={"1.0": "ok"})}


def test_reconcile_of_a_current_brief_changes_nothing(fixture_library, full_brief):
    before = repr(full_brief)
    again, notes = reconciled(full_brief, fixture_library)
    assert notes == []
    assert repr(again) == repr(full_brief) == before


def test_saving_is_atomic(tmp_path, monkeypatch, full_brief):
    path = tmp_path / "deck.brief.yaml"
    save_brief(Brief(title="Old"), path)
    old = path.read_bytes()

    def refuse(src, dst):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ExportError) as caught:
        save_brief(full_brief, path)
    assert str(caught.value) == (
        f"{path}: cannot write the file: Input/output error "
        "(check the path and try again; the previous file was left as it was)"
    )
    assert path.read_bytes() == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deck.brief.yaml"]
