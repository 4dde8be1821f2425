# ruff: noqa: E501 - one text a line reads better than wrapped Japanese strings
"""The demo's collaborations: the running and finished work of the seeds' stories.

- 佐賀元気ひろば総合案内窓口 run by a CSO (seeds/000_*: "visitors up 43%"), finished, jointly
  evaluated, published and in the case library;
- the prefectural mail delivery given to a joint venture of special-needs facilities after an
  open tender (seeds/000_*), running since FY2008 with a yearly evaluation;
- the supporters' club for the employment of people with incurable diseases (難病), FY2012–14;
- Saga City's water-sector cooperation in Yokohama's way, under the comprehensive agreement of
  ``kyoso.demo.world.agreements`` (found by its title), running now, with activities logged
  both under the collaboration and under the agreement.

The first three grow from the featured proposals of the FY2006–2012 history (found by their
titles; their counts are not touched). Like the history, they are written straight to the models:
they are the past, not actions, and write no audit events. This year's adopted proposal of the
live demo is left for the visitor to turn into a collaboration.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.utils import timezone, translation

from kyoso.cases.models import Case
from kyoso.cases.services import prefill
from kyoso.collaborations.models import (
    Activity,
    Collaboration,
    Contact,
    Evaluation,
    EvaluationSide,
    Indicator,
    IndicatorActual,
    Milestone,
    ProgressReport,
)
from kyoso.organizations.models import Department, GovernmentBody, Organization
from kyoso.proposals.models import Proposal

from .history_texts import FEATURED

TOKYO = ZoneInfo("Asia/Tokyo")
S = Collaboration.State
COUNTER_TITLE = FEATURED[0].title
DELIVERY_TITLE = FEATURED[1].title
INCURABLE_TITLE = FEATURED[2].title


def _at(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, 10, tzinfo=TOKYO)


def remove_collaborations(codes) -> None:
    """Before proposals and agreements go: collaborations protect both."""
    Case.objects.filter(body__code__in=codes).delete()
    Activity.objects.filter(agreement__body__code__in=codes).delete()
    Collaboration.objects.filter(body__code__in=codes).delete()


def _collaboration(*, body, proposal=None, agreement=None, title, summary, departments,
                   partners, field, form, years, state, started, finished=None,
                   published=True, created_by=None) -> Collaboration:
    collaboration = Collaboration.objects.create(
        body=body, proposal=proposal, agreement=agreement, title=title, summary=summary,
        field=field, form=form, start_fiscal_year=years[0], end_fiscal_year=years[1],
        state=state, started_on=started, finished_on=finished, created_by=created_by,
        published_at=_at(started + dt.timedelta(days=30)) if published else None,
    )
    collaboration.departments.set(departments)
    collaboration.partners.set(partners)
    collaboration.refresh_search_text()
    return collaboration


def _indicator(collaboration, name, unit, baseline, target, period, actuals):
    indicator = Indicator.objects.create(
        collaboration=collaboration, name=name, unit=unit, baseline=Decimal(baseline),
        target=Decimal(target), baseline_period=period,
    )
    for label, day, value, report in actuals:
        IndicatorActual.objects.create(indicator=indicator, report=report, period=label,
                                       measured_on=day, value=Decimal(value))
    return indicator


def _report(collaboration, period, due, text, *, submitted_by=None, reviewed_by=None,
            state=ProgressReport.State.ACCEPTED, comments=""):
    submitted = state != ProgressReport.State.REQUESTED
    return ProgressReport.objects.create(
        collaboration=collaboration, period=period, due_on=due, state=state,
        text=text if submitted else "", submitted_by=submitted_by,
        submitted_at=_at(due - dt.timedelta(days=3)) if submitted else None,
        reviewed_by=reviewed_by if state == ProgressReport.State.ACCEPTED else None,
        reviewed_at=_at(due + dt.timedelta(days=5))
        if state == ProgressReport.State.ACCEPTED else None,
        review_comments=comments,
    )


def _evaluation(collaboration, fiscal_year, day, government, partner, *, published=True):
    evaluation = Evaluation.objects.create(
        collaboration=collaboration, fiscal_year=fiscal_year, state=Evaluation.State.FINAL,
        finalized_at=_at(day), published_at=_at(day + dt.timedelta(days=14)) if published else None,
    )
    for side, values in (("government", government), ("partner", partner)):
        ratings, comments, lessons = values
        EvaluationSide.objects.create(
            evaluation=evaluation, side=side, submitted_at=_at(day),
            relevance=ratings[0], effectiveness=ratings[1], process=ratings[2],
            relevance_comment=comments[0], effectiveness_comment=comments[1],
            process_comment=comments[2], lessons=lessons,
        )
    return evaluation


def _featured(saga, title) -> Proposal | None:
    return Proposal.objects.filter(body=saga, title=title).first()


def seed_collaborations(*, saga: GovernmentBody, saga_city: GovernmentBody, users: dict) -> int:
    """Create the demo's collaborations and the case made from one; returns how many
    collaborations were made. Outcome phrases of the case are in Japanese, the demo's language."""
    with translation.override("ja"):
        return _seed(saga=saga, saga_city=saga_city, users=users)


