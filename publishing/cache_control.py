"""The ``Cache-Control`` header of a stored page, from settings.

The default (every number 0) is ``public, no-cache``: a browser or a proxy may
keep the page but asks again each time (a 304 costs little), so a site with no
purging cache in front never shows a page an approval replaced. With
``EDGE_CACHE_S_MAXAGE`` a shared cache (Varnish, a CDN) keeps the page for that
long without asking; the purge after each approval (``publishing.purging``) is
what keeps that safe. See docs/caching.md.
"""

from functools import lru_cache

from django.conf import settings

# What a response that must not be kept without asking again carries.
REVALIDATE = "public, no-cache"


@lru_cache
def _header(max_age: int, s_maxage: int, stale_while: int, stale_if_error: int):
    if not (max_age or s_maxage):
        return REVALIDATE
    parts = ["public", f"max-age={max_age}"]
    if s_maxage:
        parts.append(f"s-maxage={s_maxage}")
    if stale_while:
        parts.append(f"stale-while-revalidate={stale_while}")
    if stale_if_error:
        parts.append(f"stale-if-error={stale_if_error}")
    return ", ".join(parts)


def cache_control(*, stored: bool = True) -> str:
    """The header for a stored page (a hit, or a miss that was stored).

    A page rendered but not stored (content changed while it rendered) may show
    the old state, and its purge may already have run: nobody may keep it.
    """
    if not stored:
        return REVALIDATE
    return _header(
        settings.EDGE_CACHE_MAX_AGE,
        settings.EDGE_CACHE_S_MAXAGE,
        settings.EDGE_CACHE_STALE_WHILE_REVALIDATE,
        settings.EDGE_CACHE_STALE_IF_ERROR,
    )
