"""The demo glossary in Arabic and Simplified Chinese, by term slug.

Each entry says what ``glossary.demo_content.TERMS`` says, no more: the same
facts in the reader's language. Abbreviations stay in Latin letters, as the
translated guides write them ("CIK", "HCC"), so the marking finds them there;
their full names and every other form are in the language, as the translated
pages use them (``also_matches.N`` translates the English form N).
"""

GLOSSARY_AR = {
    "cik": {
        "term": "CIK",
        "expansion": "القاتلة المحفَّزة بالسيتوكينات",
        "definition": (
            "الخلايا القاتلة المحفَّزة بالسيتوكينات: خلايا مناعية تؤخذ من دم "
            "المريض، وتُنمّى وتُنشَّط في المختبر، ثم تُعاد إليه لتهاجم الخلايا "
            "السرطانية."
        ),
    },
    "cytokine": {
        "term": "سيتوكين",
        "also_matches.0": "السيتوكينات",
        "definition": (
            "رسول كيميائي تستعمله الخلايا المناعية لتتواصل فيما بينها. وبعض "
            "السيتوكينات ينشّط الخلايا المناعية."
        ),
    },
    "adoptive-cell-therapy": {
        "term": "العلاج المناعي الخلوي بالتبنّي",
        "also_matches.0": "العلاج الخلوي بالتبنّي",
        "also_matches.1": "العلاج المناعي بالتبنّي",
        "definition": (
            "علاج تؤخذ فيه خلايا مناعية من المريض، وتُقوّى أو تُكثَّر خارج الجسم، "
            "ثم تُعاد إليه لتحارب السرطان."
        ),
    },
    "pbmc": {
        "term": "PBMCs",
        "expansion": "الخلايا وحيدة النواة في الدم المحيطي",
        "also_matches.0": "PBMC",
        "definition": (
            "خلايا دم بيضاء لكل منها نواة واحدة مستديرة، مثل الخلايا اللمفاوية. "
            "ومنها تُنمّى خلايا CIK."
        ),
    },
    "nkg2d": {
        "term": "NKG2D",
        "definition": (
            "مستقبِل على خلايا CIK والخلايا القاتلة الطبيعية. يتعرّف على جزيئات "
            "الإجهاد (مثل MICA وMICB) التي تحملها خلايا ورمية كثيرة، وهذا ما "
            "يتيح لخلايا CIK أن تجدها."
        ),
    },
    "mhc": {
        "term": "MHC",
        "expansion": "معقّد التوافق النسيجي الكبير",
        "definition": (
            "جزيئات على سطح الخلايا تُظهر لجهاز المناعة ما بداخلها. تحتاج إليها "
            "الخلايا التائية العادية لتتعرّف على هدفها، أما خلايا CIK فلا تحتاج "
            "إليها."
        ),
    },
    "hla": {
        "term": "HLA",
        "expansion": "مستضد الكريات البيض البشرية",
        "definition": (
            "الشكل البشري من MHC. تختلف أنماط HLA من شخص إلى آخر، ولهذا تحتاج "
            "الخلايا أو الأعضاء المتبرَّع بها عادةً إلى مطابقة."
        ),
    },
    "crs": {
        "term": "CRS",
        "expansion": "متلازمة إطلاق السيتوكينات",
        "also_matches.0": "متلازمة إطلاق السيتوكينات",
        "definition": (
            "تفاعل التهابي خطير مع حمّى وانخفاض في ضغط الدم، قد يحدث بعد العلاج "
            "بخلايا CAR-T."
        ),
    },
    "hcc": {
        "term": "HCC",
        "expansion": "سرطان الخلايا الكبدية",
        "also_matches.0": "سرطان الخلايا الكبدية",
        "definition": (
            "أشيع سرطان يبدأ في الكبد نفسه، وكثيرًا ما يصيب كبدًا تضرّر من قبلُ "
            "بالتهاب الكبد B أو C."
        ),
    },
    "nsclc": {
        "term": "NSCLC",
        "expansion": "سرطان الرئة ذو الخلايا غير الصغيرة",
        "also_matches.0": "سرطان الرئة ذو الخلايا غير الصغيرة",
        "definition": "أشيع أشكال سرطان الرئة.",
    },
    "tace": {
        "term": "TACE",
        "expansion": "الانصمام الكيميائي عبر الشريان",
        "definition": (
            "علاج لسرطان الكبد يُرسَل فيه العلاج الكيميائي إلى الشريان الذي يغذّي "
            "الورم، ثم يُسَدّ هذا الشريان."
        ),
    },
    "rfa": {
        "term": "RFA",
        "expansion": "الاستئصال بالترددات الراديوية",
        "definition": "علاج يدمّر الورم بحرارة تصدر من إبرة.",
    },
    "randomised-controlled-trial": {
        "term": "تجربة عشوائية مضبوطة",
        "also_matches.0": "تجارب عشوائية مضبوطة",
        "also_matches.1": "تجربة عشوائية",
        "definition": (
            "دراسة تقرّر فيها الصدفة من يتلقى العلاج الذي يُختبر ومن لا يتلقاه، "
            "فتمكن مقارنة المجموعتين مقارنة عادلة."
        ),
    },
    "overall-survival": {
        "term": "مدة البقاء على قيد الحياة",
        "definition": (
            "المدة التي يعيشها المشاركون في دراسة، من نقطة بداية محددة، أيًّا كان "
            "ما يحدث للسرطان."
        ),
    },
}

