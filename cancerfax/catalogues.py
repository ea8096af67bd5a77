"""The interface's translation catalogues: which strings they hold, and their
compiled form, without GNU gettext.

A fresh machine needs no system package to show the site in every language:
the compiled ``.mo`` files are committed beside their ``.po`` sources, compiled
by ``compile_mo`` (the format of CPython's ``Tools/i18n/msgfmt.py``), and a test
compiles each source again and compares (``tests/cancerfax/test_catalogues.py``).

The catalogues hold what patients read: the public templates, the inquiry form,
the secure-link pages and the e-mails to patients. Staff pages stay in English;
``PUBLIC_SOURCES`` names the files (or the classes and functions in a file)
whose strings a catalogue keeps, and ``catalogue_prune`` drops the others after
``makemessages`` gathered every string of the project.
"""

import ast
import fnmatch
import re
import struct
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

# A pattern, or "path::Name,Name" for the classes, functions or module-level
# assignments of that name in a module ("::choices": every TextChoices/
# IntegerChoices class, a form's options).
PUBLIC_SOURCES = (
    "templates/*",
    "cancerfax/settings/base.py",
    "cancerfax/views.py",
    "cancerfax/structured_data.py",
    "guides/views.py",
    "faq/views.py",
    "trust/views.py",
    "search/views.py",
    "glossary/views.py",
    "inquiries/consent.py",
    "inquiries/files.py",
    "inquiries/forms.py",
    "inquiries/intake.py",
    "inquiries/patient_emails.py",
    "inquiries/text_limits.py",
    "inquiries/upload_checks.py",
    "inquiries/views.py",
    "inquiries/models/inquiry.py::choices",
    "inquiries/services.py::_queue_submission_emails",
    "casework/patient_page.py",
    "casework/portal.py",
    "casework/forms.py::PatientMessageForm",
    "casework/messaging.py::message_send",
    "casework/patient_actions.py::_claim_reply,patient_send",
    "reviews/citing.py::_marker",
    # Labels patients read on guide and cancer-type pages, and the kinds of
    # search results (the models' names).
    "guides/models.py::EvidenceStrength,Meta",
    "guides/facts.py::ApprovalStatus,GROUP_HEADINGS,Meta",
    "faq/models.py::Meta",
    "glossary/models.py::Meta",
    "trust/models.py::Meta",
)
# What a language of settings.PATIENT_EMAIL_LANGUAGES needs: the e-mails alone.
EMAIL_SOURCES = (
    "templates/inquiries/email/acknowledgement.txt",
    "templates/casework/email/patient_notice.txt",
    "inquiries/services.py::_queue_submission_emails",
    "casework/messaging.py::message_send",
)
# The scripts whose words patients read (the "djangojs" catalogues).
SCRIPT_SOURCES = ("static/inquiries/*.js",)
DOMAINS = ("django", "djangojs")
# Staff and sign-in pages, and e-mails to staff, under the public template tree.
STAFF_TEMPLATES = (
    "templates/admin/*",
    "templates/registration/*",
    "templates/reviews/email/*",
    "templates/casework/email/activity_alert.txt",
    "templates/casework/email/clinician_request.txt",
    "templates/inquiries/email/coordinator_alert.txt",
)


def catalogue_languages() -> list[str]:
    """Every language with a catalogue: the site's (but its source language)
    and those only the patient e-mails are written in."""
    codes = [code for code, _name in settings.LANGUAGES]
    codes += [code for code, _name in settings.PATIENT_EMAIL_LANGUAGES]
    return [code for code in codes if code != settings.LANGUAGE_CODE]


def catalogue_sources(code: str, domain: str = "django") -> tuple[str, ...]:
    site_codes = {code for code, _name in settings.LANGUAGES}
    if domain == "djangojs":
        return SCRIPT_SOURCES if code in site_codes else ()
    return PUBLIC_SOURCES if code in site_codes else EMAIL_SOURCES


def catalogues() -> list[tuple[str, str]]:
    """Every (language, domain) with a catalogue: the e-mail-only languages
    have no script catalogue."""
    return [
        (code, domain)
        for code in catalogue_languages()
        for domain in DOMAINS
        if catalogue_sources(code, domain)
    ]


def catalogue_path(code: str, suffix: str = ".po", domain: str = "django") -> Path:
    from django.utils.translation import to_locale

    folder = Path(settings.LOCALE_PATHS[0]) / to_locale(code) / "LC_MESSAGES"
    return folder / f"{domain}{suffix}"


def has_catalogue(code: str) -> bool:
    return catalogue_path(code, ".mo").exists()


@dataclass
class Entry:
    msgid: str
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    locations: list[str] = field(default_factory=list)

    @property
    def translated(self) -> bool:
        return bool(self.msgstr) and all(self.msgstr.values())


_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}


def _unquote(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), text)


