"""Staff sign-in beyond the password: one-time codes, and password reset by e-mail.

django-axes locks out repeated failures (settings ``AXES_*``). When
``STAFF_OTP_REQUIRED`` is on (always in production) a staff member who signed in
with a password reaches the admin only after entering a code from an
authenticator app (or a backup code); one without a device yet sets one up
first, through a link e-mailed to the account (``staff_enrolment``).
"""

import base64
from io import BytesIO

import qrcode
import qrcode.image.svg
from axes.utils import reset as axes_reset
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordResetForm
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from .net import client_address
from .staff_enrolment import (
    backup_codes_issue,
    backup_codes_left,
    enrolment_link_redeem,
    enrolment_link_send,
)


def client_ip(request) -> str:
    """The address axes counts: the same proxy rule as the inquiry rate limit."""
    return client_address(request)


class CodeForm(forms.Form):
    token = forms.CharField(
        label=_("Code from your authenticator app, or a backup code"),
        min_length=6,
        max_length=16,
        # No numeric keypad here: backup codes hold letters too.
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "autocapitalize": "none",
                "spellcheck": "false",
            }
        ),
    )

    def clean_token(self):
        # Backup codes are lower-case letters and digits, however typed.
        return "".join(self.cleaned_data["token"].split()).lower()


class SetupCodeForm(CodeForm):
    """Confirming a new app: only its code counts (there are no backup codes
    yet), so phones may offer the numeric keypad."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        token = self.fields["token"]
        token.label = _("Code the app now shows")
        token.widget.attrs["inputmode"] = "numeric"


class StaffPasswordResetForm(PasswordResetForm):
    """Resets are for staff accounts only: the public has none."""

    def get_users(self, email):
        return (user for user in super().get_users(email) if user.is_staff)


def safe_next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("admin:index")


def page(request, template, form, *, status=200, **context):
    site = admin.site.each_context(request)
    if second_factor_missing(request.user):
        # Before the code, the admin's sidebar would list every app the account
        # may open to whoever holds only the password.
        site.update(available_apps=[], is_nav_sidebar_enabled=False)
    return render(
        request,
        template,
        {**site, "form": form, "next": safe_next(request), **context},
        status=status,
    )


@never_cache
@login_required
def otp_verify(request):
    """Ask a signed-in staff member for the current code, or a backup code."""
    if not user_has_device(request.user):
        return redirect("staff_otp_setup")
    form = CodeForm(request.POST or None)
    if form.is_valid():
        device = match_token(request.user, form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            if isinstance(device, StaticDevice):
                messages.warning(request, backup_codes_message(request.user))
            return redirect(safe_next(request))
        form.add_error(
            "token",
            forms.ValidationError(
                _("That code is wrong or has expired. Enter the current code."),
                code="invalid_token",
            ),
        )
    return page(
        request, "registration/otp_verify.html", form, title=_("Enter your code")
    )


def backup_codes_message(user) -> str:
    return ngettext(
        "You signed in with a backup code. %(count)d backup code is left.",
        "You signed in with a backup code. %(count)d backup codes are left.",
        backup_codes_left(user),
    ) % {"count": backup_codes_left(user)}


def qr_data_uri(text: str) -> str:
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage)
    buffer = BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


# The session key naming the device an e-mailed link opened for set-up: without
# it the set-up page shows no secret, whoever holds the password.
ENROLLING = "staff_otp_enrolling_device"


def _enrolling_device(request):
    device_id = request.session.get(ENROLLING)
    if device_id is None:
        return None
    return TOTPDevice.objects.filter(
        pk=device_id, user=request.user, confirmed=False
    ).first()


@never_cache
@login_required
def otp_setup(request):
    """Link an authenticator app to an account that has none yet.

    With a password alone the page only offers to e-mail a set-up link to the
    account's own address; the secret shows after that link was opened.
    """
    if user_has_device(request.user):
        return redirect("staff_otp_verify")
    device = _enrolling_device(request)
    if device is None:
        if request.method != "POST" or request.POST.get("send") != "link":
            return link_page(request)
        try:
            enrolment_link_send(user=request.user, request=request)
        except ValidationError as error:
            return link_page(request, refused=" ".join(error.messages))
        return link_page(request, sent=True)
    form = SetupCodeForm(request.POST or None)
    if form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            del request.session[ENROLLING]
            otp_login(request, device)
            return codes_page(request, codes=backup_codes_issue(user=request.user))
        form.add_error(
            "token",
            forms.ValidationError(
                _("That code does not match. Check the app's clock and try again."),
                code="invalid_token",
            ),
        )
    secret = base64.b32encode(device.bin_key).decode()
    return page(
        request,
        "registration/otp_setup.html",
        form,
        title=_("Set up sign-in codes"),
        secret=" ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        qr=qr_data_uri(device.config_url),
    )


@never_cache
@login_required
def otp_enrol(request, token):
    """The e-mailed set-up link: spent once, by its own account, signed in."""
    try:
        device = enrolment_link_redeem(token=token, user=request.user)
    except ValidationError as error:
        return link_page(request, refused=" ".join(error.messages), status=400)
    request.session[ENROLLING] = device.pk
    return redirect("staff_otp_setup")


def link_page(request, *, sent=False, refused=None, status=200):
    """The set-up page before the link is opened: ask for it, sent, or refused."""
    return page(
        request,
        "registration/otp_setup_link.html",
        None,
        status=status,
        title=_("Set up sign-in codes"),
        sent=sent,
        refused=refused,
        hours=settings.STAFF_OTP_ENROLMENT_HOURS,
    )


@never_cache
@login_required
def otp_backup_codes(request):
    """How many backup codes are left; new ones replace them all.

    Only in a session verified with a code: a password alone never gets codes.
    """
    if not request.user.is_verified():
        return to_code_page(request, "staff_otp_verify")
    codes = None
    if request.method == "POST":
        codes = backup_codes_issue(user=request.user)
    return codes_page(request, codes=codes, left=backup_codes_left(request.user))


def codes_page(request, *, codes, left=None):
    """New backup codes, shown this once; or, without ``codes``, how many are left."""
    return page(
        request,
        "registration/otp_backup_codes.html",
        None,
        title=_("Your backup codes"),
        codes=codes,
        left=left,
    )


def to_code_page(request, target):
    """To ``target`` (enter or set up a code), and back here afterwards."""
    query = urlencode({"next": request.get_full_path()})
    return redirect(f"{reverse(target)}?{query}")


def second_factor_missing(user) -> bool:
    """The one two-factor rule: where codes are required, a signed-in user who
    has not entered one this session is trusted with nothing beyond sign-in."""
    return (
        settings.STAFF_OTP_REQUIRED
        and user is not None
        and user.is_authenticated
        and not getattr(user, "is_verified", lambda: False)()
    )


def staff_verified(user) -> bool:
    """A member of staff the site may trust as staff on any address, not only
    under the admin's: active, staff, and signed in with a one-time code where
    codes are required (a password alone never shows unreviewed words)."""
    if not (user and user.is_active and user.is_staff):
        return False
    return not second_factor_missing(user)


class StaffTwoFactorMiddleware:
    """Sends staff without a verified code to enter (or set up) one first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self.needs_code(request):
            target = "staff_otp_verify"
            if not user_has_device(request.user):
                target = "staff_otp_setup"
            return to_code_page(request, target)
        return self.get_response(request)

    def needs_code(self, request) -> bool:
        if not second_factor_missing(getattr(request, "user", None)):
            return False
        if not request.path.startswith("/" + settings.ADMIN_URL):
            return False
        exempt = [
            reverse("staff_otp_verify"),
            reverse("staff_otp_setup"),
            reverse("admin:logout"),
        ]
        enrol_links = reverse("staff_otp_verify") + "enrol/"
        return request.path not in exempt and not request.path.startswith(enrol_links)


class StaffPasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """A new password set through the e-mailed link also lifts a sign-in pause on
    the account: whoever holds its mailbox is its owner, whoever tried it."""

    def form_valid(self, form):
        response = super().form_valid(form)
        # Stored lower-case: the spelling axes counts failures under.
        axes_reset(username=self.user.get_username())
        return response


def urlpatterns(prefix: str):
    """Sign-in pages under the admin's address; listed before the admin's own."""
    return [
        path(f"{prefix}two-factor/", otp_verify, name="staff_otp_verify"),
        path(f"{prefix}two-factor/setup/", otp_setup, name="staff_otp_setup"),
        path(
            f"{prefix}two-factor/enrol/<str:token>/",
            otp_enrol,
            name="staff_otp_enrol",
        ),
        path(
            f"{prefix}two-factor/backup-codes/",
            otp_backup_codes,
            name="staff_otp_backup_codes",
        ),
        path(
            f"{prefix}password-reset/",
            auth_views.PasswordResetView.as_view(
                form_class=StaffPasswordResetForm,
                extra_context={"site_header": admin.site.site_header},
            ),
            name="admin_password_reset",
        ),
        path(
            f"{prefix}password-reset/sent/",
            auth_views.PasswordResetDoneView.as_view(),
            name="password_reset_done",
        ),
        path(
            f"{prefix}password-reset/<uidb64>/<token>/",
            StaffPasswordResetConfirmView.as_view(),
            name="password_reset_confirm",
        ),
        path(
            f"{prefix}password-reset/done/",
            auth_views.PasswordResetCompleteView.as_view(),
            name="password_reset_complete",
        ),
    ]
