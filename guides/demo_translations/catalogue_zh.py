"""The CIK guide's questions and the demo cancer types in Simplified Chinese."""

FAQ_ZH = {
    "is-cik-therapy-immunotherapy": {
        "question": "CIK 疗法属于免疫治疗吗？",
        "answer": (
            "<p>是的。CIK 疗法属于一类叫作过继性细胞免疫治疗的方法。在这类治疗中，"
            "从患者身上采集免疫细胞，在实验室里扩增，然后再输回体内。</p>"
            "<p>它的作用方式不同于免疫检查点抑制剂，也就是很多人听说过的免疫治疗药物，"
            "例如 pembrolizumab 或 nivolumab。那些药物不增加新的细胞，而是阻断起“刹车”"
            "作用的受体，让你已有的免疫细胞更卖力地工作。两种方法都属于癌症免疫治疗。</p>"
        ),
    },
    "cik-or-car-t": {
        "question": "CIK 和 CAR-T 有什么不同？",
        "answer": (
            "<p>最大的不同在于各自找到目标的精确程度。</p><p>CAR-T 细胞是经过基因改造的"
            " T 细胞。它们带有一种新的受体，叫作嵌合抗原受体（CAR），能抓住癌细胞上一个"
            "特定的标志（抗原）。它们只对带有这种标志的癌症起作用，并且可能引起严重的"
            "副作用，例如 CRS。</p><p>CIK 细胞没有经过基因改造。细胞因子激活它们并帮助"
            "它们增殖。它们以一种不依赖 MHC 的广泛方式攻击肿瘤[ref:jca-2011]。"
            "在研究中，"
            "它们的副作用大多较轻[ref:jcrco-2015]。</p><p>我们引用的研究中没有一项直接"
            "比较这两者。所以我们不能说哪一种更安全或效果更好。</p><p>我们的指南"
            '<a href="/guides/cik-and-car-t-compared/" rel="noopener noreferrer">'
            "CIK and CAR-T compared</a>（英文）逐一说明了它们的区别。</p>"
        ),
    },
    "cik-alone-or-combined": {
        "question": "CIK 疗法可以单独使用，还是只能与其他治疗合用？",
        "answer": (
            "<p>研究人员两种情况都研究过。我们引用的大多数研究是把 CIK 与其他治疗一起"
            "使用。在肺癌中，它与化疗一起使用[ref:jir-2018]。在肝癌中，它在手术或消融"
            "之后使用，以尽量防止癌症复发（辅助治疗）[ref:gastroenterology-2015]。</p>"
            "<p>所以目前所知的大多是把 CIK 作为整体治疗计划的一部分。我们引用的研究"
            "没有说明 CIK 单独使用的效果如何。</p>"
        ),
    },
    "where-is-cik-therapy-available": {
        "question": "我可以在哪里接受 CIK 疗法？",
        "answer": (
            "<p>许多 CIK 研究来自中国。例如，一篇综述汇总了 28 项肺癌 CIK 试验，全部"
            "来自中国[ref:jir-2018]。韩国的医院也做过试验[ref:gastroenterology-2015]。"
            "亚洲其他地方也有一些医院提供这种治疗。</p><p>在西方国家，CIK 大多仍是"
            "研究性治疗，不属于常规诊疗。CancerFax 帮助患者在我们核实过的中国和印度"
            "中心接受 CIK 疗法。</p>"
        ),
    },
    "does-insurance-cover-cik-therapy": {
        "question": "保险会支付 CIK 疗法的费用吗？",
        "answer": (
            "<p>在中国，大型肿瘤中心通过研究和临床项目提供 CIK 疗法。保险是否支付，"
            "取决于所在省份和医院自己的安排。</p><p>从其他国家来中国接受 CIK 疗法的"
            "患者，通常需要自费。在你决定出行之前，CancerFax 可以为你自己的治疗方案"
            "准备一份详细的费用估算。</p>"
        ),
    },
}

