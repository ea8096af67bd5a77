"""The evidence sections of the CIK guide: what it can and cannot offer, the key
numbers with their sources, and the cancer types it has been studied in.

Each claim cites its source where it stands (``[ref:key]``, keys from
``guides.demo_citations``); where no checked source supports a claim, the text
says so instead of making it.
"""

CIK_EVIDENCE_SECTIONS = [
    {
        "kind": "benefits_limitations",
        "heading": "What CIK therapy can and cannot offer",
        "intro": (
            "Among the cell therapies, CIK has its own place. It has been studied "
            "in many kinds of cancer [ref:jcp-2020]. It is also less targeted. "
            "Engineered therapies such as CAR-T are built to find one target, and "
            "CIK cells are not [ref:jca-2011]."
        ),
        "items": [
            {
                "group": "benefit",
                "title": "Side effects are usually mild",
                "text": (
                    "In registry reports, side effects were mostly mild, such as "
                    "fever, chills, headache and tiredness [ref:jcrco-2015] "
                    "[ref:jcp-2020]. Those reports do not name cytokine release "
                    "syndrome (CRS) or ICANS (immune effector cell-associated "
                    "neurotoxicity syndrome, which affects the brain and nerves). "
                    "Both are serious reactions that can follow CAR-T therapy."
                ),
            },
            {
                "group": "benefit",
                "title": "No HLA matching",
                "text": (
                    "CIK cells kill without relying on MHC [ref:ijms-2014]. The "
                    "treatment is made from your own cells, with no tissue "
                    "matching and no donor."
                ),
            },
            {
                "group": "benefit",
                "title": "Fits with other treatments",
                "text": (
                    "Studies have given CIK cells with chemotherapy "
                    "[ref:jir-2018]. In liver cancer they were given after surgery "
                    "or RFA (radiofrequency ablation, which destroys a tumour with "
                    "heat) [ref:gastroenterology-2015]. Some centres also give them "
                    "after TACE (transarterial chemoembolisation, which sends "
                    "chemotherapy into a liver tumour's artery and then blocks it)."
                ),
            },
            {
                "group": "benefit",
                "title": "Studied in many cancers",
                "text": (
                    "A registry counted CIK trials in more than 30 kinds of tumour "
                    "[ref:jcp-2020]. Being studied is not the same as working: the "
                    "cancer types below say what is known for each."
                ),
            },
            {
                "group": "benefit",
                "title": "Usually no hospital stay",
                "text": (
                    "Infusions are often given in a clinic or a day ward, without a "
                    "night in hospital. Ask the centre how it plans your visits."
                ),
            },
            {
                "group": "limitation",
                "title": "Not aimed at one target",
                "text": (
                    "CIK cells find tumours in a general way, not by one defined "
                    "target [ref:jca-2011]. No study we cite compares CIK with "
                    "CAR-T directly."
                ),
            },
            {
                "group": "limitation",
                "title": "Trials of uneven quality",
                "text": (
                    "Many CIK studies were small or not well randomised. In one "
                    "review, most trials were at unclear risk of bias "
                    "[ref:jir-2018]. So the true size of any benefit is hard to "
                    "know."
                ),
            },
            {
                "group": "limitation",
                "title": "Not standard care everywhere",
                "text": (
                    "Outside China and East Asia, the main Western cancer "
                    "guidelines do not list CIK therapy as a standard treatment. "
                    "These are the NCCN guidelines in the United States and the "
                    "ESMO guidelines in Europe."
                ),
            },
            {
                "group": "limitation",
                "title": "Several rounds of treatment",
                "text": (
                    "A course usually means a series of infusions over weeks or "
                    "months. You will need to come back to hospital several times, "
                    "or plan carefully if you travel."
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
                "figure": "More than 100",
                "title": "clinical trials of CIK in an international registry",
                "text": (
                    "The registry counted 106 trials with 10,225 people. They were "
                    "trials of any design, not all randomised."
                ),
                "citations": ["jcp-2020"],
            },
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
            "CIK has been studied in many solid tumours [ref:jcp-2020]. The "
            "studies we cite are mostly about liver cancer after surgery or "
            "ablation, and lung cancer with chemotherapy."
        ),
        "items": [
            {
                "indication": "hepatocellular-carcinoma",
                "text": (
                    "Most of the evidence for CIK is here, and it is mixed. It is "
                    "given after surgery, TACE or RFA to try to stop the cancer "
                    "coming back. In trials the cancer came back less often or "
                    "later [ref:oncotarget-2017]. But one trial found no gain in "
                    "survival [ref:oncoimmunology-2016]."
                ),
            },
            {
                "indication": "non-small-cell-lung-cancer",
                "text": (
                    "Added to chemotherapy, CIK with dendritic cells (DC-CIK) made "
                    "tumours shrink or stop growing in more people [ref:jir-2018]. "
                    "Whether people live longer has not been shown [ref:jir-2018]. "
                    "Most trials had an unclear risk of bias [ref:jir-2018]."
                ),
            },
            {
                "indication": "gastric-cancer",
                "text": (
                    "CIK has been tried with chemotherapy in stomach cancer. We "
                    "have not yet checked a source for the results, so we make no "
                    "claim about them."
                ),
            },
            {
                "indication": "colorectal-cancer",
                "text": (
                    "CIK is being studied in bowel cancer, mostly with other "
                    "treatments. We have not yet checked a source for the results."
                ),
            },
            {
                "indication": "renal-cell-carcinoma",
                "text": (
                    "There are only a few studies in kidney cancer, mostly with "
                    "other treatments. We have not yet checked a source for the "
                    "results."
                ),
            },
            {
                "indication": "nasopharyngeal-carcinoma",
                "text": (
                    "Studied mostly in centres in Asia, alongside other "
                    "treatments. We have not yet checked a source for the results."
                ),
            },
        ],
    },
]
