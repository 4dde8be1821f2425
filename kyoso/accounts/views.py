from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from kyoso.organizations.selectors import memberships_for_dashboard


@login_required
def dashboard(request):
    """The signed-in person's home: the bodies and organizations they act for."""
    return render(request, "accounts/dashboard.html", memberships_for_dashboard(request.user))
