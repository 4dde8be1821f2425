"""The desk names a draft's partners by searching for them (kanji, kana or English), adds them in
signing order, reorders and removes them; once signed the partners are fixed. Each change is
audited, and doing it twice changes nothing more."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from kyoso.agreements import selectors, services
from kyoso.agreements.models import Agreement
from kyoso.agreements.services import AgreementTransitionError
from kyoso.core.models import AuditEvent
from kyoso.organizations.tests.factories import OrganizationFactory

from .factories import make_agreement, new_key, organization_of, walk

S = Agreement.State
pytestmark = pytest.mark.django_db


@pytest.fixture
def companies(db):
    return {
        "bank": OrganizationFactory(name="株式会社 肥前銀行", name_kana="ひぜんぎんこう",
                                    name_en="Hizen Bank, Ltd.", kind="company"),
        "support": OrganizationFactory(name="特定非営利活動法人 さがサポートセンター",
                                       name_kana="さがさぽーとせんたー"),
        "pottery": OrganizationFactory(name="有田焼工房株式会社", name_kana="ありたやきこうぼう",
                                       name_en="Arita Ware Studio"),
    }


@pytest.fixture
def draft(desk_coordinator, prefecture, companies):
    return make_agreement(desk_coordinator, prefecture, partners=[companies["bank"]])


def order(agreement):
    return [organization.pk for organization in selectors.partners_in_order(agreement)]


def test_partners_are_added_in_signing_order_and_audited(draft, desk_coordinator, companies):
    services.agreement_partner_add(actor=desk_coordinator, agreement=draft,
                                   organization=companies["pottery"])
    services.agreement_partner_add(actor=desk_coordinator, agreement=draft,
                                   organization=companies["support"])
    assert order(draft) == [companies[n].pk for n in ("bank", "pottery", "support")]
    event = AuditEvent.objects.for_target(draft).filter(
        action="agreements.partner.add").order_by("id").first()
    assert event.changes["partner"] == [None, companies["pottery"].pk]
    # The public search finds the agreement by its new partner's name.
    draft.refresh_from_db()
    assert "ありたやき" in draft.search_text or "有田焼" in draft.search_text
    assert draft.version == 3


def test_adding_twice_removing_twice_and_moving_in_place_change_nothing(
    draft, desk_coordinator, companies
):
    for _ in range(2):
        services.agreement_partner_add(actor=desk_coordinator, agreement=draft,
                                       organization=companies["support"])
    assert order(draft) == [companies["bank"].pk, companies["support"].pk]
    for _ in range(2):
        services.agreement_partner_move(actor=desk_coordinator, agreement=draft,
                                        organization=companies["support"], position=1)
    assert order(draft) == [companies["support"].pk, companies["bank"].pk]
    for _ in range(2):
        services.agreement_partner_remove(actor=desk_coordinator, agreement=draft,
                                          organization=companies["support"])
    assert order(draft) == [companies["bank"].pk]
    actions = list(AuditEvent.objects.for_target(draft).values_list("action", flat=True))
    assert sorted(a for a in actions if a.startswith("agreements.partner.")) == [
        "agreements.partner.add", "agreements.partner.move", "agreements.partner.remove"
    ]


def test_removing_renumbers_and_moving_puts_a_partner_in_its_place(
    draft, desk_coordinator, companies
):
    for name in ("pottery", "support"):
        services.agreement_partner_add(actor=desk_coordinator, agreement=draft,
                                       organization=companies[name])
    services.agreement_partner_move(actor=desk_coordinator, agreement=draft,
                                    organization=companies["support"], position=1)
    assert order(draft) == [companies[n].pk for n in ("support", "bank", "pottery")]
    services.agreement_partner_move(actor=desk_coordinator, agreement=draft,
                                    organization=companies["support"], position=99)
    assert order(draft) == [companies[n].pk for n in ("bank", "pottery", "support")]
    services.agreement_partner_remove(actor=desk_coordinator, agreement=draft,
                                      organization=companies["bank"])
    assert list(draft.partner_links.order_by("position").values_list("position", flat=True)) == [
        1, 2]
    move = AuditEvent.objects.filter(action="agreements.partner.move").order_by("id").first()
    assert move.changes["partners"][1][0] == companies["support"].pk


def test_a_signed_agreements_partners_are_fixed(draft, desk_coordinator, companies):
    walk(draft, S.ACTIVE, desk=desk_coordinator)
    with pytest.raises(AgreementTransitionError) as refused:
        services.agreement_partner_add(actor=desk_coordinator, agreement=draft,
                                       organization=companies["support"])
    assert refused.value.messages == ["協定が「協定期間中」の間は「連携先の変更」はできません。"]
    with pytest.raises(AgreementTransitionError):
        services.agreement_partner_remove(actor=desk_coordinator, agreement=draft,
                                          organization=companies["bank"])


def test_only_the_keeping_desk_changes_partners(
    draft, companies, department_officer, other_body_admin, cso_member
):
    for person in (department_officer, other_body_admin, cso_member):
        with pytest.raises(PermissionDenied):
            services.agreement_partner_add(actor=person, agreement=draft,
                                           organization=companies["support"])


def test_a_draft_may_start_without_partners_but_is_not_signed_without(
    desk_coordinator, prefecture
):
    from django.core.exceptions import ValidationError

    draft = services.agreement_create(
        actor=desk_coordinator, body=prefecture, kind="project", title="観光の協定",
        fields=["tourism"])
    assert not draft.partner_links.exists()
    with pytest.raises(ValidationError) as refused:
        services.agreement_sign(actor=desk_coordinator, agreement=draft,
                                signed_on=dt.date(2025, 6, 1))
    assert "partners" in refused.value.error_dict


@pytest.mark.parametrize(
    ("words", "found"),
    [
        ("肥前", ["bank"]),
        ("ヒゼン", ["bank"]),  # katakana finds the furigana
        ("ひぜん", ["bank"]),
        ("ｱﾘﾀ", ["pottery"]),  # half-width katakana
        ("ＡＲＩＴＡ", ["pottery"]),  # full-width Latin letters
        ("arita ware", ["pottery"]),
        ("株式会社", ["pottery", "bank"]),  # in the directory's order, by furigana
        ("サポート", []),  # already a partner: not offered again
        ("", []),  # no words, no list
    ],
)
def test_the_search_finds_organizations_not_yet_partners(
    desk_coordinator, prefecture, companies, words, found
):
    agreement = make_agreement(desk_coordinator, prefecture, partners=[companies["support"]])
    matches, too_many = selectors.partner_candidates(agreement, words)
    assert [o.pk for o in matches] == [companies[name].pk for name in found]
    assert not too_many


def test_a_long_list_is_cut_and_says_so(draft, monkeypatch):
    for number in range(4):
        OrganizationFactory(name=f"佐賀の会社{number}", name_kana=f"さがのかいしゃ{number}")
    matches, too_many = selectors.partner_candidates(draft, "佐賀の会社", limit=3)
    assert len(matches) == 3 and too_many


# --- The page ------------------------------------------------------------------------------


def url(agreement, lang=""):
    return f"{'/en' if lang else ''}/agreements/{agreement.pk}/partners/"


def test_the_desk_searches_adds_reorders_and_removes_on_the_page(
    client, draft, desk_coordinator, companies
):
    client.force_login(desk_coordinator)
    page = client.get(url(draft), {"q": "さぽーと"}).content.decode()
    assert "さがサポートセンター" in page and "有田焼工房" not in page
    assert "連携先に追加する" in page
    response = client.post(url(draft), {"action": "add", "q": "さぽーと",
                                         "organization": companies["support"].pk})
    assert response.status_code == 302
    assert response["Location"] == url(draft) + "?q=%E3%81%95%E3%81%BD%E3%83%BC%E3%81%A8"
    page = client.get(response["Location"]).content.decode()
    assert "連携先に加えました" in page
    # The chosen partner is listed in order and no longer offered.
    listed = page[page.index("連携先（締結順）"):]
    assert listed.index("肥前銀行") < listed.index("さがサポートセンター")
    assert "0件" in page
    client.post(url(draft), {"action": "move", "position": 1,
                             "organization": companies["support"].pk})
    assert order(draft) == [companies["support"].pk, companies["bank"].pk]
    client.post(url(draft), {"action": "remove", "organization": companies["bank"].pk})
    assert order(draft) == [companies["support"].pk]


def test_the_page_in_english(client, draft, desk_coordinator, companies):
    client.force_login(desk_coordinator)
    page = client.get(url(draft, "en"), {"q": "arita"}).content.decode()
    assert "Partners in signing order" in page and "Arita Ware Studio" in page
    assert "1 organization not yet a partner matches “arita”." in page
    response = client.post(url(draft, "en"), {"action": "add", "q": "arita",
                                               "organization": companies["pottery"].pk})
    page = client.get(response["Location"]).content.decode()
    assert "Arita Ware Studio is now a partner of the agreement." in page


def test_a_bad_choice_is_refused_with_a_message_and_the_search_kept(
    client, draft, desk_coordinator
):
    client.force_login(desk_coordinator)
    response = client.post(url(draft, "en"), {"action": "add", "q": "肥前",
                                               "organization": 999999})
    assert response.status_code == 200
    page = response.content.decode()
    assert "error-summary" in page and "That organization was not found" in page
    assert 'value="肥前"' in page


def test_once_signed_the_page_says_why_nothing_can_change(
    client, draft, desk_coordinator, companies
):
    walk(draft, S.SIGNED, desk=desk_coordinator)
    client.force_login(desk_coordinator)
    page = client.get(url(draft)).content.decode()
    assert "協定が「締結済み」の間は「連携先の変更」はできません。" in page
    assert "連携先に追加する" not in page
    response = client.post(url(draft), {"action": "add",
                                         "organization": companies["support"].pk})
    assert response.status_code == 409
    assert order(draft) == [companies["bank"].pk]


def test_parties_get_403_and_strangers_404(
    client, desk_coordinator, prefecture, cso_member, outsider, department_officer
):
    draft = make_agreement(desk_coordinator, prefecture, partners=[organization_of(cso_member)])
    for person, status in ((cso_member, 403), (department_officer, 403), (outsider, 404)):
        client.force_login(person)
        assert client.get(url(draft)).status_code == status, person
        assert client.post(url(draft), {"action": "remove", "organization": organization_of(
            cso_member).pk}).status_code == status
    client.logout()
    assert client.get(url(draft)).status_code == 302  # to the login page
    assert draft.partner_links.count() == 1


def test_a_new_agreement_goes_on_to_its_partners(client, desk_coordinator, prefecture):
    client.force_login(desk_coordinator)
    response = client.post("/en/agreements/new/", {
        "submission_key": new_key(),
        "body": prefecture.pk, "kind": "project", "title": "観光振興に関する事業連携協定",
        "fields": ["tourism"],
    })
    agreement = Agreement.objects.get(title="観光振興に関する事業連携協定")
    assert response["Location"] == f"/en/agreements/{agreement.pk}/partners/"
    page = client.get(f"/en/agreements/{agreement.pk}/").content.decode()
    assert "No partner organization yet" in page and "Change the partner organizations" in page
