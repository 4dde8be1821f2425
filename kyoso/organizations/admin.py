"""Django admin for platform administrators: bodies, departments, organizations, memberships.

Day-to-day changes go through Kyoso's own pages (which call the audited services); the admin is
the platform administrator's tool for setting up tenants and correcting data.
"""

from django.contrib import admin

from kyoso.core.admin import AuditedAdminMixin

from .models import BodyMembership, Department, GovernmentBody, Organization, OrganizationMembership


class DepartmentInline(admin.TabularInline):
    model = Department
    extra = 0
    fields = ("name", "name_en", "bureau", "is_desk", "phone", "email")


@admin.register(GovernmentBody)
class GovernmentBodyAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ("code", "name", "name_en", "kind", "parent", "is_active")
    list_filter = ("kind", "is_active", "principle_of_yes")
    search_fields = ("code", "name", "name_kana", "name_en")
    list_select_related = ("parent",)
    autocomplete_fields = ("parent",)
    inlines = [DepartmentInline]


@admin.register(Department)
class DepartmentAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ("name", "bureau", "body", "is_desk")
    list_filter = ("is_desk", "body__kind")
    search_fields = ("name", "name_en", "bureau", "body__name", "body__code")
    list_select_related = ("body",)
    autocomplete_fields = ("body",)


@admin.register(BodyMembership)
class BodyMembershipAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ("user", "body", "role", "department", "created_at")
    list_filter = ("role", "body__kind")
    search_fields = ("user__email", "user__display_name", "body__name", "body__code")
    list_select_related = ("user", "body", "department")
    autocomplete_fields = ("user", "body", "department")


class OrganizationMembershipInline(admin.TabularInline):
    model = OrganizationMembership
    extra = 0
    autocomplete_fields = ("user",)
    fields = ("user", "role", "status")


@admin.register(Organization)
class OrganizationAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ("name", "kind", "is_intermediary", "corporate_number", "prefecture")
    list_filter = ("kind", "is_intermediary", "prefecture")
    search_fields = ("name", "name_kana", "name_en", "corporate_number")
    list_select_related = ("prefecture",)
    readonly_fields = ("created_by", "created_at", "updated_at")
    inlines = [OrganizationMembershipInline]


@admin.register(OrganizationMembership)
class OrganizationMembershipAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ("user", "organization", "role", "status", "created_at")
    list_filter = ("role", "status")
    search_fields = ("user__email", "organization__name", "organization__name_kana")
    list_select_related = ("user", "organization")
    autocomplete_fields = ("user", "organization")
