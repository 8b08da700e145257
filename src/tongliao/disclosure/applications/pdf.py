"""PDF of a notice or receipt, in a CJK font, with fpdf2 (pure Python).

fpdf2 embeds a subset of an OpenType/CFF font from a collection (``.ttc``),
which is what Debian's ``fonts-noto-cjk`` installs (Noto Serif CJK SC, the
closest installed face to the 仿宋/宋体 of official documents). The font is
looked up in ``FONT_CANDIDATES``; the environment variable
``TONGLIAO_CJK_FONT`` (``path`` or ``path#index``) overrides it.
"""

from fontTools.ttLib import TTCollection
from fontTools.ttLib import TTFont
from fpdf import FPDF
from functools import lru_cache
from pathlib import Path

import os


FONT_CANDIDATES = (
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
)
# The face of a collection for Simplified Chinese.
WANTED_FAMILY_SUFFIX = "CJK SC"
FONT_NAME = "cjk"


class PdfUnavailable(RuntimeError):
    """No CJK font is installed: PDFs cannot be rendered."""


def _family(font):
    return font["name"].getDebugName(1) or ""


@lru_cache(maxsize=1)
def cjk_font():
    """(path, collection index) of the CJK font to embed."""
    override = os.environ.get("TONGLIAO_CJK_FONT", "")
    if override:
        path, _sep, index = override.partition("#")
        return path, int(index or 0)
    for candidate in FONT_CANDIDATES:
        path = Path(candidate)
        if not path.exists():
            continue
        if path.suffix.lower() != ".ttc":
            return str(path), 0
        collection = TTCollection(str(path), lazy=True)
        for index, font in enumerate(collection.fonts):
            if _family(font).endswith(WANTED_FAMILY_SUFFIX):
                return str(path), index
        return str(path), 0
    raise PdfUnavailable("no CJK font found (install fonts-noto-cjk)")


def font_family_name():
    path, index = cjk_font()
    if path.lower().endswith(".ttc"):
        return _family(TTCollection(path, lazy=True).fonts[index])
    return _family(TTFont(path, lazy=True))


def build_pdf(title, paragraphs, number="", signature_lines=2):
    """A4 document: centred title, notice number, body, signature right.

    ``paragraphs[-signature_lines:]`` are the signature (agency and date).
    """
    path, index = cjk_font()
    pdf = FPDF(format="A4", unit="mm")
    pdf.set_margins(28, 30, 26)
    pdf.set_auto_page_break(True, margin=30)
    pdf.set_title(title)
    pdf.set_creator("tongliao.disclosure")
    pdf.add_font(FONT_NAME, fname=path, collection_font_number=index)
    pdf.add_page()
    pdf.set_font(FONT_NAME, size=20)
    pdf.multi_cell(0, 12, title, align="C", new_x="LMARGIN", new_y="NEXT")
    if number:
        pdf.set_font(FONT_NAME, size=14)
        pdf.multi_cell(0, 9, number, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font(FONT_NAME, size=14)
    body = paragraphs[:-signature_lines] if signature_lines else paragraphs
    signature = paragraphs[-signature_lines:] if signature_lines else []
    for position, text in enumerate(body):
        # Two characters of first-line indent, none for the salutation.
        if not (position == 0 and text.endswith("：")):
            pdf.set_x(pdf.l_margin + 2 * 14 * 25.4 / 72)
        pdf.write(8.5, text)
        pdf.ln(8.5)
    pdf.ln(8)
    for text in signature:
        pdf.multi_cell(0, 8.5, text, align="R", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
