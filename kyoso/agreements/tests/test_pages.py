"""The pages: public list and page, drafts 404 to the public and other bodies' staff, the desk's
forms and moves, documents checked by content, agreements from an adopted proposal, ja and en."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kyoso.agreements.models import Agreement
from kyoso.core.models import AuditEvent
from kyoso.proposals.models import Proposal
from kyoso.proposals.tests.factories import make_draft
from kyoso.proposals.tests.factories import walk as walk_proposal

from .factories import make_agreement, new_key, walk

S = Agreement.State
pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n%test\n"


def detail(agreement, lang=""):
    return f"{'/en' if lang else ''}/agreements/{agreement.pk}/"


def test_drafts_are_404_to_the_public_and_to_other_bodies(
    client, agreement, other_body_admin, outsider, partner_member, department_officer
):
    assert client.get(detail(agreement)).status_code == 404
    for person in (other_body_admin, outsider):
        client.force_login(person)
        assert client.get(detail(agreement)).status_code == 404
    for person in (partner_member, department_officer):
        client.force_login(person)
        assert client.get(detail(agreement)).status_code == 200


def test_a_signed_agreement_has_a_public_page_in_both_languages(
    client, agreement, desk_coordinator
):
    walk(agreement, S.SIGNED, desk=desk_coordinator, signed_on=dt.date(2025, 6, 1))
    page = client.get(detail(agreement)).content.decode()
    assert "健康増進に関する包括連携協定" in page and "2025年度(令和7年度)" in page
    assert "県民の健康増進に関すること" in page
    page = client.get(detail(agreement, "en")).content.decode()
    assert "Comprehensive agreement on health promotion" in page and "FY2025 (Reiwa 7)" in page
    assert "Edit" not in page  # the public may do nothing


def test_the_public_list_searches_and_filters(client, desk_coordinator, prefecture):
    signed = walk(make_agreement(desk_coordinator, prefecture), S.ACTIVE, desk=desk_coordinator)
    walk(make_agreement(desk_coordinator, prefecture, kind="project", title="観光の事業連携協定",
                        fields=["tourism"], items=["周遊"]), S.SIGNED, desk=desk_coordinator,
         signed_on=dt.date(2024, 5, 1))
    make_agreement(desk_coordinator, prefecture, title="秘密の下書き")
    page = client.get("/agreements/").content.decode()
    assert "健康増進" in page and "観光の事業連携協定" in page and "秘密の下書き" not in page
    assert "健康増進" not in client.get("/agreements/?fiscal_year=2024").content.decode()
    assert "観光の事業" not in client.get("/agreements/?field=welfare").content.decode()
    found = client.get("/agreements/?q=ケンコウ+ゾウシン").content.decode()
    assert "観光の事業" not in found
    partner = signed.partner_links.get().organization_id
    assert "観光の事業" not in client.get(f"/agreements/?partner={partner}").content.decode()
    assert client.get("/agreements/?fiscal_year=nonsense").status_code == 200
    assert "Signed agreements" in client.get("/en/agreements/").content.decode()


def test_the_desk_creates_edits_and_signs_through_the_forms(
    client, desk_coordinator, prefecture, partner_member
):
    organization = partner_member.organization_memberships.get().organization
    client.force_login(desk_coordinator)
    response = client.post("/agreements/new/", {
        "submission_key": new_key(),
        "body": prefecture.pk, "kind": "comprehensive", "title": "災害時の物資供給に関する協定",
        "fields": ["disaster", "welfare"],
        "items": "物資の供給\n避難所の支援", "starts_on": "2025-04-01", "ends_on": "2026-03-31",
    })
    agreement = Agreement.objects.get(title="災害時の物資供給に関する協定")
    # The partners are found and added on the next page.
    assert response.status_code == 302
    assert response["Location"] == f"/agreements/{agreement.pk}/partners/"
    assert [item.text for item in agreement.items.all()] == ["物資の供給", "避難所の支援"]
    # Without a partner it cannot be signed; the page says why.
    response = client.post(f"/agreements/{agreement.pk}/sign/", {"signed_on": "2025-03-25"})
    assert response.status_code == 200 and "連携先の団体を1つ以上" in response.content.decode()
    client.post(f"/agreements/{agreement.pk}/partners/",
                {"action": "add", "organization": organization.pk})
    response = client.post(f"/agreements/{agreement.pk}/sign/", {"signed_on": "2025-03-25"})
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.state == S.SIGNED and agreement.fiscal_year == 2024
    # A second signing is refused with the reason, not a crash.
    response = client.post(f"/agreements/{agreement.pk}/sign/", {"signed_on": "2025-03-25"})
    assert response.status_code == 409
    assert "締結済み" in response.content.decode()


def test_a_form_error_lands_on_its_field(client, desk_coordinator, prefecture):
    client.force_login(desk_coordinator)
    response = client.post("/en/agreements/new/", {
        "submission_key": new_key(),
        "body": prefecture.pk, "kind": "project", "title": "期間の誤り",
        "starts_on": "2026-04-01", "ends_on": "2026-03-01",
    })
    assert response.status_code == 200
    assert "The term cannot end before it starts." in response.content.decode()


def test_parties_may_file_but_not_sign_and_strangers_get_404(
    client, agreement, partner_member, other_partner_member
):
    client.force_login(partner_member)
    assert client.get(f"/agreements/{agreement.pk}/sign/").status_code == 403
    response = client.post(f"/agreements/{agreement.pk}/documents/new/", {
        "submission_key": new_key(),
        "title": "協定書案", "file": SimpleUploadedFile("案.pdf", PDF, "application/pdf"),
    })
    assert response.status_code == 302
    document = agreement.documents.get()
    assert not document.is_public
    client.force_login(other_partner_member)
    assert client.get(f"/agreements/{agreement.pk}/documents/{document.pk}/").status_code == 404


def test_a_file_is_refused_by_its_content(client, agreement, desk_coordinator):
    client.force_login(desk_coordinator)
    response = client.post(f"/agreements/{agreement.pk}/documents/new/", {
        "submission_key": new_key(),
        "file": SimpleUploadedFile("協定書.pdf", b"MZ\x90\x00 not a pdf", "application/pdf"),
    })
    assert response.status_code == 200
    assert agreement.documents.count() == 0
    assert "PDF" in response.content.decode()


def test_public_documents_and_signed_memoranda_show_once_signed(
    client, agreement, desk_coordinator, partner_member
):
    from kyoso.agreements import services

    public = services.document_add(
        actor=desk_coordinator, agreement=agreement, is_public=True,
        upload=SimpleUploadedFile("協定書.pdf", PDF), title="協定書")
    services.document_add(actor=partner_member, agreement=agreement, title="内部メモ",
                          upload=SimpleUploadedFile("memo.pdf", PDF))
    walk(agreement, S.ACTIVE, desk=desk_coordinator)
    draft = services.memorandum_add(actor=partner_member, agreement=agreement,
                                    title="健康ポイント事業に関する覚書案")
    services.memorandum_add(actor=desk_coordinator, agreement=agreement, title="防災訓練の覚書",
                            signed_on=dt.date(2025, 7, 1))
    page = client.get(detail(agreement)).content.decode()
    assert "協定書" in page and "内部メモ" not in page
    assert "防災訓練の覚書" in page and draft.title not in page
    response = client.get(f"/agreements/{agreement.pk}/documents/{public.pk}/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == PDF
    assert AuditEvent.objects.filter(action="agreements.document.add").count() == 2


def test_an_agreement_is_prepared_from_an_adopted_proposal_only(
    client, people, prefecture, desk_coordinator, cso_member
):
    proposal = walk_proposal(make_draft(cso_member, prefecture), Proposal.State.DECIDED, **people)
    client.force_login(desk_coordinator)
    workspace = client.get(reverse("proposals:desk_proposal", args=[proposal.pk])).content
    assert "この提案から協定を作成する" in workspace.decode()
    response = client.post(f"/agreements/from-proposal/{proposal.pk}/",
                           {"submission_key": new_key()})
    assert response.status_code == 302, response.content.decode()[-3000:]
    agreement = Agreement.objects.get(proposal=proposal)
    assert response.status_code == 302
    assert agreement.title == proposal.title and agreement.state == S.DRAFT
    assert list(agreement.partners.all()) == [proposal.organization]
    undecided = make_draft(cso_member, prefecture, title="まだの提案")
    undecided = walk_proposal(undecided, Proposal.State.SCREENING, **people)
    response = client.post(f"/agreements/from-proposal/{undecided.pk}/",
                           {"submission_key": new_key()})
    assert response.status_code == 200
    assert not Agreement.objects.filter(proposal=undecided).exists()


def test_the_desk_lists_its_own_agreements(
    client, agreement, desk_coordinator, other_body_admin, outsider
):
    client.force_login(desk_coordinator)
    assert agreement.title in client.get("/agreements/mine/").content.decode()
    client.force_login(other_body_admin)
    assert agreement.title not in client.get("/agreements/mine/").content.decode()
    # Another body's administrator creates agreements of that body only.
    form = client.get("/agreements/new/").context["form"]
    assert list(form.fields["body"].queryset) == [other_body_admin.body_memberships.get().body]
    client.force_login(outsider)
    assert client.get("/agreements/new/").status_code == 403
