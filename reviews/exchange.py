"""Translators' files: a translation exported as XLIFF 1.2 and imported back.

XLIFF 1.2, not 2.0 or PO: it is the version translation tools read and write
most widely (OmegaT, memoQ, Trados, Poedit, Weblate), it keeps each text's
English beside its translation with a state, and it names the source and target
language in the file. PO is keyed by the English text itself, which suits
interface strings but not whole paragraphs of rich text.

Each ``trans-unit`` is one text (``id`` = its key in the snapshot); the file's
``original`` names the item and the English version translated. An import is
refused when any ``source`` no longer matches that English: the translator
translated words the reviewer will not compare with.
"""

from xml.etree import ElementTree

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from .capture import version_capture
from .translating import english_units, translation_texts_set
from .translations import units_of

NS = "urn:oasis:names:tc:xliff:document:1.2"
XML_NS = "http://www.w3.org/XML/1998/namespace"
MAX_BYTES = 2 * 1024 * 1024

ElementTree.register_namespace("", NS)


def _original(translation) -> str:
    return (
        f"cancerfax:{translation.source_reviewed.kind}:{translation.object_id}"
        f":source-version:{translation.source_version_id}"
    )


def translation_export(translation) -> bytes:
    """The working copy of ``translation`` as an XLIFF 1.2 file."""
    english = english_units(translation)
    translated = units_of(translation.content, translation.source_reviewed.translatable)
    root = ElementTree.Element(f"{{{NS}}}xliff", version="1.2")
    file = ElementTree.SubElement(
        root,
        f"{{{NS}}}file",
        original=_original(translation),
        datatype="html",
        **{"source-language": "en-gb", "target-language": translation.language},
    )
    body = ElementTree.SubElement(file, f"{{{NS}}}body")
    for key, text in english.items():
        unit = ElementTree.SubElement(
            body, f"{{{NS}}}trans-unit", id=key, **{f"{{{XML_NS}}}space": "preserve"}
        )
        ElementTree.SubElement(unit, f"{{{NS}}}source").text = text
        target = translated.get(key, "")
        done = target and target != text
        ElementTree.SubElement(
            unit,
            f"{{{NS}}}target",
            state="translated" if done else "needs-translation",
        ).text = target if done else ""
    ElementTree.indent(root)
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)


def _refuse(message, code, **params):
    raise ValidationError(message, code=code, params=params or None)


def _parse(data: bytes):
    if len(data) > MAX_BYTES:
        _refuse(_("The file is too large for one translation."), "too_large")
    # UTF-8 only (as exported): in UTF-16 a document type would pass the check
    # below unseen, byte for byte.
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        _refuse(_("The file must be saved as UTF-8; export it again."), "encoding")
    # No document type: entities are how XML files attack their readers.
    if "<!DOCTYPE" in text.upper() or "<!ENTITY" in text.upper():
        _refuse(_("The file declares a document type; export it again."), "doctype")
    try:
        # defusedxml is not a dependency: the check above refuses what it would
        # (document types and entities), and expat 2.4+ limits expansion.
        root = ElementTree.fromstring(data)  # noqa: S314
    except ElementTree.ParseError:
        _refuse(_("This is not an XLIFF file."), "not_xliff")
    if root.tag != f"{{{NS}}}xliff" or root.get("version") != "1.2":
        _refuse(_("This is not an XLIFF 1.2 file."), "not_xliff")
    files = root.findall(f"{{{NS}}}file")
    if len(files) != 1:
        _refuse(_("The file must hold one translation."), "not_xliff")
    return files[0]


@transaction.atomic
def translation_import(*, translation, data: bytes, user, name: str = ""):
    """Read a translator's file back: a new version of the translation, waiting
    for a reviewer of its language (``None`` when it changes nothing).

    Refused, naming the texts, when the English in the file is not the English
    the working copy translates.
    """
    file = _parse(data)
    item = _original(translation).rsplit(":source-version:", 1)[0]
    if not file.get("original", "").startswith(f"{item}:"):
        _refuse(_("This file belongs to another item."), "other_item")
    if file.get("target-language") != translation.language:
        _refuse(
            _("This file is a translation into another language."), "other_language"
        )
    english = english_units(translation)
    texts, changed, unknown = {}, [], []
    for unit in file.iter(f"{{{NS}}}trans-unit"):
        key = unit.get("id", "")
        source = unit.findtext(f"{{{NS}}}source") or ""
        target = unit.findtext(f"{{{NS}}}target") or ""
        if key not in english:
            unknown.append(key)
        elif source != english[key]:
            changed.append(key)
        elif target.strip():
            texts[key] = target
    if changed:
        _refuse(
            _(
                "The English of these texts is not what this translation translates "
                "now (it changed since the file was exported): %(keys)s. Export the "
                "file again and translate the new English."
            ),
            "source_mismatch",
            keys=", ".join(changed),
        )
    if unknown:
        _refuse(
            _("These texts are not in the English version: %(keys)s."),
            "unknown_units",
            keys=", ".join(unknown),
        )
    translation_texts_set(translation=translation, texts=texts, user=user)
    note = _("Imported from %(name)s.") % {"name": name} if name else ""
    return version_capture(obj=translation, user=user, note=str(note))
