"""Backups of the database and the medical records together, encrypted at rest.

``manage.py backup`` and ``manage.py restore`` (``docs/operations.md``).
"""
