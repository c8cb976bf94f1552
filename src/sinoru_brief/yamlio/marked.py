"""Load YAML into plain Python values plus a map from key paths to file positions.

PyYAML's safe composer gives nodes with start marks; we convert the node tree
ourselves so that every value's line and column survive, duplicate keys are
caught (PyYAML silently keeps the last), and YAML syntax errors become
:class:`Problem` records that name the file and the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.reader import Reader

from sinoru_brief.errors import Problem

KeyPath = tuple[str | int, ...]

# Above this a YAML file is not something a person wrote by hand; refusing it
# early keeps a stray multi-megabyte file from freezing the loader.
MAX_YAML_BYTES = 8 * 1024 * 1024

# Aliases let a few lines of YAML stand for billions of values (the "billion
# laughs" file); the real library has about 1,200 values in its largest file.
MAX_VALUES = 200_000

# No file a person writes nests deeper than a dozen levels; deeper nesting is a stray run of brackets or
# indents, and Python's recursion (PyYAML's composer, our converter) would run out around 300 levels.
MAX_NESTING = 100
_TOO_DEEP = f"the file nests lists or mappings more than {MAX_NESTING} levels deep"
_TOO_DEEP_HINT = "close every '[' and '{' you open and check the indentation; no file needs that many levels"

# Control characters PyYAML refuses to read. They come from copying text out of
# PDFs and word processors, carry no meaning, and XML (so .pptx) cannot hold
# most of them, so they are dropped rather than reported.
_UNREADABLE = re.compile(Reader.NON_PRINTABLE.pattern)


@dataclass
class MarkedDocument:
    """A parsed YAML document and the 1-based position of each value in it."""

    path: Path
    data: Any
    marks: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # As written, for unquoted values YAML read as something other than text
    # (1.50, 12:30, 010, yes, 2024-05-16), so a text field can keep the
    # author's spelling instead of 1.5, 750, 8, True or a date.
    written: dict[KeyPath, str] = field(default_factory=dict)

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
    file of a run at once. ``data`` is ``None`` when the file could not be
    parsed at all; after a duplicate key it holds the first value.
    """
    doc = MarkedDocument(path=path, data=None)
    if text is None:
        text = _read_text(path, doc.problems)
        if text is None:
            return doc
    text = _UNREADABLE.sub("", text)
    try:
        node = _compose(text)
    except RecursionError:
        line, column = _first_too_deep(text)
        doc.problems.append(Problem(path, _TOO_DEEP, line=line, column=column, hint=_TOO_DEEP_HINT))
        return doc
    except yaml.MarkedYAMLError as exc:
        doc.problems.append(_syntax_problem(path, exc))
        return doc
    except yaml.YAMLError as exc:
        doc.problems.append(Problem(path, f"invalid YAML: {exc}"))
        return doc
    if node is None:
        return doc
    converter = _Converter(doc)
    try:
        doc.data = converter.convert(node, ())
    except _TooManyValues:
        doc.marks.clear()
        doc.problems.append(
            Problem(
                path,
                f"the file holds more than {MAX_VALUES:,} values once its aliases are expanded",
                hint="split it into smaller files or use fewer aliases",
            )
        )
    except _TooDeep as exc:
        doc.marks.clear()
        doc.problems.append(Problem(path, _TOO_DEEP, line=exc.line, column=exc.column, hint=_TOO_DEEP_HINT))
    except _RecursiveAlias as exc:
        doc.marks.clear()
        doc.problems.append(
            Problem(
                path,
                "invalid YAML: an alias refers to the value that contains it",
                line=exc.line,
                column=exc.column,
                hint="an alias (*name) must not point at its own parent; copy the value instead",
            )
        )
    except yaml.YAMLError as exc:  # unknown tags and the like
        mark = getattr(exc, "problem_mark", None)
        doc.problems.append(
            Problem(
                path,
                f"invalid YAML value: {getattr(exc, 'problem', exc)}",
                line=mark.line + 1 if mark else None,
                column=mark.column + 1 if mark else None,
            )
        )
    return doc


