"""The sections of the three shorter demo guides: CIK and CAR-T compared, how
CIK cells are made, CIK therapy for liver cancer."""

from .catalogue import GENERAL_DISCLAIMER

COMPARISON_GUIDE_SECTIONS = [
    {
        "kind": "key_points",
        "heading": "At a glance",
        "items": [
            {
                "text": (
                    "Both treatments use your own immune cells, grown in a "
                    "laboratory and given back through a drip."
                )
            },
            {
                "text": (
                    "CAR-T cells are changed genetically to find one marker on the "
                    "cancer. CIK cells are not changed; cytokines switch them on."
                )
            },
            {
                "text": (
                    "CAR-T is used mainly for certain blood cancers. CIK has mostly "
                    "been studied in solid tumours, with other treatments "
                    "[ref:jcp-2020]."
                )
            },
            {
                "text": (
                    "CAR-T can cause serious reactions called CRS and ICANS. The "
                    "CIK reports we cite do not name them among its side effects "
                    "[ref:jcrco-2015]."
                )
            },
        ],
    },
    {
        "kind": "card_grid",
        "heading": "The main differences",
        "intro": "",
        "items": [
            {
                "title": "How the cells are made",
                "text": (
                    "CAR-T: T cells are given a new gene for a chimeric antigen "
                    "receptor (CAR).\n\n"
                    "CIK: a mix of immune cells is switched on and multiplied with "
                    "cytokines, with no genetic change."
                ),
            },
            {
                "title": "How they find cancer",
                "text": (
                    "CAR-T: the cells lock on to one antigen, for example CD19 on "
                    "some leukaemia and lymphoma cells.\n\n"
                    "CIK: the cells pick up stress signals such as MICA/MICB through "
                    "their NKG2D receptor, and kill without needing MHC "
                    "[ref:jca-2011]."
                ),
            },
            {
                "title": "Side effects",
                "text": (
                    "CAR-T: patients are watched closely in hospital for cytokine "
                    "release syndrome (CRS) and for effects on the nervous system "
                    "(ICANS).\n\n"
                    "CIK: infusions are usually given as an outpatient. The side "
                    "effects reported were mostly mild, such as fever and chills "
                    "[ref:jcrco-2015]."
                ),
            },
            {
                "title": "Where the evidence is",
                "text": (
                    "CAR-T: used for some blood cancers, such as certain "
                    "leukaemias, lymphomas and multiple myeloma.\n\n"
                    "CIK: studied in randomised trials, mostly in solid tumours and "
                    "many in China [ref:jir-2018]. Many were small, and in most the "
                    "risk of bias is unclear [ref:jir-2018]. Western guidelines "
                    "such as NCCN and ESMO do not include it."
                ),
            },
        ],
    },
    {
        "kind": "rich_text",
        "heading": "Which one might fit?",
        "body": (
            "<p>The two are rarely choices for the same patient. Which one, if "
            "either, makes sense depends on the type of cancer, its stage, the "
            "treatment you have already had and what is available where you can be "
            "treated.</p>"
            "<p>If a doctor suggests either treatment, ask what the evidence shows "
            "for your own cancer and what the risks are for you.</p>"
        ),
    },
    {"kind": "related_guides", "heading": "Related guides", "intro": ""},
    {
        "kind": "call_to_action",
        "heading": "Questions about cell therapy for your cancer?",
        "intro": (
            "Send us your records. We will look at which cell therapies, if any, "
            "may be worth discussing with your specialist."
        ),
        "button_label": "Ask about cell therapy",
    },
    {"kind": "disclaimer", "intro": GENERAL_DISCLAIMER},
]

