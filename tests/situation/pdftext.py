"""Enough of a PDF text extractor for fpdf2's output (no PDF library is a dependency).

fpdf2 writes text with embedded TrueType subsets: ``/Fn size Tf`` picks a font, strings
hold 2-byte glyph ids, and each font's ``/ToUnicode`` CMap maps ids back to text. Reading
the text back through that map is what a PDF reader's copy-paste or search does.
"""

from __future__ import annotations

import re
import zlib

OBJ = re.compile(rb"(\d+) 0 obj(.*?)endobj", re.S)
STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)


def _stream(body: bytes) -> bytes:
    match = STREAM.search(body)
    if match is None:
        return b""
    raw = match.group(1)
    try:
        return zlib.decompress(raw)
    except zlib.error:
        return raw


def _cmap(data: bytes) -> dict[int, str]:
    mapping: dict[int, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            mapping[int(src, 16)] = bytes.fromhex(dst.decode()).decode("utf-16-be")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        for lo, hi, dst in re.findall(
            rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block
        ):
            start = int(dst, 16)
            for offset, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                mapping[code] = chr(start + offset)
    return mapping


def _unescape(literal: bytes) -> bytes:
    out, i = bytearray(), 0
    while i < len(literal):
        c = literal[i]
        if c == 0x5C:  # backslash
            nxt = literal[i + 1 : i + 2]
            octal = re.match(rb"[0-7]{1,3}", literal[i + 1 : i + 4])
            if octal:
                out.append(int(octal.group(), 8) & 0xFF)
                i += 1 + len(octal.group())
                continue
            out += {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}.get(nxt, nxt)
            i += 2
            continue
        out.append(c)
        i += 1
    return bytes(out)


def extract_text(pdf: bytes) -> str:
    objects = {int(n): body for n, body in OBJ.findall(pdf)}
    font_maps: dict[int, dict[int, str]] = {}
    for number, body in objects.items():
        ref = re.search(rb"/ToUnicode (\d+) 0 R", body)
        if ref:
            font_maps[number] = _cmap(_stream(objects[int(ref.group(1))]))
    names: dict[bytes, dict[int, str]] = {}
    for body in objects.values():
        for fonts in re.findall(rb"/Font\s*<<(.*?)>>", body, re.S):
            for name, ref in re.findall(rb"/(\w+) (\d+) 0 R", fonts):
                if int(ref) in font_maps:
                    names[name] = font_maps[int(ref)]
    text: list[str] = []
    token = re.compile(rb"/(\w+) [\d.]+ Tf|\(((?:\\.|[^\\)])*)\)\s*Tj|(ET)", re.S)
    for body in objects.values():
        content = _stream(body)
        if b"Tj" not in content:
            continue
        current: dict[int, str] = {}
        for match in token.finditer(content):
            if match.group(1):
                current = names.get(match.group(1), {})
            elif match.group(3):
                text.append("\n")
            else:
                raw = _unescape(match.group(2))
                ids = [int.from_bytes(raw[i : i + 2], "big") for i in range(0, len(raw), 2)]
                text.append("".join(current.get(g, "\ufffd") for g in ids))
    return "".join(text)
