"""Forms for partner organizations and body staff. They clean input; services do the writing."""

import re

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kyoso.core.choices import PolicyField
from kyoso.core.forms import SubmitOnceMixin
from kyoso.core.text import normalize

from .models import BodyMembership, GovernmentBody, Organization
from .services import ORGANIZATION_FIELDS
from .validators import validate_corporate_number

# Text fields where NFKC is safe: names, numbers, addresses (full-width digits become half-width).
_NORMALIZED = ("name", "name_kana", "name_en", "address", "representative", "phone")
_SEPARATORS = re.compile(r"[\s\-‐‑–—ー−]")


class OrganizationForm(forms.ModelForm):
    fields = forms.MultipleChoiceField(
        label=_("Fields of activity"),
        choices=PolicyField.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    # Longer than 13 so that a number typed with hyphens or spaces reaches the cleaning below.
    corporate_number = forms.CharField(
        label=Organization._meta.get_field("corporate_number").verbose_name,
        max_length=30, required=False,
        help_text=_(
            "13 digits, as on the National Tax Agency's site. Leave empty if you have none."
        ),
    )
    website = forms.URLField(
        label=Organization._meta.get_field("website").verbose_name, required=False,
        assume_scheme="https",
    )

    class Meta:
        model = Organization
        fields = list(ORGANIZATION_FIELDS)
        widgets = {
            "founded_on": forms.DateInput(attrs={"type": "date"}),
            "activity_record": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {
            "name_kana": _("In hiragana, e.g. さがけんきょうどうねっと."),
            "is_intermediary": _(
                "Tick if you support other civil-society organizations "
                "(e.g. a CSO activity support centre)."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["prefecture"].queryset = GovernmentBody.objects.active().prefectures()
        self.fields["name"].widget.attrs["autocomplete"] = "organization"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["phone"].widget.attrs["autocomplete"] = "tel"
        self.fields["address"].widget.attrs["autocomplete"] = "street-address"
        self.fields["website"].widget.attrs["autocomplete"] = "url"
        self.fields["corporate_number"].widget.attrs["inputmode"] = "numeric"
        if self.instance.pk:
            self.initial.setdefault("fields", list(self.instance.fields or []))

    def clean(self):
        cleaned = super().clean()
        for name in _NORMALIZED:
            if isinstance(cleaned.get(name), str):
                cleaned[name] = normalize(cleaned[name])
        self._refuse_a_second_registration(cleaned)
        return cleaned

    def _refuse_a_second_registration(self, cleaned) -> None:
        """The same name in the same prefecture, without a corporate number to tell the two
        apart, is almost always the organization already on Kyoso: registering it again would
        let anyone propose under its name. Its members join it instead."""
        name, prefecture = cleaned.get("name"), cleaned.get("prefecture")
        if not name or cleaned.get("corporate_number") or "name" in self.errors:
            return
        same = Organization.objects.filter(name__iexact=name, prefecture=prefecture)
        if self.instance.pk:
            same = same.exclude(pk=self.instance.pk)
        if same.exists():
            self.add_error("name", ValidationError(
                _("「%(name)s」 is already registered in this prefecture. If you belong to it, "
                  "ask to join it from its page in the directory. If it is another "
                  "organization, enter its corporate number."),
                code="registered", params={"name": name},
            ))

    def clean_name(self):
        name = normalize(self.cleaned_data["name"])
        if not name:
            raise ValidationError(_("Enter the organization's name."))
        return name

    def clean_corporate_number(self):
        # People copy numbers with full-width digits, spaces or hyphens; keep the 13 digits.
        value = _SEPARATORS.sub("", normalize(self.cleaned_data.get("corporate_number", "")))
        if not value:
            return ""
        validate_corporate_number(value)
        taken = Organization.objects.filter(corporate_number=value).exclude(pk=self.instance.pk)
        if taken.exists():
            raise ValidationError(
                _("Another organization is already registered with this corporate number.")
            )
        return value

    def clean_fields(self):
        return sorted(set(self.cleaned_data.get("fields") or []))


class NewOrganizationForm(SubmitOnceMixin, OrganizationForm):
    """Registering an organization: sending the form twice registers it once."""


class OrganizationSearchForm(forms.Form):
    q = forms.CharField(label=_("Name or furigana"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False,
        choices=[("", _("All kinds")), *Organization.Kind.choices],
    )
    field = forms.ChoiceField(
        label=_("Field of activity"), required=False,
        choices=[("", _("All fields")), *PolicyField.choices],
    )
    intermediary = forms.BooleanField(
        label=_("Intermediary support organizations only"), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.attrs["type"] = "search"


class BodyMembershipForm(forms.Form):
    """Give an existing account a role in a body."""

    email = forms.EmailField(label=_("E-mail address of the person"))
    role = forms.ChoiceField(label=_("Role"), choices=BodyMembership.Role.choices)
    department = forms.ModelChoiceField(
        label=_("Department"), queryset=None, required=False,
        help_text=_("Required for department staff; optional for desk coordinators."),
    )

    def __init__(self, *args, body, **kwargs):
        super().__init__(*args, **kwargs)
        self.body = body
        self.fields["department"].queryset = body.departments.order_by("bureau", "name")
        self.fields["email"].widget.attrs["autocomplete"] = "off"

    def clean_email(self):
        email = normalize(self.cleaned_data["email"]).lower()
        user = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
        if user is None:
            raise ValidationError(
                _("No account uses this e-mail address. Ask the person to sign up first.")
            )
        from .services import has_confirmed_email

        if not has_confirmed_email(user):
            raise ValidationError(
                _("This person has not confirmed their e-mail address yet. Ask them to confirm "
                  "it from the e-mail Kyoso sent, then add them."),
                code="unconfirmed",
            )
        self.cleaned_data["user"] = user
        return email

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("role") == BodyMembership.Role.DEPARTMENT and not cleaned.get("department"):
            self.add_error("department", _("Choose the department this person works in."))
        return cleaned
