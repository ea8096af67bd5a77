"""Translators' files (XLIFF 1.2), the dashboard's out-of-date translations and
who reaches the translation pages: on the demo content, loaded once."""

from xml.etree import ElementTree

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation as i18n

from guides.models import CancerIndication, Guide
from reviews.exchange import NS, translation_export, translation_import
from reviews.models import ContentVersion
from reviews.services import version_approve
from reviews.translating import english_units, translation_start
from reviews.translations import Translation
from tests.factories import ReviewerFactory, approve

pytestmark = pytest.mark.django_db
UNIT = f"{{{NS}}}trans-unit"


def translated_file(data: bytes, path, translate) -> bytes:
    """What a translator's tool gives back: each target filled in, saved."""
    root = ElementTree.fromstring(data)  # noqa: S314 (our own export)
    for unit in root.iter(UNIT):
        target = unit.find(f"{{{NS}}}target")
        target.text = translate(unit.findtext(f"{{{NS}}}source"))
        target.set("state", "translated")
    ElementTree.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)
    return path.read_bytes()


@pytest.fixture
def comparison_ar(module_demo):
    guide = Guide.objects.get(slug="cik-and-car-t-compared")
    return translation_start(obj=guide, language="ar")


def test_export_and_import_round_trip_makes_a_version_for_review(
    comparison_ar, tmp_path, client
):
    exported = translation_export(comparison_ar)
    (tmp_path / "exported.xlf").write_bytes(exported)
    root = ElementTree.fromstring(exported)  # noqa: S314 (our own export)
    assert root.get("version") == "1.2"
    file = root.find(f"{{{NS}}}file")
    assert file.get("target-language") == "ar"
    units = list(root.iter(UNIT))
    assert {u.get("id") for u in units} == set(english_units(comparison_ar))
    assert all(
        u.find(f"{{{NS}}}target").get("state") == "needs-translation" for u in units
    )

    def translate(source):
        return source if "[ref:" in source else f"ترجمة {source}"

    data = translated_file(exported, tmp_path / "translated.xlf", translate)
    version = translation_import(
        translation=comparison_ar, data=data, user=None, name="translated.xlf"
    )
    assert version.status == ContentVersion.Status.PENDING
    assert version.note == "Imported from translated.xlf."
    assert version.content.title == "ترجمة CIK and CAR-T compared"
    version_approve(
        version=version, user=None, reviewers=[ReviewerFactory(languages="ar")]
    )
    guide = Guide.objects.get(pk=comparison_ar.object_id)
    with i18n.override("ar"):  # its address in Arabic
        html = client.get(
            guide.get_absolute_url(), {"fresh": 1}, HTTP_ACCEPT_LANGUAGE="ar"
        ).text
    assert "ترجمة CIK and CAR-T compared" in html
    # The approved words come back out as done, ready for the next change.
    comparison_ar.refresh_from_db()
    again = ElementTree.fromstring(translation_export(comparison_ar))  # noqa: S314
    title = next(u for u in again.iter(UNIT) if u.get("id") == "title")
    assert title.find(f"{{{NS}}}target").get("state") == "translated"
    # Importing the same file again changes nothing: no new version.
    assert translation_import(translation=comparison_ar, data=data, user=None) is None


def test_a_file_whose_english_changed_since_export_is_refused(comparison_ar, tmp_path):
    exported = translation_export(comparison_ar)
    data = translated_file(exported, tmp_path / "late.xlf", lambda s: f"ترجمة {s}")
    guide = Guide.objects.get(pk=comparison_ar.object_id)
    Guide.objects.filter(pk=guide.pk).update(lede="The English moved on.")
    approve(Guide.objects.get(pk=guide.pk))
    translation = translation_start(obj=guide, language="ar")  # onto the new English
    with pytest.raises(ValidationError) as refused:
        translation_import(translation=translation, data=data, user=None)
    assert refused.value.code == "source_mismatch"
    assert "lede" in refused.value.messages[0]
    assert not ContentVersion.objects.of(translation).exists()


