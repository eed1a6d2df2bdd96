"""The picture of a proof of service hours: a PNG with its CJK text and a QR code of its verification page.

The font comes from `[proof] certificate_font`, else from the system (Debian's fonts-wqy-microhei or
fonts-noto-cjk). Without one no proof can be drawn: start-up says so in one line and `开证明` tells the
member to ask staff.
"""

from __future__ import annotations

import io
import logging
from pathlib import Path

import segno
from PIL import Image, ImageDraw, ImageFont

from handlers.proof import ProofWords

log = logging.getLogger("timebank.proof")

SYSTEM_FONTS = (
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"),
)
WIDTH, MARGIN = 1080, 80
INK, RED, PAPER, FAINT = (33, 33, 33), (178, 34, 34), (255, 253, 246), (120, 120, 120)
QR_MODULE_PX = 8  # a phone's camera reads it from a printout or a screen


def find_font(configured: Path | None) -> Path | None:
    """The configured font if Pillow can open it; without one configured, the first CJK font of the system."""
    for path in (configured,) if configured is not None else SYSTEM_FONTS:
        try:
            ImageFont.truetype(str(path), 20)
        except OSError:
            continue
        return path
    return None


def announce_font(configured: Path | None) -> Path | None:
    """Start-up's one line when proofs of service hours cannot be drawn; the font to draw them with otherwise."""
    font = find_font(configured)
    if font is None:
        where = f"[proof] certificate_font {configured} cannot be opened" if configured is not None \
            else "no CJK font found (apt-get install fonts-wqy-microhei, or set [proof] certificate_font)"
        log.warning("proofs of service hours are off: %s; 开证明 tells members to ask staff", where)
    return font


def draw(face: ProofWords, verify_url: str, font_path: Path) -> bytes:
    """A portrait page: the title, the figures, the issuer and code, and the QR code of the page at the foot."""
    fonts = {size: ImageFont.truetype(str(font_path), size) for size in (64, 40, 32, 26)}
    qr = _qr_image(verify_url)
    height = MARGIN * 2 + 140 + 62 * len(face.lines) + 60 + 50 * len(face.footer) + qr.height + 60
    picture = Image.new("RGB", (WIDTH, height), PAPER)
    pen = ImageDraw.Draw(picture)
    pen.rectangle((24, 24, WIDTH - 25, height - 25), outline=RED, width=6)
    pen.text((WIDTH // 2, MARGIN + 20), face.title, font=fonts[64], fill=RED, anchor="mt")
    y = MARGIN + 140
    for line in face.lines:
        pen.text((MARGIN, y), line, font=fonts[40], fill=INK)
        y += 62
    y += 40
    for line in face.footer:
        pen.text((MARGIN, y), line, font=fonts[32], fill=INK)
        y += 50
    y += 20
    picture.paste(qr, (WIDTH - MARGIN - qr.width, y))
    pen.text((MARGIN, y + qr.height // 2), face.qr_caption, font=fonts[26], fill=FAINT, anchor="lm")
    out = io.BytesIO()
    picture.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _qr_image(url: str) -> Image.Image:
    code = segno.make(url, error="m", micro=False)
    border = 4  # the quiet zone the standard asks for
    matrix = code.matrix
    size = (len(matrix) + 2 * border) * QR_MODULE_PX
    image = Image.new("RGB", (size, size), "white")
    pen = ImageDraw.Draw(image)
    for row, modules in enumerate(matrix):
        for column, dark in enumerate(modules):
            if dark:
                x, y = (column + border) * QR_MODULE_PX, (row + border) * QR_MODULE_PX
                pen.rectangle((x, y, x + QR_MODULE_PX - 1, y + QR_MODULE_PX - 1), fill="black")
    return image
