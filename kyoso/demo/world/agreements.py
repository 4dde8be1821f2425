"""Demo agreements (協定): comprehensive and project agreements of the kind Ibaraki's 公民連携デスク
keeps (health, disaster, tourism, the prefecture's image), made by Saga Prefecture's desk with the
demo companies (the regional revitalization one amended to add an item), and a water-sector
cooperation of Saga City in the way of Yokohama's (international cooperation with JICA-style
technical training, seeds/001 and 004).

Everything goes through the real services, so states, audit events and search keys are honest.
The water agreement's title is stable (``WATER_TITLE``): the collaborations of the demo find it
by that title. ``remove_agreements`` runs first in the seed's reset (agreements protect their
bodies and partners).
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from kyoso.agreements import services
from kyoso.agreements.models import Agreement
from kyoso.agreements.sweep import agreements_sweep
from kyoso.core.fiscal import fiscal_year_of
from kyoso.organizations.models import GovernmentBody, Organization

WATER_TITLE = "上下水道分野の国際協力に関する包括連携協定"
REVITALIZATION_TITLE = "地域活性化に関する包括連携協定"

C, P = Agreement.Kind.COMPREHENSIVE, Agreement.Kind.PROJECT

# (kind, title, title_en, partners, fields, items, signed_on, term in years, auto renew, state);
# the sweep at the end renews or expires them as the calendar says.
PREFECTURE_AGREEMENTS = [
    (C, "県民の健康づくりに関する包括連携協定",
     "Comprehensive agreement on the health of residents",
     ["株式会社 佐賀ファーマシー"], ["welfare", "disaster", "community"],
     ["県民の健康増進に関すること", "災害時の医薬品供給に関すること",
      "高齢者の見守りに関すること", "その他、地域の活性化に関すること"],
     dt.date(2023, 7, 10), 1, True, "active"),
    (C, REVITALIZATION_TITLE, "Comprehensive agreement on regional revitalization",
     ["株式会社 肥前銀行"], ["industry", "tourism", "community"],
     ["創業・事業承継の支援に関すること", "観光振興に関すること", "県産品の販路拡大に関すること",
      "移住・定住の促進に関すること"],
     dt.date(2022, 4, 25), 2, True, "active"),
    (P, "災害時における物資の輸送に関する事業連携協定",
     "Project agreement on the transport of relief goods in disasters",
     ["鳥栖ロジスティクス株式会社"], ["disaster"],
     ["災害時の救援物資の輸送に関すること", "物資拠点の運営への協力に関すること",
      "平時の防災訓練への参加に関すること"],
     dt.date(2024, 9, 1), 3, False, "active"),
    (P, "観光振興に関する事業連携協定", "Project agreement on tourism promotion",
     ["株式会社 唐津観光開発", "嬉野温泉旅館株式会社"], ["tourism"],
     ["県内周遊ルートの開発に関すること", "温泉と焼き物を生かした誘客に関すること",
      "外国人観光客の受入環境の整備に関すること"],
     None, 2, False, "signed"),
    (P, "県のイメージアップに関する事業連携協定",
     "Project agreement on promoting the prefecture's image",
     ["株式会社 さがメディアワークス"], ["tourism", "culture"],
     ["県の魅力の情報発信に関すること", "県産品のPRに関すること"],
     dt.date(2021, 10, 1), 3, False, "expired"),
]


def remove_agreements(codes) -> None:
    """Delete the demo bodies' agreements (with their items, memoranda and documents)."""
    Agreement.objects.filter(body__code__in=list(codes)).delete()


