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
            "grips one particular marker (antigen) on the cancer. They work only "
            "against cancers that carry that marker, and they can cause severe side "
            "effects, such as CRS.</p>"
            "<p>CIK cells are not changed genetically. Cytokines switch them on and "
            "help them multiply. They attack tumours in a broad way that does not "
            "depend on MHC [ref:jca-2011]. In the studies, their side effects were "
            "mostly mild [ref:jcrco-2015].</p>"
            "<p>No study we cite compares the two head to head. So we cannot say "
            "that one is safer or works better than the other.</p>"
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
            "<p>Researchers have studied both. Most studies we cite gave CIK with "
            "other treatment. In lung cancer it was given with chemotherapy "
            "[ref:jir-2018]. In liver cancer it was given after surgery or "
            "ablation, to try to stop the cancer coming back (adjuvant treatment) "
            "[ref:gastroenterology-2015].</p>"
            "<p>So most of what is known is about CIK as one part of a wider plan. "
            "The studies we cite do not show how well CIK works on its own.</p>"
        ),
    },
    {
        "slug": "where-is-cik-therapy-available",
        "question": "Where can I have CIK therapy?",
        "topic": ACCESS_TOPIC,
        "order": 10,
        "answer": (
            "<p>Many CIK studies come from China. For example, one review pooled "
            "28 trials of CIK in lung cancer, all from China [ref:jir-2018]. "
            "Hospitals in South Korea have run trials too "
            "[ref:gastroenterology-2015]. Some hospitals elsewhere in Asia offer "
            "it.</p>"
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
            "that starts in the liver itself. It often grows in a liver that is "
            "already damaged, for example by long-term hepatitis B or C.</p>"
            "<p>CIK therapy has been tested in liver cancer in several trials "
            "[ref:ddt-2017]. It is given after a treatment "
            "that removes or destroys the tumour. The aim is to stop the cancer "
            "from coming back [ref:gastroenterology-2015].</p>"
        ),
        "evidence_overview": (
            "<p>Studies, most of them from China and Korea, have given CIK cells "
            "after these treatments:</p>"
            "<ul>"
            "<li><strong>Resection</strong>: an operation to remove the part of the "
            "liver that holds the tumour.</li>"
            "<li><strong>TACE</strong> (transarterial chemoembolisation): "
            "chemotherapy is sent into the artery that feeds the tumour. The "
            "artery is then blocked.</li>"
            "<li><strong>RFA</strong> (radiofrequency ablation): a needle gives "
            "heat that destroys the tumour.</li>"
            "</ul>"
            "<p>After surgery or ablation, trials found that the cancer came back "
            "less often, or later, with CIK [ref:gastroenterology-2015] "
            "[ref:ddt-2017]. Reviews that pooled the trials also found fewer "
            "deaths [ref:oncotarget-2017].</p>"
            "<p>But one randomised trial found no difference in overall survival "
            "[ref:oncoimmunology-2016]. It found no difference in disease-free "
            "survival either [ref:oncoimmunology-2016]. That is the time people "
            "live without signs of the cancer. "
            "So the evidence is mixed.</p>"
            "<p>Many of the trials were small. CIK is not part of Western "
            "guidelines such as those of the NCCN or ESMO. Your liver specialist "
            "can explain what this means for you.</p>"
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
            "lymph nodes. It has not spread to organs further away.</p>"
            "<p>CIK therapy has been tested in NSCLC together with standard "
            "chemotherapy [ref:jir-2018].</p>"
        ),
        "evidence_overview": (
            "<p>Randomised trials in China have added CIK cells to standard "
            "chemotherapy for advanced NSCLC. The cells were grown together with "
            "dendritic cells, as DC-CIK. Reviews that pooled the trials found that "
            "tumours shrank, or were held in check, in more people with DC-CIK "
            "[ref:jir-2018] [ref:oncotarget-2016].</p>"
            "<p>That is not the same as living longer, which these reviews do not "
            "show [ref:jir-2018]. For most of the trials the risk of bias was "
            "unclear [ref:jir-2018]. So the evidence is mixed, and the size of any "
            "benefit is uncertain.</p>"
        ),
    },
    {
        "slug": "gastric-cancer",
        "name": "Gastric cancer",
        "evidence_strength": "early",
        "order": 30,
        "guides": [CIK_GUIDE],
        "meta_description": (
            "CIK cell therapy for gastric (stomach) cancer: tried with "
            "chemotherapy; what we can and cannot yet say."
        ),
        "summary": (
            "<p>Gastric cancer is cancer of the stomach. In China, CIK therapy has "
            "been tried together with chemotherapy. It was mostly given to people "
            "whose cancer had grown into nearby tissue, or after surgery.</p>"
        ),
        "evidence_overview": (
            "<p>We have not yet checked a published source for these studies. So "
            "this page makes no claim about what they found. Ask your cancer "
            "specialist whether a clinical trial might suit you.</p>"
        ),
    },
    {
        "slug": "colorectal-cancer",
        "name": "Colorectal cancer",
        "evidence_strength": "early",
        "order": 40,
        "guides": [CIK_GUIDE],
        "meta_description": (
            "CIK cell therapy for colorectal cancer: studied mostly alongside "
            "other treatments; what we can and cannot yet say."
        ),
        "summary": (
            "<p>Colorectal cancer starts in the large bowel (colon) or the back "
            "passage (rectum). CIK therapy is being studied here. It is mostly "
            "given with other treatments, or as maintenance therapy: treatment "
            "after the main treatment to help keep the cancer under control.</p>"
        ),
        "evidence_overview": (
            "<p>We have not yet checked a published source for these studies. So "
            "this page makes no claim about what they found. Ask your cancer "
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
            "CIK cell therapy for renal cell carcinoma (kidney cancer): few "
            "studies, mostly with other treatments."
        ),
        "summary": (
            "<p>Renal cell carcinoma is the most common kind of kidney cancer in "
            "adults. CIK therapy has been studied for it, mostly with other "
            "treatments or as maintenance therapy.</p>"
        ),
        "evidence_overview": (
            "<p>There are only a few studies. We have not yet checked a published "
            "source for them, so this page makes no claim about what they found. "
            "CIK is not a standard treatment for kidney cancer.</p>"
        ),
    },
    {
        "slug": "nasopharyngeal-carcinoma",
        "name": "Nasopharyngeal carcinoma",
        "evidence_strength": "early",
        "order": 60,
        "guides": [CIK_GUIDE],
        "meta_description": (
            "CIK cell therapy for nasopharyngeal carcinoma: studied mostly in "
            "Asian centres, alongside other treatments."
        ),
        "summary": (
            "<p>Nasopharyngeal carcinoma starts in the nasopharynx. This is the "
            "space behind the nose, at the top of the throat. CIK therapy has been "
            "studied for it, mostly alongside other treatments or as maintenance "
            "therapy.</p>"
        ),
        "evidence_overview": (
            "<p>Most studies come from centres in Asia. We have not yet checked a "
            "published source for them, so this page makes no claim about what "
            "they found.</p>"
        ),
    },
]

GENERAL_DISCLAIMER = (
    "This guide gives general information only. It is not medical advice. Please "
    "talk to a qualified cancer specialist (oncologist) before you make any "
    "decision about treatment."
)
