"""The demo's glossary in Arabic and Chinese: approved, marked in the translated
CIK guide with the translated term and definition, and listed on the glossary."""

import re

import pytest

from glossary import demo_content as glossary_demo
from glossary.models import GlossaryTerm
from guides.demo_content import CIK_GUIDE
from reviews.translations import Translation

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("live_render")]


def test_the_demo_glossary_is_translated_and_marked_in_translated_guides(
    client, module_demo
):
    """Every demo term has an approved translation in both languages; the CIK
    guide marks the translated term with its translated definition."""
    for language in ("ar", "zh-hans"):
        translated = Translation.objects.filter(
            language=language, object_id__in=GlossaryTerm.objects.values("pk")
        ).filter(content_type__model="glossaryterm")
        assert translated.count() == len(glossary_demo.TERMS)
    expected = {
        "ar": ("العلاج المناعي الخلوي بالتبنّي", "علاج تؤخذ فيه خلايا مناعية"),
        "zh-hans": ("过继性细胞免疫疗法", "从患者体内取出免疫细胞"),
    }
    for language, (shown, definition) in expected.items():
        html = client.get(f"/{language}/guides/{CIK_GUIDE}/").content.decode()
        marked = re.search(
            r'<span class="term"[^>]*><dfn id="term-adoptive-cell-therapy">'
            r"<a [^>]*>([^<]+)</a></dfn>"
            r'<span class="term__tip" role="tooltip" [^>]*>([^<]+)</span>',
            html,
        )
        assert marked, language
        assert marked.group(1) == shown
        assert marked.group(2).startswith(definition)
        # No English definition is left on the page.
        assert "Treatment that takes immune cells" not in html


def test_the_glossary_page_lists_the_translated_terms(client, module_demo):
    html = client.get("/zh-hans/glossary/").content.decode()
    assert "总生存期" in html and "最常见的一种肺癌。" in html
    assert "The most common form of lung cancer." not in html
