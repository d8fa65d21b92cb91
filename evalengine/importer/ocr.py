"""OCR of scanned PDF pages, with the optional extra ``pip install 'evalengine[ocr]'``.

RapidOCR (Apache-2.0) on onnxruntime, whose Chinese PP-OCR models ship inside its wheel:
nothing is downloaded at run time.  A page is rendered by pdfplumber (pypdfium2) and each
text box OCR finds becomes a "word" with its position in PDF points, which the PDF reader
lays out as a table without lines.
"""

from __future__ import annotations

import functools
from typing import Any

__all__ = ["available", "page_words"]

RESOLUTION = 200  # dots per inch the page is rendered at
MIN_SCORE = 0.5  # boxes OCR is less sure of are dropped


@functools.cache
def available() -> bool:
    try:
        import numpy  # noqa: F401
        import rapidocr_onnxruntime  # noqa: F401
    except ImportError:
        return False
    return True


@functools.cache
def _engine() -> Any:
    from rapidocr_onnxruntime import RapidOCR

    return RapidOCR()


def page_words(page: Any) -> list[dict]:
    import numpy

    image = page.to_image(resolution=RESOLUTION).original.convert("RGB")
    result, _elapsed = _engine()(numpy.array(image))
    scale = 72 / RESOLUTION
    words = []
    for box, text, score in result or ():
        if float(score) < MIN_SCORE or not str(text).strip():
            continue
        xs = [p[0] for p in box]
        ys = [p[1] for p in box]
        words.append({"text": str(text).strip(), "x0": min(xs) * scale, "x1": max(xs) * scale,
                      "top": min(ys) * scale, "bottom": max(ys) * scale})
    return words
