"""Give each cited source one number, in order of its first use across the deck."""

from __future__ import annotations

from collections.abc import Iterable


class Numbering:
    """First-use citation numbers: the first source cited is 1; a repeat keeps its number."""

    def __init__(self) -> None:
        self._numbers: dict[str, int] = {}

    def cite(self, source_ids: Iterable[str]) -> list[int]:
        """Number *source_ids* (assigning new numbers as needed) and return their numbers, in order."""
        result = []
        for source_id in source_ids:
            if source_id not in self._numbers:
                self._numbers[source_id] = len(self._numbers) + 1
            result.append(self._numbers[source_id])
        return result

    def number(self, source_id: str) -> int:
        return self._numbers[source_id]

    def ordered_ids(self) -> list[str]:
        """Return the cited source ids in number order."""
        return list(self._numbers)

    def __len__(self) -> int:
        return len(self._numbers)
