from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from kyoso.api.urls import api
from kyoso.core import views as core_views

# The admin signs in through allauth, so its second factor applies there too.
admin.site.login = secure_admin_login(admin.site.login)

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", api.urls),
]

# Japanese lives at the root, English under /en/.
urlpatterns += i18n_patterns(
    path("", include("kyoso.catalog.urls")),
    path("", include("kyoso.organizations.urls")),
    path("", include("kyoso.proposals.urls")),
    path("", include("kyoso.collaborations.urls")),
    path("", include("kyoso.cases.urls")),
    path("", include("kyoso.agreements.urls")),
    path("", include("kyoso.notifications.urls")),
    path("accounts/", include("kyoso.accounts.urls")),
    path("accounts/api-tokens/", include("kyoso.api.token_urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=False,
)

handler400 = "kyoso.core.views.bad_request"
handler403 = "kyoso.core.views.permission_denied"
handler404 = "kyoso.core.views.page_not_found"
handler500 = "kyoso.core.views.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
