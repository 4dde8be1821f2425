from io import StringIO

from django.core.management import call_command

from kyoso.accounts.models import User
from kyoso.catalog.models import CatalogProject
from kyoso.organizations.models import GovernmentBody, Organization


def counts():
    return (GovernmentBody.objects.count(), CatalogProject.objects.count(),
            Organization.objects.count(), User.objects.count())


def first_fifty_names():
    ordered = CatalogProject.objects.order_by("body__code", "fiscal_year", "code")
    return list(ordered.values_list("name", flat=True)[:50])


def test_it_changes_nothing_when_the_demo_is_there_and_prints_the_logins(seeded):
    before = counts()
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert counts() == before
    assert "already there" in out.getvalue()
    assert "desk@kyoso.example" in out.getvalue()
    assert "kyoso-demo-2026" in out.getvalue()


def test_it_rebuilds_the_same_world_with_reset(seeded):
    before = counts()
    first_names = first_fifty_names()
    call_command("seed_demo", "--reset", stdout=StringIO())
    assert counts() == before
    assert first_fifty_names() == first_names
