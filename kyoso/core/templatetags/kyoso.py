"""Template helpers for Japanese conventions: fiscal years, yen, query strings."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext

from kyoso.core.fiscal import format_fiscal_year
from kyoso.core.text import join_names as join_names_in_language

register = template.Library()


@register.filter
def fiscal_year(value):
    """``2025`` → ``2025年度(令和7年度)`` / ``FY2025 (Reiwa 7)``."""
    if value in (None, ""):
        return ""
    return format_fiscal_year(int(value))


@register.filter
def join_names(values):
    """A list in the language of the page: 「A、B」 / "A, B"."""
    return join_names_in_language(values or ())


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


class PrerenderedChoices(list):
    """Choices whose ``<option>``s are rendered once and then reused by ``select_options``.

    For long lists that rarely change and are shown on many pages (1,788 bodies on every
    catalog page of a national installation): rendering them is most of a page's template time.
    """

    _html: str | None = None

    def options_html(self) -> str:
        if self._html is None:
            self._html = _render_options(self, "")
        return self._html


def _render_options(choices, selected: str) -> str:
    parts = []

    def option(value, label):
        value = str(value)
        return format_html(
            '<option value="{}"{}>{}</option>',
            value,
            mark_safe(" selected") if value == selected else "",  # noqa: S308
            label,
        )

    for value, label in choices:
        if isinstance(label, (list, tuple)):
            parts.append(format_html('<optgroup label="{}">', value))
            parts.extend(option(v, lbl) for v, lbl in label)
            parts.append(mark_safe("</optgroup>"))  # noqa: S308
        else:
            parts.append(option(value, label))
    return "".join(parts)


@register.simple_tag
def select_options(choices, selected=None):
    """``<option>``s for ``choices`` (Django's format, groups allowed), marking ``selected``.

    Built in Python rather than through widget templates: a filter form with long selects (1,788
    bodies, a prefecture's departments) costs far less this way, and the markup is the same.
    """
    selected = "" if selected is None else str(selected)
    if isinstance(choices, PrerenderedChoices):
        html = choices.options_html()
        if selected:
            plain = format_html('<option value="{}">', selected)
            html = html.replace(plain, plain[:-1] + " selected>", 1)
        return mark_safe(html)  # noqa: S308 - rendered by _render_options, escaped
    return mark_safe(_render_options(choices, selected))  # noqa: S308 - escaped by format_html
