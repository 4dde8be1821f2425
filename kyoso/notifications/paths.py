from django.conf import settings
from django.urls import Resolver404, resolve, reverse
from django.utils import translation


def path_in(path: str, language: str) -> str:
    """A path stored in the default language (no prefix), as it reads in ``language``.

    ``translate_url`` resolves in the active language, so it cannot move an unprefixed path
    into English; resolving in the default language first can.
    """
    with translation.override(settings.LANGUAGE_CODE):
        try:
            match = resolve(path)
        except Resolver404:
            return path
    with translation.override(language):
        return reverse(match.view_name, args=match.args, kwargs=match.kwargs)
