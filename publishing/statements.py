"""The SQL a stored hit and a render's storing run, written once per process.

Building these queries with the ORM on every hit and every render cost more CPU
than running them. Table and column names come from the models; every value is
a parameter. Keyed by the database vendor, as a test may switch engines.
"""

from functools import lru_cache

from django.db import connection

from .models import PageDependency, PageGeneration, StoredPage


def _names(model, *fields):
    quote = connection.ops.quote_name
    columns = [quote(model._meta.get_field(name).column) for name in fields]
    return quote(model._meta.db_table), columns


def _select_by_path(*fields):
    table, columns = _names(StoredPage, *fields, "path")
    return f"SELECT {', '.join(columns[:-1])} FROM {table} WHERE {columns[-1]} = %s"  # noqa: S608


@lru_cache
def etag_sql(vendor: str) -> str:
    return _select_by_path("etag")


@lru_cache
def page_row_sql(vendor: str) -> str:
    return _select_by_path("body", "content_type", "etag", "rendered_at")


@lru_cache
def page_id_sql(vendor: str) -> str:
    return _select_by_path("id")


@lru_cache
def page_update_sql(vendor: str) -> str:
    fields = ("body", "content_type", "etag", "rendered_at", "id")
    table, columns = _names(StoredPage, *fields)
    assignments = ", ".join(f"{column} = %s" for column in columns[:4])
    return f"UPDATE {table} SET {assignments} WHERE {columns[4]} = %s"  # noqa: S608


@lru_cache
def generation_sql(vendor: str, *, lock: bool = False) -> str:
    table, (number, pk) = _names(PageGeneration, "number", "id")
    sql = f"SELECT {number} FROM {table} WHERE {pk} = 1"  # noqa: S608
    if lock and connection.features.has_select_for_update:
        sql += " FOR UPDATE"
    return sql


@lru_cache
def dependency_sql(vendor: str) -> str:
    table, columns = _names(PageDependency, "page", "content_type", "object_id")
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES (%s, %s, %s)"  # noqa: S608


@lru_cache
def dependencies_delete_sql(vendor: str) -> str:
    table, (page,) = _names(PageDependency, "page")
    return f"DELETE FROM {table} WHERE {page} = %s"  # noqa: S608
