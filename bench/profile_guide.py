"""CPU per request of the CIK guide: live render, stored-page hit, static limit.

Run against a database with the demo content (``manage.py load_demo``)::

    .venv/bin/python bench/profile_guide.py                 # figures
    .venv/bin/python bench/profile_guide.py --profile live  # and a cProfile

Requests go through the full middleware stack of ``bench.settings`` (production
settings) in this process, with Django's ``BaseHandler``: "live" is the background
render step (an anonymous request that misses the stored page and renders it),
"preview" a medical editor's staff preview (the working copy, rendered live),
"stored" a hit through the middleware (as a request with a cookie gets it; a plain
one is replayed before Django by ``publishing.wsgi``, which ``bench.reading``
measures under gunicorn), "static" the static-limit view of the guide's size.
The figures are CPU time (``time.process_time``) per request, the best of several
rounds (as timeit reports them: other load on the machine only ever adds).
"""

import argparse
import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GUIDE = "/guides/what-is-cik-therapy/"


def setup():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()


def handler():
    from django.core.handlers.base import BaseHandler

    handler = BaseHandler()
    handler.load_middleware()
    return handler


def editor_session_key() -> str:
    """A signed-in medical editor (no one-time code: previews are not admin)."""
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.contrib.auth.models import Group
    from django.contrib.sessions.backends.db import SessionStore

    from cancerfax import roles

    user, created = get_user_model().objects.get_or_create(
        email="bench-medical-editor@example.org", defaults={"is_staff": True}
    )
    if created:
        user.groups.add(Group.objects.get(name=roles.MEDICAL_EDITOR))
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key


def cases(guide_size, *, cold=False):
    from django.conf import settings
    from django.core.cache import caches
    from django.test import RequestFactory

    from glossary.markup import _marked
    from publishing.store import page_forget

    factory = RequestFactory(HTTP_HOST="localhost")
    editor = {settings.SESSION_COOKIE_NAME: editor_session_key()}

    def preview():
        request = factory.get(GUIDE)
        request.COOKIES.update(editor)
        return request

    def live():
        # The background step: the stored copy is gone, the middleware renders
        # and stores it. The delete is outside the timed part below.
        return factory.get(GUIDE)

    def forget():
        page_forget([GUIDE])
        if cold:
            # The first render after an approval of what every guide shows (a
            # glossary term): no marked-up page or rendered sections to reuse.
            _marked.cache_clear()
            caches["fragments"].clear()

    return {
        "live": (live, forget),
        "preview": (preview, None),
        "stored": (lambda: factory.get(GUIDE), None),
        "static": (lambda: factory.get(f"/bench/static-limit/{guide_size}/"), None),
    }


def timed(get_response, make_request, before, repeat):
    spent = 0.0
    for _ in range(repeat):
        if before:
            before()
        request = make_request()
        start = time.process_time()
        response = get_response(request)
        spent += time.process_time() - start
        assert response.status_code == 200, response.status_code
    return spent * 1000 / repeat


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50, help="requests per round")
    parser.add_argument("--rounds", type=int, default=5)
    names = ["live", "preview", "stored", "static"]
    parser.add_argument("--cases", default=",".join(names), help="comma-separated")
    parser.add_argument("--profile", choices=names)
    parser.add_argument("--lines", type=int, default=30)
    parser.add_argument(
        "--cold", action="store_true", help="live: reuse no marked-up page"
    )
    args = parser.parse_args()
    setup()
    get_response = handler().get_response
    from django.test import RequestFactory

    warm = get_response(RequestFactory(HTTP_HOST="localhost").get(GUIDE))
    guide_size = len(warm.content)
    for name, (make_request, before) in cases(guide_size, cold=args.cold).items():
        if name not in args.cases.split(","):
            continue
        timed(get_response, make_request, before, 3)  # warm caches
        rounds = [
            timed(get_response, make_request, before, args.repeat)
            for _ in range(args.rounds)
        ]
        print(f"{name:8} {min(rounds):7.2f} ms CPU per request")
        if args.profile == name:
            profiler = cProfile.Profile()
            profiler.enable()
            timed(get_response, make_request, before, args.repeat)
            profiler.disable()
            stats = pstats.Stats(profiler).sort_stats("cumulative")
            stats.print_stats(args.lines)


if __name__ == "__main__":
    main()
