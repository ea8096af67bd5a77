"""The translation catalogues: compiled as committed, complete, and faithful to
the English they translate (same placeholders, same markup).

The compiled ``.mo`` files are committed, so a fresh machine needs no GNU
gettext; this is the check that they are their ``.po`` compiled
(``manage.py catalogues compile`` writes them).
"""

import ast
import gettext
import re
import shutil
import subprocess

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils.translation.template import templatize

from cancerfax.catalogues import (
    catalogue_compile,
    catalogue_languages,
    catalogue_path,
    catalogue_sources,
    compile_mo,
    parse_po,
)
from tests.cancerfax.test_template_words import ROOT, public_templates

LANGUAGES = catalogue_languages()
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")
TAG = re.compile(r"</?\w+")
CALL = re.compile(r"\b(?:n?gettext)\((u(?:'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"))")


def entries(code):
    return parse_po(catalogue_path(code).read_text(encoding="utf-8"))


def test_every_site_and_email_language_has_a_catalogue():
    assert {"ar", "zh-hans", "es"} <= set(LANGUAGES)


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_committed_mo_is_its_po_compiled(code):
    assert catalogue_path(code, ".mo").read_bytes() == catalogue_compile(code)


def test_the_check_command_fails_on_a_stale_mo(settings, tmp_path):
    folder = tmp_path / "ar" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    shutil.copy(catalogue_path("ar"), folder / "django.po")
    (folder / "django.mo").write_bytes(b"stale")
    settings.LOCALE_PATHS = [tmp_path]
    settings.LANGUAGES = [("en-gb", "English"), ("ar", "Arabic")]
    settings.PATIENT_EMAIL_LANGUAGES = []
    with pytest.raises(CommandError, match="ar/LC_MESSAGES/django.mo"):
        call_command("catalogues", "compile", check=True, verbosity=0)
    call_command("catalogues", "compile", verbosity=0)
    call_command("catalogues", "compile", check=True, verbosity=0)


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_entry_is_translated_and_none_is_fuzzy(code):
    untranslated = [e.msgid for e in entries(code) if e.msgid and not e.translated]
    fuzzy = [e.msgid for e in entries(code) if e.msgid and "fuzzy" in e.flags]
    assert (untranslated, fuzzy) == ([], [])


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_translation_keeps_the_placeholders_and_markup_of_its_english(code):
    for entry in entries(code):
        if not entry.msgid:
            continue
        for text in entry.msgstr.values():
            assert set(PLACEHOLDER.findall(text)) <= set(
                PLACEHOLDER.findall(entry.msgid + (entry.msgid_plural or ""))
            ), (entry.msgid, text)
            if entry.msgid_plural is None:  # Arabic's "one" may drop the number
                assert set(PLACEHOLDER.findall(text)) == set(
                    PLACEHOLDER.findall(entry.msgid)
                ), (entry.msgid, text)
            assert sorted(TAG.findall(text)) == sorted(TAG.findall(entry.msgid)), (
                entry.msgid,
                text,
            )


def test_the_catalogues_hold_every_string_of_the_public_templates():
    """A string added to a template without ``catalogues update`` fails here."""
    sources = {
        entry.msgid
        for entry in entries("ar")
        if any(location.startswith("templates/") for location in entry.locations)
    }
    missing, checked = [], 0
    for template in public_templates():
        code = templatize(
            (ROOT / template).read_text(encoding="utf-8"), origin=template
        )
        for literal in CALL.findall(code):
            msgid = ast.literal_eval(literal)
            checked += 1
            if msgid not in sources:
                missing.append((template, msgid))
    assert checked > 200  # the scan reads the templates' strings
    assert missing == []


def test_the_email_only_languages_hold_the_emails_alone():
    assert catalogue_sources("es") != catalogue_sources("ar")
    assert {e.msgid for e in entries("es")} < {e.msgid for e in entries("ar")}


def test_the_python_compiler_agrees_with_gnu_msgfmt(tmp_path):
    """Where GNU gettext is installed (not needed to run the site)."""
    if not shutil.which("msgfmt"):
        pytest.skip("no msgfmt on this machine")
    for code in LANGUAGES:
        target = tmp_path / f"{code}.mo"
        subprocess.run(
            ["msgfmt", "--check", "-o", str(target), str(catalogue_path(code))],
            check=True,
        )
        gnu = gettext.GNUTranslations(target.open("rb"))._catalog
        ours = gettext.GNUTranslations(catalogue_path(code, ".mo").open("rb"))._catalog
        # msgfmt drops the POT creation date from the header; the rest agrees.
        assert {k: v for k, v in gnu.items() if k} == {
            k: v for k, v in ours.items() if k
        }


def test_compile_mo_reads_plurals_and_contexts():
    po = (
        'msgid ""\nmsgstr "Plural-Forms: nplurals=2; plural=n != 1;\\n"\n\n'
        'msgctxt "month"\nmsgid "May"\nmsgstr "Mai"\n\n'
        'msgid "%(n)s file"\nmsgid_plural "%(n)s files"\n'
        'msgstr[0] "%(n)s Datei"\nmsgstr[1] "%(n)s Dateien"\n\n'
        '#, fuzzy\nmsgid "Draft"\nmsgstr "Entwurf"\n'
    )
    catalogue = gettext.GNUTranslations(
        __import__("io").BytesIO(compile_mo(parse_po(po)))
    )
    assert catalogue.pgettext("month", "May") == "Mai"
    assert catalogue.ngettext("%(n)s file", "%(n)s files", 3) == "%(n)s Dateien"
    assert catalogue.gettext("Draft") == "Draft"  # fuzzy: left out
