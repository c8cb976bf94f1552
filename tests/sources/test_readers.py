"""Each reader turns a reference manager's export into CSL items, and reports a malformed file by line."""

from __future__ import annotations

from pathlib import Path

import pytest

from sinoru_brief.errors import Problem
from sinoru_brief.sources import read_references

DATA = Path(__file__).parent / "data"


def read(path: Path) -> tuple[list, list[Problem]]:
    problems: list[Problem] = []
    return read_references(path, problems), problems


def by_key(entries: list) -> dict:
    return {e.key: e for e in entries}


# ------------------------------------------------------------------ BibTeX


def test_zotero_bibtex_entries_become_csl_items():
    entries, problems = read(DATA / "zotero.bib")
    assert problems == []
    items = by_key(entries)
    wishnick = items["wishnickSinoRussianPartnership2025"]
    assert wishnick.line == 3
    assert wishnick.csl == {
        "type": "article-journal",
        "title": "The Sino-Russian Partnership: Cooperation without Coordination",
        "author": [{"family": "Wishnick", "given": "Elizabeth"}],
        "container-title": "Asia Policy",
        "volume": "20",
        "issue": "1",
        "page": "1-24",
        "DOI": "10.1353/asp.2025.a900001",
        "URL": "https://example.org/wishnick-2025",
        "language": "en",
        "issued": {"date-parts": [[2025, 1, 31]]},
    }
    assert wishnick.dropped == ["abstract", "keywords"]


def test_bibtex_keeps_chinese_and_russian_titles_and_organisations_whole():
    items = by_key(read(DATA / "zotero.bib")[0])
    assert items["xinhua2024"].csl["title"] == "中俄关系处于历史最好时期"
    assert items["xinhua2024"].csl["author"] == [{"literal": "新华社"}]
    assert items["xinhua2024"].csl["language"] == "zh-CN"
    assert items["xinhua2024"].csl["type"] == "webpage"
    lukin = items["lukin2023"].csl
    assert lukin["title"] == "Российско-китайские отношения в новую эпоху"
    assert lukin["author"] == [{"family": "Лукин", "given": "Александр"}]
    assert lukin["issued"] == {"date-parts": [[2023, 3]]}
    assert lukin["language"] == "ru"


def test_bibtex_latex_accents_particles_and_report_fields():
    muller = by_key(read(DATA / "zotero.bib")[0])["muller2024"].csl
    assert muller["title"] == "L'Arctique et l'énergie: Über die Grenzen"
    assert muller["author"] == [
        {"family": "Müller", "given": "Jean-François"},
        {"family": "Fontaine", "given": "Jean", "non-dropping-particle": "de la"},
        {"literal": "North Atlantic Treaty Organization"},
    ]
    assert (muller["type"], muller["publisher"], muller["number"], muller["genre"]) == (
        "report",
        "Centre d'Études",
        "12",
        "Working Paper",
    )


def test_bibtex_entry_that_cannot_be_parsed_is_named_with_its_line(tmp_path: Path):
    entries, problems = read(DATA / "malformed.bib")
    assert [str(p) for p in problems] == [
        f"{DATA / 'malformed.bib'}:6: entry 'cut' (@misc) cannot be read (check its braces, quotes and commas: "
        "every field is name = {value}, separated by commas, and every { has its })"
    ]
    assert "good" in by_key(entries)


def test_a_file_with_no_bibtex_entries_says_so(tmp_path: Path):
    path = tmp_path / "notes.bib"
    path.write_text("Just some notes, no entries.\n", encoding="utf-8")
    assert [p.message for p in read(path)[1]] == ["no BibTeX entries found"]


def test_unknown_bibtex_type_becomes_a_document_and_says_so(tmp_path: Path):
    path = tmp_path / "odd.bib"
    path.write_text("@software{tool, title = {A Tool}, year = {2020}}\n", encoding="utf-8")
    (entry,), _ = read(path)
    assert entry.csl["type"] == "document"
    assert entry.notes == ["@software is not a type sinoru-brief knows; imported as a document"]


# ------------------------------------------------------------------ CSL-JSON


def test_zotero_csl_json_items_keep_their_lines_and_normalise_dates():
    entries, problems = read(DATA / "zotero.json")
    assert problems == []
    assert [e.line for e in entries] == [2, 12, 25, 33]
    first, kashin = entries[0], entries[1]
    assert first.csl["issued"] == {"date-parts": [[2025, 1]]}  # Zotero writes the parts as text
    assert first.dropped == ["abstract"]
    assert kashin.csl["issued"] == {"date-parts": [[2024, 11]]}  # from "raw"
    assert kashin.csl["note"] == "Line one line two"  # one line, as a source line needs
    assert kashin.csl["language"] == "ru-RU"
    assert kashin.dropped == ["shortTitle"]


def test_malformed_json_names_line_and_column():
    _, problems = read(DATA / "malformed.json")
    assert [(p.line, p.column, p.message) for p in problems] == [
        (3, 38, "not valid JSON: Expecting property name enclosed in double quotes")
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"not": "items"}', "expected a CSL-JSON list of items"),
        ('[1, {"type": "book", "title": "T"}]', "item 1 is not a JSON object"),
        ('[{"type": "book", "title": "T"}] trailing', "not valid JSON: Extra data after the list"),
        ('[{"type": "book", "title": "T"}', "not valid JSON: Expecting ',' or ']' after an item"),
        ("", "not valid JSON: Expecting value"),
        ("[" * 100_000, "the JSON nests too deeply to be a CSL-JSON file"),
    ],
)
def test_json_that_is_not_csl_json_is_reported(tmp_path: Path, text: str, message: str):
    path = tmp_path / "items.json"
    path.write_text(text, encoding="utf-8")
    assert [p.message for p in read(path)[1]] == [message]


