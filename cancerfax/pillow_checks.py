"""Opening an untrusted image with Pillow: one decoder, a pixel limit, a full decode.

Shared by the inquiry form (medical records) and the image library, so both
refuse decompression bombs and damaged files the same way.
"""

import warnings

from PIL import Image


class ImageTooLarge(Exception):
    """The file declares more pixels than may be opened safely."""


class ImageDamaged(Exception):
    """No decoder of the expected format can read the file."""


def open_checked(upload, fmt: str, *, max_pixels: int, decode="full"):
    """Check ``upload`` as an image of Pillow format ``fmt`` and return its size.

    Only ``fmt``'s decoder runs (``formats=[fmt]``), the declared size is compared
    with ``max_pixels`` before any pixel is decoded, and the pixels are then
    decoded to prove it is an image: ``decode`` is "full", "draft" (JPEG at a
    reduced scale, cheap) or "none" (the structure is verified only).
    Raises ``ImageTooLarge`` or ``ImageDamaged``.
    """
    try:
        with warnings.catch_warnings():
            # Pillow warns from 89.5 megapixels, which may be below the caller's
            # limit; the explicit check below applies that one.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            upload.seek(0)
            with Image.open(upload, formats=[fmt]) as image:
                size = image.size
                if size[0] * size[1] > max_pixels:
                    raise ImageTooLarge
                image.verify()
            if decode != "none":
                # verify() reads no pixels; decoding them proves they are there.
                upload.seek(0)
                with Image.open(upload, formats=[fmt]) as image:
                    if decode == "draft":
                        image.draft("RGB", (256, 256))
                    image.load()
    except ImageTooLarge:
        raise
    # DecompressionBombError is not an OSError: it must be named.
    except Image.DecompressionBombError:
        raise ImageTooLarge from None
    except Exception:
        # Every decoder error on hostile input means the same thing.
        raise ImageDamaged from None
    finally:
        upload.seek(0)
    return size
