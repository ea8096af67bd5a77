"""The sections of the demo's main guide, "What is CIK therapy?".

The evidence part (benefits and limits, key numbers, who it is for) is in
``cik_evidence``, placed in the middle of this list.
"""

from .catalogue import GENERAL_DISCLAIMER
from .cik_evidence import CIK_EVIDENCE_SECTIONS
from .cik_facts import CIK_FACT_SECTIONS

CIK_GUIDE_SECTIONS = [
    {
        "kind": "key_points",
        "heading": "At a glance",
        "items": [
            {
                "text": (
                    "The treatment uses your own immune cells. A laboratory grows "
                    "them in large numbers, and they are given back to you to "
                    "attack the tumour."
                )
            },
            {
                "text": (
                    "No regulator in the UK, the EU or the US has approved it, and "
                    "it is not standard care there: the main cancer guidelines do "
                    "not recommend it. "
                    "Outside trials, it is offered mainly in China and elsewhere "
                    "in East Asia."
                )
            },
            {
                "text": (
                    "The evidence is strongest in the commonest liver cancer, "
                    "hepatocellular carcinoma (HCC), after surgery or ablation. "
                    "Even there it is mixed: in one trial the cancer came back "
                    "later with CIK, but people did not live longer."
                )
            },
            {
                "text": (
                    "Many trials were small, run in one country and open to bias, "
                    "so how much it helps is uncertain."
                )
            },
            {
                "text": (
                    "Side effects in trials were usually mild. Unlike CAR-T "
                    "therapy, it does not carry a risk of cytokine release "
                    "syndrome (CRS), a serious inflammatory reaction."
                )
            },
            {
                "text": (
                    "It is given alongside surgery, ablation or chemotherapy, "
                    "rarely on its own, as several infusions over weeks or months."
                )
            },
        ],
    },
    {
        "kind": "rich_text",
        "heading": "What is CIK cell therapy?",
        "body": (
            "<p>CIK stands for cytokine-induced killer. It is a kind of adoptive "
            "cellular immunotherapy: a treatment that takes immune cells from a "
            "patient, makes them stronger outside the body and then returns "
            "them.</p>"
            "<p>It happens in three stages:</p>"
            "<ol>"
            "<li>A sample of your blood is taken.</li>"
            "<li>In a laboratory, certain immune cells are separated from the "
            "sample and switched on with <strong>cytokines</strong>, the chemical "
            "messengers immune cells use to signal to each other. The cells then "
            "multiply.</li>"
            "<li>The grown cells are given back to you through a drip into a vein. "
            "In your body, they look for tumour cells and destroy them.</li>"
            "</ol>"
        ),
    },
    {
        "kind": "pull_quote",
        "quote": (
            "CIK therapy gives your own immune system extra strength against the "
            "tumour, using cells grown from nobody's blood but yours."
        ),
        "attribution": "",
    },
    {
        "kind": "card_grid",
        "heading": "Your own cells, with two sets of skills",
        "intro": "",
        "items": [
            {
                "title": "Autologous: made from your own blood",
                "text": (
                    "The cells come from your own peripheral blood mononuclear "
                    "cells (PBMCs), a group of white blood cells that can be "
                    "separated from a blood sample. Autologous means the cells are "
                    "yours.\n\n"
                    "No donor is involved. So there is no donor to match, and no "
                    "risk of graft-versus-host reactions, in which donated cells "
                    "attack the body that receives them."
                ),
            },
            {
                "title": "Part T cell, part NK cell",
                "text": (
                    "CIK cells are a mixed group. Many carry two markers on their "
                    "surface at once: CD3, found on T cells, and CD56, found on "
                    "natural killer (NK) cells.\n\n"
                    "This mix lets them kill without first checking a cell's "
                    "MHC identity tag (MHC-unrestricted killing). In practice, "
                    "they can act on cancer cells whatever a person's tissue type "
                    "(HLA type)."
                ),
            },
        ],
    },
    {
        "kind": "card_grid",
        "heading": "How CIK cells attack cancer",
        "intro": (
            "CIK cells use several methods at the same time. A cancer that slips "
            "past one of them can still be caught by another, so they are harder "
            "to escape than a treatment that relies on a single method."
        ),
        "items": [
            {
                "title": "Killing on contact",
                "text": (
                    "When a CIK cell touches a tumour cell, it releases two "
                    "proteins, perforin and granzyme B. Perforin makes holes in "
                    "the cancer cell's outer membrane. Granzyme B passes through "
                    "them and starts apoptosis, the process in which a cell shuts "
                    "itself down and dies."
                ),
            },
            {
                "title": "Sending out signals",
                "text": (
                    "Once switched on, CIK cells release the cytokines IFN-γ "
                    "(interferon gamma), TNF-α (tumour necrosis factor alpha) and "
                    "IL-2 (interleukin-2) into the tissue around the tumour. These "
                    "signals slow the tumour's growth and call more immune cells "
                    "to the area."
                ),
            },
            {
                "title": "No identity check needed",
                "text": (
                    "Ordinary T cells only attack a cell that shows them a piece of "
                    "protein on a surface molecule called MHC class I (in people it "
                    "is also called HLA). Some cancers hide by making less of it. "
                    "CIK cells do not depend on it, so they can still kill cancer "
                    "cells that hide this way."
                ),
            },
            {
                "title": "The NKG2D pathway",
                "text": (
                    "CIK cells also carry a receptor called NKG2D. It attaches to "
                    "MICA/MICB, stress molecules that many tumour cells show in "
                    "large amounts on their surface. This gives CIK cells a second "
                    "way to recognise cancer cells, separate from the T-cell "
                    "receptor."
                ),
            },
        ],
    },
    *CIK_EVIDENCE_SECTIONS,
    *CIK_FACT_SECTIONS,
    {
        "kind": "related_guides",
        "heading": "More guides about CIK cell therapy",
        "intro": (
            "Find out how CIK cells are made, what the research shows in liver "
            "cancer, and where CIK stands next to CAR-T."
        ),
    },
    {
        "kind": "faq",
        "heading": "Questions patients often ask",
        "intro": (
            "Answers to the questions we hear most often from patients and families "
            "who are new to CIK therapy."
        ),
        "items": [
            {"faq_entry": "is-cik-therapy-immunotherapy"},
            {"faq_entry": "cik-or-car-t"},
            {"faq_entry": "cik-alone-or-combined"},
            {"faq_entry": "where-is-cik-therapy-available"},
            {"faq_entry": "does-insurance-cover-cik-therapy"},
        ],
    },
    {
        "kind": "card_grid",
        "heading": "How CancerFax can help",
        "intro": (
            "CancerFax helps people with cancer find their way to specialist care. "
            "We explain the choices open to patients and families, help them "
            "put their medical records in order, deal with hospitals and, when it "
            "makes sense, plan treatment in another country."
        ),
        "items": [
            {
                "title": "Medical record review",
                "text": (
                    "We gather your reports, scans, pathology and biomarker results "
                    "and your treatment history, and arrange them so that "
                    "specialists can review your case in an orderly way."
                ),
            },
            {
                "title": "Eligibility checks",
                "text": (
                    "We contact hospitals or clinical trial teams to find out "
                    "whether your case could go forward to further screening."
                ),
            },
            {
                "title": "Talking to hospitals",
                "text": (
                    "We help arrange appointments, send documents, translate, and "
                    "speak directly with hospitals' international patient "
                    "departments."
                ),
            },
            {
                "title": "Travel and admission",
                "text": (
                    "If you come from abroad, we help with the practical side: "
                    "planning the journey, what to expect when you are admitted, "
                    "and support on the ground."
                ),
            },
            {
                "title": "Other treatments and trials",
                "text": (
                    "If this treatment does not suit you, we help you look at other "
                    "treatments, trials or other specialist care that might."
                ),
            },
            {
                "title": "One contact from start to finish",
                "text": (
                    "From your first question to follow-up after treatment, one "
                    "coordinator is your family's main point of contact."
                ),
            },
        ],
    },
    {
        "kind": "disclaimer",
        "intro": (
            "CancerFax cannot promise that you will get a treatment, that you will "
            "be found eligible, or what the result will be. What we do is help you "
            "get reliable information, an organised review of your case, and a "
            "route to the right specialists."
        ),
    },
    {
        "kind": "call_to_action",
        "heading": "Could CIK therapy be right for you?",
        "intro": (
            "Send us your medical records. We will look at your type and stage of "
            "cancer and the treatment you have had so far, and tell you whether "
            "CIK therapy, on its own or with other treatments, may be worth "
            "considering. If it is, we can introduce you to specialist centres in "
            "China or India."
        ),
        "button_label": "Ask about CIK therapy",
    },
    {"kind": "disclaimer", "intro": GENERAL_DISCLAIMER},
]
