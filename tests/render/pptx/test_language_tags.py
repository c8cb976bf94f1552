"""Chinese and Russian text is tagged with its language, in runs of its own, and nothing else is."""

from __future__ import annotations

import datetime as dt
import io

from pptx import Presentation
from pptx.oxml.ns import qn

from sinoru_brief.brief import Brief
from sinoru_brief.pipeline import build, render_pptx
from sinoru_brief.render.pptx.text import language_runs


def test_runs_split_only_where_the_script_changes():
    assert language_runs("Ministry. “关于测试 [Joint]”. 2024.") == [
        ("Ministry. “", ""),
        ("关于测试 [", "zh-CN"),
        ("Joint]”. 2024.", ""),
    ]
    assert language_runs("партнёрство без координации, 2024") == [("партнёрство без координации, 2024", "ru-RU")]
    assert language_runs("12, 3") == [("12, 3", "")]
    assert language_runs("") == [("", "")]


def test_the_full_librarys_chinese_and_russian_runs_carry_their_language(real_library):
    brief = Brief(topics=real_library.topic_ids(), depth="full", date=dt.date(2025, 2, 1))
    prs = Presentation(io.BytesIO(render_pptx(build(brief, library=real_library))))
    tagged = {"zh-CN": 0, "ru-RU": 0}
    for slide in prs.slides:
        for run in slide.shapes._spTree.iter(qn("a:r")):
            text = run.findtext(qn("a:t")) or ""
            lang = run.find(qn("a:rPr")).get("lang")
            has_han = any("\u4e00" <= c <= "\u9fff" for c in text)
            has_cyrillic = any("\u0400" <= c <= "\u04ff" for c in text)
            assert lang == ("zh-CN" if has_han else "ru-RU" if has_cyrillic else None), text
            if lang:
                tagged[lang] += 1
    assert tagged["zh-CN"] > 0 and tagged["ru-RU"] > 0
