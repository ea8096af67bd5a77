"""The CIK guide in Simplified Chinese: each text of the English demo guide, by key.

Plain words for patients and families. Citations ([ref:key]) stay where the
English has them; marker and test names stay as patients meet them on reports.
"""

CIK_GUIDE_ZH = {
    "title": "什么是 CIK 疗法？",
    "lede": (
        "本指南从头介绍细胞因子诱导的杀伤细胞（CIK）疗法：它如何起作用，"
        "在哪些癌症中做过研究，以及研究能告诉你什么、不能告诉你什么。"
    ),
    "meta_description": (
        "为患者讲解 CIK 细胞疗法：如何培养并回输你自己的免疫细胞，"
        "用于哪些癌症，有哪些好处和局限。"
    ),
    "sections.0.heading": "要点速览",
    "sections.0.items.0.text": (
        "这种治疗使用你自己的免疫细胞。实验室把它们培养到很大的数量，"
        "然后再输回你体内去攻击肿瘤。"
    ),
    "sections.0.items.1.text": (
        "英国、欧盟和美国的监管机构都没有批准它。在那里它不是标准治疗："
        "主要的癌症诊疗指南不推荐它。在临床试验之外，它主要在中国和东亚其他地区提供。"
    ),
    "sections.0.items.2.text": (
        "大部分证据来自最常见的肝癌，即肝细胞癌（HCC），用于手术或消融之后"
        "[ref:ddt-2017]。即使在这里，结果也不一致。在一项试验中，使用 CIK 后癌症"
        "复发得更晚，但生存期没有差别[ref:oncoimmunology-2016]。"
    ),
    "sections.0.items.3.text": (
        "许多试验规模小，只在一个国家进行，而且容易有偏倚[ref:jir-2018]。"
        "所以它能带来多大帮助并不确定。"
    ),
    "sections.0.items.4.text": (
        "研究中的副作用大多较轻：输注后发热、寒战、头痛和乏力[ref:jcrco-2015]。"
        "这些报告没有提到细胞因子释放综合征（CRS），这是 CAR-T 治疗后可见的严重反应。"
        "没有任何研究能保证一种治疗完全没有严重风险。"
    ),
    "sections.0.items.5.text": (
        "在大多数研究中，它与其他治疗一起使用，例如手术、消融或化疗"
        "[ref:jir-2018] [ref:gastroenterology-2015]。一个疗程是在几周或几个月内"
        "进行数次输注。"
    ),
    "sections.1.heading": "什么是 CIK 细胞疗法？",
    "sections.1.body": (
        "<p>CIK 是“细胞因子诱导的杀伤细胞”的英文缩写。它是一种过继性细胞免疫疗法："
        "从患者身上取出免疫细胞，在体外增强，然后再输回体内。</p>"
        "<p>整个过程分三步：</p><ol><li>抽取你的一份血样。</li>"
        "<li>在实验室里，从血样中分离出一部分免疫细胞。用<strong>细胞因子</strong>"
        "激活它们；细胞因子是免疫细胞之间互相传递信号的化学信使。然后细胞开始增殖。"
        "这通常需要大约 14–21 天；每个实验室有自己的时间安排。</li>"
        "<li>培养好的细胞通过静脉滴注输回你体内。在体内，它们寻找并消灭肿瘤细胞。"
        "</li></ol>"
    ),
    "sections.3.quote": (
        "CIK 疗法用只来自你自己血液的细胞，为你的免疫系统对抗肿瘤增添力量。"
    ),
    "sections.4.heading": "你自己的细胞，兼有两种本领",
    "sections.4.items.0.title": "自体：用你自己的血液制成",
    "sections.4.items.0.text": (
        "这些细胞由你自己的外周血单个核细胞（PBMC）培养而来[ref:jca-2011]。"
        "它们是可以从血样中取得的白细胞。“自体”的意思是细胞是你自己的。\n\n"
        "不需要供者，所以也不需要配型。当 CIK 细胞来自供者时，曾出现过移植物抗"
        "宿主病，即供者细胞攻击身体[ref:jcp-2020]。用你自己的细胞，就没有供者。"
    ),
    "sections.4.items.1.title": "一部分像 T 细胞，一部分像 NK 细胞",
    "sections.4.items.1.text": (
        "CIK 细胞是一个混合群体。许多细胞表面同时带有两种标志：T 细胞上的 CD3，"
        "和自然杀伤（NK）细胞上的 CD56[ref:ijms-2014]。\n\n"
        "这种组合让它们不必先检查细胞的 MHC 身份标签就能杀伤（不受 MHC 限制的杀伤）。"
        "所以它们不需要与人的组织类型（HLA 型）相配。"
    ),
    "sections.5.heading": "CIK 细胞如何攻击癌症",
    "sections.5.intro": (
        "CIK 细胞有不止一种方法来发现并杀死癌细胞[ref:jca-2011]。它们不依赖单一的靶点。"
    ),
    "sections.5.items.0.title": "接触即杀伤",
    "sections.5.items.0.text": (
        "当 CIK 细胞接触到肿瘤细胞时，会释放两种蛋白质：穿孔素和颗粒酶 B。"
        "穿孔素在癌细胞的外层打孔。颗粒酶 B 穿过这些孔，启动细胞凋亡，"
        "也就是细胞自我关闭并死亡的方式。"
    ),
    "sections.5.items.1.title": "发出信号",
    "sections.5.items.1.text": (
        "被激活后，CIK 细胞会在肿瘤附近释放细胞因子 IFN-γ（γ 干扰素）、"
        "TNF-α（α 肿瘤坏死因子）和 IL-2（白细胞介素-2）。这些信号减慢肿瘤生长，"
        "还会召集更多免疫细胞来到这里。"
    ),
    "sections.5.items.2.title": "不需要身份检查",
    "sections.5.items.2.text": (
        "普通 T 细胞只攻击那些在一种叫 I 类 MHC 的表面分子上向它展示蛋白片段的细胞；"
        "在人体中它也叫 HLA。有些癌症会减少这种分子来躲藏。CIK 细胞不依赖它"
        "[ref:ijms-2014]。所以它们仍能杀死这样躲藏的癌细胞。"
    ),
    "sections.5.items.3.title": "NKG2D 通路",
    "sections.5.items.3.text": (
        "CIK 细胞还带有一种叫 NKG2D 的受体。它能结合 MICA/MICB，这是许多肿瘤细胞"
        "表面出现的应激分子[ref:jca-2011]。这让 CIK 细胞在 T 细胞受体之外，"
        "多了第二种发现癌细胞的方法。"
    ),
    "sections.7.heading": "CIK 疗法能提供什么，不能提供什么",
    "sections.7.intro": (
        "在细胞疗法中，CIK 有它自己的位置。它在许多种癌症中做过研究"
        "[ref:jcp-2020]。它的针对性也较弱：CAR-T 这类经过改造的疗法是为寻找一个"
        "靶点而设计的，而 CIK 细胞不是[ref:jca-2011]。"
    ),
    "sections.7.items.0.title": "副作用通常较轻",
    "sections.7.items.0.text": (
        "在登记报告中，副作用大多较轻，例如发热、寒战、头痛和乏力"
        "[ref:jcrco-2015] [ref:jcp-2020]。这些报告没有提到细胞因子释放综合征（CRS）"
        "或 ICANS（免疫效应细胞相关神经毒性综合征，会影响大脑和神经）。"
        "两者都是 CAR-T 治疗后可能出现的严重反应。"
    ),
    "sections.7.items.1.title": "不需要 HLA 配型",
    "sections.7.items.1.text": (
        "CIK 细胞的杀伤不依赖 MHC[ref:ijms-2014]。治疗用你自己的细胞制成，"
        "不需要组织配型，也没有供者。"
    ),
    "sections.7.items.2.title": "可与其他治疗配合",
    "sections.7.items.2.text": (
        "有研究把 CIK 细胞与化疗一起使用[ref:jir-2018]。在肝癌中，它们在手术或"
        "射频消融（RFA，用热量破坏肿瘤）之后使用[ref:gastroenterology-2015]。"
        "有些中心也在经动脉化疗栓塞（TACE，把化疗药送入肝脏肿瘤的动脉，然后把它堵住）"
        "之后使用。"
    ),
    "sections.7.items.3.title": "在许多癌症中做过研究",
    "sections.7.items.3.text": (
        "一个登记库统计了在 30 多种肿瘤中进行的 CIK 试验[ref:jcp-2020]。"
        "做过研究不等于有效：下面的癌症类型分别说明了目前所知的情况。"
    ),
    "sections.7.items.4.title": "通常不需要住院",
    "sections.7.items.4.text": (
        "输注常常在门诊或日间病房进行，不需要在医院过夜。请向中心询问它如何安排你的就诊。"
    ),
    "sections.7.items.5.title": "不针对单一靶点",
    "sections.7.items.5.text": (
        "CIK 细胞以一种广泛的方式发现肿瘤，而不是通过一个明确的靶点"
        "[ref:jca-2011]。我们引用的研究中没有一项直接比较 CIK 和 CAR-T。"
    ),
    "sections.7.items.6.title": "试验质量参差不齐",
    "sections.7.items.6.text": (
        "许多 CIK 研究规模小，或随机化做得不好。在一篇综述中，大多数试验的偏倚风险"
        "不明确[ref:jir-2018]。所以任何获益的真实大小都很难知道。"
    ),
    "sections.7.items.7.title": "并非各地的标准治疗",
    "sections.7.items.7.text": (
        "在中国和东亚以外，主要的西方癌症诊疗指南没有把 CIK 疗法列为标准治疗。"
        "这些指南是美国的 NCCN 指南和欧洲的 ESMO 指南。"
    ),
    "sections.7.items.8.title": "需要多轮治疗",
    "sections.7.items.8.text": (
        "一个疗程通常是在几周或几个月内进行一系列输注。你需要多次回到医院，"
        "如果要出行，也需要仔细安排。"
    ),
    "sections.8.heading": "CIK 疗法的数字",
    "sections.8.intro": (
        "最大的一些试验和综述发现了什么，以及它们的局限。每个数字都链接到"
        "“参考文献”中的来源。"
    ),
    "sections.8.items.0.title": "项国际登记库中的 CIK 临床试验",
    "sections.8.items.0.text": (
        "该登记库统计了 106 项试验，共 10,225 人。这些试验设计各异，并非都是随机试验。"
    ),
    "sections.8.items.0.figure": "超过 100",
    "sections.8.items.1.title": "肝脏手术后至复发的时间，使用与不使用 CIK",
    "sections.8.items.1.text": (
        "在一项 200 人的随机试验中，使用 CIK 后癌症复发得更晚。同一试验发现，"
        "总生存期和无病生存期都没有差别。"
    ),
    "sections.8.items.1.figure": "13.6 个月对 7.8 个月",
    "sections.8.items.2.title": "人参加了韩国的一项 3 期随机试验",
    "sections.8.items.2.text": (
        "他们的肝癌已经过手术或消融治疗。试验测量了他们在癌症不复发的情况下生存了多久。"
    ),
    "sections.8.items.2.figure": "230",
    "sections.8.items.3.title": "研究了肺癌中 CIK 联合化疗（共 2,242 人）",
    "sections.8.items.3.text": (
        "综合来看，它们发现更多人的肿瘤缩小或得到控制。这些试验大多数的偏倚风险不明确。"
    ),
    "sections.8.items.3.figure": "28 项试验",
    "sections.8.items.4.title": "定义 CIK 细胞的一对标志",
    "sections.8.items.4.text": (
        "同时带有这两种标志，使细胞兼有 T 细胞和 NK 细胞的杀伤能力。"
    ),
    "sections.8.items.4.figure": "CD3+CD56+",
    "sections.9.heading": "CIK 疗法用于哪些癌症",
    "sections.9.intro": (
        "CIK 在许多实体瘤中做过研究[ref:jcp-2020]。我们引用的研究主要是关于"
        "手术或消融后的肝癌，以及与化疗合用的肺癌。"
    ),
    "sections.9.items.0.text": (
        "CIK 的大部分证据在这里，而且结果不一致。它在手术、TACE 或 RFA 之后使用，"
        "以尽量防止癌症复发。在试验中，癌症复发得更少或更晚[ref:oncotarget-2017]。"
        "但有一项试验没有发现生存期的获益[ref:oncoimmunology-2016]。"
    ),
    "sections.9.items.1.text": (
        "在化疗基础上加用 CIK 与树突状细胞（DC-CIK），更多人的肿瘤缩小或停止生长"
        "[ref:jir-2018]。是否能让人活得更久尚未得到证明[ref:jir-2018]。"
        "大多数试验的偏倚风险不明确[ref:jir-2018]。"
    ),
    "sections.9.items.2.text": (
        "在胃癌中，CIK 曾与化疗一起试用。我们还没有核实其结果的来源，"
        "所以我们对结果不作任何说法。"
    ),
    "sections.9.items.3.text": (
        "CIK 正在肠癌中研究，多与其他治疗一起使用。我们还没有核实其结果的来源。"
    ),
    "sections.9.items.4.text": (
        "肾癌方面只有少数研究，多与其他治疗一起使用。我们还没有核实其结果的来源。"
    ),
    "sections.9.items.5.text": (
        "主要在亚洲的中心研究，与其他治疗一起使用。我们还没有核实其结果的来源。"
    ),
    "sections.10.heading": "CIK 疗法获得批准了吗？",
    "sections.10.intro": (
        "批准是指药品监管机构审查过一种治疗并允许使用。英国、欧盟和美国的监管机构"
        "都没有批准 CIK 疗法。临床试验用来检验新的治疗。下面的登记平台会显示"
        "正在招募患者的 CIK 试验。"
    ),
    "sections.11.heading": "治疗包括什么",
    "sections.12.heading": "费用是多少",
    "sections.13.heading": "更多关于 CIK 细胞疗法的指南",
    "sections.13.intro": (
        "了解 CIK 细胞是怎样制备的，肝癌研究显示了什么，以及 CIK 与 CAR-T 相比如何。"
    ),
    "sections.14.heading": "患者常问的问题",
    "sections.14.intro": (
        "我们最常听到刚接触 CIK 疗法的患者和家属提出的问题，以及我们的回答。"
    ),
    "sections.15.heading": "CancerFax 能怎样帮助你",
    "sections.15.intro": (
        "CancerFax 帮助癌症患者找到专科治疗。我们向患者和家属解释可以选择的方案，"
        "帮助他们整理病历，与医院沟通，并在合适的时候安排到其他国家治疗。"
    ),
    "sections.15.items.0.title": "病历整理与审阅",
    "sections.15.items.0.text": (
        "我们收集你的报告、影像、病理和生物标志物结果以及治疗经过，并加以整理，"
        "让专科医生能有条理地审阅你的病情。"
    ),
    "sections.15.items.1.title": "资格核查",
    "sections.15.items.1.text": (
        "我们联系医院或临床试验团队，了解你的病情能否进入进一步筛查。"
    ),
    "sections.15.items.2.title": "与医院沟通",
    "sections.15.items.2.text": (
        "我们帮助预约、递送文件、翻译，并直接与医院的国际患者部门沟通。"
    ),
    "sections.15.items.3.title": "出行与入院",
    "sections.15.items.3.text": (
        "如果你从国外来，我们在实际事务上提供帮助：规划行程，告诉你入院时会遇到什么，"
        "并在当地提供支持。"
    ),
    "sections.15.items.4.title": "其他治疗和试验",
    "sections.15.items.4.text": (
        "如果这种治疗不适合你，我们帮你了解可能适合你的其他治疗、试验或专科诊疗。"
    ),
    "sections.15.items.5.title": "从头到尾一个联系人",
    "sections.15.items.5.text": (
        "从你的第一个问题到治疗后的随访，都由一位协调员作为你家人的主要联系人。"
    ),
    "sections.16.intro": (
        "CancerFax 不能保证你一定能得到某种治疗，不能保证你会被认定符合条件，"
        "也不能保证结果如何。我们做的是帮助你获得可靠的信息、对你病情的有序审阅，"
        "以及通往合适专科医生的途径。"
    ),
    "sections.17.heading": "CIK 疗法适合你吗？",
    "sections.17.intro": (
        "把你的病历发给我们。我们会看你的癌症类型和分期以及你至今接受过的治疗，"
        "并告诉你 CIK 疗法（单独使用或与其他治疗合用）是否值得考虑。如果值得，"
        "我们可以为你介绍中国或印度的专科中心。"
    ),
    "sections.17.button_label": "咨询 CIK 疗法",
    "sections.18.intro": (
        "本指南只提供一般信息，不是医疗建议。在做出任何治疗决定之前，"
        "请与合格的癌症专科医生（肿瘤科医生）交谈。"
    ),
    "sections.2.intro": "CIK 细胞治疗的三个阶段：从采血到静脉输注。",
    "sections.6.intro": (
        "CIK 细胞上的 NKG2D 受体与肿瘤细胞上的 MICA/MICB 结合 [ref:jca-2011]。"
    ),
}
