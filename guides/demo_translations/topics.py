"""The demo topics in Arabic and Simplified Chinese, by slug: what
``guides.demo_content.TOPICS`` says, in the words the translated guides use."""

TOPICS_AR = {
    "cik-cell-therapy": {
        "name": "العلاج بخلايا CIK",
        "description": (
            "يستعمل العلاج بالخلايا القاتلة المحفَّزة بالسيتوكينات (CIK) خلايا "
            "المريض المناعية نفسها، بعد أن تُنمّى في المختبر، لمهاجمة السرطان."
        ),
    },
    "treatment-access": {
        "name": "الوصول إلى العلاج",
        "description": "أسئلة عملية عن الأماكن التي يُقدَّم فيها العلاج ومن يدفع تكاليفه.",
    },
}

TOPICS_ZH = {
    "cik-cell-therapy": {
        "name": "CIK 细胞疗法",
        "description": (
            "细胞因子诱导的杀伤细胞（CIK）疗法使用患者自己的免疫细胞，"
            "在实验室培养后用来攻击癌症。"
        ),
    },
    "treatment-access": {
        "name": "获得治疗",
        "description": "关于治疗在哪里提供、由谁支付费用的实际问题。",
    },
}
