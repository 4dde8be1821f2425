"""The versioned JSON API, mounted at /api/v1/ (see config/urls.py)."""

from ninja import NinjaAPI

api = NinjaAPI(
    title="Kyoso API",
    version="1",
    description="Public and authenticated access to Kyoso: bodies, catalog, proposals.",
    urls_namespace="api-v1",
    openapi_url="/openapi.json",
    docs_url="/docs",
)
