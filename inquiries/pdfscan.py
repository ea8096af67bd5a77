"""Find active content in a PDF with qpdf (through pikepdf), in a child process.

Run as ``python -I pdfscan.py PATH MEMORY_MB``; prints a JSON list of findings.
This module imports no Django: ``inquiries.scanning`` starts it in a separate
process so a hostile file can exhaust only that process's time and memory.

qpdf decodes every standard filter (chained too) and reads objects packed in
object streams, and it decodes name escapes (``/J#61vaScript``), so the checks
below look at the same objects a PDF reader would, not at the raw bytes.
"""

import json
import resource
import sys

CHECKS = {
    "/JavaScript": "JavaScript",
    "/JS": "JavaScript",
    "/Launch": "launch action",
    # Opens another file, also on a remote share (\\host\share): reading it can
    # send the reader's network credentials to that host.
    "/GoToR": "link to another file",
    # Any web address, also one the reader must click: the coordinator opens
    # records in a browser-like viewer, and a link there leads off the site.
    "/URI": "web address",
    "/EmbeddedFile": "embedded file",
    "/EmbeddedFiles": "embedded file",
    "/FileAttachment": "embedded file",
    "/GoToE": "embedded file",
    "/RichMedia": "rich media",
    "/XFA": "XFA form",
    "/SubmitForm": "form that sends data",
    "/ImportData": "form that imports data",
}
AUTOMATIC = {"/OpenAction", "/AA"}
# A web address opened by itself when the file is opened (or a page shown) also
# tells a third party who read it, and when: named apart from a plain link.
AUTOMATIC_CHECKS = {"/URI": "opens a web address automatically"}
# Nested direct objects deeper than this are not walked further; qpdf itself
# refuses deeper nesting while parsing.
MAX_DEPTH = 600


def is_indirect(obj, pikepdf) -> bool:
    return isinstance(obj, pikepdf.Object) and obj.is_indirect


def names_in(obj, pikepdf) -> set[str]:
    """Every dictionary key and name value inside ``obj``, without recursion."""
    found: set[str] = set()
    stack = [(obj, 0)]
    while stack:
        current, depth = stack.pop()
        # Indirect objects are visited on their own by the caller.
        if depth > MAX_DEPTH or (depth and is_indirect(current, pikepdf)):
            continue
        if isinstance(current, pikepdf.Name):
            found.add(str(current))
        elif isinstance(current, pikepdf.Dictionary | pikepdf.Stream):
            for key in current.keys():  # noqa: SIM118 - a Stream is not iterable
                found.add(key)
                stack.append((current.get(key), depth + 1))
        elif isinstance(current, pikepdf.Array):
            stack.extend((item, depth + 1) for item in current)
    return found


def automatic_names(pdf, pikepdf) -> set[str]:
    """Names inside the actions a reader runs by itself (``/OpenAction``, ``/AA``),
    following references from them as a reader would."""
    found: set[str] = set()
    seen: set[tuple[int, int]] = set()
    stack = []
    for obj in [*pdf.objects, pdf.trailer]:
        if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
            stack += [obj.get(key) for key in AUTOMATIC if key in obj]
    while stack:
        current = stack.pop()
        if is_indirect(current, pikepdf):
            if current.objgen in seen:
                continue
            seen.add(current.objgen)
        found |= names_in(current, pikepdf)
        stack += referenced(current, pikepdf)
    return found


def referenced(obj, pikepdf) -> list:
    """The indirect objects ``obj`` points to directly (not walked further)."""
    out, stack = [], [(obj, 0)]
    while stack:
        current, depth = stack.pop()
        if depth > MAX_DEPTH:
            continue
        if depth and is_indirect(current, pikepdf):
            out.append(current)
        elif isinstance(current, pikepdf.Dictionary | pikepdf.Stream):
            stack += [(current.get(key), depth + 1) for key in current.keys()]  # noqa: SIM118
        elif isinstance(current, pikepdf.Array):
            stack += [(item, depth + 1) for item in current]
    return out


def scan(path: str) -> list[str]:
    import pikepdf

    findings: set[str] = set()
    names: set[str] = set()
    try:
        pdf = pikepdf.open(path)
    except pikepdf.PasswordError:
        return ["encrypted (contents could not be checked)"]
    with pdf:
        if pdf.is_encrypted:
            findings.add("encrypted (contents could not be checked)")
        for obj in pdf.objects:
            names |= names_in(obj, pikepdf)
        names |= names_in(pdf.trailer, pikepdf)
        automatic = automatic_names(pdf, pikepdf)
    findings |= {label for key, label in CHECKS.items() if key in names}
    findings |= {label for key, label in AUTOMATIC_CHECKS.items() if key in automatic}
    result = sorted(findings)
    if "JavaScript" in findings and names & AUTOMATIC:
        result.append("runs JavaScript automatically")
    return result


def limit_memory(megabytes: int) -> None:
    limit = megabytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def main(argv: list[str]) -> int:
    path, memory_mb = argv[1], int(argv[2])
    limit_memory(memory_mb)
    try:
        findings = scan(path)
    except MemoryError:
        print(json.dumps({"error": "memory"}))
        return 2
    except Exception as error:  # noqa: BLE001 - any parser failure is a finding
        print(json.dumps({"error": type(error).__name__}))
        return 3
    print(json.dumps({"findings": findings}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
