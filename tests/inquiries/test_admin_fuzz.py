"""No admin form answers 500, whatever a staff member types into it.

For every model in ``admin.site`` and every role that may open its add or change
page, the page is fetched, its form read as a browser would (every input, select
and textarea, inlines included), and posted back with fields replaced by hostile
or empty values drawn by Hypothesis. The answer must be a page with errors, a
redirect after saving, or 403 where the role may look but not change.
"""

from html.parser import HTMLParser

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import RequestFactory
from django.utils import timezone
from django.utils.text import slugify
from django_tasks_db.models import DBTaskResult
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cancerfax import roles
from guides.models import CancerIndication
from inquiries.consent import CURRENT_CONSENT_VERSION
from inquiries.services import inquiry_submit
from tests import factories
from tests.conftest import examples, make_user
from tests.content_factories import ImageFactory

from .conftest import submission_values

# Change pages that are not model forms: the clinician's case page (its assessment
# form is tested in tests/casework) and a version's review page (tests/reviews).
CUSTOM_CHANGE_PAGES = {
    "casework.AssessmentRequest",
    "reviews.ContentVersion",
    "reviews.ReviewDashboard",
}

MODELS = [
    model
    for model in admin.site._registry
    if model._meta.label not in CUSTOM_CHANGE_PAGES
]
ROLES = [None, *roles.ROLE_PERMISSIONS, "superuser"]

HOSTILE = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "' OR 1=1 --",
    "../../etc/passwd",
    "\u202eevil\u202c",
    "-1",
    "0",
    "99999999999999999999999",
    "1e309",
    "NaN",
    "2026-02-30",
    "13:61",
    "x" * 10_000,
    "🦠" * 300,
    "javascript:alert(1)",
]
text_values = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=60))


