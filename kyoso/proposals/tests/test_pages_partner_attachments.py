"""Attachments: accepted by what the file contains and by size; protected like sections."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from kyoso.core.models import AuditEvent
from kyoso.organizations.tests.factories import OrganizationMembershipFactory
from kyoso.proposals.models import Proposal, ProposalAttachment

from .factories import walk
from .partner_pages import signed_in, url

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32


def office(kind: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml" if kind == "docx" else "xl/workbook.xml", "<x/>")
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def upload(client, proposal, name, data, **extra):
    return client.post(
        url("attachments", proposal.pk),
        {"file": SimpleUploadedFile(name, data, content_type="application/octet-stream"), **extra},
    )


@pytest.mark.parametrize(("name", "data", "content_type"), [
    ("計画書.pdf", PDF, "application/pdf"),
    ("写真.png", PNG, "image/png"),
    ("写真.jpg", JPEG, "image/jpeg"),
    ("企画.docx", office("docx"),
     "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("収支.xlsx", office("xlsx"),
     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
])
def test_it_accepts_the_five_types_by_their_content(
    client, cso_member, draft, name, data, content_type
):
    response = upload(signed_in(client, cso_member), draft, name, data)
    assert response.status_code == 302
    attachment = ProposalAttachment.objects.get()
    assert attachment.content_type == content_type and attachment.original_name == name
    assert attachment.file.name.startswith(f"proposals/{draft.pk}/")
    assert AuditEvent.objects.filter(action="proposals.attachment.add").count() == 1


@pytest.mark.parametrize(("name", "data"), [
    ("script.pdf", b"#!/bin/sh\nrm -rf /\n"),           # the name lies
    ("archive.docx", office("docx").replace(b"word/document.xml", b"word/documenx.xml")),
    ("page.html", b"<html><script>alert(1)</script></html>"),
])
def test_it_refuses_files_whose_content_is_not_an_accepted_type(
    client, cso_member, draft, name, data
):
    response = upload(signed_in(client, cso_member), draft, name, data)
    assert response.status_code == 400
    assert "error-summary" in response.content.decode()
    assert not ProposalAttachment.objects.exists()


def test_it_refuses_a_file_over_ten_megabytes(client, cso_member, draft):
    data = PDF + b"0" * (10 * 1024 * 1024)
    response = signed_in(client, cso_member).post(
        url("attachments", draft.pk, language="en"),
        {"file": SimpleUploadedFile("big.pdf", data)},
    )
    assert response.status_code == 400
    assert "The file is too large" in response.content.decode()
    assert not ProposalAttachment.objects.exists()


def test_it_removes_a_file_and_deletes_it_from_storage(
    client, cso_member, draft, tmp_path, django_capture_on_commit_callbacks
):
    client = signed_in(client, cso_member)
    upload(client, draft, "計画書.pdf", PDF)
    attachment = ProposalAttachment.objects.get()
    path = tmp_path / attachment.file.name
    assert path.exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("attachment_remove", draft.pk, attachment.pk))
    assert response.status_code == 302 and not ProposalAttachment.objects.exists()
    assert not path.exists()


def test_it_serves_the_file_as_a_download_of_its_checked_type(client, cso_member, draft):
    client = signed_in(client, cso_member)
    upload(client, draft, "計画書.pdf", PDF)
    attachment = ProposalAttachment.objects.get()
    response = client.get(url("attachment_download", draft.pk, attachment.pk))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "attachment" in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == PDF


def test_a_confidential_file_is_for_the_desk_and_assigned_departments_and_each_read_is_logged(
    client, people, draft, body_admin, other_department_officer
):
    client = signed_in(client, people["proposer"])
    upload(client, draft, "秘密の企画.pdf", PDF, confidential="on")
    open_file = upload(client, draft, "公開の資料.pdf", PDF) and ProposalAttachment.objects.get(
        confidential=False
    )
    secret = ProposalAttachment.objects.get(confidential=True)
    walk(draft, Proposal.State.ROUTED, **people)
    for user, expected in [
        (people["desk"], 200), (people["officer"], 200),
        (body_admin, 404), (other_department_officer, 404),
    ]:
        client.force_login(user)
        assert client.get(url("attachment_download", draft.pk, secret.pk)).status_code == expected
    client.force_login(body_admin)
    assert client.get(url("attachment_download", draft.pk, open_file.pk)).status_code == 200
    reads = AuditEvent.objects.filter(action="proposals.confidential.read")
    assert reads.filter(changes__attachments=[secret.pk]).count() == 2


def test_nobody_outside_the_proposal_downloads_its_files(client, cso_member, draft, outsider):
    upload(signed_in(client, cso_member), draft, "計画書.pdf", PDF)
    attachment = ProposalAttachment.objects.get()
    other_member = OrganizationMembershipFactory(role="admin").user
    for user in (outsider, other_member):
        client.force_login(user)
        assert client.get(url("attachment_download", draft.pk, attachment.pk)).status_code == 404
    client.logout()
    assert client.get(url("attachment_download", draft.pk, attachment.pk)).status_code == 302
