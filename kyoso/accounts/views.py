from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from kyoso.organizations.models import BodyMembership
from kyoso.organizations.selectors import memberships_for_dashboard

from .middleware import has_totp


@login_required
def dashboard(request):
    """The signed-in person's home: the bodies and organizations they act for, and what to do."""
    context = memberships_for_dashboard(request.user)
    context["has_totp"] = has_totp(request.user)
    context["is_staff_member"] = bool(context["body_memberships"]) or request.user.is_superuser
    roles = {membership.role for membership in context["body_memberships"]}
    context["is_desk"] = BodyMembership.Role.DESK in roles
    context["is_department_staff"] = BodyMembership.Role.DEPARTMENT in roles
    return render(request, "accounts/dashboard.html", context)
