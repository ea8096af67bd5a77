"""A comment typed beside a part goes with "Request changes" or stops the decision."""

import pytest
from django.core.exceptions import ValidationError

from reviews.decisions import comments_refuse


def test_a_decision_with_comments_typed_is_refused_except_request_changes():
    comments = [("section-1", "What it is", "Cite it.")]
    comments_refuse(action="request_changes", comments=comments)
    comments_refuse(action="approve", comments=[])
    for action in ("approve", "confirm"):
        with pytest.raises(ValidationError) as refused:
            comments_refuse(action=action, comments=comments)
        assert "What it is" in refused.value.messages[0]
        assert refused.value.code == "comments_unsent"
