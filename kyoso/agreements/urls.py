from django.urls import path

from .views import amendments, manage, parties, public

app_name = "agreements"
urlpatterns = [
    path("agreements/", public.agreement_list, name="list"),
    path("agreements/mine/", manage.mine, name="mine"),
    path("agreements/new/", manage.create, name="create"),
    path(
        "agreements/from-proposal/<int:proposal_pk>/", manage.create_from_proposal,
        name="create_from_proposal",
    ),
    path("agreements/<int:pk>/", public.agreement_detail, name="detail"),
    path("agreements/<int:pk>/edit/", manage.edit, name="edit"),
    path("agreements/<int:pk>/partners/", parties.partners, name="partners"),
    path("agreements/<int:pk>/documents/new/", manage.document_add, name="document_add"),
    path(
        "agreements/<int:pk>/documents/<int:document_pk>/", public.document_download,
        name="document",
    ),
    path(
        "agreements/<int:pk>/documents/<int:document_pk>/<str:change>/", manage.document_change,
        name="document_change",
    ),
    path("agreements/<int:pk>/amendments/new/", amendments.amendment_add, name="amendment_add"),
    path("agreements/<int:pk>/memoranda/new/", manage.memorandum_add, name="memorandum_add"),
    path(
        "agreements/<int:pk>/memoranda/<int:memorandum_pk>/sign/", manage.memorandum_sign,
        name="memorandum_sign",
    ),
    path("agreements/<int:pk>/<str:verb>/", manage.move, name="move"),
]
