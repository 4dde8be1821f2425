"""Helpers of the partner pages' tests."""

from django.urls import reverse
from django.utils import translation


def url(name, *args, language="ja"):
    with translation.override(language):
        return reverse(f"proposals:{name}", args=args)


def signed_in(client, user):
    client.force_login(user)
    return client
