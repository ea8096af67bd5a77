"""Pages that say who runs CancerFax, how it is paid and how it works.

Patients judge health information by who stands behind it, so these pages are
reviewed content like the guides: what they say reaches patients only once
approved. The privacy notice is versioned by that review: each inquiry's consent
points at the approved version of the notice the sender was shown.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cancerfax.content import Publishable, meta_description_field
from cancerfax.fields import RichTextField


class TrustPage(Publishable):
    class Kind(models.TextChoices):
        ABOUT = "about", _("About us")
        FUNDING = "funding", _("Funding and hospital relationships")
        CONTACT = "contact", _("Contact")
        PRIVACY = "privacy", _("Privacy notice")
        EDITORIAL = "editorial", _("Editorial policy")

    kind = models.CharField(
        _("kind"),
        max_length=16,
        choices=Kind.choices,
        unique=True,
        help_text=_(
            "Each kind of page exists once. The footer links to each, the inquiry "
            "form to the privacy notice, the thank-you page and e-mails use the "
            "contact details."
        ),
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        unique=True,
        help_text=_("The last part of the address: /about/the-slug/."),
    )
    lede = models.TextField(
        _("lede"), blank=True, help_text=_("One or two sentences under the title.")
    )
    body = RichTextField(_("text"))
    meta_description = meta_description_field()
    phone = models.CharField(
        _("phone"),
        max_length=40,
        blank=True,
        help_text=_("Contact page only: as patients should dial it, '+44 20 …'."),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    messaging = models.CharField(
        _("messaging"),
        max_length=200,
        blank=True,
        help_text=_("Contact page only: 'WhatsApp on the same number', for example."),
    )
    hours = models.CharField(
        _("opening hours"),
        max_length=200,
        blank=True,
        help_text=_("Contact page only: 'Monday to Friday, 9:00–18:00 UK time'."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["kind"]
        verbose_name = _("about or policy page")
        verbose_name_plural = _("about and policy pages")

    def __str__(self):
        return self.title

    def clean(self):
        if self.kind == self.Kind.CONTACT and not (self.phone and self.email):
            raise ValidationError(
                _("The contact page needs a phone number and an e-mail address."),
                code="contact_details_required",
            )

    def get_absolute_url(self):
        return reverse("trust:page", kwargs={"slug": self.slug})
