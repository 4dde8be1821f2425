"""A body's administrators manage its staff; nobody else sees the page."""

import pytest
from allauth.account.models import EmailAddress
from django.core.exceptions import PermissionDenied, ValidationError

from kyoso.core.models import AuditEvent
from kyoso.organizations import services
from kyoso.organizations.models import BodyMembership
from kyoso.organizations.tests.factories import DepartmentFactory, UserFactory


@pytest.fixture
def newcomer(db):
    return UserFactory(email="newcomer@pref.saga.lg.jp")  # with a confirmed address


@pytest.mark.django_db
@pytest.mark.parametrize(("prefix", "message"), [
    ("", "この方はまだメールアドレスを確認していません"),
    ("/en", "This person has not confirmed their e-mail address yet."),
])
def test_it_refuses_an_account_whose_address_is_not_confirmed(
    client, body_admin, prefecture, prefix, message
):
    """Anyone may sign up with a future colleague's address: the role waits for the owner."""
    squatter = UserFactory(email="future.officer@pref.saga.lg.jp")
    EmailAddress.objects.filter(user=squatter).update(verified=False)
    client.force_login(body_admin)
    response = client.post(_staff_url(prefecture, prefix),
                           {"email": squatter.email, "role": "desk"})
    assert response.status_code == 200 and message in response.content.decode()
    assert squatter.email in response.content.decode()  # what was typed stays
    with pytest.raises(ValidationError):
        services.body_membership_add(actor=body_admin, body=prefecture, user=squatter,
                                     role=BodyMembership.Role.DESK)
    assert not BodyMembership.objects.filter(user=squatter).exists()


def _staff_url(body, prefix=""):
    return f"{prefix}/manage/bodies/{body.code}/staff/"


@pytest.mark.django_db
def test_it_lists_the_bodys_staff_for_its_administrator(
    client, body_admin, department_officer, prefecture
):
    client.force_login(body_admin)

    html = client.get(_staff_url(prefecture)).content.decode()

    assert department_officer.email in html
    assert body_admin.email in html


@pytest.mark.django_db
def test_it_adds_department_staff_by_email(client, body_admin, prefecture, department, newcomer):
    client.force_login(body_admin)

    response = client.post(
        _staff_url(prefecture),
        {"email": "NEWCOMER@pref.saga.lg.jp", "role": "department", "department": department.pk},
    )

    assert response.status_code == 302
    membership = BodyMembership.objects.get(user=newcomer)
    assert (membership.body, membership.role, membership.department) == (
        prefecture,
        "department",
        department,
    )
    event = AuditEvent.objects.get(action="organizations.body_membership.add")
    assert event.body_code == prefecture.code
    assert event.actor == body_admin


@pytest.mark.django_db
def test_it_asks_the_new_member_of_staff_for_a_second_factor(
    client, body_admin, prefecture, newcomer
):
    services.body_membership_add(
        actor=body_admin, body=prefecture, user=newcomer, role=BodyMembership.Role.DESK
    )
    client.force_login(newcomer)

    assert client.get("/accounts/me/")["Location"] == "/accounts/2fa/totp/activate/"


@pytest.mark.django_db
def test_it_explains_an_unknown_address_and_keeps_it(client, body_admin, prefecture):
    client.force_login(body_admin)

    response = client.post(
        _staff_url(prefecture, "/en"), {"email": "stranger@example.jp", "role": "desk"}
    )

    html = response.content.decode()
    assert "No account uses this e-mail address" in html
    assert 'value="stranger@example.jp"' in html
    assert not BodyMembership.objects.filter(user__email="stranger@example.jp").exists()


@pytest.mark.django_db
def test_it_requires_a_department_for_department_staff(client, body_admin, prefecture, newcomer):
    client.force_login(body_admin)

    response = client.post(
        _staff_url(prefecture, "/en"), {"email": newcomer.email, "role": "department"}
    )

    assert "Choose the department" in response.content.decode()
    assert not BodyMembership.objects.filter(user=newcomer).exists()


@pytest.mark.django_db
def test_it_refuses_a_department_of_another_body(
    body_admin, prefecture, other_prefecture, newcomer
):
    foreign = DepartmentFactory(body=other_prefecture)

    with pytest.raises(ValidationError):
        services.body_membership_add(
            actor=body_admin, body=prefecture, user=newcomer, role="department", department=foreign
        )


@pytest.mark.django_db
def test_it_refuses_the_same_role_twice(body_admin, prefecture, department_officer, department):
    with pytest.raises(ValidationError):
        services.body_membership_add(
            actor=body_admin,
            body=prefecture,
            user=department_officer,
            role="department",
            department=department,
        )


@pytest.mark.django_db
def test_it_removes_a_role(client, body_admin, prefecture, department_officer):
    membership = BodyMembership.objects.get(user=department_officer)
    client.force_login(body_admin)

    client.post(f"{_staff_url(prefecture)}{membership.pk}/remove/")

    assert not BodyMembership.objects.filter(pk=membership.pk).exists()
    assert AuditEvent.objects.filter(action="organizations.body_membership.remove").exists()


@pytest.mark.django_db
def test_it_keeps_the_last_body_administrator(client, body_admin, prefecture):
    membership = BodyMembership.objects.get(user=body_admin)
    client.force_login(body_admin)

    response = client.post(f"{_staff_url(prefecture, '/en')}{membership.pk}/remove/", follow=True)

    assert "needs at least one administrator" in response.content.decode()
    assert BodyMembership.objects.filter(pk=membership.pk).exists()


@pytest.mark.django_db
def test_a_second_administrator_may_remove_the_first(body_admin, prefecture, newcomer):
    services.body_membership_add(
        actor=body_admin, body=prefecture, user=newcomer, role="body_admin"
    )

    services.body_membership_remove(
        actor=newcomer, membership=BodyMembership.objects.get(user=body_admin)
    )

    assert not BodyMembership.objects.filter(user=body_admin).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "persona",
    ["desk_coordinator", "department_officer", "other_body_admin", "cso_member", "outsider"],
)
def test_anyone_but_the_bodys_administrators_gets_404(client, prefecture, persona, request):
    client.force_login(request.getfixturevalue(persona))

    assert client.get(_staff_url(prefecture)).status_code == 404
    assert (
        client.post(_staff_url(prefecture), {"email": "x@example.jp", "role": "desk"}).status_code
        == 404
    )


@pytest.mark.django_db
def test_another_bodys_administrator_cannot_remove_staff(
    client, other_body_admin, prefecture, department_officer
):
    membership = BodyMembership.objects.get(user=department_officer)
    client.force_login(other_body_admin)

    response = client.post(f"{_staff_url(prefecture)}{membership.pk}/remove/")

    assert response.status_code == 404
    assert BodyMembership.objects.filter(pk=membership.pk).exists()
    with pytest.raises(PermissionDenied):
        services.body_membership_remove(actor=other_body_admin, membership=membership)


@pytest.mark.django_db
def test_a_membership_of_another_body_is_404_even_on_ones_own_page(
    client, body_admin, prefecture, other_body_admin
):
    foreign = BodyMembership.objects.get(user=other_body_admin)
    client.force_login(body_admin)

    response = client.post(f"{_staff_url(prefecture)}{foreign.pk}/remove/")

    assert response.status_code == 404
    assert BodyMembership.objects.filter(pk=foreign.pk).exists()


@pytest.mark.django_db
def test_a_platform_administrator_manages_any_body(client, platform_admin, prefecture):
    client.force_login(platform_admin)

    assert client.get(_staff_url(prefecture)).status_code == 200
