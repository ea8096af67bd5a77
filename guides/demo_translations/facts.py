"""The practical facts of the CIK guide in Arabic and Simplified Chinese, by slug.

Each says what ``guides.demo_content.cik_facts.FACTS`` says, no more. Only the
words are here (``guides.fact_review.TRANSLATABLE``): the figure, status,
regulator's abbreviation, links and sources stay as approved in English. A
register's name and the words to search it with stay in English, as patients
must type them there.
"""

REGULATOR_CHECK_AR = (
    "لا تذكر أي دراسة نستشهد بها موافقةً من {regulator}. ولا تُدرج الإرشادات "
    "الرئيسية لعلاج السرطان في الغرب (NCCN وESMO) العلاج بخلايا CIK بين "
    "العلاجات المعتادة. والكلمة الفصل هي قائمة {regulator} نفسها بالأدوية "
    "الموافَق عليها."
)
REGULATOR_CHECK_ZH = (
    "我们引用的研究中，没有一项报告 {regulator} 批准了 CIK 疗法。西方主要的癌症诊疗"
    "指南（NCCN、ESMO）没有把 CIK 列为标准治疗。{regulator} 自己的已批准药品清单"
    "才是最终依据。"
)


def _regulatory(country, regulator, check, colon=": "):
    return {
        "title": f"{country}{colon}{regulator}",
        "country": country,
        "how_checked": check.format(regulator=regulator),
    }


def _side_effect_ar(title, *, feminine):
    frequency = (
        "تُرى بانتظام بعد التسريب، وتكون خفيفة في الغالب"
        if feminine
        else "يُرى بانتظام بعد التسريب، ويكون خفيفًا في الغالب"
    )
    return {"title": title, "frequency": frequency}


def _side_effect_zh(title):
    return {"title": title, "frequency": "输注后经常出现，通常较轻"}


FACTS_AR = {
    "cik-approval-uk": _regulatory("المملكة المتحدة", "MHRA", REGULATOR_CHECK_AR),
    "cik-approval-eu": _regulatory("الاتحاد الأوروبي", "EMA", REGULATOR_CHECK_AR),
    "cik-approval-us": _regulatory("الولايات المتحدة", "FDA", REGULATOR_CHECK_AR),
    "clinicaltrials-gov": {
        "title": "ClinicalTrials.gov",
        "text": (
            "السجل الأمريكي للتجارب السريرية، وهو مفتوح للجميع. ابحث فيه "
            "بالإنجليزية عن “cytokine-induced killer” وعن نوع السرطان الذي لديك. "
            "تُظهر كل تجربة إن كانت تقبل مرضى الآن، وأين تُجرى، وبمن تتصل."
        ),
        "questions": (
            "هل تقبل التجربة مرضى الآن، وأين؟\n"
            "ما العلاج الذي تتلقاه مجموعة المقارنة؟\n"
            "من يدفع تكاليف العلاج والفحوص والسفر؟\n"
            "هل يمكنني الانسحاب من التجربة، وماذا يحدث عندئذ؟"
        ),
    },
    "who-ictrp": {
        "title": "بحث التجارب لدى منظمة الصحة العالمية (ICTRP)",
        "text": (
            "يبحث محرك منظمة الصحة العالمية في قوائم التجارب من بلدان كثيرة في "
            "وقت واحد، ومنها الصين. استعمل كلمات البحث نفسها."
        ),
    },
    "cik-cell-culture-time": {
        "title": "تنمية الخلايا",
        "text": "هذه هي المدة بين أخذ عيّنة الدم وجاهزية الخلايا للتسريب الأول.",
        "how_checked": (
            "هذه هي المدة المعتادة لهذه الخطوة كما وردت في الصفحة التي بُني عليها "
            "هذا الدليل أول مرة. ولا تذكرها أي دراسة نستشهد بها، فاسأل المركز كم "
            "يستغرق مختبره."
        ),
    },
    "cik-infusions-and-stay": {
        "title": "التسريب والإقامة في المستشفى",
        "text": (
            "تُعطى معظم جلسات التسريب في عيادة خارجية أو في قسم الرعاية النهارية، "
            "فقد لا تحتاج إلى المبيت. ويتكوّن العلاج من عدة جلسات تسريب على مدى "
            "أسابيع أو أشهر."
        ),
    },
    "cik-side-effect-fever": _side_effect_ar("حمّى", feminine=True),
    "cik-side-effect-chills": _side_effect_ar("قشعريرة", feminine=True),
    "cik-side-effect-headache": _side_effect_ar("صداع", feminine=False),
    "cik-side-effect-tiredness": _side_effect_ar("تعب (إرهاق)", feminine=False),
    "cik-side-effect-gvhd": {
        "title": "مرض الطُّعم ضد المضيف",
        "frequency": "رُئي في تجارب استعملت خلايا من متبرّع، لا خلايا المريض نفسه",
        "text": "قد تهاجم الخلايا المتبرَّع بها جسمَ الشخص الذي يتلقاها.",
    },
    "cik-who-should-not": {
        "title": "الفريق المعالج هو من يقرّر",
        "text": (
            "لا تحدّد أي دراسة نستشهد بها من ينبغي ألا يتلقى العلاج بخلايا CIK. "
            "يقرّر أطباء المركز ذلك من سجلاتك الطبية ومن حالتك الصحية في ذلك الوقت."
        ),
        "questions": (
            "هل في سجلاتي الطبية ما يمنع هذا العلاج؟\n"
            "هل سيؤخّر علاجًا معتادًا يمكنني أن أتلقاه الآن؟\n"
            "ماذا يحدث إن لم ينجح؟"
        ),
    },
    "cik-course-cost": {
        "title": "كم يكلّف العلاج كاملًا",
        "includes": (
            "أخذ عيّنة دمك\n"
            "تنمية الخلايا وفحصها في المختبر\n"
            "كل جلسة تسريب\n"
            "المتابعة والفحوص أثناء العلاج"
        ),
        "text": (
            "ليس لدينا بعدُ سعر تحقّقنا منه لنعرضه. لا يستطيع المركز أن يحدّد سعرًا "
            "إلا بعد أن يطّلع أطباؤه على سجلاتك الطبية. أرسلها إلينا مع نموذج "
            "الاستفسار، وسنطلب من المراكز عرض سعر مكتوبًا."
        ),
        "questions": (
            "ماذا يشمل عرض السعر، وما الذي يُدفع بشكل إضافي؟\n"
            "هل السعر للعلاج كله أم لكل جلسة تسريب؟\n"
            "ماذا يحدث للتكلفة إن تغيّرت الخطة أو توقّف العلاج مبكرًا؟\n"
            "هل يشمل السعر السفر ومكان الإقامة ومترجمًا؟\n"
            "ما مدة صلاحية عرض السعر؟"
        ),
    },
}

