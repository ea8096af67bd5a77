"""Published sources cited by the demo guides.

Each entry was checked against the publisher's or PubMed's page (see
``shared/seed/references.md``). Only the checked fields are filled: a field that
was not checked stays empty rather than guessed.
"""

CITATIONS = {
    "gastroenterology-2015": {
        "title": (
            "Adjuvant immunotherapy with autologous cytokine-induced killer cells "
            "for hepatocellular carcinoma"
        ),
        "source": "Gastroenterology",
        "year": 2015,
        "pmid": "25747273",
        "doi": "10.1053/j.gastro.2015.02.055",
    },
    "oncoimmunology-2016": {
        "title": (
            "A randomized controlled trial on patients with or without adjuvant "
            "autologous cytokine-induced killer cells after curative resection for "
            "hepatocellular carcinoma"
        ),
        "source": "OncoImmunology",
        "year": 2016,
        "pmid": "",
        "doi": "10.1080/2162402X.2015.1083671",
    },
    "ddt-2017": {
        "title": (
            "Efficacy of cytokine-induced killer cell infusion as an adjuvant "
            "immunotherapy for hepatocellular carcinoma: a systematic review and "
            "meta-analysis"
        ),
        "source": "Drug Design, Development and Therapy",
        "year": 2017,
        "pmid": "",
        "doi": "10.2147/DDDT.S124399",
    },
    "oncotarget-2017": {
        "title": (
            "Harms and benefits of adoptive immunotherapy for postoperative "
            "hepatocellular carcinoma: an updated review"
        ),
        "source": "Oncotarget",
        "year": 2017,
        "pmid": "",
        "doi": "10.18632/oncotarget.14507",
    },
    "jcrt-2018": {
        "title": (
            "A meta-analysis of adoptive immunotherapy in postoperative "
            "hepatocellular carcinoma"
        ),
        "source": "Journal of Cancer Research and Therapeutics",
        "year": 2018,
        "pmid": "",
        "doi": "10.4103/jcrt.JCRT_858_17",
    },
    "jir-2018": {
        "title": (
            "The antitumor immunity and tumor responses of chemotherapy with or "
            "without DC-CIK for non-small-cell lung cancer in China: a "
            "meta-analysis of 28 randomized controlled trials"
        ),
        "source": "Journal of Immunology Research",
        "year": 2018,
        "pmid": "30648123",
        "doi": "10.1155/2018/9081938",
    },
    "oncotarget-2016": {
        "title": (
            "Chemotherapy plus dendritic cells co-cultured with cytokine-induced "
            "killer cells versus chemotherapy alone to treat advanced "
            "non-small-cell lung cancer: a meta-analysis"
        ),
        "source": "Oncotarget",
        "year": 2016,
        "pmid": "",
        "doi": "10.18632/oncotarget.13394",
    },
    "jca-2011": {
        "title": (
            "Cytokine induced killer cells as promising immunotherapy for solid tumors"
        ),
        "source": "Journal of Cancer",
        "year": 2011,
        "pmid": "",
        "doi": "10.7150/jca.2.363",
    },
    "ijms-2014": {
        "title": (
            "Adoptive immunotherapy strategies with cytokine-induced killer (CIK) "
            "cells in the treatment of hematological malignancies"
        ),
        "source": "International Journal of Molecular Sciences",
        "year": 2014,
        "pmid": "",
        "doi": "10.3390/ijms150814632",
    },
    "bmc-2019": {
        "title": (
            "Adjuvant cytokine-induced killer cell immunotherapy for hepatocellular "
            "carcinoma: a propensity score-matched analysis of real-world data"
        ),
        "source": "BMC Cancer",
        "year": 2019,
        "pmid": "",
        "doi": "10.1186/s12885-019-5740-z",
    },
    # Entries 11 and 12: the international CIK registry's reports.
    "jcp-2020": {
        "title": (
            "Ten-year update of the international registry on cytokine-induced "
            "killer cells in cancer immunotherapy"
        ),
        "source": "Journal of Cellular Physiology",
        "year": 2020,
        "pmid": "32484595",
        "doi": "10.1002/jcp.29827",
    },
    "jcrco-2015": {
        "title": (
            "Cytokine-induced killer (CIK) cells in cancer immunotherapy: report of "
            "the international registry on CIK cells (IRCC)"
        ),
        "source": "Journal of Cancer Research and Clinical Oncology",
        "year": 2015,
        "pmid": "25381063",
        "doi": "10.1007/s00432-014-1864-3",
    },
}
