"""Starting a collaboration and moving it through its life: planned → running → finished
(→ evaluated), or suspended / cancelled; publishing it."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kyoso.core.choices import CollaborationForm, PolicyField
from kyoso.core.fiscal import fiscal_year_of

from ..models import Collaboration
from ..rules import ACTIVE, PUBLISHABLE, adopting_decisions
from ._common import (
    NOT_CHECKED,
    CollaborationTransitionError,
    audit,
    lock,
    may,
    move,
    now,
    require_perm,
    require_state,
    require_text,
    require_unchanged,
)

S = Collaboration.State
DETAIL_FIELDS = ("title", "summary", "field", "form", "start_fiscal_year", "end_fiscal_year",
                 "agreement")


def _clean_details(*, title, summary, field, form, start_fiscal_year, end_fiscal_year,
                   departments, partners, body) -> dict:
    errors = {}
    title = (title or "").strip()
    summary = (summary or "").strip()
    if not title:
        errors["title"] = _("Give the collaboration a title.")
    if not summary:
        errors["summary"] = _("Say what the collaboration does.")
    if field not in PolicyField.values:
        errors["field"] = _("Choose a field.")
    if form not in CollaborationForm.values:
        errors["form"] = _("Choose a form of collaboration.")
    if not start_fiscal_year:
        errors["start_fiscal_year"] = _("Give the first fiscal year.")
    elif end_fiscal_year and end_fiscal_year < start_fiscal_year:
        errors["end_fiscal_year"] = _("The last fiscal year cannot come before the first.")
    if not departments:
        errors["departments"] = _("Choose at least one department.")
    elif any(department.body_id != body.pk for department in departments):
        errors["departments"] = _("Choose departments of the collaboration's body.")
    if not partners:
        errors["partners"] = _("Choose at least one partner organization.")
    if errors:
        raise ValidationError(errors)
    return {"title": title, "summary": summary}


def _save_relations(collaboration, departments, partners):
    collaboration.departments.set(departments)
    collaboration.partners.set(partners)
    for attribute in ("_department_ids", "_partner_ids"):
        if hasattr(collaboration, attribute):
            delattr(collaboration, attribute)
    collaboration.refresh_search_text()


@transaction.atomic
def collaboration_create_from_proposal(
    *, actor, proposal, title: str = "", summary: str = "", field: str, form: str = "",
    start_fiscal_year: int | None = None, end_fiscal_year: int | None = None,
    departments=None, partners=None, agreement=None,
) -> Collaboration:
    """An adopted proposal becomes a collaboration (one action by the desk or an adopting
    department). Departments default to those that adopted it, partners to the proposer and
    its consenting co-proposers, the form to the adopting decision's."""
    from kyoso.proposals.models import Proposal

    proposal = Proposal.objects.select_for_update().select_related("body").get(pk=proposal.pk)
    decisions = list(adopting_decisions(proposal).select_related("assignment__department"))
    if not decisions:
        raise CollaborationTransitionError(
            _("Only a proposal adopted by a department can become a collaboration."),
            code="not_adopted",
        )
    if Collaboration.objects.filter(proposal=proposal).exists():
        raise CollaborationTransitionError(
            _("This proposal is already a collaboration."), code="already_started"
        )
    require_perm(actor, "collaborations.start_from_proposal", proposal)
    if departments is None:
        departments = [decision.assignment.department for decision in decisions]
    if partners is None:
        partners = [proposal.organization, *(
            link.organization for link in proposal.partner_links.filter(
                consented_at__isnull=False
            ).select_related("organization")
        )]
    form = form or decisions[0].collaboration_form
    start = start_fiscal_year or decisions[0].budget_fiscal_year or proposal.fiscal_year
    return _create(
        actor=actor, body=proposal.body, proposal=proposal, title=title or proposal.title,
        summary=summary or proposal.title, field=field, form=form, start_fiscal_year=start,
        end_fiscal_year=end_fiscal_year, departments=departments, partners=partners,
        agreement=agreement,
    )


@transaction.atomic
def collaboration_create(
    *, actor, body, title: str, summary: str, field: str, form: str, start_fiscal_year: int,
    end_fiscal_year: int | None = None, departments, partners, agreement=None,
) -> Collaboration:
    """A collaboration without a proposal, e.g. under an agreement (Ibaraki's 協定による連携)."""
    if not may(actor, "collaborations.create_collaboration", body):
        raise PermissionDenied(_("You may not do this."))
    return _create(
        actor=actor, body=body, proposal=None, title=title, summary=summary, field=field,
        form=form, start_fiscal_year=start_fiscal_year, end_fiscal_year=end_fiscal_year,
        departments=departments, partners=partners, agreement=agreement,
    )


def _check_agreement(agreement, body):
    if agreement is not None and agreement.body_id != body.pk:
        raise ValidationError({"agreement": _("Choose an agreement of the same body.")})


def _create(*, actor, body, proposal, title, summary, field, form, start_fiscal_year,
            end_fiscal_year, departments, partners, agreement) -> Collaboration:
    departments, partners = list(departments), list(partners)
    texts = _clean_details(
        title=title, summary=summary, field=field, form=form,
        start_fiscal_year=start_fiscal_year, end_fiscal_year=end_fiscal_year,
        departments=departments, partners=partners, body=body,
    )
    _check_agreement(agreement, body)
    collaboration = Collaboration.objects.create(
        body=body, proposal=proposal, agreement=agreement, field=field, form=form,
        start_fiscal_year=start_fiscal_year, end_fiscal_year=end_fiscal_year,
        created_by=actor, **texts,
    )
    _save_relations(collaboration, departments, partners)
    audit(collaboration, actor=actor, verb="create", to_state=collaboration.state,
          changes={"proposal": proposal.pk if proposal else None,
                   "agreement": agreement.pk if agreement else None})
    return collaboration