FACTS_ZH = {
    "cik-approval-uk": _regulatory("英国", "MHRA", REGULATOR_CHECK_ZH, "："),
    "cik-approval-eu": _regulatory("欧盟", "EMA", REGULATOR_CHECK_ZH, "："),
    "cik-approval-us": _regulatory("美国", "FDA", REGULATOR_CHECK_ZH, "："),
    "clinicaltrials-gov": {
        "title": "ClinicalTrials.gov",
        "text": (
            "美国的临床试验登记库，任何人都可以查询。用英文搜索"
            "“cytokine-induced killer”和你的癌症类型。每项试验都会显示它是否"
            "正在招募患者、在哪里进行以及联系谁。"
        ),
        "questions": (
            "这项试验现在是否在招募患者？在哪里？\n"
            "对照组接受什么治疗？\n"
            "治疗、检查和路费由谁支付？\n"
            "我可以退出试验吗？退出后会怎样？"
        ),
    },
    "who-ictrp": {
        "title": "世界卫生组织试验检索（ICTRP）",
        "text": (
            "世界卫生组织的检索平台同时查询许多国家的试验登记，也包括中国的。"
            "请使用同样的搜索词。"
        ),
    },
    "cik-cell-culture-time": {
        "title": "培养细胞",
        "text": "这是从采血到细胞可以进行第一次输注之间的时间。",
        "how_checked": (
            "这是本指南最初所依据的网页对这一步骤给出的典型时间。我们引用的研究"
            "都没有报告它，所以请向中心询问其实验室需要多长时间。"
        ),
    },
    "cik-infusions-and-stay": {
        "title": "输注和住院",
        "text": (
            "大多数输注在门诊或日间病房进行，所以你可能不需要在医院过夜。"
            "一个疗程是在几周或几个月内进行数次输注。"
        ),
    },
    "cik-side-effect-fever": _side_effect_zh("发热"),
    "cik-side-effect-chills": _side_effect_zh("寒战"),
    "cik-side-effect-headache": _side_effect_zh("头痛"),
    "cik-side-effect-tiredness": _side_effect_zh("乏力（疲劳）"),
    "cik-side-effect-gvhd": {
        "title": "移植物抗宿主病",
        "frequency": "见于使用捐献者细胞（而非患者自己的细胞）的试验",
        "text": "捐献者的细胞可能攻击接受这些细胞的人的身体。",
    },
    "cik-who-should-not": {
        "title": "由治疗团队决定",
        "text": (
            "我们引用的研究都没有说明哪些人不应接受 CIK 疗法。"
            "由中心的医生根据你的病历和你当时的身体状况来决定。"
        ),
        "questions": (
            "我的病历中有没有排除这种治疗的情况？\n"
            "它会不会推迟我现在就可以接受的标准治疗？\n"
            "如果它不起作用，会怎样？"
        ),
    },
    "cik-course-cost": {
        "title": "一个疗程的费用",
        "includes": (
            "采集你的血样\n在实验室培养和检测细胞\n每一次输注\n疗程中的复查和检查"
        ),
        "text": (
            "我们还没有经过核实的价格可以展示。中心的医生看过你的病历后，中心才能"
            "给出价格。请通过咨询表把病历发给我们，我们会请各中心提供书面报价。"
        ),
        "questions": (
            "报价包括哪些内容？哪些需要另外付费？\n"
            "价格是整个疗程的，还是每次输注的？\n"
            "如果方案改变或提前停止，费用会怎样？\n"
            "是否包括路费、住宿和翻译？\n"
            "报价的有效期是多久？"
        ),
    },
}
