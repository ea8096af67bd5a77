from django import forms
from django.contrib.admin.widgets import FilteredSelectMultiple
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Citation, Reviewer


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class ReviewForm(forms.Form):
    """A reviewer's decision on a version: approve, request changes or confirm."""

    reviewers = forms.ModelMultipleChoiceField(
        label=_("Reviewed by"),
        queryset=Reviewer.objects.filter(is_active=True),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Yourself, and anyone who reviewed it with you."),
    )
    reviewed_on = forms.DateField(
        label=_("Reviewed on"), initial=timezone.localdate, widget=DateInput
    )
    next_review_due = forms.DateField(
        label=_("Next review due"),
        required=False,
        widget=DateInput,
        help_text=_("Leave empty for the usual interval for this kind of content."),
    )
    evidence_checked = forms.CharField(
        label=_("Evidence checked"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Sources and guidelines you checked the content against."),
    )
    notes = forms.CharField(
        label=_("Notes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required when you ask for changes: the editor reads this."),
    )


class MinorChangeForm(forms.Form):
    notes = forms.CharField(
        label=_("What changed"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


def citations_field(widget):
    return forms.ModelMultipleChoiceField(
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
        if self.instance.pk:
            self.fields["citations"].initial = list(self.instance.citations.all())

    def _save_m2m(self):
        super()._save_m2m()
        self.instance.citations.set(self.cleaned_data["citations"])


class GuideForm(CitationsForm):
    citations = citations_field(
        FilteredSelectMultiple(_("references"), is_stacked=False)
    )
