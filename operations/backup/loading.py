"""Rows back into the database exactly as they were serialized.

Not ``loaddata``: it saves row by row and sends ``post_save`` and
``m2m_changed``, and the project's receivers then act on what they take for an
edit (stored pages invalidated and rendered again, the signed centres of an
assessment refused as a change). Here rows are inserted raw, in batches, with no
signal, no field's ``pre_save`` (no ``auto_now``, no sanitiser run again) and
the many-to-many links written to their tables directly; foreign keys are
checked once, at the end of the one transaction.
"""

import itertools

from django.core import serializers
from django.core.management.color import no_style
from django.db import connection, transaction

BATCH = 1000


def batched(items, size):
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def insert_raw(model, objects):
    # What Model.save_base(raw=True) does for one row, for a batch.
    fields = model._meta.local_concrete_fields
    model._base_manager._insert(objects, fields=fields, raw=True)


def links_insert(model, deserialized):
    """The rows of each auto-created many-to-many table for these objects."""
    for name in {name for item in deserialized for name in item.m2m_data}:
        field = model._meta.get_field(name)
        through = field.remote_field.through
        source = field.m2m_field_name() + "_id"
        target = field.m2m_reverse_field_name() + "_id"
        links = [
            through(**{source: item.object.pk, target: other})
            for item in deserialized
            for other in item.m2m_data.get(name, ())
        ]
        fields = [through._meta.get_field(source), through._meta.get_field(target)]
        for batch in batched(links, BATCH):
            through._base_manager._insert(list(batch), fields=fields, raw=True)
        yield through


def rows_load(paths) -> None:
    """Insert the rows of every JSON Lines part, in one transaction."""
    loaded = set()
    with transaction.atomic(), connection.constraint_checks_disabled():
        for path in paths:
            with open(path, encoding="utf-8") as stream:
                items = serializers.deserialize("jsonl", stream)
                for batch in batched(items, BATCH):
                    model = type(batch[0].object)
                    insert_raw(model, [item.object for item in batch])
                    loaded.add(model)
                    loaded.update(links_insert(model, batch))
        tables = [model._meta.db_table for model in loaded]
        connection.check_constraints(table_names=tables)
        statements = connection.ops.sequence_reset_sql(no_style(), list(loaded))
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
