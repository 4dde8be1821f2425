"""URLs of the desk pages of the collaboration desk."""

urlpatterns = []
