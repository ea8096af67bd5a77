"""Status changes follow one table; everything else is refused with a reason."""

import itertools
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from inquiries.consent import CURRENT_TRANSFER_CONSENT_VERSION
from inquiries.models import Inquiry, InquiryEvent
from inquiries.retention import inquiry_erase
from inquiries.triage import (
    InvalidTransition,
    inquiry_add_note,
    inquiry_assign,
    inquiry_set_priority,
    inquiry_transition,
)
from inquiries.workflow import TRANSITIONS, Outcome, Priority, Status

ALL_MOVES = list(itertools.product(Status.values, Status.values))
ILLEGAL = [(a, b) for a, b in ALL_MOVES if b not in TRANSITIONS[a]]
LEGAL = [(a, b) for a, b in ALL_MOVES if b in TRANSITIONS[a]]


def at_status(inquiry, status):
    Inquiry.objects.filter(pk=inquiry.pk).update(
        status=status, outcome=Outcome.REFERRED if status == Status.CLOSED else ""
    )
    inquiry.refresh_from_db()
    return inquiry


def test_every_status_has_a_row_in_the_table():
    assert set(TRANSITIONS) == set(Status.values)
    assert all(set(targets) <= set(Status.values) for targets in TRANSITIONS.values())


@pytest.mark.parametrize(("from_status", "to_status"), ILLEGAL)
def test_every_illegal_move_is_refused_with_a_clear_message(
    make_inquiry, coordinator, from_status, to_status
):
    inquiry = at_status(make_inquiry(), from_status)
    with pytest.raises(InvalidTransition) as refused:
        inquiry_transition(
            inquiry=inquiry,
            to_status=to_status,
            outcome=Outcome.REFERRED,
            actor=coordinator,
        )
    assert "cannot move from" in refused.value.messages[0]
    inquiry.refresh_from_db()
    assert inquiry.status == from_status
    assert not inquiry.events.filter(kind=InquiryEvent.Kind.STATUS).exists()


def test_an_unknown_status_is_refused(make_inquiry, coordinator):
    with pytest.raises(InvalidTransition):
        inquiry_transition(inquiry=make_inquiry(), to_status="lost", actor=coordinator)


@pytest.mark.parametrize(("from_status", "to_status"), LEGAL)
def test_every_legal_move_is_made_and_recorded(
    make_inquiry, coordinator, from_status, to_status
):
    # "Hospital coordination" also needs the transfer consent (test_consent.py).
    agreed = make_inquiry(transfer_consent_version=CURRENT_TRANSFER_CONSENT_VERSION)
    inquiry = at_status(agreed, from_status)
    inquiry = inquiry_transition(
        inquiry=inquiry,
        to_status=to_status,
        outcome=Outcome.NOT_SUITABLE,
        actor=coordinator,
        note="Spoke to the daughter.",
    )
    assert inquiry.status == to_status
    event = inquiry.events.get(kind=InquiryEvent.Kind.STATUS)
    assert (event.from_status, event.to_status) == (from_status, to_status)
    assert event.actor == coordinator and event.note == "Spoke to the daughter."
    if to_status == Status.CLOSED:
        assert inquiry.outcome == Outcome.NOT_SUITABLE and inquiry.closed_at
    else:
        assert inquiry.outcome == "" and inquiry.closed_at is None


def test_closing_needs_an_outcome(make_inquiry, coordinator):
    with pytest.raises(InvalidTransition) as refused:
        inquiry_transition(
            inquiry=make_inquiry(), to_status=Status.CLOSED, actor=coordinator
        )
    assert "outcome" in refused.value.messages[0]


def test_the_first_move_out_of_new_records_the_first_response(
    make_inquiry, coordinator
):
    inquiry = make_inquiry()
    assert inquiry.first_responded_at is None and not inquiry.is_overdue
    inquiry = inquiry_transition(
        inquiry=inquiry, to_status=Status.TRIAGED, actor=coordinator
    )
    first = inquiry.first_responded_at
    assert first is not None
    assert inquiry.time_to_first_response >= timedelta(0)
    inquiry = inquiry_transition(
        inquiry=inquiry, to_status=Status.MEDICAL_REVIEW, actor=coordinator
    )
    assert inquiry.first_responded_at == first


def test_an_erased_inquiry_cannot_change_status(make_inquiry, coordinator):
    inquiry = inquiry_erase(inquiry=make_inquiry(), actor=coordinator)
    with pytest.raises(InvalidTransition):
        inquiry_transition(inquiry=inquiry, to_status=Status.TRIAGED, actor=coordinator)


def test_only_coordinators_can_be_assigned(make_inquiry, coordinator, medical_editor):
    inquiry = make_inquiry()
    with pytest.raises(ValidationError):
        inquiry_assign(inquiry=inquiry, assignee=medical_editor, actor=coordinator)
    coordinator.display_name = "Sam Lee"
    inquiry = inquiry_assign(inquiry=inquiry, assignee=coordinator, actor=coordinator)
    assert inquiry.assignee == coordinator
    assert inquiry.events.get(kind="assigned").summary == "Assigned to Sam Lee"
    inquiry = inquiry_assign(inquiry=inquiry, assignee=None, actor=coordinator)
    assert inquiry.assignee is None


def test_priority_and_notes_are_on_the_timeline(make_inquiry, coordinator):
    inquiry = make_inquiry()
    inquiry_set_priority(inquiry=inquiry, priority=Priority.URGENT, actor=coordinator)
    inquiry_add_note(inquiry=inquiry, actor=coordinator, text="  Call back Monday. ")
    with pytest.raises(ValidationError):
        inquiry_add_note(inquiry=inquiry, actor=coordinator, text="   ")
    kinds = list(inquiry.events.values_list("kind", "note"))
    assert ("priority", "") in kinds
    assert ("note", "Call back Monday.") in kinds
