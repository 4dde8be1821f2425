"""The desk corrects a case's texts in both languages, takes a published case out of the library
and publishes it again; the public page and the API show the correction. Two editors at once:
the later save is refused with what was typed kept; the same form sent twice is harmless."""

import pytest
import rules
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from kyoso.cases import services
from kyoso.cases.models import Case
from kyoso.core.models import AuditEvent

pytestmark = pytest.mark.django_db

TEXTS = {
    "title": "県庁総合窓口のCSO運営", "partners_text": "NPO法人 さがの窓口",
    "summary": "県庁の総合窓口をCSOが運営した。", "outcomes": "窓口来訪者数 43%増",
    "what_worked": "県職員との定例会議", "lessons": "情報発信の一体化が鍵",
    "title_en": "", "summary_en": "", "outcomes_en": "", "what_worked_en": "", "lessons_en": "",
}


@pytest.fixture
def case(prefecture):
    return Case.objects.create(body=prefecture, published_at=timezone.now(), fields=["community"],
                               **TEXTS)


def edit(case, actor, **changes):
    return services.case_update(actor=actor, case=case, **{**TEXTS, **changes})


def test_the_desk_corrects_the_texts_in_both_languages_and_it_is_audited(
    case, desk_coordinator
):
    edit(case, desk_coordinator, title="県庁総合窓口のＣＳＯ運営（改訂）",
         title_en="A CSO runs the prefectural office's counter",
         summary_en="A CSO ran the general counter.")
    case.refresh_from_db()
    assert case.title == "県庁総合窓口のCSO運営(改訂)"  # one-line texts are NFKC-normalised
    assert case.title_en == "A CSO runs the prefectural office's counter"
    assert "counter" in case.search_text[::2]  # English is searchable too (stored doubled)
    event = AuditEvent.objects.get(action="cases.update")
    assert event.changes["title"] == ["県庁総合窓口のCSO運営", "県庁総合窓口のCSO運営(改訂)"]
    assert event.changes["summary_en"] == ["…", "…"]  # long texts stay out of the trail
    assert set(event.changes) == {"title", "title_en", "summary_en"}


def test_saving_what_the_case_already_says_changes_nothing(case, desk_coordinator):
    loaded = case.updated_at
    edit(case, desk_coordinator, lessons="県職員と月1回会う", expected_updated_at=loaded)
    # The same form again (a double click): nothing new, no refusal.
    edit(case, desk_coordinator, lessons="県職員と月1回会う", expected_updated_at=loaded)
    assert AuditEvent.objects.filter(action="cases.update").count() == 1


def test_a_save_in_between_is_refused(case, desk_coordinator):
    loaded = case.updated_at
    edit(case, desk_coordinator, outcomes="来訪者43%増", expected_updated_at=loaded)
    with pytest.raises(services.CaseChangedError):
        edit(case, desk_coordinator, lessons="別の教訓", expected_updated_at=loaded)
    case.refresh_from_db()
    assert case.lessons == TEXTS["lessons"]


@pytest.mark.parametrize(("changes", "field"), [
    ({"title": " "}, "title"), ({"summary": ""}, "summary"), ({"title_en": "x" * 201}, "title_en"),
])
def test_bad_texts_are_refused_on_their_field(case, desk_coordinator, changes, field):
    with pytest.raises(ValidationError) as refused:
        edit(case, desk_coordinator, **changes)
    assert field in refused.value.message_dict


def test_unpublish_and_publish_again(case, desk_coordinator):
    services.case_unpublish(actor=desk_coordinator, case=case, reason="数値を確認する")
    case.refresh_from_db()
    assert case.published_at is None and not Case.objects.published().exists()
    with pytest.raises(ValidationError):
        services.case_unpublish(actor=desk_coordinator, case=case)
    services.case_publish(actor=desk_coordinator, case=case)
    assert Case.objects.published().get() == case
    assert list(AuditEvent.objects.filter(target_id=str(case.pk)).order_by("id").values_list(
        "action", "from_state", "to_state", "reason")) == [
        ("cases.unpublish", "published", "draft", "数値を確認する"),
        ("cases.publish", "draft", "published", ""),
    ]


PERSONAS = ["anonymous", "desk_coordinator", "body_admin", "department_officer", "cso_member",
            "other_body_admin", "other_body_officer", "outsider", "platform_admin"]
DESK = {"desk_coordinator"}  # who makes cases today (cases.make_case) also keeps them


@pytest.fixture
def person(request, db):
    if request.param == "anonymous":
        return AnonymousUser()
    return request.getfixturevalue(request.param)


@pytest.mark.parametrize("published", [True, False])
@pytest.mark.parametrize("person", PERSONAS, indirect=True)
def test_the_permission_matrix(request, case, person, published):
    if not published:
        Case.objects.filter(pk=case.pk).update(published_at=None)
        case.refresh_from_db()
    name = request.node.callspec.params["person"]
    expected = {
        "view_case": published or name in DESK,
        "change_case": name in DESK,
        "publish_case": name in DESK and not published,
        "unpublish_case": name in DESK and published,
    }
    for action, allowed in expected.items():
        assert rules.has_perm(f"cases.{action}", person, case) is allowed, (action, name)
    if name not in DESK and not isinstance(person, AnonymousUser):
        with pytest.raises(PermissionDenied):
            edit(case, person, title="書き換え")


# --- The pages ------------------------------------------------------------------------------


def form(case, **changes):
    return {**TEXTS, "loaded_at": case.updated_at.isoformat(), **changes}


