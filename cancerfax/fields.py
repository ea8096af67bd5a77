from django_ckeditor_5.fields import CKEditor5Field

from .sanitize import clean_html


class RichTextField(CKEditor5Field):
    """A CKEditor 5 field whose value is sanitised on every save.

    ``pre_save`` cleans the instance's own value, so what the caller holds after
    ``save()`` is what the database holds; ``get_prep_value`` covers
    ``QuerySet.update()`` and ``bulk_create()``, which never call ``pre_save``.
    """

    def pre_save(self, model_instance, add):
        value = clean_html(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value

    def get_prep_value(self, value):
        return clean_html(super().get_prep_value(value))
