"""Production: PostgreSQL through DATABASE_URL, behind a TLS-terminating proxy."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import CACHES, DATABASES, SECRET_KEY, env_bool

DEBUG = False
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set to at least 50 random characters.")
if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql" and not env_bool(
    "KYOSO_ALLOW_SQLITE", False
):
    raise ImproperlyConfigured("Production runs on PostgreSQL: set DATABASE_URL.")

# Pages and counts are written on every new question: one statement per write instead of
# DatabaseCache's COUNT(*) of the whole table, SELECT and INSERT (kyoso.core.page_cache).
CACHES = {
    **CACHES,
    "pages": {**CACHES["pages"], "BACKEND": "kyoso.core.page_cache.PageDatabaseCache"},
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Rate limits per client address: trust the X-Forwarded-For entries our own proxies add.
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("KYOSO_TRUSTED_PROXY_COUNT", "1"))
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"
