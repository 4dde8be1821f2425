"""Progress reports: the department asks, the partner reports (text and indicator actuals), the
department accepts or asks for changes with comments; actuals count once accepted."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kyoso.collaborations import services
from kyoso.collaborations.figures import progress_of
from kyoso.collaborations.models import ProgressReport
from kyoso.collaborations.services import CollaborationTransitionError
from kyoso.notifications.models import Notice

from .factories import days_from_today, running, with_visitors

R = ProgressReport.State


@pytest.fixture
def report(collaboration, department_officer):
    running(collaboration, department_officer)
    with_visitors(collaboration, department_officer)
    return services.report_request(actor=department_officer, collaboration=collaboration,
                                   period="2026年度上期", due_on=days_from_today(30))


def test_it_tells_the_partner_a_report_is_asked_for(report, cso_member):
    assert Notice.objects.filter(recipient=cso_member,
                                 kind="collaborations.report_requested").exists()


def test_it_counts_reported_actuals_only_once_accepted(
    report, cso_member, department_officer, collaboration
):
    indicator = collaboration.indicators.get()
    services.report_submit(actor=cso_member, report=report, text="来訪者が増えた",
                           actuals={indicator.pk: Decimal(1430)})
    report.refresh_from_db()
    assert report.state == R.SUBMITTED
    assert progress_of(collaboration).indicators[0].actual is None
    assert Notice.objects.filter(recipient=department_officer,
                                 kind="collaborations.report_submitted").exists()
    services.report_review(actor=department_officer, report=report, accept=True)
    report.refresh_from_db()
    assert report.state == R.ACCEPTED
    assert progress_of(collaboration).indicators[0].phrase == "窓口来訪者数 43%増"


def test_it_asks_for_changes_with_comments_and_takes_the_report_again(
    report, cso_member, department_officer, collaboration
):
    services.report_submit(actor=cso_member, report=report, text="概要のみ")
    with pytest.raises(ValidationError) as error:
        services.report_review(actor=department_officer, report=report, accept=False)
    assert "comments" in error.value.error_dict
    services.report_review(actor=department_officer, report=report, accept=False,
                           comments="来訪者数を添えてください")
    report.refresh_from_db()
    assert report.state == R.CHANGES_REQUESTED
    assert report.review_comments == "来訪者数を添えてください"
    assert Notice.objects.filter(recipient=cso_member,
                                 kind="collaborations.report_reviewed").exists()
    indicator = collaboration.indicators.get()
    services.report_submit(actor=cso_member, report=report, text="来訪者数1,430人",
                           actuals={indicator.pk: Decimal(1430)})
    report.refresh_from_db()
    assert report.state == R.SUBMITTED


def test_it_withdraws_a_figure_cleared_on_resubmission(
    report, cso_member, department_officer, collaboration
):
    indicator = collaboration.indicators.get()
    services.report_submit(actor=cso_member, report=report, text="来訪者数1,430人",
                           actuals={indicator.pk: Decimal(1430)})
    services.report_review(actor=department_officer, report=report, accept=False,
                           comments="数値の根拠が不明です")
    services.report_submit(actor=cso_member, report=report, text="数値は集計中",
                           actuals={indicator.pk: None})
    assert not report.actuals.exists()
    services.report_review(actor=department_officer, report=report, accept=True)
    assert progress_of(collaboration).indicators[0].actual is None


def test_it_lets_only_the_partner_submit_and_only_the_department_review(
    report, cso_member, department_officer, desk_coordinator, other_partner_member
):
    for outsider in (department_officer, desk_coordinator, other_partner_member):
        with pytest.raises(PermissionDenied):
            services.report_submit(actor=outsider, report=report, text="x")
    services.report_submit(actor=cso_member, report=report, text="報告")
    for outsider in (cso_member, desk_coordinator):
        with pytest.raises(PermissionDenied):
            services.report_review(actor=outsider, report=report, accept=True)


def test_it_refuses_to_review_twice_or_submit_an_accepted_report(
    report, cso_member, department_officer
):
    services.report_submit(actor=cso_member, report=report, text="報告")
    services.report_review(actor=department_officer, report=report, accept=True)
    with pytest.raises(CollaborationTransitionError):
        services.report_review(actor=department_officer, report=report, accept=True)
    with pytest.raises(CollaborationTransitionError):
        services.report_submit(actor=cso_member, report=report, text="再提出")


def test_it_refuses_a_review_before_submission(report, department_officer):
    with pytest.raises(CollaborationTransitionError):
        services.report_review(actor=department_officer, report=report, accept=True)


def test_it_refuses_an_indicator_of_another_collaboration(report, cso_member):
    with pytest.raises(ValidationError):
        services.report_submit(actor=cso_member, report=report, text="x",
                               actuals={999999: Decimal(1)})


def test_it_does_not_ask_for_reports_of_a_planned_collaboration(
    collaboration, department_officer
):
    with pytest.raises(CollaborationTransitionError):
        services.report_request(actor=department_officer, collaboration=collaboration,
                                period="p", due_on=dt.date(2026, 10, 1))


def test_it_logs_activities_by_any_party(report, cso_member, collaboration, outsider):
    activity = services.activity_log(actor=cso_member, collaboration=collaboration,
                                     held_on=dt.date(2026, 7, 1), title="窓口スタッフ研修",
                                     place="県庁1階", participants="職員、CSOスタッフ",
                                     participant_count=12)
    assert activity.collaboration == collaboration
    with pytest.raises(PermissionDenied):
        services.activity_log(actor=outsider, collaboration=collaboration,
                              held_on=dt.date(2026, 7, 1), title="x")


def test_it_adds_contacts_on_both_sides(collaboration, cso_member, department_officer):
    services.contact_add(actor=department_officer, collaboration=collaboration,
                         side="government", name="松尾 大輔", role="主査")
    services.contact_add(actor=cso_member, collaboration=collaboration, side="partner",
                         name="原 恵子")
    assert sorted(collaboration.contacts.values_list("side", flat=True)) == [
        "government", "partner"]


def test_the_review_notice_names_the_outcome_in_the_readers_language(
    report, cso_member, department_officer
):
    from django.utils import translation

    services.report_submit(actor=cso_member, report=report, text="報告")
    with translation.override("ja"):
        services.report_review(actor=department_officer, report=report, accept=True)
    notice = Notice.objects.get(recipient=cso_member, kind="collaborations.report_reviewed")
    assert notice.params["outcome"] == R.ACCEPTED
    with translation.override("en"):
        assert notice.text().endswith(": Accepted.")
    with translation.override("ja"):
        assert "受理" in notice.text()
