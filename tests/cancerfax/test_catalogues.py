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
    catalogues,
    compile_mo,
    parse_po,
)
from tests.cancerfax.test_template_words import ROOT, public_templates

LANGUAGES = catalogue_languages()
CATALOGUES = catalogues()  # (language, domain): django, and djangojs for scripts
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")
TAG = re.compile(r"</?\w+")
CALL = re.compile(r"\b(?:n?gettext)\((u(?:'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"))")


def entries(code, domain="django"):
    path = catalogue_path(code, domain=domain)
    return parse_po(path.read_text(encoding="utf-8"))


def test_every_site_and_email_language_has_a_catalogue():
    assert {"ar", "zh-hans", "es"} <= set(LANGUAGES)


def test_the_scripts_have_catalogues_in_the_site_languages_only():
    scripts = {code for code, domain in CATALOGUES if domain == "djangojs"}
    assert scripts == {"ar", "zh-hans"}


@pytest.mark.parametrize(("code", "domain"), CATALOGUES)
def test_the_committed_mo_is_its_po_compiled(code, domain):
    committed = catalogue_path(code, ".mo", domain).read_bytes()
    assert committed == catalogue_compile(code, domain)


def test_the_check_command_fails_on_a_stale_mo(settings, tmp_path):
    folder = tmp_path / "ar" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    shutil.copy(catalogue_path("ar"), folder / "django.po")
    shutil.copy(catalogue_path("ar", domain="djangojs"), folder / "djangojs.po")
    (folder / "django.mo").write_bytes(b"stale")
    settings.LOCALE_PATHS = [tmp_path]
    settings.LANGUAGES = [("en-gb", "English"), ("ar", "Arabic")]
    settings.PATIENT_EMAIL_LANGUAGES = []
    with pytest.raises(CommandError, match="ar/LC_MESSAGES/django.mo"):
        call_command("catalogues", "compile", check=True, verbosity=0)
    call_command("catalogues", "compile", verbosity=0)
    call_command("catalogues", "compile", check=True, verbosity=0)


@pytest.mark.parametrize(("code", "domain"), CATALOGUES)
def test_every_entry_is_translated_and_none_is_fuzzy(code, domain):
    found = entries(code, domain)
    untranslated = [e.msgid for e in found if e.msgid and not e.translated]
    fuzzy = [e.msgid for e in found if e.msgid and "fuzzy" in e.flags]
    assert (untranslated, fuzzy) == ([], [])


@pytest.mark.parametrize(("code", "domain"), CATALOGUES)
def test_a_translation_keeps_the_placeholders_and_markup_of_its_english(code, domain):
    for entry in entries(code, domain):
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
    for code, domain in CATALOGUES:
        target = tmp_path / f"{code}-{domain}.mo"
        source = catalogue_path(code, domain=domain)
        subprocess.run(["msgfmt", "--check", "-o", target, source], check=True)
        gnu = gettext.GNUTranslations(target.open("rb"))._catalog
        ours = gettext.GNUTranslations(
            catalogue_path(code, ".mo", domain).open("rb")
        )._catalog
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


@pytest.mark.django_db
def test_the_scripts_read_their_words_in_the_page_language(client):
    """The inquiry form loads the catalogue of its language before its scripts."""
    html = client.get("/ar/inquire/").content.decode()
    assert html.index('src="/ar/jsi18n/"') < html.index("inquiries/inquiry.js")
    script = client.get("/ar/jsi18n/").content.decode()
    assert "only PDF, JPEG, PNG and DICOM files are accepted" in script
    assert "\\u0644\\u0627 \\u062a\\u064f\\u0642\\u0628\\u0644" in script
