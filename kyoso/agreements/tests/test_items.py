"""Items of cooperation (連携事項) are kept word for word: one longer than an item may be is
refused by its number, on creation, on editing and in an amendment, and the form keeps what was
typed. Nothing is cut."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from kyoso.agreements import services
from kyoso.agreements.models import Agreement, AgreementItem

from .factories import make_agreement, new_key, walk

S = Agreement.State
pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
LONG = "地域の防災力の向上に関すること" * 40  # 600 characters
MESSAGES = {
    "en": "Item 2 has 600 characters: an item may have at most 500.",
    "ja": "連携事項 2 は 600 文字あります。1つの事項は 500 文字までです。",
}


def test_the_limit_is_the_length_of_an_item():
    assert AgreementItem._meta.get_field("text").max_length == 500
    assert len(LONG) == 600


@pytest.mark.parametrize("language", ["en", "ja"])
def test_a_new_agreement_with_a_long_item_is_refused_by_its_number(
    desk_coordinator, prefecture, language
):
    with translation.override(language), pytest.raises(ValidationError) as refused:
        make_agreement(desk_coordinator, prefecture, title="長い事項の協定",
                       items=["防災訓練に関すること", LONG])
    with translation.override(language):
        assert MESSAGES[language] in refused.value.message_dict["items"][0]
    assert not Agreement.objects.filter(title="長い事項の協定").exists()


def test_a_long_english_text_is_refused_on_the_english_items(desk_coordinator, prefecture):
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        make_agreement(desk_coordinator, prefecture,
                       items=[("防災訓練に関すること", "Disaster drills" * 40)])
    with translation.override("en"):
        assert ("The English text of item 1 has 600 characters"
                in refused.value.message_dict["items_en"][0])


def test_an_item_of_500_characters_is_kept_whole(desk_coordinator, prefecture):
    agreement = make_agreement(desk_coordinator, prefecture, items=[LONG[:500]])
    assert agreement.items.get().text == LONG[:500]


def test_an_edit_with_a_long_item_changes_nothing(agreement, desk_coordinator):
    before = list(agreement.items.values_list("text", flat=True))
    with pytest.raises(ValidationError) as refused:
        services.agreement_update(actor=desk_coordinator, agreement=agreement,
                                  items=["防災訓練に関すること", LONG])
    assert refused.value.message_dict["items"]
    assert list(agreement.items.values_list("text", flat=True)) == before


def test_an_amendment_with_a_long_item_is_refused(agreement, desk_coordinator):
    active = walk(agreement, S.ACTIVE, desk=desk_coordinator,
                  signed_on=TODAY - dt.timedelta(days=100))
    before = list(active.items.values_list("text", flat=True))
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        services.amendment_record(actor=desk_coordinator, agreement=active,
                                  signed_on=TODAY, description="連携事項を改める。",
                                  items=["防災訓練に関すること", LONG])
    with translation.override("en"):
        assert MESSAGES["en"] in refused.value.message_dict["items"][0]
    assert not active.amendments.exists()
    assert list(active.items.values_list("text", flat=True)) == before


@pytest.mark.parametrize(("prefix", "language"), [("", "ja"), ("/en", "en")])
def test_the_new_agreement_form_names_the_item_and_keeps_what_was_typed(
    client, desk_coordinator, prefecture, prefix, language
):
    client.force_login(desk_coordinator)
    response = client.post(f"{prefix}/agreements/new/", {
        "submission_key": new_key(), "body": prefecture.pk, "kind": "project",
        "title": "長い事項の協定", "fields": ["disaster"], "items": f"防災訓練に関すること\n{LONG}",
    })
    assert response.status_code == 200
    page = response.content.decode()
    assert MESSAGES[language] in page
    assert LONG in page  # nothing typed is lost
    assert response.context["form"].errors["items"]
    assert not Agreement.objects.filter(title="長い事項の協定").exists()


@pytest.mark.parametrize(("prefix", "language"), [("", "ja"), ("/en", "en")])
def test_the_edit_form_names_the_item(client, agreement, desk_coordinator, prefix, language):
    client.force_login(desk_coordinator)
    response = client.post(f"{prefix}/agreements/{agreement.pk}/edit/", {
        "kind": agreement.kind, "title": agreement.title, "fields": agreement.fields,
        "items": f"防災訓練に関すること\n{LONG}", "version": agreement.version,
    })
    assert response.status_code == 200
    assert MESSAGES[language] in response.content.decode()
    assert LONG not in "".join(agreement.items.values_list("text", flat=True))


@pytest.mark.parametrize(("prefix", "language"), [("", "ja"), ("/en", "en")])
def test_the_amendment_form_names_the_item(client, agreement, desk_coordinator, prefix,
                                           language):
    active = walk(agreement, S.ACTIVE, desk=desk_coordinator,
                  signed_on=TODAY - dt.timedelta(days=100))
    client.force_login(desk_coordinator)
    response = client.post(f"{prefix}/agreements/{active.pk}/amendments/new/", {
        "submission_key": new_key(), "kind": "agreement", "signed_on": TODAY.isoformat(),
        "description": "連携事項を改める。", "items": f"防災訓練に関すること\n{LONG}",
        "document_public": "on", "version": active.version,
    })
    assert response.status_code == 200
    page = response.content.decode()
    assert MESSAGES[language] in page and LONG in page
    assert not active.amendments.exists()
