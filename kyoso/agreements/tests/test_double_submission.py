"""A form that creates something, sent twice (a double click, the browser's "send again"),
creates it once: the second submission lands on the record the first one made. A corrected form
keeps its key and still creates."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from kyoso.agreements.models import Agreement
from kyoso.core.models import AuditEvent
from kyoso.proposals.models import Proposal
from kyoso.proposals.tests.factories import make_draft
from kyoso.proposals.tests.factories import walk as walk_proposal

from .factories import new_key, walk

S = Agreement.State
pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n%test\n"


def twice(client, url, data, files=None):
    """Post the same form twice (the same key); the uploaded file again each time."""
    answers = []
    for _ in range(2):
        payload = dict(data)
        for name, (filename, content) in (files or {}).items():
            payload[name] = SimpleUploadedFile(filename, content, "application/pdf")
        answers.append(client.post(url, payload))
    return answers


def test_the_new_agreement_form_twice_opens_one_draft(client, desk_coordinator, prefecture):
    client.force_login(desk_coordinator)
    first, second = twice(client, "/agreements/new/", {
        "submission_key": new_key(), "body": prefecture.pk, "kind": "project",
        "title": "一度だけの協定", "fields": ["tourism"], "items": "観光振興",
    })
    agreement = Agreement.objects.get(title="一度だけの協定")
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"] == f"/agreements/{agreement.pk}/partners/"
    assert AuditEvent.objects.filter(action="agreements.create").count() == 1


def test_the_new_agreement_form_hands_out_a_key_on_the_page(client, desk_coordinator):
    client.force_login(desk_coordinator)
    page = client.get("/agreements/new/").content.decode()
    assert 'type="hidden" name="submission_key"' in page


def test_a_corrected_form_keeps_its_key_and_creates(client, desk_coordinator, prefecture):
    client.force_login(desk_coordinator)
    key = new_key()
    data = {"submission_key": key, "body": prefecture.pk, "kind": "project",
            "title": "直した協定", "starts_on": "2026-04-01", "ends_on": "2026-03-01"}
    response = client.post("/agreements/new/", data)
    assert response.status_code == 200 and f'value="{key}"' in response.content.decode()
    response = client.post("/agreements/new/", {**data, "ends_on": "2027-03-31"})
    assert response.status_code == 302
    assert Agreement.objects.filter(title="直した協定").count() == 1


def test_preparing_from_a_proposal_twice_opens_one_draft(
    client, people, prefecture, desk_coordinator, cso_member
):
    proposal = walk_proposal(make_draft(cso_member, prefecture), Proposal.State.DECIDED, **people)
    client.force_login(desk_coordinator)
    page = client.get(f"/agreements/from-proposal/{proposal.pk}/").content.decode()
    assert 'name="submission_key"' in page
    first, second = twice(client, f"/agreements/from-proposal/{proposal.pk}/",
                          {"submission_key": new_key()})
    agreement = Agreement.objects.get(proposal=proposal)
    assert first["Location"] == second["Location"] == f"/agreements/{agreement.pk}/edit/"


def test_a_document_sent_twice_is_filed_once(client, agreement, partner_member):
    client.force_login(partner_member)
    url = f"/agreements/{agreement.pk}/documents/new/"
    assert 'name="submission_key"' in client.get(url).content.decode()
    first, second = twice(client, url, {"submission_key": new_key(), "title": "協定書案"},
                          files={"file": ("案.pdf", PDF)})
    assert first.status_code == second.status_code == 302
    assert second["Location"] == f"/agreements/{agreement.pk}/"
    assert agreement.documents.count() == 1
    assert AuditEvent.objects.filter(action="agreements.document.add").count() == 1


def test_two_documents_are_two_forms(client, agreement, partner_member):
    client.force_login(partner_member)
    url = f"/agreements/{agreement.pk}/documents/new/"
    for title in ("協定書案", "別紙"):
        client.post(url, {"submission_key": new_key(), "title": title,
                          "file": SimpleUploadedFile("案.pdf", PDF, "application/pdf")})
    assert agreement.documents.count() == 2


def test_a_memorandum_sent_twice_is_saved_once(client, agreement, desk_coordinator):
    walk(agreement, S.ACTIVE, desk=desk_coordinator)
    client.force_login(desk_coordinator)
    url = f"/agreements/{agreement.pk}/memoranda/new/"
    assert 'name="submission_key"' in client.get(url).content.decode()
    first, second = twice(client, url, {"submission_key": new_key(), "title": "防災訓練の覚書",
                                        "signed_on": "2025-07-01"})
    assert first.status_code == second.status_code == 302
    assert agreement.memoranda.count() == 1
    assert AuditEvent.objects.filter(action="agreements.memorandum.add").count() == 1