def test_the_desk_edits_through_the_page_and_the_public_reads_it_in_english(
    client, case, desk_coordinator
):
    client.force_login(desk_coordinator)
    page = client.get(f"/cases/{case.pk}/edit/").content.decode()
    assert "事例の編集" in page and "情報発信の一体化が鍵" in page
    response = client.post(f"/cases/{case.pk}/edit/", form(
        case, title_en="A CSO runs the counter", lessons_en="One voice in publicity is key."))
    assert response.status_code == 302 and response.url == f"/cases/{case.pk}/"
    client.logout()
    page = client.get(f"/en/cases/{case.pk}/").content.decode()
    assert "A CSO runs the counter" in page and "One voice in publicity is key." in page
    assert "県職員との定例会議" in page  # no English yet: the Japanese is shown
    assert "A CSO runs the counter" in client.get("/en/cases/").content.decode()
    assert "県庁総合窓口のCSO運営" in client.get(f"/cases/{case.pk}/").content.decode()


def test_the_edit_page_in_english_keeps_what_was_typed_after_a_mistake(
    client, case, desk_coordinator
):
    client.force_login(desk_coordinator)
    assert "In English" in client.get(f"/en/cases/{case.pk}/edit/").content.decode()
    response = client.post(f"/en/cases/{case.pk}/edit/", form(
        case, summary="", lessons_en="Meet every month."))
    page = response.content.decode()
    assert response.status_code == 200 and "error-summary" in page
    assert "Meet every month." in page
    case.refresh_from_db()
    assert case.summary == TEXTS["summary"]


def test_a_stale_edit_answers_409_with_the_typed_text_and_the_next_save_wins(
    client, case, desk_coordinator
):
    client.force_login(desk_coordinator)
    stale = form(case, lessons="わたしの教訓")
    edit(case, desk_coordinator, outcomes="別の人の修正")
    response = client.post(f"/cases/{case.pk}/edit/", stale)
    assert response.status_code == 409
    page = response.content.decode()
    assert "わたしの教訓" in page and "error-summary" in page
    fresh = response.context["form"].data["loaded_at"]
    response = client.post(f"/cases/{case.pk}/edit/", {**stale, "loaded_at": fresh,
                                                        "outcomes": "別の人の修正"})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.lessons == "わたしの教訓" and case.outcomes == "別の人の修正"


def test_unpublishing_through_the_page(client, case, desk_coordinator):
    client.force_login(desk_coordinator)
    assert "事例集から外す" in client.get(f"/cases/{case.pk}/").content.decode()
    page = client.get(f"/en/cases/{case.pk}/unpublish/").content.decode()
    assert "Take the case out of the library" in page
    response = client.post(f"/cases/{case.pk}/unpublish/", {"reason": "確認中"})
    assert response.status_code == 302
    # A second click lands on the case, which says it is not published.
    assert client.post(f"/cases/{case.pk}/unpublish/", {}).status_code == 302
    client.logout()
    assert client.get(f"/cases/{case.pk}/").status_code == 404
    assert client.get(f"/api/v1/cases/{case.pk}").status_code == 404
    client.force_login(desk_coordinator)
    client.post(f"/cases/{case.pk}/publish/")
    assert client.post(f"/cases/{case.pk}/publish/").status_code == 302  # second click
    client.logout()
    assert client.get(f"/cases/{case.pk}/").status_code == 200


def test_others_get_403_or_404(client, case, department_officer, outsider, other_body_admin):
    for person in (department_officer, outsider, other_body_admin):
        client.force_login(person)
        assert client.get(f"/cases/{case.pk}/edit/").status_code == 403
        assert client.post(f"/cases/{case.pk}/edit/", form(case, title="x")).status_code == 403
        assert client.post(f"/cases/{case.pk}/unpublish/").status_code == 403
    Case.objects.filter(pk=case.pk).update(published_at=None)
    client.force_login(outsider)
    assert client.get(f"/cases/{case.pk}/edit/").status_code == 404
    client.logout()
    assert client.get(f"/cases/{case.pk}/edit/").status_code == 302  # to the login page


# --- The API --------------------------------------------------------------------------------


def test_the_api_shows_the_correction_in_both_languages(client, case, desk_coordinator):
    edit(case, desk_coordinator, title_en="A CSO runs the counter", outcomes="来訪者 43%増")
    answer = client.get(f"/api/v1/cases/{case.pk}").json()
    assert answer["title_en"] == "A CSO runs the counter" and answer["outcomes"] == "来訪者 43%増"
    assert answer["display_title"] == "県庁総合窓口のCSO運営"
    assert client.get(f"/api/v1/cases/{case.pk}?lang=en").json()["display_title"] == (
        "A CSO runs the counter")
    listed = client.get("/api/v1/cases?lang=en").json()["results"][0]
    assert listed["display_title"] == "A CSO runs the counter" and "updated_at" in listed
    schema = client.get("/api/v1/openapi.json").json()["components"]["schemas"]["CaseOut"]
    assert {"title_en", "summary_en", "lessons_en", "display_title", "updated_at"} <= set(
        schema["properties"])


def test_a_second_click_that_loses_the_race_is_told_not_an_error(
    client, case, desk_coordinator, monkeypatch
):
    """Both clicks read the case as published; the other one took it out first."""
    from django.core.exceptions import ValidationError

    from kyoso.cases import views

    def lost_the_race(**kwargs):
        raise ValidationError("not published")

    monkeypatch.setattr(views.services, "case_unpublish", lost_the_race)
    client.force_login(desk_coordinator)
    response = client.post(f"/cases/{case.pk}/unpublish/", {"reason": ""}, follow=True)
    assert response.status_code == 200
    assert "この事例は公開されていません。" in response.content.decode()
