from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from . import services
from .forms import NoticeSettingsForm
from .models import Notice
from .paths import path_in


@login_required
def notice_list(request):
    notices = Notice.objects.filter(recipient=request.user)
    page = Paginator(notices, 30).get_page(request.GET.get("page"))
    return render(request, "notifications/notice_list.html", {
        "page": page,
        "notices": page.object_list,
        "unread": notices.unread().exists(),
    })


@login_required
def notice_open_view(request, pk):
    """Follow a notice: it counts as read, and the reader lands on what it is about (in the
    language they are reading in). Someone else's notice does not exist for them."""
    notice = get_object_or_404(Notice, pk=pk, recipient=request.user)
    services.notice_open(user=request.user, notice=notice)
    target = path_in(notice.url, get_language())
    if not url_has_allowed_host_and_scheme(target, allowed_hosts=None):
        target = "/"
    return redirect(target)


@login_required
@require_POST
def notice_read_all(request):
    count = services.notices_mark_all_read(user=request.user)
    if count:
        messages.success(request, _("All notices are marked as read."))
    return redirect("notifications:list")


@login_required
@require_http_methods(["GET", "POST"])
def notice_settings(request):
    user = request.user
    if request.method == "POST":
        form = NoticeSettingsForm(request.POST)
        if form.is_valid():
            services.notice_settings_update(
                user=user,
                language=form.cleaned_data["language"],
                email_notices=form.cleaned_data["email_notices"],
            )
            messages.success(request, _("Your notice settings are saved."))
            return redirect("notifications:settings")
    else:
        form = NoticeSettingsForm(
            initial={"language": user.language, "email_notices": user.email_notices}
        )
    return render(request, "notifications/notice_settings.html", {"form": form})
