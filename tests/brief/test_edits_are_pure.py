"""Every brief edit is pure: it returns the brief after the change and leaves the brief it was given as it was.

An undo step keeps the brief before it; an edit that changed it, or handed
back a brief sharing a list or a dict with it, would make undo restore
something other than what the user had.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sinoru_brief.brief import Brief, BriefBullet, BriefFigure, edits
from sinoru_brief.compose import compose

LIBRARY_SLIDES = ["alpha-key", "alpha-quote", "alpha-chart", "beta-table", "beta-timeline", "beta-bullets"]
TOPICS = ["alpha", "beta"]
WORDS = st.text(alphabet="abc Жд中文 ", min_size=1, max_size=12)

Edit = Callable[[Brief], Brief]


def _own(brief: Brief) -> list[str]:
    return [s.id for s in brief.custom_slides]


def _any_slide(brief: Brief, pick: int) -> str:
    keys = LIBRARY_SLIDES + _own(brief)
    return keys[pick % len(keys)]


def _shown_order(library, brief: Brief, topic: str) -> list[str]:
    return [s.key for s in compose(library, brief).slides if s.topic is not None and s.slide and s.topic.id == topic]


def _placed(library, brief: Brief, topic: str) -> list[str]:
    from sinoru_brief.compose.custom import placed_slides

    return [s.id for s in placed_slides(library.topic(topic), brief)]


def edit_strategy(library) -> st.SearchStrategy[Callable[[Brief], Edit]]:
    """Return a strategy of functions that, given the brief as it stands, pick an edit that fits it."""
    pick = st.integers(0, 50)

    def own_slide(after: int, title: str, kind: str) -> Callable[[Brief], Edit]:
        return lambda b: (
            lambda x: edits.add_custom_slide(
                x,
                library,
                _any_slide(b, after),
                title,
                [BriefBullet(title, ["article-2025"], [BriefBullet("sub")])],
                kind=kind,
                figures=[BriefFigure("1", title)],
                quote=title,
                cite=["article-2025"],
            )[0]
        )

    def arranged(topic: str, seed: int) -> Callable[[Brief], Edit]:
        def make(b: Brief) -> Edit:
            shown = _shown_order(library, b, topic)
            wanted = shown[seed % max(1, len(shown)) :] + shown[: seed % max(1, len(shown))]
            placed = _placed(library, b, topic)
            return lambda x: edits.arrange_topic(x, library, topic, placed, wanted)

        return make

    def topics_arranged(seed: int) -> Callable[[Brief], Edit]:
        def make(b: Brief) -> Edit:
            chosen = list(dict.fromkeys(b.topics))
            shown = chosen[seed % 2 :] + chosen[: seed % 2]
            return lambda x: edits.arrange_topics(x, shown)

        return make

    return st.one_of(
        st.builds(own_slide, pick, WORDS, st.sampled_from(["bullets", "quote", "key_figures"])),
        st.builds(lambda p: lambda b: lambda x: edits.remove_custom_slide(x, _any_slide(b, p)), pick),
        st.builds(
            lambda ps: lambda b: lambda x: edits.remove_slides(x, library, [_any_slide(b, p) for p in ps]),
            st.lists(pick, max_size=3),
        ),
        st.builds(
            lambda p, w: lambda b: lambda x: edits.set_bullets(x, library, _any_slide(b, p), [BriefBullet(w)]),
            pick,
            WORDS,
        ),
        st.builds(lambda p, w: lambda b: lambda x: edits.set_notes(x, library, _any_slide(b, p), w), pick, WORDS),
        st.builds(lambda p, w: lambda b: lambda x: edits.set_briefer(x, library, _any_slide(b, p), w), pick, WORDS),
        st.builds(lambda p, w: lambda b: lambda x: edits.set_own_title(x, _any_slide(b, p), w), pick, WORDS),
        st.builds(
            lambda p, w: lambda b: lambda x: edits.set_own_quote(x, _any_slide(b, p), w, w, ["article-2025"]),
            pick,
            WORDS,
        ),
        st.builds(
            lambda p, w: lambda b: lambda x: edits.set_own_figures(x, _any_slide(b, p), [BriefFigure("2", w)]),
            pick,
            WORDS,
        ),
        st.builds(
            lambda t, on: lambda b: lambda x: edits.toggle_topic(x, library, t, on),
            st.sampled_from(TOPICS),
            st.booleans(),
        ),
        st.builds(lambda t: lambda b: lambda x: edits.set_topics(x, [t]), st.sampled_from(TOPICS)),
        st.builds(topics_arranged, pick),
        st.builds(
            lambda t, before: lambda b: lambda x: edits.move_topic(x, t, before),
            st.sampled_from(TOPICS),
            st.sampled_from([None, *TOPICS]),
        ),
        st.builds(lambda d: lambda b: lambda x: edits.set_depth(x, d), st.sampled_from(["key", "standard", "full"])),
        st.builds(lambda w: lambda b: lambda x: edits.set_field(x, "title", w), WORDS),
        st.builds(
            lambda w: lambda b: lambda x: edits.set_look(x, {"colors": {"accent": "#123456"}, "note": [w]}), WORDS
        ),
        st.builds(lambda s: lambda b: lambda x: edits.exclude_slide(x, s), st.sampled_from(LIBRARY_SLIDES)),
        st.builds(lambda s: lambda b: lambda x: edits.restore_slide(x, s), st.sampled_from(LIBRARY_SLIDES)),
        st.builds(
            lambda s, on: lambda b: lambda x: edits.set_slide_included(x, library, s, on),
            st.sampled_from(LIBRARY_SLIDES),
            st.booleans(),
        ),
        st.builds(
            lambda s, before: lambda b: lambda x: edits.move_slide(x, library, s, before),
            st.sampled_from(LIBRARY_SLIDES),
            st.sampled_from([None, *LIBRARY_SLIDES]),
        ),
        st.builds(arranged, st.sampled_from(TOPICS), pick),
        st.builds(
            lambda s, w: lambda b: lambda x: edits.override_title(x, s, w), st.sampled_from(LIBRARY_SLIDES), WORDS
        ),
        st.builds(
            lambda s, w: lambda b: lambda x: edits.override_bullet(x, s, "0", w), st.sampled_from(LIBRARY_SLIDES), WORDS
        ),
        st.builds(lambda s: lambda b: lambda x: edits.restore_wording(x, s), st.sampled_from(LIBRARY_SLIDES)),
    )


def _scribble(value: object) -> None:
    """Change every list, dict and dataclass inside *value* in place, as a later careless edit might."""
    if isinstance(value, list):
        for item in value:
            _scribble(item)
        value.append("scribbled")
    elif isinstance(value, dict):
        for item in list(value.values()):
            _scribble(item)
        value["scribbled"] = "scribbled"
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            item = getattr(value, f.name)
            _scribble(item)
            if isinstance(item, str):
                object.__setattr__(value, f.name, item + " scribbled")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_no_edit_changes_the_brief_it_is_given_or_shares_anything_with_it(fixture_library, fixture_brief, data):
    brief = fixture_brief
    for make in data.draw(st.lists(edit_strategy(fixture_library), min_size=1, max_size=8)):
        edit = make(brief)
        kept = copy.deepcopy(brief)
        after = edit(brief)
        assert brief == kept, "the edit changed the brief it was given"
        assert after is not brief
        if after.topics:  # (a brief with no topic is a new document: the composer refuses it, as it should)
            compose(fixture_library, after)  # the edited brief is one the composer takes
        scribbled = copy.deepcopy(after)
        _scribble(after)
        assert brief == kept, "the edited brief shares a list, a dict or a slide with the one it came from"
        brief = scribbled
