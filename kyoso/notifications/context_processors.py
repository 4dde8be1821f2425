def unread_notices(request):
    """How many notices the signed-in person has not read, for the header (one indexed count)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}

    def count():
        from .models import Notice

        return Notice.objects.filter(recipient=user).unread().count()

    # Counted only if a template asks (error pages and e-mails do not).
    return {"unread_notice_count": count}
