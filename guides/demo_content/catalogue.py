"""Slugs, topics, questions and cancer types of the demo, and the disclaimer
every demo guide ends with."""

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

# evidence_strength: "randomised_mixed", "trials" or "early" (the worded scale).
INDICATIONS = [
    {
        "slug": "hepatocellular-carcinoma",
        "name": "Hepatocellular carcinoma (HCC)",
        "evidence_strength": "randomised_mixed",
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
        "evidence_strength": "trials",
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
        "evidence_strength": "early",
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
        "evidence_strength": "early",
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
        "evidence_strength": "early",
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
        "evidence_strength": "early",
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
