"""The coordinators' queue at volume (100,000 inquiries and more).

- Search: an exact reference, e-mail address or phone number is looked up
  through its index; anything else (a name, part of a reference) falls back to
  the admin's substring search over every search field.
- Counting: the paginator's count is cached for a minute per set of filters, so
  turning pages does not count the table each time; the admin's second, "full"
  count is off. Deep pages read their keys through the ordering index first.
- Filters: the countries present are read from the country index.
"""

import hashlib
import re

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models.functions import Upper
from django.db.models.lookups import Exact
from django.utils.functional import cached_property

from .countries import COUNTRY_NAMES, country_codes_named
from .models import REFERENCE_ALPHABET, Inquiry

COUNT_SECONDS = 60
REFERENCE = re.compile(rf"CFX-[{REFERENCE_ALPHABET}]{{4}}-[{REFERENCE_ALPHABET}]{{4}}")
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
PHONE = re.compile(r"\+?[\d\s().-]{6,24}")


class QueuePaginator(Paginator):
    """Counts once a minute per set of filters; reads deep pages by key first.

    Deep pages (``?p=999``) select the 50 primary keys through the ordering
    index alone, then load those rows, instead of fetching and throwing away
    every wide row before the offset.
    """

    deferred_join_from = 500

    def __init__(self, *args, count_key: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.count_key = count_key

    @cached_property
    def count(self):
        if not self.count_key:
            return self.object_list.count()
        key = f"inquiries:queue-count:{self.count_key}"
        count = cache.get(key)
        if count is None:
            count = self.object_list.count()
            cache.set(key, count, COUNT_SECONDS)
        return count

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        if bottom < self.deferred_join_from:
            return self._get_page(self.object_list[bottom:top], number, self)
        keys = list(self.object_list.values_list("pk", flat=True)[bottom:top])
        rows = self.object_list.order_by().in_bulk(keys)
        return self._get_page([rows[key] for key in keys if key in rows], number, self)


def email_matches(address: str):
    """UPPER(email) = 'ADDRESS': the expression of the e-mail index on both
    databases (``iexact`` becomes LIKE on SQLite, which no index serves)."""
    return Exact(Upper("email"), address.upper())


def exact_search(queryset, term: str):
    """The queryset narrowed to an exact reference, e-mail or phone, or None."""
    term = term.strip()
    if REFERENCE.fullmatch(term.upper()):
        return queryset.filter(reference=term.upper())
    if EMAIL.fullmatch(term):
        return queryset.filter(email_matches(term))
    if PHONE.fullmatch(term):
        digits = re.sub(r"\D", "", term)
        if term.startswith("00"):
            digits = digits[2:]
        return queryset.filter(phone="+" + digits)
    return None


def countries_present():
    """(code, name) of the countries inquiries came from, sorted by name.

    Not cached: a new country must be filterable at once. DISTINCT over the
    country index is an index-only read.
    """
    codes = Inquiry.objects.order_by("country").values_list("country", flat=True)
    return sorted(
        ((code, COUNTRY_NAMES.get(code, code)) for code in codes.distinct() if code),
        key=lambda choice: choice[1],
    )


class QueueAtVolumeMixin:
    """For ``InquiryAdmin``: indexed search, cached counts, no full count, and an
    inquiry page that loads its inquiry once, with its cancer type."""

    paginator = QueuePaginator
    show_full_result_count = False

    def get_queryset(self, request):
        # The same joins as the list (the changelist skips list_select_related
        # once a queryset has any): the inquiry page shows the cancer type.
        return super().get_queryset(request).select_related(*self.list_select_related)

    def get_object(self, request, object_id, from_field=None):
        # change_view asks twice per request (our context, then Django's form).
        loaded = request.__dict__.setdefault("_inquiries_loaded", {})
        key = (object_id, from_field)
        if key not in loaded:
            loaded[key] = super().get_object(request, object_id, from_field)
        return loaded[key]

    def get_paginator(self, request, queryset, per_page, orphans=0, **kwargs):
        if request.GET.get("q"):
            # Searches are many and short-lived: an exact match counts through
            # a unique index, and caching each term's count would only fill
            # the cache.
            return Paginator(queryset, per_page, orphans, **kwargs)
        # One count per set of filters (and user, for "assigned to me"),
        # whatever the page or the column sorted by.
        filters = sorted(
            (name, value)
            for name, value in request.GET.items()
            if name not in ("p", "o", "e")
        )
        digest = hashlib.sha256(repr((request.user.pk, filters)).encode())
        return self.paginator(
            queryset, per_page, orphans, count_key=digest.hexdigest(), **kwargs
        )

    def get_search_results(self, request, queryset, search_term):
        narrowed = exact_search(queryset, search_term)
        if narrowed is not None:
            return narrowed, False
        found, duplicates = super().get_search_results(request, queryset, search_term)
        # The row stores a code: a country's name finds its inquiries too.
        codes = country_codes_named(search_term)
        if codes:
            found = found | queryset.filter(country__in=codes)
        return found, duplicates
