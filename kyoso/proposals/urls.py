"""The collaboration desk's pages: partners' proposals, the desk and departments, public results.

Each area keeps its own URL list (``urls_partner``, ``urls_desk``, ``urls_public``); they share
the ``proposals`` namespace.
"""

from . import urls_desk, urls_partner, urls_public

app_name = "proposals"
urlpatterns = [*urls_partner.urlpatterns, *urls_desk.urlpatterns, *urls_public.urlpatterns]
