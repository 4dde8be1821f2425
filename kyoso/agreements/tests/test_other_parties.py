"""Other government parties of an agreement: the prefecture's own bodies in a list, any other
body by its local government code."""

import pytest

from kyoso.agreements.models import Agreement
from kyoso.organizations.tests.factories import MunicipalityFactory

from .factories import new_key


@pytest.fixture
def far_municipality(other_prefecture):
    return MunicipalityFactory(parent=other_prefecture, code="082015", name="水戸市",
                               name_en="Mito City")


def options(response) -> str:
    return response.content.decode().split('name="other_bodies"')[1].split("</select>")[0]


def new_agreement(client, prefecture, **fields):
    return client.post("/agreements/new/", {
        "submission_key": new_key(),
        "body": prefecture.pk, "kind": "project", "title": "広域の連携協定", **fields})


def test_the_list_holds_the_prefecture_and_its_municipalities_only(
    client, desk_coordinator, prefecture, municipality, other_prefecture, far_municipality
):
    client.force_login(desk_coordinator)
    offered = options(client.get("/agreements/new/"))
    assert "佐賀市" in offered
    assert "茨城県" not in offered and "水戸市" not in offered
    assert f'value="{prefecture.pk}"' not in offered  # the keeping body signs anyway


def test_a_body_of_another_prefecture_is_added_by_its_code(
    client, desk_coordinator, prefecture, municipality, other_prefecture, far_municipality
):
    client.force_login(desk_coordinator)
    # Full-width digits and a Japanese comma, as typed from a list of codes.
    response = new_agreement(client, prefecture, other_bodies=[municipality.pk],
                             other_body_codes="０８０００４、082015 082015")
    assert response.status_code == 302
    agreement = Agreement.objects.get(title="広域の連携協定")
    assert set(agreement.other_bodies.all()) == {municipality, other_prefecture,
                                                  far_municipality}
    # Once chosen, a far body stays in the list of the edit form, selected.
    offered = options(client.get(f"/agreements/{agreement.pk}/edit/"))
    assert f'value="{far_municipality.pk}" selected' in offered
    assert f'value="{other_prefecture.pk}" selected' in offered


@pytest.mark.parametrize(("prefix", "typed", "message"), [
    ("", "010006 412015", "コード 010006 の団体は Kyoso に登録されていません"),
    ("/en", "010006", "No government body on Kyoso has the code 010006."),
    ("", "41000", "41000: 全国地方公共団体コードは6桁です"),
    ("/en", "410005", "410005: The check digit of this local government code is wrong."),
])
def test_a_wrong_code_is_named_and_nothing_typed_is_lost(
    client, desk_coordinator, prefecture, municipality, prefix, typed, message
):
    client.force_login(desk_coordinator)
    response = client.post(f"{prefix}/agreements/new/", {
        "submission_key": new_key(),
        "body": prefecture.pk, "kind": "project", "title": "広域の連携協定",
        "other_body_codes": typed, "items": "防災訓練",
    })
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert f'value="{typed}"' in page and "防災訓練" in page
    assert not Agreement.objects.filter(title="広域の連携協定").exists()


def test_a_body_already_listed_can_also_be_given_by_code(
    client, desk_coordinator, prefecture, municipality
):
    client.force_login(desk_coordinator)
    response = new_agreement(client, prefecture, other_bodies=[municipality.pk],
                             other_body_codes=municipality.code)
    assert response.status_code == 302
    agreement = Agreement.objects.get(title="広域の連携協定")
    assert list(agreement.other_bodies.all()) == [municipality]


def test_a_municipalitys_agreement_offers_its_prefectures_bodies(
    prefecture, municipality, other_prefecture, far_municipality
):
    from kyoso.agreements.forms import AgreementForm

    # The keeping body itself is a party already: not offered.
    offered = set(AgreementForm(home=[municipality]).fields["other_bodies"].queryset)
    assert offered == {prefecture}
    chosen = AgreementForm(home=[municipality], initial={"other_bodies": [far_municipality.pk]})
    assert set(chosen.fields["other_bodies"].queryset) == {prefecture, far_municipality}


def test_a_party_no_longer_active_is_kept_and_may_be_given_by_code(
    prefecture, municipality, far_municipality
):
    from kyoso.agreements.forms import AgreementForm

    far_municipality.is_active = False
    far_municipality.save()
    form = AgreementForm({"other_body_codes": far_municipality.code}, home=[prefecture],
                         initial={"other_bodies": [far_municipality.pk]})
    form.is_valid()
    assert "other_body_codes" not in form.errors
    assert form.cleaned_data["other_body_codes"] == [far_municipality]
    stranger = AgreementForm({"other_body_codes": far_municipality.code}, home=[prefecture])
    stranger.is_valid()
    assert "other_body_codes" in stranger.errors
