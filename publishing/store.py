"""Storing, finding and invalidating rendered pages.

Invalidation runs inside the transaction that changes what patients see (an
approval, a publication change): it deletes every stored page that showed the item
and counts up the generation, so once that transaction commits no stored copy of
the old state exists, and a render that began before it is not stored. The pages
are then rendered again in the background.
"""

import hashlib
from collections import OrderedDict
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.db import connection, transaction
from django.db.models import F, Q
from django.urls import translate_url
from django.utils import timezone, translation
from django.utils.http import http_date
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from . import statements
from .models import PageDependency, PageGeneration, StoredPage
from .purging import purge_queue
from .release import release

# The version names the shape of ``Page`` kept in a shared cache.
CACHE_PREFIX = "stored-page:2:"
# The ETag alone, which a hit reads to know its own copy is still the stored page.
ETAG_PREFIX = "stored-page-etag:"

# The WSGI environ key under which a stored hit names its page for publishing.wsgi.
STORED_HIT = "publishing.stored_hit"


@dataclass(frozen=True)
class Page:
    body: bytes
    content_type: str
    etag: str
    last_modified: str  # as the header says it


# This process's copies of stored pages by address. The ETag is a hash of the
# body, so a copy whose ETag still matches the stored row is the stored page:
# a hit reads one short indexed row instead of the whole body.
_copies: OrderedDict[str, Page] = OrderedDict()
COPIES_KEPT = 500


def _cache_is_shared_memory():
    # Only a cache every process shares can be invalidated for all of them, and
    # a database cache costs the same query as the page table: Redis alone helps.
    return "redis" in settings.CACHES["default"]["BACKEND"].lower()


def _stored_etag(path: str) -> str | None:
    with connection.cursor() as cursor:
        cursor.execute(statements.etag_sql(connection.vendor), [path])
        row = cursor.fetchone()
    return row[0] if row else None


def _shared_etag(path: str) -> str | None:
    """The stored page's ETag from the shared cache (Redis)."""
    return _reader(caches[DEFAULT_CACHE_ALIAS])(ETAG_PREFIX + path)


def _reader(backend):
    # ``backend`` is this thread's cache object: the reader is kept on it.
    read = getattr(backend, "_stored_page_etag", None)
    if read is None:
        read = backend._stored_page_etag = _etag_reader(backend)
    return read


def _etag_reader(backend):
    # Django's Redis backend builds a client object (its table of some 170
    # reply handlers) for every read: that cost a hit more CPU than the rest of
    # its work. One client per backend object reuses its connection pool.
    try:
        client = backend._cache.get_client()
        loads = backend._cache._serializer.loads
    except AttributeError:  # another Redis backend: its own reads
        return backend.get

    def read(key):
        made = backend.make_key(key)
        value = _lean_get(client, made)
        return None if value is None else loads(value)

    read.client = client
    return read


def _lean_get(client, key):
    return _lean_command(client, "GET", key)


def _lean_command(client, *command):
    # One command on a pooled connection, without redis-py's command machinery
    # (retry wrapper, timing, reply callbacks): that cost a hit more CPU than
    # the round trip. A connection error falls back to the full client, which
    # retries; the answer is the server's either way.
    pool = client.connection_pool
    connection = pool.get_connection()
    try:
        connection.send_command(*command)
        return connection.read_response()
    except (RedisConnectionError, RedisTimeoutError):
        connection.disconnect()
        return client.execute_command(*command)
    except BaseException:
        connection.disconnect()  # a reply may be half read: never reuse it
        raise
    finally:
        pool.release(connection)


def stored_etag(path: str) -> str | None:
    """The ETag of the page stored for ``path`` now, ``None`` if none is (with
    Redis: none there yet either; ``page_get`` copies it there)."""
    if _cache_is_shared_memory():
        return _shared_etag(path)
    return _stored_etag(path)


