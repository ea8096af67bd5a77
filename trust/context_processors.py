from django.utils.functional import SimpleLazyObject

from .models import TrustPage
from .selectors import trust_pages

FOOTER_ORDER = [
    TrustPage.Kind.ABOUT,
    TrustPage.Kind.FUNDING,
    TrustPage.Kind.EDITORIAL,
    TrustPage.Kind.PRIVACY,
    TrustPage.Kind.CONTACT,
]


class TrustLinks:
    """The visible about and policy pages, by kind: ``trust_pages.contact``.

    Looked up once per request, and only when a template asks (the footer and
    the review line do).
    """

    def __init__(self):
        self.pages = trust_pages()

    def __getitem__(self, kind):
        if kind not in TrustPage.Kind.values:
            raise KeyError(kind)
        return self.pages.get(kind)

    @property
    def links(self):
        return [self.pages[kind] for kind in FOOTER_ORDER if kind in self.pages]


def trust_pages_context(request):
    return {"trust_pages": SimpleLazyObject(TrustLinks)}
