"""Factories for bodies, departments, organizations and the people in them."""

import factory
from allauth.account.models import EmailAddress

from kyoso.accounts.models import User
from kyoso.organizations.models import (
    BodyMembership,
    Department,
    GovernmentBody,
    Organization,
    OrganizationMembership,
)
from kyoso.organizations.validators import local_government_check_digit


def local_government_code(n: int, prefecture: int = 41) -> str:
    """A valid 全国地方公共団体コード: prefecture number, a three-digit serial, check digit."""
    first_five = f"{prefecture:02d}{n:03d}"
    return first_five + str(local_government_check_digit(first_five))


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.jp")
    display_name = factory.Sequence(lambda n: f"利用者{n}")
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery")

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        if create:
            obj.save()
            EmailAddress.objects.create(user=obj, email=obj.email, primary=True, verified=True)


class PrefectureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GovernmentBody
        django_get_or_create = ("code",)

    code = "410004"
    kind = GovernmentBody.Kind.PREFECTURE
    name = "佐賀県"
    name_en = "Saga Prefecture"
    name_kana = "さがけん"


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GovernmentBody

    kind = GovernmentBody.Kind.MUNICIPALITY
    parent = factory.SubFactory(PrefectureFactory)
    code = factory.Sequence(lambda n: local_government_code(201 + n))
    name = factory.Sequence(lambda n: f"試験市{n}")
    name_en = factory.Sequence(lambda n: f"Test City {n}")


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department

    body = factory.SubFactory(PrefectureFactory)
    name = factory.Sequence(lambda n: f"試験課{n}")
    name_en = factory.Sequence(lambda n: f"Test Division {n}")
    bureau = "試験部"


class BodyMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BodyMembership

    user = factory.SubFactory(UserFactory)
    body = factory.SubFactory(PrefectureFactory)
    role = BodyMembership.Role.DEPARTMENT
    department = factory.LazyAttribute(
        lambda o: (
            DepartmentFactory(body=o.body) if o.role == BodyMembership.Role.DEPARTMENT else None
        )
    )


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"NPO法人 試験の会{n}")
    name_kana = factory.Sequence(lambda n: f"しけんのかい{n}")
    kind = Organization.Kind.NPO_CORPORATION


class OrganizationMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganizationMembership

    user = factory.SubFactory(UserFactory)
    organization = factory.SubFactory(OrganizationFactory)
    role = OrganizationMembership.Role.MEMBER
    status = OrganizationMembership.Status.ACTIVE


def give_second_factor(user) -> User:
    """Activate TOTP for a user, as a staff member does on first login."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    TOTP.activate(user, generate_totp_secret())
    return user


class StaffMembershipFactory(BodyMembershipFactory):
    """A body membership whose user has already set up a second factor."""

    class Meta:
        skip_postgeneration_save = True

    @factory.post_generation
    def second_factor(obj, create, extracted, **kwargs):
        if create and extracted is not False:
            give_second_factor(obj.user)
