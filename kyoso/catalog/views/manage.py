"""Government staff keep their department's catalog entries."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kyoso.core.forms import apply_errors, create_once, earlier_submission
from kyoso.organizations.models import GovernmentBody
from kyoso.organizations.selectors import departments_kept_by

from .. import services
from ..forms import CatalogProjectForm, NewCatalogProjectForm
from ..selectors import catalog_project_for, catalog_projects_kept_by
from .public import page_size_from


@login_required
def manage_list(request):
    departments = departments_kept_by(request.user)
    if not departments.exists():
        raise PermissionDenied
    projects = catalog_projects_kept_by(request.user)
    paginator = Paginator(projects, page_size_from(request))
    bodies = [
        (body, request.user.has_perm("catalog.import_catalog", body))
        for body in GovernmentBody.objects.filter(memberships__user=request.user).distinct()
        if request.user.has_perm("catalog.export_catalog", body)
    ]
    return render(
        request,
        "catalog/manage_list.html",
        {
            "page": paginator.get_page(request.GET.get("page")),
            "departments": departments,
            "bodies": bodies,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def project_create(request):
    departments = departments_kept_by(request.user)
    if not departments.exists():
        raise PermissionDenied
    earlier = earlier_submission(request, "catalog.project.create")
    if earlier is not None:
        return redirect("catalog:project_detail", pk=earlier)
    form = NewCatalogProjectForm(request.POST or None, departments=departments)
    if request.method == "POST" and form.is_valid():
        try:
            pk, replayed = create_once(
                user=request.user, key=form.cleaned_data["submission_key"],
                operation="catalog.project.create",
                create=lambda: services.project_create(
                    actor=request.user,
                    department=form.cleaned_data["department"],
                    data=form.cleaned_data,
                ),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            if not replayed:
                messages.success(request, _("The project was added to the catalog."))
            return redirect("catalog:project_detail", pk=pk)
    return render(request, "catalog/project_form.html", {"form": form, "project": None})


@login_required
@require_http_methods(["GET", "POST"])
def project_update(request, pk):
    project = catalog_project_for(request.user, pk)
    if not request.user.has_perm("catalog.change_project", project):
        raise Http404
    departments = departments_kept_by(request.user).filter(body=project.body)
    form = CatalogProjectForm(request.POST or None, instance=project, departments=departments)
    if request.method == "POST" and form.is_valid():
        try:
            services.project_update(actor=request.user, project=project, data=form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Your changes were saved."))
            return redirect(project)
    return render(request, "catalog/project_form.html", {"form": form, "project": project})


@login_required
@require_http_methods(["GET", "POST"])
def project_delete(request, pk):
    project = catalog_project_for(request.user, pk)
    if not request.user.has_perm("catalog.delete_project", project):
        raise Http404
    if request.method == "POST":
        services.project_delete(actor=request.user, project=project)
        messages.success(request, _("The project was removed from the catalog."))
        return redirect("catalog:manage_list")
    return render(request, "catalog/project_confirm_delete.html", {"project": project})
