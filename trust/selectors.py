"""What patients may see of the about and policy pages, and of reviewers.

Page words come from approved versions only, through ``reviews.selectors``.
"""

from reviews.models import ContentVersion, Reviewer, ReviewRecord
from reviews.selectors import (
    Visible,
    visible,
    visible_all,
    visible_get,
    visible_in_bulk,
)

from .models import TrustPage


def trust_page(kind) -> Visible | None:
    return visible_get(TrustPage.objects.all(), kind=kind)


def trust_pages() -> dict[str, Visible]:
    """``{kind: page}`` of every visible page, in one query (the footer)."""
    return {page.obj.kind: page for page in visible_all(TrustPage)}


def contact_details() -> Visible | None:
    """The approved contact page: phone, e-mail, messaging and hours."""
    return trust_page(TrustPage.Kind.CONTACT)


def privacy_notice() -> tuple[Visible, ContentVersion] | None:
    """The privacy notice patients see now, with the version that says it."""
    notice = trust_page(TrustPage.Kind.PRIVACY)
    if notice is None:
        return None
    version = ContentVersion.objects.of(notice.obj).approved().get()
    return notice, version


def privacy_notice_version(pk) -> ContentVersion | None:
    """The privacy notice version ``pk`` if patients were ever shown it.

    A form posts back the version it showed; a version that was never approved
    (or belongs to another page) is not accepted as having been shown.
    """
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    notices = TrustPage.objects.filter(kind=TrustPage.Kind.PRIVACY)
    return (
        ContentVersion.objects.of_model(TrustPage)
        .filter(pk=pk, object_id__in=notices.values("pk"))
        .filter(records__outcome=ReviewRecord.Outcome.APPROVED)
        .first()
    )


def public_reviewers() -> list[Visible]:
    """Reviewers patients may read about, as approved: people first, by name."""
    found = visible(Reviewer.objects.published().order_by())
    return sorted(found, key=lambda reviewer: (reviewer.obj.kind, reviewer.name))


def reviewer_links(reviewer) -> dict[str, list[Visible]]:
    """The approved profiles of a panel's members and a person's panels."""
    members = list(reviewer.members.values_list("pk", flat=True))
    panels = list(reviewer.panels.values_list("pk", flat=True))
    shown = visible_in_bulk(Reviewer, members + panels)

    def named(ids):
        return sorted((shown[pk] for pk in ids if pk in shown), key=lambda r: r.name)

    return {"members": named(members), "panels": named(panels)}