def _seed(*, saga, saga_city, users) -> int:
    desk = users["desk"]
    departments = {d.name: d for d in Department.objects.filter(body=saga)}
    orgs = {o.name: o for o in Organization.objects.filter(prefecture=saga)}
    made = []

    # 1. The general counter of the prefectural office, run by a CSO: visitors up 43%.
    proposal = _featured(saga, COUNTER_TITLE)
    counter = _collaboration(
        body=saga, proposal=proposal, title="佐賀元気ひろば 総合案内窓口のCSOによる運営",
        summary="県庁1階の総合案内窓口「佐賀元気ひろば」を、地域の情報に詳しいCSOが運営する。来庁者の案内と、"
                "県内のCSO・県民活動の情報発信を一つの窓口で行い、県庁を県民が集う場にする。",
        departments=[departments["広報広聴課"]], partners=[orgs["NPO法人 さがCSO活動支援センター"]],
        field="community", form="outsourcing", years=(2007, 2009), state=S.EVALUATED,
        started=dt.date(2007, 4, 2), finished=dt.date(2010, 3, 31), created_by=desk,
    )
    for title, due, done in (("委託契約の締結", dt.date(2007, 3, 30), dt.date(2007, 3, 28)),
                             ("窓口の運営開始", dt.date(2007, 4, 2), dt.date(2007, 4, 2)),
                             ("来庁者アンケートの実施", dt.date(2008, 2, 29), dt.date(2008, 2, 20)),
                             ("CSO情報コーナーの開設", dt.date(2008, 10, 1), dt.date(2008, 9, 26))):
        Milestone.objects.create(collaboration=counter, title=title, due_on=due, done_on=done)
    first = _report(counter, "平成19年度", dt.date(2008, 4, 30),
                    "窓口の運営を開始し、来庁者の案内に加えてCSOの催しの紹介を始めた。来訪者は前年度比18%増。")
    second = _report(counter, "平成20年度", dt.date(2009, 4, 30),
                     "CSO情報コーナーを開設し、県民活動の相談にも応じた。来訪者は年間74,360人となった。")
    _indicator(counter, "窓口来訪者数", "人/年", 52000, 65000, "平成18年度（県直営）", [
        ("平成19年度", dt.date(2008, 3, 31), 61360, first),
        ("平成20年度", dt.date(2009, 3, 31), 74360, second),
    ])
    Contact.objects.create(collaboration=counter, side="government", name="広報広聴課 窓口担当",
                           role="主査", phone="0952-25-7000")
    Contact.objects.create(collaboration=counter, side="partner", name="さがCSO活動支援センター 事務局",
                           role="窓口運営責任者")
    Activity.objects.create(collaboration=counter, held_on=dt.date(2007, 3, 20),
                            title="窓口スタッフの接遇・案内研修", place="佐賀県庁 会議室",
                            participants="CSOスタッフ、広報広聴課職員", participant_count=14)
    _evaluation(
        counter, None, dt.date(2010, 5, 20),
        ((4, 4, 3), ("県民協働の推進という県の方針に合致していた。",
                     "来訪者が基準年度から43%増え、CSOの情報発信の拠点にもなった。",
                     "委託仕様の調整に時間を要した。"),
         "窓口を行政の出先ではなく県民の場として設計したことが成果につながった。"),
        ((4, 4, 3), ("県庁に県民活動の入口ができた意義は大きい。",
                     "CSOの相談件数も増え、団体同士の連携が生まれた。",
                     "月1回の定例会議で課題を早めに共有できた。"),
         "受託側に裁量を持たせ、定例会議で振り返る仕組みが有効だった。"),
    )
    counter.refresh_from_db()
    case = Case(body=saga, collaboration=counter, created_by=desk,
                published_at=_at(dt.date(2010, 7, 1)), **prefill(counter))
    case.title = "県庁総合案内窓口をCSOが運営し、来訪者が43%増えた例（佐賀県）"
    case.save()
    made.append(counter)

    # 2. Mail delivery of the prefectural office by a JV of special-needs facilities.
    proposal = _featured(saga, DELIVERY_TITLE)
    delivery = _collaboration(
        body=saga, proposal=proposal, title="庁内配送業務の障害者就労施設共同企業体(JV)への委託",
        summary="特別送達の許可を持つ障害者就労施設4か所で組んだ共同企業体「サガン・エンタープライズ」が、"
                "一般競争入札を経て県庁の郵便物等の配送業務を受託する。施設利用者の就労と社会参加を支える。",
        departments=[departments["総務法制課"]], partners=[orgs["社会福祉法人 たちばな会"]],
        field="welfare", form="outsourcing", years=(2008, None), state=S.RUNNING,
        started=dt.date(2008, 4, 1), created_by=desk,
    )
    Milestone.objects.create(collaboration=delivery, title="一般競争入札（JV方式）の実施",
                             due_on=dt.date(2008, 2, 29), done_on=dt.date(2008, 2, 15))
    Milestone.objects.create(collaboration=delivery, title="配送業務の開始",
                             due_on=dt.date(2008, 4, 1), done_on=dt.date(2008, 4, 1))
    report = _report(delivery, "平成22年度", dt.date(2011, 4, 30),
                     "4施設の利用者16人が交代で配送に従事。誤配送はゼロ。利用者は自分の番を楽しみに意欲的に働いている。")
    _indicator(delivery, "配送業務に従事する施設利用者", "人", 0, 20, "委託前", [
        ("平成22年度", dt.date(2011, 3, 31), 16, report)])
    _evaluation(
        delivery, 2010, dt.date(2011, 6, 10),
        ((4, 3, 4), ("障害のある人の就労支援という県の方針に合致。", "誤配送ゼロで業務品質も確保された。",
                     "入札の公平性を保ちながらJVの参加を認めた。"),
         "入札参加資格の見直しが、福祉と調達の両立の鍵だった。"),
        ((4, 4, 3), ("契約に基づく安定した収入が得られている。", "利用者の訓練の場として価値が高い。",
                     "仕様書の早期提示を希望する。"),
         "複数施設で組むことで、業務量の変動にも対応できた。"),
    )
    made.append(delivery)

    # 3. The supporters' club for the employment of people with incurable diseases.
    proposal = _featured(saga, INCURABLE_TITLE)
    club = _collaboration(
        body=saga, proposal=proposal, title="難病サポーターズクラブさがの設立と運営",
        summary="難病のある人の就労を支えるため、企業間のネットワークと情報交換の場として「難病サポーターズクラブさが」を"
                "設立する。難病への理解を深め、病気を伝えやすく、働き続けやすいまちをめざす。",
        departments=[departments["健康づくり課"], departments["雇用労働課"]],
        partners=[orgs["NPO法人 難病サポートさが"]], field="welfare", form="cooperation",
        years=(2012, 2014), state=S.FINISHED, started=dt.date(2012, 6, 1),
        finished=dt.date(2015, 3, 31), created_by=desk,
    )
    for title, due, done in (("クラブ設立総会", dt.date(2012, 9, 30), dt.date(2012, 9, 21)),
                             ("企業向け難病理解セミナー（年2回）", dt.date(2013, 3, 31), dt.date(2013, 3, 12)),
                             ("就労事例集の発行", dt.date(2015, 3, 31), dt.date(2015, 3, 20))):
        Milestone.objects.create(collaboration=club, title=title, due_on=due, done_on=done)
    report = _report(club, "平成26年度", dt.date(2015, 4, 30),
                     "会員企業は62社となり、セミナーには延べ410人が参加。会員企業での難病のある人の就職は27人。")
    _indicator(club, "クラブ会員企業数", "社", 0, 50, "設立前",
               [("平成26年度", dt.date(2015, 3, 31), 62, report)])
    _indicator(club, "会員企業での難病のある人の就職者数", "人", 12, 30, "平成23年度",
               [("平成26年度", dt.date(2015, 3, 31), 27, report)])
    Activity.objects.create(collaboration=club, held_on=dt.date(2013, 11, 8),
                            title="難病のある人の就労を考えるフォーラム", place="アバンセ（佐賀市）",
                            participants="会員企業、患者団体、ハローワーク", participant_count=180)
    evaluation = Evaluation.objects.create(collaboration=club, fiscal_year=None)
    EvaluationSide.objects.create(
        evaluation=evaluation, side="partner", submitted_at=_at(dt.date(2015, 5, 20)),
        relevance=4, effectiveness=4, process=3,
        effectiveness_comment="会員企業が目標を上回った。", lessons="当事者が企業に直接語る場が理解を広げた。",
    )
    made.append(club)

    # 4. Water-sector cooperation of Saga City under the comprehensive agreement.
    water_agreement = _water_agreement(saga_city)
    city_departments = {d.name: d for d in Department.objects.filter(body=saga_city)}
    company = Organization.objects.filter(name="九州西部建設株式会社").first()
    water = _collaboration(
        body=saga_city, agreement=water_agreement,
        title="ベトナム中部の水道事業体への漏水対策技術協力",
        summary="佐賀市上下水道局の経験を生かし、JICA草の根技術協力と連携して、フエ省水道公社の漏水対策と技術者の"
                "育成に取り組む。研修員の受入れと技術者の派遣を組み合わせ、地元企業の技術も紹介する。",
        departments=[city_departments["建設課"]], partners=[company] if company else [],
        field="international", form="cooperation", years=(2024, 2026), state=S.RUNNING,
        started=dt.date(2024, 8, 1), created_by=desk,
    )
    today = timezone.localdate()
    for title, due, done in (("覚書の締結と実施計画の合意", dt.date(2024, 8, 1), dt.date(2024, 8, 1)),
                             ("第1回 研修員受入れ（佐賀市）", dt.date(2024, 11, 30), dt.date(2024, 11, 22)),
                             ("漏水調査機材の現地導入", dt.date(2025, 9, 30), dt.date(2025, 10, 10)),
                             ("第2回 技術者派遣（フエ）", today + dt.timedelta(days=5), None),
                             ("成果報告会", dt.date(2027, 3, 15), None)):
        Milestone.objects.create(collaboration=water, title=title, due_on=due, done_on=done)
    report = _report(water, "2025年度上期", dt.date(2025, 10, 31),
                     "モデル地区で漏水調査を実施し、修繕により無収水率が下がった。研修員8人が帰国後に社内研修を実施。")
    _indicator(water, "モデル地区の無収水率", "%", 32, 20, "2023年度",
               [("2025年度上期", dt.date(2025, 9, 30), 26, report)])
    _report(water, "2026年度上期", today + dt.timedelta(days=6), "",
            state=ProgressReport.State.REQUESTED)
    Activity.objects.create(collaboration=water, held_on=dt.date(2024, 11, 18),
                            title="フエ省水道公社の研修員受入れ（漏水探知の実習）", place="佐賀市上下水道局",
                            participants="研修員8人、上下水道局職員、九州西部建設", participant_count=14)
    if water_agreement is not None:
        Activity.objects.create(agreement=water_agreement, held_on=dt.date(2025, 2, 6),
                                title="水ビジネス海外展開セミナー（協定に基づく連携会議）",
                                place="佐賀市役所", participants="市、県、参加企業", participant_count=35)
    made.append(water)
    return len(made)


def _water_agreement(saga_city):
    """The comprehensive water agreement, if the agreements demo made it."""
    try:
        from kyoso.agreements.models import Agreement

        from .agreements import WATER_TITLE
    except ImportError:
        return None
    return Agreement.objects.filter(body=saga_city, title=WATER_TITLE).first()
