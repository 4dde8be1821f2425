"""A person registers a partner organization and becomes its administrator."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from kyoso.core.models import AuditEvent
from kyoso.organizations import services
from kyoso.organizations.models import Organization, OrganizationMembership

from .helpers import corporate_number

FORM = {
    "submission_key": "5f0c1e1e-8d5e-4f43-9a57-3f1f3a0e7b21",
    "name": "ＮＰＯ法人　さが共創ネット",
    "name_kana": "さがきょうそうねっと",
    "kind": Organization.Kind.NPO_CORPORATION,
    "fields": ["children", "education"],
    "members_count": "１２",
}


@pytest.mark.django_db
def test_it_registers_the_organization_with_its_registrant_as_administrator(client, outsider):
    client.force_login(outsider)

    response = client.post("/organizations/new/", FORM)

    organization = Organization.objects.get()
    assert response["Location"] == organization.get_absolute_url()
    membership = OrganizationMembership.objects.get(organization=organization)
    assert (membership.user, membership.role, membership.status) == (
        outsider,
        OrganizationMembership.Role.ADMIN,
        OrganizationMembership.Status.ACTIVE,
    )
    assert organization.created_by == outsider
    assert AuditEvent.objects.filter(action="organizations.organization.register").count() == 1


@pytest.mark.django_db
def test_it_normalises_full_width_input(client, outsider):
    client.force_login(outsider)

    client.post(
        "/organizations/new/",
        {
            **FORM,
            "corporate_number": "".join(chr(ord(digit) + 0xFEE0) for digit in corporate_number()),
        },
    )

    organization = Organization.objects.get()
    assert organization.name == "NPO法人 さが共創ネット"
    assert organization.corporate_number == corporate_number()
    assert organization.members_count == 12
    assert organization.fields == ["children", "education"]


@pytest.mark.django_db
def test_it_accepts_a_corporate_number_written_with_hyphens(client, outsider):
    number = corporate_number()
    client.force_login(outsider)

    client.post(
        "/organizations/new/",
        {**FORM, "corporate_number": f"{number[0]}-{number[1:5]}-{number[5:9]}-{number[9:]}"},
    )

    assert Organization.objects.get().corporate_number == number


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("value", "message"),
    [("123456789012", "法人番号は13桁です"), ("1" + "0" * 12, "チェックディジット")],
)
def test_it_refuses_a_bad_corporate_number_and_keeps_what_was_typed(
    client, outsider, value, message
):
    client.force_login(outsider)

    response = client.post("/organizations/new/", {**FORM, "corporate_number": value})

    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert 'class="error-summary"' in html
    assert "さがきょうそうねっと" in html
    assert not Organization.objects.exists()


@pytest.mark.django_db
def test_it_refuses_a_corporate_number_already_registered(client, outsider):
    Organization.objects.create(
        name="先の団体", kind="company", corporate_number=corporate_number()
    )
    client.force_login(outsider)

    response = client.post(
        "/en/organizations/new/", {**FORM, "corporate_number": corporate_number()}
    )

    assert "already registered with this corporate number" in response.content.decode()
    assert Organization.objects.count() == 1


@pytest.mark.django_db
def test_it_requires_a_name_and_a_kind(client, outsider):
    client.force_login(outsider)

    response = client.post("/en/organizations/new/", {"name": "  ", "kind": ""})

    assert response.status_code == 200
    assert response.content.decode().count("This field is required") >= 2
    assert not Organization.objects.exists()


@pytest.mark.django_db
def test_it_sends_anonymous_visitors_to_log_in_first(client):
    response = client.get("/organizations/new/")

    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.django_db
def test_the_service_refuses_an_anonymous_actor(db):
    with pytest.raises(PermissionDenied):
        services.organization_register(actor=AnonymousUser(), data={"name": "x", "kind": "other"})


@pytest.mark.django_db
def test_sending_the_form_twice_registers_the_organization_once(client, outsider):
    client.force_login(outsider)
    first = client.post("/organizations/new/", FORM)
    second = client.post("/organizations/new/", FORM)
    organization = Organization.objects.get()
    assert first["Location"] == second["Location"] == organization.get_absolute_url()


@pytest.mark.django_db
@pytest.mark.parametrize(("prefix", "message"), [
    ("", "はこの都道府県ですでに登録されています"),
    ("/en", "is already registered in this prefecture"),
])
def test_it_refuses_the_same_name_again_without_a_corporate_number(
    client, outsider, prefecture, prefix, message
):
    Organization.objects.create(name="NPO法人 さが共創ネット", kind="npo_corporation",
                                prefecture=prefecture)
    client.force_login(outsider)
    data = {**FORM, "submission_key": "0b7c9a52-6a53-4c55-8a3f-1c1d2e3f4a5b",
            "prefecture": prefecture.pk}
    response = client.post(prefix + "/organizations/new/", data)
    html = response.content.decode()
    assert response.status_code == 200 and message in html
    assert "さがきょうそうねっと" in html  # what was typed stays
    assert Organization.objects.count() == 1
    # With a corporate number it is another organization of the same name.
    client.post(prefix + "/organizations/new/", {**data, "corporate_number": corporate_number()})
    assert Organization.objects.count() == 2


@pytest.mark.django_db
def test_the_message_names_the_organization_in_the_language_of_the_page(client, outsider):
    client.force_login(outsider)
    page = client.post("/en/organizations/new/", {**FORM, "name_en": "Saga Co-creation Net"},
                       follow=True)
    assert "Saga Co-creation Net is registered" in page.content.decode()
