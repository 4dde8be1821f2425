"""URLs of the partner pages of the collaboration desk."""

urlpatterns = []
