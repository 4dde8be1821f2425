from django.conf import settings


def site(request):
    return {"site_name": settings.KYOSO_SITE_NAME}
