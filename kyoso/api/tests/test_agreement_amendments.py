"""/api/v1/agreements/{id} lists the agreement's signed amendments (変更協定・変更覚書), oldest
first, with what each replaced; the agreement's term and items are as amended; the OpenAPI
document describes them."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from kyoso.agreements import services
from kyoso.agreements.models import Agreement
from kyoso.agreements.tests.factories import make_agreement, walk

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
PDF = b"%PDF-1.4\n%test\n"


@pytest.fixture
def amended(desk_coordinator, prefecture):
    agreement = make_agreement(desk_coordinator, prefecture,
                               ends_on=TODAY + dt.timedelta(days=100))
    agreement = walk(agreement, Agreement.State.ACTIVE, desk=desk_coordinator,
                     signed_on=TODAY - dt.timedelta(days=300))
    services.amendment_record(
        actor=desk_coordinator, agreement=agreement, signed_on=TODAY - dt.timedelta(days=20),
        description="期間を1年延長する。", description_en="Extends the term by a year.",
        ends_on=TODAY + dt.timedelta(days=465),
        upload=SimpleUploadedFile("変更協定書.pdf", PDF), document_title="変更協定書",
    )
    services.amendment_record(
        actor=desk_coordinator, agreement=agreement, signed_on=TODAY - dt.timedelta(days=2),
        kind="memorandum", description="連携事項を改める。",
        items=[("県民の健康増進に関すること", "Health of residents"),
               ("デジタル化の推進に関すること", "Digitalisation")],
        upload=SimpleUploadedFile("内部.pdf", PDF), document_public=False,
    )
    return agreement


def test_the_detail_lists_the_amendments_with_what_they_replaced(client, amended):
    answer = client.get(f"/api/v1/agreements/{amended.pk}").json()
    assert answer["ends_on"] == (TODAY + dt.timedelta(days=465)).isoformat()
    assert [item["text"] for item in answer["items"]] == [
        "県民の健康増進に関すること", "デジタル化の推進に関すること"]
    first, second = answer["amendments"]
    assert first["number"] == 1 and first["kind"] == "agreement"
    assert first["kind_label"] == "変更協定"
    assert first["description_en"] == "Extends the term by a year."
    assert first["ends_on_before"] == (TODAY + dt.timedelta(days=100)).isoformat()
    assert first["ends_on_after"] == (TODAY + dt.timedelta(days=465)).isoformat()
    assert first["items_before"] is None and first["items_after"] is None
    assert first["document"]["title"] == "変更協定書"
    assert first["document"]["url"].endswith(
        f"/agreements/{amended.pk}/documents/{amended.amendments.get(number=1).document_id}/")
    assert second["kind"] == "memorandum" and second["ends_on_after"] is None
    assert [item["text"] for item in second["items_before"]] == [
        "県民の健康増進に関すること", "災害対策に関すること", "観光振興に関すること"]
    assert second["items_after"][1] == {"number": 2, "text": "デジタル化の推進に関すること",
                                        "text_en": "Digitalisation"}
    assert second["document"] is None  # the body did not make it public


def test_labels_follow_the_language(client, amended):
    answer = client.get(f"/api/v1/agreements/{amended.pk}?lang=en").json()
    assert answer["amendments"][1]["kind_label"] == "Amending memorandum (変更覚書)"


def test_an_agreement_without_amendments_has_an_empty_list(
    client, desk_coordinator, prefecture
):
    agreement = walk(make_agreement(desk_coordinator, prefecture), Agreement.State.SIGNED,
                     desk=desk_coordinator)
    assert client.get(f"/api/v1/agreements/{agreement.pk}").json()["amendments"] == []


def test_the_openapi_document_describes_the_amendments(client):
    document = client.get("/api/v1/openapi.json").json()
    schemas = document["components"]["schemas"]
    amendments = schemas["AgreementOut"]["properties"]["amendments"]
    assert amendments["items"] == {"$ref": "#/components/schemas/AmendmentOut"}
    assert "amendments" in schemas["AgreementOut"]["required"]
    properties = schemas["AmendmentOut"]["properties"]
    assert {"number", "kind", "kind_label", "signed_on", "description", "description_en",
            "ends_on_before", "ends_on_after", "items_before", "items_after",
            "document"} <= set(properties)
    assert "did not change" in properties["ends_on_after"]["description"]
