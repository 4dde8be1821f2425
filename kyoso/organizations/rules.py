"""Permissions on bodies and partner organizations, one per action."""

import rules

from .predicates import (
    is_admin_of_body,
    is_member_of_body,
    is_organization_admin,
    is_organization_member,
    is_platform_admin,
)

rules.add_perm("organizations.manage_body", is_platform_admin | is_admin_of_body)
rules.add_perm("organizations.view_body_internal", is_platform_admin | is_member_of_body)
rules.add_perm("organizations.change_organization", is_platform_admin | is_organization_admin)
rules.add_perm("organizations.manage_members", is_platform_admin | is_organization_admin)
rules.add_perm("organizations.view_members", is_platform_admin | is_organization_member)
rules.add_perm("organizations.register_organization", rules.is_authenticated)
rules.add_perm(
    "organizations.join_organization", rules.is_authenticated & ~is_organization_member
)
