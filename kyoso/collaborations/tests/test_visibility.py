"""Public visibility: the public list and page show published collaborations only, searchable
and filterable by body, field, partner and fiscal year; other bodies' staff see nothing more."""

import pytest
from django.urls import reverse

from kyoso.collaborations import services
from kyoso.collaborations.models import Collaboration
from kyoso.collaborations.selectors import collaborations_visible_to
from kyoso.core.choices import CollaborationForm, PolicyField

from .factories import running


@pytest.fixture
def published(collaboration, department_officer, desk_coordinator):
    running(collaboration, department_officer)
    return services.collaboration_publish(actor=desk_coordinator, collaboration=collaboration)


@pytest.fixture
def unpublished(desk_coordinator, prefecture, other_department, partner_org):
    return services.collaboration_create(
        actor=desk_coordinator, body=prefecture, title="未公開の観光協働", summary="準備中",
        field=PolicyField.TOURISM, form=CollaborationForm.CO_HOSTING, start_fiscal_year=2027,
        departments=[other_department], partners=[partner_org],
    )


def test_it_shows_the_public_only_what_is_published(client, published, unpublished):
    page = client.get(reverse("collaborations:list")).content.decode()
    assert published.title in page and unpublished.title not in page
    assert client.get(reverse("collaborations:detail", args=[unpublished.pk])).status_code == 404
    assert client.get(reverse("collaborations:detail", args=[published.pk])).status_code == 200


def test_other_bodies_staff_see_only_the_public(other_body_admin, published, unpublished):
    assert list(collaborations_visible_to(other_body_admin)) == [published]


def test_a_department_sees_its_own_but_not_another_departments(
    department_officer, other_department_officer, published, unpublished
):
    assert set(collaborations_visible_to(department_officer)) == {published}
    assert set(collaborations_visible_to(other_department_officer)) == {published, unpublished}


@pytest.mark.parametrize(("query", "found"), [
    ({"q": "そうごう窓口"}, False),  # kanji have no reading search
    ({"q": "総合窓口"}, True),
    ({"q": "ｿｳｺﾞｳ"}, False),
    ({"field": "community"}, True),
    ({"field": "tourism"}, False),
    ({"fiscal_year": "2099"}, False),
])
def test_it_searches_and_filters_the_public_list(client, published, query, found):
    page = client.get(reverse("collaborations:list"), query).content.decode()
    assert (published.title in page) is found


def test_it_filters_by_body_partner_and_fiscal_year(client, published, partner_org, prefecture,
                                                    other_prefecture):
    url = reverse("collaborations:list")
    year = published.start_fiscal_year
    assert published.title in client.get(url, {"body": prefecture.code,
                                                "partner": partner_org.pk,
                                                "fiscal_year": year}).content.decode()
    assert published.title not in client.get(url, {"body": other_prefecture.code}).content.decode()


def test_it_finds_partner_names_in_katakana_and_hiragana(client, published, partner_org):
    partner_org.name = "NPO法人 サガ・ネット"
    partner_org.save()
    published.refresh_search_text()
    page = client.get(reverse("collaborations:list"), {"q": "さが"}).content.decode()
    assert published.title in page


def test_it_shows_the_fiscal_year_the_japanese_way(client, published):
    page = client.get(reverse("collaborations:list")).content.decode()
    assert f"{published.start_fiscal_year}年度(令和" in page


def test_it_leaves_the_public_pages_when_cancelled(published, department_officer):
    services.collaboration_cancel(actor=department_officer, collaboration=published,
                                  reason="中止")
    assert not Collaboration.objects.published().exists()


PERSONAS = ["desk_coordinator", "department_officer", "other_department_officer", "cso_member",
            "body_admin", "other_body_admin", "other_body_officer", "outsider",
            "platform_admin"]


@pytest.mark.parametrize("persona", PERSONAS)
def test_your_collaborations_are_those_whose_workspace_you_may_open(
    persona, request, published, unpublished, django_assert_max_num_queries
):
    import rules

    from kyoso.collaborations.selectors import my_collaborations

    user = request.getfixturevalue(persona)
    expected = {c for c in Collaboration.objects.all()
                if rules.has_perm("collaborations.view_workspace", user, c)}
    fresh = type(user).objects.get(pk=user.pk)  # no roles cached yet
    # The user's body roles, organization roles, and the collaborations: whatever their number.
    with django_assert_max_num_queries(3):
        mine = list(my_collaborations(fresh))
    assert set(mine) == expected
