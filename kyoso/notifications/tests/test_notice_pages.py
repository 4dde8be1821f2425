import pytest
from django.urls import reverse
from django.utils import translation

import kyoso.proposals.notices  # noqa: F401 - registers the kinds used here
from kyoso.notifications.models import Notice
from kyoso.notifications.services import notify

PARAMS = {"reference": "410004-2026-0007", "title": "子育て広場の共同運営"}


@pytest.fixture
def notice(cso_member):
    notify(recipients=[cso_member], kind="proposals.revised", key="k", url="/proposals/",
           params=PARAMS)
    return Notice.objects.get()


def test_it_lists_my_notices_in_japanese_and_english(client, cso_member, notice):
    client.force_login(cso_member)
    page = client.get("/notices/")
    assert page.status_code == 200
    assert "提案 410004-2026-0007 が変更されました" in page.content.decode()
    assert "お知らせ(未読 1 件)" in page.content.decode()
    english = client.get("/en/notices/").content.decode()
    assert "Proposal 410004-2026-0007 was revised" in english
    assert "Notices (1 unread)" in english


def test_opening_a_notice_marks_it_read_and_leads_to_its_page_in_my_language(
    client, cso_member, notice
):
    client.force_login(cso_member)
    answer = client.get(f"/en/notices/{notice.pk}/")
    assert answer.status_code == 302
    assert answer["Location"] == "/en/proposals/"
    notice.refresh_from_db()
    assert notice.read_at is not None
    assert "unread" not in client.get("/en/notices/").content.decode()


def test_someone_elses_notice_does_not_exist_for_me(client, outsider, notice):
    client.force_login(outsider)
    assert client.get(f"/notices/{notice.pk}/").status_code == 404
    notice.refresh_from_db()
    assert notice.read_at is None


def test_it_marks_all_read(client, cso_member, notice):
    client.force_login(cso_member)
    assert client.get(reverse("notifications:read_all")).status_code == 405
    client.post(reverse("notifications:read_all"))
    assert not Notice.objects.unread().exists()


def test_notices_need_a_login(client):
    answer = client.get("/notices/")
    assert answer.status_code == 302
    assert "/accounts/login/" in answer["Location"]


def test_the_settings_choose_the_email_language_and_opt_out(client, cso_member):
    client.force_login(cso_member)
    answer = client.post("/en/notices/settings/", {"language": "en"})
    assert answer.status_code == 302
    cso_member.refresh_from_db()
    assert (cso_member.language, cso_member.email_notices) == ("en", False)


def test_a_bad_language_is_refused_with_a_message_and_nothing_changes(client, cso_member):
    client.force_login(cso_member)
    with translation.override("ja"):
        answer = client.post("/notices/settings/", {"language": "xx", "email_notices": "on"})
    assert answer.status_code == 200
    assert "error-summary" in answer.content.decode()
    cso_member.refresh_from_db()
    assert cso_member.language == "ja"
