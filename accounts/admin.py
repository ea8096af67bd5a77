from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from cancerfax.staff_enrolment import two_factor_reset

from .forms import UserChangeForm, UserCreationForm
from .models import User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    """Django's user admin, with the e-mail address as the sign-in name."""

    form = UserChangeForm
    add_form = UserCreationForm
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Name and signature"), {"fields": ("display_name", "credentials")}),
        (
            _("Permissions"),
            {
                "fields": (
                    "is_active",
                    "is_staff",
                    "is_superuser",
                    "groups",
                    "user_permissions",
                )
            },
        ),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": (
                    "email",
                    "display_name",
                    "credentials",
                    "usable_password",
                    "password1",
                    "password2",
                ),
            },
        ),
    )
    # Facts about the account, never typed in: shown as text. As inputs, Django's
    # split date and time boxes carried no label (axe: label).
    readonly_fields = ("last_login", "date_joined")
    list_display = ("email", "display_name", "credentials", "is_staff", "is_active")
    list_filter = ("is_staff", "is_superuser", "is_active", "groups")
    search_fields = ("email", "display_name")
    ordering = ("email",)
    actions = ["reset_two_factor"]

    @admin.action(
        description=_("Reset two-factor and e-mail a new set-up link"),
        permissions=["reset_two_factor"],
    )
    def reset_two_factor(self, request, queryset):
        """A lost phone, or an invitation: the member's devices and backup codes
        go, and a one-time set-up link goes to their own address."""
        users, unsent = [], []
        for user in queryset.filter(is_active=True, is_staff=True):
            try:
                two_factor_reset(user=user, request=request, by=request.user)
            except ValidationError:  # the mail failed: that reset rolled back
                unsent.append(user.email)
            else:
                users.append(user)
        if unsent:
            messages.error(
                request,
                _("Not reset, the e-mail could not be sent: %(emails)s. Try again.")
                % {"emails": ", ".join(unsent)},
            )
        if users:
            messages.success(
                request,
                ngettext(
                    "Two-factor reset; a set-up link went to %(count)d member.",
                    "Two-factor reset; set-up links went to %(count)d members.",
                    len(users),
                )
                % {"count": len(users)},
            )

    def has_reset_two_factor_permission(self, request):
        return request.user.is_superuser
