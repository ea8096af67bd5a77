"""Rows a worker delivers somewhere else and retries until it works: the outbox's
e-mails (inquiries), the purges of shared caches (publishing).

Each such model has ``attempts``, ``last_error``, ``next_attempt_at``,
``locked_until`` and a date field set on success (``done_field``). A row is
claimed with a conditional UPDATE before it is sent, so two workers never send
it at once; a failure is recorded and tried again after a growing delay, up to
the model's maximum number of attempts; staff retry from the admin.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib import admin
from django.db import models
from django.db.models import F, Q, QuerySet
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _


class Retried(models.Model):
    """The fields a retried delivery keeps: how often it was tried, the last
    error, when to try next and who is trying now."""

    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    locked_until = models.DateTimeField(
        _("being sent until"),
        null=True,
        blank=True,
        help_text=_("A worker claimed it; others leave it alone until then."),
    )

    class Meta:
        abstract = True


class RetriedQuerySet(QuerySet):
    """Subclasses name the success field and the setting of the attempts."""

    done_field = ""
    max_attempts_setting = ""

    def _not_done(self):
        return self.filter(**{f"{self.done_field}__isnull": True})

    def pending(self, now=None):
        """Rows not done whose next attempt is due and that nobody is sending."""
        now = now or timezone.now()
        return (
            self._not_done()
            .filter(
                attempts__lt=getattr(settings, self.max_attempts_setting),
                next_attempt_at__lte=now,
            )
            .filter(Q(locked_until__isnull=True) | Q(locked_until__lt=now))
        )

    def failed(self):
        return self._not_done().exclude(last_error="")

    def claim(self, row, *, seconds: int) -> bool:
        """Take ``row`` for sending (counting the attempt), unless another has."""
        now = timezone.now()
        return (
            self.pending(now)
            .filter(pk=row.pk)
            .update(
                locked_until=now + timedelta(seconds=seconds),
                attempts=F("attempts") + 1,
            )
            == 1
        )

    def record_failure(self, row, error: str, *, delay: timedelta) -> None:
        self.filter(pk=row.pk).update(
            last_error=error[:2000],
            next_attempt_at=timezone.now() + delay,
            locked_until=None,
        )

    def record_success(self, row) -> None:
        self.filter(pk=row.pk).update(
            **{self.done_field: timezone.now()}, last_error="", locked_until=None
        )

    def retry_now(self, rows) -> list[int]:
        """Make rows not done due now, even those the schedule gave up on (one
        attempt left). Returns their ids, for the caller to enqueue."""
        ids = [row.pk for row in rows if getattr(row, self.done_field) is None]
        last_try = getattr(settings, self.max_attempts_setting) - 1
        waiting = self._not_done().filter(pk__in=ids)
        waiting.filter(attempts__gt=last_try).update(attempts=last_try)
        waiting.update(next_attempt_at=timezone.now(), locked_until=None)
        return ids


def retried_state(row, *, done: bool, max_attempts: int, done_label):
    if done:
        return done_label
    if row.attempts >= max_attempts:
        return _("gave up")
    if row.last_error:
        return _("failed, will retry")
    return _("queued")


def state_filter(*, done_field: str, done: tuple[str, str], not_done, failed):
    """An admin list filter on the delivery's state, in the model's words.

    ``done`` is the value and label of the "done" choice (e.g. ``sent``).
    """
    done_value, done_label = done

    class StateFilter(admin.SimpleListFilter):
        title = _("state")
        parameter_name = "state"

        def lookups(self, request, model_admin):
            return [(done_value, done_label), ("pending", not_done), ("failed", failed)]

        def queryset(self, request, queryset):
            if self.value() == done_value:
                return queryset.filter(**{f"{done_field}__isnull": False})
            if self.value() == "pending":
                return queryset.filter(**{f"{done_field}__isnull": True})
            if self.value() == "failed":
                return queryset.failed()
            return queryset

    return StateFilter


class RetriedAdminMixin:
    """Columns for a ModelAdmin of such rows: the state, marked in words while
    the row is failing (``failing_html``), and the start of the last error."""

    done_field = ""
    failing_html = "<strong>{}</strong>"

    @admin.display(description=_("state"))
    def state_column(self, obj):
        if getattr(obj, self.done_field) is None and obj.last_error:
            return format_html(self.failing_html, obj.state)
        return obj.state

    @admin.display(description=_("last error"))
    def error_column(self, obj):
        return obj.last_error[:80] or "—"
