"""Every move of the lifecycle, audited, and every illegal one refused with a reason."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kyoso.agreements import services
from kyoso.agreements.models import Agreement
from kyoso.agreements.services import AgreementTransitionError
from kyoso.core.models import AuditEvent

from .factories import make_agreement, walk

S = Agreement.State
pytestmark = pytest.mark.django_db


def actions(agreement):
    return list(
        AuditEvent.objects.for_target(agreement).order_by("id").values_list(
            "action", "from_state", "to_state"
        )
    )


def test_it_signs_a_draft_and_publishes_it_in_the_fiscal_year_of_signing(
    agreement, desk_coordinator
):
    signed = services.agreement_sign(
        actor=desk_coordinator, agreement=agreement, signed_on=dt.date(2026, 3, 31)
    )
    assert signed.state == S.SIGNED
    assert signed.fiscal_year == 2025  # March belongs to the fiscal year that began in April
    assert signed.published_at is not None
    assert signed.starts_on == dt.date(2026, 3, 31)
    assert ("agreements.sign", "draft", "signed") in actions(signed)


def test_it_walks_the_whole_life_with_an_audit_event_for_each_move(agreement, desk_coordinator):
    agreement = walk(agreement, S.RENEWED, desk=desk_coordinator)
    agreement = services.agreement_terminate(
        actor=desk_coordinator, agreement=agreement, terminated_on=dt.date(2026, 1, 5),
        reason="事業終了のため",
    )
    assert [(a, f, t) for a, f, t in actions(agreement) if f or t] == [
        ("agreements.create", "", "draft"),
        ("agreements.sign", "draft", "signed"),
        ("agreements.activate", "signed", "active"),
        ("agreements.renew", "active", "renewed"),
        ("agreements.terminate", "renewed", "terminated"),
    ]
    assert agreement.renewal_count == 1
    assert agreement.state_reason == "事業終了のため"


@pytest.mark.parametrize(
    ("state", "move"),
    [
        (S.DRAFT, "activate"), (S.DRAFT, "renew"), (S.DRAFT, "terminate"), (S.DRAFT, "expire"),
        (S.SIGNED, "sign"), (S.SIGNED, "renew"),
        (S.ACTIVE, "sign"), (S.ACTIVE, "activate"),
        (S.RENEWED, "sign"), (S.RENEWED, "activate"),
        (S.EXPIRED, "sign"), (S.EXPIRED, "activate"), (S.EXPIRED, "renew"),
        (S.EXPIRED, "terminate"), (S.EXPIRED, "expire"), (S.EXPIRED, "update"),
        (S.TERMINATED, "sign"), (S.TERMINATED, "activate"), (S.TERMINATED, "renew"),
        (S.TERMINATED, "terminate"), (S.TERMINATED, "expire"), (S.TERMINATED, "update"),
    ],
)
def test_it_refuses_an_illegal_move_and_says_why(agreement, desk_coordinator, state, move):
    agreement = walk(agreement, state, desk=desk_coordinator)
    calls = {
        "sign": lambda: services.agreement_sign(
            actor=desk_coordinator, agreement=agreement, signed_on=dt.date(2025, 5, 1)),
        "activate": lambda: services.agreement_activate(
            actor=desk_coordinator, agreement=agreement),
        "renew": lambda: services.agreement_renew(
            actor=desk_coordinator, agreement=agreement, ends_on=dt.date(2040, 3, 31)),
        "terminate": lambda: services.agreement_terminate(
            actor=desk_coordinator, agreement=agreement, terminated_on=dt.date(2026, 1, 1),
            reason="理由"),
        "expire": lambda: services.agreement_expire(agreement=agreement,
                                                    today=dt.date(2045, 1, 1)),
        "update": lambda: services.agreement_update(
            actor=desk_coordinator, agreement=agreement, summary="変更"),
    }
    before = AuditEvent.objects.count()
    with pytest.raises(AgreementTransitionError) as refused:
        calls[move]()
    assert refused.value.code == "invalid_transition"
    assert AuditEvent.objects.count() == before
    agreement.refresh_from_db()
    assert agreement.state == state


def test_it_gives_the_refusal_in_the_language_of_the_person(agreement, desk_coordinator):
    from django.utils import translation

    for language, expected in (("en", "“Renew” is not possible while the agreement is “Draft”"),
                               ("ja", "下書き")):
        with translation.override(language), pytest.raises(AgreementTransitionError) as refused:
            services.agreement_renew(actor=desk_coordinator, agreement=agreement,
                                     ends_on=dt.date(2030, 1, 1))
        with translation.override(language):
            assert expected in refused.value.messages[0]


def test_it_needs_two_fields_to_sign_a_comprehensive_agreement(desk_coordinator, prefecture):
    agreement = make_agreement(desk_coordinator, prefecture, fields=["welfare"])
    with pytest.raises(ValidationError) as refused:
        services.agreement_sign(actor=desk_coordinator, agreement=agreement,
                                signed_on=dt.date(2025, 4, 1))
    assert "fields" in refused.value.error_dict


def test_it_refuses_a_signing_date_in_the_future(agreement, desk_coordinator):
    with pytest.raises(ValidationError) as refused:
        services.agreement_sign(actor=desk_coordinator, agreement=agreement,
                                signed_on=dt.date.today() + dt.timedelta(days=3))
    assert "signed_on" in refused.value.error_dict


def test_it_refuses_a_renewal_that_does_not_extend_the_term(desk_coordinator, prefecture):
    agreement = make_agreement(desk_coordinator, prefecture, ends_on=dt.date(2027, 3, 31))
    agreement = walk(agreement, S.ACTIVE, desk=desk_coordinator)
    with pytest.raises(ValidationError) as refused:
        services.agreement_renew(actor=desk_coordinator, agreement=agreement,
                                 ends_on=dt.date(2027, 3, 31))
    assert "ends_on" in refused.value.error_dict


def test_it_needs_a_reason_to_terminate(agreement, desk_coordinator):
    agreement = walk(agreement, S.ACTIVE, desk=desk_coordinator)
    with pytest.raises(ValidationError) as refused:
        services.agreement_terminate(actor=desk_coordinator, agreement=agreement,
                                     terminated_on=dt.date(2025, 7, 1), reason=" ")
    assert "reason" in refused.value.error_dict


def test_nobody_expires_an_agreement_by_hand(agreement, desk_coordinator):
    agreement = walk(agreement, S.ACTIVE, desk=desk_coordinator)
    with pytest.raises(PermissionDenied):
        services.agreement_expire(actor=desk_coordinator, agreement=agreement,
                                  today=dt.date(2050, 1, 1))


def test_it_refuses_an_automatic_renewal_without_a_period(desk_coordinator, prefecture):
    with pytest.raises(ValidationError) as refused:
        make_agreement(desk_coordinator, prefecture, auto_renew=True, ends_on=dt.date(2027, 3, 31))
    assert "renewal_months" in refused.value.error_dict


def test_it_refuses_a_term_that_ends_before_it_starts(desk_coordinator, prefecture):
    with pytest.raises(ValidationError) as refused:
        make_agreement(desk_coordinator, prefecture, starts_on=dt.date(2026, 4, 1),
                       ends_on=dt.date(2026, 3, 31))
    assert "ends_on" in refused.value.error_dict


def test_it_lets_a_signed_agreement_change_its_summary_but_not_its_terms(
    agreement, desk_coordinator
):
    agreement = walk(agreement, S.ACTIVE, desk=desk_coordinator)
    agreement = services.agreement_update(actor=desk_coordinator, agreement=agreement,
                                          summary="新しい概要")
    assert agreement.summary == "新しい概要"
    with pytest.raises(ValidationError) as refused:
        services.agreement_update(actor=desk_coordinator, agreement=agreement,
                                  ends_on=dt.date(2030, 3, 31))
    assert refused.value.code == "signed_terms"


def test_it_refuses_a_stale_edit(agreement, desk_coordinator):
    version = agreement.version
    services.agreement_update(actor=desk_coordinator, agreement=agreement, summary="一")
    with pytest.raises(services.AgreementChangedError):
        services.agreement_update(actor=desk_coordinator, agreement=agreement, summary="二",
                                  expected_version=version)


def test_it_keeps_the_order_of_items_and_partners(desk_coordinator, prefecture):
    from kyoso.organizations.tests.factories import OrganizationFactory

    first, second = OrganizationFactory(), OrganizationFactory()
    agreement = make_agreement(desk_coordinator, prefecture, partners=[second, first],
                               items=["三番目に書いたもの", ("二番", "Second"), "  ", "最後"])
    assert [link.organization for link in agreement.partner_links.all()] == [second, first]
    assert [(i.position, i.text, i.text_en) for i in agreement.items.all()] == [
        (1, "三番目に書いたもの", ""), (2, "二番", "Second"), (3, "最後", "")
    ]
