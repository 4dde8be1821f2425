"""What the public page keeps to the parties: the reason for a suspension, the text of an
accepted progress report; and, while a joint evaluation is open, each side sees only its own
part."""

from decimal import Decimal

from django.urls import reverse

from kyoso.collaborations import services
from kyoso.collaborations.models import Collaboration

from .factories import RATINGS, days_from_today, running, with_visitors

S = Collaboration.State
INTERNAL = "代表者の不祥事のため内部調査中"


def public_page(client, collaboration):
    client.logout()
    return client.get(reverse("collaborations:detail", args=[collaboration.pk])).content.decode()


def workspace_page(client, collaboration, user):
    client.force_login(user)
    return client.get(reverse("collaborations:workspace",
                              args=[collaboration.pk])).content.decode()


def test_it_keeps_the_reason_of_a_suspension_to_the_parties(
    client, collaboration, department_officer, desk_coordinator
):
    collaboration = running(collaboration, department_officer)
    services.collaboration_publish(actor=desk_coordinator, collaboration=collaboration)
    services.collaboration_suspend(actor=department_officer, collaboration=collaboration,
                                   reason=INTERNAL)
    assert INTERNAL not in public_page(client, collaboration)
    assert INTERNAL in workspace_page(client, collaboration, department_officer)


def test_it_forgets_the_reason_when_a_later_move_has_none(collaboration, department_officer):
    collaboration = running(collaboration, department_officer)
    services.collaboration_suspend(actor=department_officer, collaboration=collaboration,
                                   reason=INTERNAL)
    collaboration = services.collaboration_resume(actor=department_officer,
                                                  collaboration=collaboration)
    collaboration.refresh_from_db()
    assert collaboration.state == S.RUNNING and collaboration.state_reason == ""


def test_the_public_timeline_says_a_report_was_accepted_without_its_text(
    client, collaboration, department_officer, desk_coordinator, cso_member
):
    collaboration = running(collaboration, department_officer)
    with_visitors(collaboration, department_officer)
    report = services.report_request(actor=department_officer, collaboration=collaboration,
                                     period="2026年度上期", due_on=days_from_today(30))
    services.report_submit(actor=cso_member, report=report, text="会員名簿の扱いで揉めた",
                           actuals={collaboration.indicators.get().pk: Decimal(1200)})
    services.report_review(actor=department_officer, report=report, accept=True)
    services.collaboration_publish(actor=desk_coordinator, collaboration=collaboration)
    page = public_page(client, collaboration)
    assert "会員名簿" not in page and "2026年度上期" in page
    assert "会員名簿" in workspace_page(client, collaboration, department_officer)


def _open_evaluation_with_government_side(collaboration, officer):
    collaboration = running(collaboration, officer)
    evaluation = services.evaluation_start(actor=officer, collaboration=collaboration,
                                           fiscal_year=collaboration.start_fiscal_year)
    services.evaluation_side_submit(actor=officer, evaluation=evaluation, ratings=RATINGS,
                                    comments={"process": "役所側だけの所見"},
                                    lessons="役所側の教訓")
    return collaboration, evaluation


def test_while_an_evaluation_is_open_each_side_sees_only_its_own(
    client, collaboration, department_officer, cso_member
):
    collaboration, evaluation = _open_evaluation_with_government_side(collaboration,
                                                                      department_officer)
    url = reverse("collaborations:evaluation", args=[collaboration.pk, evaluation.pk])
    client.force_login(cso_member)
    page = client.get(url).content.decode()
    assert "役所側だけの所見" not in page and "役所側の教訓" not in page
    client.force_login(department_officer)
    assert "役所側だけの所見" in client.get(url).content.decode()
    services.evaluation_side_submit(actor=cso_member, evaluation=evaluation, ratings=RATINGS,
                                    lessons="協働先の教訓")
    client.force_login(cso_member)
    page = client.get(url).content.decode()
    assert "役所側だけの所見" in page and "協働先の教訓" in page
