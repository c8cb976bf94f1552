"""Write laid-out paragraphs into a python-pptx text frame, exactly as layout decided them.

Every size, indent, bullet and line pitch is written explicitly, and autofit
is off, so neither PowerPoint nor LibreOffice has anything to re-decide.
"""

from __future__ import annotations

import hashlib

from lxml import etree
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

from sinoru_brief.layout.pages import Insets, Paragraph, Span

_ALIGN = {"left": PP_ALIGN.LEFT, "center": PP_ALIGN.CENTER, "right": PP_ALIGN.RIGHT}
_ANCHOR = {"top": MSO_ANCHOR.TOP, "middle": MSO_ANCHOR.MIDDLE, "bottom": MSO_ANCHOR.BOTTOM}
SUPERSCRIPT_BASELINE = "30000"  # thousandths of a percent: raised 30% of the size


def fill_text_frame(text_frame, paragraphs: tuple[Paragraph, ...], insets: Insets, anchor: str,
                    east_asian_font: str, slide_number_field: bool = False) -> None:
    """Write *paragraphs* into *text_frame* with the frame's insets and anchor."""
    text_frame.word_wrap = True
    text_frame.auto_size = MSO_AUTO_SIZE.NONE
    text_frame.margin_left, text_frame.margin_top = Emu(insets.left), Emu(insets.top)
    text_frame.margin_right, text_frame.margin_bottom = Emu(insets.right), Emu(insets.bottom)
    text_frame.vertical_anchor = _ANCHOR[anchor]
    for index, para in enumerate(paragraphs):
        p = text_frame.paragraphs[0] if index == 0 else text_frame.add_paragraph()
        write_paragraph(p, para, east_asian_font, slide_number_field)


def write_paragraph(p, para: Paragraph, east_asian_font: str, slide_number_field: bool = False) -> None:
    p.alignment = _ALIGN[para.align]
    p.line_spacing = Pt(para.line_height)
    p.space_before = Pt(para.space_before)
    p.space_after = Pt(0)
    _bullet(p, para)
    for span in para.spans:
        if not span.text:
            continue
        if slide_number_field:
            _slide_number_field(p, span, east_asian_font)
            continue
        run = p.add_run()
        run.text = span.text
        style_run(run.font, run._r, span, east_asian_font)
        if span.link:
            run.hyperlink.address = span.link
    end = p._p.get_or_add_endParaRPr()
    if para.spans:
        end.set("sz", str(round(para.spans[0].size * 100)))


def style_run(font, r_element, span: Span, east_asian_font: str) -> None:
    """Set size, weight, slant, colour, typefaces and baseline of one run."""
    font.size = Pt(span.size)
    font.bold = span.bold
    font.italic = span.italic
    font.color.rgb = RGBColor.from_string(span.color)
    font.name = span.font
    rpr = r_element.get_or_add_rPr()
    ea = rpr.find(qn("a:ea"))
    if ea is None:
        ea = etree.SubElement(rpr, qn("a:ea"))
        # a:ea must follow a:latin in the schema's sequence.
        latin = rpr.find(qn("a:latin"))
        if latin is not None:
            latin.addnext(ea)
    ea.set("typeface", east_asian_font)
    if span.superscript:
        rpr.set("baseline", SUPERSCRIPT_BASELINE)


def _bullet(p, para: Paragraph) -> None:
    ppr = p._p.get_or_add_pPr()
    for tag in ("a:buClr", "a:buSzTx", "a:buSzPct", "a:buFont", "a:buNone", "a:buChar", "a:buAutoNum"):
        for old in ppr.findall(qn(tag)):
            ppr.remove(old)
    ppr.set("marL", str(para.indent))
    ppr.set("indent", str(para.bullet_indent - para.indent))
    ppr.set("lvl", str(para.level))
    if not para.bullet:
        ppr.append(etree.Element(qn("a:buNone")))
        return
    if para.bullet_color:
        clr = etree.SubElement(ppr, qn("a:buClr"))
        etree.SubElement(clr, qn("a:srgbClr"), val=para.bullet_color)
    etree.SubElement(ppr, qn("a:buSzTx"))  # the bullet is as large as the text
    if para.bullet[:-1].isdigit() and para.bullet.endswith("."):
        etree.SubElement(ppr, qn("a:buFont"), typeface="+mj-lt")
        etree.SubElement(ppr, qn("a:buAutoNum"), type="arabicPeriod", startAt=para.bullet[:-1])
    else:
        etree.SubElement(ppr, qn("a:buFont"), typeface="Arial")
        etree.SubElement(ppr, qn("a:buChar"), char=para.bullet)
    _reorder_ppr(ppr)


_PPR_ORDER = ["a:lnSpc", "a:spcBef", "a:spcAft", "a:buClrTx", "a:buClr", "a:buSzTx", "a:buSzPct", "a:buSzPts",
              "a:buFontTx", "a:buFont", "a:buNone", "a:buAutoNum", "a:buChar", "a:buBlip", "a:tabLst",
              "a:defRPr", "a:extLst"]


def _reorder_ppr(ppr) -> None:
    """Put pPr children in the order the schema demands (PowerPoint refuses other orders)."""
    rank = {qn(tag): i for i, tag in enumerate(_PPR_ORDER)}
    children = sorted(ppr, key=lambda el: rank.get(el.tag, len(rank)))
    for child in children:
        ppr.append(child)


def _slide_number_field(p, span: Span, east_asian_font: str) -> None:
    """Write the slide number as a field, so it stays right if slides are moved in PowerPoint."""
    # A stable id per number keeps output byte-identical between runs.
    digest = hashlib.sha1(f"slidenum-{span.text}".encode()).hexdigest().upper()
    field_id = f"{{{digest[:8]}-{digest[8:12]}-{digest[12:16]}-{digest[16:20]}-{digest[20:32]}}}"
    fld = etree.SubElement(p._p, qn("a:fld"), id=field_id, type="slidenum")
    rpr = etree.SubElement(fld, qn("a:rPr"), lang="en-US")


    rpr.set("sz", str(round(span.size * 100)))
    if span.bold:
        rpr.set("b", "1")
    fill = etree.SubElement(rpr, qn("a:solidFill"))
    etree.SubElement(fill, qn("a:srgbClr"), val=span.color)
    etree.SubElement(rpr, qn("a:latin"), typeface=span.font)
    etree.SubElement(rpr, qn("a:ea"), typeface=east_asian_font)
    text = etree.SubElement(fld, qn("a:t"))
    text.text = span.text
    end = p._p.find(qn("a:endParaRPr"))
    if end is not None:
        p._p.remove(end)
        p._p.append(end)
