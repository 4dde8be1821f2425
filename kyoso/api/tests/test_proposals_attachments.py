"""A proposal's files through the API: listed with a download URL for those taking part, a
protected one only for those who read protected ideas; never for readers of a result."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from kyoso.core.models import AuditEvent
from kyoso.proposals import services
from kyoso.proposals.models import Proposal
from kyoso.proposals.services.attachments import attachment_add
from kyoso.proposals.tests.factories import make_draft, walk

S = Proposal.State
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def routed(cso_member, prefecture, people):
    draft = make_draft(cso_member, prefecture)
    for name, data, confidential in (("収支計画.pdf", PDF, False), ("独自手法.png", PNG, True)):
        attachment_add(actor=cso_member, proposal=draft, upload=SimpleUploadedFile(name, data),
                       confidential=confidential)
    return walk(draft, S.ROUTED, **people)


def files_of(client, proposal):
    response = client.get(f"/proposals/{proposal.pk}")
    assert response.status_code == 200, response.content
    return {item["name"]: item for item in response.json()["attachments"]}


def download(client, url):
    return client.client.get(url, headers=client.headers)


@pytest.mark.parametrize("who", ["desk_coordinator", "department_officer", "cso_member"])
def test_those_taking_part_get_every_file_and_can_download_it(api_as, routed, who, request):
    client = api_as(request.getfixturevalue(who))
    files = files_of(client, routed)
    assert set(files) == {"収支計画.pdf", "独自手法.png"}
    plain, secret = files["収支計画.pdf"], files["独自手法.png"]
    assert plain["size"] == len(PDF) and plain["content_type"] == "application/pdf"
    assert plain["confidential"] is False and secret["confidential"] is True
    assert plain["uploaded_at"] and plain["uploaded_by_name"] is not None
    assert plain["download_url"].startswith("http://testserver/api/v1/proposals/")
    response = download(client, plain["download_url"])
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert not AuditEvent.objects.filter(action="proposals.confidential.read").exists()
    response = download(client, secret["download_url"])
    assert b"".join(response.streaming_content) == PNG
    assert AuditEvent.objects.filter(action="proposals.confidential.read").count() == 1


def test_the_body_administrator_gets_the_plain_file_only(
    api_as, routed, body_admin, desk_coordinator
):
    files = files_of(api_as(body_admin), routed)
    assert set(files) == {"収支計画.pdf"}
    secret = files_of(api_as(desk_coordinator), routed)["独自手法.png"]
    assert download(api_as(body_admin), secret["download_url"]).status_code == 404


def test_a_published_results_readers_get_no_files(
    api_as, routed, department_officer, desk_coordinator, outsider
):
    routed.refresh_from_db()
    services.decision_record(
        actor=department_officer, assignment=routed.assignments.get(),
        outcome="adopt_this_year", form="cooperation", expected_version=routed.version,
    )
    routed.refresh_from_db()
    services.proposal_publish(actor=desk_coordinator, proposal=routed)
    staff_files = files_of(api_as(desk_coordinator), routed)
    reader = api_as(outsider)
    assert files_of(reader, routed) == {}
    for item in staff_files.values():
        assert download(reader, item["download_url"]).status_code == 404
        assert download(api_as(None), item["download_url"]).status_code == 401


def test_another_bodys_staff_get_404(api_as, routed, other_body_officer, desk_coordinator):
    plain = files_of(api_as(desk_coordinator), routed)["収支計画.pdf"]
    assert download(api_as(other_body_officer), plain["download_url"]).status_code == 404


def test_the_download_is_described_in_the_openapi_document(api_as):
    paths = api_as(None).get("/openapi.json").json()["paths"]
    assert "/api/v1/proposals/{proposal_id}/attachments/{attachment_id}" in paths
