"""Permissions on the catalog, one per action.

The object of ``add_project`` is a department; of ``import_catalog`` and ``export_catalog`` a body;
of the others a catalog project.
"""

import rules

from kyoso.organizations.predicates import (
    is_admin_of_body,
    is_department_member,
    is_member_of_body,
    is_platform_admin,
)


@rules.predicate
def is_project_disclosed(user, project):
    return project is not None and project.disclosed


@rules.predicate
def works_for_project_body(user, project):
    return project is not None and is_member_of_body(user, project.body)


@rules.predicate
def keeps_project(user, project):
    """Staff of the project's department, or an administrator of its body."""
    if project is None:
        return False
    return is_department_member(user, project.department) or is_admin_of_body(user, project.body)


@rules.predicate
def keeps_department(user, department):
    if department is None:
        return False
    return is_department_member(user, department) or is_admin_of_body(user, department.body)


rules.add_perm(
    "catalog.view_project", is_project_disclosed | works_for_project_body | is_platform_admin
)
rules.add_perm("catalog.change_project", keeps_project | is_platform_admin)
rules.add_perm("catalog.delete_project", keeps_project | is_platform_admin)
rules.add_perm("catalog.add_project", keeps_department | is_platform_admin)
rules.add_perm("catalog.import_catalog", is_admin_of_body | is_platform_admin)
rules.add_perm("catalog.export_catalog", is_member_of_body | is_platform_admin)
