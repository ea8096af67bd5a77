"""An integer no column can hold matches nothing, in ``__in`` as in ``exact``."""

import pytest
from django.contrib.auth.models import Group

from cancerfax import roles


@pytest.mark.django_db
def test_out_of_range_integers_in_an_in_lookup_match_nothing():
    coordinator = Group.objects.get(name=roles.COORDINATOR)
    huge = 10**30
    assert list(Group.objects.filter(pk__in=[huge])) == []
    assert list(Group.objects.filter(pk__in=[huge, coordinator.pk])) == [coordinator]
    assert Group.objects.exclude(pk__in=[-huge]).count() == Group.objects.count()
