"""Convert decks with LibreOffice for the real-client tests, seeing only the fonts we ship.

LibreOffice finds fonts through fontconfig. Pointed at the system's
configuration, the tests would depend on what the machine has installed (a
machine without Carlito or Liberation draws Calibri and Arial in another
face, and every line breaks elsewhere). ``FONTCONFIG_FILE`` points it instead
at a configuration of our own that lists only ``assets/fonts`` (the same files
layout measures with) and names the metric-compatible faces for the fonts a
deck asks for, so the tests pass the same with or without system fonts.
"""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import tempfile
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from sinoru_brief.font_files import SHIPPED_FONTS
from sinoru_brief.paths import fonts_dir

#: The font a deck names, and the shipped face with the same metrics that stands in for it: every name a
#: shipped family stands in for, and Helvetica, which a user's master may name for text of its own
#: (Liberation Sans has its metrics too) though no slide of ours is written in it.
METRIC_TWINS = {name: font.family for font in SHIPPED_FONTS for name in font.stands_for} | {
    "Helvetica": "Liberation Sans"
}


@cache
def fontconfig_file() -> Path:
    """Return a fontconfig configuration that offers LibreOffice only the fonts in ``assets/fonts``."""
    folder = Path(tempfile.mkdtemp(prefix="sinoru-fontconfig-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)  # one per test process (per xdist worker)
    aliases = "".join(
        f'<alias binding="same"><family>{escape(name)}</family><prefer><family>{escape(twin)}</family></prefer></alias>'
        for name, twin in METRIC_TWINS.items()
    )
    generic = "".join(
        f"<alias><family>{family}</family><prefer><family>{twin}</family><family>Droid Sans Fallback</family>"
        f"</prefer></alias>"
        for family, twin in (("sans-serif", "Carlito"), ("serif", "Liberation Serif"), ("monospace", "Liberation Sans"))
    )
    config = (
        f'<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>'
        f"<dir>{escape(str(fonts_dir()))}</dir><cachedir>{escape(str(folder / 'cache'))}</cachedir>"
        f"{aliases}{generic}</fontconfig>\n"
    )
    path = folder / "fonts.conf"
    path.write_text(config, encoding="utf-8")
    return path


def hermetic_environment() -> dict[str, str]:
    """Return the environment LibreOffice runs in: this one, with fontconfig pointed at our fonts only."""
    return {**os.environ, "FONTCONFIG_FILE": str(fontconfig_file())}


def run_libreoffice(soffice: str, out_dir: Path, decks: list[Path], timeout: int = 600) -> None:
    """Convert *decks* to PDF in *out_dir* in one LibreOffice run, with its own profile and our fonts only."""
    profile = out_dir / "lo-profile"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            *(str(d) for d in decks),
        ],
        check=True,
        capture_output=True,
        timeout=timeout,
        env=hermetic_environment(),
    )


def convert_with_libreoffice(soffice: str, pptx: Path, out_dir: Path) -> Path:
    """Convert *pptx* to PDF with LibreOffice in its own profile folder; return the PDF path."""
    run_libreoffice(soffice, out_dir, [pptx], timeout=300)
    pdf = out_dir / (pptx.stem + ".pdf")
    assert pdf.is_file(), "LibreOffice wrote no PDF"
    return pdf