@transaction.atomic
def collaboration_update(
    *, actor, collaboration: Collaboration, title: str, summary: str, field: str, form: str,
    start_fiscal_year: int, end_fiscal_year: int | None, departments, partners,
    agreement=None, expected_updated_at=NOT_CHECKED,
) -> Collaboration:
    """``expected_updated_at``: when the editor loaded it; a save in between is refused
    (``CollaborationChangedError``) instead of silently overwritten."""
    collaboration = lock(collaboration)
    require_state(collaboration, "update", *ACTIVE)
    require_perm(actor, "collaborations.change_collaboration", collaboration)
    require_unchanged(collaboration.updated_at, expected_updated_at)
    departments, partners = list(departments), list(partners)
    texts = _clean_details(
        title=title, summary=summary, field=field, form=form,
        start_fiscal_year=start_fiscal_year, end_fiscal_year=end_fiscal_year,
        departments=departments, partners=partners, body=collaboration.body,
    )
    _check_agreement(agreement, collaboration.body)
    before = {name: getattr(collaboration, name) for name in DETAIL_FIELDS}
    for name, value in {**texts, "field": field, "form": form,
                        "start_fiscal_year": start_fiscal_year,
                        "end_fiscal_year": end_fiscal_year, "agreement": agreement}.items():
        setattr(collaboration, name, value)
    collaboration.save()
    _save_relations(collaboration, departments, partners)
    changes = {
        name: ["…", "…"] if name in ("summary",) else [before[name], getattr(collaboration, name)]
        for name in DETAIL_FIELDS if before[name] != getattr(collaboration, name)
    }
    audit(collaboration, actor=actor, verb="update", changes=changes)
    return collaboration


def _today():
    return timezone.localdate()


@transaction.atomic
def collaboration_start(*, actor, collaboration: Collaboration) -> Collaboration:
    collaboration = lock(collaboration)
    require_state(collaboration, "start", S.PLANNED)
    require_perm(actor, "collaborations.start_collaboration", collaboration)
    collaboration.started_on = _today()
    return move(collaboration, actor=actor, to_state=S.RUNNING, verb="start",
                fields=("started_on",))


@transaction.atomic
def collaboration_finish(*, actor, collaboration: Collaboration, reason: str = "") -> Collaboration:
    collaboration = lock(collaboration)
    require_state(collaboration, "finish", S.RUNNING)
    require_perm(actor, "collaborations.finish_collaboration", collaboration)
    collaboration.finished_on = _today()
    if collaboration.end_fiscal_year is None:
        # An open end closes with the fiscal year it finished in.
        collaboration.end_fiscal_year = max(fiscal_year_of(collaboration.finished_on),
                                            collaboration.start_fiscal_year)
    return move(collaboration, actor=actor, to_state=S.FINISHED, verb="finish",
                reason=(reason or "").strip(), fields=("finished_on", "end_fiscal_year"))


@transaction.atomic
def collaboration_suspend(*, actor, collaboration: Collaboration, reason: str) -> Collaboration:
    collaboration = lock(collaboration)
    require_state(collaboration, "suspend", S.RUNNING)
    require_perm(actor, "collaborations.suspend_collaboration", collaboration)
    reason = require_text(reason, "reason", _("Say why the collaboration is suspended."))
    return move(collaboration, actor=actor, to_state=S.SUSPENDED, verb="suspend", reason=reason)


@transaction.atomic
def collaboration_resume(*, actor, collaboration: Collaboration) -> Collaboration:
    collaboration = lock(collaboration)
    require_state(collaboration, "resume", S.SUSPENDED)
    require_perm(actor, "collaborations.resume_collaboration", collaboration)
    return move(collaboration, actor=actor, to_state=S.RUNNING, verb="resume")


@transaction.atomic
def collaboration_cancel(*, actor, collaboration: Collaboration, reason: str) -> Collaboration:
    """Cancelling ends the collaboration for good, and it leaves the public pages."""
    collaboration = lock(collaboration)
    require_state(collaboration, "cancel", *ACTIVE)
    require_perm(actor, "collaborations.cancel_collaboration", collaboration)
    reason = require_text(reason, "reason", _("Say why the collaboration is cancelled."))
    collaboration.published_at = None
    return move(collaboration, actor=actor, to_state=S.CANCELLED, verb="cancel", reason=reason,
                fields=("published_at",))


@transaction.atomic
def collaboration_publish(*, actor, collaboration: Collaboration) -> Collaboration:
    """The desk puts the collaboration on the public pages: its outcomes and timeline, and its
    evaluations once they are published."""
    collaboration = lock(collaboration)
    require_state(collaboration, "publish", *PUBLISHABLE)
    if collaboration.published_at is not None:
        raise CollaborationTransitionError(
            _("The collaboration is already published."), code="already_published"
        )
    require_perm(actor, "collaborations.publish_collaboration", collaboration)
    collaboration.published_at = now()
    collaboration.save(update_fields=["published_at", "updated_at"])
    audit(collaboration, actor=actor, verb="publish")
    return collaboration


def conclude_if_evaluated(collaboration: Collaboration, *, actor) -> None:
    """A finished collaboration whose final joint evaluation is final has been evaluated."""
    if collaboration.state == S.FINISHED and collaboration.evaluations.filter(
        fiscal_year__isnull=True, state="final"
    ).exists():
        move(collaboration, actor=actor, to_state=S.EVALUATED, verb="evaluated")


def current_fiscal_year() -> int:
    return fiscal_year_of(_today())
