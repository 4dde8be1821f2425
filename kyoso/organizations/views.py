"""Pages for government bodies, partner organizations and their people.

Reads go through selectors that already scope to the viewer; writes go through services.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kyoso.core.forms import create_once, earlier_submission

from . import selectors, services
from .forms import (
    BodyMembershipForm,
    NewOrganizationForm,
    OrganizationForm,
    OrganizationSearchForm,
)
from .models import BodyMembership, Organization, OrganizationMembership

# --- Government bodies -------------------------------------------------------------------


def body_list(request):
    bodies = list(selectors.bodies_for_navigation())
    # Prefectures first, each followed by its municipalities; agencies at the end.
    by_parent = {}
    for body in bodies:
        by_parent.setdefault(body.parent_id, []).append(body)
    ordered = []
    for body in by_parent.get(None, []):
        ordered.append(body)
        ordered.extend(by_parent.get(body.pk, []))
    listed = {body.pk for body in ordered}
    ordered.extend(body for body in bodies if body.pk not in listed)
    return render(request, "organizations/body_list.html", {"bodies": ordered})


def body_detail(request, code):
    body = selectors.body_public(code)
    return render(
        request,
        "organizations/body_detail.html",
        {
            "body": body,
            "departments": body.departments.order_by("bureau", "name"),
            "municipalities": body.municipalities.active().order_by("code"),
            "can_manage": request.user.has_perm("organizations.manage_body", body),
        },
    )


def _message_for(error: ValidationError) -> str:
    return " ".join(error.messages)


@login_required
def body_staff(request, code):
    """A body administrator's page: who works for the body, in which role, and adding people."""
    body = selectors.body_managed_by(request.user, code)
    form = BodyMembershipForm(request.POST or None, body=body)
    if request.method == "POST" and form.is_valid():
        try:
            services.body_membership_add(
                actor=request.user,
                body=body,
                user=form.cleaned_data["user"],
                role=form.cleaned_data["role"],
                department=form.cleaned_data["department"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("%(email)s now works for %(body)s.")
                % {"email": form.cleaned_data["email"], "body": body.display_name},
            )
            return redirect("organizations:body_staff", code=body.code)
    return render(
        request,
        "organizations/body_staff.html",
        {"body": body, "memberships": selectors.body_staff(body), "form": form,
         "roles": BodyMembership.Role},
    )


@login_required
@require_POST
def body_staff_remove(request, code, pk):
    body = selectors.body_managed_by(request.user, code)
    membership = selectors.body_membership_managed_by(request.user, body, pk)
    try:
        services.body_membership_remove(actor=request.user, membership=membership)
    except ValidationError as error:
        messages.error(request, _message_for(error))
    else:
        messages.success(
            request,
            _("%(email)s no longer has the role “%(role)s”.")
            % {"email": membership.user.email, "role": membership.get_role_display()},
        )
    return redirect("organizations:body_staff", code=body.code)


# --- Partner organizations ---------------------------------------------------------------


def organization_list(request):
    form = OrganizationSearchForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    organizations = selectors.organization_directory(
        query=filters.get("q", ""),
        kind=filters.get("kind", ""),
        field=filters.get("field", ""),
        intermediary=filters.get("intermediary", False),
    )
    page = Paginator(organizations, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "organizations/organization_list.html",
        {
            "form": form,
            "page": page,
            "organizations": page.object_list,
            "can_register": request.user.has_perm("organizations.register_organization"),
        },
    )


def organization_detail(request, pk):
    organization = selectors.organization_public(pk)
    user = request.user
    can_view_members = user.has_perm("organizations.view_members", organization)
    return render(
        request,
        "organizations/organization_detail.html",
        {
            "organization": organization,
            "membership": selectors.organization_membership_of(user, organization),
            "members": selectors.organization_members(organization) if can_view_members else None,
            "can_change": user.has_perm("organizations.change_organization", organization),
            "can_manage_members": user.has_perm("organizations.manage_members", organization),
        },
    )


@login_required
def organization_register(request):
    earlier = earlier_submission(request, "organizations.register")
    if earlier is not None:
        return redirect("organizations:organization_detail", pk=earlier)
    form = NewOrganizationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            pk, replayed = create_once(
                user=request.user, key=form.cleaned_data["submission_key"],
                operation="organizations.register",
                create=lambda: services.organization_register(
                    actor=request.user, data=form.cleaned_data
                ),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if not replayed:
                messages.success(
                    request,
                    _("%(name)s is registered. You are its administrator.")
                    % {"name": Organization.objects.get(pk=pk).display_name},
                )
            return redirect("organizations:organization_detail", pk=pk)
    return render(request, "organizations/organization_form.html", {"form": form})


@login_required
def organization_update(request, pk):
    organization = selectors.organization_managed_by(request.user, pk)
    form = OrganizationForm(request.POST or None, instance=organization)
    if request.method == "POST" and form.is_valid():
        try:
            services.organization_update(
                actor=request.user, organization=organization, data=form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The organization's profile is saved."))
            return redirect(organization.get_absolute_url())
    return render(
        request,
        "organizations/organization_form.html",
        {"form": form, "organization": organization},
    )


@login_required
@require_POST
def organization_join(request, pk):
    organization = selectors.organization_public(pk)
    try:
        services.membership_request(actor=request.user, organization=organization)
    except ValidationError as error:
        messages.error(request, _message_for(error))
    else:
        messages.success(
            request,
            _("Your request has been sent. An administrator of %(name)s will answer it.")
            % {"name": organization.display_name},
        )
    return redirect(organization.get_absolute_url())


@login_required
@require_POST
def organization_leave(request, pk):
    organization = selectors.organization_public(pk)
    membership = selectors.organization_membership_of(request.user, organization)
    if membership is None:
        raise Http404
    try:
        services.membership_remove(actor=request.user, membership=membership)
    except ValidationError as error:
        messages.error(request, _message_for(error))
    else:
        if membership.status == OrganizationMembership.Status.PENDING:
            messages.success(request, _("Your request to join has been withdrawn."))
        else:
            messages.success(
                request, _("You have left %(name)s.") % {"name": organization.display_name}
            )
    return redirect(organization.get_absolute_url())


@login_required
def organization_members(request, pk):
    organization = selectors.organization_managed_by(
        request.user, pk, permission="organizations.manage_members"
    )
    return render(
        request,
        "organizations/organization_members.html",
        {
            "organization": organization,
            "members": selectors.organization_members(organization),
            "pending": selectors.organization_pending_requests(organization),
            "roles": OrganizationMembership.Role,
        },
    )


_MEMBER_ACTIONS = {
    "approve": services.membership_approve,
    "decline": services.membership_decline,
    "remove": services.membership_remove,
}


@login_required
@require_POST
def organization_member_action(request, pk, membership_pk, action):
    organization = selectors.organization_managed_by(
        request.user, pk, permission="organizations.manage_members"
    )
    membership = selectors.organization_membership_in(organization, membership_pk)
    person = membership.user.display_name or membership.user.email
    try:
        if action in _MEMBER_ACTIONS:
            _MEMBER_ACTIONS[action](actor=request.user, membership=membership)
        elif action in ("make_admin", "make_member"):
            role = (
                OrganizationMembership.Role.ADMIN
                if action == "make_admin"
                else OrganizationMembership.Role.MEMBER
            )
            services.membership_set_role(actor=request.user, membership=membership, role=role)
        else:
            raise Http404
    except ValidationError as error:
        messages.error(request, _message_for(error))
    except PermissionDenied:
        raise Http404 from None
    else:
        done = {
            "approve": _("%(person)s is now a member."),
            "decline": _("The request of %(person)s was declined."),
            "remove": _("%(person)s was removed from the organization."),
            "make_admin": _("%(person)s is now an administrator."),
            "make_member": _("%(person)s is now a member without administration rights."),
        }
        messages.success(request, done[action] % {"person": person})
    if membership.user_id == request.user.pk and action in ("remove", "make_member"):
        return redirect(organization.get_absolute_url())
    return redirect(reverse("organizations:organization_members", kwargs={"pk": organization.pk}))
