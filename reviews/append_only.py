"""Review records are append-only (the kernel's rule, with review wording)."""

from django.utils.translation import gettext_lazy as _

from cancerfax.append_only import AppendOnlyError
from cancerfax.append_only import AppendOnlyModel as BaseAppendOnlyModel

__all__ = ["AppendOnlyError", "AppendOnlyModel"]


class AppendOnlyModel(BaseAppendOnlyModel):
    refuse_change = _("Review records cannot be changed; add a new record instead.")
    refuse_delete = _("Review records cannot be deleted.")

    class Meta(BaseAppendOnlyModel.Meta):
        abstract = True