def page_get(path: str) -> tuple[Page | None, bool]:
    """The page stored for ``path`` (``None`` if none is), and whether this
    process's copy answered: only the stored ETag was read for it."""
    copy = _copies.get(path)
    if _cache_is_shared_memory():
        # The short ETag first: the 40 KB body read from Redis cost a hit more
        # CPU than everything else it does.
        etag = _shared_etag(path)
        if etag is not None:
            if copy is not None and copy.etag == etag:
                _copies.move_to_end(path)
                return copy, True
            page = cache.get(CACHE_PREFIX + path)
            if page is not None and page.etag == etag and _of_this_release(page):
                _keep_copy(path, page)
                return page, False
    elif copy is not None:
        etag = _stored_etag(path)
        if etag is None:
            del _copies[path]
            return None, False
        if etag == copy.etag:
            _copies.move_to_end(path)
            return copy, True
    with connection.cursor() as cursor:
        cursor.execute(statements.page_row_sql(connection.vendor), [path])
        row = cursor.fetchone()
    if row is None:
        return None, False
    body, content_type, etag, rendered_at = row
    convert = getattr(connection.ops, "convert_datetimefield_value", None)
    if convert is not None:  # SQLite's text, as the ORM would read it
        rendered_at = convert(rendered_at, None, connection)
    page = Page(body.encode(), content_type, etag, http_date(rendered_at.timestamp()))
    if not _of_this_release(page):
        # Stored before a release (its templates, styles or code): rendered
        # again by this release on this visit, which stores it in its place.
        return None, False
    if _cache_is_shared_memory():
        cache.set_many(
            {CACHE_PREFIX + path: page, ETAG_PREFIX + path: page.etag}, timeout=None
        )
    _keep_copy(path, page)
    return page, False


def _keep_copy(path, page):
    _copies[path] = page
    _copies.move_to_end(path)
    while len(_copies) > COPIES_KEPT:
        _copies.popitem(last=False)


def generation() -> int:
    with connection.cursor() as cursor:
        cursor.execute(statements.generation_sql(connection.vendor))
        row = cursor.fetchone()
    if row is not None:
        return row[0]
    row, _ = PageGeneration.objects.get_or_create(pk=1)
    return row.number


def etag_of(body: str | bytes) -> str:
    """A hash of the body and of the release that rendered it (``release``):
    a page stored by another release is not this release's page."""
    data = body.encode() if isinstance(body, str) else body
    digest = hashlib.sha256(release().encode() + b"\0" + data)
    return '"' + digest.hexdigest()[:32] + '"'


def _of_this_release(page: Page) -> bool:
    # Read once per page and process (the copies answer after): a hash of 40 KB.
    return page.etag == etag_of(page.body)


@transaction.atomic
def page_store(*, path, body, content_type, shown, since_generation) -> Page | None:
    """Store a rendered page unless content changed since the render began.

    Returns the page as a hit will serve it (``None`` when not stored), so the
    render's own response carries the same validators.
    """
    if _locked_generation() != since_generation:
        return None
    etag, rendered_at = etag_of(body), timezone.now()
    # Written as SQL: the ORM's update_or_create (a savepoint, a model object,
    # a compiled query each) cost a render more than the statements.
    vendor = connection.vendor
    with connection.cursor() as cursor:
        cursor.execute(statements.page_id_sql(vendor), [path])
        row = cursor.fetchone()
        if row is None:
            page_id = StoredPage.objects.create(
                path=path,
                body=body,
                content_type=content_type,
                etag=etag,
                rendered_at=rendered_at,
            ).pk
        else:
            page_id = row[0]
            cursor.execute(
                statements.page_update_sql(vendor),
                [
                    body,
                    content_type,
                    etag,
                    connection.ops.adapt_datetimefield_value(rendered_at),
                    page_id,
                ],
            )
            cursor.execute(statements.dependencies_delete_sql(vendor), [page_id])
        # One statement run for each item: building a model object for each
        # cost a render more than the insert.
        cursor.executemany(
            statements.dependency_sql(vendor),
            [(page_id, ct, pk) for ct, pk in shown],
        )
    if _cache_is_shared_memory():
        transaction.on_commit(lambda: _forget_cached([path]))
    return Page(body.encode(), content_type, etag, http_date(rendered_at.timestamp()))


def _locked_generation() -> int:
    """The generation, its row locked until the transaction ends (PostgreSQL;
    SQLite's write transaction locks the whole database)."""
    with connection.cursor() as cursor:
        cursor.execute(statements.generation_sql(connection.vendor, lock=True))
        row = cursor.fetchone()
    if row is not None:
        return row[0]
    return PageGeneration.objects.select_for_update().get_or_create(pk=1)[0].number


# Set inside ``pages_invalidated_once``: the items and pages gathered so far.
_gathering: ContextVar = ContextVar("pages_invalidate_gathering", default=None)


