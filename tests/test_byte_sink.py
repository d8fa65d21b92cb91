"""The JSON formats write orjson's bytes to a stream's byte buffer: the same bytes, in the
same order, as writing their text to the stream would give, whatever the stream."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from evalengine.render.formats import Spool
from evalengine.render.json import ByteSink

PIECES = ["{\n", "项目".encode(), ",", b'"x":1', "“完成”\n"]


def _text_of(pieces: list[bytes | str]) -> str:
    return "".join(p if isinstance(p, str) else p.decode() for p in pieces)


def _written(stream: io.TextIOWrapper, pieces: list[bytes | str], spool_text: str = "") -> bytes:
    stream.write("before:")  # pending text, written before the sink was made
    sink = ByteSink(stream)
    for piece in pieces[:2]:
        sink.write(piece)
    if spool_text:
        spool = Spool()
        spool.write(spool_text)
        sink.copy(spool)
        spool.close()
    for piece in pieces[2:]:
        sink.write(piece)
    stream.flush()
    return stream.buffer.getvalue()


def test_a_utf8_stream_gets_the_bytes_in_order():
    stream = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    got = _written(stream, PIECES, spool_text="部门")
    assert ByteSink(stream).raw is stream.buffer
    text = "before:" + _text_of(PIECES[:2]) + "部门" + _text_of(PIECES[2:])
    assert got == text.encode("utf-8")


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16", "latin-1"])
def test_another_encoding_is_written_as_text(encoding):
    stream = io.TextIOWrapper(io.BytesIO(), encoding=encoding, newline="", errors="replace")
    assert ByteSink(stream).raw is None
    got = _written(stream, PIECES)
    assert got == ("before:" + _text_of(PIECES)).encode(encoding, "replace")


def test_a_stream_without_a_buffer_gets_text():
    out = io.StringIO()
    sink = ByteSink(out)
    assert sink.raw is None
    for piece in PIECES:
        sink.write(piece)
    assert out.getvalue() == _text_of(PIECES)


def test_text_is_encoded_as_the_stream_would_encode_it():
    """json's text (what orjson refuses: a lone surrogate from a file name) goes through the
    stream's own errors handler, as a text write would."""
    lone = "a\udcffb"
    for errors in ("surrogateescape", "strict"):
        as_text = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors=errors, newline="")
        as_sink = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors=errors, newline="")
        if errors == "strict":
            with pytest.raises(UnicodeEncodeError):
                as_text.write(lone)
                as_text.flush()
            with pytest.raises(UnicodeEncodeError):
                ByteSink(as_sink).write(lone)
            continue
        as_text.write(lone)
        as_text.flush()
        ByteSink(as_sink).write(lone)
        as_sink.flush()
        assert as_sink.buffer.getvalue() == as_text.buffer.getvalue() == b"a\xffb"


def test_jsonl_lines_are_bytes_and_read_back(tmp_path):
    from evalengine.cli import main

    out = tmp_path / "out.jsonl"
    real = Path(__file__).resolve().parent.parent / "cases" / "real"
    assert main(["score", str(real), "--format", "jsonl", "--no-progress", "--exit-zero",
                 "-o", str(out)]) == 0
    import json

    lines = out.read_text(encoding="utf-8").splitlines()
    kinds = [json.loads(line)["type"] for line in lines]
    assert kinds[0] == "report" and kinds[-1] == "summary" and "project" in kinds
