"""How topics are reviewed: their snapshot, diff and registration."""

from dataclasses import dataclass

from reviews.diff import flat_diff
from reviews.registry import register
from reviews.snapshots import Snapshot


@dataclass(frozen=True)
class TopicSnapshot(Snapshot):
    SCHEMA_VERSION = 1

    name: str
    description: str = ""


def topic_snapshot(topic) -> TopicSnapshot:
    return TopicSnapshot(name=topic.name, description=topic.description)


def register_topics():
    from .models import Topic

    register(
        Topic,
        kind="topic",
        snapshot_type=TopicSnapshot,
        build=topic_snapshot,
        # Both fields are words; order and slug are not in the snapshot at all.
        words=lambda snapshot: snapshot,
        diff=flat_diff(Topic, ["name", "description"]),
        title_field="name",
        has_page=False,
        translatable=("name", "description"),
    )
