"""Posted ids and counts: whole numbers in ASCII digits, or nothing."""


def is_whole(value, max_digits: int = 18) -> bool:
    """True for a plain whole number that an id column can hold.

    ``str.isdigit()`` also accepts "²" and "١٢": ``int()`` refuses the first and
    reads the second, so a hostile id would either crash a page or name a row
    the form never showed.
    """
    text = str(value if value is not None else "")
    return text.isascii() and text.isdigit() and len(text) <= max_digits
