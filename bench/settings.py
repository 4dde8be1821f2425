"""Production settings plus a bare view (``/bench/bare``) that measures the server's ceiling."""

from config.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.bare_urls"
# The benchmark talks to gunicorn directly, without the TLS proxy production sits behind.
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SESSION_COOKIE_NAME = "sessionid"
CSRF_COOKIE_NAME = "csrftoken"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
