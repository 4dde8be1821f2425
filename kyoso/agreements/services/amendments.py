"""Amendments (変更協定 / 変更覚書) of signed agreements.

A signed agreement's terms are what its parties signed, so they change only as the parties sign a
change: new items of cooperation, a new end of the term, or other terms said in words. The keeping
body's desk records the signed amendment, and it is applied to the agreement in the same
transaction; the amendment keeps what it replaced. A draft is not amended (it is edited), and an
agreement that has ended is kept as it was.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kyoso.proposals.services.attachments import _check_file

from ..models import LIVE_STATES, Agreement, Amendment
from ..notices import tell_everyone
from ._common import (
    AgreementTransitionError,
    audit,
    bump,
    lock,
    require_perm,
    require_state,
    require_version,
)
from .papers import document_add
from .records import _clean_items, _set_items


def _items_of(agreement: Agreement) -> list[list[str]]:
    return [[item.text, item.text_en] for item in agreement.items.order_by("position")]


def _replayed(agreement: Agreement, submission_key) -> Amendment | None:
    """The amendment this very form already recorded (a double click, a retry), if any."""
    if submission_key is None:
        return None
    earlier = Amendment.objects.filter(submission_key=submission_key).first()
    if earlier is not None and earlier.agreement_id != agreement.pk:
        raise AgreementTransitionError(
            _("This form was already used for another agreement. Open the form again."),
            code="key_reused",
        )
    return earlier


def _require_amendable(agreement: Agreement) -> None:
    if agreement.state == Agreement.State.DRAFT:
        raise AgreementTransitionError(
            _("A draft agreement is not amended: edit it instead."), code="draft"
        )
    require_state(agreement, "amend", *LIVE_STATES)


def _check(agreement: Agreement, *, kind: str, signed_on, description: str, ends_on,
           open_ended: bool, items, upload) -> None:
    errors = {}
    today = timezone.localdate()
    if signed_on is None:
        errors["signed_on"] = _("Give the date on which the parties signed the amendment.")
    elif signed_on > today:
        errors["signed_on"] = _("The date of signing cannot be in the future.")
    elif agreement.signed_on and signed_on < agreement.signed_on:
        errors["signed_on"] = ValidationError(
            _("An amendment cannot be signed before the agreement itself (%(date)s)."),
            params={"date": agreement.signed_on.isoformat()},
        )
    elif agreement.ends_on and signed_on > agreement.ends_on and not agreement.auto_renew:
        # The term had ended (the nightly sweep may not have marked it yet): nothing is left
        # to amend, least of all its end. A term renewed automatically goes on; the sweep
        # records the renewal.
        errors["signed_on"] = ValidationError(
            _("The agreement's term ended on %(date)s, before this amendment was signed: "
              "record a renewal or a new agreement instead."),
            params={"date": agreement.ends_on.isoformat()},
        )
    if kind not in Amendment.Kind.values:
        errors["kind"] = _("Choose the kind of amendment.")
    if not description:
        errors["description"] = _("Say in words what the amendment changes.")
    if open_ended and ends_on is not None:
        errors["ends_on"] = _("Give a new end of the term, or say that it has none: not both.")
    elif ends_on is not None and ends_on != agreement.ends_on:
        if ends_on < today:
            errors["ends_on"] = _("The new end of the term has passed. To end the agreement "
                                  "now, terminate it.")
        elif agreement.starts_on and ends_on < agreement.starts_on:
            errors["ends_on"] = _("The term cannot end before it starts.")
    if items is not None and not items and agreement.items.exists():
        errors["items"] = _("Give the items as they are after the amendment (to keep them, "
                            "leave the list as it is).")
    if upload is not None:
        try:
            _check_file(upload)
        except ValidationError as error:
            errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def amendment_record(
    *, actor, agreement: Agreement, signed_on: dt.date, description: str,
    description_en: str = "", kind: str = Amendment.Kind.AGREEMENT,
    ends_on: dt.date | None = None, open_ended: bool = False, items: Iterable | None = None,
    upload=None, document_title: str = "", document_public: bool = True,
    submission_key: uuid.UUID | str | None = None, expected_version: int | None = None,
) -> Amendment:
    """Record a signed amendment of a signed, active or renewed agreement and apply it.

    ``ends_on``: the last day of the term after the amendment; ``open_ended``: the term has no
    fixed end after it (an automatic renewal, which needs an end, then stops too); ``items``:
    the whole list of items after it (``(text, text_en)`` pairs or Japanese strings). Each left
    out, or equal to what the agreement says now, means "not changed"; an amendment may change
    only other terms, said in ``description``. ``upload``: the signed text, filed as a document
    of the agreement.

    ``submission_key`` makes the call safe to repeat: the same key answers the amendment already
    recorded. Everyone on the agreement is told.
    """
    agreement = lock(agreement)
    key = uuid.UUID(str(submission_key)) if submission_key else None
    earlier = _replayed(agreement, key)
    if earlier is not None:
        return earlier
    _require_amendable(agreement)
    require_version(agreement, expected_version)
    require_perm(actor, "agreements.amend_agreement", agreement)
    description = (description or "").strip()
    new_items = None if items is None else [list(pair) for pair in _clean_items(items)]
    _check(agreement, kind=kind, signed_on=signed_on, description=description,
           ends_on=ends_on, open_ended=open_ended, items=new_items, upload=upload)

    current_items = _items_of(agreement)
    # open_ended comes without a date (_check): the end after is then None.
    changes_end = (open_ended or ends_on is not None) and ends_on != agreement.ends_on
    changes_items = new_items is not None and new_items != current_items
    number = (agreement.amendments.aggregate(last=Max("number"))["last"] or 0) + 1
    document = None
    if upload is not None:
        document = document_add(actor=actor, agreement=agreement, upload=upload,
                                title=document_title, is_public=document_public)
    amendment = Amendment.objects.create(
        agreement=agreement, number=number, kind=kind, signed_on=signed_on,
        description=description, description_en=(description_en or "").strip(),
        changes_end=changes_end,
        ends_on_before=agreement.ends_on if changes_end else None,
        ends_on_after=ends_on if changes_end else None,
        items_before=current_items if changes_items else None,
        items_after=new_items if changes_items else None,
        document=document, submission_key=key, created_by=actor,
    )
    changes = {"amendment": [None, amendment.pk], "signed_on": [None, signed_on.isoformat()]}
    if changes_end:
        changes["ends_on"] = [agreement.ends_on.isoformat() if agreement.ends_on else None,
                              ends_on.isoformat() if ends_on else None]
        agreement.ends_on = ends_on
        if ends_on is None and agreement.auto_renew:
            changes["auto_renew"] = [True, False]
            agreement.auto_renew = False
    if changes_items:
        changes["items"] = [[text for text, _en in current_items],
                            [text for text, _en in new_items]]
        _set_items(agreement, [tuple(pair) for pair in new_items])
    bump(agreement, "ends_on", "auto_renew")
    event = audit(agreement, actor=actor, verb="amend", changes=changes)
    tell_everyone(agreement, kind="agreements.amended", key=f"audit:{event.pk}", actor=actor,
                  amended_on=signed_on.isoformat())
    return amendment
