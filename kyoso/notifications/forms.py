from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class NoticeSettingsForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language of e-mails"), choices=settings.LANGUAGES,
        help_text=_("Notices e-mailed to you are written in this language."),
    )
    email_notices = forms.BooleanField(
        label=_("Send me notices by e-mail"), required=False,
        help_text=_("Notices always stay on the site, under “Notices”."),
    )
