"""What each role sees first on the admin index: their own work, as counts.

The kernel knows no app: apps register a panel function in ``AppConfig.ready()``
(as they register sitemaps). A panel function takes the request and returns a
``HomePanel`` for a user it concerns, or ``None``.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

_PANELS: list[Callable] = []


@dataclass(frozen=True)
class Figure:
    label: str
    count: int
    url: str
    # Drawn as needing attention (with words, never colour alone).
    urgent: bool = False


@dataclass(frozen=True)
class HomePanel:
    title: str
    figures: list[Figure] = field(default_factory=list)
    # Shortcuts to the pages this role opens most: (label, url).
    links: list[tuple[str, str]] = field(default_factory=list)
    links_title: str = ""
    order: int = 0


def register_home_panel(panel: Callable) -> None:
    if panel not in _PANELS:
        _PANELS.append(panel)


def home_panels(request) -> list[HomePanel]:
    panels = (panel(request) for panel in _PANELS)
    return sorted((p for p in panels if p is not None), key=lambda p: p.order)
