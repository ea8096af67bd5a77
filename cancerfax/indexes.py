"""An index with INCLUDE columns where the database has them."""

from django.db import models


class CoveringIndex(models.Index):
    """``Index(include=...)`` on PostgreSQL; a plain index on the key columns on
    SQLite, which has no INCLUDE. Django's own ``include`` does the same but
    makes every command on SQLite print the ``models.W040`` warning, which
    nobody there can act on: the columns are kept under another name and handed
    to Django only when the schema editor's database supports them."""

    def __init__(self, *args, covering=(), **kwargs):
        if kwargs.get("include"):
            raise ValueError("Give the included columns as covering=.")
        super().__init__(*args, **kwargs)
        self.covering = tuple(covering)

    def deconstruct(self):
        path, args, kwargs = super().deconstruct()
        kwargs["covering"] = self.covering
        return path, args, kwargs

    def create_sql(self, model, schema_editor, using="", **kwargs):
        if not schema_editor.connection.features.supports_covering_indexes:
            return super().create_sql(model, schema_editor, using=using, **kwargs)
        _path, args, options = self.deconstruct()
        options["include"] = options.pop("covering")
        return models.Index(*args, **options).create_sql(
            model, schema_editor, using=using, **kwargs
        )
