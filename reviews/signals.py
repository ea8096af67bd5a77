"""What the review framework announces, for apps above it that keep derived data.

Django's signals, as ``django.db.models.signals`` offers them: the framework
knows no receiver, so search (or any app above reviews) listens without
reviews importing it.
"""

from django.dispatch import Signal

# Sent inside the transaction that makes ``version`` the one patients see (a
# full review or a minor change); the item's earlier approved version is
# superseded in the same transaction. Arguments: ``version``.
version_approved = Signal()
