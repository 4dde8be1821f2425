"""Milestones, contacts and indicators can be corrected or removed while the collaboration is
active; what already counts (a milestone done, an indicator with measured values) stays."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from kyoso.collaborations import services
from kyoso.collaborations.models import Contact, Indicator, Milestone
from kyoso.collaborations.services import CollaborationTransitionError
from kyoso.core.models import AuditEvent

from .factories import running

DUE = dt.date(2027, 3, 31)
# A day already past: what was done or measured is recorded afterwards.
DONE = dt.date(2026, 3, 31)


@pytest.fixture
def live(collaboration, department_officer):
    return running(collaboration, department_officer)


@pytest.fixture
def milestone(live, department_officer):
    return services.milestone_add(actor=department_officer, collaboration=live,
                                  title="会場の確保", due_on=DUE)


@pytest.fixture
def indicator(live, department_officer):
    return services.indicator_add(actor=department_officer, collaboration=live,
                                  name="窓口来訪者数", unit="人", baseline=Decimal(1000),
                                  target=Decimal(1500))


def test_a_milestone_is_moved_and_the_change_is_audited(milestone, department_officer):
    changed = services.milestone_change(actor=department_officer, milestone=milestone,
                                        title="会場の確保(2か所)", due_on=DUE.replace(day=15))
    assert (changed.title, changed.due_on) == ("会場の確保(2か所)", dt.date(2027, 3, 15))
    event = AuditEvent.objects.get(action="collaborations.milestone.change")
    assert event.changes["due_on"] == ["2027-03-31", "2027-03-15"]


def test_a_milestone_not_done_is_removed_but_one_done_stays(live, milestone, department_officer):
    services.milestone_remove(actor=department_officer, milestone=milestone)
    assert not Milestone.objects.filter(pk=milestone.pk).exists()
    done = services.milestone_add(actor=department_officer, collaboration=live, title="開所",
                                  due_on=DUE)
    services.milestone_complete(actor=department_officer, milestone=done, done_on=DONE)
    with pytest.raises(CollaborationTransitionError):
        services.milestone_remove(actor=department_officer, milestone=done)


def test_an_indicator_with_measured_values_is_changed_not_removed(indicator, department_officer):
    services.actual_record(actor=department_officer, indicator=indicator, period="2025年度",
                           measured_on=DONE, value=Decimal(1430))
    with pytest.raises(CollaborationTransitionError):
        services.indicator_remove(actor=department_officer, indicator=indicator)
    services.indicator_change(actor=department_officer, indicator=indicator, name="来訪者数",
                              unit="人", baseline=Decimal(1000), target=Decimal(2000))
    indicator.refresh_from_db()
    assert indicator.target == Decimal(2000) and indicator.actuals.count() == 1


def test_contacts_are_corrected_without_copying_personal_data_to_the_audit_trail(
    live, department_officer
):
    contact = services.contact_add(actor=department_officer, collaboration=live,
                                   side=Contact.Side.GOVERNMENT, name="佐賀 花子")
    services.contact_change(actor=department_officer, contact=contact, side=contact.side,
                            name="佐賀 花子", email="hanako@example.jp")
    event = AuditEvent.objects.get(action="collaborations.contact.change")
    assert "hanako@example.jp" not in str(event.changes)
    services.contact_remove(actor=department_officer, contact=contact)
    assert not Contact.objects.filter(pk=contact.pk).exists()


def test_outsiders_and_other_bodies_may_not_correct(milestone, outsider, other_body_admin):
    for person in (outsider, other_body_admin):
        with pytest.raises(PermissionDenied):
            services.milestone_remove(actor=person, milestone=milestone)
    assert Milestone.objects.filter(pk=milestone.pk).exists()


def test_the_pages_change_and_remove_and_keep_what_was_typed(client, live, milestone,
                                                            indicator, department_officer):
    client.force_login(department_officer)
    base = f"/collaborations/{live.pk}/"
    workspace = client.get(base + "work/").content.decode()
    assert f"{base}milestones/{milestone.pk}/edit/" in workspace
    assert f"{base}indicators/{indicator.pk}/remove/" in workspace
    edit = f"{base}milestones/{milestone.pk}/edit/"
    assert "会場の確保" in client.get(edit).content.decode()  # the form starts filled
    bad = client.post(edit, {"title": "新しい名前", "due_on": ""})
    assert bad.status_code == 200 and "新しい名前" in bad.content.decode()
    assert client.post(f"{base}indicators/{indicator.pk}/remove/").status_code == 302
    assert not Indicator.objects.filter(pk=indicator.pk).exists()
    english = client.get(f"/en{base}milestones/{milestone.pk}/remove/").content.decode()
    assert "Remove the milestone" in english


@pytest.mark.parametrize("persona", ["outsider", "other_body_admin"])
def test_the_pages_are_404_to_strangers(client, live, milestone, persona, request):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(f"/collaborations/{live.pk}/milestones/{milestone.pk}/edit/"
                      ).status_code == 404


def test_a_record_of_another_collaboration_is_404(client, live, milestone, department_officer,
                                                  adopted):
    client.force_login(department_officer)
    assert client.get(f"/collaborations/{live.pk}/contacts/{milestone.pk}/edit/"
                      ).status_code == 404
