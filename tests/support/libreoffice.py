"""Convert decks with LibreOffice for the real-client tests."""

from __future__ import annotations

from pathlib import Path


def convert_with_libreoffice(soffice: str, pptx: Path, out_dir: Path) -> Path:
    """Convert *pptx* to PDF with LibreOffice in its own profile folder; return the PDF path."""
    import subprocess

    profile = out_dir / "lo-profile"
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(out_dir), str(pptx)],
                   check=True, capture_output=True, timeout=300)
    pdf = out_dir / (pptx.stem + ".pdf")
    assert pdf.is_file(), "LibreOffice wrote no PDF"
    return pdf
