"""Public pages: the list of published agreements and an agreement's page.

The agreement's page is one URL for everyone: the public read what is published, the parties
and the keeping body also see drafts, internal papers and what they may do.
"""

from __future__ import annotations

import rules
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from kyoso.catalog.counting import CachedCountPaginator
from kyoso.core.fiscal import format_fiscal_year

from .. import selectors
from ..forms import PublicFilterForm
from ..models import AgreementDocument

PAGE_SIZE = 20
PARTNERS_LISTED = 200


def _filter_form(request) -> PublicFilterForm:
    """The filters with their choices (``selectors.public_filter_choices``: usually remembered
    by the process, else one cheap query each). ``form.body_choices`` are the bodies with their
    ``<option>``s already rendered."""
    form = PublicFilterForm(request.GET or None)
    body_code = request.GET.get("body", "")
    # A national installation has thousands of partners: one list of all of them would make
    # every page a megabyte. Beyond PARTNERS_LISTED, the list waits for a body to be chosen
    # (a partner given in the address is still offered, so links keep working).
    choices = selectors.public_filter_choices(
        body=body_code, partner=request.GET.get("partner", ""), partners_listed=PARTNERS_LISTED
    )
    form.body_choices = choices.bodies
    # The field itself needs only the chosen body to validate it: giving it every body would
    # copy and normalize 1,788 choices on each visit (the template shows form.body_choices).
    form.fields["body"].choices = [("", _("All bodies"))] + [
        choice for choice in choices.bodies if choice[0] == body_code
    ]
    if not choices.all_partners:
        form.fields["partner"].help_text = _("Choose a body first to list its partners.")
    form.fields["partner"].choices = [("", _("All partners")), *choices.partners]
    form.fields["fiscal_year"].choices = [("", _("All fiscal years"))] + [
        (str(year), format_fiscal_year(year)) for year in choices.fiscal_years
    ]
    return form


def filters_from(form: PublicFilterForm) -> dict:
    """The valid filters of the form; an invalid choice is dropped, not an error page."""
    form.is_valid()
    data = getattr(form, "cleaned_data", {})
    return {
        "q": data.get("q", ""),
        "body": data.get("body", ""),
        "field": data.get("field", ""),
        "partner": int(data["partner"]) if data.get("partner") else None,
        "fiscal_year": int(data["fiscal_year"]) if data.get("fiscal_year") else None,
        "kind": data.get("kind", ""),
    }


@require_safe
def agreement_list(request):
    form = _filter_form(request)
    filters = filters_from(form)
    # Counting stops at the catalog's cap (2,000), as the API's does: beyond it the page says
    # "more than 2,000" instead of counting a nation's agreements on every visit.
    paginator = CachedCountPaginator(selectors.public_list(filters), PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    return render(request, "agreements/list.html", {
        "form": form, "page": page, "filters": filters,
    })


@require_safe
def agreement_detail(request, pk):
    agreement = selectors.agreement_for(request.user, pk)
    user = request.user
    internal = rules.has_perm("agreements.view_internal", user, agreement)
    documents = (agreement.documents.all() if internal
                 else selectors.public_documents(agreement))
    memoranda = agreement.memoranda.all() if internal else selectors.signed_memoranda(agreement)
    may = {
        name: rules.has_perm(f"agreements.{name}", user, agreement)
        for name in ("change_agreement", "change_partners", "amend_agreement", "sign_agreement",
                     "activate_agreement", "renew_agreement", "terminate_agreement",
                     "file_document", "draft_memorandum", "sign_memorandum", "publish_document",
                     "remove_document")
    }
    return render(request, "agreements/detail.html", {
        "agreement": agreement,
        "partners": [link.organization for link in agreement.partner_links.all()],
        "other_bodies": list(agreement.other_bodies.all()),
        "items": list(agreement.items.all()),
        "documents": list(documents),
        "memoranda": list(memoranda),
        "amendments": selectors.amendments_of(agreement, internal=internal),
        "internal": internal,
        "may": may,
        "proposal": agreement.proposal if internal else None,
    })


@require_safe
def document_download(request, pk, document_pk):
    agreement = selectors.agreement_for(request.user, pk)
    document = get_object_or_404(AgreementDocument, agreement=agreement, pk=document_pk)
    if not (
        (document.is_public and agreement.is_public)
        or rules.has_perm("agreements.view_internal", request.user, agreement)
    ):
        raise Http404
    response = FileResponse(
        document.file.open("rb"), as_attachment=True, filename=document.original_name,
        content_type=document.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
