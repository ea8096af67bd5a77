"""Load the demo content: the CIK therapy guide, what it links to, and demo users.

Records are matched by slug (sections by guide and order, items by section and
order), and saved only when a value differs, so a second run changes nothing and
creates nothing twice. Sections and items that are no longer in the data are
removed from the demo guides; content that is not part of the demo is left alone.

Demo users have published, development-only passwords. They are created only when
DEBUG is on or ``--users`` is passed, and an existing user's password is never
reset.
"""

from collections import Counter

from django.apps import apps
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.urls import reverse

from cancerfax.content import PublicationStatus
from cancerfax.fields import RichTextField
from cancerfax.sanitize import clean_html
from faq.models import FaqEntry
from glossary import demo_content as glossary_demo
from glossary.models import GlossaryTerm
from guides import demo_citations, demo_content
from guides.demo_review import approve_demo_content
from guides.demo_translations import translate_demo_content
from guides.demo_users import demo_users_load, demo_users_report
from guides.models import (
    CancerIndication,
    Citation,
    Fact,
    Guide,
    Section,
    SectionItem,
)
from images.demo import DEMO_IMAGES
from images.models import Image
from images.uploads import image_file_store
from publishing.store import pages_invalidated_once
from reviews.citing import marker_keys
from topics.models import Topic
from trust import demo_content as trust_demo
from trust.models import TrustPage

SECTION_FIELDS = ("heading", "intro", "body", "quote", "attribution", "button_label")
ITEM_FIELDS = ("title", "text", "figure", "group", "source")
ACTIONS = ("created", "updated", "unchanged", "removed")
# A demo fact names only the fields of its kind; the others are kept empty.
FACT_DEFAULTS = {
    "text": "", "regulator": "", "country": "", "approval_status": "",
    "frequency": "", "figure": "", "includes": "", "questions": "", "link": "",
    "checked_on": None, "how_checked": "",
}  # fmt: skip


def guide_citation_keys(data) -> list[str]:
    """The guide's reference list: its listed keys and every key its text cites
    (the list is what protects a cited source from deletion)."""
    texts = [data["lede"]]
    for section in data["sections"]:
        texts += [section.get(name, "") for name in SECTION_FIELDS]
        for item in section.get("items", []):
            texts += [item.get(name, "") for name in ITEM_FIELDS]
    cited = [key for text in texts for key in marker_keys(text)]
    return list(dict.fromkeys([*data.get("references", []), *cited]))


