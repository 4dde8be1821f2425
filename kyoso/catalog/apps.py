from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogConfig(AppConfig):
    name = "kyoso.catalog"
    verbose_name = _("Project catalog")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from kyoso.organizations.models import Department, GovernmentBody

        from .counting import catalog_shown_data_changed

        # Catalog pages show bodies' and departments' names (and the home page counts
        # municipalities): a change to them, from any path, retires the shared pages too.
        for model in (GovernmentBody, Department):
            for signal in (post_save, post_delete):
                signal.connect(catalog_shown_data_changed, sender=model,
                               dispatch_uid=f"catalog-pages-{model.__name__}-{signal}")
