"""Every write to the catalog. Views, the API and commands all come through here."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction

from kyoso.core.audit import audit_record, diff_fields

from .counting import bump_catalog_version
from .models import CatalogProject

EDITABLE_FIELDS = (
    "department",
    "fiscal_year",
    "code",
    "name",
    "name_en",
    "purpose",
    "content",
    "budget_yen",
    "implementation",
    "beneficiaries",
    "field",
    "open_to_collaboration",
    "collaboration_forms",
    "contact",
    "disclosed",
)


def _snapshot(project: CatalogProject) -> dict:
    values = {name: getattr(project, name) for name in EDITABLE_FIELDS if name != "department"}
    values["department"] = project.department_id
    return values


@transaction.atomic
def project_create(*, actor, department, data: dict) -> CatalogProject:
    """Add a project to a department's catalog. The actor must keep that department."""
    if not actor.has_perm("catalog.add_project", department):
        raise PermissionDenied
    fields = {name: data[name] for name in EDITABLE_FIELDS if name in data and name != "department"}
    project = CatalogProject(
        body=department.body, department=department, updated_by=actor, **fields
    )
    project.full_clean()
    project.save()
    audit_record(
        actor=actor,
        action="catalog.project.create",
        target=project,
        body_code=department.body.code,
        changes=diff_fields({}, _snapshot(project)),
    )
    transaction.on_commit(bump_catalog_version)
    return project


@transaction.atomic
def project_update(*, actor, project: CatalogProject, data: dict) -> CatalogProject:
    """Change a catalog entry. Moving it to another department needs rights on both."""
    project = (
        CatalogProject.objects.select_for_update()
        .select_related("body", "department")
        .get(pk=project.pk)
    )
    if not actor.has_perm("catalog.change_project", project):
        raise PermissionDenied
    new_department = data.get("department")
    if new_department is not None and new_department.pk != project.department_id:
        if new_department.body_id != project.body_id or not actor.has_perm(
            "catalog.add_project", new_department
        ):
            raise PermissionDenied
    before = _snapshot(project)
    for name in EDITABLE_FIELDS:
        if name in data:
            setattr(project, name, data[name])
    project.updated_by = actor
    project.full_clean()
    project.save()
    changes = diff_fields(before, _snapshot(project))
    if changes:
        audit_record(
            actor=actor,
            action="catalog.project.update",
            target=project,
            body_code=project.body.code,
            changes=changes,
        )
        transaction.on_commit(bump_catalog_version)
    return project


@transaction.atomic
def project_delete(*, actor, project: CatalogProject) -> None:
    """Remove a catalog entry that was entered by mistake. Withdrawn projects are undisclosed."""
    if not actor.has_perm("catalog.delete_project", project):
        raise PermissionDenied
    audit_record(
        actor=actor,
        action="catalog.project.delete",
        target=project,
        body_code=project.body.code,
        changes=diff_fields(_snapshot(project), {}),
    )
    project.delete()
    transaction.on_commit(bump_catalog_version)
