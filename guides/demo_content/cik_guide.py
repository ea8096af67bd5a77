"""The sections of the demo's main guide, "What is CIK therapy?"."""

from .catalogue import GENERAL_DISCLAIMER

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
                    "It is not standard care in the UK, the US or the European "
                    "Union: the main cancer guidelines there do not recommend it. "
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
    {
        "kind": "benefits_limitations",
        "heading": "What CIK therapy can and cannot offer",
        "intro": (
            "Among the cell therapies, CIK has its own place. It is well studied "
            "and can be used for many kinds of cancer. It is also less powerful "
            "and less precise than engineered T-cell therapies, such as CAR-T, "
            "which are built to find one target."
        ),
        "items": [
            {
                "group": "benefit",
                "title": "Side effects are usually mild",
                "text": (
                    "CIK infusions have not been linked with cytokine release "
                    "syndrome (CRS) or ICANS (immune effector cell-associated "
                    "neurotoxicity syndrome, which affects the brain and nerves). "
                    "Both are serious reactions that can follow CAR-T therapy."
                ),
            },
            {
                "group": "benefit",
                "title": "No HLA matching",
                "text": (
                    "CIK cells kill without relying on MHC. So the treatment can be "
                    "made and given without tissue matching or a compatible donor."
                ),
            },
            {
                "group": "benefit",
                "title": "Fits with other treatments",
                "text": (
                    "CIK cells can be combined with chemotherapy, radiotherapy, "
                    "RFA (radiofrequency ablation, which destroys a tumour with "
                    "heat) and TACE (transarterial chemoembolisation, which sends "
                    "chemotherapy into a liver tumour's artery and then blocks it). "
                    "This makes CIK easy to add to a wider treatment plan."
                ),
            },
            {
                "group": "benefit",
                "title": "Studied in many cancers",
                "text": (
                    "There is clinical evidence in cancers of the liver, lung, "
                    "stomach, bowel and kidney, and in blood cancers. Its use is "
                    "not tied to one kind of cancer."
                ),
            },
            {
                "group": "benefit",
                "title": "Usually no hospital stay",
                "text": (
                    "Most infusions are given in an outpatient clinic or a day "
                    "ward. Reactions during the infusion are rare and usually mild."
                ),
            },
            {
                "group": "limitation",
                "title": "Less precise than CAR-T",
                "text": (
                    "CIK cells recognise tumours in a general way, not by one "
                    "defined target. In blood cancers, fewer patients respond to "
                    "them than to engineered T cells built to find a specific "
                    "antigen."
                ),
            },
            {
                "group": "limitation",
                "title": "Trials of uneven quality",
                "text": (
                    "Many CIK studies, especially older ones from China, were small "
                    "or not properly randomised. That makes it hard to say how big "
                    "the benefit really is."
                ),
            },
            {
                "group": "limitation",
                "title": "Not standard care everywhere",
                "text": (
                    "Outside China and East Asia, the main Western cancer "
                    "guidelines, from the NCCN in the United States and ESMO in "
                    "Europe, do not list CIK therapy as a first-line or second-line "
                    "treatment."
                ),
            },
            {
                "group": "limitation",
                "title": "Several rounds of treatment",
                "text": (
                    "A course usually means a series of infusions spread over "
                    "weeks or months. You will need to come back to hospital "
                    "several times, or plan carefully if you travel."
                ),
            },
        ],
    },
    {
        "kind": "key_numbers",
        "heading": "CIK therapy in numbers",
        "intro": (
            "What the largest trials and reviews found, with their limits. Each "
            "number links to its source under References."
        ),
        "items": [
            {
                "figure": "13.6 vs 7.8 months",
                "title": "to recurrence after liver surgery, with and without CIK",
                "text": (
                    "In a randomised trial of 200 people, the cancer came back "
                    "later with CIK. The same trial found no difference in overall "
                    "survival or disease-free survival."
                ),
                "citations": ["oncoimmunology-2016"],
            },
            {
                "figure": "230",
                "title": "people in a randomised phase 3 trial in Korea",
                "text": (
                    "They had liver cancer treated by surgery or ablation. The "
                    "trial measured how long people lived without the cancer "
                    "coming back."
                ),
                "citations": ["gastroenterology-2015"],
            },
            {
                "figure": "28 trials",
                "title": "of CIK with chemotherapy in lung cancer (2,242 people)",
                "text": (
                    "Together they found more tumours shrinking or held in check. "
                    "For most of these trials the risk of bias was unclear."
                ),
                "citations": ["jir-2018"],
            },
            {
                "figure": "CD3+CD56+",
                "title": "the pair of markers that defines a CIK cell",
                "text": (
                    "Carrying both markers gives the cells the killing abilities "
                    "of T cells and of NK cells."
                ),
                "citations": ["ijms-2014"],
            },
        ],
    },
    {
        "kind": "indications",
        "heading": "Cancers CIK therapy is used for",
        "intro": (
            "Most CIK research is in solid tumours. It is used most when the liver "
            "is involved, when the aim is to stop a cancer coming back after "
            "surgery, or alongside treatments aimed directly at the tumour, such as "
            "TACE or RFA."
        ),
        "items": [
            {
                "indication": "hepatocellular-carcinoma",
                "text": (
                    "The evidence for CIK is strongest here, and still mixed. "
                    "Given after surgery, TACE or RFA, it aims to stop the cancer "
                    "coming back. In trials the cancer returned less often or "
                    "later, but one trial found no gain in survival."
                ),
            },
            {
                "indication": "non-small-cell-lung-cancer",
                "text": (
                    "Added to chemotherapy, CIK with dendritic cells (DC-CIK) made "
                    "tumours shrink or stop growing in more people. Whether people "
                    "live longer has not been shown, and most trials had an unclear "
                    "risk of bias."
                ),
            },
            {
                "indication": "gastric-cancer",
                "text": (
                    "Small trials in China reported better survival with CIK plus "
                    "chemotherapy, especially for locally advanced cancer or after "
                    "surgery; larger studies have yet to confirm it."
                ),
            },
            {
                "indication": "colorectal-cancer",
                "text": (
                    "Evidence is growing, mostly from studies that add CIK to other "
                    "treatments or use it as maintenance therapy."
                ),
            },
            {
                "indication": "renal-cell-carcinoma",
                "text": (
                    "Early evidence, mainly with CIK combined with other treatments "
                    "or used to keep the cancer under control afterwards."
                ),
            },
            {
                "indication": "nasopharyngeal-carcinoma",
                "text": (
                    "Early evidence, mostly from Asian centres, with CIK given "
                    "alongside other treatments or as maintenance therapy."
                ),
            },
        ],
    },
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
