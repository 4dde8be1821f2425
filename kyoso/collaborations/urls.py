"""URLs of collaborations: the public list and pages, the parties' workspace and actions, and
the desk's budget pages."""

from django.urls import path

from .views import agreement_activities, budget, public, records, work

app_name = "collaborations"
urlpatterns = [
    path("collaborations/", public.collaboration_list, name="list"),
    path("collaborations/mine/", work.mine, name="mine"),
    path("collaborations/new/", work.new, name="new"),
    path("collaborations/<int:pk>/", public.collaboration_detail, name="detail"),
    path("collaborations/<int:pk>/work/", work.workspace, name="workspace"),
    path("collaborations/<int:pk>/edit/", work.edit, name="edit"),
    path("collaborations/<int:pk>/milestones/<int:milestone_pk>/done/", work.milestone_done,
         name="milestone_done"),
    path("collaborations/<int:pk>/indicators/<int:indicator_pk>/actual/", work.actual,
         name="actual"),
    path("collaborations/<int:pk>/reports/<int:report_pk>/", work.report, name="report"),
    path("collaborations/<int:pk>/evaluations/<int:evaluation_pk>/", work.evaluation,
         name="evaluation"),
    path("collaborations/<int:pk>/evaluations/<int:evaluation_pk>/publish/",
         work.evaluation_publish, name="evaluation_publish"),
    path("collaborations/<int:pk>/<slug:kind>/<int:record_pk>/<slug:operation>/",
         records.record, name="record"),
    path("collaborations/<int:pk>/<slug:slug>/", work.action, name="action"),
    path("collaborations/agreements/<int:agreement_pk>/activities/",
         agreement_activities.agreement_activities, name="agreement_activities"),
    path("desk/budget/", budget.budget_list, name="budget_list"),
    path("desk/budget/<int:decision_pk>/", budget.budget_edit, name="budget"),
]
