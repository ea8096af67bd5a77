"""The docs cite only what exists: every repository path and project code name in
backticks in README.md and docs/*.md.

A path (``guides/pages.py``, ``templates/…``, a bare ``capture.py`` found anywhere in
the repository; ``<kind>`` placeholders and ``*`` match any name) must exist. A
dotted name whose first part is a project package
(``reviews.selectors.with_last_reviewed``, ``faq.FaqEntry``,
``inquiries.view_inquiry``) must import and resolve, as a module attribute, a model
label or a permission; in docs/<app>.md a name may start from
that app's modules (``selectors.combined_summary``). ``Class.attribute`` must name a
project class and one of its attributes. Spans with spaces (shell commands),
addresses (``/search/``), settings names and other packages' names are not code
names of this project and are left alone.
"""

import ast
import fnmatch
import importlib
import importlib.util
import re
from functools import cache
from pathlib import Path

import pytest
from django.apps import apps

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
PACKAGES = {p.parent.name for p in ROOT.glob("*/apps.py")}
SKIPPED_DIRS = {".venv", "node_modules", "var", ".git", "staticfiles"}
FILE_SUFFIXES = (".py", ".md", ".html", ".txt", ".toml", ".json", ".js", ".css")
# Django's own classes the docs name with a method.
OTHER_CLASSES = {"AppConfig", "QuerySet"}
# Address fragments of the inquiry workspace (docs/inquiries.md), not repository
# paths. Everything under var/ is made at run time (git ignores it).
NOT_PATHS = {"assign/", "note/", "priority/", "transition/"}
RUNTIME_FOLDER = "var/"

SPAN = re.compile(r"`([^`\n]+)`")
FENCE = re.compile(r"^```.*?^```", re.S | re.M)
DOTTED = re.compile(r"[A-Za-z_]\w*(\.[A-Za-z_]\w*)+")


def cited(doc):
    text = FENCE.sub("", doc.read_text())
    for span in SPAN.findall(text):
        span = re.sub(r"\(.*\)$", "", span.strip())  # `register()`, `f(Model)`
        if span and " " not in span:
            yield span


def is_path(span):
    if "=" in span or ":" in span:  # a setting's value or an address
        return False
    return "/" in span or span.endswith(FILE_SUFFIXES)


@cache
def repository_files():
    return {
        path.name
        for path in ROOT.rglob("*")
        if not any(
            part in SKIPPED_DIRS or part.startswith(".venv")  # .venv-3.12 in CI
            for part in path.relative_to(ROOT).parts
        )
    }


def path_exists(span):
    pattern = re.sub(r"<[^>]+>", "*", span.rstrip("/"))
    if "/" not in span:
        return bool(fnmatch.filter(repository_files(), pattern))
    bases = [ROOT, ROOT / "templates", ROOT / "static"]
    bases += [ROOT / package for package in sorted(PACKAGES)]
    return any(any(base.glob(pattern)) for base in bases)


@cache
def project_classes():
    """Top-level class name -> the project modules that define one."""
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            for node in ast.parse(path.read_text()).body:
                if isinstance(node, ast.ClassDef):
                    found.setdefault(node.name, []).append(module)
    return found


def resolves(parts):
    """Import the longest module prefix of ``parts``, then get the rest."""
    try:
        if importlib.util.find_spec(".".join(parts)):
            return True  # a module: settings modules are not imported to check
    except ImportError:
        pass
    for cut in range(len(parts) - 1, 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        try:
            for name in parts[cut:]:
                obj = getattr(obj, name)
        except AttributeError:
            return False
        return True
    return False


def model_or_permission(app_label, name):
    try:
        models = apps.get_app_config(app_label).get_models()
    except LookupError:
        return False
    for model in models:
        opts = model._meta
        codenames = {f"{verb}_{opts.model_name}" for verb in opts.default_permissions}
        if name in (model.__name__, *codenames, *(c for c, _ in opts.permissions)):
            return True
    return False


def code_name_problem(span, doc_app):
    """None when ``span`` names something that exists, else what is wrong."""
    parts = span.split(".")
    first = parts[0]
    if first in PACKAGES:
        if resolves(parts):
            return None
        if len(parts) == 2 and model_or_permission(*parts):
            return None
        return "not found in the project"
    if doc_app and importlib.util.find_spec(f"{doc_app}.{first}"):
        return None if resolves([doc_app, *parts]) else f"not found in {doc_app}/"
    if first[0].isupper():
        modules = project_classes().get(first)
        if modules is None:
            return None if first in OTHER_CLASSES else "no project class by that name"
        if any(resolves([*module.split("."), *parts]) for module in modules):
            return None
        return "the class has no such attribute"
    return None  # another package's name (django.tasks, transaction.on_commit)


def citations():
    for doc in DOCS:
        doc_app = doc.stem if doc.stem in PACKAGES else None
        for span in cited(doc):
            yield doc.relative_to(ROOT), doc_app, span


def test_every_cited_path_exists():
    missing = [
        f"{doc}: `{span}`"
        for doc, _, span in citations()
        if is_path(span)
        and span not in NOT_PATHS
        and not span.startswith(("/", "<", "{", ".", RUNTIME_FOLDER))
        and not path_exists(span)
    ]
    assert missing == []


def test_every_cited_code_name_exists():
    wrong = [
        f"{doc}: `{span}` ({problem})"
        for doc, doc_app, span in citations()
        if not is_path(span)
        and DOTTED.fullmatch(span)
        and (problem := code_name_problem(span, doc_app))
    ]
    assert wrong == []


def test_the_reviews_module_table_names_every_module():
    """docs/reviews.md's "What reviews/ holds" lists each of its modules."""
    text = (ROOT / "docs" / "reviews.md").read_text()
    table = text.split("### What `reviews/` holds")[1].split("###")[0]
    listed = set(re.findall(r"`([\w/]+\.py)`", table))
    modules = {
        str(path.relative_to(ROOT / "reviews"))
        for path in (ROOT / "reviews").rglob("*.py")
        if path.name not in ("__init__.py", "apps.py")
        and not {"migrations", "management"}.intersection(path.parts)
    }
    assert modules - listed == set()


@pytest.mark.parametrize(
    "span, problem",
    [
        ("reviews.selectors.with_last_reviewed", None),
        ("reviews.selectors.no_such_function", "not found in the project"),
        ("faq.FaqEntry", None),
        ("inquiries.view_inquiry", None),
        ("Guide.build_snapshot", "the class has no such attribute"),
        ("NoSuchClass.method", "no project class by that name"),
        ("QuerySet.update", None),
    ],
)
def test_the_checker_tells_real_names_from_stale_ones(span, problem):
    assert code_name_problem(span, None) == problem
    assert path_exists("reviews/capture.py")
    assert not path_exists("reviews/no_such_module.py")
