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
from functools import lru_cache

from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.http import http_date
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from .models import PageDependency, PageGeneration, StoredPage
from .purging import purge_queue

# The version names the shape of ``Page`` kept in a shared cache.
CACHE_PREFIX = "stored-page:2:"
# The ETag alone, which a hit reads to know its own copy is still the stored page.
ETAG_PREFIX = "stored-page-etag:"


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


@lru_cache
def _etag_sql(vendor: str) -> str:
    # Written once instead of compiled by the ORM on every hit: building the
    # query cost more than running it. Names come from the model; the address
    # is a parameter.
    quote = connection.ops.quote_name
    table = quote(StoredPage._meta.db_table)
    return f"SELECT {quote('etag')} FROM {table} WHERE {quote('path')} = %s"  # noqa: S608


def _stored_etag(path: str) -> str | None:
    with connection.cursor() as cursor:
        cursor.execute(_etag_sql(connection.vendor), [path])
        row = cursor.fetchone()
    return row[0] if row else None


def _shared_etag(path: str) -> str | None:
    """The stored page's ETag from the shared cache (Redis)."""
    backend = caches[DEFAULT_CACHE_ALIAS]  # this thread's backend object
    read = getattr(backend, "_stored_page_etag", None)
    if read is None:
        read = backend._stored_page_etag = _etag_reader(backend)
    return read(ETAG_PREFIX + path)


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
        made = backend.make_and_validate_key(key)
        value = _lean_get(client, made)
        return None if value is None else loads(value)

    return read


def _lean_get(client, key):
    # One GET on a pooled connection, without redis-py's command machinery
    # (retry wrapper, timing, reply callbacks): that cost a hit more CPU than
    # the round trip. A connection error falls back to the full client, which
    # retries; the answer is the server's either way.
    pool = client.connection_pool
    connection = pool.get_connection()
    try:
        connection.send_command("GET", key)
        return connection.read_response()
    except (RedisConnectionError, RedisTimeoutError):
        connection.disconnect()
        return client.get(key)
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
            if page is not None and page.etag == etag:
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
    row = (
        StoredPage.objects.filter(path=path)
        .values_list("body", "content_type", "etag", "rendered_at")
        .first()
    )
    if row is None:
        return None, False
    body, content_type, etag, rendered_at = row
    page = Page(body.encode(), content_type, etag, http_date(rendered_at.timestamp()))
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


@lru_cache
def _generation_sql(vendor: str) -> str:
    # Read at the start of every render: written once, as ``_etag_sql``.
    quote = connection.ops.quote_name
    table = quote(PageGeneration._meta.db_table)
    return f"SELECT {quote('number')} FROM {table} WHERE {quote('id')} = 1"  # noqa: S608


@lru_cache
def _dependency_sql(vendor: str) -> str:
    quote = connection.ops.quote_name
    table = quote(PageDependency._meta.db_table)
    columns = ", ".join(
        quote(PageDependency._meta.get_field(name).column)
        for name in ("page", "content_type", "object_id")
    )
    return f"INSERT INTO {table} ({columns}) VALUES (%s, %s, %s)"  # noqa: S608


def generation() -> int:
    with connection.cursor() as cursor:
        cursor.execute(_generation_sql(connection.vendor))
        row = cursor.fetchone()
    if row is not None:
        return row[0]
    row, _ = PageGeneration.objects.get_or_create(pk=1)
    return row.number


def etag_of(body: str) -> str:
    return '"' + hashlib.sha256(body.encode()).hexdigest()[:32] + '"'


@transaction.atomic
def page_store(*, path, body, content_type, shown, since_generation) -> Page | None:
    """Store a rendered page unless content changed since the render began.

    Returns the page as a hit will serve it (``None`` when not stored), so the
    render's own response carries the same validators.
    """
    current = PageGeneration.objects.select_for_update().get_or_create(pk=1)[0]
    if current.number != since_generation:
        return None
    page, created = StoredPage.objects.update_or_create(
        path=path,
        defaults={
            "body": body,
            "content_type": content_type,
            "etag": etag_of(body),
            "rendered_at": timezone.now(),
        },
    )
    if not created:  # a new page (the usual case after an invalidation) has none
        page.dependencies.all().delete()
    # One statement run for each item: building a model object for each cost
    # a render more than the insert.
    with connection.cursor() as cursor:
        cursor.executemany(
            _dependency_sql(connection.vendor),
            [(page.pk, ct, pk) for ct, pk in shown],
        )
    if _cache_is_shared_memory():
        transaction.on_commit(lambda: _forget_cached([path]))
    return Page(
        body.encode(),
        content_type,
        page.etag,
        http_date(page.rendered_at.timestamp()),
    )


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
    with transaction.atomic():
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
        StoredPage.objects.filter(path__in=paths).delete()
    if paths:
        _forget_cached(paths)
        transaction.on_commit(lambda: _forget_cached(paths))
    render = sorted(set(paths) | set(also_render))
    if render:
        # A shared cache may hold any of them, the item's own page included.
        purge_queue(render)
        # Robust: a task queue that is down must not turn a committed approval
        # into an error page; a page not rendered now is rendered on its next
        # visit (a miss renders and stores).
        transaction.on_commit(lambda: _render_later(render), robust=True)
    return paths


def page_forget(paths) -> None:
    """Delete stored copies without a change of content (tools, benchmarks)."""
    StoredPage.objects.filter(path__in=paths).delete()
    _forget_cached(paths)


def _forget_cached(paths):
    if _cache_is_shared_memory():
        cache.delete_many(
            [prefix + path for path in paths for prefix in (CACHE_PREFIX, ETAG_PREFIX)]
        )


def _render_later(paths):
    from .tasks import pages_render

    pages_render.enqueue(list(paths))
