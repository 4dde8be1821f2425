"""Admin changes are writes that matter too: every save and delete in the admin is audited."""

from .audit import audit_record


def _body_code(obj) -> str:
    body = getattr(obj, "body", None)
    if body is not None:
        return body.code
    code = getattr(obj, "code", "")
    return code if obj._meta.model_name == "governmentbody" else ""


def _changes(form) -> dict:
    # Never a password, not even a hash: the audit trail is read by more people than admins.
    return {
        name: [form.initial.get(name), form.cleaned_data.get(name)]
        for name in form.changed_data
        if "password" not in name
    }


class AuditedAdminMixin:
    """Records an ``admin.<model>.<create|update|delete>`` event for the admin's writes,
    including those made in inlines. (The admin runs each change in one transaction, so the
    event commits with the change.)"""

    def _audit(self, request, obj, verb, changes=None):
        audit_record(
            actor=request.user,
            action=f"admin.{obj._meta.model_name}.{verb}",
            target=obj,
            body_code=_body_code(obj),
            changes=changes or {},
        )

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        self._audit(request, obj, "update" if change else "create", _changes(form))

    def delete_model(self, request, obj):
        self._audit(request, obj, "delete")
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self._audit(request, obj, "delete")
        super().delete_queryset(request, queryset)

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        for obj in formset.new_objects:
            self._audit(request, obj, "create")
        for obj, fields in formset.changed_objects:
            self._audit(
                request, obj, "update", {name: [None, getattr(obj, name, None)] for name in fields}
            )
        for obj in formset.deleted_objects:
            self._audit(request, obj, "delete")
