"""Forms of the agreement pages. They only read input: the services decide.

Field names are those of the services' arguments, so that a ``ValidationError`` a service raises
for ``ends_on`` or ``partners`` lands on the field the person typed into.
"""

from __future__ import annotations

import re
import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kyoso.core.choices import PolicyField
from kyoso.core.forms import SubmitOnceMixin
from kyoso.core.text import to_halfwidth_digits
from kyoso.organizations.models import GovernmentBody, Organization
from kyoso.organizations.selectors import bodies_of_the_prefectures_of
from kyoso.organizations.validators import validate_local_government_code

from .models import Agreement, Amendment


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def item_pairs(form: forms.Form, data: dict) -> list[tuple[str, str]]:
    """The items typed one per line (Japanese, and optionally English in the same order) as
    ``(text, text_en)`` pairs; a wrong number of English lines is an error on ``items_en``."""
    japanese, english = lines(data.get("items", "")), lines(data.get("items_en", ""))
    if english and len(english) != len(japanese):
        form.add_error("items_en", _("Give one English line for each item, or none."))
    english += [""] * (len(japanese) - len(english))
    return list(zip(japanese, english, strict=False))


def items_initial(agreement: Agreement) -> dict:
    items = list(agreement.items.order_by("position"))
    return {
        "items": "\n".join(item.text for item in items),
        "items_en": "\n".join(item.text_en for item in items) if any(
            item.text_en for item in items) else "",
    }


