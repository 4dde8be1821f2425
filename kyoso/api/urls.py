"""The versioned JSON API, mounted at /api/v1/ (see config/urls.py and docs/api.md).

Reads are public; a Django session (the signed-in web user) widens what the catalog shows to
that user's bodies. Write endpoints and token authentication come later, in this same version
only if they add to it without changing what exists.
"""

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, NinjaAPI, Router, Schema

from kyoso.catalog.counting import catalog_state
from kyoso.core.page_cache import share_public_answers

from . import conventions
from .schemas import LanguageParam, api_url
from .v1 import agreements, bodies, catalog, proposals, proposals_desk, proposals_public, statistics
from .v1 import collaborations as collaborations_v1

DESCRIPTION = """\
Public read access to Kyoso: government bodies (addressed by their 全国地方公共団体コード),
their departments and the catalog of projects they disclose.

* Lists answer `{"count", "next", "previous", "results"}`; `page` and `page_size`
  (default 20, at most 100) choose the page, `next`/`previous` are absolute URLs.
* Labels follow `?lang=ja|en` or the `Accept-Language` header; codes never change.
* Errors answer JSON: `404 {"detail": "..."}`, invalid parameters `422 {"detail": [...]}`.
* Signed-in staff (Django session) also see their own body's undisclosed projects.
"""

api = NinjaAPI(
    title="Kyoso API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api-v1",
    openapi_url="/openapi.json",
    docs_url="/docs",
    renderer=conventions.UnicodeJSONRenderer(),
    openapi_extra={
        "tags": [
            {"name": "Index", "description": "Links to everything else."},
            {"name": "Bodies", "description": "Prefectures, municipalities and agencies."},
            {"name": "Departments", "description": "Departments (部局・課) of a body."},
            {"name": "Catalog", "description": "Projects (事業) bodies disclose."},
            {"name": "Statistics", "description": "Proposals and adoption per fiscal year."},
            {"name": "Proposals", "description": "The proposer's side of a proposal (token or "
             "session)."},
            {"name": "Desk and departments", "description": "Inbox, queue and the actions of "
             "the desk and the assigned departments (token or session)."},
            {"name": "Published results", "description": "Decided proposals a body published."},
        ]
    },
)
conventions.install(api)

# Anonymous callers all get the same answers about the catalog and the bodies: shared as the
# catalog's pages are, until the catalog (or a body or department) changes (kyoso.core.page_cache).
for name in ("catalog_projects", "catalog_project", "bodies", "body_detail", "body_departments",
             "department_detail"):
    share_public_answers(f"api-v1:{name}", catalog_state,
                         language=conventions.requested_language)


class IndexOut(Schema):
    version: str
    bodies: str = Field(..., description="URL of the list of bodies.")
    catalog_projects: str = Field(..., description="URL of the project catalog.")
    agreements: str = Field(..., description="URL of the signed agreements.")
    collaborations: str = Field(..., description="URL of the public collaborations.")
    cases: str = Field(..., description="URL of the case library.")
    my_proposals: str = Field(..., description="URL of the caller's proposals (authenticated).")
    openapi: str = Field(..., description="URL of this API's OpenAPI document.")
    docs: str = Field(..., description="URL of the interactive documentation.")


@api.get("/", response=IndexOut, url_name="index", summary="Where to start", tags=["Index"])
def index(request, lang: LanguageParam = None):
    """Links to the collections of this version and to its documentation."""
    return {
        "version": api.version,
        "bodies": api_url(request, "bodies"),
        "catalog_projects": api_url(request, "catalog_projects"),
        "agreements": api_url(request, "agreements"),
        "collaborations": api_url(request, "collaborations"),
        "cases": api_url(request, "cases"),
        "my_proposals": api_url(request, "my_proposals"),
        "openapi": api_url(request, "openapi-json"),
        "docs": api_url(request, "openapi-view"),
    }


api.add_router("", bodies.router)
api.add_router("", bodies.departments_router)
api.add_router("", catalog.router)
api.add_router("", statistics.router)
api.add_router("", collaborations_v1.router)
api.add_router("", agreements.router)
# Fixed paths (results, inbox, assignments, mine) before /proposals/{id}.
api.add_router("", proposals_public.router)
api.add_router("", proposals_desk.router)
api.add_router("", proposals.router)

# Added last so that it only catches what no endpoint above matched: unknown paths under
# /api/v1/ answer JSON like the rest of the API, not the HTML error page.
fallback = Router()


@fallback.get("/{path:unmatched}", include_in_schema=False)
def unknown_endpoint(request, unmatched: str):
    raise Http404(_("This API version has no such endpoint."))


api.add_router("", fallback)
