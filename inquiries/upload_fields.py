"""A file input that takes several files at once, for every upload form.

The field only collects the files; each form inspects every one of them
(``files.inspect_upload``) so that a refused file is named in its own message.
"""

from django import forms


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [file for file in data if file]
        return [data] if data else []
