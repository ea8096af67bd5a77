"""Demo content for a new installation: the CIK therapy guide and what it links to.

Plain data, loaded by ``manage.py load_demo``. The text is the project's own,
written for patients and families; the facts and figures follow the page the
product was modelled on. Slugs are the keys the loader matches on: change a slug
and it creates a new record instead of updating the old one.

Section dictionaries name their kind and the fields that kind uses (see
``guides.sections.SECTION_KINDS``). Items refer to cancer types and questions by
slug.
"""

from cancerfax import roles

CIK_TOPIC = "cik-cell-therapy"
ACCESS_TOPIC = "treatment-access"

CIK_GUIDE = "what-is-cik-therapy"
COMPARISON_GUIDE = "cik-and-car-t-compared"
MANUFACTURING_GUIDE = "how-cik-cells-are-manufactured"
LIVER_GUIDE = "cik-therapy-for-liver-cancer"

TOPICS = [
    {
        "slug": CIK_TOPIC,
        "name": "CIK cell therapy",
        "description": (
            "Cytokine-induced killer (CIK) cell therapy uses a patient's own immune "
            "cells, grown in a laboratory, to attack cancer."
        ),
        "order": 10,
    },
    {
        "slug": ACCESS_TOPIC,
        "name": "Treatment access",
        "description": (
            "Practical questions about where a treatment is offered and who pays "
            "for it."
        ),
        "order": 90,
    },
]

FAQ_ENTRIES = [
    {
        "slug": "is-cik-therapy-immunotherapy",
        "question": "Is CIK therapy a type of immunotherapy?",
        "topic": CIK_TOPIC,
        "order": 10,
        "answer": (
            "<p>Yes. CIK therapy belongs to a group of treatments called adoptive "
            "cellular immunotherapy. In these treatments, immune cells are collected "
            "from the patient, multiplied in a laboratory and then given back.</p>"
            "<p>It works differently from checkpoint inhibitors, the immunotherapy "
            "drugs many people have heard of, such as pembrolizumab or nivolumab. "
            "Those drugs add no new cells. They block receptors that act as brakes, "
            "so the immune cells you already have can work harder. Both approaches "
            "count as cancer immunotherapy.</p>"
        ),
    },
    {
        "slug": "cik-or-car-t",
        "question": "What is the difference between CIK and CAR-T?",
        "topic": CIK_TOPIC,
        "order": 20,
        "answer": (
            "<p>The biggest difference is how precisely each one finds its "
            "target.</p>"
            "<p>CAR-T cells are T cells that have been changed genetically. They "
            "carry a new receptor, called a chimeric antigen receptor (CAR), which "
            "grips one particular marker (antigen) on the cancer. This makes them very "
            "powerful against cancers with that marker, but only those, and they can "
            "cause severe side effects.</p>"
            "<p>CIK cells are not changed genetically. Cytokines switch them on and "
            "help them multiply, and they attack tumours in a broad way that does "
            "not depend on MHC. CIK is the safer of the two and suits more kinds of "
            "cancer. In certain blood cancers, more patients respond to CAR-T.</p>"
            '<p>Our guide <a href="/guides/cik-and-car-t-compared/">CIK and CAR-T '
            "compared</a> goes through the differences one by one.</p>"
        ),
    },
    {
        "slug": "cik-alone-or-combined",
        "question": (
            "Can CIK therapy be used on its own, or only with other treatments?"
        ),
        "topic": CIK_TOPIC,
        "order": 30,
        "answer": (
            "<p>Researchers have studied both. The best results come from using CIK "
            "together with other treatments: with chemotherapy, after surgery to "
            "lower the risk of the cancer returning (adjuvant treatment), and after "
            "TACE or RFA for liver cancer.</p>"
            "<p>Used alone, CIK has shown smaller effects. At specialist centres, "
            "most cancer doctors make it one part of a plan that brings several "
            "treatments together, rather than the only treatment.</p>"
        ),
    },
    {
        "slug": "where-is-cik-therapy-available",
        "question": "Where can I have CIK therapy?",
        "topic": ACCESS_TOPIC,
        "order": 10,
        "answer": (
            "<p>China has by far the most experience. Large university cancer "
            "centres there have studied and used CIK therapy for more than twenty "
            "years. Some hospitals in South Korea, Taiwan, Japan and India offer "
            "it too.</p>"
            "<p>In Western countries, CIK is still mostly a research treatment and "
            "is not part of routine care. CancerFax helps patients reach CIK therapy "
            "at centres in China and India that we have checked.</p>"
        ),
    },
    {
        "slug": "does-insurance-cover-cik-therapy",
        "question": "Will insurance pay for CIK therapy?",
        "topic": ACCESS_TOPIC,
        "order": 20,
        "answer": (
            "<p>In China, leading cancer centres provide CIK therapy through "
            "research and clinical programmes. Whether insurance pays depends on "
            "the province and on the hospital's own arrangements.</p>"
            "<p>Patients from other countries who travel to China for CIK therapy "
            "usually pay for it themselves. Before you decide to travel, CancerFax "
            "can prepare a detailed estimate of what your own treatment plan would "
            "cost.</p>"
        ),
    },
]

