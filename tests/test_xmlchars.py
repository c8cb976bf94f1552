"""Every way text comes in strips the same characters: those a .pptx cannot hold."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from sinoru_brief.xmlchars import XML_ILLEGAL, strip_xml_illegal


@given(st.text())
def test_what_is_left_is_utf8_an_xml_parser_accepts(text):
    clean = strip_xml_illegal(text)
    element = etree.fromstring(b"<t/>")
    element.text = clean  # lxml refuses any character XML 1.0 cannot hold
    assert etree.fromstring(etree.tostring(element, encoding="utf-8")).text in (clean, None)
    assert not XML_ILLEGAL.search(clean)


def test_tabs_newlines_and_every_script_stay():
    text = "Tab\there\nКитай 中国 — “quoted” 🇺🇳"
    assert strip_xml_illegal(text) is text


def test_control_characters_non_characters_and_lone_surrogates_go():
    assert strip_xml_illegal("a\x00b\x07c\x1fd\ufffee\uffff f\ud800g\udfffh") == "abcde fgh"


def test_the_content_schema_strips_them_too(tmp_path):
    from sinoru_brief.yamlio.marked import load_marked

    path = tmp_path / "x.yaml"
    path.write_text('title: "Arctic\\x07 energy\\ud800"\n', encoding="utf-8")
    from sinoru_brief.yamlio.schema import Checker, Text

    doc = load_marked(path)
    checker = Checker(doc)
    assert Text().check(doc.data["title"], ("title",), checker) == "Arctic energy"
