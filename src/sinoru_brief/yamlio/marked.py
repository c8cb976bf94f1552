"""Load YAML into plain Python values plus a map from key paths to file positions.

PyYAML's safe composer gives nodes with start marks; we convert the node tree
ourselves so that every value's line and column survive, duplicate keys are
caught (PyYAML silently keeps the last), and YAML syntax errors become
:class:`Problem` records that name the file and the line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

KeyPath = tuple[str | int, ...]

# Above this a YAML file is not something a person wrote by hand; refusing it
# early keeps a stray multi-megabyte file from freezing the loader.
MAX_YAML_BYTES = 8 * 1024 * 1024


@dataclass
class MarkedDocument:
    """A parsed YAML document and the 1-based position of each value in it."""

    path: Path
    data: Any
    marks: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)
    problems: list = field(default_factory=list)

    def position(self, key_path: KeyPath) -> tuple[int | None, int | None]:
        """Return the line and column of the value at *key_path*, or its nearest parent."""
        path = tuple(key_path)
        while True:
            if path in self.marks:
                return self.marks[path]
            if not path:
                return (None, None)
            path = path[:-1]


def format_key_path(key_path: KeyPath) -> str:
    """Render a key path as ``slides[3].bullets[0].cite``."""
    text = ""
    for part in key_path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def load_marked(path: Path, text: str | None = None) -> MarkedDocument:
    """Parse the YAML file at *path* (or *text*) and return values with their marks.

    Problems (unreadable file, bad encoding, syntax errors, duplicate keys) are
    recorded in ``problems`` rather than raised, so a caller can report every
    file of a run at once.
    """
    from sinoru_brief.errors import Problem

    doc = MarkedDocument(path=path, data=None)
    if text is None:
        try:
            raw = path.read_bytes()
        except OSError as exc:
            doc.problems.append(Problem(path, f"cannot read the file: {exc.strerror or exc}"))
            return doc
        if len(raw) > MAX_YAML_BYTES:
            doc.problems.append(
                Problem(path, f"the file is {len(raw):,} bytes; YAML files are limited to {MAX_YAML_BYTES:,}",
                        hint="split it into smaller files")
            )
            return doc
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            doc.problems.append(
                Problem(path, f"the file is not valid UTF-8 (byte 0x{raw[exc.start]:02x})", line=line,
                        hint="save the file with UTF-8 encoding")
            )
            return doc
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = (exc.problem or "invalid YAML").strip()
        hint = "YAML indents with spaces, never tabs" if "\\t" in message or "tab" in message else "fix the YAML syntax"
        doc.problems.append(
            Problem(path, f"invalid YAML: {message}", line=mark.line + 1 if mark else None,
                    column=mark.column + 1 if mark else None, hint=hint)
        )
        return doc
    except yaml.YAMLError as exc:
        doc.problems.append(Problem(path, f"invalid YAML: {exc}"))
        return doc
    if node is None:
        return doc
    converter = _Converter(doc)
    try:
        doc.data = converter.convert(node, ())
    except yaml.YAMLError as exc:  # bad timestamps, unknown tags and the like
        mark = getattr(exc, "problem_mark", None)
        doc.problems.append(Problem(path, f"invalid YAML value: {getattr(exc, 'problem', exc)}",
                                    line=mark.line + 1 if mark else None,
                                    column=mark.column + 1 if mark else None))
    return doc


class _Converter:
    """Turn a composed node tree into Python values, recording marks and duplicates."""

    def __init__(self, doc: MarkedDocument):
        self.doc = doc
        self.constructor = yaml.constructor.SafeConstructor()

    def convert(self, node: yaml.Node, key_path: KeyPath) -> Any:
        self.doc.marks[key_path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, key_path)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, (*key_path, i)) for i, item in enumerate(node.value)]
        return self.constructor.construct_object(node, deep=True)

    def _mapping(self, node: yaml.MappingNode, key_path: KeyPath) -> dict:
        from sinoru_brief.errors import Problem

        self.constructor.flatten_mapping(node)  # resolve YAML merge keys (<<)
        result: dict = {}
        for key_node, value_node in node.value:
            key = self.constructor.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                key = str(key)
            if key in result:
                self.doc.problems.append(
                    Problem(self.doc.path, f"duplicate key '{key}'", line=key_node.start_mark.line + 1,
                            column=key_node.start_mark.column + 1, key_path=format_key_path(key_path),
                            hint="remove one of the two entries")
                )
                continue
            result[key] = self.convert(value_node, (*key_path, key))
        return result
