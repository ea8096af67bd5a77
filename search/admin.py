from django.contrib import admin

from .models import Synonym


@admin.register(Synonym)
class SynonymAdmin(admin.ModelAdmin):
    """Not reviewed: synonyms only choose among approved pages, and the results
    page never prints them (``tests/public_words/``)."""

    list_display = ["phrase", "alternatives"]
    search_fields = ["phrase", "alternatives"]
