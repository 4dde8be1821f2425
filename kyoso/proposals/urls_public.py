"""URLs of the public pages of the collaboration desk."""

urlpatterns = []