def seed_agreements(*, saga: GovernmentBody, saga_city: GovernmentBody, users: dict) -> int:
    desk, city_admin = users["desk"], users["city-admin"]
    by_name = {o.name: o for o in Organization.objects.filter(
        name__in={n for row in PREFECTURE_AGREEMENTS for n in row[3]} | {"九州西部建設株式会社"}
    )}
    made = 0
    for kind, title, title_en, partners, fields, items, signed_on, years, renew, state in (
        PREFECTURE_AGREEMENTS
    ):
        starts_on = signed_on
        if signed_on is None:
            # Signed a month ago, in force from the next fiscal year: the demo shows the wait.
            signed_on = timezone.localdate() - dt.timedelta(days=30)
            starts_on = dt.date(fiscal_year_of(signed_on) + 1, 4, 1)
        ends_on = starts_on.replace(year=starts_on.year + years) - dt.timedelta(days=1)
        agreement = services.agreement_create(
            actor=desk, body=saga, kind=kind, title=title, title_en=title_en,
            partners=[by_name[name] for name in partners], fields=fields, items=items,
            starts_on=starts_on, ends_on=ends_on, auto_renew=renew,
            renewal_months=12 if renew else None,
            summary=f"佐賀県と{'、'.join(partners)}は、{items[0].removesuffix('に関すること')}"
                    "などの分野で連携し、地域の課題の解決と県民サービスの向上を図ります。",
            press_release_url="https://www.pref.saga.lg.jp/",
        )
        _walk(agreement, state, actor=desk, signed_on=signed_on)
        made += 1
        if title == REVITALIZATION_TITLE:
            _amend_revitalization(agreement, actor=desk)
    # Saga City's waterworks and a partner company, with the prefecture, in Yokohama's way.
    water = services.agreement_create(
        actor=city_admin, body=saga_city, kind=C, title=WATER_TITLE,
        title_en="Comprehensive agreement on international cooperation in water supply and "
                 "sewerage",
        partners=[by_name["九州西部建設株式会社"]], other_bodies=[saga],
        fields=["international", "infrastructure", "environment"],
        items=["開発途上国の水道事業体への技術協力に関すること",
               "海外からの研修員の受入れ（水道技術者の育成）に関すること",
               "水ビジネスの海外展開の支援に関すること",
               "国際協力の成果の市民への発信に関すること"],
        starts_on=dt.date(2024, 4, 1), ends_on=dt.date(2027, 3, 31), auto_renew=True,
        renewal_months=36,
        summary="佐賀市上下水道局の40年にわたる経験を生かし、JICAの草の根技術協力・課題別研修と連携して、"
                "ベトナム中部の水道事業体の漏水対策と人材育成に取り組みます。地元企業の海外展開も支援します。",
        summary_en="Drawing on the waterworks bureau's experience, the parties work with "
                   "JICA-type technical cooperation and training on leakage control and "
                   "engineers in central Viet Nam, and support local companies abroad.",
    )
    _walk(water, "active", actor=city_admin, signed_on=dt.date(2024, 3, 25))
    services.memorandum_add(
        actor=city_admin, agreement=water, title="フエ省水道公社との技術協力に関する覚書",
        program="草の根技術協力（地域活性化特別枠）", signed_on=dt.date(2024, 8, 1),
        text="漏水対策の研修を年2回実施し、技術者を相互に派遣する。",
    )
    # Bring the terms up to today as the worker would: renewals, expiries, reminders.
    agreements_sweep(now=timezone.now())
    return made + 1


def _amend_revitalization(agreement: Agreement, *, actor) -> None:
    """Two years in, the bank and the prefecture added digitalisation to their items: a signed
    amending agreement (変更協定), as the public page and the API show it."""
    items = [item.text for item in agreement.items.order_by("position")]
    services.amendment_record(
        actor=actor, agreement=agreement, signed_on=dt.date(2024, 5, 20),
        description="連携事項に「中小企業のデジタル化の支援に関すること」を加える。",
        description_en="Adds support for the digitalisation of small businesses to the items "
                       "of cooperation.",
        items=[*items[:-1], "中小企業のデジタル化の支援に関すること", items[-1]],
    )


def _walk(agreement, state: str, *, actor, signed_on: dt.date) -> Agreement:
    agreement = services.agreement_sign(actor=actor, agreement=agreement, signed_on=signed_on)
    if state == "signed":
        return agreement
    agreement = services.agreement_activate(actor=actor, agreement=agreement)
    if state == "expired":
        return services.agreement_expire(agreement=agreement, today=agreement.ends_on
                                         + dt.timedelta(days=1))
    return agreement
