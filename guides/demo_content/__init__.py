"""Demo content for a new installation: the CIK therapy guide and what it links to.

Plain data, loaded by ``manage.py load_demo``. The text is the project's own,
written for patients and families; the facts and figures follow the page the
product was modelled on. Slugs are the keys the loader matches on: change a slug
and it creates a new record instead of updating the old one.

Section dictionaries name their kind and the fields that kind uses (see
``guides.sections.SECTION_KINDS``). Items refer to cancer types and questions by
slug.

One module per part: ``catalogue`` (slugs, topics, questions, cancer types),
``cik_guide`` and ``more_guides`` (sections of each guide); the guides and the demo
accounts are listed here.
"""

from cancerfax import roles

from .catalogue import (  # noqa: F401 - the loader and tests read them from here
    ACCESS_TOPIC,
    CIK_GUIDE,
    CIK_TOPIC,
    COMPARISON_GUIDE,
    FAQ_ENTRIES,
    GENERAL_DISCLAIMER,
    INDICATIONS,
    LIVER_GUIDE,
    MANUFACTURING_GUIDE,
    TOPICS,
)
from .cik_facts import FACTS  # noqa: F401 - the loader reads them from here
from .cik_guide import CIK_GUIDE_SECTIONS
from .more_guides import (
    COMPARISON_GUIDE_SECTIONS,
    LIVER_GUIDE_SECTIONS,
    MANUFACTURING_GUIDE_SECTIONS,
)

GUIDES = [
    {
        "slug": CIK_GUIDE,
        "title": "What is CIK therapy?",
        "topic": CIK_TOPIC,
        "featured": True,
        "lede": (
            "This guide explains cytokine-induced killer (CIK) cell therapy from "
            "the beginning: how it works, which cancers it has been studied in, "
            "and what the studies can and cannot tell you."
        ),
        "meta_description": (
            "CIK cell therapy explained for patients: how your own immune cells are "
            "grown and returned, which cancers it is used for, benefits and limits."
        ),
        "related_guides": [COMPARISON_GUIDE, MANUFACTURING_GUIDE, LIVER_GUIDE],
        "sections": CIK_GUIDE_SECTIONS,
        # Also its first figure: the page shows it once, and shares it.
        "lead_image": "cik-path",
        "references": [
            "ddt-2017",
            "oncotarget-2017",
            "bmc-2019",
            "oncotarget-2016",
            "jca-2011",
        ],
    },
    {
        "slug": COMPARISON_GUIDE,
        "title": "CIK and CAR-T compared",
        "topic": CIK_TOPIC,
        "featured": False,
        "lede": (
            "CIK and CAR-T are both made from a patient's own immune cells. They "
            "are made differently, find cancer in different ways and have "
            "different side effects. This guide sets them side by side."
        ),
        "meta_description": (
            "CIK and CAR-T cell therapy side by side: how each is made, how it "
            "finds cancer, its side effects and where the evidence is."
        ),
        "related_guides": [CIK_GUIDE, MANUFACTURING_GUIDE],
        "sections": COMPARISON_GUIDE_SECTIONS,
        "references": ["jca-2011", "ijms-2014", "jir-2018"],
    },
    {
        "slug": MANUFACTURING_GUIDE,
        "title": "How CIK cells are manufactured",
        "topic": CIK_TOPIC,
        "featured": False,
        "lede": (
            "CIK cells are grown for each patient from their own blood. This guide "
            "goes through each step, from the blood sample to the infusion, and "
            "the tests along the way."
        ),
        "meta_description": (
            "How CIK cells are made: blood collection, separating and activating "
            "the cells, about 14–21 days of growth, quality tests and infusion."
        ),
        "related_guides": [CIK_GUIDE, COMPARISON_GUIDE],
        "sections": MANUFACTURING_GUIDE_SECTIONS,
    },
    {
        "slug": LIVER_GUIDE,
        "title": "CIK therapy for liver cancer",
        "topic": CIK_TOPIC,
        "featured": False,
        "lede": (
            "Liver cancer is where CIK therapy has the most evidence. This guide "
            "explains when it is used, what the studies found and what they cannot "
            "yet tell us."
        ),
        "meta_description": (
            "CIK cell therapy for liver cancer (HCC): its use after surgery, TACE "
            "or RFA, what the studies found and their limits."
        ),
        "related_guides": [CIK_GUIDE, MANUFACTURING_GUIDE],
        "sections": LIVER_GUIDE_SECTIONS,
        "references": [
            "gastroenterology-2015",
            "oncoimmunology-2016",
            "ddt-2017",
            "oncotarget-2017",
            "jcrt-2018",
            "bmc-2019",
        ],
    },
]

# Development-only accounts. The passwords are public, here in the code: the
# loader creates these users only when DEBUG is on or when asked explicitly.
DEMO_USERS = [
    {
        "email": "admin@example.org",
        "display_name": "Demo administrator",
        "label": "Administrator (superuser)",
        "role": None,
        "is_superuser": True,
        "password": "admin-demo-only",
    },
    {
        "email": "demo-editor@example.org",
        "display_name": "Demo editor",
        "label": roles.MEDICAL_EDITOR,
        "role": roles.MEDICAL_EDITOR,
        "is_superuser": False,
        "password": "editor-demo-only",
    },
    {
        "email": "demo-reviewer@example.org",
        "display_name": "Dr Jordan Lee (demo)",
        "credentials": "MBBS, MRCP",
        "label": roles.MEDICAL_REVIEWER,
        "role": roles.MEDICAL_REVIEWER,
        "is_superuser": False,
        "password": "reviewer-demo-only",
    },
    {
        "email": "demo-coordinator@example.org",
        "display_name": "Demo coordinator",
        "label": roles.COORDINATOR,
        "role": roles.COORDINATOR,
        "is_superuser": False,
        "password": "coordinator-demo-only",
    },
]
