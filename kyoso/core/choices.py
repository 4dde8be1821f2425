"""Vocabularies shared by several capabilities."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PolicyField(models.TextChoices):
    """Fields of policy and activity (分野), close to those prefectures use in their catalogs."""

    WELFARE = "welfare", _("Health, medical care and welfare")
    CHILDREN = "children", _("Children and child-rearing")
    EDUCATION = "education", _("Education and youth")
    COMMUNITY = "community", _("Community and town development")
    ENVIRONMENT = "environment", _("Environment")
    DISASTER = "disaster", _("Disaster prevention and safety")
    INDUSTRY = "industry", _("Industry, employment and labour")
    AGRICULTURE = "agriculture", _("Agriculture, forestry and fisheries")
    TOURISM = "tourism", _("Tourism and promotion")
    CULTURE = "culture", _("Culture, arts and sport")
    INTERNATIONAL = "international", _("International exchange and cooperation")
    HUMAN_RIGHTS = "human_rights", _("Human rights and gender equality")
    INFRASTRUCTURE = "infrastructure", _("Infrastructure and transport")
    ADMINISTRATION = "administration", _("Administration and finance")


class CollaborationForm(models.TextChoices):
    """Forms of collaboration a body may offer or a proposal may ask for."""

    OUTSOURCING = "outsourcing", _("Outsourcing (委託)")
    SUBSIDY = "subsidy", _("Subsidy (補助)")
    CO_HOSTING = "co_hosting", _("Co-hosting (共催)")
    ENDORSEMENT = "endorsement", _("Endorsement (後援)")
    COOPERATION = "cooperation", _("Project cooperation (事業協力)")
    JOINT_COMMITTEE = "joint_committee", _("Joint executive committee (実行委員会)")
