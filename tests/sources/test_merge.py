"""Importing into a sources.yaml: validated as our own sources, duplicates skipped, the user's file kept."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sinoru_brief.content import load_library
from sinoru_brief.sources import SourceImportError, import_sources
from sinoru_brief.sources.known import KnownSource

DATA = Path(__file__).parent / "data"
FIXTURE_LIBRARY = Path(__file__).parents[1] / "data" / "library"
EXISTING = """\
# Our desk's sources. Keep this comment.
- id: desk-memo-2024
  type: report          # an inline comment too
  title: "Desk memo on the Arctic"
  issued: {date-parts: [[2024, 2]]}

- id: ng-scmp-bombers
  type: article-newspaper
  title: China and Russia stage joint bomber patrol near Alaska
  issued: {date-parts: [[2024, 7, 25]]}
"""


def ids(path: Path) -> list[str]:
    import yaml

    return [item["id"] for item in yaml.safe_load(path.read_text(encoding="utf-8"))]


def test_import_into_a_new_file_writes_a_library_that_loads(tmp_path: Path):
    library = tmp_path / "lib"
    shutil.copytree(FIXTURE_LIBRARY / "topics", library / "topics")
    target = library / "sources.yaml"
    files = [DATA / "zotero.bib", DATA / "zotero.json", DATA / "endnote.ris"]
    report = import_sources(files, target, known=[])
    assert report.written and not report.rewritten
    assert [source_id for source_id, _ in report.imported] == [
        "wishnick-2025-sino-russian-partnership",
        "xinhua-2024",
        "lukin-2023-rossiysko-kitayskie-otnosheniya",
        "muller-2024-arctique-energie-uber",
        "kashin-2024-voenno-tekhnicheskoe-sotrudnichestvo",
        "us-department-2023-military-security-developments",
        "us-department-2024-military-security-developments",
        "ng-2024-china-russia-stage",
        "gabuev-2024-putin-xi-asymmetric",
    ]
    # The JSON's copy of the Wishnick article has the bib's DOI in another spelling.
    [(skipped, reason)] = report.skipped
    assert skipped.key == "http://zotero.org/users/1/items/ABCD1234"
    assert (
        reason == "same DOI as 'wishnick-2025-sino-russian-partnership' (zotero.bib:3, "
        "wishnickSinoRussianPartnership2025)"
    )
    # The fixture topics cite the fixture's sources, which this file lacks: only the sources are checked here.
    with pytest.raises(Exception, match="unknown source"):
        load_library(library)
    shutil.rmtree(library / "topics")
    (library / "topics").mkdir()
    (library / "topics" / "mine.yaml").write_text(
        "id: mine\ntitle: Mine\nsummary: S\nas_of: 2025-01-01\nslides:\n  - id: mine-one\n    kind: bullets\n"
        "    title: T\n    priority: 1\n    notes: N\n    bullets:\n      - text: A claim\n"
        "        cite: [lukin-2023-rossiysko-kitayskie-otnosheniya]\n",
        encoding="utf-8",
    )
    loaded = load_library(library)
    assert loaded.sources["xinhua-2024"].csl["title"] == "中俄关系处于历史最好时期"
    assert (
        loaded.sources["gabuev-2024-putin-xi-asymmetric"].csl["original-title"]
        == "Путин и Си: асимметричное партнёрство"
    )


def test_merge_keeps_the_users_file_byte_for_byte_and_skips_what_it_has(tmp_path: Path):
    target = tmp_path / "sources.yaml"
    target.write_text(EXISTING, encoding="utf-8")
    report = import_sources([DATA / "endnote.ris"], target, known=[])
    text = target.read_text(encoding="utf-8")
    assert text.startswith(EXISTING)
    assert "\n# Imported from endnote.ris\n- id: gabuev-2024-putin-xi-asymmetric\n" in text
    assert ids(target) == ["desk-memo-2024", "ng-scmp-bombers", "gabuev-2024-putin-xi-asymmetric"]
    [(entry, reason)] = report.skipped
    assert entry.line == 1 and reason == "same title as 'ng-scmp-bombers' (already in sources.yaml)"
    lines = report.lines()
    assert lines[0] == f"Imported 1 source into {target}:"
    assert "Skipped 1 duplicate:" in lines


def test_importing_the_same_file_again_changes_nothing(tmp_path: Path):
    target = tmp_path / "sources.yaml"
    import_sources([DATA / "zotero.bib"], target, known=[])
    before = target.read_bytes()
    report = import_sources([DATA / "zotero.bib"], target, known=[])
    assert target.read_bytes() == before
    assert not report.imported and len(report.skipped) == 4 and not report.written
    assert report.lines()[0] == f"Nothing new to import into {target}."


def test_ids_and_duplicates_are_checked_against_the_other_libraries(tmp_path: Path):
    known = [
        KnownSource("lukin-2023-rossiysko-kitayskie-otnosheniya", {"title": "Something else"}, "the built-in library"),
        KnownSource(
            "desk",
            {
                "title": "Military and Security Developments Involving the People's Republic of China",
                "issued": {"date-parts": [[2024]]},
            },
            "your library",
        ),
    ]
    target = tmp_path / "sources.yaml"
    report = import_sources([DATA / "zotero.bib", DATA / "zotero.json"], target, known=known)
    imported = dict(report.imported)
    assert imported["lukin-2023-rossiysko-kitayskie-otnosheniya-2"].key == "lukin2023"
    assert "us-department-2023-military-security-developments" in imported  # another year's edition
    assert ("dod2024", "same title as 'desk' (already in your library)") in [(e.key, r) for e, r in report.skipped]


def test_by_default_the_built_in_library_is_checked(tmp_path: Path):
    report = import_sources([DATA / "zotero.bib"], tmp_path / "sources.yaml")
    assert (report.skipped[0][0].key, report.skipped[0][1]) == (
        "wishnickSinoRussianPartnership2025",
        "same title as 'wishnick-2025-cooperation-without-coordination' (already in the built-in library)",
    )


def test_a_flow_list_is_rewritten_with_its_entries_kept(tmp_path: Path):
    target = tmp_path / "sources.yaml"
    target.write_text("[{id: mine, type: book, title: My Book}]\n", encoding="utf-8")
    report = import_sources([DATA / "endnote.ris"], target, known=[])
    assert report.rewritten
    assert ids(target) == ["mine", "ng-2024-china-russia-stage", "gabuev-2024-putin-xi-asymmetric"]
    assert any("written anew" in line for line in report.lines())


def test_a_file_of_comments_only_keeps_them(tmp_path: Path):
    target = tmp_path / "sources.yaml"
    target.write_text("# just a comment\n", encoding="utf-8")
    import_sources([DATA / "endnote.ris"], target, known=[])
    assert target.read_text(encoding="utf-8").startswith("# just a comment\n\n# Imported from endnote.ris\n")


def test_a_broken_target_is_refused_and_left_alone(tmp_path: Path):
    target = tmp_path / "sources.yaml"
    broken = "- id: mine\n  type: book\n  titel: My Book\n"
    target.write_text(broken, encoding="utf-8")
    with pytest.raises(SourceImportError) as caught:
        import_sources([DATA / "endnote.ris"], target, known=[])
    problems = caught.value.problems
    assert problems[0].message == "the sources file to import into has problems; nothing was imported"
    assert any(p.line == 3 and "titel" in p.message for p in problems[1:])
    assert target.read_text(encoding="utf-8") == broken


def test_an_entry_our_schema_refuses_names_file_line_and_key(tmp_path: Path):
    bib = tmp_path / "refs.bib"
    bib.write_text(
        "@book{fine, title = {Fine}, year = 2020}\n\n@book{untitled,\n  year = 2021\n}\n\n"
        "@article{baddate, title = {Bad date}, date = {2024-02-30}}\n"
        f"@misc{{long, title = {{{'x' * 1001}}}}}\n",
        encoding="utf-8",
    )
    target = tmp_path / "sources.yaml"
    with pytest.raises(SourceImportError) as caught:
        import_sources([bib], target, known=[])
    found = [(p.file, p.line, p.key_path, p.message) for p in caught.value.problems]
    assert found == [
        (bib, 3, "untitled", "missing required key 'title' in source"),
        (bib, 7, "baddate.issued.date-parts", "[2024, 2, 30] is not a real date"),
        (bib, 8, "long.title", "is 1,001 characters long; the limit is 1,000"),
    ]
    assert all("correct the entry in your reference manager" in p.hint for p in caught.value.problems)
    assert not target.exists()


def test_a_malformed_file_stops_the_whole_import(tmp_path: Path):
    target = tmp_path / "sources.yaml"
    target.write_text(EXISTING, encoding="utf-8")
    with pytest.raises(SourceImportError, match="malformed.json:3:38: not valid JSON"):
        import_sources([DATA / "endnote.ris", DATA / "malformed.json"], target, known=[])
    assert target.read_text(encoding="utf-8") == EXISTING


def test_dry_run_writes_nothing(tmp_path: Path):
    target = tmp_path / "sources.yaml"
    report = import_sources([DATA / "endnote.ris"], target, dry_run=True, known=[])
    assert not target.exists() and len(report.imported) == 2
    assert report.lines()[0] == f"Would import 2 sources into {target}:"
