"""Government bodies (the tenants), their departments, partner organizations and memberships."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from kyoso.core.choices import PolicyField
from kyoso.core.models import TimeStampedModel
from kyoso.core.text import indexed_form, search_key

from .validators import validate_corporate_number, validate_local_government_code


class LocalizedNameMixin:
    """``display_name`` picks the English name when the interface is English and one exists."""

    @property
    def display_name(self) -> str:
        if (get_language() or "ja").startswith("en") and getattr(self, "name_en", ""):
            return self.name_en
        return self.name


class GovernmentBodyQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def prefectures(self):
        return self.filter(kind=GovernmentBody.Kind.PREFECTURE)


class GovernmentBody(LocalizedNameMixin, TimeStampedModel):
    """A prefecture, municipality or agency: a tenant with its own departments, catalog and desk."""

    class Kind(models.TextChoices):
        PREFECTURE = "prefecture", _("Prefecture")
        MUNICIPALITY = "municipality", _("Municipality")
        AGENCY = "agency", _("Government agency")

    code = models.CharField(
        _("local government code"),
        max_length=6,
        unique=True,
        validators=[validate_local_government_code],
        help_text=_("全国地方公共団体コード, six digits with check digit, e.g. 410004."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=100)
    name_kana = models.CharField(_("name (furigana)"), max_length=100, blank=True)
    name_en = models.CharField(_("name in English"), max_length=100, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("prefecture"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="municipalities",
    )
    website = models.URLField(_("website"), blank=True)
    is_active = models.BooleanField(_("active on Kyoso"), default=True)
    # The desk's own rules; later capabilities read them (e.g. days to answer a proposal).
    answer_days = models.PositiveSmallIntegerField(_("days to answer a proposal"), default=30)
    principle_of_yes = models.BooleanField(
        _("principle of saying yes"),
        default=False,
        help_text=_("A non-adoption takes effect only when the desk countersigns it."),
    )

    objects = GovernmentBodyQuerySet.as_manager()

    class Meta:
        verbose_name = _("government body")
        verbose_name_plural = _("government bodies")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="municipality") | Q(parent__isnull=False),
                name="municipality_has_prefecture",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("organizations:body_detail", kwargs={"code": self.code})

    @property
    def prefecture(self):
        return self if self.kind == self.Kind.PREFECTURE else self.parent


class Department(LocalizedNameMixin, TimeStampedModel):
    """A department (部局・課) of a body. The desk (公民連携デスク, 協働推進課) is one of them."""

    body = models.ForeignKey(
        GovernmentBody,
        verbose_name=_("government body"),
        on_delete=models.CASCADE,
        related_name="departments",
    )
    name = models.CharField(_("name"), max_length=100)
    name_en = models.CharField(_("name in English"), max_length=100, blank=True)
    bureau = models.CharField(_("bureau (部局)"), max_length=100, blank=True)
    is_desk = models.BooleanField(_("collaboration desk"), default=False)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    class Meta:
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        ordering = ["body__code", "bureau", "name"]
        constraints = [
            models.UniqueConstraint(fields=["body", "name"], name="department_name_unique_in_body"),
        ]

    def __str__(self):
        return self.name


class BodyMembership(TimeStampedModel):
    """A government officer's role in a body: administrator, desk or department staff."""

    class Role(models.TextChoices):
        BODY_ADMIN = "body_admin", _("Body administrator")
        DESK = "desk", _("Desk coordinator")
        DEPARTMENT = "department", _("Department staff")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="body_memberships"
    )
    body = models.ForeignKey(
        GovernmentBody,
        verbose_name=_("government body"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    department = models.ForeignKey(
        Department,
        verbose_name=_("department"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="memberships",
    )

    class Meta:
        verbose_name = _("body membership")
        verbose_name_plural = _("body memberships")
        constraints = [
            models.CheckConstraint(
                condition=~Q(role="department") | Q(department__isnull=False),
                name="department_staff_have_department",
            ),
            models.UniqueConstraint(
                fields=["user", "body", "role"],
                condition=Q(department__isnull=True),
                name="body_membership_unique_without_department",
            ),
            models.UniqueConstraint(
                fields=["user", "body", "role", "department"],
                condition=Q(department__isnull=False),
                name="body_membership_unique_with_department",
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.body} ({self.get_role_display()})"


class Organization(LocalizedNameMixin, TimeStampedModel):
    """A partner: CSO, company, university, intermediary support organization…"""

    class Kind(models.TextChoices):
        NPO_CORPORATION = "npo_corporation", _("NPO corporation (NPO法人)")
        VOLUNTARY = "voluntary", _("Voluntary association (任意団体)")
        GENERAL_INCORPORATED = (
            "general_incorporated",
            _("General incorporated association/foundation"),
        )
        PUBLIC_INTEREST = "public_interest", _("Public interest corporation (公益法人)")
        COMPANY = "company", _("Company")
        UNIVERSITY = "university", _("University or school")
        COOPERATIVE = "cooperative", _("Cooperative")
        SOCIAL_WELFARE = "social_welfare", _("Social welfare corporation")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200)
    name_kana = models.CharField(_("name (furigana)"), max_length=200, blank=True)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    is_intermediary = models.BooleanField(
        _("intermediary support organization (中間支援組織)"), default=False
    )
    corporate_number = models.CharField(
        _("corporate number (法人番号)"),
        max_length=13,
        blank=True,
        validators=[validate_corporate_number],
    )
    prefecture = models.ForeignKey(
        GovernmentBody,
        verbose_name=_("prefecture"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"kind": GovernmentBody.Kind.PREFECTURE},
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    representative = models.CharField(_("representative"), max_length=100, blank=True)
    email = models.EmailField(_("contact e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    website = models.URLField(_("website"), blank=True)
    founded_on = models.DateField(_("founded"), null=True, blank=True)
    members_count = models.PositiveIntegerField(_("members"), null=True, blank=True)
    fields = models.JSONField(_("fields of activity"), default=list, blank=True)
    activity_record = models.TextField(_("activity record"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The search key of the names in indexed form (kyoso.core.text), kept by save().
    search_text = models.TextField(editable=False, default="")

    class Meta:
        verbose_name = _("partner organization")
        verbose_name_plural = _("partner organizations")
        ordering = ["name_kana", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["corporate_number"],
                condition=~Q(corporate_number=""),
                name="organization_corporate_number_unique",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("organizations:organization_detail", kwargs={"pk": self.pk})

    def get_fields_display(self):
        labels = dict(PolicyField.choices)
        return [labels.get(code, code) for code in self.fields]

    def build_search_text(self) -> str:
        names = (self.name, self.name_kana, self.name_en)
        return indexed_form(search_key(" ".join(name for name in names if name)))

    def save(self, *args, **kwargs):
        self.search_text = self.build_search_text()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"name", "name_kana", "name_en"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "search_text"}
        super().save(*args, **kwargs)


class OrganizationMembership(TimeStampedModel):
    """A person in a partner organization. Joining needs the approval of an administrator."""

    class Role(models.TextChoices):
        ADMIN = "admin", _("Administrator")
        MEMBER = "member", _("Member")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for approval")
        ACTIVE = "active", _("Active")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="organization_memberships"
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )

    class Meta:
        verbose_name = _("organization membership")
        verbose_name_plural = _("organization memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organization"], name="organization_membership_unique"
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.organization}"
