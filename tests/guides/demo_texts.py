"""The demo content's words, as helpers for its tests."""

import html
import re

from guides import demo_content


def normalise(text):
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    text = text.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    text = " ".join(text.split()).lower()
    return re.sub(r"\s+([.,;:!?])", r"\1", text)


def demo_strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from demo_strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from demo_strings(item)


def demo_texts():
    data = [
        demo_content.TOPICS,
        demo_content.FAQ_ENTRIES,
        demo_content.INDICATIONS,
        demo_content.GUIDES,
        demo_content.FACTS,
    ]
    return [normalise(text) for text in demo_strings(data)]
