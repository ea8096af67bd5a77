"""Make the renditions an approved image is missing.

Renditions are made when an image is approved. When ``IMAGE_RENDITION_WIDTHS``
gains a width (or a format becomes available), the images approved before have
none in it; this enqueues the same task an approval does for each of them,
which makes only what is missing and then replaces the stored pages showing it.
"""

from django.core.management.base import BaseCommand

from images.models import Image, ImageFile, Rendition
from images.renditions import fallback_format, modern_formats, widths_for
from images.tasks import image_renditions_make
from reviews.selectors import approved_content, visible_queryset


class Command(BaseCommand):
    help = "Make the missing renditions of every approved image."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only list the images whose renditions are missing.",
        )

    def handle(self, *args, dry_run=False, **options):
        rows = list(visible_queryset(Image.objects.all()))
        contents = {row.pk: approved_content(row) for row in rows}
        # The approved file, which a working copy may since have replaced.
        file_ids = {content.file_id for content in contents.values()}
        files = ImageFile.objects.in_bulk(file_ids)
        have = set(
            Rendition.objects.filter(
                crop=Rendition.Crop.FIT, file_id__in=file_ids
            ).values_list("file_id", "format", "width")
        )
        missing = 0
        for row in rows:
            content = contents[row.pk]
            image_file = files[content.file_id]
            wanted = {
                (image_file.pk, fmt, width)
                for width in widths_for(image_file)
                for fmt in [*modern_formats(), fallback_format(image_file)]
            }
            if wanted <= have:
                continue
            missing += 1
            if options["verbosity"] >= 1:
                self.stdout.write(f"{row.title}: {len(wanted - have)} missing")
            if not dry_run:
                image_renditions_make.enqueue(
                    row.pk, content.file_id, list(content.focal)
                )
        verb = "would be made" if dry_run else "enqueued"
        self.stdout.write(f"Renditions {verb} for {missing} image(s).")
