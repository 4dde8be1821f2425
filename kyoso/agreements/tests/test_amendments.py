"""Amendments (変更協定・変更覚書): the keeping desk records a signed change of a signed agreement
— its items, the end of its term, other terms in words — and it is applied at once, audited,
told to the parties and published; what it replaced stays readable. Drafts are edited instead,
ended agreements stay as they were, and the same form submitted twice records one amendment."""

import datetime as dt
import uuid

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from kyoso.agreements import services
from kyoso.agreements.models import Agreement, Amendment
from kyoso.agreements.services import AgreementChangedError, AgreementTransitionError
from kyoso.core.models import AuditEvent
from kyoso.notifications.models import Notice

from .factories import walk

S = Agreement.State
pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n%test\n"
TODAY = timezone.localdate()
SIGNED_ON = TODAY - dt.timedelta(days=400)
NEW_ITEMS = ["県民の健康増進に関すること", "災害対策に関すること", "デジタル化の推進に関すること"]


@pytest.fixture
def active(agreement, desk_coordinator):
    Agreement.objects.filter(pk=agreement.pk).update(ends_on=TODAY + dt.timedelta(days=200))
    agreement.refresh_from_db()
    return walk(agreement, S.ACTIVE, desk=desk_coordinator, signed_on=SIGNED_ON)


def amend(agreement, actor, **values):
    return services.amendment_record(**{
        "actor": actor, "agreement": agreement, "signed_on": TODAY - dt.timedelta(days=3),
        "description": "連携事項に「デジタル化の推進」を加え、期間を1年延長する。", **values,
    })


def test_it_applies_a_new_end_and_new_items_and_keeps_the_old_ones(
    active, desk_coordinator
):
    old_end, version = active.ends_on, active.version
    new_end = old_end + dt.timedelta(days=365)
    amendment = amend(active, desk_coordinator, ends_on=new_end, items=NEW_ITEMS,
                      description_en="Adds digitalisation and extends the term by a year.")
    active.refresh_from_db()
    assert active.ends_on == new_end and active.state == S.ACTIVE
    assert [item.text for item in active.items.all()] == NEW_ITEMS
    assert active.version == version + 1
    assert amendment.number == 1 and amendment.kind == Amendment.Kind.AGREEMENT
    assert (amendment.ends_on_before, amendment.ends_on_after) == (old_end, new_end)
    assert [text for text, _en in amendment.items_before] == [
        "県民の健康増進に関すること", "災害対策に関すること", "観光振興に関すること"]
    assert [text for text, _en in amendment.items_after] == NEW_ITEMS
    # The public search finds the agreement by its new item.
    assert "でじたる化" in active.search_text
    event = AuditEvent.objects.get(action="agreements.amend")
    assert event.changes["ends_on"] == [old_end.isoformat(), new_end.isoformat()]
    assert event.changes["items"][1] == NEW_ITEMS


def test_an_amendment_of_other_terms_changes_only_words(active, desk_coordinator):
    before = (active.ends_on, [item.text for item in active.items.all()])
    # The form sends the current end and items back unchanged: nothing of them changes.
    amendment = amend(active, desk_coordinator, ends_on=active.ends_on,
                      items=[item.text for item in active.items.all()],
                      kind=Amendment.Kind.MEMORANDUM,
                      description="定例協議の頻度を年2回から年4回に改める。")
    active.refresh_from_db()
    assert (active.ends_on, [item.text for item in active.items.all()]) == before
    assert not amendment.changes_end and not amendment.changes_items
    second = amend(active, desk_coordinator, description="連絡窓口を変更する。")
    assert second.number == 2


