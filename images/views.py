"""Serving pictures: renditions to anyone, cleaned originals to staff only.

Both read the public image storage alone, and a rendition is served only under
a name the ``Rendition`` table holds: no path a visitor types can reach another
file, let alone a medical record (those live in another storage entirely).
"""

import mimetypes

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from cancerfax.staff_auth import staff_verified

from .models import ImageFile, Rendition
from .selectors import library_choices
from .storage import IMMUTABLE, public_image_storage


def _file_response(name, content_type):
    try:
        handle = public_image_storage().open(name)
    except (FileNotFoundError, OSError):
        raise Http404 from None
    response = FileResponse(handle, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_safe
def rendition(request, name):
    """A rendition, cacheable for a year (its name changes with its bytes)."""
    found = Rendition.objects.filter(name=name).only("name", "format").first()
    if found is None:
        raise Http404
    response = _file_response(found.name, found.content_type)
    response["Cache-Control"] = IMMUTABLE
    return response


def _check_library_reader(user):
    if not (user.is_active and user.is_staff and user.has_perm("images.view_image")):
        raise PermissionDenied
    if not staff_verified(user):
        raise PermissionDenied


@require_safe
def preview(request, pk):
    """The cleaned file as uploaded, for staff who may see the library (the
    editor's picker, a reviewer's diff, a preview of unapproved content)."""
    _check_library_reader(request.user)
    image_file = get_object_or_404(ImageFile, pk=pk)
    content_type = mimetypes.types_map.get(
        "." + image_file.name.rsplit(".", 1)[-1], "application/octet-stream"
    )
    response = _file_response(image_file.name, content_type)
    response["Cache-Control"] = "private, no-store"
    return response


@require_safe
def library(request):
    """The rich-text editor's picture picker: approved pictures matching
    ``q`` (title or alt text), for staff who may see the library."""
    _check_library_reader(request.user)
    response = JsonResponse(
        {"results": library_choices(request.GET.get("q", "")[:100])}
    )
    response["Cache-Control"] = "private, no-store"
    return response
