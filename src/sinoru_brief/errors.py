"""Define the one exception root of sinoru-brief and the problem records it carries.

Every error a user can cause is a :class:`BriefError`. Each carries one or more
:class:`Problem` records that name the file, the line and column, the key path,
what was wrong and how to fix it, so the CLI and the app can show them as they
are, without a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one place in one input file."""

    file: Path | None
    message: str
    line: int | None = None  # 1-based, as editors count
    column: int | None = None  # 1-based
    key_path: str = ""
    hint: str = ""

    def location(self) -> str:
        """Return ``file:line:column`` as far as it is known."""
        parts = [str(self.file) if self.file else "<input>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def __str__(self) -> str:
        text = f"{self.location()}: " if self.file or self.line else ""
        if self.key_path:
            text += f"{self.key_path}: "
        text += self.message
        if self.hint:
            text += f" ({self.hint})"
        return text


class BriefError(Exception):
    """Root of every error a user can cause and fix."""

    kind = "error"

    def __init__(self, problems: list[Problem] | Problem | str, *, file: Path | None = None):
        if isinstance(problems, str):
            problems = [Problem(file=file, message=problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = list(problems)
        super().__init__(self.describe())

    def describe(self) -> str:
        """Return a message listing every problem, one per line."""
        if len(self.problems) == 1:
            return str(self.problems[0])
        head = f"{len(self.problems)} problems found:"
        return "\n".join([head, *(f"  {p}" for p in self.problems)])


class ContentError(BriefError):
    """The content library (sources or topics) is invalid."""

    kind = "content error"


class BriefFileError(BriefError):
    """A ``.brief.yaml`` file is invalid or names things that do not exist."""

    kind = "brief error"


class TemplateError(BriefError):
    """A template (``template.yaml``, its assets or its master) is invalid."""

    kind = "template error"


class LayoutError(BriefError):
    """A slide cannot be laid out (for example an unknown slide kind)."""

    kind = "layout error"


class ExportError(BriefError):
    """The deck could not be written where the user asked."""

    kind = "export error"
