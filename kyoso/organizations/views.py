from django.shortcuts import get_object_or_404, render

from .models import GovernmentBody, Organization
from .selectors import bodies_for_navigation


def body_list(request):
    return render(request, "organizations/body_list.html", {"bodies": bodies_for_navigation()})


def body_detail(request, code):
    body = get_object_or_404(GovernmentBody.objects.active(), code=code)
    departments = body.departments.all()
    return render(
        request, "organizations/body_detail.html", {"body": body, "departments": departments}
    )


def organization_list(request):
    organizations = Organization.objects.order_by("name_kana", "name")
    return render(
        request, "organizations/organization_list.html", {"organizations": organizations}
    )


def organization_detail(request, pk):
    organization = get_object_or_404(Organization, pk=pk)
    return render(
        request, "organizations/organization_detail.html", {"organization": organization}
    )
