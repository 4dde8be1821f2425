"""Every write to partner organizations and body staff. Views and the API both come through here.

Permission checks live here as well as in the views, so that no caller can skip them. A refused
transition raises ``ValidationError`` with a message for the user; a missing right raises
``PermissionDenied``.
"""

from __future__ import annotations

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from kyoso.core.audit import audit_record, diff_fields
from kyoso.notifications.paths import path_in

from .models import BodyMembership, Organization, OrganizationMembership
from .predicates import forget_roles

ORGANIZATION_FIELDS = (
    "name",
    "name_kana",
    "name_en",
    "kind",
    "is_intermediary",
    "corporate_number",
    "prefecture",
    "address",
    "representative",
    "email",
    "phone",
    "website",
    "founded_on",
    "members_count",
    "fields",
    "activity_record",
)


def _snapshot(organization: Organization) -> dict:
    values = {name: getattr(organization, name) for name in ORGANIZATION_FIELDS}
    values["prefecture"] = organization.prefecture_id
    return values


def _absolute(path: str) -> str:
    # E-mails need absolute links; the deployment says where it lives.
    return getattr(settings, "KYOSO_SITE_URL", "http://localhost:8000").rstrip("/") + path


def _path(viewname: str, **kwargs) -> str:
    """A path in the default language (no prefix); ``_notify`` gives each reader theirs."""
    with translation.override(settings.LANGUAGE_CODE):
        return reverse(viewname, kwargs=kwargs)


def _language_of(user) -> str:
    language = getattr(user, "language", "") or ""
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def _notify(*, recipients, template: str, context: dict, links: dict[str, str]) -> None:
    """E-mail each of ``recipients`` (users) after the transaction commits, each in their own
    language (``User.language``, as notices are: kyoso.notifications.tasks), whatever the
    language of the person acting. ``links`` are paths in the default language
    (``_path``), given to the template as absolute addresses in the recipient's language.
    Nothing is sent if the transaction rolls back.
    """
    letters = sorted(
        {(user.email, _language_of(user)) for user in recipients if user.email}
    )
    if not letters:
        return

    def send():
        for address, language in letters:
            with translation.override(language):
                values = {
                    **context,
                    **{name: _absolute(path_in(path, language)) for name, path in links.items()},
                }
                subject = render_to_string(f"organizations/email/{template}_subject.txt", values)
                body = render_to_string(f"organizations/email/{template}_message.txt", values)
                send_mail(
                    " ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, [address],
                    fail_silently=False,
                )

    transaction.on_commit(send)


# --- Partner organizations ---------------------------------------------------------------


@transaction.atomic
def organization_register(*, actor, data: dict) -> Organization:
    """Register a partner organization; the person who registers it becomes its administrator."""
    if not actor.has_perm("organizations.register_organization"):
        raise PermissionDenied
    fields = {name: data[name] for name in ORGANIZATION_FIELDS if name in data}
    organization = Organization(created_by=actor, **fields)
    organization.full_clean()
    organization.save()
    membership = OrganizationMembership.objects.create(
        user=actor,
        organization=organization,
        role=OrganizationMembership.Role.ADMIN,
        status=OrganizationMembership.Status.ACTIVE,
    )
    forget_roles(actor)
    audit_record(
        actor=actor, action="organizations.organization.register", target=organization,
        changes=diff_fields({}, _snapshot(organization)),
    )
    audit_record(
        actor=actor, action="organizations.membership.create", target=membership,
        to_state=membership.status, changes={"role": [None, membership.role]},
    )
    return organization


@transaction.atomic
def organization_update(*, actor, organization: Organization, data: dict) -> Organization:
    """Change an organization's public profile. Only its administrators may."""
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    if not actor.has_perm("organizations.change_organization", organization):
        raise PermissionDenied
    before = _snapshot(organization)
    for name in ORGANIZATION_FIELDS:
        if name in data:
            setattr(organization, name, data[name])
    organization.full_clean()
    organization.save()
    changes = diff_fields(before, _snapshot(organization))
    if changes:
        audit_record(
            actor=actor, action="organizations.organization.update", target=organization,
            changes=changes,
        )
    return organization


