"""Which views render pages that may be stored; the content apps register them."""

_PAGES: set[str] = set()


def register_page(*view_names: str) -> None:
    """Anonymous GETs of these URL names are served from stored pages."""
    _PAGES.update(view_names)


def is_stored_page(view_name: str) -> bool:
    return view_name in _PAGES