def test_the_parties_are_told_and_the_actor_is_not(
    active, desk_coordinator, partner_member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        amend(active, desk_coordinator, ends_on=active.ends_on + dt.timedelta(days=30))
    notice = Notice.objects.get(recipient=partner_member, kind="agreements.amended")
    assert notice.params["amended_on"] == (TODAY - dt.timedelta(days=3)).isoformat()
    assert not Notice.objects.filter(recipient=desk_coordinator,
                                     kind="agreements.amended").exists()


def test_the_same_form_twice_records_one_amendment(active, desk_coordinator):
    key = uuid.uuid4()
    first = amend(active, desk_coordinator, submission_key=key, items=NEW_ITEMS,
                  expected_version=active.version)
    # The second request still carries the version the form was loaded with.
    again = amend(active, desk_coordinator, submission_key=key, items=NEW_ITEMS,
                  expected_version=active.version)
    assert again.pk == first.pk and Amendment.objects.count() == 1
    assert AuditEvent.objects.filter(action="agreements.amend").count() == 1
    with pytest.raises(AgreementChangedError):
        amend(active, desk_coordinator, submission_key=uuid.uuid4(),
              expected_version=active.version)


def test_the_signed_text_is_filed_with_the_agreement(active, desk_coordinator):
    amendment = amend(active, desk_coordinator, document_title="変更協定書",
                      upload=SimpleUploadedFile("変更協定書.pdf", PDF))
    assert amendment.document.is_public and amendment.document.title == "変更協定書"
    assert amendment.document.agreement_id == active.pk


def test_a_wrong_file_stops_everything(active, desk_coordinator):
    with pytest.raises(ValidationError) as refused:
        amend(active, desk_coordinator, ends_on=active.ends_on + dt.timedelta(days=30),
              upload=SimpleUploadedFile("変更協定書.pdf", b"MZ not a pdf"))
    assert "file" in refused.value.message_dict
    assert not Amendment.objects.exists() and not active.documents.exists()


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"signed_on": TODAY + dt.timedelta(days=1)}, "signed_on"),
        ({"signed_on": SIGNED_ON - dt.timedelta(days=1)}, "signed_on"),
        ({"description": "  "}, "description"),
        ({"ends_on": TODAY - dt.timedelta(days=1)}, "ends_on"),
        ({"items": []}, "items"),
        ({"kind": "other"}, "kind"),
    ],
)
def test_bad_input_is_refused_on_its_field(active, desk_coordinator, values, field):
    with pytest.raises(ValidationError) as refused:
        amend(active, desk_coordinator, **values)
    assert field in refused.value.message_dict
    assert not Amendment.objects.exists()


def test_a_draft_is_edited_not_amended(agreement, desk_coordinator):
    with pytest.raises(AgreementTransitionError) as refused:
        amend(agreement, desk_coordinator)
    assert refused.value.messages == ["下書きの協定は変更の記録ではなく、編集で直してください。"]


@pytest.mark.parametrize("state", [S.EXPIRED, S.TERMINATED])
def test_an_ended_agreement_stays_as_it_was(agreement, desk_coordinator, state):
    ended = walk(agreement, state, desk=desk_coordinator, signed_on=dt.date(2025, 6, 1))
    with pytest.raises(AgreementTransitionError) as refused:
        amend(ended, desk_coordinator, signed_on=dt.date(2025, 7, 1))
    assert "変更の記録" in refused.value.messages[0]


@pytest.mark.parametrize("state", [S.SIGNED, S.RENEWED])
def test_signed_and_renewed_agreements_are_amended(agreement, desk_coordinator, state):
    agreement = walk(agreement, state, desk=desk_coordinator, signed_on=SIGNED_ON)
    assert amend(agreement, desk_coordinator).number == 1


def test_only_the_keeping_desk_records_amendments(
    active, partner_member, department_officer, other_body_admin, body_admin
):
    for person in (partner_member, department_officer, other_body_admin):
        with pytest.raises(PermissionDenied):
            amend(active, person)
    assert amend(active, body_admin).number == 1


def test_an_amendment_takes_away_the_end_of_the_term(active, desk_coordinator):
    """無期限にする: the end before is kept, the end after is none, an automatic renewal stops
    (it needs an end), and the agreement no longer expires."""
    old_end = active.ends_on
    Agreement.objects.filter(pk=active.pk).update(auto_renew=True, renewal_months=12)
    active.refresh_from_db()
    amendment = amend(active, desk_coordinator, open_ended=True,
                      description="協定の有効期間の定めをなくす。")
    active.refresh_from_db()
    assert active.ends_on is None and not active.auto_renew
    assert amendment.changes_end
    assert (amendment.ends_on_before, amendment.ends_on_after) == (old_end, None)
    event = AuditEvent.objects.filter(action="agreements.amend").latest("pk")
    assert event.changes["ends_on"] == [old_end.isoformat(), None]
    assert event.changes["auto_renew"] == [True, False]
    # And later an end can be given again.
    again = amend(active, desk_coordinator, ends_on=TODAY + dt.timedelta(days=90),
                  description="期間を定める。")
    assert (again.changes_end, again.ends_on_before) == (True, None)


