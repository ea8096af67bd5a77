from django import forms
from django.contrib.admin.widgets import FilteredSelectMultiple
from django.utils.translation import gettext_lazy as _

from cancerfax.ids import IdsInRangeField

from .citations import Citation


def citations_field(widget):
    return IdsInRangeField(
        label=_("references"),
        queryset=Citation.objects.all(),
        required=False,
        widget=widget,
        help_text=_("Shown as numbered references at the end of the guide."),
    )


class CitationsForm(forms.ModelForm):
    """A guide's or a key number's form, with the citations it shows."""

    citations = citations_field(forms.SelectMultiple(attrs={"size": 3}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and "citations" in self.fields:
            self.fields["citations"].initial = list(self.instance.citations.all())

    def _save_m2m(self):
        super()._save_m2m()
        if "citations" in self.fields:  # an item of a kind without references
            self.instance.citations.set(self.cleaned_data["citations"])


class GuideForm(CitationsForm):
    citations = citations_field(
        FilteredSelectMultiple(_("references"), is_stacked=False)
    )
