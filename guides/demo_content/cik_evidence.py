"""The evidence sections of the CIK guide: what it can and cannot offer, the key
numbers with their sources, and the cancer types it has been studied in."""

CIK_EVIDENCE_SECTIONS = [
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
]
