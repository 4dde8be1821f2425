"""URLs of the desk pages of the collaboration desk: the desk's inbox, a department's queue, and
a proposal's workspace with one URL per action (each a POST; GET shows its form or confirmation).
"""

from django.urls import path

from .views import desk, desk_actions

urlpatterns = [
    path("desk/", desk.inbox, name="desk_inbox"),
    path("desk/assignments/", desk.queue, name="desk_queue"),
    path("desk/proposals/<int:pk>/", desk.workspace, name="desk_proposal"),
    path("desk/proposals/<int:pk>/accept/", desk_actions.accept, name="desk_accept"),
    path("desk/proposals/<int:pk>/return/", desk_actions.return_for_revision, name="desk_return"),
    path(
        "desk/proposals/<int:pk>/out-of-scope/", desk_actions.out_of_scope,
        name="desk_out_of_scope",
    ),
    path("desk/proposals/<int:pk>/forward/", desk_actions.forward, name="desk_forward"),
    path("desk/proposals/<int:pk>/route/", desk_actions.route, name="desk_route"),
    path("desk/proposals/<int:pk>/publish/", desk_actions.publish, name="desk_publish"),
    path("desk/proposals/<int:pk>/close/", desk_actions.close, name="desk_close"),
    path("desk/proposals/<int:pk>/messages/", desk_actions.message, name="desk_message"),
    path("desk/proposals/<int:pk>/meetings/", desk_actions.meeting, name="desk_meeting"),
    path(
        "desk/proposals/<int:pk>/assignments/<int:assignment_pk>/reassign/",
        desk_actions.reassign, name="desk_reassign",
    ),
    path(
        "desk/proposals/<int:pk>/assignments/<int:assignment_pk>/decide/",
        desk_actions.decide, name="desk_decide",
    ),
    path(
        "desk/proposals/<int:pk>/decisions/<int:decision_pk>/countersign/",
        desk_actions.countersign, name="desk_countersign",
    ),
    path(
        "desk/proposals/<int:pk>/decisions/<int:decision_pk>/countersign/refuse/",
        desk_actions.countersign_refuse, name="desk_countersign_refuse",
    ),
]
