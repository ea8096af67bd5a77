"""The practical facts of the CIK guide: approval, schedule, side effects, who
should not have it, cost and trials, and the sections that show them.

Figures and side effects cite only checked sources (``shared/seed/references.md``):
side effects from entry 12 (``jcrco-2015``), graft-versus-host disease from
entry 11 (``jcp-2020``; the trial count it supports is a key number of the
guide). No checked source covers approval status or the 14-21 day culture, so
those facts say how they were checked and cite nothing. There is no checked
cost figure: the cost fact says what a course includes, how quotes are obtained
and what to ask, and holds dated figures once the team has them.
"""

import datetime

# The day the approval status was last checked, fixed so a second load_demo run
# changes nothing.
CHECKED_ON = datetime.date(2026, 12, 6)

REGULATOR_CHECK = (
    "No study we cite reports an approval by the {regulator}. The main cancer "
    "guidelines in the West (NCCN, ESMO) do not list CIK as a standard treatment. "
    "The {regulator}'s own list of approved medicines is the final word."
)


def regulatory(slug, country, regulator, link):
    return {
        "slug": slug,
        "kind": "regulatory",
        "title": f"{country}: {regulator}",
        "country": country,
        "regulator": regulator,
        "approval_status": "not_approved",
        "checked_on": CHECKED_ON,
        "how_checked": REGULATOR_CHECK.format(regulator=regulator),
        "link": link,
    }


def side_effect(slug, title, source="jcrco-2015", **values):
    return {
        "slug": slug,
        "kind": "side_effect",
        "title": title,
        "frequency": "seen regularly after infusions, and usually mild",
        "source": source,
        **values,
    }


TRIAL_QUESTIONS = (
    "Is the trial taking patients now, and where?\n"
    "What treatment does the comparison group get?\n"
    "Who pays for the treatment, tests and travel?\n"
    "Can I leave the trial, and what happens then?"
)

FACTS = [
    regulatory(
        "cik-approval-uk", "United Kingdom", "MHRA", "https://products.mhra.gov.uk/"
    ),
    regulatory(
        "cik-approval-eu",
        "European Union",
        "EMA",
        "https://www.ema.europa.eu/en/medicines",
    ),
    regulatory(
        "cik-approval-us",
        "United States",
        "FDA",
        "https://www.fda.gov/vaccines-blood-biologics/cellular-gene-therapy-products/"
        "approved-cellular-and-gene-therapy-products",
    ),
    {
        "slug": "clinicaltrials-gov",
        "kind": "trials",
        "title": "ClinicalTrials.gov",
        "text": (
            "The US register of clinical trials, open to everyone. Search for "
            "“cytokine-induced killer” and your type of cancer. Each trial shows "
            "whether it is taking patients, where it runs and who to contact."
        ),
        "link": "https://clinicaltrials.gov/",
        "questions": TRIAL_QUESTIONS,
    },
    {
        "slug": "who-ictrp",
        "kind": "trials",
        "title": "WHO trial search (ICTRP)",
        "text": (
            "The World Health Organization's search looks at trial lists from many "
            "countries at once, China's too. Use the same search words."
        ),
        "link": "https://trialsearch.who.int/",
    },
    {
        "slug": "cik-cell-culture-time",
        "kind": "schedule",
        "title": "Growing the cells",
        "figure": "14–21 days",
        "text": (
            "This is the time between the blood sample and the cells being ready "
            "for the first infusion."
        ),
        "how_checked": (
            "This is the typical time given for this step in the page this guide "
            "was first based on. None of the studies we cite reports it, so ask "
            "the centre how long its laboratory takes."
        ),
    },
    {
        "slug": "cik-infusions-and-stay",
        "kind": "schedule",
        "title": "Infusions and hospital stay",
        "text": (
            "Most infusions are given in an outpatient clinic or a day ward, so you "
            "may not need to stay overnight. A course is several infusions spread "
            "over weeks or months."
        ),
    },
    side_effect("cik-side-effect-fever", "Fever"),
    side_effect("cik-side-effect-chills", "Chills"),
    side_effect("cik-side-effect-headache", "Headache"),
    side_effect("cik-side-effect-tiredness", "Tiredness (fatigue)"),
    side_effect(
        "cik-side-effect-gvhd",
        "Graft-versus-host disease",
        source="jcp-2020",
        frequency="seen in trials that used a donor's cells, not the patient's own",
        text="Donor cells can attack the body of the person who receives them.",
    ),
    {
        "slug": "cik-who-should-not",
        "kind": "not_suitable",
        "title": "The treating team decides",
        "text": (
            "None of the studies we cite sets out who should not have CIK therapy. "
            "The doctors at the centre decide from your records and how well you "
            "are at the time."
        ),
        "questions": (
            "Is there anything in my records that rules this treatment out?\n"
            "Would it delay a standard treatment I could have now?\n"
            "What happens if it does not work?"
        ),
    },
    {
        "slug": "cik-course-cost",
        "kind": "cost",
        "title": "What a course costs",
        "includes": (
            "Taking your blood sample\n"
            "Growing and testing the cells in the laboratory\n"
            "Each infusion\n"
            "Check-ups and tests during the course"
        ),
        "text": (
            "We have no checked price to show yet. A centre can only give a price "
            "once its doctors have seen your records. Send them to us with the "
            "inquiry form and we will ask the centres for a written quote."
        ),
        "questions": (
            "What does the quote include, and what costs extra?\n"
            "Is the price for the whole course or for each infusion?\n"
            "What happens to the cost if the plan changes or stops early?\n"
            "Are travel, a place to stay and an interpreter included?\n"
            "How long is the quote valid?"
        ),
    },
]


def shown(*slugs):
    return [{"fact": slug} for slug in slugs]


CIK_FACT_SECTIONS = [
    {
        "kind": "facts",
        "heading": "Is CIK therapy approved?",
        "intro": (
            "Approval means a medicines regulator has checked a treatment and "
            "allows its use. No regulator in the UK, the EU or the US has approved "
            "CIK therapy. Clinical trials test new treatments. The registers below "
            "show any CIK trial that is taking patients."
        ),
        "items": shown(
            "cik-approval-uk",
            "cik-approval-eu",
            "cik-approval-us",
            "clinicaltrials-gov",
            "who-ictrp",
        ),
    },
    {
        "kind": "facts",
        "heading": "What treatment involves",
        "intro": "",
        "items": shown(
            "cik-cell-culture-time",
            "cik-infusions-and-stay",
            "cik-side-effect-fever",
            "cik-side-effect-chills",
            "cik-side-effect-headache",
            "cik-side-effect-tiredness",
            "cik-side-effect-gvhd",
            "cik-who-should-not",
        ),
    },
    {
        "kind": "facts",
        "heading": "What it costs",
        "intro": "",
        "items": shown("cik-course-cost"),
    },
]
