"""The parties' pages: their collaborations, starting one, the workspace, and one page per
action (GET shows the form, POST calls the service and returns to the workspace)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from kyoso.core.fiscal import format_fiscal_year
from kyoso.core.forms import apply_errors, create_once, earlier_submission
from kyoso.organizations.models import GovernmentBody, Organization
from kyoso.organizations.predicates import body_roles

from .. import services
from ..figures import progress_of, timeline_of
from ..forms import (
    CollaborationDetailsForm,
    ConfirmForm,
    DoneForm,
    EvaluationSideForm,
    NewActivityForm,
    NewActualForm,
    NewCollaborationForm,
    NewContactForm,
    NewEvaluationForm,
    NewIndicatorForm,
    NewMilestoneForm,
    NewReportRequestForm,
    OptionalReasonForm,
    ReasonForm,
    ReportReviewForm,
    ReportSubmitForm,
    parse_loaded_at,
)
from ..models import (
    CRITERIA,
    Collaboration,
    Evaluation,
    EvaluationSide,
    Indicator,
    Milestone,
    ProgressReport,
)
from ..rules import adopting_decisions
from ..selectors import my_collaborations, workspace_for
from ..services import CollaborationChangedError, CollaborationTransitionError
from ..services.evaluation import side_of


@login_required
@require_GET
def mine(request):
    from .budget import desk_body_ids

    user = request.user
    bodies = GovernmentBody.objects.filter(pk__in=list(body_roles(user)))
    return render(request, "collaborations/mine.html", {
        "collaborations": my_collaborations(user),
        "may_create": any(rules.has_perm("collaborations.create_collaboration", user, body)
                          for body in bodies),
        "is_desk": bool(desk_body_ids(user)),
    })


def _partner_choices(collaboration=None, proposal=None):
    ids = set()
    if collaboration is not None:
        ids.update(collaboration.partners.values_list("pk", flat=True))
    if proposal is not None:
        ids.add(proposal.organization_id)
        ids.update(proposal.partner_links.filter(consented_at__isnull=False)
                   .values_list("organization_id", flat=True))
    body = (collaboration or proposal).body if (collaboration or proposal) else None
    condition = Q(pk__in=ids)
    if body is not None:
        prefecture = body.parent_id or body.pk
        condition |= Q(prefecture_id=prefecture)
    return Organization.objects.filter(condition).order_by("name_kana", "name")


def _staff_body(user, code):
    bodies = GovernmentBody.objects.filter(pk__in=list(body_roles(user)))
    if code:
        bodies = bodies.filter(code=code)
    body = bodies.order_by("code").first()
    if body is None or not rules.has_perm("collaborations.create_collaboration", user, body):
        raise PermissionDenied
    return body


@login_required
@require_http_methods(["GET", "POST"])
def new(request):
    """Start a collaboration: from an adopted proposal (``?proposal=``), or for a body's own
    work (e.g. under an agreement). The same form sent again leads to the collaboration it set
    up."""
    user = request.user
    earlier = earlier_submission(request, CREATE_COLLABORATION)
    if earlier is not None:
        return redirect("collaborations:workspace", earlier)
    proposal = None
    if request.GET.get("proposal"):
        from kyoso.proposals.selectors import proposal_for

        proposal = proposal_for(user, request.GET["proposal"])
        if not rules.has_perm("collaborations.start_from_proposal", user, proposal):
            raise PermissionDenied
        existing = Collaboration.objects.filter(proposal=proposal).first()
        if existing is not None:
            messages.info(request, _("This proposal is already a collaboration."))
            return redirect("collaborations:workspace", existing.pk)
        body = proposal.body
    else:
        body = _staff_body(user, request.GET.get("body", ""))
    initial = {}
    if proposal is not None:
        decisions = list(adopting_decisions(proposal).select_related("assignment"))
        initial = {
            "title": proposal.title, "form": decisions[0].collaboration_form,
            "start_fiscal_year": decisions[0].budget_fiscal_year or proposal.fiscal_year,
            "departments": [d.assignment.department_id for d in decisions],
            "partners": [proposal.organization_id, *proposal.partner_links.filter(
                consented_at__isnull=False).values_list("organization_id", flat=True)],
        }
        target = proposal.target_projects.first()
        if target is not None:
            initial["field"] = target.field
    form = NewCollaborationForm(request.POST or None, initial=initial, body=body,
                                partner_choices=_partner_choices(proposal=proposal)
                                if proposal else _partner_choices_for_body(body))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data

        def create():
            if proposal is not None:
                return services.collaboration_create_from_proposal(
                    actor=user, proposal=proposal, **_details(data))
            return services.collaboration_create(actor=user, body=body, **_details(data))

        try:
            pk, replayed = create_once(user=user, key=data["submission_key"],
                                       operation=CREATE_COLLABORATION, create=create)
        except CollaborationTransitionError as error:
            form.add_error(None, error)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            if not replayed:
                messages.success(request, _("The collaboration was set up."))
            return redirect("collaborations:workspace", pk)
    return render(request, "collaborations/form.html",
                  {"form": form, "proposal": proposal, "body": body, "collaboration": None})


CREATE_COLLABORATION = "collaborations.create"


def _partner_choices_for_body(body):
    prefecture = body.parent_id or body.pk
    return Organization.objects.filter(prefecture_id=prefecture).order_by("name_kana", "name")


def _details(data) -> dict:
    return {name: data[name] for name in (
        "title", "summary", "field", "form", "start_fiscal_year", "end_fiscal_year",
        "departments", "partners", "agreement")}


@login_required
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    collaboration = workspace_for(request.user, pk)
    if not rules.has_perm("collaborations.change_collaboration", request.user, collaboration):
        raise PermissionDenied
    initial = {
        "title": collaboration.title, "summary": collaboration.summary,
        "field": collaboration.field, "form": collaboration.form,
        "start_fiscal_year": collaboration.start_fiscal_year,
        "end_fiscal_year": collaboration.end_fiscal_year,
        "departments": list(collaboration.departments.values_list("pk", flat=True)),
        "partners": list(collaboration.partners.values_list("pk", flat=True)),
        "agreement": collaboration.agreement_id,
        "loaded_at": collaboration.updated_at.isoformat(),
    }
    form = CollaborationDetailsForm(
        request.POST or None, initial=initial, body=collaboration.body,
        partner_choices=_partner_choices(collaboration=collaboration,
                                         proposal=collaboration.proposal),
    )
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.collaboration_update(
                actor=request.user, collaboration=collaboration, **_details(form.cleaned_data),
                expected_updated_at=parse_loaded_at(form.cleaned_data["loaded_at"]))
        except CollaborationChangedError as error:
            # What was typed stays; the next save overwrites knowingly.
            form.add_error(None, error)
            form.data = form.data.copy()
            form.data["loaded_at"] = Collaboration.objects.get(pk=pk).updated_at.isoformat()
            status = 409
        except CollaborationTransitionError as error:
            form.add_error(None, error)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The collaboration was saved."))
            return redirect("collaborations:workspace", collaboration.pk)
    return render(request, "collaborations/form.html",
                  {"form": form, "proposal": collaboration.proposal,
                   "body": collaboration.body, "collaboration": collaboration}, status=status)


@login_required
@require_GET
def workspace(request, pk):
    user = request.user
    collaboration = workspace_for(user, pk)
    reports = list(collaboration.reports.order_by("-due_on", "-pk"))
    for report in reports:
        report.may_submit = rules.has_perm("collaborations.submit_report", user, report)
        report.may_review = rules.has_perm("collaborations.review_report", user, report)
    evaluations = list(collaboration.evaluations.prefetch_related("sides").order_by("pk"))
    for evaluation in evaluations:
        evaluation.label = (format_fiscal_year(evaluation.fiscal_year) if evaluation.fiscal_year
                            else _("Final evaluation"))
        evaluation.my_side = side_of(user, evaluation)
        evaluation.submitted_sides = {s.side for s in evaluation.sides.all()}
        evaluation.may_publish = rules.has_perm("collaborations.publish_evaluation", user,
                                                evaluation)
    may = {name: rules.has_perm(f"collaborations.{name}", user, collaboration) for name in (
        "change_collaboration", "manage_contacts", "complete_milestone", "record_actual",
        "request_report", "log_activity", "start_evaluation",
    )}
    actions = [action for action in TRANSITIONS if offered(action, user, collaboration)]
    from kyoso.cases.models import Case
    from kyoso.cases.rules import may_make_case

    case = Case.objects.filter(collaboration=collaboration).first()
    if case is not None and not rules.has_perm("cases.view_case", user, case):
        case = None

    return render(request, "collaborations/workspace.html", {
        "collaboration": collaboration,
        "progress": progress_of(collaboration),
        "timeline": timeline_of(collaboration, public=False),
        "milestones": collaboration.milestones.all(),
        "contacts": collaboration.contacts.all(),
        "reports": reports,
        "activities": collaboration.activities.all()[:50],
        "evaluations": evaluations,
        "may": may,
        "transitions": actions,
        "may_make_case": may_make_case(user, collaboration),
        "case": case,
    })


# Actions ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Action:
    slug: str
    title: Promise
    button: Promise
    explanation: Promise
    done: Promise
    perm: str
    form: Callable
    perform: Callable
    danger: bool = False
    # Set on actions that add a record: the operation its form's one-time key is kept under,
    # so that the form sent twice adds it once (``perform`` then returns the record).
    creates: str = ""


def offered(action: Action, user, collaboration) -> bool:
    return rules.has_perm(action.perm, user, collaboration)


def _plain(form_class):
    return lambda data, collaboration, target: form_class(data)


TRANSITIONS = (
    Action("start", gettext_lazy("Start the collaboration"), gettext_lazy("Start"),
           gettext_lazy("The collaboration is running from today: milestones can be done, "
                        "reports asked for and the desk may publish it."),
           gettext_lazy("The collaboration is running."),
           "collaborations.start_collaboration", _plain(ConfirmForm),
           lambda user, c, t, d: services.collaboration_start(actor=user, collaboration=c)),
    Action("finish", gettext_lazy("Finish the collaboration"), gettext_lazy("Finish"),
           gettext_lazy("The work is done. Reports still due may be submitted, and the final "
                        "joint evaluation can begin."),
           gettext_lazy("The collaboration has finished."),
           "collaborations.finish_collaboration", _plain(OptionalReasonForm),
           lambda user, c, t, d: services.collaboration_finish(actor=user, collaboration=c,
                                                               reason=d["reason"])),
    Action("suspend", gettext_lazy("Suspend the collaboration"), gettext_lazy("Suspend"),
           gettext_lazy("The work pauses until it is resumed. The partner sees the reason."),
           gettext_lazy("The collaboration is suspended."),
           "collaborations.suspend_collaboration", _plain(ReasonForm),
           lambda user, c, t, d: services.collaboration_suspend(actor=user, collaboration=c,
                                                                reason=d["reason"]),
           danger=True),
    Action("resume", gettext_lazy("Resume the collaboration"), gettext_lazy("Resume"),
           gettext_lazy("The collaboration runs again."),
           gettext_lazy("The collaboration is running again."),
           "collaborations.resume_collaboration", _plain(ConfirmForm),
           lambda user, c, t, d: services.collaboration_resume(actor=user, collaboration=c)),
    Action("cancel", gettext_lazy("Cancel the collaboration"), gettext_lazy("Cancel it"),
           gettext_lazy("The collaboration ends for good and leaves the public pages. This "
                        "cannot be undone."),
           gettext_lazy("The collaboration was cancelled."),
           "collaborations.cancel_collaboration", _plain(ReasonForm),
           lambda user, c, t, d: services.collaboration_cancel(actor=user, collaboration=c,
                                                               reason=d["reason"]),
           danger=True),
    Action("publish", gettext_lazy("Publish the collaboration"), gettext_lazy("Publish"),
           gettext_lazy("Its page appears in the public list with its outcomes and timeline. "
                        "Evaluations appear when they are published."),
           gettext_lazy("The collaboration is published."),
           "collaborations.publish_collaboration", _plain(ConfirmForm),
           lambda user, c, t, d: services.collaboration_publish(actor=user, collaboration=c)),
)

RECORDS = (
    Action("milestone", gettext_lazy("Add a milestone"), gettext_lazy("Add"),
           gettext_lazy("The departments are reminded before it is due and when it is late."),
           gettext_lazy("The milestone was added."),
           "collaborations.change_collaboration", _plain(NewMilestoneForm),
           lambda user, c, t, d: services.milestone_add(actor=user, collaboration=c, **d),
           creates="collaborations.milestone.add"),
    Action("contact", gettext_lazy("Add a contact"), gettext_lazy("Add"),
           gettext_lazy("A named person on the government's side or the partner's."),
           gettext_lazy("The contact was added."),
           "collaborations.manage_contacts", _plain(NewContactForm),
           lambda user, c, t, d: services.contact_add(actor=user, collaboration=c, **d),
           creates="collaborations.contact.add"),
    Action("indicator", gettext_lazy("Add an outcome indicator"), gettext_lazy("Add"),
           gettext_lazy("Where the figure starts (baseline) and where it should get (target). "
                        "The public page shows the change from the baseline."),
           gettext_lazy("The indicator was added."),
           "collaborations.change_collaboration", _plain(NewIndicatorForm),
           lambda user, c, t, d: services.indicator_add(actor=user, collaboration=c, **d),
           creates="collaborations.indicator.add"),
    Action("request-report", gettext_lazy("Ask for a progress report"), gettext_lazy("Ask"),
           gettext_lazy("The partner is told now and reminded before the due date."),
           gettext_lazy("The partner was asked for a progress report."),
           "collaborations.request_report", _plain(NewReportRequestForm),
           lambda user, c, t, d: services.report_request(actor=user, collaboration=c, **d),
           creates="collaborations.report.request"),
    Action("activity", gettext_lazy("Log an activity"), gettext_lazy("Log"),
           gettext_lazy("A meeting, an event, a training or a visit done together. It appears "
                        "on the timeline."),
           gettext_lazy("The activity was logged."),
           "collaborations.log_activity", _plain(NewActivityForm),
           lambda user, c, t, d: services.activity_log(actor=user, collaboration=c, **d),
           creates="collaborations.activity.log"),
    Action("evaluation", gettext_lazy("Start a joint evaluation"), gettext_lazy("Start"),
           gettext_lazy("The department and the partner each rate the relevance of the policy, "
                        "the effectiveness of the results and the appropriateness of the "
                        "process. It is final when both have submitted."),
           gettext_lazy("The joint evaluation was started."),
           "collaborations.start_evaluation", _plain(NewEvaluationForm),
           lambda user, c, t, d: services.evaluation_start(actor=user, collaboration=c, **d),
           creates="collaborations.evaluation.start"),
)
ACTIONS = {action.slug: action for action in (*TRANSITIONS, *RECORDS)}


def run(request, action: Action, collaboration: Collaboration, target=None, *,
        template="collaborations/action.html", extra=None):
    user = request.user
    # Every action here is asked of the collaboration (a milestone's or an indicator's too).
    if request.method == "GET" and not rules.has_perm(action.perm, user, collaboration):
        if not rules.has_perm("collaborations.view_workspace", user, collaboration):
            raise Http404
        messages.error(request, _("“%(action)s” is not possible now.") % {"action": action.title})
        return redirect("collaborations:workspace", collaboration.pk)
    # The same form sent again (a double click, a resent page): the record is already added.
    if action.creates and earlier_submission(request, action.creates) is not None:
        return redirect("collaborations:workspace", collaboration.pk)
    form = action.form(request.POST if request.method == "POST" else None, collaboration, target)
    status = 200
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        key = data.pop("submission_key", None)
        replayed = False
        try:
            if action.creates:
                _pk, replayed = create_once(
                    user=user, key=key, operation=action.creates,
                    create=lambda: action.perform(user, collaboration, target, data))
            else:
                action.perform(user, collaboration, target, data)
        except PermissionDenied:
            raise
        except CollaborationTransitionError as error:
            form.add_error(None, error)
            status = 409
        except ValidationError as error:
            apply_errors(form, error)
        else:
            if not replayed:
                messages.success(request, action.done)
            return redirect("collaborations:workspace", collaboration.pk)
    return render(request, template, {"action": action, "collaboration": collaboration,
                                      "target": target, "form": form, **(extra or {})},
                  status=status)


@login_required
@require_http_methods(["GET", "POST"])
def action(request, pk, slug):
    if slug not in ACTIONS:
        raise Http404
    return run(request, ACTIONS[slug], workspace_for(request.user, pk))


MILESTONE_DONE = Action(
    "milestone-done", gettext_lazy("Mark the milestone done"), gettext_lazy("Mark done"),
    gettext_lazy("It counts toward the progress figure and appears on the timeline."),
    gettext_lazy("The milestone is done."),
    "collaborations.complete_milestone", _plain(DoneForm),
    lambda user, c, t, d: services.milestone_complete(actor=user, milestone=t, **d),
)
ACTUAL = Action(
    "actual", gettext_lazy("Record an actual value"), gettext_lazy("Record"),
    gettext_lazy("A figure the department measured itself; it counts at once."),
    gettext_lazy("The value was recorded."),
    "collaborations.record_actual", _plain(NewActualForm),
    lambda user, c, t, d: services.actual_record(actor=user, indicator=t, **d),
    creates="collaborations.actual.record",
)


@login_required
@require_http_methods(["GET", "POST"])
def milestone_done(request, pk, milestone_pk):
    collaboration = workspace_for(request.user, pk)
    milestone = get_object_or_404(Milestone, pk=milestone_pk, collaboration=collaboration)
    return run(request, MILESTONE_DONE, collaboration, milestone)


@login_required
@require_http_methods(["GET", "POST"])
def actual(request, pk, indicator_pk):
    collaboration = workspace_for(request.user, pk)
    indicator = get_object_or_404(Indicator, pk=indicator_pk, collaboration=collaboration)
    return run(request, ACTUAL, collaboration, indicator)


@login_required
@require_http_methods(["GET", "POST"])
def report(request, pk, report_pk):
    """A progress report: the partner writes and submits it; the department reviews it."""
    user = request.user
    collaboration = workspace_for(user, pk)
    report = get_object_or_404(ProgressReport, pk=report_pk, collaboration=collaboration)
    report.collaboration = collaboration
    may_submit = rules.has_perm("collaborations.submit_report", user, report)
    may_review = rules.has_perm("collaborations.review_report", user, report)
    indicators = list(collaboration.indicators.all())
    submit_form = review_form = None
    status = 200
    if may_submit:
        initial = {"text": report.text, **{
            f"actual_{a.indicator_id}": a.value for a in report.actuals.all()}}
        submit_form = ReportSubmitForm(
            request.POST if request.method == "POST" else None, initial=initial,
            indicators=indicators)
    if may_review:
        review_form = ReportReviewForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        form = submit_form or review_form
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                if form is submit_form:
                    services.report_submit(actor=user, report=report,
                                           text=form.cleaned_data["text"],
                                           actuals=form.actuals())
                    done = _("The progress report was submitted.")
                else:
                    services.report_review(actor=user, report=report,
                                           accept=form.cleaned_data["accept"],
                                           comments=form.cleaned_data["comments"])
                    done = _("The review was recorded.")
            except CollaborationTransitionError as error:
                form.add_error(None, error)
                status = 409
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, done)
                return redirect("collaborations:workspace", collaboration.pk)
    return render(request, "collaborations/report.html", {
        "collaboration": collaboration, "report": report,
        "actuals": report.actuals.select_related("indicator"),
        "submit_form": submit_form, "review_form": review_form,
    }, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def evaluation(request, pk, evaluation_pk):
    """One joint evaluation: each side's part once submitted, and the form for the viewer's
    side while it is open."""
    user = request.user
    collaboration = workspace_for(user, pk)
    evaluation = get_object_or_404(Evaluation, pk=evaluation_pk, collaboration=collaboration)
    evaluation.collaboration = collaboration
    sides = {side.side: side for side in evaluation.sides.all()}
    my_side = side_of(user, evaluation)
    form = None
    status = 200
    if my_side and my_side not in sides:
        form = EvaluationSideForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.evaluation_side_submit(
                    actor=user, evaluation=evaluation,
                    ratings={c: data[c] for c in CRITERIA},
                    comments={c: data[f"{c}_comment"] for c in CRITERIA},
                    lessons=data["lessons"],
                )
            except CollaborationTransitionError as error:
                form.add_error(None, error)
                status = 409
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, _("Your side of the evaluation was submitted."))
                return redirect("collaborations:workspace", collaboration.pk)
    # While it is open, each side sees only its own part: neither writes with the other's
    # ratings in view.
    final = evaluation.state == Evaluation.State.FINAL
    shown = [
        {"name": name, "label": label, "side": sides.get(name) if final or name == my_side
         else None, "withheld": not final and name != my_side and name in sides}
        for name, label in EvaluationSide.Side.choices
    ]
    return render(request, "collaborations/evaluation.html", {
        "collaboration": collaboration, "evaluation": evaluation,
        "sides": shown,
        "form": form, "my_side": my_side,
        "may_publish": rules.has_perm("collaborations.publish_evaluation", user, evaluation),
    }, status=status)


@login_required
@require_http_methods(["POST"])
def evaluation_publish(request, pk, evaluation_pk):
    user = request.user
    collaboration = workspace_for(user, pk)
    evaluation = get_object_or_404(Evaluation, pk=evaluation_pk, collaboration=collaboration)
    evaluation.collaboration = collaboration
    try:
        services.evaluation_publish(actor=user, evaluation=evaluation)
    except CollaborationTransitionError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("The evaluation is published."))
    return redirect("collaborations:workspace", collaboration.pk)
