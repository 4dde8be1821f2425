"""An agreement (協定) a body signs with partners, its parties and its items (連携事項)."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from kyoso.core.models import TimeStampedModel

# States in which an agreement has been signed and so is published.
PUBLIC_STATES = ("signed", "active", "renewed", "expired", "terminated")
# States in which an agreement is in force (or about to be): reminders and renewals apply.
LIVE_STATES = ("signed", "active", "renewed")


class AgreementQuerySet(models.QuerySet):
    def published(self):
        """Signed agreements, whatever became of them since: every one has a public page."""
        return self.filter(state__in=PUBLIC_STATES)

    def live(self):
        return self.filter(state__in=LIVE_STATES)

    def for_fiscal_year(self, year: int):
        return self.filter(fiscal_year=year)

    def with_field(self, field: str):
        # ``fields`` is a JSON list of codes; no code is a part of another, and the quotes
        # keep the match to a whole code on SQLite and PostgreSQL alike.
        return self.filter(fields__icontains=f'"{field}"')


class Agreement(TimeStampedModel):
    """An agreement a body keeps: who signed it, for what, for how long, and what became of it.

    ``state`` moves only through ``kyoso.agreements.services`` (draft → signed → active →
    renewed / expired / terminated); every move is audited. ``version`` grows with every write,
    so two people editing at once cannot both win.
    """

    class Kind(models.TextChoices):
        COMPREHENSIVE = "comprehensive", _("Comprehensive partnership agreement (包括連携協定)")
        PROJECT = "project", _("Project partnership agreement (事業連携協定)")
        OTHER = "other", _("Memorandum or other agreement (覚書・その他)")

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SIGNED = "signed", _("Signed")
        ACTIVE = "active", _("In force")
        RENEWED = "renewed", _("Renewed")
        EXPIRED = "expired", _("Expired")
        TERMINATED = "terminated", _("Terminated")

    body = models.ForeignKey(
        "organizations.GovernmentBody", verbose_name=_("government body"),
        on_delete=models.PROTECT, related_name="agreements",
        help_text=_("The body that keeps this agreement (its desk edits it)."),
    )
    other_bodies = models.ManyToManyField(
        "organizations.GovernmentBody", verbose_name=_("other government parties"), blank=True,
        related_name="joint_agreements",
        help_text=_("Other bodies that signed too, e.g. a municipality beside its prefecture."),
    )
    partners = models.ManyToManyField(
        "organizations.Organization", through="AgreementPartner", related_name="agreements",
        verbose_name=_("partner organizations"),
    )
    proposal = models.ForeignKey(
        "proposals.Proposal", verbose_name=_("adopted proposal"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="agreements",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.DRAFT, db_index=True
    )
    state_reason = models.TextField(_("reason"), blank=True)
    title = models.CharField(_("title"), max_length=200)
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    summary = models.TextField(_("public summary"), blank=True)
    summary_en = models.TextField(_("public summary in English"), blank=True)
    fields = models.JSONField(_("fields"), default=list, blank=True)
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    starts_on = models.DateField(_("term starts"), null=True, blank=True)
    ends_on = models.DateField(
        _("term ends"), null=True, blank=True,
        help_text=_("Leave empty for an agreement without a fixed end."),
    )
    auto_renew = models.BooleanField(_("renewed automatically"), default=False)
    renewal_months = models.PositiveSmallIntegerField(
        _("renewal period (months)"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    renewal_count = models.PositiveSmallIntegerField(_("times renewed"), default=0)
    terminated_on = models.DateField(_("terminated on"), null=True, blank=True)
    press_release_url = models.URLField(_("press release (URL)"), blank=True, max_length=500)
    press_release_text = models.TextField(_("press release (text)"), blank=True)
    # The fiscal year of signing (年度), for the public lists and statistics.
    fiscal_year = models.PositiveSmallIntegerField(_("fiscal year"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    search_text = models.TextField(editable=False, blank=True, default="")
    version = models.PositiveIntegerField(_("version"), default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = AgreementQuerySet.as_manager()

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["-signed_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    state__in=["draft", "signed", "active", "renewed", "expired", "terminated"]
                ),
                name="agreement_state_known",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["comprehensive", "project", "other"]),
                name="agreement_kind_known",
            ),
            # A draft is never published; anything signed has its date, fiscal year and page.
            models.CheckConstraint(
                condition=Q(state="draft", published_at__isnull=True)
                | (
                    ~Q(state="draft")
                    & Q(signed_on__isnull=False, fiscal_year__isnull=False,
                        published_at__isnull=False)
                ),
                name="agreement_signed_is_published",
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(starts_on__isnull=True)
                | Q(ends_on__gte=models.F("starts_on")),
                name="agreement_term_in_order",
            ),
            models.CheckConstraint(
                condition=Q(auto_renew=False) | Q(renewal_months__gte=1, ends_on__isnull=False),
                name="agreement_renewal_has_period",
            ),
            models.CheckConstraint(
                condition=~Q(state="terminated") | Q(terminated_on__isnull=False),
                name="agreement_terminated_has_date",
            ),
            models.CheckConstraint(condition=Q(version__gte=1), name="agreement_version_positive"),
        ]
        indexes = [
            models.Index(fields=["body", "state"], name="agreement_body_state_idx"),
            models.Index(fields=["state", "fiscal_year"], name="agreement_state_fy_idx"),
            models.Index(fields=["state", "ends_on"], name="agreement_state_ends_idx"),
            # The public list: published agreements, newest signing first, read page by page
            # in this order (and counted from it), and the same within a fiscal year, whose
            # distinct values are the list's fiscal-year choices.
            models.Index(fields=["-signed_on", "-id"], condition=Q(state__in=PUBLIC_STATES),
                         name="agreement_public_order_idx"),
            models.Index(fields=["fiscal_year", "-signed_on", "-id"],
                         condition=Q(state__in=PUBLIC_STATES), name="agreement_public_fy_idx"),
            # The newest change: what the list's filter choices are kept under (core.memo).
            models.Index(fields=["updated_at"], name="agreement_updated_idx"),
        ]

    def __str__(self):
        return self.title

    @property
    def is_public(self) -> bool:
        return self.state in PUBLIC_STATES

    @property
    def is_live(self) -> bool:
        return self.state in LIVE_STATES

    def localized_title(self) -> str:
        if self.title_en and (get_language() or "").startswith("en"):
            return self.title_en
        return self.title

    def localized_summary(self) -> str:
        if self.summary_en and (get_language() or "").startswith("en"):
            return self.summary_en
        return self.summary

    def field_labels(self) -> list[str]:
        from kyoso.core.choices import PolicyField

        labels = dict(PolicyField.choices)
        return [labels.get(code, code) for code in self.fields]


# Long-term kinds: several fields and regular consultation (comprehensive) or one field (project).
KINDS_LONG_TERM = (Agreement.Kind.COMPREHENSIVE, Agreement.Kind.PROJECT)


class AgreementPartner(models.Model):
    """A partner organization that is a party to the agreement, in the order they signed."""

    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="partner_links"
    )
    organization = models.ForeignKey(
        "organizations.Organization", verbose_name=_("organization"),
        on_delete=models.PROTECT, related_name="+",
    )
    position = models.PositiveSmallIntegerField(_("order"), default=1)

    class Meta:
        verbose_name = _("party to an agreement")
        verbose_name_plural = _("parties to agreements")
        ordering = ["agreement", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "organization"], name="agreement_partner_unique"
            ),
        ]

    def __str__(self):
        return f"{self.agreement} – {self.organization}"


class AgreementItem(models.Model):
    """One item of cooperation (連携事項), in the agreement's order."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField(_("number"))
    text = models.CharField(_("item"), max_length=500)
    text_en = models.CharField(_("item in English"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("item of cooperation")
        verbose_name_plural = _("items of cooperation")
        ordering = ["agreement", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "position"], name="agreement_item_position_unique"
            ),
        ]

    def __str__(self):
        return f"({self.position}) {self.text}"

    def localized_text(self) -> str:
        if self.text_en and (get_language() or "").startswith("en"):
            return self.text_en
        return self.text
