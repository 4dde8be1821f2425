"""Settings shared by every environment. Everything that differs comes from the environment."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rules.apps.AutodiscoverRulesConfig",
    "django_filters",
    # The API's docs page from django-ninja's own files, not a CDN: works offline and under CSP.
    "ninja",
    "csp",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_tasks",
    "django_tasks_db",
    "kyoso.core",
    "kyoso.accounts",
    "kyoso.organizations",
    "kyoso.catalog",
    "kyoso.proposals",
    "kyoso.collaborations",
    "kyoso.cases",
    "kyoso.agreements",
    "kyoso.notifications",
    "kyoso.api",
    "kyoso.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions: an anonymous visit to a cached public page is answered here.
    "kyoso.core.page_cache.PublicPageCacheMiddleware",
    # Below the page cache: a page is stored with its policy and answered with it, without
    # building the header again (a change of policy reaches cached pages within PAGE_TTL).
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "kyoso.core.middleware.PrivatePagesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "kyoso.accounts.middleware.StaffSecondFactorMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kyoso.core.context_processors.site",
                "kyoso.core.context_processors.language_links",
                "kyoso.notifications.context_processors.unread_notices",
            ],
        },
    },
]

# SQLite by default so that a new user runs Kyoso with one command; PostgreSQL in production.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and one writer work at once; a busy timeout waits instead of failing.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.ScryptPasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]

# Japanese first, English complete.
LANGUAGE_CODE = "ja"
LANGUAGES = [("ja", _("Japanese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Tokyo"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "var" / "media"))
MEDIA_URL = "/media/"

# Uploads: catalogs of a whole body fit in a few megabytes; refuse anything far larger.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
KYOSO_IMPORT_MAX_BYTES = int(os.environ.get("KYOSO_IMPORT_MAX_BYTES", 20 * 1024 * 1024))
KYOSO_IMPORT_MAX_ROWS = int(os.environ.get("KYOSO_IMPORT_MAX_ROWS", 50_000))

EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "kyoso@localhost")

# Background tasks (django-tasks with its database backend): e-mails and the periodic sweep for
# reminders run in `manage.py kyoso_worker`, a separate process next to the web processes.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}
# What the worker's periodic sweep runs, every KYOSO_SWEEP_MINUTES: each callable takes `now`
# and creates the notices that are due (idempotent: a notice is unique per recipient and key).
KYOSO_SWEEPS = [
    "kyoso.proposals.deadlines.deadlines_sweep",
    "kyoso.agreements.sweep.agreements_sweep",
    "kyoso.collaborations.reminders.collaborations_sweep",
    "kyoso.api.idempotency.idempotency_keys_sweep",
    "kyoso.core.forms.form_submissions_sweep",
]
# How long the API remembers an Idempotency-Key, and the site a form's one-time key (a retry
# comes within minutes).
KYOSO_IDEMPOTENCY_KEY_DAYS = int(os.environ.get("KYOSO_IDEMPOTENCY_KEY_DAYS", "7"))
KYOSO_SWEEP_MINUTES = int(os.environ.get("KYOSO_SWEEP_MINUTES", "15"))
# Memory per process for the public pages it served last (kyoso.core.page_cache).
KYOSO_PAGE_MEMORY_BYTES = int(os.environ.get("KYOSO_PAGE_MEMORY_BYTES", str(32 * 1024 * 1024)))
# Reminders go this many days before an answer is due (the nearest stage only, once each).
KYOSO_REMINDER_DAYS = [
    int(days) for days in env_list("KYOSO_REMINDER_DAYS", "7,1")
]

CACHES = {
    # Rate limits and sessions' helpers: small, never pushed out by page traffic.
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "kyoso_cache",
    },
    # Shared public pages and result counts (kyoso.core.page_cache, kyoso.catalog.counting):
    # one entry per address, so a separate table that anyone's traffic may fill.
    "pages": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "kyoso_page_cache",
        "OPTIONS": {"MAX_ENTRIES": 100_000, "CULL_FREQUENCY": 10},
    },
}

# Sessions and CSRF: no cross-site use, short-lived, HttpOnly where the browser allows.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 12
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Content-Security-Policy (django-csp), in every environment so that the tests run under it.
# Kyoso's pages have no script of their own and load nothing from elsewhere; the API's docs
# page loads django-ninja's own files. Inline styles stay allowed: a few templates set widths
# with a style attribute, which cannot run anything.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# django-allauth: e-mail is the login; staff add TOTP (see kyoso.accounts.middleware).
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = os.environ.get("KYOSO_EMAIL_VERIFICATION", "mandatory")
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
}
ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD = "website"
ACCOUNT_ADAPTER = "kyoso.accounts.adapter.AccountAdapter"
MFA_ADAPTER = "kyoso.accounts.adapter.MFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Kyoso"
LOGIN_REDIRECT_URL = "catalog:home"
# A URL name, reversed in the language of the page the person signs out from.
ACCOUNT_LOGOUT_REDIRECT_URL = "catalog:home"
LOGIN_URL = "account_login"

KYOSO_DEMO_ALLOWED = False
KYOSO_STAFF_MFA_REQUIRED = env_bool("KYOSO_STAFF_MFA_REQUIRED", True)
KYOSO_SITE_NAME = os.environ.get("KYOSO_SITE_NAME", "Kyoso")
# Absolute links in e-mails sent outside a request (notifications, reminders).
KYOSO_SITE_URL = os.environ.get("KYOSO_SITE_URL", "http://127.0.0.1:8000")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
