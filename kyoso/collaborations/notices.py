"""Who is told what about a collaboration. Notices carry the title, the body's name, periods and
dates only; the reader follows the link to the page."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from kyoso.notifications import kinds
from kyoso.notifications.services import notify
from kyoso.organizations.models import BodyMembership, OrganizationMembership

from .models import ProgressReport

User = get_user_model()

kinds.register(
    "collaborations.started",
    subject=_("Collaboration “%(title)s” was set up"),
    text=_("%(body)s set up the collaboration “%(title)s” with your organization. Its page "
           "holds the milestones, indicators, reports and contacts."),
)
kinds.register(
    "collaborations.report_requested",
    subject=_("Progress report for “%(title)s” due on %(due)s"),
    text=_("%(body)s asks for a progress report on “%(title)s” for %(period)s by %(due)s."),
    date_params=["due"],
)
kinds.register(
    "collaborations.report_submitted",
    subject=_("Progress report on “%(title)s” submitted"),
    text=_("The partner submitted the progress report for %(period)s on “%(title)s”. Accept "
           "it or ask for changes."),
)
kinds.register(
    "collaborations.report_reviewed",
    subject=_("Your progress report on “%(title)s” was reviewed"),
    text=_("The department reviewed your report for %(period)s on “%(title)s”: %(outcome)s."),
    choice_params={"outcome": ProgressReport.State},
)
kinds.register(
    "collaborations.evaluation_side",
    subject=_("Joint evaluation of “%(title)s”: the other side has submitted"),
    text=_("One side submitted its part of the joint evaluation of “%(title)s”. It becomes "
           "final when both sides have submitted."),
)
kinds.register(
    "collaborations.report_due_soon",
    subject=_("Reminder: progress report for “%(title)s” due on %(due)s"),
    text=_("The progress report for %(period)s on “%(title)s” is due on %(due)s."),
    date_params=["due"],
)
kinds.register(
    "collaborations.report_overdue",
    subject=_("Overdue: progress report for “%(title)s” was due on %(due)s"),
    text=_("The progress report for %(period)s on “%(title)s” was due on %(due)s and has not "
           "been submitted."),
    date_params=["due"],
)
kinds.register(
    "collaborations.milestone_due_soon",
    subject=_("Reminder: milestone of “%(title)s” due on %(due)s"),
    text=_("The milestone “%(milestone)s” of “%(title)s” is due on %(due)s."),
    date_params=["due"],
)
kinds.register(
    "collaborations.milestone_overdue",
    subject=_("Overdue: milestone of “%(title)s” was due on %(due)s"),
    text=_("The milestone “%(milestone)s” of “%(title)s” was due on %(due)s and is not marked "
           "done."),
    date_params=["due"],
)


def partner_people(collaboration):
    return User.objects.filter(
        is_active=True,
        organization_memberships__organization__in=collaboration.partners.all(),
        organization_memberships__status=OrganizationMembership.Status.ACTIVE,
    ).distinct()


def department_people(collaboration):
    return User.objects.filter(
        is_active=True, body_memberships__role=BodyMembership.Role.DEPARTMENT,
        body_memberships__department__in=collaboration.departments.all(),
    ).distinct()


def desk_people(collaboration):
    return User.objects.filter(
        is_active=True, body_memberships__body_id=collaboration.body_id,
        body_memberships__role=BodyMembership.Role.DESK,
    ).distinct()


def workspace_url(collaboration) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return reverse("collaborations:workspace", args=[collaboration.pk])


def params_of(collaboration, **extra) -> dict:
    """Plain values: names in both languages (``x``/``x_en``), codes not labels, ISO dates —
    each reader gets them in their own language."""
    return {"title": collaboration.title, "body": collaboration.body.name,
            "body_en": collaboration.body.name_en, **extra}


def collaboration_event_told(collaboration, *, verb: str, actor, event, target=None) -> None:
    key = f"audit:{event.pk}"
    url = workspace_url(collaboration)
    if verb == "create":
        notify(recipients=partner_people(collaboration), kind="collaborations.started", key=key,
               url=url, params=params_of(collaboration), exclude=actor)
    elif verb == "report.request":
        notify(recipients=partner_people(collaboration), kind="collaborations.report_requested",
               key=key, url=url,
               params=params_of(collaboration, period=target.period,
                                due=target.due_on.isoformat()), exclude=actor)
    elif verb == "report.submit":
        notify(recipients=department_people(collaboration),
               kind="collaborations.report_submitted", key=key, url=url,
               params=params_of(collaboration, period=target.period), exclude=actor)
    elif verb == "report.review":
        notify(recipients=partner_people(collaboration), kind="collaborations.report_reviewed",
               key=key, url=url,
               params=params_of(collaboration, period=target.period,
                                outcome=target.state), exclude=actor)
    elif verb == "evaluation.side":
        people = (list(partner_people(collaboration)) + list(department_people(collaboration))
                  + list(desk_people(collaboration)))
        notify(recipients=people, kind="collaborations.evaluation_side", key=key, url=url,
               params=params_of(collaboration), exclude=actor)