def _admins(organization: Organization) -> list:
    return [
        membership.user
        for membership in organization.memberships.filter(
            role=OrganizationMembership.Role.ADMIN, status=OrganizationMembership.Status.ACTIVE
        ).select_related("user")
    ]


@transaction.atomic
def membership_request(*, actor, organization: Organization) -> OrganizationMembership:
    """Ask to join an organization. The request waits until an administrator approves it."""
    if not actor.is_authenticated:
        raise PermissionDenied
    # Lock the organization so two clicks cannot race past the uniqueness check.
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    existing = OrganizationMembership.objects.filter(user=actor, organization=organization).first()
    if existing is not None:
        if existing.status == OrganizationMembership.Status.PENDING:
            raise ValidationError(_("You have already asked to join this organization."))
        raise ValidationError(_("You are already a member of this organization."))
    membership = OrganizationMembership.objects.create(
        user=actor,
        organization=organization,
        role=OrganizationMembership.Role.MEMBER,
        status=OrganizationMembership.Status.PENDING,
    )
    audit_record(
        actor=actor, action="organizations.membership.request", target=membership,
        to_state=membership.status,
    )
    _notify(
        recipients=_admins(organization),
        template="membership_requested",
        context={"organization": organization, "requester": actor},
        links={"members_url": _path("organizations:organization_members", pk=organization.pk)},
    )
    return membership


def _locked_membership(membership: OrganizationMembership) -> OrganizationMembership:
    return (
        OrganizationMembership.objects.select_for_update()
        .select_related("organization", "user")
        .get(pk=membership.pk)
    )


@transaction.atomic
def membership_approve(*, actor, membership: OrganizationMembership) -> OrganizationMembership:
    """An administrator lets a person who asked to join into the organization."""
    membership = _locked_membership(membership)
    if not actor.has_perm("organizations.manage_members", membership.organization):
        raise PermissionDenied
    if membership.status != OrganizationMembership.Status.PENDING:
        raise ValidationError(_("This request has already been answered."))
    membership.status = OrganizationMembership.Status.ACTIVE
    membership.save(update_fields=["status", "updated_at"])
    forget_roles(membership.user)
    audit_record(
        actor=actor, action="organizations.membership.approve", target=membership,
        from_state=OrganizationMembership.Status.PENDING, to_state=membership.status,
    )
    _notify(
        recipients=[membership.user],
        template="membership_approved",
        context={"organization": membership.organization},
        links={
            "organization_url": _path(
                "organizations:organization_detail", pk=membership.organization_id
            ),
        },
    )
    return membership


@transaction.atomic
def membership_decline(*, actor, membership: OrganizationMembership) -> None:
    """An administrator turns a request down. The request is removed; the person may ask again."""
    membership = _locked_membership(membership)
    if not actor.has_perm("organizations.manage_members", membership.organization):
        raise PermissionDenied
    if membership.status != OrganizationMembership.Status.PENDING:
        raise ValidationError(_("This request has already been answered."))
    audit_record(
        actor=actor, action="organizations.membership.decline", target=membership,
        from_state=membership.status, to_state="declined",
    )
    membership.delete()


@transaction.atomic
def membership_set_role(*, actor, membership: OrganizationMembership, role: str):
    """Make a member an administrator, or the reverse. An organization keeps one administrator."""
    membership = _locked_membership(membership)
    if not actor.has_perm("organizations.manage_members", membership.organization):
        raise PermissionDenied
    if role not in OrganizationMembership.Role.values:
        raise ValidationError(_("Unknown role."))
    if membership.status != OrganizationMembership.Status.ACTIVE:
        raise ValidationError(_("Approve the request before changing the role."))
    if role == membership.role:
        return membership
    if membership.role == OrganizationMembership.Role.ADMIN:
        _refuse_removing_last_admin(membership)
    before = membership.role
    membership.role = role
    membership.save(update_fields=["role", "updated_at"])
    forget_roles(membership.user)
    audit_record(
        actor=actor, action="organizations.membership.set_role", target=membership,
        changes={"role": [before, role]},
    )
    return membership


