# ruff: noqa: E501 - one record a line reads better than wrapped Japanese strings
"""Partner organizations of every kind for the demo: CSOs, companies, universities, foundations…

Names are fictional but shaped like real ones in Saga. 法人番号 are generated with a valid check
digit; voluntary associations (任意団体) have none, as in reality.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from kyoso.organizations.validators import corporate_number_check_digit


@dataclass(frozen=True)
class OrganizationSpec:
    kind: str
    name: str
    name_kana: str
    name_en: str
    fields: tuple[str, ...]
    activity: str
    is_intermediary: bool = False


INTERMEDIARY_FOUNDATION = "公益財団法人 佐賀未来創造基金"
CSO_SUPPORT_CENTRE = "NPO法人 さがCSO活動支援センター"

_O = OrganizationSpec
ORGANIZATIONS: tuple[OrganizationSpec, ...] = (
    # Intermediary support organizations (中間支援組織)
    _O("public_interest", INTERMEDIARY_FOUNDATION, "さがみらいそうぞうききん", "Saga Future Design Foundation",
       ("community", "welfare"), "県民からの寄附を原資とする市民コミュニティ財団。指定寄附・冠基金の運営、CSOへの助成と伴走支援を行う。", True),
    _O("npo_corporation", CSO_SUPPORT_CENTRE, "さがしーえすおーかつどうしえんせんたー", "Saga CSO Support Centre",
       ("community",), "CSOの設立・運営相談、協働提案の事前相談、プロボノのマッチングを行う中間支援組織。", True),
    _O("npo_corporation", "NPO法人 からつ市民活動ネットワーク", "からつしみんかつどうねっとわーく", "Karatsu Civic Network",
       ("community",), "唐津市市民活動センターの運営受託。地域団体の交流会と情報誌の発行。", True),
    _O("general_incorporated", "一般社団法人 とす協働ラボ", "とすきょうどうらぼ", "Tosu Collaboration Lab",
       ("community", "industry"), "企業とNPOの協働プロジェクトのコーディネート。", True),
    # NPO corporations
    _O("npo_corporation", "NPO法人 子育てネットさが", "こそだてねっとさが", "Kosodate Net Saga",
       ("children",), "地域子育て支援拠点3か所の運営、子育てサークルの支援、父親の育児参加講座。"),
    _O("npo_corporation", "NPO法人 ひとり親サポートさが", "ひとりおやさぽーとさが", "Single Parent Support Saga",
       ("children", "welfare"), "ひとり親家庭の生活相談、学習支援、就労に向けた資格取得講座。"),
    _O("npo_corporation", "NPO法人 有明海再生ネットワーク", "ありあけかいさいせいねっとわーく", "Ariake Sea Revival Network",
       ("environment",), "干潟の清掃と生き物調査、漁業者と連携した環境学習。"),
    _O("npo_corporation", "NPO法人 難病サポートさが", "なんびょうさぽーとさが", "Intractable Disease Support Saga",
       ("welfare",), "難病患者の就労相談、ピアサポート、企業向け理解促進セミナー。"),
    _O("npo_corporation", "NPO法人 こども食堂ネットワークさが", "こどもしょくどうねっとわーくさが", "Saga Children's Cafeteria Network",
       ("children", "community"), "県内80か所のこども食堂の連絡調整、食材の寄附受付と配分。"),
    _O("npo_corporation", "NPO法人 多文化共生センターさが", "たぶんかきょうせいせんたーさが", "Saga Multicultural Centre",
       ("international",), "外国人住民の生活相談、日本語教室、災害時の多言語支援。"),
    _O("npo_corporation", "NPO法人 さが防災士会", "さがぼうさいしかい", "Saga Disaster Prevention Association",
       ("disaster",), "自主防災組織の立ち上げ支援、避難所運営訓練、防災出前講座。"),
    _O("npo_corporation", "NPO法人 不登校支援ひだまり", "ふとうこうしえんひだまり", "Hidamari School Support",
       ("education", "children"), "フリースクールの運営、保護者の会、学校との連携会議。"),
    _O("npo_corporation", "NPO法人 唐津やきもの文化研究会", "からつやきものぶんかけんきゅうかい", "Karatsu Ceramics Culture Society",
       ("culture", "tourism"), "唐津焼の窯元めぐりと体験教室、若手陶芸家の発表の場づくり。"),
    _O("npo_corporation", "NPO法人 たけお温泉まちづくり", "たけおおんせんまちづくり", "Takeo Onsen Machizukuri",
       ("tourism", "community"), "温泉街の空き店舗活用とイベントの企画運営。"),
    _O("npo_corporation", "NPO法人 障害者アートさが", "しょうがいしゃあーとさが", "Saga Disability Arts",
       ("culture", "welfare"), "障害のある人の作品展、アトリエ活動、作品の商品化支援。"),
    _O("npo_corporation", "NPO法人 ユースワークさが", "ゆーすわーくさが", "Youth Work Saga",
       ("education", "welfare"), "ひきこもりの若者の居場所運営と就労体験。"),
    _O("npo_corporation", "NPO法人 認知症の人と家族を支える会さが", "にんちしょうのひととかぞくをささえるかいさが", "Dementia Family Support Saga",
       ("welfare",), "認知症カフェの運営、家族の交流会、見守りネットワークづくり。"),
    _O("npo_corporation", "NPO法人 さが里山保全会", "さがさとやまほぜんかい", "Saga Satoyama Conservation",
       ("environment", "agriculture"), "里山の竹林整備、棚田オーナー制度の運営。"),
    _O("npo_corporation", "NPO法人 DV被害者支援ネットさが", "でぃーぶいひがいしゃしえんねっとさが", "Saga DV Survivors Network",
       ("human_rights",), "DV被害者の相談、同行支援、自立に向けた住まい探し。"),
    _O("npo_corporation", "NPO法人 さがサイクリング協会", "さがさいくりんぐきょうかい", "Saga Cycling Association",
       ("tourism", "culture"), "サイクリングロードの案内マップ作成と走行会の開催。"),
    _O("npo_corporation", "NPO法人 食品ロスゼロさが", "しょくひんろすぜろさが", "Zero Food Loss Saga",
       ("environment", "welfare"), "フードバンクの運営、フードドライブの企画。"),
    _O("npo_corporation", "NPO法人 みやき子ども応援団", "みやきこどもおうえんだん", "Miyaki Children's Supporters",
       ("children",), "放課後の学習支援と体験活動。"),
    _O("npo_corporation", "NPO法人 嬉野お茶の郷", "うれしのおちゃのさと", "Ureshino Tea Village",
       ("agriculture", "tourism"), "茶畑の景観保全と茶摘み体験ツアーの実施。"),
    _O("npo_corporation", "NPO法人 鹿島干潟の会", "かしまひがたのかい", "Kashima Tidal Flat Society",
       ("environment", "tourism"), "干潟の観察会、ガタリンピックへの協力。"),
    _O("npo_corporation", "NPO法人 さが移住サポート", "さがいじゅうさぽーと", "Saga Relocation Support",
       ("community",), "移住相談、お試し住宅の運営、移住者交流会。"),
    _O("npo_corporation", "NPO法人 ことばの教室さが", "ことばのきょうしつさが", "Saga Language Classroom",
       ("international", "education"), "外国にルーツをもつ子どもの日本語・学習支援。"),
    # Voluntary associations (任意団体)
    _O("voluntary", "佐賀子ども読書ボランティアの会", "さがこどもどくしょぼらんてぃあのかい", "",
       ("education", "culture"), "小学校での読み聞かせ(年120回)。"),
    _O("voluntary", "城内地区まちづくり協議会", "じょうないちくまちづくりきょうぎかい", "",
       ("community",), "地区の清掃活動と夏祭りの運営。"),
    _O("voluntary", "有田町ボランティア連絡協議会", "ありたちょうぼらんてぃあれんらくきょうぎかい", "",
       ("community", "welfare"), "町内ボランティア団体の連絡調整、陶器市の運営協力。"),
    _O("voluntary", "伊万里湾クリーンアップの会", "いまりわんくりーんあっぷのかい", "",
       ("environment",), "海岸清掃(年6回)と漂着ごみの調査。"),
    _O("voluntary", "呼子朝市を盛り上げる会", "よぶこあさいちをもりあげるかい", "",
       ("tourism",), "朝市の案内ボランティアとSNS発信。"),
    _O("voluntary", "鳥栖市外国人住民サポーターズ", "とすしがいこくじんじゅうみんさぽーたーず", "Tosu Foreign Residents Supporters",
       ("international",), "生活オリエンテーションと通訳ボランティア。"),
    _O("voluntary", "小城市子育てサークル連絡会", "おぎしこそだてさーくるれんらくかい", "",
       ("children",), "子育てサークルの交流と合同イベント。"),
    _O("voluntary", "太良町竹崎地区自主防災会", "たらちょうたけざきちくじしゅぼうさいかい", "",
       ("disaster",), "避難訓練と要配慮者の避難支援名簿づくり。"),
    _O("voluntary", "多久論語を学ぶ会", "たくろんごをまなぶかい", "",
       ("culture", "education"), "子ども論語教室と多久聖廟の釈菜への協力。"),
    _O("voluntary", "神埼脊振の山を守る会", "かんざきせふりのやまをまもるかい", "",
       ("environment",), "登山道の整備と森林ボランティア。"),
    _O("voluntary", "基山町高齢者見守り隊", "きやまちょうこうれいしゃみまもりたい", "",
       ("welfare",), "一人暮らし高齢者の見守り訪問。"),
    _O("voluntary", "白石町れんこん農家青年部", "しろいしちょうれんこんのうかせいねんぶ", "",
       ("agriculture",), "れんこん収穫体験と販路開拓。"),
    # Companies
    _O("company", "株式会社 佐賀情報システム", "さがじょうほうしすてむ", "Saga Information Systems Co., Ltd.",
       ("administration", "industry"), "自治体向けシステム開発。オープンデータ活用支援。"),
    _O("company", "有明フーズ株式会社", "ありあけふーず", "Ariake Foods Co., Ltd.",
       ("agriculture", "industry"), "県産のり・農産物の加工販売。6次産業化の支援。"),
    _O("company", "株式会社 唐津観光開発", "からつかんこうかいはつ", "Karatsu Tourism Development Inc.",
       ("tourism",), "観光ツアーの企画と旅行業。"),
    _O("company", "鳥栖ロジスティクス株式会社", "とすろじすてぃくす", "Tosu Logistics Co., Ltd.",
       ("industry", "infrastructure"), "物流業。地域の配送網を活用した見守り協定。"),
    _O("company", "株式会社 有田ポーセリンラボ", "ありたぽーせりんらぼ", "Arita Porcelain Lab Co., Ltd.",
       ("industry", "culture"), "有田焼の新商品開発と海外展開。"),
    _O("company", "佐賀グリーンエナジー株式会社", "さがぐりーんえなじー", "Saga Green Energy Co., Ltd.",
       ("environment", "industry"), "太陽光・小水力発電事業。環境学習への講師派遣。"),
    _O("company", "株式会社 さがメディアワークス", "さがめでぃあわーくす", "Saga Media Works Inc.",
       ("tourism", "administration"), "広告・動画制作、観光プロモーション。"),
    _O("company", "九州西部建設株式会社", "きゅうしゅうせいぶけんせつ", "Kyushu Seibu Construction Co., Ltd.",
       ("infrastructure", "disaster"), "土木建設業。災害時の応急復旧協定。"),
    _O("company", "嬉野温泉旅館株式会社", "うれしのおんせんりょかん", "Ureshino Onsen Ryokan Co., Ltd.",
       ("tourism",), "旅館業。ユニバーサルツーリズムの受入れ。"),
    _O("company", "株式会社 佐賀ファーマシー", "さがふぁーましー", "Saga Pharmacy Co., Ltd.",
       ("welfare",), "調剤薬局チェーン。健康相談会の開催。"),
    _O("company", "株式会社 肥前銀行", "ひぜんぎんこう", "Hizen Bank, Ltd.",
       ("industry", "community"), "地方銀行。事業承継・創業支援で包括連携協定。"),
    _O("company", "さがスマートアグリ株式会社", "さがすまーとあぐり", "Saga Smart Agri Co., Ltd.",
       ("agriculture", "industry"), "スマート農業機器の実証とデータ分析。"),
    # Universities and schools
    _O("university", "国立大学法人 佐賀みらい大学", "さがみらいだいがく", "Saga Mirai University",
       ("education", "community", "agriculture"), "地域連携センターによる自治体との共同研究、学生ボランティアの派遣。"),
    _O("university", "肥前国際大学", "ひぜんこくさいだいがく", "Hizen International University",
       ("international", "education"), "留学生と地域の交流事業、多文化共生の研究。"),
    _O("university", "有明看護福祉大学", "ありあけかんごふくしだいがく", "Ariake University of Nursing and Welfare",
       ("welfare", "children"), "地域の健康づくり講座と子育て支援の研究。"),
    _O("university", "鳥栖ものづくり高等専門学校", "とすものづくりこうとうせんもんがっこう", "Tosu College of Technology",
       ("industry", "education"), "中小企業との共同開発、子ども向けものづくり教室。"),
    # Public interest and general incorporated
    _O("public_interest", "公益社団法人 佐賀県観光連盟", "さがけんかんこうれんめい", "Saga Tourism Federation",
       ("tourism",), "観光情報の発信、観光ボランティアガイドの育成。"),
    _O("public_interest", "公益財団法人 佐賀国際交流協会", "さがこくさいこうりゅうきょうかい", "Saga International Exchange Association",
       ("international",), "外国人相談センターの運営、国際理解講座。"),
    _O("public_interest", "公益財団法人 さが緑化推進機構", "さがりょくかすいしんきこう", "Saga Greening Organisation",
       ("environment",), "緑の募金、植樹活動の支援。"),
    _O("public_interest", "公益社団法人 佐賀県シルバー人材センター連合会", "さがけんしるばーじんざいせんたーれんごうかい", "",
       ("welfare", "industry"), "高齢者の就業機会の確保。"),
    _O("general_incorporated", "一般社団法人 さがスポーツコミッション", "さがすぽーつこみっしょん", "Saga Sports Commission",
       ("culture", "tourism"), "スポーツ合宿の誘致と大会運営。"),
    _O("general_incorporated", "一般社団法人 唐津観光協会", "からつかんこうきょうかい", "Karatsu Tourism Association",
       ("tourism",), "唐津の観光案内所運営とイベント。"),
    _O("general_incorporated", "一般財団法人 佐賀子ども未来財団", "さがこどもみらいざいだん", "Saga Children's Future Foundation",
       ("children", "education"), "奨学金の給付と体験活動への助成。"),
    # Cooperatives
    _O("cooperative", "さが中央農業協同組合", "さがちゅうおうのうぎょうきょうどうくみあい", "JA Saga Chuo",
       ("agriculture",), "営農指導と農産物の共同販売。食農教育。"),
    _O("cooperative", "有明海漁業協同組合", "ありあけかいぎょぎょうきょうどうくみあい", "Ariake Sea Fisheries Cooperative",
       ("agriculture", "environment"), "のり養殖の共同事業、干潟の保全活動。"),
    _O("cooperative", "生活協同組合 さがコープ", "せいかつきょうどうくみあいさがこーぷ", "Saga Co-op",
       ("welfare", "community"), "宅配事業と連動した見守り活動、フードドライブ。"),
    _O("cooperative", "佐賀県森林組合連合会", "さがけんしんりんくみあいれんごうかい", "",
       ("agriculture", "environment"), "森林整備と木材の共同販売。"),
    # Social welfare corporations
    _O("social_welfare", "社会福祉法人 佐賀県社会福祉協議会", "さがけんしゃかいふくしきょうぎかい", "Saga Prefectural Council of Social Welfare",
       ("welfare", "community"), "ボランティアセンター、災害ボランティアセンターの運営。"),
    _O("social_welfare", "社会福祉法人 たちばな会", "たちばなかい", "",
       ("welfare", "children"), "保育所2園と障害者就労支援事業所の運営。"),
    _O("social_welfare", "社会福祉法人 ひかり福祉会", "ひかりふくしかい", "",
       ("welfare",), "特別養護老人ホームの運営と地域の介護予防教室。"),
    _O("other", "佐賀県商工会連合会", "さがけんしょうこうかいれんごうかい", "",
       ("industry",), "小規模事業者の経営支援。"),
    _O("other", "佐賀県地域婦人連絡協議会", "さがけんちいきふじんれんらくきょうぎかい", "",
       ("human_rights", "community"), "地域の女性団体の連絡調整と研修。"),
)

SURNAMES = ("中島", "山口", "田中", "松尾", "古賀", "井上", "池田", "原", "江口", "川崎", "坂本",
            "大串", "草場", "副島", "緒方", "吉村", "宮崎", "平川", "西村", "森")
GIVEN_NAMES = ("健一", "美咲", "大輔", "由美子", "翔太", "恵子", "誠", "陽子", "拓也", "直美",
               "和彦", "真理", "亮", "智子", "隆", "さくら")
STREETS = ("中央本町", "駅前", "松原", "新町", "城内", "本町", "栄町", "若宮", "神野東", "大財")


def corporate_number(serial: int) -> str:
    """A valid 13-digit 法人番号 (check digit first) built from a serial."""
    last_twelve = f"{3300_0500_0000 + serial * 7919:012d}"
    return f"{corporate_number_check_digit(last_twelve)}{last_twelve}"


def person_name(rng: random.Random) -> str:
    return f"{rng.choice(SURNAMES)} {rng.choice(GIVEN_NAMES)}"


def address(rng: random.Random, municipality: str) -> str:
    return f"佐賀県{municipality}{rng.choice(STREETS)}{rng.randint(1, 5)}丁目{rng.randint(1, 30)}-{rng.randint(1, 20)}"
