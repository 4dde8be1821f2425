"""English readers read agreements in English: notices name the body (and the agreement) in
English, and lists on the public page are separated the English way; Japanese readers keep
the Japanese names and "、"."""

import datetime as dt

import pytest
from django.utils import translation

from kyoso.agreements.models import Agreement
from kyoso.notifications.models import Notice

from .factories import walk

S = Agreement.State
pytestmark = pytest.mark.django_db


@pytest.fixture
def signed(agreement, desk_coordinator, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return walk(agreement, S.SIGNED, desk=desk_coordinator, signed_on=dt.date(2025, 6, 1))


def test_a_notice_names_the_body_and_the_agreement_in_the_reader_s_language(
    signed, partner_member
):
    notice = Notice.objects.get(recipient=partner_member, kind="agreements.signed")
    with translation.override("en"):
        text = notice.text()
    assert "Saga Prefecture recorded the agreement “Comprehensive agreement on health " \
           "promotion” as signed" in text
    assert "佐賀県" not in text
    with translation.override("ja"):
        text = notice.text()
    assert "佐賀県" in text and "健康増進に関する包括連携協定" in text


def test_the_english_notices_page_says_saga_prefecture(client, signed, partner_member):
    client.force_login(partner_member)
    page = client.get("/en/notices/").content.decode()
    assert "Saga Prefecture recorded the agreement" in page
    assert "佐賀県" not in page
    assert "佐賀県は" in client.get("/notices/").content.decode()


def test_the_fields_are_listed_the_way_each_language_lists(client, signed):
    english = client.get(f"/en/agreements/{signed.pk}/").content.decode()
    assert ("Health, medical care and welfare, Disaster prevention and safety, Tourism and "
            "promotion") in english
    assert "、" not in english.split("<dt>Fields</dt>")[1].split("</dd>")[0]
    japanese = client.get(f"/agreements/{signed.pk}/").content.decode()
    assert "保健・医療・福祉、防災・安全、観光・魅力発信" in japanese