def _refuse_removing_last_admin(membership: OrganizationMembership) -> None:
    admins = (
        OrganizationMembership.objects.select_for_update()
        .filter(
            organization_id=membership.organization_id,
            role=OrganizationMembership.Role.ADMIN,
            status=OrganizationMembership.Status.ACTIVE,
        )
        .exclude(pk=membership.pk)
    )
    if not admins.exists():
        raise ValidationError(
            _("An organization needs at least one administrator. Appoint another one first.")
        )


@transaction.atomic
def membership_remove(*, actor, membership: OrganizationMembership) -> None:
    """An administrator removes a member, or a member leaves. The last administrator stays."""
    membership = _locked_membership(membership)
    leaving = membership.user_id == actor.pk
    if not leaving and not actor.has_perm("organizations.manage_members", membership.organization):
        raise PermissionDenied
    if (
        membership.role == OrganizationMembership.Role.ADMIN
        and membership.status == OrganizationMembership.Status.ACTIVE
    ):
        _refuse_removing_last_admin(membership)
    audit_record(
        actor=actor,
        action="organizations.membership.leave" if leaving else "organizations.membership.remove",
        target=membership, from_state=membership.status, to_state="removed",
    )
    membership.delete()
    forget_roles(membership.user)


# --- Government body staff ---------------------------------------------------------------


def has_confirmed_email(user) -> bool:
    """Whether the person has confirmed the e-mail address of their account."""
    return EmailAddress.objects.filter(user=user, email__iexact=user.email, verified=True).exists()


@transaction.atomic
def body_membership_add(
    *, actor, body, user, role: str, department=None
) -> BodyMembership:
    """Give a person a role in a body. Only the body's administrators (or the platform's) may.

    The new member of staff must set up a second factor at their next request.
    """
    if not actor.has_perm("organizations.manage_body", body):
        raise PermissionDenied
    if role not in BodyMembership.Role.values:
        raise ValidationError(_("Unknown role."))
    if role == BodyMembership.Role.DEPARTMENT and department is None:
        raise ValidationError(_("Department staff need a department."))
    if department is not None and department.body_id != body.pk:
        # A department of another body would leak staff across tenants.
        raise ValidationError(_("Choose one of this body's departments."))
    if role == BodyMembership.Role.BODY_ADMIN:
        department = None
    if not has_confirmed_email(user):
        # Otherwise anyone could sign up with a future colleague's address, wait for the role,
        # and sign in as staff with their own password once the owner clicks the confirmation.
        raise ValidationError(_("This person has not confirmed their e-mail address yet. Ask "
                                "them to confirm it from the e-mail Kyoso sent, then add them."),
                              code="unconfirmed")
    duplicate = BodyMembership.objects.filter(
        user=user, body=body, role=role, department=department
    )
    if duplicate.exists():
        raise ValidationError(_("This person already has this role."))
    membership = BodyMembership.objects.create(
        user=user, body=body, role=role, department=department
    )
    forget_roles(user)
    audit_record(
        actor=actor, action="organizations.body_membership.add", target=membership,
        body_code=body.code,
        changes={"user": [None, user.email], "role": [None, role],
                 "department": [None, department.pk if department else None]},
    )
    return membership


@transaction.atomic
def body_membership_remove(*, actor, membership: BodyMembership) -> None:
    """Take a role away. A body always keeps at least one administrator."""
    membership = (
        BodyMembership.objects.select_for_update().select_related("body", "user").get(
            pk=membership.pk
        )
    )
    if not actor.has_perm("organizations.manage_body", membership.body):
        raise PermissionDenied
    if membership.role == BodyMembership.Role.BODY_ADMIN:
        other_admins = (
            BodyMembership.objects.select_for_update()
            .filter(body_id=membership.body_id, role=BodyMembership.Role.BODY_ADMIN)
            .exclude(pk=membership.pk)
        )
        if not other_admins.exists():
            raise ValidationError(
                _("A body needs at least one administrator. Appoint another one first.")
            )
    audit_record(
        actor=actor, action="organizations.body_membership.remove", target=membership,
        body_code=membership.body.code,
        changes={"user": [membership.user.email, None], "role": [membership.role, None]},
    )
    membership.delete()
    forget_roles(membership.user)