def _read_text(path: Path, problems: list[Problem]) -> str | None:
    """Return the file's text, or record why it cannot be read and return ``None``."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        problems.append(Problem(path, f"cannot read the file: {exc.strerror or exc}"))
        return None
    if len(raw) > MAX_YAML_BYTES:
        problems.append(
            Problem(
                path,
                f"the file is {len(raw):,} bytes; YAML files are limited to {MAX_YAML_BYTES:,}",
                hint="split it into smaller files",
            )
        )
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        column = len(raw[line_start : exc.start].decode("utf-8", errors="replace")) + 1
        problems.append(
            Problem(
                path,
                f"the file is not valid UTF-8 (byte 0x{raw[exc.start]:02x})",
                line=raw[: exc.start].count(b"\n") + 1,
                column=column,
                hint="save the file with UTF-8 encoding",
            )
        )
        return None


_CLOSERS = {"while parsing a flow sequence": ("[", "]"), "while parsing a flow mapping": ("{", "}")}


def _syntax_problem(path: Path, exc: yaml.MarkedYAMLError) -> Problem:
    """Translate a PyYAML syntax error into a problem that says where to fix what."""
    problem = (exc.problem or "invalid YAML").strip().replace("'<stream end>'", "the end of the file")
    mark, context = exc.problem_mark or exc.context_mark, exc.context_mark
    where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "the end"
    if exc.context in _CLOSERS and context is not None and problem.startswith("expected"):
        opener, closer = _CLOSERS[exc.context]
        return Problem(
            path,
            f"invalid YAML: the '{opener}' here is never closed",
            line=context.line + 1,
            column=context.column + 1,
            hint=f"add the missing '{closer}'; YAML {problem.replace('but got', 'but found')} at {where}",
        )
    if exc.context == "while scanning a simple key" and context is not None:
        return Problem(
            path,
            "invalid YAML: this line is neither 'key: value' nor a list item",
            line=context.line + 1,
            column=context.column + 1,
            hint="add the ':' after the key, or indent text that continues the line above further than its key",
        )
    if exc.context == "while scanning a quoted scalar" and context is not None:
        return Problem(
            path,
            "invalid YAML: the quotation mark here is never closed",
            line=context.line + 1,
            column=context.column + 1,
            hint="add the closing quotation mark",
        )
    if "'\\t'" in problem:
        message, hint = "a tab character where YAML expects spaces", "YAML indents with spaces, never tabs"
    elif problem.startswith("expected <block end>, but found") and problem[-2:-1] in "]}":
        message, hint = f"a '{problem[-2]}' that closes nothing", "remove it, or add the '[' or '{' it should close"
    elif problem.startswith("expected <block end>"):
        message = "this line does not line up with the lines above it"
        hint = "items of one list or mapping start in the same column; check the indentation"
    elif problem == "mapping values are not allowed here":
        message = "a ':' where no key can start"
        hint = "put text that contains ': ' in quotes, or check the indentation of this line"
    else:
        message = problem
        if exc.context and context is not None and context.line != (mark.line if mark else -1):
            message += f" ({exc.context} that starts at line {context.line + 1})"
        hint = "check the indentation, quotes and brackets near this line"
    return Problem(
        path,
        f"invalid YAML: {message}",
        line=mark.line + 1 if mark else None,
        column=mark.column + 1 if mark else None,
        hint=hint,
    )


class _TooManyValues(Exception):
    pass


def _first_too_deep(text: str) -> tuple[int | None, int | None]:
    """Return the line and column where *text* first nests deeper than :data:`MAX_NESTING`, reading events.

    PyYAML's parser keeps its own stack, so this works where its recursive
    composer does not.
    """
    depth = 0
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                mark = event.start_mark  # the parser marks every event; the stubs allow None
                if depth > MAX_NESTING and mark is not None:
                    return mark.line + 1, mark.column + 1
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        pass
    return None, None


class _TooDeep(Exception):
    def __init__(self, line: int, column: int):
        super().__init__(line, column)
        self.line, self.column = line, column


class _RecursiveAlias(Exception):
    def __init__(self, line: int, column: int):
        super().__init__(line, column)
        self.line, self.column = line, column


# libyaml parses about fifteen times faster than pure-Python PyYAML, with the
# same marks (a plain scalar's style is "" there and None in PyYAML, so test
# it with "not"). Its error texts are terser, so a file it rejects is parsed
# again by the pure-Python loader, whose messages we rephrase for users.
_FAST_LOADER = getattr(yaml, "CSafeLoader", None)


def _compose(text: str) -> yaml.Node | None:
    if _FAST_LOADER is not None:
        try:
            return yaml.compose(text, Loader=_FAST_LOADER)
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=yaml.SafeLoader)


_PLAIN_COLLECTION_TAGS = frozenset({"tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"})


class _Converter:
    """Turn a composed node tree into Python values, recording marks and duplicates."""

    def __init__(self, doc: MarkedDocument):
        self.doc = doc
        self.constructor = yaml.constructor.SafeConstructor()
        self.count = 0
        self.open: set[int] = set()  # collections being converted, to catch an alias to its own parent

    def convert(self, node: yaml.Node, key_path: KeyPath) -> Any:
        self.count += 1
        if self.count > MAX_VALUES:
            raise _TooManyValues
        self.doc.marks[key_path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.ScalarNode):
            value = self._scalar(node)
            if not isinstance(value, str) and value is not None and not node.style:
                self.doc.written[key_path] = node.value
            return value
        if node.tag not in _PLAIN_COLLECTION_TAGS:
            # A tag such as !!python/object/apply on a list or mapping must be
            # an error, as on a scalar, not silently ignored.
            raise yaml.constructor.ConstructorError(
                None, None, f"could not determine a constructor for the tag {node.tag!r}", node.start_mark
            )
        if id(node) in self.open:
            raise _RecursiveAlias(node.start_mark.line + 1, node.start_mark.column + 1)
        if len(self.open) >= MAX_NESTING:
            raise _TooDeep(node.start_mark.line + 1, node.start_mark.column + 1)
        self.open.add(id(node))
        try:
            if isinstance(node, yaml.MappingNode):
                return self._mapping(node, key_path)
            return [self.convert(item, (*key_path, i)) for i, item in enumerate(node.value)]
        finally:
            self.open.discard(id(node))

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        try:
            return self.constructor.construct_object(node, deep=True)
        except ValueError:
            # An impossible date such as 2024-02-30 matches YAML's timestamp
            # pattern but is no date: keep the text, so the schema can say
            # which key holds it and what would be valid there.
            return node.value

    def _mapping(self, node: yaml.MappingNode, key_path: KeyPath) -> dict[str, Any]:
        own = sum(1 for key_node, _ in node.value if key_node.tag != "tag:yaml.org,2002:merge")
        self.constructor.flatten_mapping(node)  # resolve YAML merge keys (<<): merged pairs come first
        merged = len(node.value) - own
        result: dict[str, Any] = {}
        lines: dict[str, int] = {}
        for index, (key_node, value_node) in enumerate(node.value):
            key = self._key(key_node)
            line = key_node.start_mark.line + 1
            if key in lines and index >= merged:
                self.doc.problems.append(
                    Problem(
                        self.doc.path,
                        f"duplicate key '{key}'",
                        line=line,
                        column=key_node.start_mark.column + 1,
                        key_path=format_key_path((*key_path, key)),
                        hint=f"'{key}' is already set at line {lines[key]}; remove one of the two",
                    )
                )
                continue
            if index >= merged:
                lines[key] = line  # a key written here may override a merged one, once
            result[key] = self.convert(value_node, (*key_path, key))
        return result

    def _key(self, node: yaml.Node) -> str:
        """Return a mapping key as text, as written: ``1.10`` stays "1.10", not "1.1"."""
        if isinstance(node, yaml.ScalarNode):
            return node.value if not node.style else str(self._scalar(node))
        return str(self.constructor.construct_object(node, deep=True))
