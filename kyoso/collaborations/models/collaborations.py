"""A collaboration (協働事業) while it runs: the adopted project, who runs it and its life cycle."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kyoso.core.choices import CollaborationForm, PolicyField
from kyoso.core.models import TimeStampedModel
from kyoso.core.text import indexed_form, search_key


class CollaborationQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_at__isnull=False)

    def for_fiscal_year(self, year: int):
        """Collaborations that run in the fiscal year (between their first and last year; one
        without a last year runs up to the current fiscal year)."""
        from django.utils import timezone

        from kyoso.core.fiscal import fiscal_year_of

        open_ended = Q(end_fiscal_year__isnull=True) if year <= fiscal_year_of(
            timezone.localdate()) else Q(pk__in=[])
        return self.filter(start_fiscal_year__lte=year).filter(
            open_ended | Q(end_fiscal_year__gte=year)
        )

    def search(self, terms: list[str]):
        """Every term (a search key, see kyoso.core.text) must occur in the stored text."""
        queryset = self
        for term in terms:
            queryset = queryset.filter(search_text__contains=indexed_form(term))
        return queryset


class Collaboration(TimeStampedModel):
    """An adopted proposal (or work under an agreement) as the parties carry it out.

    ``state`` moves only through ``kyoso.collaborations.services``; every move is audited.
    Adoption is not a budget (Saga): what the budget holds is kept in ``BudgetReflection``.
    """

    class State(models.TextChoices):
        PLANNED = "planned", _("Planned")
        RUNNING = "running", _("Running")
        FINISHED = "finished", _("Finished")
        EVALUATED = "evaluated", _("Evaluated")
        SUSPENDED = "suspended", _("Suspended")
        CANCELLED = "cancelled", _("Cancelled")

    body = models.ForeignKey(
        "organizations.GovernmentBody", verbose_name=_("government body"),
        on_delete=models.PROTECT, related_name="collaborations",
    )
    proposal = models.ForeignKey(
        "proposals.Proposal", verbose_name=_("adopted proposal"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="collaborations",
    )
    agreement = models.ForeignKey(
        "agreements.Agreement", verbose_name=_("agreement"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="collaborations",
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("what the collaboration does"))
    departments = models.ManyToManyField(
        "organizations.Department", verbose_name=_("departments"), related_name="collaborations",
    )
    partners = models.ManyToManyField(
        "organizations.Organization", verbose_name=_("partner organizations"),
        related_name="collaborations",
    )
    field = models.CharField(_("field"), max_length=20, choices=PolicyField.choices)
    form = models.CharField(
        _("form of collaboration"), max_length=20, choices=CollaborationForm.choices
    )
    start_fiscal_year = models.PositiveSmallIntegerField(_("first fiscal year"))
    end_fiscal_year = models.PositiveSmallIntegerField(_("last fiscal year"), null=True, blank=True)
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.PLANNED, db_index=True
    )
    state_reason = models.TextField(_("reason"), blank=True)
    started_on = models.DateField(_("started"), null=True, blank=True)
    finished_on = models.DateField(_("finished"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Search key of the title, summary, partners and departments (kyoso.core.text.indexed_form).
    search_text = models.TextField(editable=False, default="")

    objects = CollaborationQuerySet.as_manager()

    class Meta:
        verbose_name = _("collaboration")
        verbose_name_plural = _("collaborations")
        ordering = ["-start_fiscal_year", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    state__in=["planned", "running", "finished", "evaluated", "suspended",
                               "cancelled"]
                ),
                name="collaboration_state_known",
            ),
            models.CheckConstraint(
                condition=Q(end_fiscal_year__isnull=True)
                | Q(end_fiscal_year__gte=models.F("start_fiscal_year")),
                name="collaboration_years_in_order",
            ),
            # The public sees only what has run: nothing planned or cancelled is published.
            models.CheckConstraint(
                condition=Q(published_at__isnull=True)
                | Q(state__in=["running", "finished", "evaluated", "suspended"]),
                name="collaboration_published_only_when_run",
            ),
            # One adopted proposal becomes one collaboration.
            models.UniqueConstraint(
                fields=["proposal"], condition=Q(proposal__isnull=False),
                name="collaboration_one_per_proposal",
            ),
        ]
        indexes = [
            models.Index(fields=["body", "state"], name="collab_body_state_idx"),
            models.Index(fields=["start_fiscal_year"], name="collab_start_fy_idx"),
            # The public list: published ones in the list's order (read page by page and
            # counted from it; its ends give the first and last fiscal year offered), and the
            # last fiscal years (the open-ended ones first) for the same choices.
            models.Index(fields=["-start_fiscal_year", "-published_at", "-id"],
                         condition=Q(published_at__isnull=False),
                         name="collab_public_order_idx"),
            models.Index(fields=["end_fiscal_year"], condition=Q(published_at__isnull=False),
                         name="collab_public_end_idx"),
            # The newest change: what the list's partner choices are kept under (core.memo).
            models.Index(fields=["updated_at"], name="collab_updated_idx"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("collaborations:detail", args=[self.pk])

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    def fiscal_years(self) -> list[int]:
        last = self.end_fiscal_year or self.start_fiscal_year
        return list(range(self.start_fiscal_year, last + 1))

    def build_search_text(self) -> str:
        parts = [self.title, self.summary]
        if self.pk:
            for organization in self.partners.all():
                parts += [organization.name, organization.name_en]
            for department in self.departments.all():
                parts += [department.name, department.name_en]
        return indexed_form(search_key(" ".join(part for part in parts if part)))

    def refresh_search_text(self) -> None:
        self.search_text = self.build_search_text()
        Collaboration.objects.filter(pk=self.pk).update(search_text=self.search_text)


class Contact(models.Model):
    """A named person to talk to, on the government's side or the partner's."""

    class Side(models.TextChoices):
        GOVERNMENT = "government", _("Government")
        PARTNER = "partner", _("Partner")

    collaboration = models.ForeignKey(
        Collaboration, on_delete=models.CASCADE, related_name="contacts"
    )
    side = models.CharField(_("side"), max_length=20, choices=Side.choices)
    name = models.CharField(_("name"), max_length=100)
    role = models.CharField(_("role"), max_length=100, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["collaboration", "side", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(side__in=["government", "partner"]), name="contact_side_known"
            ),
        ]

    def __str__(self):
        return self.name
