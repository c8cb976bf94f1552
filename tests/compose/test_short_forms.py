"""Short forms on source lines: every work in a deck has its own, and titles are cut only between words."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from sinoru_brief.brief import Brief
from sinoru_brief.compose import compose
from sinoru_brief.compose.short_forms import ELLIPSIS, distinct_short_forms
from sinoru_brief.content.models import Source


def reading(form: str) -> str:
    return " ".join(form.casefold().split())


def source(source_id: str, **csl) -> Source:
    return Source(id=source_id, csl={"id": source_id, "type": "webpage", **csl})


def assert_cut_between_words(form: str, titles: list[str]) -> None:
    """Each shortened title in *form* must end where a word of one of *titles* ends."""
    for piece in form.split(ELLIPSIS)[:-1]:
        kept = piece.split("“")[-1]
        assert any(
            t.startswith(kept)
            and (len(t) == len(kept) or not t[len(kept)].isalnum() or _ideograph(t[len(kept)]) or _ideograph(kept[-1]))
            for t in titles
        ), (form, kept)


def _ideograph(char: str) -> bool:
    """Return whether *char* is written without spaces around it (each one a word)."""
    return "\u3400" <= char <= "\u9fff"


def test_every_short_form_in_a_full_deck_of_the_real_library_is_its_own(real_library):
    deck = compose(real_library, Brief(topics=real_library.topic_ids(), depth="full"))
    forms = [r.short for r in deck.references]
    assert len(forms) == len(deck.numbers) > 50
    assert len({reading(f) for f in forms}) == len(forms)
    titles = [s.title for s in real_library.sources.values()]
    for form in forms:
        assert_cut_between_words(form, titles)


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_any_selection_of_the_real_library_gets_distinct_short_forms(real_library, data):
    chosen = data.draw(st.lists(st.sampled_from(sorted(real_library.sources)), min_size=1, unique=True))
    forms = distinct_short_forms([real_library.sources[s] for s in chosen])
    assert sorted(forms) == sorted(chosen)
    assert len({reading(f) for f in forms.values()}) == len(chosen)


def test_the_two_joint_statements_read_apart(real_library):
    forms = distinct_short_forms(list(real_library.sources.values()))
    zh, ru = forms["prc-russia-2024-05-16-joint-statement-zh"], forms["kremlin-2024-05-16-joint-statement-ru"]
    assert zh == "Joint Statement of the People's Republic… 2024"
    assert ru == "Joint Statement of the Russian Federation… 2024"


def test_clashes_are_told_apart_by_initials_title_then_date(real_library):
    forms = distinct_short_forms(list(real_library.sources.values()))
    assert (
        forms["feng-shaolei-2024-02-28-global-transformation"],
        forms["feng-yujun-2024-01-05-prolonged-warfare"],
    ) == ("S. Feng 2024", "Y. Feng 2024")
    assert forms["bermingham-2024-11-15-eu-drones-proof"] == "Bermingham, “EU Has ‘Conclusive’…” 2024"
    # Two Kremlin readouts whose titles part only after five words: the date is clearer.
    assert forms["kremlin-2024-07-03-sco-meeting"] == "Kremlin, President of Russia 3 Jul 2024"
    assert forms["kremlin-2024-10-22-xi-meeting-kazan"] == "Kremlin, President of Russia 22 Oct 2024"
    # A work that clashes with nothing keeps the plain form.
    assert forms["wishnick-2025-cooperation-without-coordination"] == "Wishnick"


def test_works_alike_in_everything_get_letters():
    twins = [
        source(
            f"twin-{i}", title="Press release", **{"container-title": "Agency"}, issued={"date-parts": [[2024, 3, 1]]}
        )
        for i in range(3)
    ]
    assert list(distinct_short_forms(twins).values()) == ["Agency 2024a", "Agency 2024b", "Agency 2024c"]


def test_titles_without_spaces_are_cut_between_characters():
    titles = ["中华人民共和国和俄罗斯联邦联合声明全文", "中华人民共和国和俄罗斯联邦关于新时代的声明"]
    forms = distinct_short_forms([source(f"zh-{i}", title=t) for i, t in enumerate(titles)])
    assert len(set(forms.values())) == 2
    for form in forms.values():
        assert_cut_between_words(form, titles)


_WORDS = st.sampled_from(
    [
        "Joint",
        "Statement",
        "of",
        "the",
        "China",
        "Russia",
        "on",
        "Meeting",
        "Xi",
        "Putin",
        "Partnership",
        "New",
        "Era",
        "and",
        "Press",
        "Conference",
        "Pipeline",
    ]
)
_TITLES = st.lists(_WORDS, min_size=1, max_size=18).map(" ".join)
_NAMES = st.sampled_from(["Feng", "Lee", "Zhao", "Kremlin", ""])


@st.composite
def _sources(draw, index: int) -> Source:
    csl: dict = {"title": draw(_TITLES)}
    name = draw(_NAMES)
    if name and draw(st.booleans()):
        csl["author"] = [{"family": name, "given": draw(st.sampled_from(["Shaolei", "Yujun", "Ann", ""]))}]
    elif name:
        csl["container-title"] = name
    date = draw(st.lists(st.integers(1, 12), min_size=0, max_size=2))
    if draw(st.booleans()):
        csl["issued"] = {"date-parts": [[draw(st.sampled_from([2023, 2024])), *date]]}
    return source(f"s{index}", **csl)


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_generated_works_always_get_distinct_forms_cut_between_words(data):
    count = data.draw(st.integers(1, 9))
    sources = [data.draw(_sources(i)) for i in range(count)]
    forms = distinct_short_forms(sources)
    assert len({reading(f) for f in forms.values()}) == count
    titles = [s.title for s in sources]
    for form in forms.values():
        assert_cut_between_words(form, titles)
        assert not form.startswith(" ") and "  " not in form


def test_a_short_form_grows_only_as_far_as_a_clash_needs(real_library):
    alone = distinct_short_forms([real_library.sources["kremlin-2024-07-03-sco-meeting"]])
    assert alone == {"kremlin-2024-07-03-sco-meeting": "Kremlin, President of Russia 2024"}
    pairs = itertools.combinations(sorted(real_library.sources), 2)
    for a, b in itertools.islice(pairs, 400):
        forms = distinct_short_forms([real_library.sources[a], real_library.sources[b]])
        assert reading(forms[a]) != reading(forms[b])
