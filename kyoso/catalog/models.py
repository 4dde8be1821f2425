"""The disclosed project catalog (事業一覧): what each body does, open to proposals."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q, SmallIntegerField, Value
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from kyoso.core.choices import CollaborationForm, PolicyField
from kyoso.core.fiscal import fiscal_year_of, format_fiscal_year
from kyoso.core.models import TimeStampedModel
from kyoso.core.text import indexed_form, search_key

# Each field's (lazily translated) name, for lists: get_field_display rebuilds its lookup table
# on every call.
FIELD_LABELS = dict(PolicyField.choices)

# The plausible fiscal years (see the check constraint below).
FISCAL_YEAR_MIN, FISCAL_YEAR_MAX = 1926, 2200
# How far ahead of the current fiscal year a body may enter a project (budget requests are made
# a year ahead, multi-year plans a few more); a later year is most likely a typo (令和99年度),
# which the list, newest year first, would show at the top.
YEARS_AHEAD = 5


def latest_catalog_year() -> int:
    return fiscal_year_of() + YEARS_AHEAD


def too_far_ahead_message(year: int) -> str:
    return gettext("%(year)s is more than %(years)s years ahead. Check the fiscal year.") % {
        "year": format_fiscal_year(year), "years": YEARS_AHEAD,
    }


def as_fiscal_year(year: int):
    """A fiscal year as a value of the column's type (smallint), for index lookups."""
    return Cast(Value(int(year)), SmallIntegerField())


class CatalogProjectQuerySet(models.QuerySet):
    def disclosed(self):
        return self.filter(disclosed=True)

    def for_fiscal_year(self, year: int):
        """Projects of one fiscal year. The year is compared as a ``smallint``, the column's
        type: the search index (``fiscal_year``, ``search_text``; catalog migration 0006) has
        only smallint operators (btree_gin), and a plain ``= 2024`` is an integer comparison
        that PostgreSQL cannot look up in it."""
        if not FISCAL_YEAR_MIN <= year <= FISCAL_YEAR_MAX:
            return self.none()
        return self.filter(fiscal_year=as_fiscal_year(year))

    def after_fiscal_year(self, year: int):
        """Projects of later fiscal years than ``year`` (compared as for ``for_fiscal_year``)."""
        if year >= FISCAL_YEAR_MAX:
            return self.none()
        return self.filter(fiscal_year__gt=as_fiscal_year(max(year, FISCAL_YEAR_MIN - 1)))

    def visible_to(self, user):
        """Disclosed projects, plus undisclosed ones of the bodies the user works for."""
        if user.is_authenticated:
            if user.is_superuser:
                return self
            body_ids = user.body_memberships.values("body_id")
            return self.filter(Q(disclosed=True) | Q(body_id__in=body_ids))
        return self.disclosed()

    def search(self, terms: list[str]):
        """Every term (a search key) must occur in the project's text (see kyoso.core.text)."""
        queryset = self
        for term in terms:
            queryset = queryset.filter(search_text__contains=indexed_form(term))
        return queryset


class CatalogProject(TimeStampedModel):
    """One project (事業) of a body in one fiscal year, as the body discloses it."""

    class Implementation(models.TextChoices):
        DIRECT = "direct", _("Run directly by the body (直営)")
        OUTSOURCED = "outsourced", _("Outsourced (委託)")
        SUBSIDY = "subsidy", _("Subsidy (補助)")
        MIXED = "mixed", _("Mixed")

    body = models.ForeignKey(
        "organizations.GovernmentBody", verbose_name=_("government body"),
        on_delete=models.PROTECT, related_name="catalog_projects",
    )
    department = models.ForeignKey(
        "organizations.Department", verbose_name=_("department"),
        on_delete=models.PROTECT, related_name="catalog_projects",
    )
    fiscal_year = models.PositiveSmallIntegerField(_("fiscal year"))
    code = models.CharField(
        _("project number"), max_length=40, blank=True,
        help_text=_("The body's own number for the project, if it has one."),
    )
    name = models.CharField(_("project name"), max_length=200)
    name_en = models.CharField(_("project name in English"), max_length=200, blank=True)
    purpose = models.TextField(_("purpose"), blank=True)
    content = models.TextField(_("content"), blank=True)
    budget_yen = models.BigIntegerField(
        _("budget (yen)"), null=True, blank=True, validators=[MinValueValidator(0)]
    )
    implementation = models.CharField(
        _("current implementation"), max_length=20, choices=Implementation.choices,
        default=Implementation.DIRECT,
    )
    beneficiaries = models.CharField(_("target beneficiaries"), max_length=200, blank=True)
    field = models.CharField(_("field"), max_length=30, choices=PolicyField.choices)
    open_to_collaboration = models.BooleanField(_("open to collaboration"), default=True)
    collaboration_forms = models.JSONField(
        _("forms of collaboration welcomed"), default=list, blank=True
    )
    contact = models.CharField(_("contact"), max_length=200, blank=True)
    disclosed = models.BooleanField(
        _("disclosed"), default=True,
        help_text=_("Only disclosed projects are shown to the public."),
    )
    # The search key of the project's texts in indexed form (kyoso.core.text.indexed_form).
    search_text = models.TextField(editable=False, default="")
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = CatalogProjectQuerySet.as_manager()

    class Meta:
        verbose_name = _("catalog project")
        verbose_name_plural = _("catalog projects")
        # Newest fiscal year first, then in the order the body entered its catalog. Only columns of
        # this table, so that the indexes below serve a page without sorting the whole catalog.
        ordering = ["-fiscal_year", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["body", "fiscal_year", "code"],
                condition=~Q(code=""),
                name="catalog_project_code_unique",
            ),
            models.CheckConstraint(
                condition=Q(budget_yen__isnull=True) | Q(budget_yen__gte=0),
                name="catalog_budget_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(fiscal_year__gte=FISCAL_YEAR_MIN)
                & Q(fiscal_year__lte=FISCAL_YEAR_MAX),
                name="catalog_fiscal_year_plausible",
            ),
        ]
        indexes = [
            models.Index(
                fields=["-fiscal_year", "id"], condition=Q(disclosed=True),
                name="catalog_public_order_idx",
            ),
            models.Index(fields=["body", "-fiscal_year", "id"], name="catalog_body_order_idx"),
            models.Index(fields=["field", "-fiscal_year", "id"], name="catalog_field_order_idx"),
            models.Index(fields=["budget_yen"], name="catalog_budget_idx"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("catalog:project_detail", kwargs={"pk": self.pk})

    @property
    def display_name(self) -> str:
        if (get_language() or "ja").startswith("en") and self.name_en:
            return self.name_en
        return self.name

    @property
    def field_label(self):
        return FIELD_LABELS.get(self.field, self.field)

    @property
    def implementation_label(self):
        return IMPLEMENTATION_LABELS.get(self.implementation, self.implementation)

    def get_collaboration_forms_display(self) -> list[str]:
        return [COLLABORATION_FORM_LABELS.get(code, code) for code in self.collaboration_forms]

    def build_search_text(self, department_name: str | None = None) -> str:
        department_name = department_name or (self.department.name if self.department_id else "")
        parts = [self.name, self.name_en, self.code, department_name, self.purpose, self.content,
                 self.beneficiaries]
        return indexed_form(search_key(" ".join(part for part in parts if part)))

    def save(self, *args, **kwargs):
        self.search_text = self.build_search_text()
        super().save(*args, **kwargs)


IMPLEMENTATION_LABELS = dict(CatalogProject.Implementation.choices)
COLLABORATION_FORM_LABELS = dict(CollaborationForm.choices)
