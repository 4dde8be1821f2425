"""The form of the API token page. It only reads input: ``api_token_create`` decides."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .tokens import DEFAULT_LIFETIME_DAYS, LIFETIMES_DAYS

LIFETIME_LABELS = {7: _("7 days"), 30: _("30 days"), 90: _("90 days"), 365: _("1 year")}


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"), max_length=100,
        help_text=_("What the token is for, e.g. “weekly export script”. Only you see it."),
        error_messages={"required": _("Give the token a name, e.g. the script that uses it.")},
    )
    lifetime_days = forms.TypedChoiceField(
        label=_("Valid for"), coerce=int, initial=DEFAULT_LIFETIME_DAYS,
        choices=[(days, LIFETIME_LABELS[days]) for days in LIFETIMES_DAYS],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how long the token stays valid.")},
    )
