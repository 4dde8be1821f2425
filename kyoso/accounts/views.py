from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from kyoso.organizations.selectors import memberships_for_dashboard

from .middleware import has_totp


@login_required
def dashboard(request):
    """The signed-in person's home: the bodies and organizations they act for, and what to do."""
    context = memberships_for_dashboard(request.user)
    context["has_totp"] = has_totp(request.user)
    context["is_staff_member"] = bool(context["body_memberships"]) or request.user.is_superuser
    return render(request, "accounts/dashboard.html", context)
