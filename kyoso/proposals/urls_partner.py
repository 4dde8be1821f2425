"""URLs of the partner pages of the collaboration desk: writing, submitting and following a
proposal (``views/partner*.py``)."""

from django.urls import path

from .views import partner, partner_files, partner_submit, partner_thread, revisions

urlpatterns = [
    path("proposals/", partner.my_proposals, name="my_proposals"),
    path("proposals/new/", partner.proposal_new, name="new"),
    path("proposals/<int:pk>/", partner.task_list, name="task_list"),
    path("proposals/<int:pk>/sections/<slug:slug>/", partner.section_edit, name="section"),
    path("proposals/<int:pk>/partners/", partner.partners, name="partners"),
    path(
        "proposals/<int:pk>/partners/<int:link_pk>/remove/", partner.partner_remove,
        name="partner_remove",
    ),
    path(
        "proposals/partnerships/<int:link_pk>/", partner.partner_consent, name="partner_consent"
    ),
    path(
        "proposals/partnerships/<int:link_pk>/decline/", partner.partner_decline,
        name="partner_decline",
    ),
    path("proposals/<int:pk>/messages/", partner_thread.message, name="message"),
    path("proposals/<int:pk>/attachments/", partner_files.attachments, name="attachments"),
    path(
        "proposals/<int:pk>/attachments/<int:attachment_pk>/remove/",
        partner_files.attachment_delete, name="attachment_remove",
    ),
    path(
        "proposals/<int:pk>/attachments/<int:attachment_pk>/",
        partner_files.attachment_download, name="attachment_download",
    ),
    path("proposals/<int:pk>/check/", partner_submit.check_answers, name="check"),
    path("proposals/<int:pk>/submitted/", partner_submit.submitted, name="submitted"),
    path("proposals/<int:pk>/print/", partner_submit.print_copy, name="print"),
    path("proposals/<int:pk>/revise/", partner_submit.revise, name="revise"),
    path("proposals/<int:pk>/revisions/", partner_submit.revisions, name="revisions"),
    path("proposals/<int:pk>/revisions/<int:number>/", revisions.revision_detail,
         name="revision"),
    path("proposals/<int:pk>/withdraw/", partner_submit.withdraw, name="withdraw"),
    path(
        "proposals/<int:pk>/release/", partner_submit.release_confidential,
        name="release_confidential",
    ),
]
