"""Patient pages rendered once per approved state, and what each one shows.

A ``StoredPage`` is the HTML an anonymous visitor gets for one address. Its
``PageDependency`` rows are the dependency index: which items (or which whole kind
of item, for lists) the page showed. Changing what an item shows to patients
deletes every stored page that depends on it, in the same transaction.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cancerfax.retries import Retried, RetriedQuerySet, retried_state


class StoredPage(models.Model):
    path = models.CharField(_("address"), max_length=500, unique=True)
    body = models.TextField(_("HTML"))
    content_type = models.CharField(_("content type"), max_length=100)
    etag = models.CharField(_("ETag"), max_length=100)
    rendered_at = models.DateTimeField(_("rendered at"), default=timezone.now)

    class Meta:
        verbose_name = _("stored page")
        verbose_name_plural = _("stored pages")

    def __str__(self):
        return self.path


class PageDependency(models.Model):
    page = models.ForeignKey(
        StoredPage, on_delete=models.CASCADE, related_name="dependencies"
    )
    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+"
    )
    # Empty: the page lists items of this kind, so any change of the kind counts.
    object_id = models.PositiveBigIntegerField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["content_type", "object_id"], name="publishing_dependency"
            )
        ]
        verbose_name = _("page dependency")
        verbose_name_plural = _("page dependencies")

    def __str__(self):
        return f"{self.page.path} shows {self.content_type_id}/{self.object_id}"


class PageGeneration(models.Model):
    """One row, counted up by every invalidation.

    A page rendered while content changed must not be stored: a render notes the
    generation before it reads anything and stores only if it is unchanged.
    """

    number = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("page generation")
        verbose_name_plural = _("page generation")

    def __str__(self):
        return str(self.number)


class EdgePurgeQuerySet(RetriedQuerySet):
    done_field = "purged_at"
    max_attempts_setting = "EDGE_PURGE_MAX_ATTEMPTS"


class EdgePurge(Retried):
    """Addresses a shared cache (Varnish, a CDN) must forget after a change.

    Written in the transaction that changed what patients see, so it exists
    exactly when the change committed; sent by a task after the commit and by
    the scheduled sweep when that failed or never ran.
    """

    paths = models.JSONField(_("addresses"), default=list)
    backend = models.CharField(
        _("cache"), max_length=20, help_text=_("EDGE_PURGE_BACKEND when queued.")
    )
    created_at = models.DateTimeField(_("queued"), default=timezone.now)
    purged_at = models.DateTimeField(_("purged"), null=True, blank=True)

    objects = EdgePurgeQuerySet.as_manager()

    class Meta(Retried.Meta):
        ordering = ["-created_at", "-pk"]
        verbose_name = _("cache purge")
        verbose_name_plural = _("cache purges")
        indexes = [
            models.Index(
                fields=["purged_at", "next_attempt_at"], name="publishing_purge_due"
            )
        ]

    def __str__(self):
        first = self.paths[0] if self.paths else "-"
        more = len(self.paths) - 1
        return f"{first} (+{more})" if more > 0 else first

    @property
    def state(self):
        return retried_state(
            self,
            done=self.purged_at is not None,
            max_attempts=settings.EDGE_PURGE_MAX_ATTEMPTS,
            done_label=_("purged"),
        )
