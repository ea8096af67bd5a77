"""The staff account: signs in with an e-mail address, signs with a name.

Patients have no accounts. Staff sign in by e-mail; clinicians and reviewers
sign assessments and reviews with ``signature()``, which the signed record
copies so that a later change of name or credentials leaves it as signed.
"""

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def normalize_email(address: str) -> str:
    """One spelling per address: mail servers treat the local part without
    regard to case in practice, so "Ada@X.org" and "ada@x.org" are one account."""
    return (address or "").strip().lower()


class UserManager(BaseUserManager):
    use_in_migrations = True

    def get_by_natural_key(self, username):
        return self.get(email__iexact=normalize_email(username))

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is needed to sign in.")
        user = self.model(email=normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        if extra_fields["is_staff"] is not True:
            raise ValueError("A superuser must have is_staff=True.")
        if extra_fields["is_superuser"] is not True:
            raise ValueError("A superuser must have is_superuser=True.")
        return self._create_user(email, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(
        _("e-mail address"),
        unique=True,
        error_messages={"unique": _("An account with this e-mail already exists.")},
    )
    display_name = models.CharField(
        _("display name"),
        max_length=150,
        blank=True,
        help_text=_("The name colleagues and signed records show, e.g. Amara Okafor."),
    )
    credentials = models.CharField(
        _("credentials"),
        max_length=100,
        blank=True,
        help_text=_("Professional letters a signature carries, e.g. MD, FRCP."),
    )
    is_staff = models.BooleanField(
        _("staff status"),
        default=False,
        help_text=_("Designates whether the user can sign in to the admin."),
    )
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Unselect this instead of deleting the account."),
    )
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    objects = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            # Rows written past the manager and forms still cannot spell one
            # address twice.
            models.UniqueConstraint(Lower("email"), name="user_email_ci_unique"),
        ]

    def __str__(self):
        return self.get_display_name()

    @classmethod
    def normalize_username(cls, username):
        return normalize_email(super().normalize_username(username))

    def clean(self):
        super().clean()
        self.email = normalize_email(self.email)

    def get_display_name(self) -> str:
        """The name colleagues see; the address when none was given."""
        return self.display_name.strip() or self.email

    def get_signature(self) -> str:
        """How a signed record names its signer: name and credentials."""
        parts = [self.get_display_name(), self.credentials.strip()]
        return ", ".join(part for part in parts if part)

    # Django and third-party apps ask for these names.
    get_full_name = get_display_name
    get_short_name = get_display_name
