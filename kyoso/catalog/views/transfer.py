"""Import and export of a body's whole catalog (CSV/XLSX). Being written; see issue 2."""

from django.http import Http404


def import_catalog(request, code):
    raise Http404


def export_catalog(request, code, fmt):
    raise Http404
