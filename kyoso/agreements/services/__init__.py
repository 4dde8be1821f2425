"""Every write on agreements. Pages, the API, the demo and the sweep call these functions.

Each is atomic, locks the agreement, checks the state (``AgreementTransitionError``) and then the
actor's right (``PermissionDenied``), and writes an audit event ``agreements.<verb>``.
"""

from ._common import AgreementChangedError, AgreementTransitionError
from .amendments import amendment_record
from .lifecycle import (
    agreement_activate,
    agreement_expire,
    agreement_renew,
    agreement_sign,
    agreement_terminate,
    next_term_end,
)
from .papers import (
    document_add,
    document_publish,
    document_remove,
    memorandum_add,
    memorandum_sign,
)
from .parties import agreement_partner_add, agreement_partner_move, agreement_partner_remove
from .records import (
    agreement_create,
    agreement_create_from_proposal,
    agreement_update,
    is_adopted,
)

__all__ = [
    "AgreementChangedError",
    "AgreementTransitionError",
    "agreement_activate",
    "agreement_create",
    "agreement_create_from_proposal",
    "agreement_expire",
    "agreement_partner_add",
    "agreement_partner_move",
    "agreement_partner_remove",
    "agreement_renew",
    "agreement_sign",
    "agreement_terminate",
    "agreement_update",
    "amendment_record",
    "document_add",
    "document_publish",
    "document_remove",
    "is_adopted",
    "memorandum_add",
    "memorandum_sign",
    "next_term_end",
]
