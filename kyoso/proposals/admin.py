"""Read-mostly admin for platform administrators.

Every change of a proposal goes through the audited services; the admin only shows records,
so that nobody can move a proposal to any state from a form (and confidential sections are not
listed).
"""

from django.contrib import admin

from .models import Assignment, Decision, Meeting, Message, Proposal, ProposalRevision


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class AssignmentInline(admin.TabularInline):
    model = Assignment
    fields = ("department", "state", "assigned_at", "due_at", "answered_at")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Proposal)
class ProposalAdmin(ReadOnlyAdmin):
    list_display = ("reference", "title", "body", "organization", "state", "submitted_at",
                    "due_at")
    list_filter = ("state", "kind", "funding", "body__kind")
    search_fields = ("reference", "title", "organization__name", "body__name", "body__code")
    list_select_related = ("body", "organization")
    # Sections that may be confidential are left out: idea protection holds in the admin too.
    fields = ("reference", "body", "organization", "author", "kind", "title", "state",
              "state_reason", "version", "fiscal_year", "submitted_at", "due_at", "decided_at",
              "published_at", "confidential_sections", "released_at", "forwarded_from")
    readonly_fields = fields
    inlines = [AssignmentInline]


@admin.register(Decision)
class DecisionAdmin(ReadOnlyAdmin):
    list_display = ("assignment", "outcome", "collaboration_form", "decided_at",
                    "needs_countersignature", "countersigned_at", "effective_at",
                    "superseded_at")
    list_filter = ("outcome", "needs_countersignature")
    list_select_related = ("assignment__proposal", "assignment__department")


@admin.register(Assignment)
class AssignmentAdmin(ReadOnlyAdmin):
    list_display = ("proposal", "department", "state", "assigned_at", "due_at", "answered_at")
    list_filter = ("state",)
    list_select_related = ("proposal", "department")


@admin.register(ProposalRevision)
class ProposalRevisionAdmin(ReadOnlyAdmin):
    list_display = ("proposal", "number", "created_at")
    exclude = ("snapshot", "changes")


@admin.register(Message)
class MessageAdmin(ReadOnlyAdmin):
    list_display = ("proposal", "side", "author", "created_at")
    exclude = ("text",)


@admin.register(Meeting)
class MeetingAdmin(ReadOnlyAdmin):
    list_display = ("proposal", "held_at", "place")
    exclude = ("minutes",)
