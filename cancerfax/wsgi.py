import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.utils.module_loading import import_string

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cancerfax.settings.production")

application = get_wsgi_application()
# What answers before Django's request handling, as MIDDLEWARE within it: the
# first named is the outermost.
for wrapper in reversed(settings.WSGI_WRAPPERS):
    application = import_string(wrapper)(application)