def parse_po(text: str) -> list[Entry]:
    """The entries of a ``.po`` file as GNU gettext and Django write it (one
    blank line between entries; obsolete ``#~`` entries are left out)."""
    entries = []
    for block in re.split(r"\n\s*\n", text.strip()):
        entry, target = Entry(msgid=None), None
        for line in block.splitlines():
            line = line.strip()
            if line.startswith("#,"):
                entry.flags.update(flag.strip() for flag in line[2:].split(","))
            elif line.startswith("#:"):
                entry.locations.extend(line[2:].split())
            elif line.startswith("#"):
                continue
            elif line.startswith('"'):
                _append(entry, target, _unquote(_STRING.match(line).group(1)))
            elif line:
                target, _space, rest = line.partition(" ")
                value = _unquote(_STRING.match(rest).group(1))
                _append(entry, target, value, start=True)
        if entry.msgid is not None:
            entries.append(entry)
    return entries


def _append(entry, target, value, start=False):
    if target in ("msgid", "msgid_plural", "msgctxt"):
        name = target
        setattr(entry, name, value if start else getattr(entry, name) + value)
    else:
        index = int(target[7:-1]) if target.startswith("msgstr[") else 0
        entry.msgstr[index] = value if start else entry.msgstr[index] + value


def compile_mo(entries: list[Entry]) -> bytes:
    """The GNU ``.mo`` bytes for ``entries``, as CPython's msgfmt.py writes
    them: fuzzy and untranslated entries left out, keys sorted, no hash table."""
    messages = {}
    for entry in entries:
        if "fuzzy" in entry.flags and entry.msgid:
            continue
        if entry.msgid and not entry.translated:
            continue
        key = entry.msgid
        if entry.msgid_plural is not None:
            key += "\0" + entry.msgid_plural
            value = "\0".join(entry.msgstr[i] for i in sorted(entry.msgstr))
        else:
            value = entry.msgstr.get(0, "")
        if entry.msgctxt is not None:
            key = entry.msgctxt + "\x04" + key
        messages[key.encode()] = value.encode()
    keys = sorted(messages)
    ids = strs = b""
    offsets = []
    for key in keys:
        offsets.append((len(ids), len(key), len(strs), len(messages[key])))
        ids += key + b"\0"
        strs += messages[key] + b"\0"
    keystart = 7 * 4 + 16 * len(keys)
    valuestart = keystart + len(ids)
    koffsets, voffsets = [], []
    for id_offset, id_length, str_offset, str_length in offsets:
        koffsets += [id_length, id_offset + keystart]
        voffsets += [str_length, str_offset + valuestart]
    header = struct.pack(
        "Iiiiiii",
        0x950412DE,  # magic
        0,  # version
        len(keys),
        7 * 4,  # start of the key index
        7 * 4 + len(keys) * 8,  # start of the value index
        0,  # size of the hash table
        0,  # offset of the hash table
    )
    index = struct.pack(f"{len(koffsets)}i", *koffsets)
    index += struct.pack(f"{len(voffsets)}i", *voffsets)
    return header + index + ids + strs


def catalogue_compile(code: str, domain: str = "django") -> bytes:
    source = catalogue_path(code, domain=domain).read_text(encoding="utf-8")
    return compile_mo(parse_po(source))


# Keeping only the patients' strings ------------------------------------------


def _named_ranges(path: Path, names: list[str]) -> list[tuple[int, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    ranges = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            targets = {getattr(target, "id", None) for target in node.targets}
            if targets & set(names):
                ranges.append((node.lineno, node.end_lineno))
            continue
        if not isinstance(node, (ast.ClassDef, ast.FunctionDef)):
            continue
        is_choices = isinstance(node, ast.ClassDef) and any(
            getattr(base, "attr", getattr(base, "id", "")).endswith("Choices")
            for base in node.bases
        )
        if node.name in names or ("choices" in names and is_choices):
            ranges.append((node.lineno, node.end_lineno))
    return ranges


def is_public_location(location: str, base: Path, sources=PUBLIC_SOURCES) -> bool:
    """Whether a ``#:`` location (``path:line``) is a string patients read."""
    path, _colon, line = location.rpartition(":")
    if not path:
        path, line = location, "0"
    if any(fnmatch.fnmatch(path, pattern) for pattern in STAFF_TEMPLATES):
        return False
    for source in sources:
        pattern, _sep, names = source.partition("::")
        if not fnmatch.fnmatch(path, pattern):
            continue
        if not names:
            return True
        number = int(line or 0)
        for start, end in _named_ranges(base / path, names.split(",")):
            if start <= number <= end:
                return True
    return False


def catalogue_prune(text: str, base: Path, sources=PUBLIC_SOURCES) -> str:
    """``text`` (a ``.po`` file) without the entries no patient reads."""
    blocks = re.split(r"\n\s*\n", text.strip("\n"))
    kept = [blocks[0]]  # the header
    for block in blocks[1:]:
        locations = [
            location
            for line in block.splitlines()
            if line.startswith("#:")
            for location in line[2:].split()
        ]
        if any(is_public_location(where, base, sources) for where in locations):
            kept.append(block)
    return "\n\n".join(kept) + "\n"
