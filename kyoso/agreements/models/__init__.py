"""Agreements (協定) between government bodies and partners, and what hangs on them."""

from .agreements import (
    KINDS_LONG_TERM,
    LIVE_STATES,
    PUBLIC_STATES,
    Agreement,
    AgreementItem,
    AgreementPartner,
)
from .amendments import Amendment
from .documents import AgreementDocument, Memorandum

__all__ = [
    "KINDS_LONG_TERM",
    "LIVE_STATES",
    "PUBLIC_STATES",
    "Agreement",
    "Amendment",
    "AgreementDocument",
    "AgreementItem",
    "AgreementPartner",
    "Memorandum",
]
