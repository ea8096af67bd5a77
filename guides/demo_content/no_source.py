"""Sentences of the demo that make a claim without citing a source, and why each
needs none: the demo reviewer's reasons, kept in the review record when
``load_demo`` approves the demo content (see ``reviews.evidence``).

A sentence missing here that the evidence check flags stops ``load_demo``:
cite a source in it or add it here with an honest reason.
"""

SEED_CULTURE_TIME = (
    "The seed guide's typical time for the laboratory step, stated as typical "
    "and varying by laboratory; no checked source yet, so none is cited "
    "(shared/seed/references.md, note)."
)
ADVICE = "Advice to ask the treating doctor; it states no finding."

DIAGRAM_STEP = (
    "Describes a step of the demo's diagram for readers who cannot see it; the "
    "number only orders the steps, and the guide's text cites the treatment."
)

NO_SOURCE_REASONS = {
    "Step 1: a sample of your blood is taken.": DIAGRAM_STEP,
    "Step 2: cells from it grow in a laboratory, usually for about 14–21 days.": (
        SEED_CULTURE_TIME
    ),
    "Step 3: the cells go back into your body through several drips into a vein.": (
        DIAGRAM_STEP
    ),
    "No study can promise that a treatment carries no serious risk.": (
        "States a limit of all evidence, not a finding."
    ),
    "This usually takes about 14–21 days; each laboratory sets its own time.": (
        SEED_CULTURE_TIME
    ),
    "The cells grow in a laboratory, usually for about 14–21 days.": (
        SEED_CULTURE_TIME
    ),
    "Over about 14–21 days the cells multiply many times.": SEED_CULTURE_TIME,
    (
        "If a doctor suggests either treatment, ask what the evidence shows for "
        "your own cancer and what the risks are for you."
    ): ADVICE,
    "So we cannot say that one is safer or works better than the other.": (
        "Says what the cited studies do not show; it claims no difference."
    ),
}
