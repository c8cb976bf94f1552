"""Write laid-out text as DrawingML: text bodies, paragraphs and runs, exactly as layout decided them.

Every size, indent, bullet and line pitch is written explicitly, and autofit
is off, so neither PowerPoint nor LibreOffice has anything to re-decide.

The XML is written as text and parsed once per slide (see ``writer``):
python-pptx builds each paragraph and run through proxy objects that look
their elements up by XPath, about 4 ms a text box, where this takes a few
hundredths of that. The markup is what the python-pptx calls of earlier
versions of this writer produced (tests/render/pptx/test_xml_golden.py holds
it), element for element and value for value, python-pptx's conversions
included: a point size becomes whole hundredths of a point through whole
EMU, and insets equal to DrawingML's defaults are left out.

Every value that comes from the user (text, names, colours, fonts) passes
through :func:`text` or :func:`attr`, which escape XML's special characters.
Control characters are written as python-pptx writes them ("_x0007_");
anything else XML cannot hold is refused by the parser, as lxml refused it
before.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable

from sinoru_brief.layout.pages import Insets, Paragraph, Span, TextFrame
from sinoru_brief.units import inches, pt_to_centipoints, pt_to_centipoints_truncated

NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
NS_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NSDECLS = f'xmlns:a="{NS_A}" xmlns:p="{NS_P}" xmlns:r="{NS_R}"'
SUPERSCRIPT_BASELINE = "30000"  # thousandths of a percent: raised 30% of the size
# Insets equal to DrawingML's defaults are left out of a:bodyPr, as python-pptx does.
_DEFAULT_SIDE_INSET, _DEFAULT_TOP_INSET = inches(0.1), inches(0.05)
_ALIGN = {"left": "l", "center": "ctr", "right": "r"}
_ANCHOR = {"top": "t", "middle": "ctr", "bottom": "b"}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")
_TEXT_SPECIAL = re.compile(r"[&<>]")
_ATTR_SPECIAL = re.compile(r'[&<>"\t\n\r]')
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\t": "&#9;", "\n": "&#10;", "\r": "&#13;"}

#: Returns the relationship id of an external hyperlink to a URL, adding it on first use.
LinkIds = Callable[[str], str]


def text(value: str) -> str:
    """Return *value* escaped as element text, control characters as python-pptx writes them."""
    if _CONTROL.search(value):
        value = _CONTROL.sub(lambda m: f"_x{ord(m.group(0)):04X}_", value)
    if _TEXT_SPECIAL.search(value):
        value = _TEXT_SPECIAL.sub(lambda m: _ENTITIES[m.group(0)], value)
    return value


def attr(value: str) -> str:
    """Return *value* escaped for a double-quoted attribute (white space kept as it is)."""
    value = str(value)
    return _ATTR_SPECIAL.sub(lambda m: _ENTITIES[m.group(0)], value) if _ATTR_SPECIAL.search(value) else value


def solid(color: str) -> str:
    return f'<a:solidFill><a:srgbClr val="{attr(color)}"/></a:solidFill>'


def xfrm(x: int, y: int, w: int, h: int, flips: str = "") -> str:
    return f'<a:xfrm{flips}><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm>'


def body_pr(insets: Insets, anchor: str, extra: str = "") -> str:
    """Return the a:bodyPr of a laid-out frame: wrapping on, autofit off, its insets and anchor."""
    insets_xml = "".join(
        f' {name}="{value}"'
        for name, value, default in (
            ("lIns", insets.left, _DEFAULT_SIDE_INSET),
            ("tIns", insets.top, _DEFAULT_TOP_INSET),
            ("rIns", insets.right, _DEFAULT_SIDE_INSET),
            ("bIns", insets.bottom, _DEFAULT_TOP_INSET),
        )
        if value != default
    )
    return f'<a:bodyPr wrap="square"{insets_xml} anchor="{_ANCHOR[anchor]}"{extra}><a:noAutofit/></a:bodyPr>'


def paragraphs_xml(
    paragraphs: tuple[Paragraph, ...],
    east_asian_font: str,
    links: LinkIds,
    slide_number_field: bool = False,
    run_extra: str = "",
) -> str:
    """Return the a:p elements of *paragraphs* (at least one, as a text body needs).

    *run_extra* is added to every run's and paragraph end's properties (a
    placeholder's overrides of what it would inherit).
    """
    if not paragraphs:
        return "<a:p/>"
    return "".join(paragraph_xml(p, east_asian_font, links, slide_number_field, run_extra) for p in paragraphs)


def paragraph_xml(
    para: Paragraph, east_asian_font: str, links: LinkIds, slide_number_field: bool = False, run_extra: str = ""
) -> str:
    """Return one a:p: its properties (spacing, indents, bullet), its runs and its end properties."""
    out = [
        f'<a:p><a:pPr algn="{_ALIGN[para.align]}" marL="{para.indent}" '
        f'indent="{para.bullet_indent - para.indent}" lvl="{para.level}">'
        f'<a:lnSpc><a:spcPts val="{pt_to_centipoints_truncated(para.line_height)}"/></a:lnSpc>'
        f'<a:spcBef><a:spcPts val="{pt_to_centipoints_truncated(para.space_before)}"/></a:spcBef>'
        f'<a:spcAft><a:spcPts val="0"/></a:spcAft>{_bullet(para)}</a:pPr>'
    ]
    for span in para.spans:
        if not span.text:
            continue
        if slide_number_field:
            out.append(_slide_number_field(span, east_asian_font, run_extra))
        else:
            out.append(run_xml(span, east_asian_font, links, run_extra))
    size = f' sz="{pt_to_centipoints(para.spans[0].size)}"' if para.spans else ""
    out.append(f"<a:endParaRPr{size}{run_extra}/></a:p>")
    return "".join(out)


def _bullet(para: Paragraph) -> str:
    if not para.bullet:
        return "<a:buNone/>"
    color = f'<a:buClr><a:srgbClr val="{attr(para.bullet_color)}"/></a:buClr>' if para.bullet_color else ""
    if para.bullet[:-1].isdigit() and para.bullet.endswith("."):
        kind = f'<a:buFont typeface="+mj-lt"/><a:buAutoNum type="arabicPeriod" startAt="{para.bullet[:-1]}"/>'
    else:
        kind = f'<a:buFont typeface="Arial"/><a:buChar char="{attr(para.bullet)}"/>'
    return f"{color}<a:buSzTx/>{kind}"


def run_xml(span: Span, east_asian_font: str, links: LinkIds, run_extra: str = "") -> str:
    """Return the a:r runs of *span*, every property explicit: size, weight, slant, colour, typefaces, link.

    Chinese and Russian text gets a run of its own tagged with its language
    (``lang``), so screen readers pronounce it and spelling checkers leave it
    alone; the rest of the deck keeps the presentation's language.
    """
    baseline = f' baseline="{SUPERSCRIPT_BASELINE}"' if span.superscript else ""
    link = f'<a:hlinkClick r:id="{links(span.link)}"/>' if span.link else ""
    size = pt_to_centipoints_truncated(span.size)
    props = (
        f'sz="{size}" b="{int(span.bold)}" i="{int(span.italic)}"{baseline}{run_extra}>'
        f'{solid(span.color)}<a:latin typeface="{attr(span.font)}"/>'
        f'<a:ea typeface="{attr(east_asian_font)}"/>{link}</a:rPr>'
    )
    runs = []
    for part, lang in language_runs(span.text):
        tag = f'lang="{lang}" ' if lang else ""
        runs.append(f"<a:r><a:rPr {tag}{props}<a:t>{text(part)}</a:t></a:r>")
    return "".join(runs)


_CYRILLIC = re.compile("[\u0400-\u04ff]")
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")
_TAGGED = re.compile(f"{_HAN.pattern}|{_CYRILLIC.pattern}")


def _script(char: str) -> str | None:
    """Return the language tag *char* asks for, "" for other letters, None for marks that go with either."""
    if _HAN.match(char):
        return "zh-CN"
    if _CYRILLIC.match(char):
        return "ru-RU"
    return "" if char.isalpha() else None


def language_runs(value: str) -> list[tuple[str, str]]:
    """Split *value* into (text, language tag) pieces: "zh-CN", "ru-RU" or "" for the deck's own language.

    Spaces, digits and punctuation join the piece before them (or the first
    piece), so a run break falls only where the script changes.
    """
    if not _TAGGED.search(value):  # nearly every run: one piece in the deck's language, found without a walk
        return [(value, "")]
    pieces: list[tuple[str, str]] = []
    pending = ""
    for char in value:
        script = _script(char)
        if script is None or (pieces and pieces[-1][1] == script):
            if pieces:
                pieces[-1] = (pieces[-1][0] + char, pieces[-1][1])
            else:
                pending += char
            continue
        pieces.append((pending + char, script))
        pending = ""
    if pending:
        pieces.append((pending, ""))
    return pieces or [("", "")]


def _slide_number_field(span: Span, east_asian_font: str, run_extra: str = "") -> str:
    """Return the slide number as a field, so it stays right if slides are moved in PowerPoint."""
    # A stable id per number keeps output byte-identical between runs.
    digest = hashlib.sha1(f"slidenum-{span.text}".encode()).hexdigest().upper()
    field_id = f"{{{digest[:8]}-{digest[8:12]}-{digest[12:16]}-{digest[16:20]}-{digest[20:32]}}}"
    bold = ' b="1"' if span.bold else ""
    return (
        f'<a:fld id="{field_id}" type="slidenum"><a:rPr lang="en-US" sz="{pt_to_centipoints(span.size)}"{bold}'
        f'{run_extra}>{solid(span.color)}<a:latin typeface="{attr(span.font)}"/>'
        f'<a:ea typeface="{attr(east_asian_font)}"/></a:rPr><a:t>{text(span.text)}</a:t></a:fld>'
    )


def text_body(frame: TextFrame, east_asian_font: str, links: LinkIds, body_extra: str = "", run_extra: str = "") -> str:
    """Return the p:txBody of a laid-out text frame."""
    return (
        f"<p:txBody>{body_pr(frame.insets, frame.anchor, body_extra)}<a:lstStyle/>"
        f"{paragraphs_xml(frame.paragraphs, east_asian_font, links, frame.role == 'number', run_extra)}"
        "</p:txBody>"
    )