# evidence_strength: "strongest", "established" or "emerging".
INDICATIONS = [
    {
        "slug": "hepatocellular-carcinoma",
        "name": "Hepatocellular carcinoma (HCC)",
        "evidence_strength": "strongest",
        "order": 10,
        "guides": [CIK_GUIDE, LIVER_GUIDE],
        "meta_description": (
            "CIK cell therapy for hepatocellular carcinoma (HCC): when it is used "
            "after surgery, TACE or RFA, and what the studies show."
        ),
        "summary": (
            "<p>Hepatocellular carcinoma (HCC) is the most common kind of cancer "
            "that starts in the liver itself. It often grows in a liver that has "
            "already been damaged, for example by long-term hepatitis B or C.</p>"
            "<p>Liver cancer is the cancer in which CIK therapy has been studied "
            "most. It is usually given after a treatment that removes or destroys "
            "the tumour, to help stop the cancer from coming back.</p>"
        ),
        "evidence_overview": (
            "<p>Studies, most of them from China, have given CIK cells after three "
            "kinds of treatment:</p>"
            "<ul>"
            "<li><strong>Resection</strong>: an operation to remove the part of the "
            "liver that holds the tumour.</li>"
            "<li><strong>TACE</strong> (transarterial chemoembolisation): "
            "chemotherapy is delivered into the artery that feeds the tumour, and "
            "the artery is then blocked.</li>"
            "<li><strong>RFA</strong> (radiofrequency ablation): a needle delivers "
            "heat that destroys the tumour.</li>"
            "</ul>"
            "<p>After surgery or ablation, trials and the reviews that pooled them "
            "found that the cancer came back less often, or later, with CIK. "
            "Whether people also live longer is less clear. The reviews found "
            "fewer deaths, but one randomised trial found no difference in "
            "overall survival, or in disease-free survival (the time people live "
            "without signs of the cancer). The evidence is mixed.</p>"
            "<p>Many of the trials were small, and CIK is not part of Western "
            "guidelines such as those of the NCCN or ESMO. Your liver specialist "
            "can explain how this applies to you.</p>"
        ),
    },
    {
        "slug": "non-small-cell-lung-cancer",
        "name": "Non-small cell lung cancer (NSCLC)",
        "evidence_strength": "established",
        "order": 20,
        "guides": [CIK_GUIDE],
        "meta_description": (
            "CIK cell therapy for non-small cell lung cancer (NSCLC): its use with "
            "chemotherapy and after surgery, and what the trials found."
        ),
        "summary": (
            "<p>Non-small cell lung cancer (NSCLC) is the most common form of lung "
            "cancer. At stage II or III, the cancer has grown or reached nearby "
            "lymph nodes but has not spread to distant organs.</p>"
            "<p>CIK therapy has been tested in NSCLC together with standard "
            "chemotherapy, and after surgery.</p>"
        ),
        "evidence_overview": (
            "<p>Randomised trials, nearly all in China, have added CIK cells "
            "(grown together with dendritic cells, as DC-CIK) to standard "
            "chemotherapy for advanced NSCLC. Reviews that pooled them found that "
            "tumours shrank, or were held in check, in more people when DC-CIK was "
            "added.</p>"
            "<p>That is not the same as living longer, which these reviews do not "
            "show. For most of the trials the risk of bias was unclear, so the "
            "evidence is mixed and the size of any benefit is uncertain.</p>"
        ),
    },
    {
        "slug": "gastric-cancer",
        "name": "Gastric cancer",
        "evidence_strength": "established",
        "order": 30,
        "guides": [CIK_GUIDE],
        "meta_description": (
            "CIK cell therapy for gastric (stomach) cancer: combined with "
            "chemotherapy, mainly for locally advanced cancer or after surgery."
        ),
        "summary": (
            "<p>Gastric cancer is cancer of the stomach. In China, CIK therapy has "
            "been studied together with chemotherapy, mainly for people whose "
            "cancer has grown into nearby tissue (locally advanced) or has been "
            "removed by surgery.</p>"
        ),
        "evidence_overview": (
            "<p>Chinese trials that combined CIK with chemotherapy have reported "
            "better survival, especially in locally advanced cancer and after "
            "surgery. As with much CIK research, many of these trials were small, "
            "and larger studies are needed to confirm the results.</p>"
        ),
    },
    {
        "slug": "colorectal-cancer",
        "name": "Colorectal cancer",
        "evidence_strength": "emerging",
        "order": 40,
        "guides": [CIK_GUIDE],
        "meta_description": (
            "CIK cell therapy for colorectal cancer: an emerging option, studied "
            "mostly alongside other treatments or as maintenance therapy."
        ),
        "summary": (
            "<p>Colorectal cancer starts in the large bowel (colon) or the back "
            "passage (rectum). CIK therapy is being studied here, mostly together "
            "with other treatments or as maintenance therapy: treatment given after "
            "the main treatment to help keep the cancer under control.</p>"
        ),
        "evidence_overview": (
            "<p>The evidence is growing but still limited. Most studies add CIK to "
            "other treatments rather than testing it alone. Ask your cancer "
            "specialist whether a clinical trial might suit you.</p>"
        ),
    },
    {
        "slug": "renal-cell-carcinoma",
        "name": "Renal cell carcinoma",
        "evidence_strength": "emerging",
        "order": 50,
        "guides": [CIK_GUIDE],
        "meta_description": (
            "CIK cell therapy for renal cell carcinoma (kidney cancer): early "
            "evidence, mainly in combination or as maintenance therapy."
        ),
        "summary": (
            "<p>Renal cell carcinoma is the most common kind of kidney cancer in "
            "adults. CIK therapy has been studied for it, mainly together with other "
            "treatments or as maintenance therapy.</p>"
        ),
        "evidence_overview": (
            "<p>There are fewer studies, and smaller ones, than for liver or lung "
            "cancer. The results are encouraging but not yet strong enough to make "
            "CIK a standard option.</p>"
        ),
    },
    {
        "slug": "nasopharyngeal-carcinoma",
        "name": "Nasopharyngeal carcinoma",
        "evidence_strength": "emerging",
        "order": 60,
        "guides": [CIK_GUIDE],
        "meta_description": (
            "CIK cell therapy for nasopharyngeal carcinoma: early evidence, mostly "
            "from Asian centres, alongside other treatments."
        ),
        "summary": (
            "<p>Nasopharyngeal carcinoma starts in the nasopharynx, the space "
            "behind the nose at the top of the throat. It is more common in "
            "southern China and South-East Asia than in most other parts of the "
            "world. CIK therapy has been studied for it mainly alongside other "
            "treatments or as maintenance therapy.</p>"
        ),
        "evidence_overview": (
            "<p>There is some early evidence, mostly from centres in Asia. More "
            "and larger studies are needed before anyone can draw firm "
            "conclusions.</p>"
        ),
    },
]

