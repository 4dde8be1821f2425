"""The embedded demo: SQLite, e-mail to the console, debug on. Never for production."""

import os

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DJANGO_DEBUG", True)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or "dev-only-not-secret-" + "k" * 40  # noqa: S105
EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
# The demo staff accounts accept this code as their second factor so that anyone can try them.
# allauth refuses it when DEBUG is off.
MFA_TOTP_INSECURE_BYPASS_CODE = os.environ.get("KYOSO_DEMO_TOTP_CODE", "000000") if DEBUG else None
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# The demo may be loaded (it creates accounts with a published password).
KYOSO_DEMO_ALLOWED = True
