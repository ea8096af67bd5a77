"""Indexes for the coordinators' queue at volume (checked with EXPLAIN on
PostgreSQL at 100,000 inquiries; see bench/coordinator.py)."""

from django.db import models
from django.db.models import Q
from django.db.models.functions import Upper

QUEUE_INDEXES = [
    # The queue's default order: priority, due time, then the -pk the admin
    # appends for a total order. Page 1 reads 50 index entries, no sort; the
    # filters on assignee, cancer type, country and priority walk it too.
    models.Index(
        fields=["priority", "first_response_due", "-id"], name="inquiry_queue_order"
    ),
    # Search by e-mail and "other inquiries from this address" use iexact,
    # which compares UPPER(email).
    models.Index(Upper("email"), name="inquiry_email_upper"),
    # The country filter's list of countries present (DISTINCT, index only).
    models.Index(fields=["country"], name="inquiry_country"),
    # The "received" date filter and the dashboard's weekly chart.
    models.Index(fields=["received_at"], name="inquiry_received"),
    # Overdue (queue filter, dashboard): only inquiries nobody answered yet.
    models.Index(
        fields=["first_response_due"],
        condition=Q(first_responded_at__isnull=True),
        name="inquiry_awaiting_response",
    ),
]
