from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

# Each language names itself, so that a reader who does not know the current one finds theirs.
_OWN_NAMES = {"ja": "日本語", "en": "English"}


def site(request):
    return {"site_name": settings.KYOSO_SITE_NAME}


def language_links(request):
    """Links to this page in the other languages: plain links work without JavaScript or cookies.

    The language is part of the URL (Japanese at /, English under /en/), so switching is moving
    to the same page's address in the other language.
    """
    current = (get_language() or settings.LANGUAGE_CODE)[:2]
    path = request.get_full_path()
    return {
        "language_links": [
            {"code": code, "name": _OWN_NAMES.get(code, code), "url": translate_url(path, code)}
            for code, _ in settings.LANGUAGES
            if code != current
        ]
    }
