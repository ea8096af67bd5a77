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
                    "them in large numbers. Then they are given back to you to "
                    "attack the tumour."
                )
            },
            {
                "text": (
                    "No regulator in the UK, the EU or the US has approved it. "
                    "It is not standard care there: the main cancer guidelines "
                    "do not recommend it. "
                    "Outside trials, it is offered mainly in China and elsewhere "
                    "in East Asia."
                )
            },
            {
                "text": (
                    "Most of the evidence is in the commonest liver cancer, "
                    "hepatocellular carcinoma (HCC), after surgery or ablation "
                    "[ref:ddt-2017]. Even there it is mixed. In one trial the "
                    "cancer came back later with CIK, but survival was no "
                    "different [ref:oncoimmunology-2016]."
                )
            },
            {
                "text": (
                    "Many trials were small, run in one country and open to bias "
                    "[ref:jir-2018]. So how much it helps is uncertain."
                )
            },
            {
                "text": (
                    "Side effects in the studies were mostly mild: fever, chills, "
                    "headache and tiredness after an infusion [ref:jcrco-2015]. "
                    "Those reports do not name cytokine release syndrome (CRS), a "
                    "serious reaction seen after CAR-T. No study can promise that "
                    "a treatment carries no serious risk."
                )
            },
            {
                "text": (
                    "In most studies it was given with other treatment, such as "
                    "surgery, ablation or chemotherapy [ref:jir-2018] "
                    "[ref:gastroenterology-2015]. A course is several infusions "
                    "over weeks or months."
                )
            },
        ],
    },
    {
        "kind": "rich_text",
        "heading": "What is CIK cell therapy?",
        "body": (
            "<p>CIK stands for cytokine-induced killer. It is a kind of adoptive "
            "cellular immunotherapy. Immune cells are taken from a patient, made "
            "stronger outside the body and then given back.</p>"
            "<p>It happens in three stages:</p>"
            "<ol>"
            "<li>A sample of your blood is taken.</li>"
            "<li>In a laboratory, some immune cells are taken out of the sample. "
            "They are switched on with <strong>cytokines</strong>, the chemical "
            "messengers immune cells use to signal to each other. The cells then "
            "multiply. This usually takes about 14–21 days; each laboratory "
            "sets its own time.</li>"
            "<li>The grown cells are given back to you through a drip into a vein. "
            "In your body, they look for tumour cells and destroy them.</li>"
            "</ol>"
        ),
    },
    {
        "kind": "figure",
        "image": "cik-path",
        "intro": "The three stages of CIK cell therapy, from blood sample to drip.",
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
                    "The cells are grown from your own peripheral blood "
                    "mononuclear cells (PBMCs) [ref:jca-2011]. These are white "
                    "blood cells that can be taken from a blood sample. Autologous "
                    "means the cells are yours.\n\n"
                    "No donor is involved, so there is no donor to match. "
                    "Graft-versus-host disease, where donor cells attack the body, "
                    "has been seen when CIK cells came from a donor "
                    "[ref:jcp-2020]. With your own cells, there is no donor."
                ),
            },
            {
                "title": "Part T cell, part NK cell",
                "text": (
                    "CIK cells are a mixed group. Many carry two markers on their "
                    "surface at once: CD3, found on T cells, and CD56, found on "
                    "natural killer (NK) cells [ref:ijms-2014].\n\n"
                    "This mix lets them kill without first checking a cell's "
                    "MHC identity tag (MHC-unrestricted killing). So they do not "
                    "need to match a person's tissue type (HLA type)."
                ),
            },
        ],
    },
    {
        "kind": "card_grid",
        "heading": "How CIK cells attack cancer",
        "intro": (
            "CIK cells have more than one way to find and kill cancer cells "
            "[ref:jca-2011]. They do not rely on a single target."
        ),
        "items": [
            {
                "title": "Killing on contact",
                "text": (
                    "When a CIK cell touches a tumour cell, it releases two "
                    "proteins, perforin and granzyme B. Perforin makes holes in "
                    "the cancer cell's outer layer. Granzyme B passes through "
                    "them and starts apoptosis. This is how a cell shuts itself "
                    "down and dies."
                ),
            },
            {
                "title": "Sending out signals",
                "text": (
                    "Once switched on, CIK cells release the cytokines IFN-γ "
                    "(interferon gamma), TNF-α (tumour necrosis factor alpha) and "
                    "IL-2 (interleukin-2) near the tumour. These signals slow the "
                    "tumour's growth. They also call more immune cells to the "
                    "area."
                ),
            },
            {
                "title": "No identity check needed",
                "text": (
                    "Ordinary T cells only attack a cell that shows them a piece of "
                    "protein on a surface molecule called MHC class I. In people "
                    "it is also called HLA. Some cancers hide by making less of "
                    "it. CIK cells do not depend on it [ref:ijms-2014]. So they "
                    "can still kill cancer cells that hide this way."
                ),
            },
            {
                "title": "The NKG2D pathway",
                "text": (
                    "CIK cells also carry a receptor called NKG2D. It attaches to "
                    "MICA/MICB, stress molecules that many tumour cells show on "
                    "their surface [ref:jca-2011]. This gives CIK cells a second "
                    "way to find cancer cells, apart from the T-cell receptor."
                ),
            },
        ],
    },
    {
        "kind": "figure",
        "image": "cik-nkg2d",
        "intro": (
            "The NKG2D receptor on a CIK cell attaches to MICA/MICB on a tumour "
            "cell [ref:jca-2011]."
        ),
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
