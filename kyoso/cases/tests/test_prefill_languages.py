"""A case is prefilled in each language whatever the desk's page is in: the Japanese texts in
Japanese (「窓口来訪者数 43%増」, 「行政：…」) and the English texts in English."""

import html
import re

import pytest
from django.urls import reverse
from django.utils import translation

from kyoso.cases import services
from kyoso.cases.models import Case
from kyoso.collaborations.tests.conftest import adopted, collaboration, partner_org  # noqa: F401

from .test_cases import published  # noqa: F401


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_prefill_is_japanese_and_english_whatever_the_page_language(published, language):  # noqa: F811
    with translation.override(language):
        texts = services.prefill(published)
    assert texts["outcomes"] == "窓口来訪者数 43%増"
    assert texts["what_worked"] == "行政：来訪者が大きく増えた"
    assert texts["lessons"].splitlines() == ["行政：情報発信の一体化が鍵",
                                             "協働先：県職員との定例会議が有効だった"]
    assert texts["outcomes_en"] == "窓口来訪者数 up 43%"
    assert texts["what_worked_en"] == "Government: 来訪者が大きく増えた"
    assert texts["lessons_en"].splitlines() == ["Government: 情報発信の一体化が鍵",
                                                "Partner: 県職員との定例会議が有効だった"]


def textareas(page: str) -> dict:
    return {name: html.unescape(value).strip() for name, value in re.findall(
        r'<textarea name="(\w+)"[^>]*>(.*?)</textarea>', page, re.S)}


def test_a_case_saved_from_the_english_page_says_japanese_in_japanese(
    client, published, desk_coordinator  # noqa: F811
):
    client.force_login(desk_coordinator)
    page = client.get(f"/en/cases/new/{published.pk}/").content.decode()
    typed = textareas(page)
    assert typed["outcomes"] == "窓口来訪者数 43%増"
    assert typed["lessons"].startswith("行政：")
    # The desk saves what the page offers, as a browser sends it (lines end in CRLF).
    response = client.post(f"/en/cases/new/{published.pk}/", {
        "title": published.title, "publish": "on",
        **{name: value.replace("\n", "\r\n") for name, value in typed.items()},
    })
    assert response.status_code == 302
    case = Case.objects.get()
    assert case.outcomes == "窓口来訪者数 43%増"
    assert "Government" not in case.lessons and "Partner" not in case.lessons
    assert case.outcomes_en == "窓口来訪者数 up 43%"
    assert case.lessons_en.startswith("Government: ")
    japanese = client.get(f"/cases/{case.pk}/").content.decode()
    assert "窓口来訪者数 43%増" in japanese and "up 43%" not in japanese
    assert "Government:" not in japanese and "Partner:" not in japanese
    english = client.get(f"/en/cases/{case.pk}/").content.decode()
    assert "窓口来訪者数 up 43%" in english and "Government: 情報発信の一体化が鍵" in english


def test_the_japanese_page_prefills_japanese_too(client, published, desk_coordinator):  # noqa: F811
    client.force_login(desk_coordinator)
    typed = textareas(client.get(reverse("cases:new", args=[published.pk])).content.decode())
    assert typed["outcomes"] == "窓口来訪者数 43%増"
    assert typed["what_worked"] == "行政：来訪者が大きく増えた"


def test_an_english_text_is_not_kept_where_the_desk_rewrote_the_japanese_one(
    published, desk_coordinator  # noqa: F811
):
    case = services.case_create_from_collaboration(
        actor=desk_coordinator, collaboration=published,
        lessons="定例会議で振り返ったことが有効だった", what_worked="")
    assert case.lessons == "定例会議で振り返ったことが有効だった" and case.lessons_en == ""
    assert case.what_worked == "" and case.what_worked_en == ""
    # What the desk left as prefilled keeps its English.
    assert case.outcomes_en == "窓口来訪者数 up 43%"