class Command(BaseCommand):
    help = (
        "Create or update the demo content (the CIK therapy guide, related guides, "
        "cancer types and questions) and, in development, one demo user per role. "
        "Safe to run more than once."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--users",
            action="store_true",
            help=(
                "Create the demo users even when DEBUG is off. Their passwords are "
                "published: never use this on a server others can reach."
            ),
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Report what would change, then roll everything back.",
        )

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        self.tally = Counter()
        self.created = set()
        with_users = settings.DEBUG or options["users"]

        # One invalidation of stored pages for the whole load, not one per row.
        with transaction.atomic(), pages_invalidated_once():
            self.load_content()
            accounts = demo_users_load(self.record) if with_users else []
            # Apps above guides add their demo data here (they may not be imported).
            for config in apps.get_app_configs():
                if hasattr(config, "load_demo"):
                    accounts += config.load_demo(stdout=None, with_users=with_users)
            # Patients only see approved versions: without this the demo site
            # would show no guide at all.
            approve_demo_content(stdout=self.stdout if self.verbosity else None)
            translate_demo_content(stdout=self.stdout if self.verbosity else None)
            if options["dry_run"]:
                transaction.set_rollback(True)

        self.report_tally()
        if options["dry_run"]:
            self.say(self.style.NOTICE("Dry run: nothing was saved."))
        elif accounts:
            demo_users_report(self.say, self.style, accounts, self.site)
        elif not with_users:
            self.say(
                "No demo users: DEBUG is off. Pass --users to create them anyway "
                "(development only)."
            )

    # Content

    def load_content(self):
        # First: every text below may cite them, and is validated when saved.
        citations = {
            key: self.sync(Citation, {"doi": data["doi"]}, {"key": key, **data})
            for key, data in demo_citations.CITATIONS.items()
        }
        topics = {
            data["slug"]: self.sync(
                Topic,
                {"slug": data["slug"]},
                {
                    "name": data["name"],
                    "description": data["description"],
                    "order": data["order"],
                },
            )
            for data in demo_content.TOPICS
        }
        faq_entries = {
            data["slug"]: self.sync(
                FaqEntry,
                {"slug": data["slug"]},
                {
                    "question": data["question"],
                    "answer": data["answer"],
                    "topic": topics[data["topic"]],
                    "order": data["order"],
                    "status": PublicationStatus.PUBLISHED,
                },
            )
            for data in demo_content.FAQ_ENTRIES
        }
        indications = {
            data["slug"]: self.sync(
                CancerIndication,
                {"slug": data["slug"]},
                {
                    "name": data["name"],
                    "summary": data["summary"],
                    "evidence_overview": data["evidence_overview"],
                    "evidence_strength": data["evidence_strength"],
                    "meta_description": data["meta_description"],
                    "order": data["order"],
                    "status": PublicationStatus.PUBLISHED,
                },
            )
            for data in demo_content.INDICATIONS
        }
        images = self.load_images()
        guides = {
            data["slug"]: self.sync(
                Guide,
                {"slug": data["slug"]},
                {
                    "lead_image": images.get(data.get("lead_image")),
                    "title": data["title"],
                    "topic": topics[data["topic"]],
                    "lede": data["lede"],
                    "meta_description": data["meta_description"],
                    "featured": data["featured"],
                    "status": PublicationStatus.PUBLISHED,
                },
            )
            for data in demo_content.GUIDES
        }

        facts = {
            data["slug"]: self.sync(
                Fact,
                {"slug": data["slug"]},
                {
                    **FACT_DEFAULTS,
                    **data,
                    "source": citations.get(data.get("source")),
                    "status": PublicationStatus.PUBLISHED,
                },
            )
            for data in demo_content.FACTS
        }

        # Links need every record to exist first: guides point at each other.
        for data in demo_content.GUIDES:
            guide = guides[data["slug"]]
            self.sync_links(
                guide.related_guides, [guides[slug] for slug in data["related_guides"]]
            )
            self.sync_links(
                guide.citations,
                [citations[key] for key in guide_citation_keys(data)],
            )
        for data in demo_content.INDICATIONS:
            self.sync_links(
                indications[data["slug"]].guides,
                [guides[slug] for slug in data["guides"]],
            )

        for data in trust_demo.PAGES:
            self.sync(
                TrustPage,
                {"kind": data["kind"]},
                {**data, "status": PublicationStatus.PUBLISHED},
            )
        for data in glossary_demo.TERMS:
            self.sync(
                GlossaryTerm,
                {"slug": data["slug"]},
                {**data, "status": PublicationStatus.PUBLISHED},
            )

        for data in demo_content.GUIDES:
            self.sync_sections(
                guides[data["slug"]],
                data["sections"],
                indications=indications,
                faq_entries=faq_entries,
                facts=facts,
                citations=citations,
                images=images,
            )

    def load_images(self):
        """The demo's diagrams (drawn by ``images.demo``), keyed by their key."""
        images = {}
        for data in DEMO_IMAGES:
            drawn = SimpleUploadedFile(f"{data['key']}.png", data["draw"]())
            fields = {k: v for k, v in data.items() if k not in ("key", "draw")}
            images[data["key"]] = self.sync(
                Image,
                {"title": data["title"]},
                {**fields, "file": image_file_store(drawn)},
            )
        return images

    def sync_sections(
        self, guide, sections, *, indications, faq_entries, facts, citations, images
    ):
        orders = []
        for position, data in enumerate(sections, start=1):
            order = position * 10
            orders.append(order)
            section = self.sync(
                Section,
                {"guide": guide, "order": order},
                {
                    "kind": data["kind"],
                    **{name: data.get(name, "") for name in SECTION_FIELDS},
                    "image": images.get(data.get("image")),
                },
            )
            items = data.get("items", [])
            for item_order, item in enumerate(items, start=1):
                saved = self.sync(
                    SectionItem,
                    {"section": section, "order": item_order},
                    {
                        **{name: item.get(name, "") for name in ITEM_FIELDS},
                        "indication": indications.get(item.get("indication")),
                        "faq_entry": faq_entries.get(item.get("faq_entry")),
                        "fact": facts.get(item.get("fact")),
                    },
                )
                self.sync_links(
                    saved.citations,
                    [citations[key] for key in item.get("citations", [])],
                )
            self.remove(section.items.exclude(order__in=range(1, len(items) + 1)))
        self.remove(guide.sections.exclude(order__in=orders))

    def sync(self, model, lookup, values):
        """Return the ``model`` row matching ``lookup``, holding ``values``.

        The row is saved only when it is new or a value differs. Rich text is
        compared as it will be stored, after sanitising.
        """
        obj = model._default_manager.filter(**lookup).first()
        action = "unchanged"
        if obj is None:
            obj = model(**lookup)
            action = "created"
        for name, value in values.items():
            field = model._meta.get_field(name)
            if isinstance(field, RichTextField):
                value = clean_html(value)
            wanted = value.pk if field.is_relation and value is not None else value
            if getattr(obj, field.attname) != wanted:
                setattr(obj, name, value)
                if action == "unchanged":
                    action = "updated"
        if action != "unchanged":
            obj.full_clean()
            obj.save()
        self.record(model, action, obj)
        return obj

    def sync_links(self, manager, objects):
        if {obj.pk for obj in manager.all()} != {obj.pk for obj in objects}:
            manager.set(objects)
            instance = manager.instance
            # Links of a record created in this run are part of its creation.
            if (instance._meta.label, instance.pk) not in self.created:
                self.record(instance.__class__, "updated", instance)

    def remove(self, queryset):
        for obj in queryset:
            self.record(queryset.model, "removed", obj)
        queryset.delete()

    # Output

    def say(self, message, level=1):
        if self.verbosity >= level:
            self.stdout.write(message)

    def record(self, model, action, obj):
        self.tally[model._meta.verbose_name_plural, action] += 1
        if action == "created":
            self.created.add((model._meta.label, obj.pk))
        if action != "unchanged":
            self.say(f"  {action} {model._meta.verbose_name}: {obj}", level=2)

    @property
    def site(self):
        # scripts/dev sets SITE_URL from BIND: the printed addresses open.
        return settings.SITE_URL.rstrip("/")

    def report_tally(self):
        names = dict.fromkeys(name for name, _action in self.tally)
        for name in names:
            counts = ", ".join(
                f"{self.tally[name, action]} {action}"
                for action in ACTIONS
                if self.tally[name, action]
            )
            self.say(f"{str(name).capitalize()}: {counts}")
        guide_url = reverse("guides:detail", kwargs={"slug": demo_content.CIK_GUIDE})
        self.say(self.style.SUCCESS(f"Demo guide: {self.site}{guide_url}"))
