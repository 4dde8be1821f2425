"""Pages of the keeping body and the parties: creating and editing agreements, their moves,
documents and memoranda. Each action has its own URL: GET shows its form (the confirmation of a
move), POST calls the service.

Someone who may not see the agreement gets 404; someone who sees it but may not act gets 403;
a move its state does not allow is refused with the service's own message. A form that creates
something (a draft, a document, a memorandum) carries a one-time key (``kyoso.core.forms``):
sent twice, it creates once, and the repeat lands where the first one did.
"""

from __future__ import annotations

from dataclasses import dataclass

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from kyoso.core.forms import apply_errors, create_once, earlier_submission
from kyoso.organizations.models import GovernmentBody
from kyoso.proposals.selectors import proposal_for

from .. import selectors, services
from ..forms import (
    AgreementForm,
    ConfirmForm,
    DocumentForm,
    FromProposalForm,
    MemorandumForm,
    NewAgreementForm,
    RenewForm,
    SignForm,
    TerminateForm,
)
from ..models import AgreementDocument, Memorandum
from ..rules import OVERSEERS, is_keeper
from ..services._common import ACTIONS as ACTION_LABELS


def _posted(request):
    # An empty POST (a confirmation button) is still a submitted form.
    return request.POST if request.method == "POST" else None


def _files(request):
    return request.FILES if request.method == "POST" else None


def _bodies_kept_by(user):
    from kyoso.organizations.predicates import body_roles

    ids = [
        body_id for body_id, held in body_roles(user).items()
        if any(role in OVERSEERS for role, _department in held)
    ]
    return GovernmentBody.objects.filter(pk__in=ids).order_by("code")


@login_required
@require_safe
def mine(request):
    """The agreements of the bodies one keeps and those one's organizations are party to."""
    kept = selectors.kept_agreements(request.user)
    party = selectors.party_agreements(request.user)
    found = selectors.with_parties(
        selectors.agreements_visible_to(request.user).filter(
            Q(pk__in=kept.values("pk")) | Q(pk__in=party.values("pk"))
        )
    ).order_by("state", "-signed_on", "-id")
    state = request.GET.get("state", "")
    if state in dict(found.model.State.choices):
        found = found.filter(state=state)
    page = Paginator(found, 50).get_page(request.GET.get("page"))
    return render(request, "agreements/mine.html", {
        "page": page,
        "bodies": list(_bodies_kept_by(request.user)),
        "states": found.model.State.choices,
        "state": state,
    })


