"""Reads that span several models: the people to assign and dashboard figures."""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db.models import Count, Q
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Inquiry, InquiryFile, OutboxEmail
from .workflow import OPEN_STATUSES, Status


def coordinators():
    """Active staff who may work on inquiries: the people one can assign."""
    group_perm = Q(
        groups__permissions__codename="change_inquiry",
        groups__permissions__content_type__app_label="inquiries",
    )
    user_perm = Q(
        user_permissions__codename="change_inquiry",
        user_permissions__content_type__app_label="inquiries",
    )
    return (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True)
        .filter(Q(is_superuser=True) | group_perm | user_perm)
        .distinct()
        .order_by("email")
    )


def staged_files_for(*, staging_key: str, session_hash: str):
    if not staging_key or not session_hash:
        return InquiryFile.objects.none()
    return InquiryFile.objects.filter(
        inquiry__isnull=True, staging_key=staging_key, session_hash=session_hash
    )


@dataclass
class WeeklySeries:
    weeks: list  # the Monday of each week, oldest first
    series: list  # [(label, [count per week])], largest total first


def weekly_counts_by_cancer_type(*, weeks: int = 12, top: int = 6, now=None):
    """Inquiries received per week, by cancer type (the smaller ones as 'Other')."""
    today = timezone.localdate(now or timezone.now())
    first_monday = today - timedelta(days=today.weekday(), weeks=weeks - 1)
    mondays = [first_monday + timedelta(weeks=index) for index in range(weeks)]
    rows = (
        # A range on the column itself (not __date) so the index serves it.
        Inquiry.objects.filter(
            received_at__gte=timezone.make_aware(datetime.combine(first_monday, time()))
        )
        .annotate(day=TruncDate("received_at"))
        .values("day", "cancer_type__name")
        .annotate(count=Count("pk"))
    )
    counts: dict[str, list[int]] = {}
    for row in rows:
        label = row["cancer_type__name"] or _("Other or not listed")
        week = (row["day"] - first_monday).days // 7
        counts.setdefault(label, [0] * weeks)[week] += row["count"]
    ranked = sorted(counts.items(), key=lambda item: (-sum(item[1]), item[0]))
    series = ranked[:top]
    if len(ranked) > top:
        others = [values for __, values in ranked[top:]]
        rest = [sum(week) for week in zip(*others, strict=True)]
        series.append((_("All other types"), rest))
    return WeeklySeries(weeks=mondays, series=series)


def dashboard_figures(now=None) -> dict:
    now = now or timezone.now()
    # One pass over the status index (assignee included, COUNT(*) so no table
    # visit) gives the counts by status and each coordinator's open load.
    by_status: dict[str, int] = {}
    open_by_assignee: dict[int | None, int] = {}
    for status, assignee_id, count in (
        Inquiry.objects.values_list("status", "assignee")
        .annotate(count=Count("*"))
        .order_by()
    ):
        by_status[status] = by_status.get(status, 0) + count
        if status in OPEN_STATUSES:
            open_by_assignee[assignee_id] = open_by_assignee.get(assignee_id, 0) + count
    responded = Inquiry.objects.filter(
        first_responded_at__isnull=False, received_at__gte=now - timedelta(days=30)
    ).values_list("received_at", "first_responded_at")
    waits = sorted(
        (answered - received).total_seconds() / 3600 for received, answered in responded
    )
    return {
        "status_counts": [
            (status, by_status.get(status.value, 0)) for status in Status
        ],
        "open_count": sum(
            count for status, count in by_status.items() if status in OPEN_STATUSES
        ),
        "overdue_count": Inquiry.objects.overdue(now).count(),
        "median_first_response_hours": round(waits[len(waits) // 2], 1)
        if waits
        else None,
        "failed_emails": OutboxEmail.objects.failed().count(),
        "open_by_assignee": open_by_assignee,
    }