def test_json_wrapped_list_and_single_item_are_read(tmp_path: Path):
    path = tmp_path / "items.json"
    path.write_text('{"items": [{"type": "webpage", "title": "One"}]}', encoding="utf-8")
    assert [e.csl["title"] for e in read(path)[0]] == ["One"]
    path.write_text('{"type": "nonsense", "title": "Two"}', encoding="utf-8")
    (entry,), _ = read(path)
    assert entry.csl["type"] == "document"
    assert entry.notes == ["type 'nonsense' is not a CSL type sinoru-brief knows; imported as a document"]


# ------------------------------------------------------------------ RIS


def test_ris_records_become_csl_items_with_translated_titles():
    entries, problems = read(DATA / "endnote.ris")
    assert problems == []
    news, report = entries
    assert news.line == 1 and report.line == 11
    assert news.csl == {
        "type": "article-newspaper",
        "title": "China and Russia stage joint bomber patrol near Alaska",
        "author": [{"family": "Ng", "given": "Teddy"}],
        "container-title": "South China Morning Post",
        "URL": "https://example.org/scmp-2024-07-25",
        "language": "en",
        "issued": {"date-parts": [[2024, 7, 25]]},
    }
    assert news.dropped == ["notes"]
    assert report.csl["title"] == "Putin and Xi: An Asymmetric Partnership"
    assert report.csl["original-title"] == "Путин и Си: асимметричное партнёрство"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            "TY  - JOUR\nTI  - No end\nTY  - BOOK\nTI  - Second\nER  - \n",
            1,
            "this record has no end ('ER  - ') before the next one starts",
        ),
        ("TY  - JOUR\nTI  - Cut short\n", 1, "the last record has no end ('ER  - ')"),
        ("Title: not RIS\n", 1, "line 1 is outside any record: 'Title: not RIS'"),
        ("\n\n", None, "no RIS records found"),
    ],
)
def test_malformed_ris_is_reported_by_line(tmp_path: Path, text: str, line: int | None, message: str):
    path = tmp_path / "refs.ris"
    path.write_text(text, encoding="utf-8")
    assert [(p.line, p.message) for p in read(path)[1]] == [(line, message)]


# ------------------------------------------------------------------ any file


def test_unreadable_files_are_problems_not_tracebacks(tmp_path: Path):
    (tmp_path / "latin1.bib").write_bytes("@book{a, title = {Caf\xe9}}\n".encode("latin-1"))
    (tmp_path / "refs.txt").write_text("x", encoding="utf-8")
    cases = {
        tmp_path / "latin1.bib": "the file is not UTF-8 text",
        tmp_path / "refs.txt": "cannot import '.txt'",
        tmp_path / "missing.ris": "no such file",
        tmp_path: "cannot import 'files without a suffix'",
    }
    for path, message in cases.items():
        assert [p.message for p in read(path)[1]] == [message], path


def test_a_work_in_cyrillic_or_chinese_without_a_language_gets_one_from_its_script(tmp_path: Path):
    path = tmp_path / "refs.json"
    path.write_text(
        '[{"type": "book", "title": "Путин и Си"}, {"type": "book", "title": "中俄关系"},'
        ' {"type": "book", "title": "Україна і Китай"}, {"type": "book", "title": "NATO and Россия"},'
        ' {"type": "book", "title": "Россия", "language": "en"}]',
        encoding="utf-8",
    )
    entries, _ = read(path)
    assert [e.csl.get("language") for e in entries] == ["ru", "zh-CN", "uk", None, "en"]
    assert entries[0].notes == ["language set to ru from the title's script (so styles do not title-case it)"]
    # RIS keeps the English title and the Russian original: the original's script decides.
    assert read(DATA / "endnote.ris")[0][1].csl["language"] == "ru"


def test_zoteros_own_bibtex_layout_with_windows_line_ends(tmp_path: Path):
    path = tmp_path / "Exported Items.bib"
    path.write_bytes(
        (
            "\ufeff\r\n@article{wishnick_sino-russian_2025,\r\n\ttitle = {The {Sino}-{Russian} {Partnership}},\r\n"
            "\tvolume = {20},\r\n\tissn = {1559-0968},\r\n\turl = {https://example.org/a_b},\r\n"
            "\turldate = {2025-02-01},\r\n\tjournal = {Asia Policy},\r\n\tauthor = {Wishnick, Elizabeth},\r\n"
            "\tmonth = jan,\r\n\tyear = {2025},\r\n\tfile = {Full Text:C\\:\\\\x.pdf:application/pdf},\r\n}\r\n"
        ).encode("utf-8")
    )
    (entry,), problems = read(path)
    assert problems == [] and (entry.key, entry.line) == ("wishnick_sino-russian_2025", 2)
    assert entry.csl == {
        "type": "article-journal",
        "title": "The Sino-Russian Partnership",
        "volume": "20",
        "ISSN": "1559-0968",
        "URL": "https://example.org/a_b",
        "container-title": "Asia Policy",
        "author": [{"family": "Wishnick", "given": "Elizabeth"}],
        "issued": {"date-parts": [[2025, 1]]},
        "accessed": {"date-parts": [[2025, 2, 1]]},
    }
    assert entry.dropped == ["file"]