@login_required
@require_http_methods(["GET", "POST"])
def create(request):
    """A new draft agreement, on its own (a company comes with an agreement first)."""
    bodies = _bodies_kept_by(request.user)
    if not bodies.exists():
        raise PermissionDenied
    earlier = earlier_submission(request, "agreements.create")
    if earlier is not None:
        return redirect("agreements:partners", earlier)
    form = NewAgreementForm(_posted(request), bodies=bodies,
                            initial={"body": request.GET.get("body") and bodies.filter(
                                code=request.GET.get("body")).first()})
    if request.method == "POST" and form.is_valid():
        try:
            pk, replayed = create_once(
                user=request.user, key=form.cleaned_data["submission_key"],
                operation="agreements.create",
                create=lambda: services.agreement_create(
                    actor=request.user, body=form.cleaned_data["body"],
                    **form.service_values(),
                ),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            if not replayed:
                messages.success(request, _(
                    "The draft agreement was saved. Now find its partner organizations and add "
                    "them."
                ))
            return redirect("agreements:partners", pk)
    return render(request, "agreements/form.html", {
        "form": form, "title": _("New agreement"), "agreement": None,
    })


@login_required
@require_http_methods(["GET", "POST"])
def create_from_proposal(request, proposal_pk):
    """A draft agreement prefilled from an adopted proposal (the desk's workspace links here)."""
    proposal = proposal_for(request.user, proposal_pk)
    if not rules.has_perm("agreements.create_agreement", request.user, proposal.body):
        raise Http404
    earlier = earlier_submission(request, "agreements.create_from_proposal")
    if earlier is not None:
        return redirect("agreements:edit", earlier)
    form = FromProposalForm(_posted(request))
    adopted = services.is_adopted(proposal)
    if request.method == "POST" and form.is_valid():
        try:
            pk, replayed = create_once(
                user=request.user, key=form.cleaned_data["submission_key"],
                operation="agreements.create_from_proposal",
                create=lambda: services.agreement_create_from_proposal(
                    actor=request.user, proposal=proposal
                ),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            if not replayed:
                messages.success(request, _(
                    "A draft agreement was prepared from the proposal. Complete its items and "
                    "term."
                ))
            return redirect("agreements:edit", pk)
    return render(request, "agreements/from_proposal.html", {
        "form": form, "proposal": proposal, "adopted": adopted,
        "existing": list(proposal.agreements.all()),
    })


def _agreement_for_action(request, pk, perm: str):
    agreement = selectors.agreement_for(request.user, pk)
    if not rules.has_perm(perm, request.user, agreement) and not is_keeper(
        request.user, agreement
    ):
        raise PermissionDenied
    return agreement


@login_required
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    agreement = _agreement_for_action(request, pk, "agreements.change_agreement")
    signed = agreement.state != agreement.State.DRAFT
    form = AgreementForm(
        _posted(request), signed=signed, home=[agreement.body],
        initial=AgreementForm.initial_of(agreement),
    )
    refusal = _refusal(request, agreement, "agreements.change_agreement", "update")
    if request.method == "POST" and not refusal and form.is_valid():
        try:
            services.agreement_update(
                actor=request.user, agreement=agreement, **form.service_values(),
                expected_version=_version(request),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The agreement was saved."))
            return redirect("agreements:detail", agreement.pk)
    return render(request, "agreements/form.html", {
        "form": form, "title": _("Edit the agreement"), "agreement": agreement,
        "refusal": refusal, "signed": signed,
        "partners": [link.organization for link in agreement.partner_links.all()],
    })


def _version(request) -> int | None:
    raw = request.POST.get("version", "")
    return int(raw) if raw.isdigit() else None


def _refusal(request, agreement, perm: str, verb: str) -> str:
    """The reason the keeper cannot do this now (the state), or '' when the rule allows it."""
    if rules.has_perm(perm, request.user, agreement):
        return ""
    return _("“%(action)s” is not possible while the agreement is “%(state)s”.") % {
        "action": ACTION_LABELS[verb], "state": agreement.get_state_display()
    }


@dataclass(frozen=True)
class Move:
    verb: str
    perm: str
    form: type
    explanation: Promise
    button: Promise
    done: Promise
    danger: bool = False


MOVES = {
    "sign": Move(
        "sign", "agreements.sign_agreement", SignForm,
        gettext_lazy("Record the date on which every party signed. The agreement is published "
                     "from now on, and its term starts on that day unless it says otherwise."),
        gettext_lazy("Record the signing"), gettext_lazy("The signing was recorded."),
    ),
    "activate": Move(
        "activate", "agreements.activate_agreement", ConfirmForm,
        gettext_lazy("The term has started: mark the agreement as in force. (Kyoso also does "
                     "this by itself on the first day of the term.)"),
        gettext_lazy("Put in force"), gettext_lazy("The agreement is in force."),
    ),
    "renew": Move(
        "renew", "agreements.renew_agreement", RenewForm,
        gettext_lazy("The parties agreed to continue: give the end of the new term."),
        gettext_lazy("Renew"), gettext_lazy("The agreement was renewed."),
    ),
    "terminate": Move(
        "terminate", "agreements.terminate_agreement", TerminateForm,
        gettext_lazy("The parties end the agreement before its term. This cannot be undone."),
        gettext_lazy("Terminate the agreement"), gettext_lazy("The agreement was terminated."),
        danger=True,
    ),
}


def _call(move: Move, request, agreement, data: dict):
    version = _version(request)
    if move.verb == "sign":
        return services.agreement_sign(actor=request.user, agreement=agreement,
                                       signed_on=data["signed_on"], expected_version=version)
    if move.verb == "activate":
        return services.agreement_activate(actor=request.user, agreement=agreement,
                                           expected_version=version)
    if move.verb == "renew":
        return services.agreement_renew(actor=request.user, agreement=agreement,
                                        ends_on=data["ends_on"], reason=data.get("reason", ""),
                                        expected_version=version)
    return services.agreement_terminate(actor=request.user, agreement=agreement,
                                        terminated_on=data["terminated_on"],
                                        reason=data["reason"], expected_version=version)


@login_required
@require_http_methods(["GET", "POST"])
def move(request, pk, verb):
    if verb not in MOVES:
        raise Http404
    action = MOVES[verb]
    agreement = _agreement_for_action(request, pk, action.perm)
    refusal = _refusal(request, agreement, action.perm, verb)
    form = action.form(_posted(request))
    if request.method == "POST" and not refusal and form.is_valid():
        try:
            _call(action, request, agreement, form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, str(action.done))
            return redirect("agreements:detail", agreement.pk)
    return render(request, "agreements/action.html", {
        "agreement": agreement, "form": form, "action": action,
        "title": ACTION_LABELS[verb], "refusal": refusal,
    }, status=409 if refusal and request.method == "POST" else 200)


def _filed_before(request, operation: str, model) -> int | None:
    """The agreement on which this very form already filed its paper (a double click, a resent
    form): the paper is not filed twice."""
    earlier = earlier_submission(request, operation)
    if earlier is None:
        return None
    return model.objects.filter(pk=earlier).values_list("agreement_id", flat=True).first()


@login_required
@require_http_methods(["GET", "POST"])
def document_add(request, pk):
    agreement = _agreement_for_action(request, pk, "agreements.file_document")
    refusal = _refusal(request, agreement, "agreements.file_document", "file")
    may_publish = rules.has_perm("agreements.publish_document", request.user, agreement)
    earlier = _filed_before(request, "agreements.document.add", AgreementDocument)
    if earlier is not None:
        return redirect("agreements:detail", earlier)
    form = DocumentForm(_posted(request), _files(request), may_publish=may_publish)
    if request.method == "POST" and not refusal and form.is_valid():
        data = form.cleaned_data
        try:
            _pk, replayed = create_once(
                user=request.user, key=data["submission_key"], operation="agreements.document.add",
                create=lambda: services.document_add(
                    actor=request.user, agreement=agreement, upload=data["file"],
                    title=data.get("title", ""), is_public=data.get("is_public", False),
                ),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            if not replayed:
                messages.success(request, _("The document was filed."))
            return redirect("agreements:detail", agreement.pk)
    return render(request, "agreements/action.html", {
        "agreement": agreement, "form": form, "title": ACTION_LABELS["file"],
        "refusal": refusal, "multipart": True,
        "action": {"button": _("File the document"), "explanation": _(
            "Only the parties and the body see a document unless the body makes it public.")},
    })


@login_required
@require_POST
def document_change(request, pk, document_pk, change):
    agreement = selectors.agreement_for(request.user, pk)
    document = get_object_or_404(AgreementDocument, agreement=agreement, pk=document_pk)
    if change == "remove":
        if not is_keeper(request.user, agreement):
            raise PermissionDenied
        try:
            services.document_remove(actor=request.user, document=document)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The document was removed."))
    elif change in ("publish", "hide"):
        if not is_keeper(request.user, agreement):
            raise PermissionDenied
        services.document_publish(actor=request.user, document=document,
                                  is_public=change == "publish")
        messages.success(request, _("The document is public.") if change == "publish"
                         else _("The document is no longer public."))
    else:
        raise Http404
    return redirect("agreements:detail", agreement.pk)


@login_required
@require_http_methods(["GET", "POST"])
def memorandum_add(request, pk):
    agreement = _agreement_for_action(request, pk, "agreements.draft_memorandum")
    refusal = _refusal(request, agreement, "agreements.draft_memorandum", "memorandum")
    may_sign = rules.has_perm("agreements.sign_memorandum", request.user, agreement) and (
        agreement.is_public
    )
    earlier = _filed_before(request, "agreements.memorandum.add", Memorandum)
    if earlier is not None:
        return redirect("agreements:detail", earlier)
    form = MemorandumForm(_posted(request), may_sign=may_sign)
    if request.method == "POST" and not refusal and form.is_valid():
        try:
            _pk, replayed = create_once(
                user=request.user, key=form.cleaned_data["submission_key"],
                operation="agreements.memorandum.add",
                create=lambda: services.memorandum_add(
                    actor=request.user, agreement=agreement, **form.service_values()
                ),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            if not replayed:
                messages.success(request, _("The memorandum was saved."))
            return redirect("agreements:detail", agreement.pk)
    return render(request, "agreements/action.html", {
        "agreement": agreement, "form": form, "title": ACTION_LABELS["memorandum"],
        "refusal": refusal,
        "action": {"button": _("Save the memorandum"), "explanation": _(
            "A memorandum sets out one program under the agreement. It is a draft until the "
            "body records its signing; then it is published with the agreement.")},
    })


@login_required
@require_http_methods(["GET", "POST"])
def memorandum_sign(request, pk, memorandum_pk):
    agreement = _agreement_for_action(request, pk, "agreements.sign_memorandum")
    memorandum = get_object_or_404(Memorandum, agreement=agreement, pk=memorandum_pk)
    refusal = _refusal(request, agreement, "agreements.sign_memorandum", "sign_memorandum")
    form = SignForm(_posted(request))
    if request.method == "POST" and not refusal and form.is_valid():
        try:
            services.memorandum_sign(actor=request.user, memorandum=memorandum,
                                     signed_on=form.cleaned_data["signed_on"])
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The signing of the memorandum was recorded."))
            return redirect("agreements:detail", agreement.pk)
    return render(request, "agreements/action.html", {
        "agreement": agreement, "form": form, "title": ACTION_LABELS["sign_memorandum"],
        "refusal": refusal, "subject": memorandum.title,
        "action": {"button": _("Record the signing"), "explanation": _(
            "Record the date on which the parties signed this memorandum.")},
    })
