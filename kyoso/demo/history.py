"""Saga's proposal history, FY2006–FY2012, from which the statistics pages reproduce both tables
of ``seeds/000_*`` exactly.

The figures below are the targets; the records are built to meet them and the statistics are
then *computed* from the records like any body's (``kyoso.proposals.statistics``), never read
from here. Each proposal is a consistent record of a finished journey: submitted with a reference
and a first revision, routed to one or two departments, decided by each (a non-adoption under
Saga's principle of saying yes countersigned by the desk), published and closed. Some FY2006–08
proposals were decided by two departments, which is why Saga counted more proposals than it
received documents. Municipalities that took part in a year but decided nothing received a
proposal that was closed as out of scope.

Written in bulk straight to the models (not through the services: it is history, not actions, and
must stay fast), so it sets what the services would have set.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db import connection

from kyoso.catalog.models import CatalogProject
from kyoso.core.choices import CollaborationForm
from kyoso.organizations.models import Department, GovernmentBody, Organization
from kyoso.proposals.models import (
    Assignment,
    Decision,
    Proposal,
    ProposalRevision,
    ReferenceCounter,
)
from kyoso.proposals.models.proposals import EDITABLE_FIELDS

from .world import history_texts as texts

TOKYO = ZoneInfo("Asia/Tokyo")
Outcome = Decision.Outcome


@dataclass(frozen=True)
class YearFigures:
    """What Saga published for one fiscal year and level (see seeds/000_*)."""

    fiscal_year: int
    organizations: int
    proposals: int  # counted once per deciding department
    adopted: int
    decided_twice: int = 0  # documents decided by two departments
    participating: int = 0  # municipalities that took part (municipal level only)


PREFECTURE_HISTORY = (
    # 協働化テスト: proposals on the disclosed projects.
    YearFigures(2006, 14, 185, 79, decided_twice=10),
    YearFigures(2007, 27, 80, 59, decided_twice=3),
    YearFigures(2008, 48, 74, 52, decided_twice=2),
    # CSO提案型協働創出事業: new projects too, and proposals to municipalities.
    YearFigures(2009, 15, 25, 22),
    YearFigures(2010, 14, 21, 18),
    YearFigures(2011, 20, 31, 30, decided_twice=1),
    YearFigures(2012, 27, 78, 78),
)
MUNICIPAL_HISTORY = (
    YearFigures(2009, 17, 38, 19, participating=18),
    YearFigures(2010, 8, 11, 4, participating=18),
    YearFigures(2011, 22, 33, 19, participating=19),
    YearFigures(2012, 16, 20, 6, participating=17),
)
# Saga's programmes were for CSOs (NPOs, voluntary groups, foundations, co-operatives...).
PROPOSER_KINDS = {
    "npo_corporation", "voluntary", "public_interest", "general_incorporated", "cooperative",
    "social_welfare", "other",
}


def _at(year: int, month: int, day: int) -> dt.datetime:
    return dt.datetime(year, month, day, 10, 0, tzinfo=TOKYO)


@dataclass
class _Planned:
    """One document (proposal) and the decisions it gets, before it is written."""

    body: GovernmentBody
    organization: Organization
    title: str
    content: str
    form: str
    departments: list[Department]
    outcomes: list[str]
    targets: list[CatalogProject]
    is_new_project: bool = False
    out_of_scope: str = ""


class _History:
    def __init__(self, rng: random.Random, saga: GovernmentBody, desk_user):
        self.rng = rng
        self.saga = saga
        self.desk_user = desk_user
        self.organizations = list(
            Organization.objects.filter(prefecture=saga, kind__in=PROPOSER_KINDS).order_by("pk")
        )
        self.by_name = {organization.name: organization for organization in self.organizations}
        self.sources = self._current_projects()
        self.copies: dict[tuple[int, int], CatalogProject] = {}
        self.serials: dict[tuple[int, int], int] = defaultdict(int)
        self.planned: dict[tuple[int, int], list[_Planned]] = defaultdict(list)
        self.deciders: dict[int, list[Department]] = {}

    def _current_projects(self) -> dict[int, list[CatalogProject]]:
        """This year's disclosed projects of each (non-desk) department, as models for the
        projects the old proposals targeted."""
        projects = defaultdict(list)
        queryset = (
            CatalogProject.objects.filter(
                body__in=[self.saga, *self.saga.municipalities.all()], fiscal_year=2026,
                disclosed=True, department__is_desk=False,
            )
            .select_related("department")
            .order_by("id")
        )
        for project in queryset:
            projects[project.department_id].append(project)
        return projects

    # Targets: last century's catalog is not in the demo, so the projects a proposal targeted
    # are recreated for its fiscal year from this year's project of the same department.
    def _target(self, department: Department, year: int) -> CatalogProject:
        source = self.rng.choice(self.sources[department.pk])
        key = (source.pk, year)
        if key not in self.copies:
            self.serials[(department.body_id, year)] += 1
            copy = CatalogProject(
                body_id=department.body_id, department=department, fiscal_year=year,
                code=f"H{year - 1988}-{self.serials[(department.body_id, year)]:04d}",
                name=source.name, name_en=source.name_en, purpose=source.purpose,
                content=source.content, budget_yen=source.budget_yen,
                implementation=source.implementation, beneficiaries=source.beneficiaries,
                field=source.field, open_to_collaboration=True,
                collaboration_forms=source.collaboration_forms, contact=source.contact,
            )
            copy.search_text = copy.build_search_text(department_name=department.name)
            self.copies[key] = copy
        return self.copies[key]

    def _departments(self, body: GovernmentBody) -> list[Department]:
        if body.pk not in self.deciders:
            self.deciders[body.pk] = [
                d for d in body.departments.order_by("pk") if d.pk in self.sources
            ]
        return self.deciders[body.pk]

    def _outcome(self, adopted: bool) -> str:
        roll = self.rng.random()
        if adopted:
            if roll < 0.85:
                return Outcome.ADOPT_THIS_YEAR
            return Outcome.ADOPT_LATER_YEAR if roll < 0.95 else Outcome.ADOPT_BY_ABOLITION
        return Outcome.NOT_ADOPTED if roll < 0.75 else Outcome.TAKEN_AS_OPINION

    def plan_year(self, bodies: list[GovernmentBody], figures: YearFigures, *, new_share: float):
        """Documents for one year and level that give exactly ``figures``."""
        rng, year = self.rng, figures.fiscal_year
        documents = figures.proposals - figures.decided_twice
        featured = [f for f in texts.FEATURED if f.fiscal_year == year and self.saga in bodies]
        for spec in featured:
            departments = [self.saga.departments.get(name=name) for name in spec.departments]
            self.planned[(self.saga.pk, year)].append(_Planned(
                body=self.saga, organization=self.by_name[spec.organization], title=spec.title,
                content=spec.content, form=spec.form, departments=departments,
                outcomes=[Outcome.ADOPT_THIS_YEAR] * len(departments),
                targets=[self._target(d, year) for d in departments],
            ))
        featured_orgs = {self.by_name[spec.organization] for spec in featured}
        others = [o for o in self.organizations if o not in featured_orgs]
        chosen = rng.sample(others, figures.organizations - len(featured_orgs))
        # Every chosen organization proposes at least once; a few propose a great deal.
        busy = chosen[: max(3, len(chosen) // 4)]
        remaining = documents - len(featured)
        proposers = chosen + [
            rng.choice(busy) if rng.random() < 0.6 else rng.choice(chosen)
            for _ in range(remaining - len(chosen))
        ]
        rng.shuffle(proposers)
        # Which decisions adopt: featured ones always, the rest drawn to give the exact count.
        featured_slots = sum(len(f.departments) for f in featured)
        verdicts = [True] * (figures.adopted - featured_slots) + [False] * (
            figures.proposals - figures.adopted
        )
        rng.shuffle(verdicts)
        doubles = figures.decided_twice - sum(len(f.departments) - 1 for f in featured)
        twice = set(rng.sample(range(remaining), doubles))
        for index, organization in enumerate(proposers):
            body = bodies[index % len(bodies)]
            departments = rng.sample(self._departments(body), 2 if index in twice else 1)
            outcomes = [self._outcome(verdicts.pop()) for _ in departments]
            is_new = rng.random() < new_share
            targets = [] if is_new else [self._target(d, year) for d in departments]
            title = (rng.choice(texts.NEW_PROJECT_TITLES) if is_new
                     else rng.choice(texts.TITLES).format(name=targets[0].name))
            forms = targets[0].collaboration_forms if targets else []
            self.planned[(body.pk, year)].append(_Planned(
                body=body, organization=organization, title=title,
                content=texts.NEW_CONTENT if is_new else texts.CONTENT,
                form=rng.choice(forms or CollaborationForm.values), departments=departments,
                outcomes=outcomes, targets=targets, is_new_project=is_new,
            ))
        if verdicts:
            raise ValueError(f"FY{year}: the history's figures do not add up")

    def plan_municipal_year(self, figures: YearFigures):
        municipalities = list(self.saga.municipalities.order_by("code"))
        taking_part = self.rng.sample(municipalities, figures.participating)
        deciding = taking_part[: min(figures.proposals, len(taking_part))]
        self.plan_year(deciding, figures, new_share=0.4)
        for body in taking_part[len(deciding):]:
            # Took part, but its only proposal was not for it to decide.
            self.planned[(body.pk, figures.fiscal_year)].append(_Planned(
                body=body, organization=self.rng.choice(self.organizations),
                title=self.rng.choice(texts.NEW_PROJECT_TITLES), content=texts.NEW_CONTENT,
                form=CollaborationForm.COOPERATION, departments=[], outcomes=[], targets=[],
                is_new_project=True, out_of_scope=self.rng.choice(texts.OUT_OF_SCOPE_REASONS),
            ))

    def write(self) -> int:
        CatalogProject.objects.bulk_create(list(self.copies.values()), batch_size=500)
        proposals, plans, counters = [], [], []
        for (body_id, year), planned in sorted(self.planned.items(), key=lambda item: item[0]):
            for serial, plan in enumerate(planned, start=1):
                proposals.append(self._proposal(plan, year, serial))
                plans.append(plan)
            counters.append(ReferenceCounter(body_id=body_id, fiscal_year=year,
                                             last_number=len(planned)))
        ReferenceCounter.objects.bulk_create(counters)
        Proposal.objects.bulk_create(proposals, batch_size=500)
        # auto_now(_add) put today's date on these; history keeps its own.
        for proposal in proposals:
            proposal.created_at = proposal.submitted_at
            proposal.updated_at = proposal.published_at or proposal.submitted_at
        Proposal.objects.bulk_update(proposals, ["created_at", "updated_at"], batch_size=500)
        through = Proposal.target_projects.through
        through.objects.bulk_create([
            through(proposal_id=proposal.pk, catalogproject_id=target.pk)
            for proposal, plan in zip(proposals, plans, strict=True) for target in plan.targets
        ], batch_size=1_000)
        ProposalRevision.objects.bulk_create([
            ProposalRevision(proposal=proposal, number=1, snapshot=self._snapshot(proposal, plan))
            for proposal, plan in zip(proposals, plans, strict=True)
        ], batch_size=500)
        self._decisions(proposals, plans)
        if connection.vendor == "postgresql":
            # Fresh bulk inserts leave the planner guessing "a few rows" until autovacuum runs;
            # the statistics' joins would then be planned as nested loops over everything.
            with connection.cursor() as cursor:
                for model in (Proposal, Assignment, Decision, CatalogProject):
                    cursor.execute(f'ANALYZE "{model._meta.db_table}"')
        return len(proposals)

    def _proposal(self, plan: _Planned, year: int, serial: int) -> Proposal:
        rng = self.rng
        submitted = _at(year, rng.randint(6, 11), rng.randint(1, 28))
        proposal = Proposal(
            body=plan.body, organization=plan.organization, title=plan.title,
            content=plan.content, background="", expected_effect="",
            collaboration_form=plan.form, is_new_project=plan.is_new_project,
            funding=rng.choice(Proposal.Funding.values), version=1,
            reference=f"{plan.body.code}-{year}-{serial:04d}", fiscal_year=year,
            submitted_at=submitted,
            due_at=submitted + dt.timedelta(days=plan.body.answer_days),
        )
        if plan.out_of_scope:
            proposal.state = Proposal.State.OUT_OF_SCOPE
            proposal.state_reason = plan.out_of_scope
            proposal.decided_at = None
            return proposal
        proposal.state = Proposal.State.CLOSED
        proposal.decided_at = submitted + dt.timedelta(days=rng.randint(20, 60))
        proposal.published_at = proposal.decided_at + dt.timedelta(days=14)
        return proposal

    @staticmethod
    def _snapshot(proposal: Proposal, plan: _Planned) -> dict:
        values = {name: getattr(proposal, name) for name in EDITABLE_FIELDS}
        values["target_projects"] = sorted(target.pk for target in plan.targets)
        return values

    def _decisions(self, proposals, plans) -> None:
        assignments, decisions = [], []
        for proposal, plan in zip(proposals, plans, strict=True):
            for department, outcome in zip(plan.departments, plan.outcomes, strict=True):
                assignment = Assignment(
                    proposal=proposal, department=department, state=Assignment.State.ANSWERED,
                    assigned_by=self.desk_user, due_at=proposal.due_at,
                    answered_at=proposal.decided_at,
                )
                adopted = outcome in Decision.ADOPTED
                # Under the principle of saying yes a non-adoption took effect when the desk
                # countersigned it, on the day the decision was made final.
                needs = plan.body.principle_of_yes and not adopted
                decisions.append(Decision(
                    assignment=assignment, outcome=outcome,
                    collaboration_form=plan.form if adopted else "",
                    reasons="" if adopted else self._reasons(outcome),
                    budget_fiscal_year=(proposal.fiscal_year + 1
                                        if outcome == Outcome.ADOPT_LATER_YEAR else None),
                    decided_at=proposal.decided_at - dt.timedelta(days=3),
                    needs_countersignature=needs,
                    countersigned_by=self.desk_user if needs else None,
                    countersigned_at=proposal.decided_at if needs else None,
                    effective_at=proposal.decided_at,
                ))
                assignments.append(assignment)
        Assignment.objects.bulk_create(assignments, batch_size=500)
        for assignment in assignments:
            assignment.assigned_at = assignment.proposal.submitted_at + dt.timedelta(days=7)
        Assignment.objects.bulk_update(assignments, ["assigned_at"], batch_size=500)
        for decision in decisions:
            decision.assignment_id = decision.assignment.pk
        Decision.objects.bulk_create(decisions, batch_size=500)

    def _reasons(self, outcome: str) -> str:
        pool = texts.NOT_ADOPTED_REASONS if outcome == Outcome.NOT_ADOPTED else (
            texts.OPINION_REASONS)
        return self.rng.choice(pool)


def build_history(rng: random.Random, saga: GovernmentBody, desk_user) -> int:
    """Create Saga's FY2006–FY2012 proposals; returns how many documents were written."""
    history = _History(rng, saga, desk_user)
    for figures in PREFECTURE_HISTORY:
        history.plan_year([saga], figures, new_share=0.0 if figures.fiscal_year < 2009 else 0.3)
    for figures in MUNICIPAL_HISTORY:
        history.plan_municipal_year(figures)
    return history.write()
