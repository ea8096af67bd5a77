"""Staff sign-in beyond the password: one-time codes, and password reset by e-mail.

django-axes locks out repeated failures (settings ``AXES_*``). When
``STAFF_OTP_REQUIRED`` is on (always in production) a staff member who signed in
with a password reaches the admin only after entering a code from an
authenticator app; one without a device yet sets one up first.
"""

import base64
from io import BytesIO

import qrcode
import qrcode.image.svg
from axes.utils import reset as axes_reset
from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordResetForm
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from .net import client_address


def client_ip(request) -> str:
    """The address axes counts: the same proxy rule as the inquiry rate limit."""
    return client_address(request)


class CodeForm(forms.Form):
    token = forms.CharField(
        label=_("Code from your authenticator app"),
        min_length=6,
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}
        ),
    )

    def clean_token(self):
        return "".join(self.cleaned_data["token"].split())


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


def page(request, template, form, **context):
    return render(
        request,
        template,
        {
            **admin.site.each_context(request),
            "form": form,
            "next": safe_next(request),
            **context,
        },
    )


@never_cache
@login_required
def otp_verify(request):
    """Ask a signed-in staff member for the current code."""
    if not user_has_device(request.user):
        return redirect("staff_otp_setup")
    form = CodeForm(request.POST or None)
    if form.is_valid():
        device = match_token(request.user, form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
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


def qr_data_uri(text: str) -> str:
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage)
    buffer = BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


@never_cache
@login_required
def otp_setup(request):
    """Link an authenticator app to an account that has none yet."""
    if user_has_device(request.user):
        return redirect("staff_otp_verify")
    device, _created = TOTPDevice.objects.get_or_create(
        user=request.user, confirmed=False, defaults={"name": "Authenticator app"}
    )
    form = CodeForm(request.POST or None)
    if form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            return redirect(safe_next(request))
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


def staff_verified(user) -> bool:
    """A member of staff the site may trust as staff on any address, not only
    under the admin's: active, staff, and signed in with a one-time code where
    codes are required (a password alone never shows unreviewed words)."""
    if not (user and user.is_active and user.is_staff):
        return False
    return not settings.STAFF_OTP_REQUIRED or bool(
        getattr(user, "is_verified", lambda: False)()
    )


class StaffTwoFactorMiddleware:
    """Sends staff without a verified code to enter (or set up) one first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self.needs_code(request):
            target = "staff_otp_verify"
            if not user_has_device(request.user):
                target = "staff_otp_setup"
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse(target)}?{query}")
        return self.get_response(request)

    def needs_code(self, request) -> bool:
        user = getattr(request, "user", None)
        if not settings.STAFF_OTP_REQUIRED or user is None:
            return False
        if not user.is_authenticated or user.is_verified():
            return False
        admin_root = "/" + settings.ADMIN_URL
        exempt = [
            reverse("staff_otp_verify"),
            reverse("staff_otp_setup"),
            reverse("admin:logout"),
        ]
        return request.path.startswith(admin_root) and request.path not in exempt


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