class FormFields(HTMLParser):
    """The fields of the admin's main form, as a browser would post them."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id = form_id
        self.inside = False
        self.fields: dict[str, list[str]] = {}
        self.select = None
        self.textarea = None

    def add(self, name, value):
        self.fields.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == self.form_id:
            self.inside = True
        if not self.inside or not attrs.get("name") and tag != "option":
            return
        name = attrs.get("name")
        if tag == "input":
            kind = attrs.get("type", "text")
            if kind in {"checkbox", "radio"}:
                self.fields.setdefault(name, [])
                if "checked" in attrs:
                    self.add(name, attrs.get("value", "on"))
            elif kind not in {"submit", "button", "file", "image"}:
                self.add(name, attrs.get("value") or "")
        elif tag == "select":
            self.select = name
            self.fields.setdefault(name, [])
        elif tag == "option" and self.select and "selected" in attrs:
            self.add(self.select, attrs.get("value", ""))
        elif tag == "textarea":
            self.textarea = name
            self.add(name, "")

    def handle_data(self, data):
        if self.textarea:
            self.fields[self.textarea][-1] += data

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None
        elif tag == "form":
            self.inside = False


# Custom change pages whose main form has its own id.
FORM_IDS = {"inquiries.Inquiry": "cw-panel-form"}


def page_fields(response, model):
    parser = FormFields(
        FORM_IDS.get(model._meta.label, f"{model._meta.model_name}_form")
    )
    parser.feed(response.content.decode())
    return parser.fields


def role_user(django_user_model, role):
    if role == "superuser":
        return make_user(
            django_user_model, "fuzz-root", is_superuser=True, is_staff=True
        )
    if role is None:
        return make_user(django_user_model, "fuzz-staff", is_staff=True)
    return make_user(django_user_model, f"fuzz-{slugify(role)}", role)


def one_of_each(make_inquiry, django_user_model):
    """A saved row of every model in the admin, by model, to open the change page
    of (a model whose maker is missing fails the test: add one)."""
    from axes.models import AccessAttempt, AccessFailureLog
    from axes.models import AccessLog as AxesAccessLog
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from casework.models import MessageTemplate, TreatmentCentre
    from faq.models import FaqEntry
    from glossary.models import GlossaryTerm
    from guides.models import CancerIndication, Citation, Fact, Guide
    from images.models import Image
    from inquiries.models import AccessLog, HeldSubmission, OutboxEmail
    from inquiries.services import access_log_record
    from publishing.models import EdgePurge
    from reviews.models import Reviewer, ReviewerChange, ReviewRecord, ReviewReminder
    from reviews.translations import Translation, TranslationPolicy
    from search.models import Synonym
    from topics.models import Topic
    from trust.models import TrustPage

    target = make_user(django_user_model, "fuzz-target", is_staff=True)
    inquiry = make_inquiry()
    now = timezone.now()
    makers = {
        django_user_model: lambda: target,
        Group: lambda: Group.objects.get(name=roles.COORDINATOR),
        TOTPDevice: lambda: TOTPDevice.objects.create(user=target, name="phone"),
        AccessAttempt: lambda: AccessAttempt.objects.create(
            username="x", ip_address="192.0.2.1", failures_since_start=1
        ),
        AxesAccessLog: lambda: AxesAccessLog.objects.create(
            username="x", ip_address="192.0.2.1", attempt_time=now
        ),
        AccessFailureLog: lambda: AccessFailureLog.objects.create(
            username="x", ip_address="192.0.2.1", attempt_time=now
        ),
        type(inquiry): lambda: inquiry,
        OutboxEmail: lambda: inquiry.emails.first(),
        AccessLog: lambda: access_log_record(
            user=target, action=AccessLog.Action.VIEW_INQUIRY, inquiry=inquiry
        ),
        HeldSubmission: lambda: HeldSubmission.objects.create(
            staging_key="fuzz", consent_version="2026-11", data={"email": "a@b.c"}
        ),
        TreatmentCentre: lambda: TreatmentCentre.objects.create(
            name="Fuzz centre", city="Guangzhou", country="CN", therapies="CIK"
        ),
        MessageTemplate: lambda: MessageTemplate.objects.create(
            purpose="acknowledgement", language="en", body="Hello"
        ),
        Topic: factories.TopicFactory,
        TrustPage: lambda: TrustPage.objects.create(
            kind="about",
            title="About us",
            slug="about-us",
            lede="Who we are.",
            body="<p>We help patients.</p>",
        ),
        GlossaryTerm: lambda: GlossaryTerm.objects.create(
            term="HCC", slug="hcc", definition="A kind of liver cancer."
        ),
        Synonym: lambda: Synonym.objects.create(
            phrase="fuzz phrase", alternatives="fuzz words"
        ),
        FaqEntry: factories.FaqEntryFactory,
        CancerIndication: factories.CancerIndicationFactory,
        Citation: factories.CitationFactory,
        Fact: factories.FactFactory,
        Guide: guide_of_every_kind,
        Reviewer: factories.ReviewerFactory,
        Translation: factories.TranslationFactory,
        TranslationPolicy: lambda: TranslationPolicy.objects.create(
            kind="faq_entry", out_of_date_shows="english"
        ),
        Image: ImageFactory,
        ReviewerChange: lambda: ReviewerChange.objects.create(
            reviewer=factories.ReviewerFactory(), changed_by=target, changes={}
        ),
        ReviewRecord: lambda: approved_record(factories),
        ReviewReminder: lambda: ReviewReminder.objects.create(
            reviewer=factories.ReviewerFactory(),
            sent_on=now.date(),
            email="r@example.org",
            summary="waiting: a guide",
        ),
        EdgePurge: lambda: EdgePurge.objects.create(
            paths=["/", "/faq/"], backend="http", last_error="503", attempts=8
        ),
        DBTaskResult: lambda: DBTaskResult.objects.create(
            args_kwargs={"args": [], "kwargs": {}},
            task_path="inquiries.tasks.outbox_send_due",
            backend_name="default",
            run_after=now,
        ),
    }
    missing = [model._meta.label for model in MODELS if model not in makers]
    if missing:
        pytest.fail(f"Add a row maker for {missing} to the admin fuzz test")
    return {model: makers[model]() for model in MODELS}


def guide_of_every_kind():
    """A guide with a section of every kind, each with an item where it has any."""
    from guides.models import Section
    from guides.sections import SECTION_KINDS

    guide = factories.GuideFactory()
    for order, (kind, spec) in enumerate(SECTION_KINDS.items()):
        section = factories.SectionFactory(
            guide=guide,
            order=order,
            kind=kind,
            heading="Heading",
            intro="Intro",
            quote="Quote",
            button_label="Ask",
        )
        if spec.item_fields:
            factories.SectionItemFactory(
                section=section,
                figure="1",
                group="benefit",
                indication=factories.CancerIndicationFactory(),
                faq_entry=factories.FaqEntryFactory(),
                fact=factories.FactFactory(),
            )
    assert guide.sections.count() == len(Section.Kind.values)
    return guide


def approved_record(factories):
    from reviews.models import ReviewRecord

    factories.approve(factories.FaqEntryFactory())
    return ReviewRecord.objects.latest("pk")


def pages_to_fuzz(model, user, obj):
    """(url, may_change) for the add and change pages this user may open."""
    model_admin = admin.site._registry[model]
    request = RequestFactory().get("/")
    request.user = user
    base = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
    pages = []
    if model_admin.has_add_permission(request):
        pages.append((f"{base}add/", True))
    if model_admin.has_view_or_change_permission(request, obj):
        may_change = model_admin.has_change_permission(request, obj)
        if model._meta.label in FORM_IDS:  # a workspace saves through its services
            opts = model._meta
            may_change = user.has_perm(f"{opts.app_label}.change_{opts.model_name}")
        pages.append((f"{base}{obj.pk}/change/", may_change))
    return pages


def hostile_payload(data, fields):
    payload = {}
    for name, values in fields.items():
        if name == "csrfmiddlewaretoken":
            payload[name] = values
            continue
        choice = data.draw(st.sampled_from(["keep", "empty", "hostile"]), label=name)
        if choice == "keep":
            payload[name] = values
        elif choice == "empty":
            payload[name] = []
        else:
            payload[name] = [data.draw(text_values, label=name)]
    payload["_save"] = "Save"
    return payload


@pytest.fixture(scope="module")
def fuzz_rows(module_db, module_indication, django_db_blocker):
    """A user of every role and a row of every model, built once for the module
    (what each test saves is rolled back after it)."""
    user_model = get_user_model()
    indication = CancerIndication.objects.get(pk=module_indication)
    keys = iter(range(1, 10_000))

    def make_inquiry():
        return inquiry_submit(
            submission_key=f"fuzz-{next(keys)}",
            data=submission_values(indication),
            consent_version=CURRENT_CONSENT_VERSION,
        )

    with django_db_blocker.unblock():
        users = {role: role_user(user_model, role).pk for role in ROLES}
        rows = {
            model: (model, obj.pk)
            for model, obj in one_of_each(make_inquiry, user_model).items()
        }
    return users, rows


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES, ids=lambda role: str(role))
@pytest.mark.parametrize("model", MODELS, ids=lambda model: model._meta.label)
def test_no_admin_form_answers_500(client, fuzz_rows, model, role):
    users, rows = fuzz_rows
    user = get_user_model().objects.get(pk=users[role])
    obj = model._default_manager.get(pk=rows[model][1])
    pages = pages_to_fuzz(model, user, obj)
    if not pages:
        pytest.skip(f"{role} may not open {model._meta.label}")
    client.force_login(user)

    # Each page's form is read once: later examples post changes to the form as
    # first shown, as a second browser tab would after the first one saved.
    forms = {}

    def form_fields(url):
        if url not in forms:
            shown = client.get(url)
            assert shown.status_code == 200, url
            fields = page_fields(shown, model)
            adminform = shown.context.get("adminform")
            editable = adminform.form.fields if adminform else fields
            assert not editable or len(fields) > 1, f"no form fields read on {url}"
            forms[url] = fields
        return forms[url]

    @settings(
        max_examples=examples(12),
        deadline=None,
        database=None,
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
        ],
    )
    @given(data=st.data())
    def post_hostile_input(data):
        url, may_change = data.draw(st.sampled_from(pages), label="page")
        response = client.post(url, hostile_payload(data, form_fields(url)))
        if may_change:
            # 400: a workspace refusing the whole submit, with its errors shown.
            assert response.status_code in {200, 302, 400}, (url, response.status_code)
            if response.status_code in {200, 400}:
                assert "errornote" in response.content.decode() or (
                    "errorlist" in response.content.decode()
                ), url
        else:
            assert response.status_code == 403, (url, response.status_code)

    post_hostile_input()
