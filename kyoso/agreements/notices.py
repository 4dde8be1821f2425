"""Who is told what about an agreement, and in which words.

Notices carry the title, the body's name and dates only; the reader follows the link. The
parties are the members of the partner organizations; the keeping body is told through its desk.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from kyoso.notifications import kinds
from kyoso.notifications.services import notify
from kyoso.organizations.models import BodyMembership, OrganizationMembership

User = get_user_model()

kinds.register(
    "agreements.signed",
    subject=_("Agreement signed: %(title)s"),
    text=_("%(body)s recorded the agreement “%(title)s” as signed on %(signed_on)s. It is now "
           "published on Kyoso."),
    date_params=["signed_on"],
)
kinds.register(
    "agreements.ends_soon",
    subject=_("The agreement “%(title)s” ends on %(ends_on)s"),
    text=_("The term of the agreement “%(title)s” with %(body)s ends on %(ends_on)s and is not "
           "renewed automatically. Decide with the other parties whether to renew it."),
    date_params=["ends_on"],
)
kinds.register(
    "agreements.renews_soon",
    subject=_("The agreement “%(title)s” will be renewed on %(ends_on)s"),
    text=_("The term of the agreement “%(title)s” with %(body)s ends on %(ends_on)s and is then "
           "renewed automatically unless a party objects before that day."),
    date_params=["ends_on"],
)
kinds.register(
    "agreements.renewed",
    subject=_("The agreement “%(title)s” was renewed"),
    text=_("The agreement “%(title)s” with %(body)s was renewed. Its term now ends on "
           "%(ends_on)s."),
    date_params=["ends_on"],
)
kinds.register(
    "agreements.expired",
    subject=_("The agreement “%(title)s” has expired"),
    text=_("The term of the agreement “%(title)s” with %(body)s ended on %(ends_on)s."),
    date_params=["ends_on"],
)
kinds.register(
    "agreements.terminated",
    subject=_("The agreement “%(title)s” was terminated"),
    text=_("%(body)s recorded the agreement “%(title)s” as terminated on %(terminated_on)s."),
    date_params=["terminated_on"],
)
kinds.register(
    "agreements.amended",
    subject=_("The agreement “%(title)s” was amended"),
    text=_("%(body)s recorded an amendment of the agreement “%(title)s” that the parties signed "
           "on %(amended_on)s. The amendment is published with the agreement."),
    date_params=["amended_on"],
)
kinds.register(
    "agreements.filed",
    subject=_("New papers on the agreement “%(title)s”"),
    text=_("A party filed a document or a draft memorandum on the agreement “%(title)s”."),
)


def desk_people(body_ids):
    return User.objects.filter(
        is_active=True, body_memberships__body_id__in=list(body_ids),
        body_memberships__role=BodyMembership.Role.DESK,
    ).distinct()


def partner_people(agreement):
    return User.objects.filter(
        is_active=True,
        organization_memberships__organization__in=agreement.partner_links.values(
            "organization_id"
        ),
        organization_memberships__status=OrganizationMembership.Status.ACTIVE,
    ).distinct()


def everyone_on_it(agreement) -> list:
    """The desks of every signing body and the members of every partner."""
    bodies = {agreement.body_id, *agreement.other_bodies.values_list("pk", flat=True)}
    return [*desk_people(bodies), *partner_people(agreement)]


def agreement_url(agreement) -> str:
    # Stored in the default language; each reader gets it in theirs.
    with translation.override(settings.LANGUAGE_CODE):
        return reverse("agreements:detail", args=[agreement.pk])


def params(agreement, **extra) -> dict:
    """Plain values: names in both languages (``x``/``x_en``, each reader gets theirs), ISO
    dates."""
    return {
        "title": agreement.title,
        "title_en": agreement.title_en,
        "body": agreement.body.name,
        "body_en": agreement.body.name_en,
        "signed_on": agreement.signed_on.isoformat() if agreement.signed_on else "",
        "ends_on": agreement.ends_on.isoformat() if agreement.ends_on else "",
        "terminated_on": agreement.terminated_on.isoformat() if agreement.terminated_on else "",
        **extra,
    }


def tell_everyone(agreement, *, kind: str, key: str, actor=None, **extra) -> int:
    return notify(recipients=everyone_on_it(agreement), kind=kind, key=key,
                  url=agreement_url(agreement), params=params(agreement, **extra),
                  exclude=actor)


def tell_desk(agreement, *, kind: str, key: str, actor=None) -> int:
    return notify(recipients=desk_people([agreement.body_id]), kind=kind, key=key,
                  url=agreement_url(agreement), params=params(agreement), exclude=actor)
