from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProposalsConfig(AppConfig):
    name = "kyoso.proposals"
    verbose_name = _("Proposals")
