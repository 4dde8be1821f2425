"""Agreements made through the real services, so that their states stay honest."""

from __future__ import annotations

import datetime as dt
import uuid

from kyoso.agreements import services
from kyoso.agreements.models import Agreement
from kyoso.organizations.tests.factories import OrganizationFactory


def organization_of(user):
    return user.organization_memberships.get().organization


def new_key() -> str:
    """The one-time key a blank form that creates something carries (kyoso.core.forms)."""
    return str(uuid.uuid4())


def make_agreement(desk, body, *, partners=None, kind=Agreement.Kind.COMPREHENSIVE, **values):
    defaults = {
        "title": "健康増進に関する包括連携協定",
        "title_en": "Comprehensive agreement on health promotion",
        "fields": ["welfare", "disaster", "tourism"],
        "items": ["県民の健康増進に関すること", "災害対策に関すること", "観光振興に関すること"],
        "summary": "健康、防災、観光の分野で連携する。",
    }
    return services.agreement_create(
        actor=desk, body=body, kind=kind, partners=partners or [OrganizationFactory()],
        **{**defaults, **values},
    )


def walk(agreement, state, *, desk, signed_on=dt.date(2025, 6, 1)):
    """Move an agreement forward to ``state`` as the desk would."""
    S = Agreement.State
    if state == S.DRAFT:
        return agreement
    agreement = services.agreement_sign(actor=desk, agreement=agreement, signed_on=signed_on)
    if state == S.SIGNED:
        return agreement
    agreement = services.agreement_activate(actor=desk, agreement=agreement)
    if state == S.ACTIVE:
        return agreement
    if state == S.RENEWED:
        end = agreement.ends_on or dt.date(2027, 3, 31)
        return services.agreement_renew(
            actor=desk, agreement=agreement, ends_on=end + dt.timedelta(days=365)
        )
    if state == S.TERMINATED:
        return services.agreement_terminate(
            actor=desk, agreement=agreement, terminated_on=dt.date(2025, 12, 1),
            reason="双方の合意により終了",
        )
    if state == S.EXPIRED:
        Agreement.objects.filter(pk=agreement.pk).update(ends_on=dt.date(2025, 9, 30))
        agreement.refresh_from_db()
        return services.agreement_expire(agreement=agreement, today=dt.date(2025, 10, 1))
    raise ValueError(state)
