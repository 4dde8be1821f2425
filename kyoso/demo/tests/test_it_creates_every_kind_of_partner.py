from kyoso.organizations.models import Organization
from kyoso.organizations.validators import validate_corporate_number


def test_it_creates_partners_of_every_kind(seeded):
    kinds = set(Organization.objects.values_list("kind", flat=True))
    assert kinds == set(Organization.Kind.values)
    assert 60 <= Organization.objects.count() <= 100


def test_it_gives_valid_corporate_numbers_to_corporations_only(seeded):
    for organization in Organization.objects.all():
        if organization.kind == Organization.Kind.VOLUNTARY:
            assert organization.corporate_number == ""
        else:
            validate_corporate_number(organization.corporate_number)
        assert organization.address and organization.fields and organization.activity_record


def test_it_includes_intermediary_support_organizations(seeded):
    intermediaries = Organization.objects.filter(is_intermediary=True)
    assert intermediaries.filter(name_en="Saga Future Design Foundation").exists()
    assert intermediaries.count() >= 2
