"""Querysets whose SQL is written once per shape instead of on every read.

Django compiles a queryset to SQL each time it is evaluated. For the fixed
shapes the selectors read on every page (the visible rows of a model, by id or
by address), compiling cost as much CPU as running the query. ``compiled_rows``
compiles a shape once per process, with marks where the values go, and later
runs the same SQL with the values put in their places. The rows are read from
the database every time: only the text of the query is kept.
"""

import copy

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models.query import ModelIterable, QuerySet

# Values no table holds: they mark where each value goes in the parameters.
_INT_MARK = -(2**40)
_shapes = {}


def _mark(value, index):
    if isinstance(value, int):
        return _INT_MARK - index
    if isinstance(value, str):
        return f"\x00compiled-mark-{index}\x00"
    return None


def compiled_rows(key, build, values=()) -> list:
    """The model instances of ``build(values)``, compiled once per ``key``.

    ``key`` must name everything the SQL depends on except ``values`` (the
    model, and any id baked into ``build``); ``values`` are distinct ints or
    strings, the only parameters that change. A shape that cannot be marked
    (another iterable, prefetching, a value the ORM folds away) is run as usual.
    """
    values = list(values)
    shape_key = (key, len(values))
    shape = _shapes.get(shape_key)
    if shape is None:
        shape = _compile(build, values)
        if shape is None:
            return list(build(values))
        _shapes[shape_key] = shape
    queryset, compiler, sql, params, places, converters = shape
    params = list(params)
    for position, index in places:
        params[position] = values[index]
    run = copy.copy(compiler)
    run.connection = connections[queryset.db]  # this thread's connection
    run.as_sql = lambda *args, **kwargs: (sql, params)
    # Which function converts each column's values (dates, decimals, JSON) is
    # the same on every run: found once per connection, as the SQL is.
    found = converters.get(run.connection)
    if found is None:
        columns = [column[0] for column in compiler.select[: compiler.col_count]]
        found = converters[run.connection] = run.get_converters(columns)
    run.get_converters = lambda expressions: found
    query = copy.copy(queryset.query)
    query.get_compiler = lambda *args, **kwargs: run
    # A new queryset, not a copy: copying one evaluates it (``__getstate__``)
    # and would carry its rows along.
    return list(QuerySet(queryset.model, query, using=queryset.db))


def _compile(build, values):
    marks = [_mark(value, index) for index, value in enumerate(values)]
    if None in marks or len(set(values)) != len(values):
        return None
    queryset = build(marks)
    if queryset._iterable_class is not ModelIterable or (
        queryset._prefetch_related_lookups
    ):
        return None
    compiler = queryset.query.get_compiler(using=queryset.db)
    try:
        sql, params = compiler.as_sql()
    except EmptyResultSet:
        return None
    index_of = {mark: index for index, mark in enumerate(marks)}
    places = [
        (position, index_of[param])
        for position, param in enumerate(params)
        if isinstance(param, int | str) and param in index_of
    ]
    if sorted(index for _, index in places) != list(range(len(values))):
        return None
    return queryset, compiler, sql, tuple(params), places, {}
