from django.contrib import admin

from .models import Synonym


@admin.register(Synonym)
class SynonymAdmin(admin.ModelAdmin):
    """Not reviewed: synonyms only widen a search, patients never read them."""

    list_display = ["phrase", "alternatives"]
    search_fields = ["phrase", "alternatives"]
