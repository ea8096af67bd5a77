"""The demo's staff users (development only: their passwords are published in
the code) and the table ``load_demo`` prints of them. An existing user's
password is never reset, nor printed once someone changed it."""

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import check_password
from django.contrib.auth.models import Group
from django.urls import reverse

from cancerfax import roles

from . import demo_content


def demo_users_load(record):
    """Create the demo users; return (label, e-mail, password) rows."""
    user_model = get_user_model()
    wanted_groups = [data["role"] for data in demo_content.DEMO_USERS if data["role"]]
    if Group.objects.filter(name__in=wanted_groups).count() < len(wanted_groups):
        roles.sync_roles()
    accounts = []
    for data in demo_content.DEMO_USERS:
        user = user_model._default_manager.filter(email=data["email"]).first()
        action = "unchanged"
        if user is None:
            user = user_model(email=data["email"])
            user.set_password(data["password"])
            action = "created"
        wanted = {
            "display_name": data["display_name"],
            "credentials": data.get("credentials", ""),
            "is_active": True,
            "is_staff": True,
            "is_superuser": data["is_superuser"],
        }
        for name, value in wanted.items():
            if getattr(user, name) != value:
                setattr(user, name, value)
                if action == "unchanged":
                    action = "updated"
        if action != "unchanged":
            user.save()
        if data["role"] and not user.groups.filter(name=data["role"]).exists():
            user.groups.add(Group.objects.get(name=data["role"]))
            if action == "unchanged":
                action = "updated"
        record(user_model, action, user)
        # Someone may have changed the password since; do not print a wrong one.
        password = (
            data["password"]
            if check_password(data["password"], user.password)
            else "(changed since; not shown)"
        )
        accounts.append((data["label"], user.get_username(), password))
    return accounts


def demo_users_report(say, style, accounts, site):
    width = max(len(label) for label, _email, _password in accounts) + 2
    say("")
    say(
        style.WARNING(
            "Demo accounts: DEVELOPMENT ONLY. These passwords are published in "
            "the code; never create these accounts on a server others can reach."
        )
    )
    say(f"  {'Role'.ljust(width)}{'Username'.ljust(20)}Password")
    for label, email, password in accounts:
        say(f"  {label.ljust(width)}{email.ljust(32)}{password}")
    say(f"Admin (development server): {site}{reverse('admin:index')}")
