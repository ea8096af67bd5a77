from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Reviewer
from .reviewers import reviewer_check_change


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


class ReviewerForm(forms.ModelForm):
    """A reviewer profile; ``changed_by`` is set by the admin from the request."""

    changed_by = None

    class Meta:
        model = Reviewer
        fields = [
            "kind",
            "name",
            "credentials",
            "specialty",
            "user",
            "members",
            "is_active",
        ]

    def clean(self):
        cleaned = super().clean()
        if self.changed_by is not None:
            try:
                reviewer_check_change(
                    reviewer=self.instance,
                    changed_by=self.changed_by,
                    user=cleaned.get("user"),
                    members=cleaned.get("members") or [],
                )
            except forms.ValidationError as error:
                self.add_error(None, error)
        return cleaned
