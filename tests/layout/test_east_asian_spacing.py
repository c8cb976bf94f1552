"""Text that mixes East Asian and other scripts is measured as clients set it.

LibreOffice sets a space that follows Chinese text in the East Asian font and
adds a quarter em between Asian and non-Asian letters; measured as the sum of
its words, a mixed line came out narrower than LibreOffice drew it, and the
last line of a long bullet printed over the source line.
"""

from __future__ import annotations

import pytest

from sinoru_brief.layout.fonts import ASIAN_AUTOSPACE_EM, text_width
from sinoru_brief.layout.linebreak import break_lines
from sinoru_brief.layout.pages import Span

SIZE = 20.0


def width(text: str) -> float:
    return text_width(text, "Calibri", SIZE)


@pytest.mark.parametrize("latin", ["summit", "Москва", "2024"])
def test_a_boundary_between_scripts_adds_a_quarter_em(latin):
    alone = width(latin) + width(" ") + width("不结盟")
    assert width(f"{latin} 不结盟") == pytest.approx(alone + ASIAN_AUTOSPACE_EM * SIZE, abs=0.01)


def test_a_space_after_chinese_is_set_in_the_east_asian_font():
    east_space = width("不 不") - 2 * width("不")
    assert east_space > width(" ") + 0.5  # wider than Calibri's space
    assert width("不 summit") == pytest.approx(
        width("不") + east_space + width("summit") + ASIAN_AUTOSPACE_EM * SIZE, abs=0.01
    )


def test_pure_latin_and_pure_chinese_text_gain_nothing():
    assert width("alliance without") == pytest.approx(width("alliance") + width(" ") + width("without"), abs=0.01)
    assert width("全面战略协作伙伴关系") == pytest.approx(10 * width("全"), abs=0.01)


def test_lines_of_mixed_text_are_measured_whole():
    text = " ".join(["summit 不结盟 Beijing"] * 12)
    for line in break_lines((Span(text, SIZE, "Calibri", "000000"),), 400.0):
        drawn = "".join(s.text for s in line.spans).rstrip(" ")
        assert line.width == pytest.approx(width(drawn), abs=0.01)
        assert width(drawn) <= 400.0
