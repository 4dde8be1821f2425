"""Consultation on a proposal: a thread of messages and records of meetings (現場での対話)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .proposals import Proposal


class Message(models.Model):
    """One message in the thread shared by the proposer, the desk and assigned departments."""

    class Side(models.TextChoices):
        PROPOSER = "proposer", _("Proposer")
        DESK = "desk", _("Desk")
        DEPARTMENT = "department", _("Department")

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), null=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    side = models.CharField(_("written for"), max_length=20, choices=Side.choices)
    department = models.ForeignKey(
        "organizations.Department", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    text = models.TextField(_("message"))
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["proposal", "created_at", "id"]
        constraints = [
            models.CheckConstraint(condition=~Q(text=""), name="message_not_empty"),
        ]

    def __str__(self):
        return f"{self.proposal}: {self.text[:40]}"


class Meeting(models.Model):
    """A consultation meeting: when, where, who took part and what was agreed."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="meetings")
    held_at = models.DateTimeField(_("date and time"))
    place = models.CharField(_("place"), max_length=200)
    attendees = models.TextField(_("attendees"))
    minutes = models.TextField(_("minutes"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["proposal", "held_at", "id"]

    def __str__(self):
        return f"{self.proposal}: {self.held_at:%Y-%m-%d} {self.place}"
