"""Tests that must run last in their process stay last under work stealing.

Tests marked ``error_tracking`` start Sentry's SDK, whose patches of Django stay
in the process: every later request, query and template render of that worker
goes through them. Collection sorts them last (``tests/conftest.py``), but
pytest-xdist's work stealing hands an idle worker the tail of the other's
queue, these tests first: a profile found a seventh of the run's samples under
the SDK's wrappers. This scheduler holds them back until no worker has work
left to steal, then gives them to the first worker that runs out.
"""

import pytest
from xdist.scheduler.worksteal import MIN_PENDING, WorkStealingScheduling

# Their node ids say so (``tests/conftest.py`` checks every marked test's does):
# the controller process that schedules has node ids, not markers.
LAST = "error_tracking"


class LastTestsLast(WorkStealingScheduling):
    def __init__(self, config, log=None):
        super().__init__(config, log)
        self.held: list[int] | None = None  # indexes, once collected

    @property
    def tests_finished(self) -> bool:
        return not self.held and super().tests_finished

    @property
    def has_pending(self) -> bool:
        return bool(self.held) or super().has_pending

    def check_schedule(self) -> None:
        if self.held is None and self.collection is not None:
            held = {i for i in self.pending if LAST in self.collection[i]}
            self.pending[:] = [i for i in self.pending if i not in held]
            self.held = sorted(held)
        if self.held and not self.pending and not self._stealable():
            self.pending.extend(self.held)
            self.held = []
        super().check_schedule()

    def _stealable(self) -> bool:
        # As WorkStealingScheduling.check_schedule decides how many to steal.
        return any(
            min(len(pending) // 2, len(pending) - MIN_PENDING) > 0
            for pending in self.node2pending.values()
        )


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    if config.getvalue("dist") == "worksteal":
        return LastTestsLast(config, log)
    return None