def test_an_open_ended_term_is_not_changed_by_saying_it_again(agreement, desk_coordinator):
    Agreement.objects.filter(pk=agreement.pk).update(ends_on=None)
    agreement.refresh_from_db()
    active = walk(agreement, S.ACTIVE, desk=desk_coordinator, signed_on=SIGNED_ON)
    amendment = amend(active, desk_coordinator, open_ended=True)
    assert not amendment.changes_end
    assert (amendment.ends_on_before, amendment.ends_on_after) == (None, None)


def test_an_amendment_signed_after_the_term_ended_is_refused(active, desk_coordinator):
    """The nightly sweep has not marked it expired yet, but its term is over."""
    ended = TODAY - dt.timedelta(days=10)
    Agreement.objects.filter(pk=active.pk).update(ends_on=ended)
    active.refresh_from_db()
    with pytest.raises(ValidationError) as refused:
        amend(active, desk_coordinator, open_ended=True, signed_on=TODAY - dt.timedelta(days=2))
    assert ended.isoformat() in refused.value.message_dict["signed_on"][0]
    # A term renewed automatically goes on until the sweep records the renewal.
    Agreement.objects.filter(pk=active.pk).update(auto_renew=True, renewal_months=12)
    active.refresh_from_db()
    assert amend(active, desk_coordinator, signed_on=TODAY - dt.timedelta(days=2)).number == 1
    # Signed within the term, it may still be recorded late.
    Agreement.objects.filter(pk=active.pk).update(auto_renew=False)
    active.refresh_from_db()
    amend(active, desk_coordinator, open_ended=True, signed_on=ended - dt.timedelta(days=1))
    active.refresh_from_db()
    assert active.ends_on is None


def test_a_new_end_and_no_end_at_once_are_refused(active, desk_coordinator):
    with pytest.raises(ValidationError) as refused:
        amend(active, desk_coordinator, open_ended=True,
              ends_on=active.ends_on + dt.timedelta(days=30))
    assert "ends_on" in refused.value.message_dict
    assert not Amendment.objects.exists()


# --- The pages ------------------------------------------------------------------------------


def form_url(agreement, lang=""):
    return f"{'/en' if lang else ''}/agreements/{agreement.pk}/amendments/new/"


def posted(agreement, **values):
    form = {
        "kind": "agreement", "signed_on": (TODAY - dt.timedelta(days=3)).isoformat(),
        "description": "連携事項に「デジタル化の推進」を加える。",
        "ends_on": agreement.ends_on.isoformat() if agreement.ends_on else "",
        "items": "\n".join(NEW_ITEMS), "items_en": "", "document_title": "",
        "document_public": "on", "submission_key": str(uuid.uuid4()),
        "version": agreement.version,
    }
    return {**form, **values}


def test_the_desk_records_an_amendment_through_the_form(client, active, desk_coordinator):
    client.force_login(desk_coordinator)
    page = client.get(form_url(active)).content.decode()
    # The form starts from the agreement as it is now.
    assert "観光振興に関すること" in page and active.ends_on.isoformat() in page
    response = client.post(form_url(active), posted(active, file=SimpleUploadedFile(
        "変更協定書.pdf", PDF, "application/pdf")))
    assert response.status_code == 302
    assert response["Location"] == f"/agreements/{active.pk}/#amendment-1"
    page = client.get(response["Location"]).content.decode()
    assert "第1回の変更を記録し、協定に反映しました。" in page
    assert [item.text for item in active.items.all()] == NEW_ITEMS