GENERAL_DISCLAIMER = (
    "This guide gives general information only. It is not medical advice. Please "
    "talk to a qualified cancer specialist (oncologist) before you make any "
    "decision about treatment."
)

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
                    "CAR-T works best in certain blood cancers. CIK has mostly been "
                    "studied in solid tumours, together with other treatments."
                )
            },
            {
                "text": (
                    "CAR-T can cause serious reactions called CRS and ICANS. These "
                    "have not been seen with CIK."
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
                    "their NKG2D receptor, and kill without needing MHC."
                ),
            },
            {
                "title": "Side effects",
                "text": (
                    "CAR-T: patients are watched closely in hospital for cytokine "
                    "release syndrome (CRS) and for effects on the nervous system "
                    "(ICANS).\n\n"
                    "CIK: infusions are usually given as an outpatient, and these "
                    "reactions have not been reported."
                ),
            },
            {
                "title": "Where the evidence is",
                "text": (
                    "CAR-T: approved in many countries for some blood cancers, "
                    "including certain leukaemias, lymphomas and multiple "
                    "myeloma.\n\n"
                    "CIK: studied in randomised trials, mostly in solid tumours and "
                    "mostly in China. Many were small, and in most the risk of bias "
                    "is unclear. Western guidelines such as NCCN and ESMO do not "
                    "include it."
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
            {"text": "The cells grow in a laboratory for about 14–21 days."},
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
                    "Over about 14–21 days the cells multiply many times. More and "
                    "more of them carry both CD3 and CD56, the markers of CIK cells."
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
                    "CIK is given after surgery, TACE or RFA, to lower the chance "
                    "of the cancer coming back."
                )
            },
            {
                "text": (
                    "The evidence is mixed. In trials the cancer came back less "
                    "often or later, but one trial found people did not live "
                    "longer. Many studies were small."
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
            "came back less often or later with CIK, and the reviews found fewer "
            "deaths.</p>"
            "<p>The results do not all agree. In one randomised trial of 200 "
            "people, the cancer took longer to return with CIK, yet there was no "
            "difference in overall survival or in disease-free survival. So the "
            "evidence is mixed.</p>"
            "<p>Many of these studies were small, and some were not well "
            "randomised, so the true size of the benefit is uncertain. Whether CIK "
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

GUIDES = [
    {
        "slug": CIK_GUIDE,
        "title": "What is CIK therapy?",
        "topic": CIK_TOPIC,
        "featured": True,
        "lede": (
            "This guide explains cytokine-induced killer (CIK) cell therapy from "
            "the beginning: how it works, which cancers it is used for, and why it "
            "is one of the most common cell therapies in China and elsewhere in "
            "East Asia."
        ),
        "meta_description": (
            "CIK cell therapy explained for patients: how your own immune cells are "
            "grown and returned, which cancers it is used for, benefits and limits."
        ),
        "related_guides": [COMPARISON_GUIDE, MANUFACTURING_GUIDE, LIVER_GUIDE],
        "sections": CIK_GUIDE_SECTIONS,
        "references": [
            "ddt-2017",
            "oncotarget-2017",
            "bmc-2019",
            "oncotarget-2016",
            "jca-2011",
        ],
    },
    {
        "slug": COMPARISON_GUIDE,
        "title": "CIK and CAR-T compared",
        "topic": CIK_TOPIC,
        "featured": False,
        "lede": (
            "CIK and CAR-T are both made from a patient's own immune cells. They "
            "are made differently, find cancer in different ways and carry "
            "different risks. This guide sets them side by side."
        ),
        "meta_description": (
            "CIK and CAR-T cell therapy side by side: how each is made, how it "
            "finds cancer, its side effects and where the evidence is."
        ),
        "related_guides": [CIK_GUIDE, MANUFACTURING_GUIDE],
        "sections": COMPARISON_GUIDE_SECTIONS,
        "references": ["jca-2011", "ijms-2014", "jir-2018"],
    },
    {
        "slug": MANUFACTURING_GUIDE,
        "title": "How CIK cells are manufactured",
        "topic": CIK_TOPIC,
        "featured": False,
        "lede": (
            "CIK cells are grown for each patient from their own blood. This guide "
            "goes through each step, from the blood sample to the infusion, and "
            "the tests along the way."
        ),
        "meta_description": (
            "How CIK cells are made: blood collection, separating and activating "
            "the cells, 14–21 days of growth, quality tests and infusion."
        ),
        "related_guides": [CIK_GUIDE, COMPARISON_GUIDE],
        "sections": MANUFACTURING_GUIDE_SECTIONS,
    },
    {
        "slug": LIVER_GUIDE,
        "title": "CIK therapy for liver cancer",
        "topic": CIK_TOPIC,
        "featured": False,
        "lede": (
            "Liver cancer is where CIK therapy has the most evidence. This guide "
            "explains when it is used, what the studies found and what they cannot "
            "yet tell us."
        ),
        "meta_description": (
            "CIK cell therapy for liver cancer (HCC): its use after surgery, TACE "
            "or RFA, what the studies found and their limits."
        ),
        "related_guides": [CIK_GUIDE, MANUFACTURING_GUIDE],
        "sections": LIVER_GUIDE_SECTIONS,
        "references": [
            "gastroenterology-2015",
            "oncoimmunology-2016",
            "ddt-2017",
            "oncotarget-2017",
            "jcrt-2018",
            "bmc-2019",
        ],
    },
]

# Development-only accounts. The passwords are public, here in the code: the
# loader creates these users only when DEBUG is on or when asked explicitly.
DEMO_USERS = [
    {
        "username": "admin",
        "label": "Administrator (superuser)",
        "role": None,
        "is_superuser": True,
        "password": "admin-demo-only",
    },
    {
        "username": "demo-editor",
        "label": roles.MEDICAL_EDITOR,
        "role": roles.MEDICAL_EDITOR,
        "is_superuser": False,
        "password": "editor-demo-only",
    },
    {
        "username": "demo-reviewer",
        "label": roles.MEDICAL_REVIEWER,
        "role": roles.MEDICAL_REVIEWER,
        "is_superuser": False,
        "password": "reviewer-demo-only",
    },
    {
        "username": "demo-coordinator",
        "label": roles.COORDINATOR,
        "role": roles.COORDINATOR,
        "is_superuser": False,
        "password": "coordinator-demo-only",
    },
]
