"""Ids are readable and unique, duplicates are found by DOI or by title and year, entries read back as written."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import assume, example, given
from hypothesis import strategies as st

from sinoru_brief.content.schema import ID_PATTERN
from sinoru_brief.sources.dates import csl_date, year_month_day
from sinoru_brief.sources.dedupe import DuplicateIndex, normal_doi, normal_title
from sinoru_brief.sources.emit import entry_yaml
from sinoru_brief.sources.ids import make_id
from sinoru_brief.yamlio.marked import load_marked


def test_ids_read_author_year_title_like_ours():
    assert (
        make_id(
            {
                "author": [{"family": "Wishnick", "given": "E."}],
                "issued": {"date-parts": [[2025, 1]]},
                "title": "The Sino-Russian Partnership: Cooperation without Coordination",
            },
            set(),
        )
        == "wishnick-2025-sino-russian-partnership"
    )
    assert (
        make_id(
            {
                "author": [{"family": "Лавров"}],
                "issued": {"date-parts": [[2024]]},
                "title": "Российско-китайские отношения",
            },
            set(),
        )
        == "lavrov-2024-rossiysko-kitayskie-otnosheniya"
    )
    assert (
        make_id({"author": [{"literal": "U.S. Department of Defense"}], "title": "Annual Report"}, set())
        == "us-department-nd-annual-report"
    )


def test_chinese_work_falls_back_on_the_outlet_then_the_users_key():
    chinese = {
        "type": "legal_case",
        "author": [{"literal": "新华社"}],
        "title": "中俄关系",
        "issued": {"date-parts": [[2024]]},
    }
    assert make_id({**chinese, "container-title": "Xinhua"}, set()) == "xinhua-2024-untitled"
    assert make_id(chinese, set(), key="xinhua2024") == "xinhua-2024"
    assert make_id(chinese, set(), key="http://zotero.org/users/1/items/AB12") == "legal-case-2024-untitled"


def test_a_clash_gets_a_number():
    item = {"author": [{"family": "Ng"}], "title": "Bomber patrol", "issued": {"date-parts": [[2024]]}}
    assert make_id(item, {"ng-2024-bomber-patrol", "ng-2024-bomber-patrol-2"}) == "ng-2024-bomber-patrol-3"


_NAME = st.fixed_dictionaries({}, optional={"family": st.text(max_size=30), "literal": st.text(max_size=30)})


@given(
    title=st.text(max_size=200),
    names=st.lists(_NAME, max_size=3),
    key=st.text(max_size=40),
    taken=st.sets(st.text(alphabet="abc-", min_size=1, max_size=8), max_size=5),
)
@example(title="", names=[], key="", taken=set())
@example(title="", names=[], key="\U0001d434", taken=set())  # a mathematical capital A folds to A, not a
def test_every_id_fits_the_schema_and_is_new(title: str, names: list, key: str, taken: set[str]):
    source_id = make_id({"title": title, "author": names, "type": "legal_case"}, taken, key)
    assert re.fullmatch(ID_PATTERN, source_id)
    assert len(source_id) <= 120
    assert source_id not in taken


def test_doi_and_title_normalisation():
    assert normal_doi("https://doi.org/10.1353/ASP.2025") == normal_doi("doi: 10.1353/asp.2025") == "10.1353/asp.2025"
    assert normal_title("The Sino-Russian partnership:  Cooperation") == normal_title(
        "the sino russian PARTNERSHIP, cooperation"
    )
    assert normal_title("Énergie") == normal_title("energie")
    assert normal_title("中俄关系") != normal_title("中美关系")


@given(st.text(max_size=80))
def test_a_title_matches_itself_in_any_case_spacing_and_punctuation(title: str):
    # Upper-casing is not always undone by casefold (ß -> SS -> ss), so those titles are left out.
    assume(normal_title(title) and normal_title(title.upper()) == normal_title(title))
    index = DuplicateIndex()
    index.add({"title": title}, "x")
    assert index.find({"title": "  " + title.upper().replace(" ", " \n ") + "."}) == "same title as x"


def test_same_title_of_another_year_is_not_a_duplicate():
    index = DuplicateIndex()
    index.add({"title": "Military Power Report", "issued": {"date-parts": [[2023]]}}, "dod-2023")
    assert index.find({"title": "Military power report", "issued": {"date-parts": [[2024]]}}) == ""
    assert index.find({"title": "Military power report"}) == "same title as dod-2023"
    assert index.find({"title": "Other", "DOI": "10.1/x"}) == ""
    index.add({"title": "Another", "DOI": "10.1/X"}, "another")
    assert index.find({"title": "Other", "DOI": "https://doi.org/10.1/x"}) == "same DOI as another"


def test_an_original_title_matches_an_imported_title():
    index = DuplicateIndex()
    index.add({"title": "Joint Statement", "original-title": "联合声明"}, "joint")
    assert index.find({"title": "联合声明"}) == "same title as joint"


def test_dates_as_reference_managers_write_them():
    assert csl_date("2024/05/16/") == {"date-parts": [[2024, 5, 16]]}
    assert csl_date("2024///") == {"date-parts": [[2024]]}
    assert csl_date("2020/2021") == {"date-parts": [[2020], [2021]]}
    assert csl_date("forthcoming") == {"literal": "forthcoming"}
    assert csl_date("  ") is None
    assert year_month_day("2024", "may", "16") == {"date-parts": [[2024, 5, 16]]}
    assert year_month_day("2024", "13") == {"date-parts": [[2024]]}
    assert year_month_day("in press") == {"literal": "in press"}


_TEXT = (
    st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=60)
    .map(lambda s: " ".join(s.split()))
    .filter(bool)
)


@given(title=_TEXT, note=_TEXT, family=_TEXT, volume=_TEXT)
def test_an_entry_reads_back_exactly_as_it_was_written(title: str, note: str, family: str, volume: str):
    item = {
        "id": "x-2024-y",
        "type": "book",
        "title": title,
        "author": [{"family": family}],
        "volume": volume,
        "note": note,
        "issued": {"date-parts": [[2024, 5]]},
    }
    doc = load_marked(Path("sources.yaml"), entry_yaml(item))
    assert doc.problems == []
    assert doc.data == [item]
