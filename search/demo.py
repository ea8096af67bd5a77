"""The demo's synonyms: the words patients ask with, mapped to our pages' words.

Editors keep the real list in the admin (``Synonym``); ``load_demo`` writes
these (``SearchConfig.load_demo``). Alternatives only choose among approved
pages and are never shown.
"""

from .index import index_missing
from .models import Synonym

COST = "cost, price, fee, fees, pay, insurance, funding"
APPROVAL = (
    "approved, approval, regulator, licensed, FDA, EMA, MHRA, standard care, guidelines"
)
SIDE_EFFECTS = "side effects, side effect, fever, risks, safety"
TRIALS = "clinical trial, trials, registry, ClinicalTrials.gov, ICTRP"
ADVANCED = "advanced, metastatic, stage IV"

DEMO_SYNONYMS = {
    "cost": COST,
    "costs": COST,
    "price": COST,
    "how much": COST,
    "pay": COST,
    "afford": COST,
    "expensive": COST,
    "approved": APPROVAL,
    "fda": APPROVAL,
    "licensed": APPROVAL,
    "legal": APPROVAL,
    "side effects": SIDE_EFFECTS,
    "fever": SIDE_EFFECTS,
    "risks": SIDE_EFFECTS,
    "safe": SIDE_EFFECTS,
    "trial near me": TRIALS,
    "clinical trial": TRIALS,
    "clinical trials": TRIALS,
    "made": "manufactured, grown",
    "liver": "hepatocellular carcinoma, HCC",
    "stage 4": ADVANCED,
    "stage iv": ADVANCED,
    "stage four": ADVANCED,
}


def load_search_demo() -> None:
    for phrase, alternatives in DEMO_SYNONYMS.items():
        synonym = Synonym.objects.filter(phrase=phrase).first()
        if synonym is None:
            Synonym.objects.create(phrase=phrase, alternatives=alternatives)
        elif synonym.alternatives != alternatives:
            synonym.alternatives = alternatives
            synonym.save(update_fields=["alternatives"])
    index_missing()
