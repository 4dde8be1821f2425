"""Import and export of a body's whole catalog (CSV/XLSX).

Only a body's administrators import; every member of the body may export (including undisclosed
projects, which members may see anyway). Someone who does not work for the body gets a 404, so
that the pages reveal nothing about another body's catalog.
"""

import tempfile

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponseBadRequest, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from kyoso.core.fiscal import parse_fiscal_year
from kyoso.organizations.models import GovernmentBody

from ..io.exporter import csv_lines, projects_for_export, write_xlsx
from ..io.importer import catalog_import
from ..models import CatalogProject

ERRORS_SHOWN = 500  # a page listing more helps nobody; the command prints them all
SESSION_KEY = "kyoso.catalog_import_result"
EXPORT_FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


class CatalogImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Catalog file (CSV or Excel .xlsx)"),
        help_text=gettext_lazy(
            "Headers in the first rows, one project per row. "
            "See the list of accepted columns below."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,.txt"}),
    )
    dry_run = forms.BooleanField(
        label=gettext_lazy("Check only: report problems and counts without importing"),
        required=False,
    )


def _body_for(user, code: str, permission: str) -> GovernmentBody:
    """The body, if the user holds the permission on it: 404 for outsiders, 403 for members."""
    body = get_object_or_404(GovernmentBody, code=code)
    if user.has_perm(permission, body):
        return body
    if user.has_perm("catalog.export_catalog", body):
        raise PermissionDenied
    raise Http404


def _fiscal_years(body) -> list[int]:
    return list(
        CatalogProject.objects.filter(body=body)
        .order_by("-fiscal_year")
        .values_list("fiscal_year", flat=True)
        .distinct()
    )


@login_required
@require_http_methods(["GET", "POST"])
def import_catalog(request, code):
    body = _body_for(request.user, code, "catalog.import_catalog")
    posted = request.method == "POST"
    form = CatalogImportForm(request.POST if posted else None, request.FILES if posted else None)
    result = None
    if posted and form.is_valid():
        upload = form.cleaned_data["file"]
        result = catalog_import(
            actor=request.user,
            body=body,
            uploaded_file=upload,
            filename=upload.name,
            dry_run=form.cleaned_data["dry_run"],
        )
        if result.ok and not result.dry_run:
            # Post/Redirect/Get: reloading the result page must not import the file again.
            request.session[SESSION_KEY] = {"body": body.code, **result.summary()}
            messages.success(request, _("The catalog was imported."))
            return redirect("catalog:import", code=body.code)
    summary = None
    if result is not None and result.ok:
        summary = result.summary()
    elif request.method == "GET":
        stored = request.session.pop(SESSION_KEY, None)
        if stored and stored.get("body") == body.code:
            summary = stored
    errors = result.errors if result is not None else []
    return render(
        request,
        "catalog/import.html",
        {
            "body": body,
            "form": form,
            "summary": summary,
            "errors": errors[:ERRORS_SHOWN],
            "error_count": len(errors),
            "errors_hidden": max(0, len(errors) - ERRORS_SHOWN),
            "ignored_columns": result.ignored_columns if result is not None else [],
            "fiscal_years": _fiscal_years(body),
            "max_rows": settings.KYOSO_IMPORT_MAX_ROWS,
            "max_megabytes": settings.KYOSO_IMPORT_MAX_BYTES // 1_048_576,
        },
    )


@login_required
@require_GET
def export_catalog(request, code, fmt):
    if fmt not in EXPORT_FORMATS:
        raise Http404
    body = get_object_or_404(GovernmentBody, code=code)
    if not request.user.has_perm("catalog.export_catalog", body):
        raise Http404
    fiscal_year = None
    if request.GET.get("fiscal_year"):
        try:
            fiscal_year = parse_fiscal_year(request.GET["fiscal_year"])
        except ValueError:
            return HttpResponseBadRequest(
                _("Enter a fiscal year such as 2025, 令和7年度 or R7."),
                content_type="text/plain; charset=utf-8",
            )
    projects = projects_for_export(body, user=request.user, fiscal_year=fiscal_year)
    filename = f"catalog-{body.code}{f'-{fiscal_year}' if fiscal_year else ''}.{fmt}"
    if fmt == "csv":
        response = StreamingHttpResponse(
            (line.encode("utf-8") for line in csv_lines(projects.iterator(chunk_size=1000))),
            content_type=EXPORT_FORMATS["csv"],
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    # A spooled file stays in memory for ordinary catalogs and moves to disk for huge ones.
    stream = tempfile.SpooledTemporaryFile(max_size=20 * 1024 * 1024)
    write_xlsx(projects.iterator(chunk_size=1000), stream)
    stream.seek(0)
    return FileResponse(
        stream, as_attachment=True, filename=filename, content_type=EXPORT_FORMATS["xlsx"]
    )