@pytest.mark.parametrize(
    "change, code",
    [
        (lambda d: d.replace(b'target-language="ar"', b'target-language="zh-hans"'),
         "other_language"),
        (lambda d: d.replace(b"<xliff", b'<!DOCTYPE x [<!ENTITY a "b">]><xliff', 1)
         .replace(b"<?xml version='1.0' encoding='utf-8'?>", b""), "doctype"),
        # In UTF-16 a document type is not visible byte for byte: refused whole.
        (lambda d: d.decode().replace("utf-8", "utf-16").encode("utf-16"),
         "encoding"),
        (lambda d: b"not xml at all", "not_xliff"),
        (lambda d: d.replace(b'id="title"', b'id="sections.99.heading"'),
         "unknown_units"),
    ],
)  # fmt: skip
def test_files_that_do_not_fit_are_refused_by_name(comparison_ar, change, code):
    with pytest.raises(ValidationError) as refused:
        translation_import(
            translation=comparison_ar,
            data=change(translation_export(comparison_ar)),
            user=None,
        )
    assert refused.value.code == code


def test_the_dashboard_lists_out_of_date_translations_with_the_english_diff(
    client, module_demo, superuser
):
    client.force_login(superuser)
    html = client.get("/admin/reviews/reviewdashboard/").text
    stale = Translation.objects.out_of_date().get()
    assert "Translations behind their English (1)" in html
    changes = f"/admin/reviews/translation/{stale.pk}/english-changes/"
    assert changes in html
    diff = client.get(changes).text
    # The demo's liver cancer summary was reworded after its translation.
    assert "It is given after <del>surgery </del><ins>a treatment that removes " in diff
    assert "reading age 9–11" in diff


ROLES = ["anonymous", "coordinator", "medical_editor", "medical_reviewer",
         "review_lead", "superuser"]  # fmt: skip
READS = {"medical_editor", "medical_reviewer", "review_lead", "superuser"}
CHANGES = {"medical_editor", "superuser"}
SETS_POLICY = {"review_lead", "superuser"}


@pytest.mark.parametrize("role", ROLES)
def test_translation_pages_by_role(client, request, module_demo, role):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    stale = Translation.objects.out_of_date().get()
    pk = stale.pk
    version = ContentVersion.objects.of(stale).approved().get()
    pages = {
        # Reviewed on the ordinary review page, its diff beside the English.
        f"/admin/reviews/contentversion/{version.pk}/review/": READS,
        "/admin/reviews/translation/": READS,
        f"/admin/reviews/translation/{pk}/change/": READS,
        f"/admin/reviews/translation/{pk}/tools/": READS,
        f"/admin/reviews/translation/{pk}/export/": READS,
        f"/admin/reviews/translation/{pk}/english-changes/": READS,
        "/admin/reviews/translation/start/": CHANGES,
        "/admin/reviews/translationpolicy/add/": SETS_POLICY,
    }
    for path, allowed in pages.items():
        status = client.get(path).status_code
        expected = 302 if role == "anonymous" else 200 if role in allowed else 403
        assert status == expected, (path, status)
    refresh = client.post(
        f"/admin/reviews/translation/{pk}/tools/", {"action": "refresh"}
    )
    expected = 302 if role in CHANGES or role == "anonymous" else 403
    assert refresh.status_code == expected
    moved = Translation.objects.get(pk=pk).source_version
    current = (
        ContentVersion.objects.of(
            CancerIndication.objects.get(slug="hepatocellular-carcinoma")
        )
        .approved()
        .get()
    )
    assert (moved == current) is (role in CHANGES)


def test_the_review_page_shows_each_text_beside_its_english(
    client, superuser, module_demo
):
    client.force_login(superuser)
    stale = Translation.objects.out_of_date().get()
    version = ContentVersion.objects.of(stale).approved().get()
    html = client.get(f"/admin/reviews/contentversion/{version.pk}/review/").text
    assert "name — Hepatocellular carcinoma (HCC)" in html
    assert "سرطان الخلايا الكبدية (HCC)" in html
