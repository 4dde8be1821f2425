"""Forms of the case library. They only read input: the services decide, and their field names
are the services' argument names, so a service's refusal lands on the field typed into."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _


def textarea(rows: int, **attrs) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows, **attrs})


class CaseForm(forms.Form):
    """A new case, prefilled from its collaboration."""

    title = forms.CharField(label=_("Title of the case"), max_length=200)
    summary = forms.CharField(label=_("Summary"), widget=textarea(5))
    outcomes = forms.CharField(label=_("Outcomes"), required=False, widget=textarea(3))
    what_worked = forms.CharField(label=_("What worked"), required=False, widget=textarea(4))
    lessons = forms.CharField(label=_("Lessons"), required=False, widget=textarea(4))
    publish = forms.BooleanField(label=_("Publish in the case library now"), required=False,
                                 initial=True)


class CaseEditForm(forms.Form):
    """A case's texts in both languages. ``loaded_at`` is when the case was loaded (its
    ``updated_at``), so that a save by someone else in between is noticed."""

    JAPANESE = ("title", "partners_text", "summary", "outcomes", "what_worked", "lessons")
    ENGLISH = ("title_en", "summary_en", "outcomes_en", "what_worked_en", "lessons_en")

    title = forms.CharField(label=_("Title of the case"), max_length=200,
                            error_messages={"required": _("Give the case a title.")})
    partners_text = forms.CharField(label=_("Who took part"), max_length=500, required=False,
                                    help_text=_("The organizations that took part, as readers "
                                                "should see them."))
    summary = forms.CharField(label=_("Summary"), widget=textarea(5),
                              error_messages={"required": _("Summarise the case.")})
    outcomes = forms.CharField(label=_("Outcomes"), required=False, widget=textarea(3))
    what_worked = forms.CharField(label=_("What worked"), required=False, widget=textarea(4))
    lessons = forms.CharField(label=_("Lessons"), required=False, widget=textarea(4))
    # The English texts are marked as such, for screen readers and spelling checkers.
    title_en = forms.CharField(label=_("Title in English"), max_length=200, required=False,
                               widget=forms.TextInput(attrs={"lang": "en"}))
    summary_en = forms.CharField(label=_("Summary in English"), required=False,
                                 widget=textarea(5, lang="en"))
    outcomes_en = forms.CharField(label=_("Outcomes in English"), required=False,
                                  widget=textarea(3, lang="en"))
    what_worked_en = forms.CharField(label=_("What worked, in English"), required=False,
                                     widget=textarea(4, lang="en"))
    lessons_en = forms.CharField(label=_("Lessons in English"), required=False,
                                 widget=textarea(4, lang="en"))
    loaded_at = forms.CharField(required=False, widget=forms.HiddenInput)

    @classmethod
    def initial_of(cls, case) -> dict:
        return {**{name: getattr(case, name) for name in (*cls.JAPANESE, *cls.ENGLISH)},
                "loaded_at": case.updated_at.isoformat()}

    def texts(self) -> dict:
        return {name: self.cleaned_data[name] for name in (*self.JAPANESE, *self.ENGLISH)}

    def loaded_at_value(self):
        """The time the form was loaded from, or None (not a time)."""
        try:
            return dt.datetime.fromisoformat(self.cleaned_data.get("loaded_at") or "")
        except ValueError:
            return None

    def japanese_fields(self):
        return [self[name] for name in self.JAPANESE]

    def english_fields(self):
        return [self[name] for name in self.ENGLISH]


class UnpublishForm(forms.Form):
    reason = forms.CharField(
        label=_("Why (optional)"), required=False, widget=textarea(3),
        help_text=_("Kept in the audit trail for the desk; not published."),
    )
