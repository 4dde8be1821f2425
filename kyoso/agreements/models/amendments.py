"""Amendments (変更協定 / 変更覚書): signed changes of an agreement's terms."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .agreements import Agreement
from .documents import AgreementDocument


class Amendment(models.Model):
    """A change of a signed agreement that its parties signed: of its items (連携事項), of the
    end of its term, or of other terms (said in words).

    It is recorded once signed and applied to the agreement at once
    (``kyoso.agreements.services.amendment_record``); the values it replaced stay here
    (``ends_on_before``, ``items_before``), so the agreement's history stays readable. Like the
    agreement, it is public.
    """

    class Kind(models.TextChoices):
        AGREEMENT = "agreement", _("Amending agreement (変更協定)")
        MEMORANDUM = "memorandum", _("Amending memorandum (変更覚書)")

    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="amendments"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices,
                            default=Kind.AGREEMENT)
    signed_on = models.DateField(_("signed on"))
    description = models.TextField(_("what changes"))
    description_en = models.TextField(_("what changes, in English"), blank=True)
    # Whether the amendment changed the end of the term; then the end before and after, either
    # of which may be empty (no fixed end). Both empty when the term did not change.
    changes_end = models.BooleanField(_("changes the end of the term"), default=False,
                                      db_default=False)
    ends_on_before = models.DateField(_("term ended before"), null=True, blank=True)
    ends_on_after = models.DateField(_("term ends after"), null=True, blank=True)
    # The items as ``[[text, text_en], …]`` before and after; null when they did not change.
    items_before = models.JSONField(_("items before"), null=True, blank=True)
    items_after = models.JSONField(_("items after"), null=True, blank=True)
    document = models.OneToOneField(
        AgreementDocument, verbose_name=_("document"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="amendment",
    )
    # The form's key: a second submission of the same form finds this amendment, not a new one.
    submission_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("amendment")
        verbose_name_plural = _("amendments")
        ordering = ["agreement", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "number"], name="amendment_number_unique"
            ),
            models.CheckConstraint(condition=Q(number__gte=1), name="amendment_number_positive"),
            models.CheckConstraint(
                condition=Q(kind__in=["agreement", "memorandum"]), name="amendment_kind_known"
            ),
            models.CheckConstraint(condition=~Q(description=""),
                                   name="amendment_says_what_changes"),
            # An end before or after only with a change of the end, which sets one at least.
            models.CheckConstraint(
                condition=Q(changes_end=False, ends_on_before__isnull=True,
                            ends_on_after__isnull=True)
                | Q(changes_end=True, ends_on_before__isnull=False)
                | Q(changes_end=True, ends_on_after__isnull=False),
                name="amendment_end_before_or_after",
            ),
            # The two values of a change of the items come together (before may be an empty
            # list, never missing).
            models.CheckConstraint(
                condition=Q(items_before__isnull=True, items_after__isnull=True)
                | Q(items_before__isnull=False, items_after__isnull=False),
                name="amendment_items_before_and_after",
            ),
        ]

    def __str__(self):
        return f"{self.agreement} – {self.get_kind_display()} {self.number}"

    @property
    def changes_items(self) -> bool:
        return self.items_after is not None

    def localized_description(self) -> str:
        if self.description_en and (get_language() or "").startswith("en"):
            return self.description_en
        return self.description

    @staticmethod
    def _localized(items) -> list[str]:
        english = (get_language() or "").startswith("en")
        return [(text_en if english and text_en else text) for text, text_en in items or ()]

    def localized_items_before(self) -> list[str]:
        return self._localized(self.items_before)

    def localized_items_after(self) -> list[str]:
        return self._localized(self.items_after)
