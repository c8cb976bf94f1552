"""Whatever a file holds, reading it gives entries and problems, never an exception."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sinoru_brief.errors import Problem
from sinoru_brief.sources import SourceImportError, import_sources, read_references

DATA = Path(__file__).parent / "data"
SAMPLES = {
    suffix: (DATA / name).read_text(encoding="utf-8")
    for suffix, name in ((".bib", "zotero.bib"), (".json", "zotero.json"), (".ris", "endnote.ris"))
}


@st.composite
def damaged(draw: st.DrawFn) -> tuple[str, str]:
    """A real export cut, spliced with junk, or junk alone, as a file of each format."""
    suffix = draw(st.sampled_from(sorted(SAMPLES)))
    text = SAMPLES[suffix]
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    junk = draw(st.text(alphabet=st.sampled_from('{}[]",=@\\ \n-TYER:абв中%'), max_size=40))
    return suffix, draw(st.sampled_from([text[:start] + junk + text[end:], text[start:end], junk]))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged())
def test_reading_a_damaged_file_never_raises(case: tuple[str, str]):
    suffix, text = case
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"refs{suffix}"
        path.write_text(text, encoding="utf-8")
        problems: list[Problem] = []
        entries = read_references(path, problems)
        assert all(p.file == path for p in problems)
        try:
            report = import_sources([path], Path(folder) / "sources.yaml", known=[])
        except SourceImportError as exc:
            assert exc.problems and not (Path(folder) / "sources.yaml").exists()
        else:
            assert not problems
            assert len(report.imported) + len(report.skipped) == len(entries)
