"""Jobs run at once, each in its own thread and database connection.

Real races need real connections: on PostgreSQL each thread has its own
connection and transaction. SQLite takes one writer at a time.
"""

import threading

from django.db import connection


def run_together(*jobs, timeout=30):
    """Run each job in its own thread and connection; return their exceptions."""
    errors = []

    def run(job):
        try:
            job()
        except Exception as error:  # noqa: BLE001 - reported to the test
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
    assert not any(thread.is_alive() for thread in threads), "a job hung"
    return errors