GLOSSARY_ZH = {
    "cik": {
        "term": "CIK",
        "expansion": "细胞因子诱导的杀伤细胞",
        "definition": (
            "细胞因子诱导的杀伤细胞：从患者血液中取出的免疫细胞，在实验室中培养"
            "和激活后再回输给患者，用来攻击癌细胞。"
        ),
    },
    "cytokine": {
        "term": "细胞因子",
        # Chinese has no plural: the English "cytokines" is the same word.
        "also_matches.0": "细胞因子",
        "definition": (
            "免疫细胞之间用来互相传递信号的化学信使。有些细胞因子能激活免疫细胞。"
        ),
    },
    "adoptive-cell-therapy": {
        "term": "过继性细胞免疫治疗",
        "also_matches.0": "过继性细胞免疫疗法",
        "also_matches.1": "过继性免疫治疗",
        "definition": (
            "从患者体内取出免疫细胞，在体外增强或扩增后再回输给患者，用来对抗癌症"
            "的治疗。"
        ),
    },
    "pbmc": {
        "term": "PBMC",
        "expansion": "外周血单个核细胞",
        "also_matches.0": "PBMCs",
        "definition": (
            "只有一个圆形细胞核的白细胞，例如淋巴细胞。CIK 细胞就是由它们培养而来的。"
        ),
    },
    "nkg2d": {
        "term": "NKG2D",
        "definition": (
            "CIK 细胞和自然杀伤细胞上的一种受体。它能识别许多肿瘤细胞带有的应激分子"
            "（如 MICA 和 MICB），CIK 细胞因此能找到这些肿瘤细胞。"
        ),
    },
    "mhc": {
        "term": "MHC",
        "expansion": "主要组织相容性复合体",
        "definition": (
            "细胞表面的一类分子，向免疫系统展示细胞内部的情况。普通 T 细胞需要借助"
            "它们识别目标，CIK 细胞则不需要。"
        ),
    },
    "hla": {
        "term": "HLA",
        "expansion": "人类白细胞抗原",
        "definition": (
            "人类的 MHC。不同人的 HLA 类型各不相同，所以捐献的细胞或器官通常需要配型。"
        ),
    },
    "crs": {
        "term": "CRS",
        "expansion": "细胞因子释放综合征",
        "also_matches.0": "细胞因子释放综合征",
        "definition": (
            "一种严重的炎症反应，会出现发热和血压下降，可能在 CAR-T 治疗后发生。"
        ),
    },
    "hcc": {
        "term": "HCC",
        "expansion": "肝细胞癌",
        "also_matches.0": "肝细胞癌",
        "definition": (
            "最常见的原发于肝脏本身的癌症，常发生在已经被乙型或丙型肝炎损伤的肝脏中。"
        ),
    },
    "nsclc": {
        "term": "NSCLC",
        "expansion": "非小细胞肺癌",
        "also_matches.0": "非小细胞肺癌",
        "definition": "最常见的一种肺癌。",
    },
    "tace": {
        "term": "TACE",
        "expansion": "经动脉化疗栓塞",
        "definition": (
            "一种肝癌治疗方法：把化疗药物送入供应肿瘤的动脉，然后把这条动脉堵住。"
        ),
    },
    "rfa": {
        "term": "RFA",
        "expansion": "射频消融",
        "definition": "用针产生的热量破坏肿瘤的治疗方法。",
    },
    "randomised-controlled-trial": {
        "term": "随机对照试验",
        "also_matches.0": "随机对照试验",
        "also_matches.1": "随机试验",
        "definition": (
            "一种研究：由随机方式决定谁接受被测试的治疗、谁不接受，以便公平地比较各组。"
        ),
    },
    "overall-survival": {
        "term": "总生存期",
        "definition": ("研究中的人从设定的起点开始存活的时间，无论癌症发生什么变化。"),
    },
}
