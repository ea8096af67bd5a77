"""Indexes for the coordinators' queue at volume (checked with EXPLAIN on
PostgreSQL at 100,000 inquiries; see bench/coordinator.py)."""

from django.db import models
from django.db.models import Q
from django.db.models.functions import Upper

from cancerfax.indexes import CoveringIndex

QUEUE_INDEXES = [
    # The queue's default order: priority, due time, then the -pk the admin
    # appends for a total order. Page 1 reads 50 index entries, no sort; the
    # filters on assignee, cancer type, country and priority walk it too.
    models.Index(
        fields=["priority", "first_response_due", "-id"], name="inquiry_queue_order"
    ),
    # The queue's default order: what needs a reply first, then priority, then
    # the latest activity (so the newest inquiry or reply is never pages down).
    models.Index(
        fields=["-needs_reply", "priority", "-last_activity_at", "-id"],
        name="inquiry_queue_action_order",
    ),
    # Search by e-mail and "other inquiries from this address" use iexact,
    # which compares UPPER(email).
    models.Index(Upper("email"), name="inquiry_email_upper"),
    # The country filter's list of countries present (DISTINCT, index only).
    models.Index(fields=["country"], name="inquiry_country"),
    # The "received" date filter, and the dashboard's recent figures (the path
    # over 90 days, the weekly chart, the median first response): with these
    # columns included PostgreSQL answers them from the index alone instead of
    # visiting some 4,000 table pages each (EXPLAIN at 100,000 inquiries).
    CoveringIndex(
        fields=["received_at"],
        covering=["id", "status", "outcome", "first_responded_at", "cancer_type"],
        name="inquiry_received_covering",
    ),
    # Overdue (queue filter, dashboard): only inquiries nobody answered yet; the
    # status included so the dashboard's count needs no table visit.
    CoveringIndex(
        fields=["first_response_due"],
        covering=["status"],
        condition=Q(first_responded_at__isnull=True),
        name="inquiry_awaiting_due_status",
    ),
    # Status and due time; the assignee included for the dashboard's counts by
    # status and by assignee, read in one index-only pass.
    CoveringIndex(
        fields=["status", "first_response_due"],
        covering=["assignee"],
        name="inquiry_status_due",
    ),
]
