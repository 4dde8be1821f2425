"""The desk and the departments find a proposal's files on its workspace, as the download view
allows them; a forwarded proposal takes copies of its files along."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from kyoso.core.models import AuditEvent
from kyoso.organizations.models import BodyMembership
from kyoso.organizations.tests.factories import StaffMembershipFactory
from kyoso.proposals import services
from kyoso.proposals.models import Proposal, ProposalAttachment
from kyoso.proposals.services.attachments import attachment_add

from .desk_pages import at_state
from .desk_pages import url as page_url
from .factories import walk

S = Proposal.State
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def url(name, *args, language="ja"):
    # Reversed in Japanese (the prefix-less default) whatever the last request's language.
    with translation.override("ja"):
        return page_url(name, *args, language=language)


def attach(proposal, proposer, name, data, *, confidential=False):
    return attachment_add(
        actor=proposer, proposal=proposal, upload=SimpleUploadedFile(name, data),
        confidential=confidential,
    )


@pytest.fixture
def with_files(people):
    """A routed proposal with a plain file and a protected one."""
    draft = at_state(S.DRAFT, people)
    plain = attach(draft, people["proposer"], "収支計画.pdf", PDF)
    secret = attach(draft, people["proposer"], "独自手法の図.png", PNG, confidential=True)
    proposal = walk(draft, S.ROUTED, **people)
    proposal.files = (plain, secret)
    return proposal


@pytest.mark.parametrize(("language", "heading", "uploaded"), [
    ("ja", "添付済みのファイル", "添付日時"),
    ("en", "Attached files", "Uploaded"),
])
@pytest.mark.parametrize("who", ["desk", "officer"])
def test_the_desk_and_the_assigned_department_see_and_download_the_files(
    client, people, with_files, who, language, heading, uploaded
):
    plain, secret = with_files.files
    client.force_login(people[who])
    page = client.get(url("desk_proposal", with_files.pk, language=language))
    html = page.content.decode()
    assert page.status_code == 200
    assert heading in html and uploaded in html
    for attachment in (plain, secret):
        link = url("attachment_download", with_files.pk, attachment.pk, language=language)
        assert f'href="{link}"' in html and attachment.original_name in html
        download = client.get(link)
        assert download.status_code == 200
        assert b"".join(download.streaming_content) in (PDF, PNG)
    assert str(people["proposer"]) in html  # who uploaded
    # Downloading the protected file is on the record, as from the partner pages.
    assert AuditEvent.objects.filter(action="proposals.confidential.read").count() == 1


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_body_administrator_sees_the_plain_file_but_not_the_protected_ones_name(
    client, with_files, body_admin, language
):
    plain, secret = with_files.files
    client.force_login(body_admin)
    html = client.get(url("desk_proposal", with_files.pk, language=language)).content.decode()
    assert plain.original_name in html
    assert secret.original_name not in html
    assert url("attachment_download", with_files.pk, secret.pk, language=language) not in html
    if language == "en":
        assert "1 protected file is not shown" in html
    assert client.get(url("attachment_download", with_files.pk, secret.pk)).status_code == 404


def test_a_department_not_routed_to_sees_nothing(client, with_files, other_department_officer):
    plain, _secret = with_files.files
    client.force_login(other_department_officer)
    assert client.get(url("desk_proposal", with_files.pk)).status_code == 404
    assert client.get(url("attachment_download", with_files.pk, plain.pk)).status_code == 404


@pytest.mark.parametrize(("language", "none"), [("ja", "ありません。"), ("en", "None.")])
def test_it_says_when_there_are_no_files(client, people, language, none):
    proposal = at_state(S.SUBMITTED, people)
    client.force_login(people["desk"])
    html = client.get(url("desk_proposal", proposal.pk, language=language)).content.decode()
    heading = "添付済みのファイル" if language == "ja" else "Attached files"
    assert f"{heading}</h2>\n<p>{none}</p>" in html


def test_forwarding_takes_copies_of_the_files_along(people, municipality):
    draft = at_state(S.DRAFT, people)
    plain = attach(draft, people["proposer"], "収支計画.pdf", PDF)
    secret = attach(draft, people["proposer"], "独自手法の図.png", PNG, confidential=True)
    proposal = walk(draft, S.SCREENING, **people)
    copy = services.proposal_forward(
        actor=people["desk"], proposal=proposal, to_body=municipality, reason="市の事業です"
    )
    copies = list(copy.attachments.order_by("uploaded_at", "pk"))
    assert [(a.original_name, a.content_type, a.size, a.confidential, a.uploaded_by_id)
            for a in copies] == [
        (a.original_name, a.content_type, a.size, a.confidential, a.uploaded_by_id)
        for a in (plain, secret)
    ]
    assert [a.uploaded_at for a in copies] == [plain.uploaded_at, secret.uploaded_at]
    for original, copied in zip((plain, secret), copies, strict=True):
        # A file of its own, under the new proposal: removing one leaves the other.
        assert copied.file.name.startswith(f"proposals/{copy.pk}/")
        assert copied.file.name != original.file.name and copied.token != original.token
        with copied.file.open("rb") as handle:
            assert handle.read() == (PDF if original is plain else PNG)
    # The originals stay with the closed proposal.
    assert ProposalAttachment.objects.filter(proposal=proposal).count() == 2
    event = AuditEvent.objects.get(action="proposals.receive_forwarded")
    assert event.changes["attachments"] == [a.pk for a in copies]


def test_the_receiving_desk_finds_the_forwarded_files(client, people, municipality):
    draft = at_state(S.DRAFT, people)
    attach(draft, people["proposer"], "収支計画.pdf", PDF)
    proposal = walk(draft, S.SUBMITTED, **people)
    copy = services.proposal_forward(
        actor=people["desk"], proposal=proposal, to_body=municipality, reason="市の事業です"
    )
    city_desk = StaffMembershipFactory(body=municipality, role=BodyMembership.Role.DESK).user
    client.force_login(city_desk)
    html = client.get(url("desk_proposal", copy.pk, language="en")).content.decode()
    attachment = copy.attachments.get()
    link = url("attachment_download", copy.pk, attachment.pk, language="en")
    assert "収支計画.pdf" in html and f'href="{link}"' in html
    assert b"".join(client.get(link).streaming_content) == PDF
