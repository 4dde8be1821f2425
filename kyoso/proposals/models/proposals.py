"""A proposal (提案) from a partner to a government body, and what belongs to it alone."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kyoso.core.choices import CollaborationForm
from kyoso.core.models import TimeStampedModel

# Sections a proposer may protect (アイデア保護). The title never is: results are published by it.
CONFIDENTIAL_SECTIONS = ("background", "content", "expected_effect", "schedule")

# Fields a proposer writes; a revision keeps a snapshot of them.
EDITABLE_FIELDS = (
    "kind",
    "title",
    "background",
    "content",
    "expected_effect",
    "schedule",
    "budget_yen",
    "funding",
    "collaboration_form",
    "is_new_project",
    "confidential_sections",
)


class ProposalQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_at__isnull=False)

    def for_fiscal_year(self, year: int):
        return self.filter(fiscal_year=year)


class Proposal(TimeStampedModel):
    """What a partner proposes to one body, from first draft to decision.

    ``state`` moves only through the services in ``kyoso.proposals.services``; every move is
    audited. ``version`` grows with every write so that two people acting on the same proposal
    at once cannot both win (the second is told that it changed).
    """

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        SCREENING = "screening", _("Being screened by the desk")
        RETURNED = "returned", _("Returned for revision")
        ROUTED = "routed", _("Routed to departments")
        IN_CONSULTATION = "in_consultation", _("In consultation")
        DECIDED = "decided", _("Decided")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        OUT_OF_SCOPE = "out_of_scope", _("Closed as out of scope")
        CLOSED = "closed", _("Closed")

    class Kind(models.TextChoices):
        FREE = "free", _("Free proposal (自由提案)")
        THEMED = "themed", _("Themed call (テーマ型)")

    class Funding(models.TextChoices):
        COLLABORATIVE = "collaborative", _("Collaborative: no new public money (協働型)")
        CONTRACT = "contract", _("Contract: needs a contract or a budget (契約型)")

    body = models.ForeignKey(
        "organizations.GovernmentBody", verbose_name=_("government body"),
        on_delete=models.PROTECT, related_name="proposals",
    )
    organization = models.ForeignKey(
        "organizations.Organization", verbose_name=_("proposing organization"),
        on_delete=models.PROTECT, related_name="proposals",
    )
    partners = models.ManyToManyField(
        "organizations.Organization", through="ProposalPartner", related_name="partner_proposals",
        verbose_name=_("co-proposers and supporting intermediary"), blank=True,
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), null=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.FREE)
    target_projects = models.ManyToManyField(
        "catalog.CatalogProject", verbose_name=_("target projects"), blank=True,
        related_name="proposals",
    )
    is_new_project = models.BooleanField(_("proposes a new project"), default=False)
    collaboration_form = models.CharField(
        _("requested form of collaboration"), max_length=20, choices=CollaborationForm.choices,
        blank=True,
    )
    funding = models.CharField(
        _("who pays"), max_length=20, choices=Funding.choices, default=Funding.COLLABORATIVE
    )
    title = models.CharField(_("title"), max_length=200)
    background = models.TextField(_("background"), blank=True)
    content = models.TextField(_("content"), blank=True)
    expected_effect = models.TextField(_("expected effect"), blank=True)
    schedule = models.TextField(_("schedule"), blank=True)
    budget_yen = models.BigIntegerField(
        _("budget (yen)"), null=True, blank=True, validators=[MinValueValidator(0)]
    )
    confidential_sections = models.JSONField(
        _("confidential sections"), default=list, blank=True,
        help_text=_("Sections only the proposer, the desk and assigned departments may read."),
    )
    released_at = models.DateTimeField(_("confidential sections released"), null=True, blank=True)

    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.DRAFT, db_index=True
    )
    # The last reason given for a move (return comments, out-of-scope reason, withdrawal note).
    state_reason = models.TextField(_("reason"), blank=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    reference = models.CharField(_("reference number"), max_length=30, blank=True)
    fiscal_year = models.PositiveSmallIntegerField(_("fiscal year"), null=True, blank=True)
    submission_key = models.UUIDField(_("submission key"), null=True, blank=True, unique=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    due_at = models.DateTimeField(_("answer due"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    published_at = models.DateTimeField(_("result published"), null=True, blank=True)
    forwarded_from = models.ForeignKey(
        "self", verbose_name=_("forwarded from"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="forwarded_to",
    )

    objects = ProposalQuerySet.as_manager()

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["-submitted_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    state__in=[
                        "draft", "submitted", "screening", "returned", "routed",
                        "in_consultation", "decided", "withdrawn", "out_of_scope", "closed",
                    ]
                ),
                name="proposal_state_known",
            ),
            models.UniqueConstraint(
                fields=["body", "reference"], condition=~Q(reference=""),
                name="proposal_reference_unique_in_body",
            ),
            # Once submitted, a proposal keeps its reference, fiscal year and submission time;
            # only a draft (or a draft withdrawn before submission) has none.
            models.CheckConstraint(
                condition=Q(submitted_at__isnull=True, state__in=["draft", "withdrawn"])
                | (
                    Q(submitted_at__isnull=False, fiscal_year__isnull=False)
                    & ~Q(reference="")
                ),
                name="proposal_submitted_has_reference",
            ),
            models.CheckConstraint(
                condition=Q(budget_yen__isnull=True) | Q(budget_yen__gte=0),
                name="proposal_budget_not_negative",
            ),
            models.CheckConstraint(condition=Q(version__gte=1), name="proposal_version_positive"),
            models.CheckConstraint(
                condition=Q(published_at__isnull=True) | Q(decided_at__isnull=False),
                name="proposal_published_only_when_decided",
            ),
        ]
        indexes = [
            models.Index(fields=["body", "state"], name="proposal_body_state_idx"),
            models.Index(fields=["body", "fiscal_year"], name="proposal_body_fy_idx"),
        ]

    def __str__(self):
        return f"{self.reference} {self.title}" if self.reference else self.title

    def is_confidential(self, section: str) -> bool:
        """A section is protected while marked and not yet released by the proposer."""
        return self.released_at is None and section in (self.confidential_sections or [])


class ProposalPartner(models.Model):
    """A co-proposer or the supporting intermediary. It counts only once it has consented."""

    class Role(models.TextChoices):
        CO_PROPOSER = "co_proposer", _("Co-proposer")
        INTERMEDIARY = "intermediary", _("Supporting intermediary (中間支援組織)")

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="partner_links")
    organization = models.ForeignKey(
        "organizations.Organization", verbose_name=_("organization"),
        on_delete=models.PROTECT, related_name="+",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    consented_at = models.DateTimeField(_("consented"), null=True, blank=True)
    consented_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("partner of a proposal")
        verbose_name_plural = _("partners of proposals")
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "organization"], name="proposal_partner_unique"
            ),
            models.UniqueConstraint(
                fields=["proposal"], condition=Q(role="intermediary"),
                name="proposal_one_intermediary",
            ),
            models.CheckConstraint(
                condition=Q(consented_at__isnull=True) | Q(consented_by__isnull=False),
                name="proposal_partner_consent_has_person",
            ),
        ]

    def __str__(self):
        return f"{self.organization} ({self.get_role_display()})"

    @property
    def has_consented(self) -> bool:
        return self.consented_at is not None


class ProposalRevision(models.Model):
    """A snapshot of what the proposer wrote, kept at each submission and revision."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField(_("revision"))
    snapshot = models.JSONField(_("content"))
    changes = models.JSONField(_("what changed"), default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("saved"), auto_now_add=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("proposal revision")
        verbose_name_plural = _("proposal revisions")
        ordering = ["proposal", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "number"], name="proposal_revision_number_unique"
            ),
            models.CheckConstraint(condition=Q(number__gte=1), name="proposal_revision_positive"),
        ]

    def __str__(self):
        return f"{self.proposal} r{self.number}"


class ReferenceCounter(models.Model):
    """The last reference number a body gave in a fiscal year; locked while allocating."""

    body = models.ForeignKey(
        "organizations.GovernmentBody", on_delete=models.CASCADE, related_name="+"
    )
    fiscal_year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["body", "fiscal_year"], name="reference_counter_unique"
            ),
        ]

    def __str__(self):
        return f"{self.body_id}-{self.fiscal_year}: {self.last_number}"
