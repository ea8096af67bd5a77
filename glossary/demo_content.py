"""Demo glossary: the medical words of the demo guides, in plain language."""

TERMS = [
    {
        "slug": "cik",
        "term": "CIK",
        "expansion": "cytokine-induced killer",
        "also_matches": "",
        "definition": (
            "Cytokine-induced killer cells: immune cells taken from a patient's "
            "blood, grown and activated in a laboratory, then given back to attack "
            "cancer cells."
        ),
    },
    {
        "slug": "cytokine",
        "term": "cytokine",
        "expansion": "",
        "also_matches": "cytokines",
        "definition": (
            "A chemical messenger that immune cells use to signal to each other. "
            "Some cytokines switch immune cells on."
        ),
    },
    {
        "slug": "adoptive-cell-therapy",
        "term": "adoptive cellular immunotherapy",
        "expansion": "",
        "also_matches": "adoptive cell therapy, adoptive immunotherapy",
        "definition": (
            "Treatment that takes immune cells from a patient, strengthens or "
            "multiplies them outside the body and returns them to fight the "
            "cancer."
        ),
    },
    {
        "slug": "pbmc",
        "term": "PBMCs",
        "expansion": "peripheral blood mononuclear cells",
        "also_matches": "PBMC",
        "definition": (
            "White blood cells with a single round nucleus, such as lymphocytes. "
            "CIK cells are grown from them."
        ),
    },
    {
        "slug": "nkg2d",
        "term": "NKG2D",
        "expansion": "",
        "also_matches": "",
        "definition": (
            "A receptor on CIK and natural killer cells. It recognises stress "
            "molecules (such as MICA and MICB) that many tumour cells carry, "
            "which lets CIK cells find them."
        ),
    },
    {
        "slug": "mhc",
        "term": "MHC",
        "expansion": "major histocompatibility complex",
        "also_matches": "",
        "definition": (
            "Molecules on the surface of cells that show the immune system what "
            "is inside them. Ordinary T cells need them to recognise a target; "
            "CIK cells do not."
        ),
    },
    {
        "slug": "hla",
        "term": "HLA",
        "expansion": "human leukocyte antigen",
        "also_matches": "",
        "definition": (
            "The human form of MHC. HLA types differ between people, which is "
            "why donated cells or organs usually need matching."
        ),
    },
    {
        "slug": "crs",
        "term": "CRS",
        "expansion": "cytokine release syndrome",
        "also_matches": "cytokine release syndrome",
        "definition": (
            "A serious inflammatory reaction with fever and low blood pressure "
            "that can follow CAR-T therapy."
        ),
    },
    {
        "slug": "hcc",
        "term": "HCC",
        "expansion": "hepatocellular carcinoma",
        "also_matches": "hepatocellular carcinoma",
        "definition": (
            "The most common cancer that starts in the liver itself, often in a "
            "liver already damaged by hepatitis B or C."
        ),
    },
    {
        "slug": "nsclc",
        "term": "NSCLC",
        "expansion": "non-small cell lung cancer",
        "also_matches": "non-small cell lung cancer",
        "definition": "The most common form of lung cancer.",
    },
    {
        "slug": "tace",
        "term": "TACE",
        "expansion": "transarterial chemoembolisation",
        "also_matches": "",
        "definition": (
            "A liver cancer treatment that sends chemotherapy into the artery "
            "feeding a tumour and then blocks that artery."
        ),
    },
    {
        "slug": "rfa",
        "term": "RFA",
        "expansion": "radiofrequency ablation",
        "also_matches": "",
        "definition": "A treatment that destroys a tumour with heat from a needle.",
    },
    {
        "slug": "randomised-controlled-trial",
        "term": "randomised controlled trial",
        "expansion": "",
        "also_matches": "randomised controlled trials, randomised trial",
        "definition": (
            "A study in which chance decides who gets the treatment being tested "
            "and who does not, so the groups can be compared fairly."
        ),
    },
    {
        "slug": "overall-survival",
        "term": "overall survival",
        "expansion": "",
        "also_matches": "",
        "definition": (
            "How long people in a study live, from a set starting point, whatever "
            "happens to the cancer."
        ),
    },
]
