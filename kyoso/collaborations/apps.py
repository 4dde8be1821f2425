from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CollaborationsConfig(AppConfig):
    name = "kyoso.collaborations"
    verbose_name = _("Collaborations")

    def ready(self):
        # The notice kinds must be known wherever a notice is read or e-mailed (the worker too).
        from . import notices  # noqa: F401
