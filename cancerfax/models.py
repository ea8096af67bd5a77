from django.db import models
from django.utils.translation import gettext_lazy as _


class ScheduledTaskRun(models.Model):
    """When a periodic task (``SCHEDULED_TASKS``) was last enqueued, anywhere.

    ``run_schedule`` moves ``last_enqueued_at`` with a conditional UPDATE before
    it enqueues, so servers that run the schedule at once enqueue a task once.
    """

    name = models.CharField(_("name"), max_length=100, primary_key=True)
    last_enqueued_at = models.DateTimeField(_("last enqueued"), null=True, blank=True)

    class Meta:
        verbose_name = _("scheduled task run")
        verbose_name_plural = _("scheduled task runs")

    def __str__(self):
        return self.name