INDICATIONS_ZH = {
    "hepatocellular-carcinoma": {
        "name": "肝细胞癌（HCC）",
        "summary": (
            "<p>肝细胞癌（HCC）是起源于肝脏本身的最常见的癌症。它常常发生在已经受损的"
            "肝脏中，例如长期患有乙型或丙型肝炎的肝脏。</p><p>CIK 疗法已在多项肝癌"
            "试验中接受检验[ref:ddt-2017]。它在切除或破坏肿瘤的治疗之后使用，"
            "目的是防止癌症复发[ref:gastroenterology-2015]。</p>"
        ),
        "evidence_overview": (
            "<p>一些研究（大多来自中国和韩国）在以下治疗之后使用 CIK 细胞：</p><ul>"
            "<li><strong>手术切除</strong>：通过手术切除含有肿瘤的那部分肝脏。</li>"
            "<li><strong>TACE</strong>（经动脉化疗栓塞）：把化疗药送入供应肿瘤的动脉，"
            "然后把动脉堵住。</li><li><strong>RFA</strong>（射频消融）：用一根针"
            "产生热量来破坏肿瘤。</li></ul><p>在手术或消融之后，试验发现使用 CIK 时"
            "癌症复发更少或更晚[ref:gastroenterology-2015] [ref:ddt-2017]。汇总这些"
            "试验的综述还发现死亡人数更少[ref:oncotarget-2017]。</p><p>但有一项随机"
            "试验没有发现总生存期的差别[ref:oncoimmunology-2016]。它也没有发现无病"
            "生存期的差别[ref:oncoimmunology-2016]，也就是人们在没有癌症迹象的情况下"
            "生存的时间。所以证据并不一致。</p><p>许多试验规模较小。CIK 不在 NCCN 或"
            " ESMO 等西方指南之中。你的肝病专科医生可以解释这对你意味着什么。</p>"
        ),
        "meta_description": (
            "肝细胞癌（HCC）的 CIK 细胞疗法：何时在手术、TACE 或 RFA 之后使用，"
            "以及研究显示了什么。"
        ),
    },
    "non-small-cell-lung-cancer": {
        "name": "非小细胞肺癌（NSCLC）",
        "summary": (
            "<p>非小细胞肺癌（NSCLC）是最常见的肺癌类型。在 II 期或 III 期，癌症已经"
            "长大或到达附近的淋巴结，但还没有扩散到更远的器官。</p><p>CIK 疗法已在"
            " NSCLC 中与标准化疗一起接受检验[ref:jir-2018]。</p>"
        ),
        "evidence_overview": (
            "<p>中国的随机试验在晚期 NSCLC 的标准化疗基础上加用了 CIK 细胞。这些细胞"
            "与树突状细胞一起培养，称为 DC-CIK。汇总这些试验的综述发现，使用 DC-CIK 时"
            "有更多人的肿瘤缩小或得到控制[ref:jir-2018] [ref:oncotarget-2016]。</p>"
            "<p>这并不等于活得更久，这些综述没有显示这一点[ref:jir-2018]。大多数试验的"
            "偏倚风险不明确[ref:jir-2018]。所以证据并不一致，任何获益的大小都不确定。"
            "</p>"
        ),
        "meta_description": (
            "非小细胞肺癌（NSCLC）的 CIK 细胞疗法：与化疗合用及术后使用，"
            "以及试验的发现。"
        ),
    },
    "gastric-cancer": {
        "name": "胃癌",
        "summary": (
            "<p>胃癌是发生在胃部的癌症。在中国，CIK 疗法曾与化疗一起试用，主要用于"
            "癌症已长入附近组织的人，或用于手术之后。</p>"
        ),
        "evidence_overview": (
            "<p>我们还没有核实这些研究的已发表来源。所以本页对它们的发现不作任何说法。"
            "请向你的癌症专科医生询问是否有适合你的临床试验。</p>"
        ),
        "meta_description": (
            "胃癌的 CIK 细胞疗法：曾与化疗一起试用；我们能说什么、还不能说什么。"
        ),
    },
    "colorectal-cancer": {
        "name": "结直肠癌",
        "summary": (
            "<p>结直肠癌起源于大肠（结肠）或直肠。CIK 疗法正在这里接受研究。它大多与"
            "其他治疗一起使用，或作为维持治疗：在主要治疗之后帮助控制癌症的治疗。</p>"
        ),
        "evidence_overview": (
            "<p>我们还没有核实这些研究的已发表来源。所以本页对它们的发现不作任何说法。"
            "请向你的癌症专科医生询问是否有适合你的临床试验。</p>"
        ),
        "meta_description": (
            "结直肠癌的 CIK 细胞疗法：大多与其他治疗一起研究；我们能说什么、"
            "还不能说什么。"
        ),
    },
    "renal-cell-carcinoma": {
        "name": "肾细胞癌",
        "summary": (
            "<p>肾细胞癌是成人最常见的肾癌。CIK 疗法曾用于它的研究，大多与其他治疗"
            "一起使用或作为维持治疗。</p>"
        ),
        "evidence_overview": (
            "<p>相关研究很少。我们还没有核实它们的已发表来源，所以本页对它们的发现"
            "不作任何说法。CIK 不是肾癌的标准治疗。</p>"
        ),
        "meta_description": (
            "肾细胞癌（肾癌）的 CIK 细胞疗法：研究很少，大多与其他治疗一起使用。"
        ),
    },
    "nasopharyngeal-carcinoma": {
        "name": "鼻咽癌",
        "summary": (
            "<p>鼻咽癌起源于鼻咽部，也就是鼻子后方、咽喉顶部的空间。CIK 疗法曾用于"
            "它的研究，大多与其他治疗一起使用或作为维持治疗。</p>"
        ),
        "evidence_overview": (
            "<p>大多数研究来自亚洲的中心。我们还没有核实它们的已发表来源，所以本页"
            "对它们的发现不作任何说法。</p>"
        ),
        "meta_description": (
            "鼻咽癌的 CIK 细胞疗法：主要在亚洲的中心与其他治疗一起研究。"
        ),
    },
}
