from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cancerfax.ids import IdsInRangeField

from .models import Reviewer
from .reviewers import reviewer_check_change

DATE_HINT = _("dd/mm/yyyy")
DATE_ERRORS = {"invalid": _("Enter the date as dd/mm/yyyy, for example 29/11/2026.")}


class DayMonthYearInput(forms.DateInput):
    """A text box showing and taking dd/mm/yyyy.

    Not ``<input type="date">``: browsers show that in their own locale
    (mm/dd/yyyy in a US browser), which reads wrongly beside the site's dates.
    The site's input formats take the day first.
    """

    def __init__(self, attrs=None):
        attrs = {"size": 10, "autocomplete": "off", **(attrs or {})}
        super().__init__(attrs, format="%d/%m/%Y")


class ReviewForm(forms.Form):
    """A reviewer's decision on a version: approve, request changes or confirm."""

    reviewers = IdsInRangeField(
        label=_("Reviewed by"),
        queryset=Reviewer.objects.filter(is_active=True),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_(
            "Yourself, or a panel you belong to: each reviewer named here signs "
            "for themselves."
        ),
    )
    reviewed_on = forms.DateField(
        label=_("Reviewed on"),
        initial=timezone.localdate,
        widget=DayMonthYearInput,
        error_messages=DATE_ERRORS,
        help_text=DATE_HINT,
    )
    next_review_due = forms.DateField(
        label=_("Next review due"),
        required=False,
        widget=DayMonthYearInput,
        error_messages=DATE_ERRORS,
        help_text=_(
            "dd/mm/yyyy. Leave empty for the usual interval for this kind of content."
        ),
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

    def __init__(self, *args, signers=None, **kwargs):
        """``signers``: the reviewers this user may sign for (offered alone)."""
        super().__init__(*args, **kwargs)
        if signers is not None:
            self.fields["reviewers"].queryset = signers

    def clean_reviewed_on(self):
        reviewed_on = self.cleaned_data["reviewed_on"]
        if reviewed_on > timezone.localdate():
            raise forms.ValidationError(
                _("A review date cannot be in the future."), code="future"
            )
        return reviewed_on

    def clean(self):
        cleaned = super().clean()
        reviewed_on = cleaned.get("reviewed_on")
        due = cleaned.get("next_review_due")
        if reviewed_on and due and due <= reviewed_on:
            self.add_error(
                "next_review_due",
                forms.ValidationError(
                    _("The next review must come after this review."),
                    code="due_before_review",
                ),
            )
        return cleaned


class MinorChangeForm(forms.Form):
    notes = forms.CharField(
        label=_("What changed"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ReviewerForm(forms.ModelForm):
    """A reviewer profile; ``changed_by`` is set by the admin from the request."""

    changed_by = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "user" in self.fields:
            # Staff accounts only, as a plain list: Django's autocomplete widget
            # fails on a posted value that is not an id instead of saying so.
            self.fields["user"].queryset = (
                get_user_model()
                .objects.filter(is_staff=True, is_active=True)
                .order_by("email")
            )

    class Meta:
        model = Reviewer
        fields = [
            "kind",
            "name",
            "credentials",
            "specialty",
            "bio",
            "user",
            "members",
            "is_active",
            "languages",
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
