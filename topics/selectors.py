"""Grouping visible guides and questions under their topics."""

from dataclasses import dataclass

from reviews.selectors import Visible, visible_in_bulk

from .models import Topic


@dataclass
class TopicGroup:
    topic: Visible | None  # None: items whose topic patients cannot see yet
    items: list

    @property
    def anchor(self):
        # Never "topic-…": a topic may be called "other".
        return f"topic-{self.topic.slug}" if self.topic else "more-topics"


def live_topic(item):
    return item.obj.topic_id


def group_by_topic(items, *, topic_of=live_topic, item_key=None) -> list[TopicGroup]:
    """``items`` grouped by the identity of their topic (``topic_of(item)``).

    Groups follow the topics' order numbers, then names, then ids, so topics
    that share an order number never interleave. Within a group the items keep
    their order, or follow ``item_key``.
    """
    topics = visible_in_bulk(Topic, {topic_of(item) for item in items} - {None})
    groups: dict[int | None, TopicGroup] = {}
    for item in items:
        topic = topics.get(topic_of(item))
        key = topic.pk if topic else None
        groups.setdefault(key, TopicGroup(topic, [])).items.append(item)
        item.related["topic"] = topic
    if item_key is not None:
        for group in groups.values():
            group.items.sort(key=item_key)

    def order(group):
        if group.topic is None:
            return (1, 0, "", 0)
        return (0, group.topic.obj.order, group.topic.name.lower(), group.topic.pk)

    return sorted(groups.values(), key=order)
