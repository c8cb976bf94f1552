"""Findings of a deck check: what is wrong, where (slide and shape), and how much it matters."""

from __future__ import annotations

from dataclasses import dataclass, field

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class Finding:
    """One problem: its severity, the rule that found it, the slide (1-based, 0 for the package) and shape."""

    severity: str
    rule: str
    message: str
    slide: int = 0
    shape: str = ""

    def __str__(self) -> str:
        where = f"slide {self.slide}" if self.slide else "package"
        if self.shape:
            where += f", shape '{self.shape}'"
        return f"{self.severity}: {where}: [{self.rule}] {self.message}"


@dataclass
class Report:
    """Everything one check of a file found, in slide order."""

    slides: int = 0
    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what could not be checked, and why

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == WARNING]
