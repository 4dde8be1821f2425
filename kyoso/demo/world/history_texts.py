# ruff: noqa: E501 - one text a line reads better than wrapped Japanese strings
"""Words of Saga's proposal history: titles, contents and the reasons departments gave.

The four featured proposals are the examples of ``seeds/000_*``; the rest are shaped like the
proposals of 協働化テスト (on disclosed projects) and of CSO提案型協働創出事業 (new projects too).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Featured:
    fiscal_year: int
    organization: str
    title: str
    content: str
    departments: tuple[str, ...]
    form: str


FEATURED: tuple[Featured, ...] = (
    Featured(2006, "NPO法人 さがCSO活動支援センター",
             "県庁「佐賀元気ひろば」総合案内窓口の運営をCSOへ委託",
             "県庁1階の総合案内窓口を、地域の情報に詳しいCSOが運営し、来庁者の案内と県民活動の情報発信を一体で行う。",
             ("広報広聴課",), "outsourcing"),
    Featured(2007, "社会福祉法人 たちばな会",
             "庁内配送業務の入札へ障害者就労施設の共同企業体(JV)方式による参加",
             "特別送達の許可を持つ障害者就労施設4か所が共同企業体を組み、県庁の郵便物等の配送業務の一般競争入札に参加できるようにする。",
             ("総務法制課",), "outsourcing"),
    Featured(2011, "NPO法人 難病サポートさが",
             "難病サポーターズクラブの設立",
             "難病のある人の就労を支えるため、企業間のネットワークづくりと情報交換の場として「難病サポーターズクラブさが」を設立する。",
             ("健康づくり課", "雇用労働課"), "cooperation"),
    Featured(2012, "公益財団法人 佐賀未来創造基金",
             "オール佐賀の市民基金の創設",
             "県内の中間支援組織などで構成する財団が県民に寄附を呼びかけ、地域課題の解決に取り組むCSOを支援する市民基金をつくる。",
             ("さが創生推進課",), "cooperation"),
)

# {name} is the target project's name.
TITLES = (
    "{name}をCSOとの協働で実施する提案",
    "{name}の一部業務をCSOへ委託する提案",
    "{name}における当事者参加の仕組みづくり",
    "{name}の広報・周知を協働で担う提案",
    "{name}と地域団体の連携による効果向上",
    "{name}へのボランティアの参画",
    "{name}の会場運営を実行委員会方式で行う提案",
)
NEW_PROJECT_TITLES = (
    "地域の居場所づくりを担う人材の育成",
    "空き家を活用した子ども食堂の開設支援",
    "外国人住民向け防災情報の多言語発信",
    "ひきこもりの若者の就労体験の場づくり",
    "有明海の干潟を生かした環境学習プログラム",
    "高齢者の買い物支援と見守りの一体化",
    "障害のある人のアート作品の商品化",
    "ひとり親家庭の学習支援ネットワーク",
    "中山間地域の移動支援の仕組みづくり",
    "フードドライブの常設化と食品ロスの削減",
)
CONTENT = "団体のこれまでの活動の経験を生かし、県と役割を分担して事業の効果を高める。"
NEW_CONTENT = "これまで行政の事業がなかった課題について、団体が先行して取り組んできた活動を県と協働で広げる。"
NOT_ADOPTED_REASONS = (
    "提案の内容は既存の事業ですでに実施しており、新たに協働で行う効果が見込めないため。",
    "事業が本年度で終了する予定であり、協働による実施期間が確保できないため。",
    "法令により県が直接実施しなければならない業務であるため。",
    "継続して実施する体制の見通しが、協議の中で確認できなかったため。",
    "現行の実施方法と比べて、費用と効果の面で上回る見込みが確認できなかったため。",
)
OPINION_REASONS = (
    "次年度以降の事業の見直しにあたり、参考とさせていただきます。",
    "事業の改善点として受け止め、担当課で引き続き検討します。",
)
OUT_OF_SCOPE_REASONS = (
    "提案の内容が市町の事務ではなく、国の所管に属するため。",
    "営利を目的とする事業の提案であり、本事業の対象外であるため。",
)
