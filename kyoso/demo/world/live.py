"""This year's proposals in the demo, made through the same services people use.

The history (``kyoso.demo.history``) fills FY2006–FY2012 in bulk for the statistics; these few
proposals of the current fiscal year are walked through the services instead, so the desk's inbox,
the department's queue, the thread, the clocks, the audit trail and everyone's notices look as
they would after a few weeks of real work.
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.utils import timezone

from kyoso.catalog.models import CatalogProject
from kyoso.core.choices import CollaborationForm
from kyoso.organizations.models import Department, GovernmentBody
from kyoso.proposals import services
from kyoso.proposals.deadlines import deadlines_sweep
from kyoso.proposals.models import Decision


def _draft(author, organization, body, *, project_name: str | None = None, **fields):
    targets = []
    if project_name:
        project = (
            CatalogProject.objects.filter(body=body, name__contains=project_name, disclosed=True)
            .order_by("-fiscal_year", "pk")
            .first()
        )
        if project is not None:
            targets = [project]
    return services.proposal_create_draft(
        actor=author, body=body, organization=organization, target_projects=targets,
        is_new_project=not targets, **fields,
    )


def _submit(proposal, author):
    return services.proposal_submit(actor=author, proposal=proposal, submission_key=uuid.uuid4())


def seed_live_proposals(*, saga: GovernmentBody, saga_city: GovernmentBody, users: dict) -> int:
    npo, company = users["npo"], users["company"]
    university, supporter = users["university"], users["supporter"]
    desk, officer = users["desk"], users["officer"]
    child = Department.objects.get(body=saga, name="こども家庭課")
    org = {key: user.organization_memberships.get().organization for key, user in users.items()
           if key in ("npo", "company", "university", "supporter")}
    made = []

    # 1. Under consultation, due in five days: the thread, a meeting and a reminder.
    p = _draft(
        npo, org["npo"], saga, project_name="子育て",
        title="放課後の子ども食堂と学習支援の共同運営",
        background="共働き世帯の増加で、放課後に一人で過ごす小学生が増えている。",
        content="県の子育て支援事業と連携し、公民館で週2回の子ども食堂と学習支援を共同で運営する。",
        expected_effect="孤食の減少、学習習慣の定着、地域の見守りの強化。",
        schedule="2026年12月試行、2027年4月から本格実施",
        budget_yen=1_800_000, collaboration_form=CollaborationForm.CO_HOSTING,
        confidential_sections=["content"],
    )
    p = _submit(p, npo)
    p = services.proposal_accept(actor=desk, proposal=p)
    p = services.proposal_route(actor=desk, proposal=p, departments=[child], due_days=5)
    services.message_post(actor=officer, proposal=p,
                          text="会場となる公民館の候補と、食品衛生の体制を教えてください。")
    services.message_post(actor=npo, proposal=p,
                          text="候補は3館です。調理は保健所の講習を受けたスタッフが担当します。")
    services.meeting_record(
        actor=desk, proposal=p, held_at=timezone.now() - dt.timedelta(days=3),
        place="佐賀県庁 協働推進課 会議室",
        attendees="NPO法人 子育てネットさが 2名、こども家庭課 2名、協働推進課 1名",
        minutes="会場と衛生管理の体制を確認。次回、試行の予算規模を協議する。",
    )
    made.append(p)

    # 2. Just arrived: waits at the desk.
    p = _draft(
        company, org["company"], saga, title="県民相談窓口のオンライン予約システム",
        background="窓口の待ち時間が長く、平日に来庁できない県民が多い。",
        content="相談窓口の予約をオンラインで受け付け、待ち時間を見える化する。",
        expected_effect="待ち時間の短縮と、夜間・休日の予約受付。",
        collaboration_form=CollaborationForm.COOPERATION,
    )
    made.append(_submit(p, company))

    # 3. Decided (adopted), waiting for the desk to publish it.
    p = _draft(
        university, org["university"], saga, title="学生ボランティアによる防災マップづくり",
        background="地域の防災マップが古く、避難経路が実態と合っていない。",
        content="学生が住民と歩いて危険箇所を調べ、防災マップを更新する。",
        expected_effect="住民の防災意識の向上と、最新の避難経路の共有。",
        collaboration_form=CollaborationForm.COOPERATION,
    )
    p = _submit(p, university)
    p = services.proposal_accept(actor=desk, proposal=p)
    p = services.proposal_route(actor=desk, proposal=p, departments=[child])
    p.refresh_from_db()
    services.decision_record(
        actor=officer, assignment=p.assignments.get(), outcome=Decision.Outcome.ADOPT_LATER_YEAR,
        form=CollaborationForm.COOPERATION, expected_version=p.version,
    )
    made.append(p)

    # 4. Returned to the company with comments.
    p = _draft(
        company, org["company"], saga, title="観光データの共同分析",
        background="観光客の動きが把握できていない。",
        content="携帯電話の位置情報を使って観光客の動きを分析する。",
        expected_effect="観光施策の効果測定。",
        collaboration_form=CollaborationForm.OUTSOURCING,
    )
    p = _submit(p, company)
    made.append(services.proposal_return(
        actor=desk, proposal=p,
        comments="個人情報の取扱いと、県が負担する費用の見込みを追記してください。",
    ))

    # 5. A municipal proposal, routed to Saga City's child-care division.
    p = _draft(
        npo, org["npo"], saga_city, title="子育て広場の土曜日開設",
        background="土曜日に利用できる子育て広場が市内にない。",
        content="市の子育て広場を土曜日も開き、NPOのスタッフが運営する。",
        expected_effect="働く親の孤立を防ぐ。",
        collaboration_form=CollaborationForm.OUTSOURCING,
    )
    p = _submit(p, npo)
    made.append(p)

    # 6. A draft written with the intermediary support organization as co-author.
    p = _draft(
        supporter, org["supporter"], saga, title="難病のある人の就労を支えるサポーターズクラブ",
        background="難病のある人が働き続けられる職場が少ない。",
        collaboration_form=CollaborationForm.COOPERATION,
    )
    services.proposal_partner_add(actor=supporter, proposal=p, organization=org["npo"],
                                  role="co_proposer")
    made.append(p)

    deadlines_sweep(now=timezone.now())
    return len(made)