@contextmanager
def pages_invalidated_once():
    """Gather every invalidation of the block into one, run when it ends.

    For bulk work in one transaction (``load_demo``, approving demo or test
    content): each saved row and approval otherwise invalidates on its own,
    thousands of identical steps. Nested blocks join the outermost one.
    """
    if _gathering.get() is not None:
        yield
        return
    items, render = [], set()
    token = _gathering.set((items, render))
    try:
        yield
    finally:
        _gathering.reset(token)
        # After an error that left the transaction unusable, its rollback undoes
        # the changes themselves: there is nothing to invalidate.
        if not transaction.get_connection().needs_rollback:
            pages_invalidate(items, also_render=render)


def pages_invalidate(items, *, also_render=()) -> list[str]:
    """Forget every stored page that shows any of ``items`` (``(ct_id, pk)``).

    Call inside the transaction that changes what patients see. Returns the
    addresses, which are rendered again after the commit with ``also_render``
    (an item's own page, stored or not). Inside ``pages_invalidated_once``
    nothing happens yet and nothing is returned.
    """
    items = list(items)
    gathering = _gathering.get()
    if gathering is not None:
        gathering[0].extend(items)
        gathering[1].update(also_render)
        return []
    if not items:
        return []
    # Every save of reviewed content comes here, nearly always inside the
    # transaction of its form or service: no savepoint of its own (an error
    # here fails that transaction anyway), and one UPDATE once the row exists.
    with transaction.atomic(savepoint=False):
        if not PageGeneration.objects.filter(pk=1).update(number=F("number") + 1):
            # No row yet. A render's ``generation()`` may make it (at 0) between
            # the two statements: count up after making it, never create at 1.
            PageGeneration.objects.get_or_create(pk=1)
            PageGeneration.objects.filter(pk=1).update(number=F("number") + 1)
        by_type = {}
        for content_type_id, object_id in items:
            by_type.setdefault(content_type_id, set()).add(object_id)
        # One condition per type, however many items: a gathered invalidation
        # names thousands, past SQLite's limit on the depth of an expression.
        shows = Q(pk__in=[])
        for content_type_id, object_ids in by_type.items():
            shows |= Q(content_type_id=content_type_id) & (
                Q(object_id__in=object_ids) | Q(object_id=None)
            )
        paths = list(
            StoredPage.objects.filter(
                pk__in=PageDependency.objects.filter(shows).values("page_id")
            ).values_list("path", flat=True)
        )
        if paths:
            StoredPage.objects.filter(path__in=paths).delete()
    if paths:
        _forget_cached(paths)
        transaction.on_commit(lambda: _forget_cached(paths))
    # An item's own page in every language: its /ar/ copy may never have been
    # stored (nobody read it yet), and is rendered now all the same.
    render = sorted(set(paths) | set(in_every_language(also_render)))
    if render:
        # A shared cache may hold any of them, the item's own page included.
        purge_queue(render)
        # Robust: a task queue that is down must not turn a committed approval
        # into an error page; a page not rendered now is rendered on its next
        # visit (a miss renders and stores).
        transaction.on_commit(lambda: _render_later(render), robust=True)
    return paths


def in_every_language(paths) -> list[str]:
    """Each address with its counterparts in ``settings.LANGUAGES`` (the same
    page under /ar/, /zh-hans/...); an address no language prefixes stays alone."""
    found = []
    for path in paths:
        found.append(path)
        with translation.override(settings.LANGUAGE_CODE):
            for code, _name in settings.LANGUAGES:
                # Read in the source language: its addresses have no prefix.
                found.append(translate_url(path, code))
    return list(dict.fromkeys(found))


def page_forget(paths) -> None:
    """Delete stored copies without a change of content (tools, benchmarks)."""
    StoredPage.objects.filter(path__in=paths).delete()
    _forget_cached(paths)


def _forget_cached(paths):
    if not _cache_is_shared_memory():
        return
    keys = [prefix + path for path in paths for prefix in (CACHE_PREFIX, ETAG_PREFIX)]
    backend = caches[DEFAULT_CACHE_ALIAS]
    client = getattr(_reader(backend), "client", None)
    if client is None:  # another Redis backend: its own deletes
        backend.delete_many(keys)
        return
    # As the ETag read: one DEL without building a client (after each render).
    _lean_command(client, "DEL", *map(backend.make_key, keys))


def _render_later(paths):
    from .tasks import pages_render

    pages_render.enqueue(list(paths))