class AgreementForm(forms.Form):
    """The record of an agreement. Items are written one per line, in their order.

    Partner organizations are not chosen here: a national installation has tens of thousands,
    so they are found by searching on the draft's partners page (``PartnerChangeForm``).
    """

    body = forms.ModelChoiceField(
        label=_("Government body keeping the agreement"), queryset=GovernmentBody.objects.none(),
        empty_label=None,
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=Agreement.Kind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    title_en = forms.CharField(label=_("Title in English"), max_length=200, required=False)
    other_bodies = forms.ModelMultipleChoiceField(
        label=_("Other government parties"), required=False,
        queryset=GovernmentBody.objects.none(),
        help_text=_("Bodies of the same prefecture that sign too, e.g. a municipality beside "
                    "its prefecture."),
    )
    other_body_codes = forms.CharField(
        label=_("Other government parties by local government code"), required=False,
        max_length=500,
        help_text=_("For a body of another prefecture: its local government code (six digits, "
                    "e.g. 080004); several separated by spaces or commas."),
    )
    fields = forms.MultipleChoiceField(
        label=_("Fields"), choices=PolicyField.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    items = forms.CharField(
        label=_("Items of cooperation (連携事項)"), required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("One item per line, in the order of the agreement."),
    )
    items_en = forms.CharField(
        label=_("Items of cooperation in English"), required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Optional: one line per item, in the same order."),
    )
    starts_on = forms.DateField(label=_("Term starts"), required=False, widget=DateInput)
    ends_on = forms.DateField(
        label=_("Term ends"), required=False, widget=DateInput,
        help_text=_("Leave empty for an agreement without a fixed end."),
    )
    auto_renew = forms.BooleanField(label=_("Renewed automatically"), required=False)
    renewal_months = forms.IntegerField(
        label=_("Renewal period (months)"), required=False, min_value=1, max_value=120
    )
    summary = forms.CharField(
        label=_("Public summary"), required=False, widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Shown on the public page once the agreement is signed."),
    )
    summary_en = forms.CharField(
        label=_("Public summary in English"), required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    press_release_url = forms.URLField(
        label=_("Press release (URL)"), required=False, max_length=500, assume_scheme="https"
    )
    press_release_text = forms.CharField(
        label=_("Press release (text)"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )

    def __init__(self, *args, bodies=None, signed=False, home=(), **kwargs):
        """``bodies``: those the agreement may be kept by (a new agreement); ``home``: the
        bodies whose prefectures' bodies are offered as other parties (default: ``bodies``)."""
        super().__init__(*args, **kwargs)
        if bodies is None:
            del self.fields["body"]
        else:
            self.fields["body"].queryset = bodies
        if "other_bodies" in self.fields:
            self.fields["other_bodies"].queryset = bodies_of_the_prefectures_of(
                bodies if bodies is not None else home, self.initial.get("other_bodies") or ())
        if signed:
            # Once signed, only the words of the publication may be corrected.
            for name in list(self.fields):
                if name not in ("title_en", "summary", "summary_en", "press_release_url",
                                "press_release_text"):
                    del self.fields[name]

    def clean_other_body_codes(self) -> list[GovernmentBody]:
        codes = list(dict.fromkeys(
            code for code in re.split(r"[\s,、，]+", to_halfwidth_digits(
                self.cleaned_data.get("other_body_codes") or "")) if code))
        errors = []
        for code in codes:
            try:
                validate_local_government_code(code)
            except ValidationError as error:
                errors += [ValidationError("%(code)s: %(error)s",
                                           params={"code": code, "error": message})
                           for message in error.messages]
        if errors:
            raise ValidationError(errors)
        # Active bodies, and any already a party (one no longer active stays one).
        chosen = [getattr(body, "pk", body) for body in self.initial.get("other_bodies") or ()]
        found = {body.code: body for body in GovernmentBody.objects.filter(
            Q(is_active=True) | Q(pk__in=chosen), code__in=codes)}
        unknown = [code for code in codes if code not in found]
        if unknown:
            raise ValidationError(
                _("No government body on Kyoso has the code %(codes)s."),
                params={"codes": ", ".join(unknown)}, code="unknown_body",
            )
        return [found[code] for code in codes]

    def clean(self):
        data = super().clean()
        if "items" in self.fields:
            data["item_pairs"] = item_pairs(self, data)
        return data

    def service_values(self) -> dict:
        data = dict(self.cleaned_data)
        values = {}
        for name in ("kind", "title", "title_en", "summary", "summary_en", "fields", "starts_on",
                     "ends_on", "auto_renew", "renewal_months", "press_release_url",
                     "press_release_text"):
            if name in self.fields:
                values[name] = data.get(name)
        if "other_bodies" in self.fields:
            values["other_bodies"] = [*(data.get("other_bodies") or []),
                                      *(data.get("other_body_codes") or [])]
            values["items"] = data.get("item_pairs", [])
        return values

    @classmethod
    def initial_of(cls, agreement: Agreement) -> dict:
        return {
            **{name: getattr(agreement, name) for name in (
                "kind", "title", "title_en", "summary", "summary_en", "fields", "starts_on",
                "ends_on", "auto_renew", "renewal_months", "press_release_url",
                "press_release_text")},
            "other_bodies": list(agreement.other_bodies.values_list("pk", flat=True)),
            **items_initial(agreement),
        }


class NewAgreementForm(SubmitOnceMixin, AgreementForm):
    """A new draft: sent twice (a double click, a resent form), it opens one draft."""


class PartnerChangeForm(forms.Form):
    """One change of a draft's partners: add an organization found by the search, remove one,
    or move one to another place in the signing order. The buttons of the partners page post
    it; every field is hidden."""

    ACTIONS = ("add", "remove", "move")

    action = forms.ChoiceField(choices=[(name, name) for name in ACTIONS],
                               widget=forms.HiddenInput)
    organization = forms.ModelChoiceField(
        queryset=Organization.objects.all(), widget=forms.HiddenInput,
        error_messages={
            "required": _("Choose an organization from the list."),
            "invalid_choice": _("That organization was not found. Search again and choose it "
                                "from the list."),
        },
    )
    position = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        if data.get("action") == "move" and not data.get("position"):
            self.add_error("position", _("Say where the partner goes in the signing order."))
        return data


class SignForm(forms.Form):
    signed_on = forms.DateField(
        label=_("Date of signing"), widget=DateInput,
        error_messages={"required": _("Give the date of signing.")},
    )


class ConfirmForm(forms.Form):
    """A button and nothing else."""


class FromProposalForm(SubmitOnceMixin, ConfirmForm):
    """The button that prepares a draft from a proposal, with its one-time key."""


class RenewForm(forms.Form):
    ends_on = forms.DateField(
        label=_("The new term ends"), widget=DateInput,
        error_messages={"required": _("Give the end of the new term.")},
    )
    reason = forms.CharField(
        label=_("Note (optional)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class TerminateForm(forms.Form):
    terminated_on = forms.DateField(
        label=_("Date of termination"), widget=DateInput,
        error_messages={"required": _("Give the date of the termination.")},
    )
    reason = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Published with the agreement."),
        error_messages={"required": _("Give the reason for the termination.")},
    )


class AmendmentForm(forms.Form):
    """A signed amendment (変更協定・変更覚書). The form starts from the agreement's current end
    and items: what is left as it is does not change."""

    kind = forms.ChoiceField(label=_("Kind of amendment"), choices=Amendment.Kind.choices,
                             initial=Amendment.Kind.AGREEMENT)
    signed_on = forms.DateField(
        label=_("Date of signing"), widget=DateInput,
        error_messages={"required": _("Give the date on which the parties signed the "
                                      "amendment.")},
    )
    description = forms.CharField(
        label=_("What the amendment changes"), widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("In words, as the public will read it: which items, the term or other "
                    "terms, and why."),
        error_messages={"required": _("Say in words what the amendment changes.")},
    )
    description_en = forms.CharField(
        label=_("What the amendment changes, in English"), required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    ends_on = forms.DateField(
        label=_("Term ends"), required=False, widget=DateInput,
        help_text=_("The last day of the term after the amendment. Leave it as it is if the "
                    "term does not change."),
    )
    open_ended = forms.BooleanField(
        label=_("After the amendment the term has no fixed end"), required=False,
        help_text=_("The date above is then not used. An automatic renewal stops too, since "
                    "it needs an end."),
    )
    items = forms.CharField(
        label=_("Items of cooperation (連携事項)"), required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("The whole list after the amendment, one item per line. Leave it as it is "
                    "if the items do not change."),
    )
    items_en = forms.CharField(
        label=_("Items of cooperation in English"), required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Optional: one line per item, in the same order."),
    )
    file = forms.FileField(
        label=_("Signed text (optional)"), required=False,
        help_text=_("PDF, PNG, JPEG, Word (.docx) or Excel (.xlsx), at most 10 MB. Filed with "
                    "the agreement's documents."),
    )
    document_title = forms.CharField(label=_("Title of the document"), max_length=200,
                                     required=False)
    document_public = forms.BooleanField(
        label=_("Public (shown on the agreement's public page)"), required=False, initial=True
    )
    submission_key = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, agreement: Agreement, **kwargs):
        super().__init__(*args, **kwargs)
        self.agreement = agreement

    @classmethod
    def initial_of(cls, agreement: Agreement) -> dict:
        return {"ends_on": agreement.ends_on, "submission_key": uuid.uuid4(),
                **items_initial(agreement)}

    def clean(self):
        data = super().clean()
        data["item_pairs"] = item_pairs(self, data)
        if data.get("open_ended") and data.get("ends_on") == self.agreement.ends_on:
            # The date the form started with, left as it was: no new end is given.
            data["ends_on"] = None
        if (self.agreement.ends_on and not data.get("ends_on") and not data.get("open_ended")
                and "ends_on" not in self.errors):
            self.add_error("ends_on", ValidationError(
                _("Give the last day of the term (now %(date)s), or say that the term has no "
                  "fixed end after the amendment."),
                params={"date": self.agreement.ends_on.isoformat()},
            ))
        return data

    def service_values(self) -> dict:
        data = self.cleaned_data
        return {
            "kind": data["kind"], "signed_on": data["signed_on"],
            "description": data["description"], "description_en": data["description_en"],
            "ends_on": data.get("ends_on"), "open_ended": data.get("open_ended", False),
            "items": data["item_pairs"],
            "upload": data.get("file"), "document_title": data["document_title"],
            "document_public": data["document_public"],
            "submission_key": data["submission_key"],
        }


class DocumentForm(SubmitOnceMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, PNG, JPEG, Word (.docx) or Excel (.xlsx), at most 10 MB."),
        error_messages={"required": _("Choose a file.")},
    )
    is_public = forms.BooleanField(
        label=_("Public (shown on the agreement's public page)"), required=False
    )

    def __init__(self, *args, may_publish=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_publish:
            del self.fields["is_public"]


class MemorandumForm(SubmitOnceMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    title_en = forms.CharField(label=_("Title in English"), max_length=200, required=False)
    program = forms.CharField(label=_("Program under the agreement"), max_length=200,
                              required=False)
    text = forms.CharField(label=_("Text"), required=False,
                           widget=forms.Textarea(attrs={"rows": 8}))
    signed_on = forms.DateField(
        label=_("Date of signing"), required=False, widget=DateInput,
        help_text=_("Leave empty while the memorandum is a draft."),
    )

    def __init__(self, *args, may_sign=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_sign:
            del self.fields["signed_on"]

    def service_values(self) -> dict:
        return {name: value for name, value in self.cleaned_data.items()
                if name != "submission_key"}


class PublicFilterForm(forms.Form):
    """The public list's filters; an unknown value is simply not applied."""

    q = forms.CharField(label=_("Words"), required=False, max_length=100)
    body = forms.ChoiceField(label=_("Government body"), required=False)
    field = forms.ChoiceField(
        label=_("Field"), required=False,
        choices=[("", _("All fields")), *PolicyField.choices],
    )
    partner = forms.ChoiceField(label=_("Partner"), required=False)
    fiscal_year = forms.ChoiceField(label=_("Fiscal year of signing"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *Agreement.Kind.choices]
    )
