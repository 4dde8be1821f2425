import pytest
from django.core import mail
from django.db import transaction

import kyoso.proposals.notices  # noqa: F401 - registers the kinds used here
from kyoso.notifications.models import Notice
from kyoso.notifications.services import notify
from kyoso.organizations.tests.factories import UserFactory

PARAMS = {"reference": "410004-2026-0001", "title": "子育て広場"}


@pytest.fixture
def two_people(db):
    return UserFactory(language="ja"), UserFactory(language="en")


def test_it_tells_each_person_once_per_event_key(two_people):
    first, second = notify(recipients=two_people, kind="proposals.revised", key="k1", url="/",
                           params=PARAMS), notify(recipients=two_people, kind="proposals.revised",
                                                  key="k1", url="/", params=PARAMS)
    assert (first, second) == (2, 0)
    assert Notice.objects.filter(key="k1").count() == 2


def test_it_leaves_out_the_actor_and_inactive_people(two_people):
    ja, en = two_people
    en.is_active = False
    en.save()
    actor = UserFactory()
    assert notify(recipients=[ja, en, actor], kind="proposals.revised", key="k", url="/",
                  params=PARAMS, exclude=actor) == 1
    assert list(Notice.objects.values_list("recipient", flat=True)) == [ja.pk]


def test_it_refuses_an_unknown_kind(two_people):
    with pytest.raises(LookupError):
        notify(recipients=two_people, kind="tests.nothing", key="k", url="/", params={})
    assert not Notice.objects.exists()


def test_it_emails_only_after_the_change_commits(two_people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        notify(recipients=two_people, kind="proposals.revised", key="k", url="/proposals/",
               params=PARAMS)
        assert mail.outbox == []
    assert len(callbacks) == 1
    assert len(mail.outbox) == 2
    assert Notice.objects.filter(emailed_at__isnull=False).count() == 2


def test_a_rolled_back_change_tells_nobody(two_people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                notify(recipients=two_people, kind="proposals.revised", key="k", url="/",
                       params=PARAMS)
                raise RuntimeError("the change fails")
        except RuntimeError:
            pass
    assert mail.outbox == []
    assert not Notice.objects.exists()


def test_each_email_is_in_its_recipients_language(two_people, django_capture_on_commit_callbacks,
                                                  settings):
    settings.KYOSO_SITE_URL = "https://kyoso.example.jp"
    ja, en = two_people
    with django_capture_on_commit_callbacks(execute=True):
        notify(recipients=two_people, kind="proposals.revised", key="k", url="/proposals/",
               params=PARAMS)
    by_address = {message.to[0]: message for message in mail.outbox}
    japanese, english = by_address[ja.email], by_address[en.email]
    assert "410004-2026-0001" in japanese.subject and "変更" in japanese.subject
    assert "was revised" in english.subject
    assert "https://kyoso.example.jp/proposals/" in japanese.body
    assert "https://kyoso.example.jp/en/proposals/" in english.body
    assert "https://kyoso.example.jp/en/notices/settings/" in english.body


def test_people_who_opted_out_get_the_notice_but_no_email(
    two_people, django_capture_on_commit_callbacks
):
    ja, en = two_people
    en.email_notices = False
    en.save()
    with django_capture_on_commit_callbacks(execute=True):
        notify(recipients=two_people, kind="proposals.revised", key="k", url="/", params=PARAMS)
    assert [message.to[0] for message in mail.outbox] == [ja.email]
    assert Notice.objects.get(recipient=en).email_wanted is False


def test_a_notice_is_worded_in_the_readers_language(two_people):
    from django.utils import translation

    notify(recipients=two_people[:1], kind="proposals.revised", key="k", url="/", params=PARAMS)
    notice = Notice.objects.get()
    with translation.override("en"):
        assert notice.subject() == "Proposal 410004-2026-0001 was revised"
    with translation.override("ja"):
        assert "410004-2026-0001" in notice.subject()
        assert notice.subject() != "Proposal 410004-2026-0001 was revised"