def test_a_double_submission_records_one_amendment(client, active, desk_coordinator):
    client.force_login(desk_coordinator)
    data = posted(active)
    first = client.post(form_url(active), data)
    second = client.post(form_url(active), data)
    assert first.status_code == second.status_code == 302
    assert second["Location"] == first["Location"]
    assert Amendment.objects.count() == 1


def test_a_mistake_keeps_what_was_typed_and_says_what_is_wrong(
    client, active, desk_coordinator
):
    client.force_login(desk_coordinator)
    response = client.post(form_url(active, "en"), posted(
        active, signed_on=(TODAY + dt.timedelta(days=5)).isoformat(), ends_on="",
        description="Extends the term.",
        file=SimpleUploadedFile("text.pdf", PDF, "application/pdf")))
    assert response.status_code == 200
    page = response.content.decode()
    assert "error-summary" in page and "Extends the term." in page
    assert "デジタル化の推進に関すること" in page
    assert "or say that the term has no fixed end after the amendment" in page
    assert "Choose the file again" in page
    assert not Amendment.objects.exists()


def test_the_public_page_shows_the_amendment_and_what_it_replaced(
    client, active, desk_coordinator
):
    new_end = active.ends_on + dt.timedelta(days=365)
    amend(active, desk_coordinator, ends_on=new_end, items=[(text, "") for text in NEW_ITEMS],
          description_en="Adds digitalisation and extends the term.",
          upload=SimpleUploadedFile("変更協定書.pdf", PDF), document_public=False)
    page = client.get(f"/agreements/{active.pk}/").content.decode()
    assert "第1回の変更：変更協定" in page and "連携事項に「デジタル化の推進」を加え" in page
    assert f"{(active.ends_on).isoformat()} → {new_end.isoformat()}" in page
    assert "観光振興に関すること" in page  # the item it replaced, under "before"
    assert "変更協定書.pdf" not in page  # not public
    page = client.get(f"/en/agreements/{active.pk}/").content.decode()
    assert "Amendment 1: Amending agreement" in page
    assert "Adds digitalisation and extends the term." in page
    client.force_login(desk_coordinator)
    assert "変更協定書.pdf" in client.get(f"/agreements/{active.pk}/").content.decode()


def test_the_form_takes_away_the_end_and_the_pages_say_so(client, active, desk_coordinator):
    client.force_login(desk_coordinator)
    old_end = active.ends_on
    # The date the form starts with may stay: ticking the box is enough.
    response = client.post(form_url(active), posted(active, open_ended="on"))
    assert response.status_code == 302
    active.refresh_from_db()
    assert active.ends_on is None
    page = client.get(f"/agreements/{active.pk}/").content.decode()
    assert f"{old_end.isoformat()} → 期間の定めなし" in page
    page = client.get(f"/en/agreements/{active.pk}/").content.decode()
    assert f"{old_end.isoformat()} → no fixed end" in page
    found = client.get(f"/api/v1/agreements/{active.pk}").json()["amendments"][0]
    assert (found["changes_end"], found["ends_on_before"], found["ends_on_after"]) == (
        True, old_end.isoformat(), None)


def test_the_form_says_why_it_cannot_be_used(client, agreement, desk_coordinator):
    client.force_login(desk_coordinator)
    page = client.get(form_url(agreement)).content.decode()
    assert "下書きの協定は変更の記録ではなく、編集で直してください。" in page
    assert f"/agreements/{agreement.pk}/edit/" in page
    response = client.post(form_url(agreement), posted(agreement))
    assert response.status_code == 409
    ended = walk(agreement, S.TERMINATED, desk=desk_coordinator, signed_on=SIGNED_ON)
    page = client.get(form_url(ended, "en")).content.decode()
    assert "“Record an amendment” is not possible while the agreement is “Terminated”." in page


def test_parties_and_strangers_may_not_record_amendments(
    client, active, partner_member, outsider
):
    client.force_login(partner_member)
    assert client.get(form_url(active)).status_code == 403
    assert client.post(form_url(active), posted(active)).status_code == 403
    client.force_login(outsider)
    assert client.get(form_url(active)).status_code == 403  # it is public, so it is seen
    assert not Amendment.objects.exists()
