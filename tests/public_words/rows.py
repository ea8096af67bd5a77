"""Rows of every checked model with a unique marker in each text field."""

import itertools
from datetime import timedelta

from django.apps import apps
from django.db import models
from django.utils import timezone

from cancerfax.append_only import AppendOnlyModel


def text_fields(model):
    """Free-text fields: addresses (slugs) and choices are arrangement."""
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField)
        and not isinstance(field, models.SlugField)
        and not field.choices
        and (field.max_length or 100) >= 7
    ]


def write_markers(labels) -> dict[str, str]:
    """A unique marker in every text field of every row: ``{marker: where}``.

    Rows are changed with ``update()``: the words change, nothing is submitted
    or approved. Append-only rows cannot change: a new one is made with markers.
    """
    counter = itertools.count(1)
    markers = {}

    def mark(label, model, pk=None):
        values = {}
        for field in text_fields(model):
            marker = f"zqx{next(counter):04d}q"
            markers[marker] = f"{label}.{field.name} #{pk or 'new'}"
            values[field.attname] = marker
        return values

    for label in sorted(labels):
        model = apps.get_model(label)
        if issubclass(model, AppendOnlyModel):
            ROW_MAKERS[label](mark(label, model))
            continue
        if not model._default_manager.exists():
            ROW_MAKERS[label]({})
        for pk in model._default_manager.values_list("pk", flat=True):
            model._default_manager.filter(pk=pk).update(**mark(label, model, pk))
    return markers


def _inquiry(values):
    from inquiries.consent import CURRENT_CONSENT_VERSION
    from inquiries.services import inquiry_submit

    data = {
        "writer_role": "patient",
        "patient_name": "Pat Example",
        "email": "patient@example.com",
        "phone": "+442079460958",
        "country": "GB",
        "preferred_language": "en",
        "contact_method": "email",
        "cancer_type": None,
        "cancer_type_other": "liver",
        "diagnosis_year": 2024,
        "diagnosis_month": 3,
        "stage": "3",
        "treatments": ["surgery"],
        "treatments_other": "",
        "current_condition": "Stable.",
        "questions": "Is CIK an option?",
    }
    return inquiry_submit(
        submission_key="public-words",
        data=data,
        consent_version=CURRENT_CONSENT_VERSION,
        checked_uploads=(),
    )


def _staff():
    from accounts.models import User

    return User.objects.get_or_create(email="words@example.org")[0]


def _inquiry_row():
    from inquiries.models import Inquiry

    return Inquiry.objects.first() or _inquiry({})


def _assessment(values):
    from casework.models import Assessment

    return Assessment.objects.create(
        inquiry=_inquiry_row(),
        clinician=_staff(),
        stage_confirmed="3",
        ecog=1,
        conclusion=Assessment.Conclusion.choices[0][0],
        **values,
    )


def _review_record(values):
    from reviews.models import ContentVersion, ReviewRecord

    for version in ContentVersion.objects.approved():
        ReviewRecord.objects.create(
            version=version,
            outcome=ReviewRecord.Outcome.APPROVED,
            kind=ReviewRecord.Kind.CONFIRMED,
            next_review_due=version.records.latest("pk").next_review_due,
            **values,
        )


def _make(model_label, **fields):
    def make(values):
        model = apps.get_model(model_label)
        return model.objects.create(**{**fields, **values})

    return make


ROW_MAKERS = {
    "inquiries.HeldSubmission": _make(
        "inquiries.HeldSubmission", consent_version="2026-11", data={}
    ),
    "inquiries.Inquiry": _inquiry,
    "inquiries.OutboxEmail": lambda values: _inquiry_row(),
    "casework.TreatmentCentre": _make(
        "casework.TreatmentCentre", name="Centre", city="Lyon", country="FR"
    ),
    "casework.MessageTemplate": _make(
        "casework.MessageTemplate", purpose="acknowledgement", language="en"
    ),
    "casework.Message": lambda values: _make(
        "casework.Message", inquiry=_inquiry_row(), direction="outgoing"
    )(values),
    "casework.PatientLink": lambda values: _make(
        "casework.PatientLink",
        inquiry=_inquiry_row(),
        key_hash="0" * 64,
        expires_at=timezone.now() + timedelta(days=1),
    )(values),
    "casework.AssessmentRequest": lambda values: _make(
        "casework.AssessmentRequest",
        inquiry=_inquiry_row(),
        clinician=_staff(),
        requested_by=_staff(),
    )(values),
    "casework.Assessment": _assessment,
    "reviews.ReviewRecord": _review_record,
    "publishing.EdgePurge": _make("publishing.EdgePurge", paths=["/"]),
    "reviews.TranslationPolicy": _make("reviews.TranslationPolicy", kind="guide"),
}
