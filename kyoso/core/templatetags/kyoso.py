"""Template helpers for Japanese conventions: fiscal years, yen, query strings."""

from django import template
from django.utils.translation import get_language, gettext

from kyoso.core.fiscal import format_fiscal_year

register = template.Library()


@register.filter
def fiscal_year(value):
    """``2025`` → ``2025年度(令和7年度)`` / ``FY2025 (Reiwa 7)``."""
    if value in (None, ""):
        return ""
    return format_fiscal_year(int(value))


@register.filter
def yen(value):
    """Amounts in yen with grouping: ``12,345,000円`` / ``¥12,345,000``."""
    if value in (None, ""):
        return gettext("not stated")
    amount = f"{int(value):,}"
    if (get_language() or "ja").startswith("ja"):
        return f"{amount}円"
    return f"¥{amount}"


@register.simple_tag(takes_context=True)
def query_replace(context, **kwargs):
    """The current query string with some parameters replaced (pagination keeps the filters)."""
    query = context["request"].GET.copy()
    for key, value in kwargs.items():
        if value in (None, ""):
            query.pop(key, None)
        else:
            query[key] = value
    return query.urlencode()
