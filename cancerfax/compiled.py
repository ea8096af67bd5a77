"""Querysets whose SQL is written once per shape instead of on every read.

Django compiles a queryset to SQL each time it is evaluated. For the fixed
shapes the selectors read on every page (the visible rows of a model, by id or
by address), compiling cost as much CPU as running the query. ``compiled_rows``
compiles a shape once per process, with marks where the values go, and later
runs the same SQL with the values put in their places. The rows are read from
the database every time: only the text of the query is kept, with what turning
a row into model instances needs (which columns go to which model, converters),
which depends on the shape alone.
"""

import weakref

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models.query import ModelIterable, get_related_populators

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
    return shape.run(values)


class _Shape:
    """One compiled queryset: its SQL, where each value goes, and how a row
    becomes model instances (as Django's ``ModelIterable`` does it)."""

    def __init__(self, queryset, compiler, sql, params, places):
        self.db = queryset.db
        self.compiler = compiler
        self.sql, self.params, self.places = sql, params, places
        klass_info, select = compiler.klass_info, compiler.select
        self.model = klass_info["model"]
        fields = klass_info["select_fields"]
        self.start, self.end = fields[0], fields[-1] + 1
        self.init_list = [f[0].target.attname for f in select[self.start : self.end]]
        self.related = get_related_populators(klass_info, select, self.db)
        self.annotations = list(compiler.annotation_col_map.items())
        self.columns = [column[0] for column in select[: compiler.col_count]]
        # By connection (functions bound to it), forgotten with the connection:
        # threaded servers make one per thread.
        self.converters = weakref.WeakKeyDictionary()

    def run(self, values):
        params = list(self.params)
        for position, index in self.places:
            params[position] = values[index]
        connection = connections[self.db]  # this thread's connection
        with connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            rows = cursor.fetchall()
        converters = self.converters.get(connection)
        if converters is None:
            compiler = self.compiler.query.get_compiler(connection=connection)
            converters = self.converters[connection] = list(
                compiler.get_converters(self.columns).items()
            )
        found = []
        for row in rows:
            if converters:
                row = list(row)
                for position, (functions, expression) in converters:
                    value = row[position]
                    for convert in functions:
                        value = convert(value, expression, connection)
                    row[position] = value
            obj = self.model.from_db(
                self.db, self.init_list, row[self.start : self.end]
            )
            for populator in self.related:
                populator.populate(row, obj)
            for name, position in self.annotations:
                setattr(obj, name, row[position])
            found.append(obj)
        return found


def _compile(build, values):
    marks = [_mark(value, index) for index, value in enumerate(values)]
    if None in marks or len(set(values)) != len(values):
        return None
    queryset = build(marks)
    if (
        queryset._iterable_class is not ModelIterable
        or queryset._prefetch_related_lookups
        or queryset._known_related_objects
    ):
        return None
    compiler = queryset.query.get_compiler(using=queryset.db)
    try:
        sql, params = compiler.as_sql()
    except EmptyResultSet:
        return None
    if compiler.has_extra_select or compiler.has_composite_fields(
        [column[0] for column in compiler.select[: compiler.col_count]]
    ):
        return None
    index_of = {mark: index for index, mark in enumerate(marks)}
    places = [
        (position, index_of[param])
        for position, param in enumerate(params)
        if isinstance(param, int | str) and param in index_of
    ]
    if sorted(index for _, index in places) != list(range(len(values))):
        return None
    return _Shape(queryset, compiler, sql, tuple(params), places)
