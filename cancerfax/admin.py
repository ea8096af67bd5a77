from django_otp.plugins.otp_totp.admin import TOTPDeviceAdmin as OtpTOTPDeviceAdmin


class ReadOnlyAdminMixin:
    """Rows nobody adds, edits or deletes through the admin, superusers included.

    Set ``bulk_actions_allowed`` where the change list offers actions that need
    the model's change permission (they go through services, never a form); a
    single row's page still shows values only.
    """

    bulk_actions_allowed = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return (
            self.bulk_actions_allowed
            and obj is None
            and super().has_change_permission(request)
        )

    def has_delete_permission(self, request, obj=None):
        return False


class TOTPDeviceAdmin(OtpTOTPDeviceAdmin):
    """django-otp's device admin; when the last failed code was tried is a fact
    the device records, shown as text. Its date and time boxes carried no label
    (axe: label), as every split date-time box of the admin does."""

    readonly_fields = [
        *OtpTOTPDeviceAdmin.readonly_fields,
        "throttling_failure_timestamp",
    ]
