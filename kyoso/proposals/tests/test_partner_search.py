"""The proposer finds a partner organization by searching, not by scrolling every name."""

import pytest

from kyoso.organizations.models import Organization
from kyoso.organizations.tests.factories import OrganizationFactory
from kyoso.proposals.forms_partner import PartnerAddForm

from .factories import make_draft


@pytest.fixture
def draft_with_orgs(cso_member, prefecture):
    OrganizationFactory(name="特定非営利活動法人 さがサポートセンター",
                        name_kana="さがさぽーとせんたー")
    OrganizationFactory(name="株式会社 有田焼工房", name_kana="ありたやきこうぼう",
                        name_en="Arita Ware Studio")
    return make_draft(cso_member, prefecture)


def test_kana_or_katakana_or_english_finds_the_organization(client, cso_member, draft_with_orgs):
    client.force_login(cso_member)
    url = f"/proposals/{draft_with_orgs.pk}/partners/"
    for words in ("サポート", "さぽーと", "arita ware"):
        page = client.get(url, {"q": words}).content.decode()
        wanted = "さがサポートセンター" if words != "arita ware" else "有田焼工房"
        other = "有田焼工房" if words != "arita ware" else "さがサポートセンター"
        assert wanted in page and other not in page, words


def test_the_search_is_kept_when_adding_fails(client, cso_member, draft_with_orgs):
    client.force_login(cso_member)
    url = f"/proposals/{draft_with_orgs.pk}/partners/"
    page = client.post(url, {"q": "有田", "role": "co_proposer"})
    assert page.status_code == 200
    text = page.content.decode()
    assert 'value="有田"' in text and "有田焼工房" in text and "error-summary" in text


def test_an_organization_found_is_added(client, cso_member, draft_with_orgs):
    client.force_login(cso_member)
    arita = Organization.objects.get(name="株式会社 有田焼工房")
    url = f"/proposals/{draft_with_orgs.pk}/partners/"
    answer = client.post(url, {"q": "有田", "organization": arita.pk, "role": "co_proposer"})
    assert answer.status_code == 302
    assert draft_with_orgs.partner_links.filter(organization=arita).exists()


def test_a_long_list_is_cut_and_says_so(cso_member, draft_with_orgs, monkeypatch):
    monkeypatch.setattr(PartnerAddForm, "LIST_AT_MOST", 1)
    form = PartnerAddForm(proposal=draft_with_orgs)
    assert form.too_many and form.found == 1
    assert len(form.fields["organization"].widget.choices) == 2  # the empty choice and one
