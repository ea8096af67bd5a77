from django import forms
from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from reviews.admin_content import ReviewedContentAdminMixin

from .models import Image
from .uploads import check_upload, image_file_store


class ImageForm(forms.ModelForm):
    upload = forms.FileField(
        label=_("Picture"),
        required=False,
        help_text=_(
            "JPEG, PNG or WebP. Its metadata (camera, place, comments) is removed. "
            "A new picture needs a review before patients see it."
        ),
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/jpeg,image/png,image/webp"}
        ),
    )

    class Meta:
        model = Image
        fields = [
            "title", "alt_text", "decorative", "decorative_reason", "caption",
            "credit", "licence", "focal_x", "focal_y", "site_default",
        ]  # fmt: skip
        widgets = {"alt_text": forms.Textarea(attrs={"rows": 3})}

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if upload:
            check_upload(upload)
        elif self.instance.file_id is None:
            raise forms.ValidationError(
                _("Choose the picture to upload."), code="required"
            )
        return upload


@admin.register(Image)
class ImageAdmin(ReviewedContentAdminMixin, admin.ModelAdmin):
    form = ImageForm
    list_display = ["title", "thumbnail", "size", "decorative", "site_default"]
    list_select_related = ["file"]
    list_filter = ["decorative", "site_default"]
    search_fields = ["title", "alt_text", "caption", "credit"]
    readonly_fields = ["current_picture"]
    fieldsets = [
        (None, {"fields": ["title", "current_picture", "upload"]}),
        (
            _("What patients read"),
            {"fields": ["alt_text", "decorative", "decorative_reason", "caption"]},
        ),
        (_("Where it comes from"), {"fields": ["credit", "licence"]}),
        (
            _("Cropping and sharing"),
            {"fields": ["focal_x", "focal_y", "site_default"], "classes": ["collapse"]},
        ),
    ]

    @admin.display(description=_("picture"))
    def thumbnail(self, obj):
        return format_html(
            '<img src="{}" alt="" width="96" loading="lazy">',
            obj.file.get_preview_url(),
        )

    @admin.display(description=_("size"))
    def size(self, obj):
        return f"{obj.file.width}×{obj.file.height}"

    @admin.display(description=_("current picture"))
    def current_picture(self, obj):
        if obj is None or obj.file_id is None:
            return _("None yet")
        return format_html(
            '<img src="{}" alt="" width="320"><br>{}',
            obj.file.get_preview_url(),
            str(obj.file),
        )

    def save_model(self, request, obj, form, change):
        upload = form.cleaned_data.get("upload")
        if upload:
            obj.file = image_file_store(upload)
        if obj.site_default:
            # One at a time, each saved: the pages the old default was shared
            # with are replaced (a saved reviewed row invalidates its pages).
            for old in Image.objects.filter(site_default=True).exclude(pk=obj.pk):
                old.site_default = False
                old.save(update_fields=["site_default", "updated_at"])
        super().save_model(request, obj, form, change)
