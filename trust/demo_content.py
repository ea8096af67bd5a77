"""Demo about and policy pages. Every fact here is a placeholder.

The phone number is from the range Ofcom keeps for drama (020 7946 0xxx) and the
addresses use example.org: nothing here reaches a real person. Each page says it
is demonstration text, so a demo site cannot be mistaken for a real service.
"""

DEMO_NOTE = (
    "<p><em>Demonstration text: replace it with the organisation's own facts "
    "before the site goes live.</em></p>"
)

PAGES = [
    {
        "kind": "about",
        "slug": "who-we-are",
        "title": "Who we are",
        "lede": (
            "CancerFax is a patient-navigation service. We explain treatment "
            "options in plain language and help patients reach the centres that "
            "offer them."
        ),
        "body": DEMO_NOTE
        + (
            "<h2>What we do</h2>"
            "<p>Patient coordinators read every inquiry, organise the medical "
            "records that come with it and, with the patient's agreement, ask "
            "specialist hospitals whether they can help. We explain the answers, "
            "the costs and the next steps.</p>"
            "<h2>What we do not do</h2>"
            "<p>We are not a hospital and we do not treat anyone. We cannot promise "
            "that a treatment is available to you, that you are eligible for it or "
            "that it will work. Your own oncologist remains the person to decide "
            "with.</p>"
            "<h2>Who writes our guides</h2>"
            "<p>Medical writers prepare each guide. A named clinician or panel "
            "reviews it before it is published, and again at least once a year. "
            "Our editorial policy explains how.</p>"
        ),
        "meta_description": (
            "Who runs CancerFax, what the service does for patients and families, "
            "and what it cannot do."
        ),
    },
    {
        "kind": "funding",
        "slug": "funding-and-hospitals",
        "title": "How we are funded and our relationships with hospitals",
        # Shown beside every "Ask about ..." button too: the fee, in short.
        "lede": (
            "Asking us about your case costs you nothing. If you choose treatment "
            "at a partner hospital, that hospital pays us a fee. The fee does not "
            "change what you pay the hospital."
        ),
        "body": DEMO_NOTE
        + (
            "<h2>Who pays us</h2>"
            "<p>Reading your inquiry and answering it costs you nothing. If you "
            "choose to be treated at a partner hospital, that hospital pays us a "
            "coordination fee. The fee does not change what you pay the "
            "hospital.</p>"
            "<h2>Our partner hospitals</h2>"
            "<p>We work with a small number of hospitals in China and India. We "
            "list them by name when we send you their answer, together with any "
            "fee they pay us.</p>"
            "<h2>How we keep our guides independent</h2>"
            "<p>No hospital pays for, writes or approves our guides. Reviewers "
            "declare any tie to a hospital or a company whose treatment they "
            "review, and do not review that content.</p>"
        ),
        "meta_description": (
            "How CancerFax is paid, which hospitals it works with, and how its "
            "guides stay independent of them."
        ),
    },
    {
        "kind": "contact",
        "slug": "contact",
        "title": "Contact us",
        "lede": "Write, call or message a patient coordinator.",
        "body": DEMO_NOTE
        + (
            "<p>If you have already sent an inquiry, please quote its reference "
            "(it starts with CFX-). We never ask for medical details by phone "
            "before you have sent an inquiry.</p>"
        ),
        "phone": "+44 20 7946 0000",
        "email": "care@example.org",
        "messaging": "WhatsApp on the same number",
        "hours": "Monday to Friday, 9:00 to 18:00 UK time",
        "meta_description": "How to reach a CancerFax patient coordinator.",
    },
    {
        "kind": "privacy",
        "slug": "privacy",
        "title": "Privacy notice",
        "lede": (
            "What we do with the information you send us, why, for how long, who "
            "sees it, and your rights."
        ),
        "body": DEMO_NOTE
        + (
            "<h2>Who is responsible for your data</h2>"
            "<p>CancerFax is the controller of the information you send us: it "
            "decides how the information is used and answers for it.</p>"
            "<h2>What we collect</h2>"
            "<p>Your contact details; the patient's name, country, diagnosis, "
            "treatments and questions; the medical records you upload; and a "
            "scrambled form of your internet address to stop abuse.</p>"
            "<h2>Why we use it</h2>"
            "<p>To answer your question about treatment options. If you also "
            "agree, to ask our partner hospitals abroad whether they could treat "
            "you.</p>"
            "<h2>Our legal basis</h2>"
            "<p>Your explicit consent. The inquiry form asks for it with two "
            "separate tick boxes. The first lets us store and use your information "
            "to answer you; we need it to read your inquiry. The second lets us "
            "send your medical records to our partner hospitals abroad; it is "
            "optional, and you can also give it later on your secure page. Health "
            "information is a special category of personal data, and we use it "
            "only with your consent.</p>"
            "<h2>Sending your records abroad</h2>"
            "<p>Only with your second consent do we send your medical records to "
            "our partner hospitals in these countries:</p>"
            "<ul><li>China</li><li>India</li></ul>"
            "<p>The law there may not protect your data as well as the law where "
            "you live. So before we send anything, each hospital signs the "
            "standard contractual clauses: a contract in a standard form, set out "
            "under data protection law, that binds the hospital to protect your "
            "data as we must. Ask us for a copy at any time.</p>"
            "<h2>How long we keep it</h2>"
            "<p>Until two years after your inquiry is closed; then we delete it, "
            "with its files. Files you attach but never send are deleted after a "
            "day.</p>"
            "<h2>Who receives it</h2>"
            "<p>Our patient coordinators and the doctors who review cases for us; "
            "the partner hospitals in China and India, only with your second "
            "consent; and the companies that host our service and send our "
            "e-mails, bound to use it for nothing else.</p>"
            "<h2>Your rights</h2>"
            "<p>You may see the information we hold, have it corrected, take a "
            "copy, withdraw your consent and have it erased, at any time. You may "
            "also complain to your data protection authority.</p>"
            "<h2>Contact</h2>"
            "<p>Write to privacy@example.org, or use the details on our contact "
            "page.</p>"
        ),
        "meta_description": (
            "What CancerFax collects when you send an inquiry, why, how long it is "
            "kept, who receives it and your rights."
        ),
    },
    {
        "kind": "editorial",
        "slug": "editorial-policy",
        "title": "How we write and review our content",
        "lede": (
            "Every guide and answer is written in plain language, based on "
            "published sources and approved by a named clinician before patients "
            "read it."
        ),
        "body": DEMO_NOTE
        + (
            "<h2>How we write</h2>"
            "<p>We write for patients and families, in short sentences, and we "
            "state a treatment's limits as plainly as its benefits: whether it is "
            "standard care, how strong the evidence is and what remains "
            "uncertain.</p>"
            "<h2>How we use sources</h2>"
            "<p>Numbers and claims come from published studies, reviews and "
            "guidelines, listed under References on each page. A guide whose key "
            "numbers cite no source cannot be approved.</p>"
            "<h2>How we review</h2>"
            "<p>A medical reviewer who did not write the text checks it against "
            "its sources and approves it. The page then shows who reviewed it, "
            "when, and when the next review is due. Nobody may approve their own "
            "writing.</p>"
            "<h2>How we keep it current</h2>"
            "<p>Every page is reviewed again at least once a year, sooner when new "
            "evidence appears. Any change to the words goes through the same "
            "review before patients see it.</p>"
        ),
        "meta_description": (
            "How CancerFax writes, sources, reviews and re-reviews its patient guides."
        ),
    },
]