MANUFACTURING_GUIDE_SECTIONS = [
    {
        "kind": "key_points",
        "heading": "At a glance",
        "items": [
            {"text": "Everything starts with a sample of your own blood."},
            {"text": ("The cells grow in a laboratory, usually for about 14–21 days.")},
            {"text": "Each batch is tested before it is given back to you."},
            {
                "text": (
                    "The infusion goes through a drip into a vein, usually without "
                    "a hospital stay."
                )
            },
        ],
    },
    {
        "kind": "card_grid",
        "heading": "Step by step",
        "intro": (
            "Each laboratory follows its own detailed method, but the main stages "
            "are the same."
        ),
        "items": [
            {
                "title": "1. Collecting blood",
                "text": (
                    "Blood is taken from a vein, much like a routine blood test but "
                    "larger. Some centres use apheresis instead: a machine collects "
                    "only the white blood cells and returns the rest of the blood "
                    "to you."
                ),
            },
            {
                "title": "2. Separating the cells",
                "text": (
                    "In the laboratory, the peripheral blood mononuclear cells "
                    "(PBMCs) are separated from the rest of the sample. The future "
                    "CIK cells are among them."
                ),
            },
            {
                "title": "3. Switching the cells on",
                "text": (
                    "The cells are treated with cytokines, usually interferon gamma "
                    "(IFN-γ) and interleukin-2 (IL-2), and with an antibody against "
                    "CD3. Together these signals wake the cells up and make them "
                    "multiply."
                ),
            },
            {
                "title": "4. Growing the cells",
                "text": (
                    "Over about 14–21 days the cells multiply many times. Each "
                    "laboratory sets its own time. More and more of the cells "
                    "carry both CD3 and CD56, the markers of CIK cells "
                    "[ref:ijms-2014]."
                ),
            },
            {
                "title": "5. Testing and infusion",
                "text": (
                    "Before release, the batch is tested: how many cells there are, "
                    "how many are alive, whether it is free of germs, and what "
                    "share are CD3+CD56+. The cells are then given back through a "
                    "drip."
                ),
            },
        ],
    },
    {
        "kind": "key_numbers",
        "heading": "The process in numbers",
        "intro": "",
        "items": [
            {
                "figure": "CD3+CD56+",
                "title": "the markers checked in the finished product",
                "text": "",
                "citations": ["ijms-2014"],
            },
            {
                "figure": "1",
                "title": "patient per batch",
                "text": (
                    "Each batch is made from one patient's blood, for that patient."
                ),
                "citations": ["gastroenterology-2015"],
            },
        ],
    },
    {
        "kind": "rich_text",
        "heading": "Why treatment comes in cycles",
        "body": (
            "<p>CIK therapy is usually given in several cycles over weeks or "
            "months. Centres space blood collections and infusions in different "
            "ways, and your treatment team will explain their schedule.</p>"
            "<p>Because of these repeated visits, it helps to plan travel and "
            "accommodation early if you are treated far from home.</p>"
        ),
    },
    {"kind": "related_guides", "heading": "Related guides", "intro": ""},
    {
        "kind": "call_to_action",
        "heading": "Could CIK be part of your treatment plan?",
        "intro": (
            "Send us your records and we will tell you whether CIK therapy may be "
            "worth discussing with your specialist."
        ),
        "button_label": "Ask about CIK therapy",
    },
    {"kind": "disclaimer", "intro": GENERAL_DISCLAIMER},
]

LIVER_GUIDE_SECTIONS = [
    {
        "kind": "key_points",
        "heading": "At a glance",
        "items": [
            {
                "text": (
                    "Most CIK research in liver cancer is in hepatocellular "
                    "carcinoma (HCC), the most common kind."
                )
            },
            {
                "text": (
                    "CIK is given after surgery, TACE or RFA. The aim is to stop "
                    "the cancer coming back [ref:gastroenterology-2015]."
                )
            },
            {
                "text": (
                    "The evidence is mixed. In trials the cancer came back less "
                    "often or later [ref:oncotarget-2017]. But one trial found no "
                    "difference in survival [ref:oncoimmunology-2016]. Many "
                    "studies were small."
                )
            },
            {"text": "Western guidelines such as NCCN and ESMO do not include it."},
        ],
    },
    {
        "kind": "rich_text",
        "heading": "When CIK is used in liver cancer",
        "body": (
            "<p>CIK cells are given after a main treatment that removes or "
            "destroys the tumour:</p>"
            "<ul>"
            "<li><strong>Resection</strong>: an operation to remove the part of "
            "the liver with the tumour.</li>"
            "<li><strong>TACE</strong> (transarterial chemoembolisation): "
            "chemotherapy is delivered into the artery feeding the tumour, which "
            "is then blocked.</li>"
            "<li><strong>RFA</strong> (radiofrequency ablation): heat from a "
            "needle destroys the tumour.</li>"
            "</ul>"
            "<p>The aim is for the CIK cells to find and destroy cancer cells that "
            "are left behind and too small to see on scans.</p>"
        ),
    },
    {
        "kind": "indications",
        "heading": "Read more about this cancer",
        "intro": "",
        "items": [
            {
                "indication": "hepatocellular-carcinoma",
                "text": "What HCC is, and what the CIK studies found.",
            }
        ],
    },
    {
        "kind": "rich_text",
        "heading": "What the evidence can and cannot tell you",
        "body": (
            "<p>Most studies come from China and Korea, mostly after surgery or "
            "ablation. Trials, and reviews that pooled them, found that the cancer "
            "came back less often or later with CIK [ref:ddt-2017]. The reviews "
            "also found fewer deaths [ref:oncotarget-2017] [ref:jcrt-2018].</p>"
            "<p>The results do not all agree. In one randomised trial of 200 "
            "people, the cancer took longer to return with CIK "
            "[ref:oncoimmunology-2016]. Yet there was no difference in overall "
            "survival or in disease-free survival [ref:oncoimmunology-2016]. So "
            "the evidence is mixed.</p>"
            "<p>Many of these studies were small, and some were not well "
            "randomised. So the true size of the benefit is uncertain. Whether CIK "
            "suits you depends on how well your liver works, the stage of the "
            "cancer and the treatment you have had.</p>"
        ),
    },
    {"kind": "related_guides", "heading": "Related guides", "intro": ""},
    {
        "kind": "call_to_action",
        "heading": "Wondering about CIK after liver cancer treatment?",
        "intro": (
            "Send us your records and scans. We will tell you whether CIK therapy "
            "may be worth discussing with your liver specialist."
        ),
        "button_label": "Ask about CIK therapy",
    },
    {"kind": "disclaimer", "intro": GENERAL_DISCLAIMER},
]
