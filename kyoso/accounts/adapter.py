from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.sites.requests import RequestSite
from django.utils.translation import get_language


class AccountAdapter(DefaultAccountAdapter):
    """Kyoso's allauth adapter: open sign-up for partners; staff are added by their body."""

    def populate_username(self, request, user):
        # Users have no username; the e-mail address is the login.
        return None

    def save_user(self, request, user, form, commit=True):
        # Whoever signs up on the English pages gets their e-mails in English.
        language = (get_language() or settings.LANGUAGE_CODE)[:2]
        if language in dict(settings.LANGUAGES):
            user.language = language
        return super().save_user(request, user, form, commit=commit)

    def _site(self):
        # Without django.contrib.sites allauth would greet people with the bare host name.
        site = RequestSite(context.request)
        site.name = settings.KYOSO_SITE_NAME
        return site

    def format_email_subject(self, subject: str) -> str:
        return f"[{settings.KYOSO_SITE_NAME}] {subject}"

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        super().send_mail(template_prefix, email, {"current_site": self._site(), **context})


class MFAAdapter(DefaultMFAAdapter):
    """Government staff may not switch their authenticator app off; partners may.

    Enabled with ``MFA_ADAPTER = "kyoso.accounts.adapter.MFAAdapter"``.
    """

    def can_delete_authenticator(self, authenticator: Authenticator) -> bool:
        from .middleware import is_government_staff

        if authenticator.type == Authenticator.Type.TOTP and is_government_staff(
            authenticator.user
        ):
            return False
        return super().can_delete_authenticator(authenticator)
