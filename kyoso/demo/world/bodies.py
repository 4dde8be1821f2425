# ruff: noqa: E501 - one record a line reads better than wrapped Japanese strings
"""Saga Prefecture and its 20 municipalities with their real 全国地方公共団体コード, and Ibaraki.

Departments follow the shape of a prefectural office (部局 → 課) and of a municipal office.
Each department names the policy fields (``kyoso.core.choices.PolicyField``) its work falls in,
which drives the vocabulary of the projects it discloses.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BodySpec:
    code: str
    name: str
    name_kana: str
    name_en: str
    phone_prefix: str  # area code and exchange for contacts, e.g. "0952-25"
    website: str = ""
    local_specialties: tuple[str, ...] = ()  # place names and local themes for project names


@dataclass(frozen=True)
class DepartmentSpec:
    bureau: str
    name: str
    name_en: str
    fields: tuple[str, ...]
    is_desk: bool = False


SAGA = BodySpec(
    "410004", "佐賀県", "さがけん", "Saga Prefecture", "0952-25", "https://www.pref.saga.lg.jp/",
    ("佐賀", "さが", "有明海", "玄界灘", "肥前", "県東部", "県西部"),
)
IBARAKI = BodySpec(
    "080004", "茨城県", "いばらきけん", "Ibaraki Prefecture", "029-301",
    "https://www.pref.ibaraki.jp/", ("茨城", "いばらき", "霞ヶ浦", "県北", "鹿行"),
)

SAGA_MUNICIPALITIES: tuple[BodySpec, ...] = (
    BodySpec("412015", "佐賀市", "さがし", "Saga City", "0952-40", "",
             ("佐賀城下", "バルーンフェスタ", "富士町", "三瀬", "東与賀干潟")),
    BodySpec("412023", "唐津市", "からつし", "Karatsu City", "0955-72", "",
             ("唐津くんち", "呼子朝市", "虹の松原", "七山", "離島")),
    BodySpec("412031", "鳥栖市", "とすし", "Tosu City", "0942-85", "",
             ("鳥栖駅周辺", "物流拠点", "サガン鳥栖", "田代")),
    BodySpec("412040", "多久市", "たくし", "Taku City", "0952-75", "",
             ("多久聖廟", "論語", "西多久")),
    BodySpec("412058", "伊万里市", "いまりし", "Imari City", "0955-23", "",
             ("伊万里焼", "伊万里湾", "大川内山", "伊万里牛")),
    BodySpec("412066", "武雄市", "たけおし", "Takeo City", "0954-23", "",
             ("武雄温泉", "図書館", "御船山", "新幹線駅")),
    BodySpec("412074", "鹿島市", "かしまし", "Kashima City", "0954-63", "",
             ("祐徳稲荷", "ガタリンピック", "肥前浜宿", "酒蔵")),
    BodySpec("412082", "小城市", "おぎし", "Ogi City", "0952-73", "",
             ("小城羊羹", "清水の滝", "天山")),
    BodySpec("412091", "嬉野市", "うれしのし", "Ureshino City", "0954-66", "",
             ("嬉野温泉", "うれしの茶", "塩田津")),
    BodySpec("412104", "神埼市", "かんざきし", "Kanzaki City", "0952-52", "",
             ("神埼そうめん", "九年庵", "脊振")),
    BodySpec("413275", "吉野ヶ里町", "よしのがりちょう", "Yoshinogari Town", "0952-37", "",
             ("吉野ヶ里遺跡", "三田川", "東脊振")),
    BodySpec("413411", "基山町", "きやまちょう", "Kiyama Town", "0942-92", "",
             ("基肄城", "けやき台")),
    BodySpec("413453", "上峰町", "かみみねちょう", "Kamimine Town", "0952-52", "",
             ("鎮西山", "上峰中心市街地")),
    BodySpec("413461", "みやき町", "みやきちょう", "Miyaki Town", "0942-89", "",
             ("中原", "北茂安", "三根")),
    BodySpec("413879", "玄海町", "げんかいちょう", "Genkai Town", "0955-52", "",
             ("浜野浦の棚田", "玄海灘", "値賀")),
    BodySpec("414018", "有田町", "ありたちょう", "Arita Town", "0955-46", "",
             ("有田焼", "有田陶器市", "内山地区", "泉山磁石場")),
    BodySpec("414239", "大町町", "おおまちちょう", "Omachi Town", "0952-82", "",
             ("旧炭鉱", "六角川")),
    BodySpec("414247", "江北町", "こうほくまち", "Kohoku Town", "0952-86", "",
             ("肥前山口駅", "江北中央")),
    BodySpec("414255", "白石町", "しろいしちょう", "Shiroishi Town", "0952-84", "",
             ("白石れんこん", "有明干拓", "福富")),
    BodySpec("414417", "太良町", "たらちょう", "Tara Town", "0954-67", "",
             ("竹崎カニ", "多良岳", "月の引力が見える町")),
)

W, C, E, CO, EN, D, IND, A, T, CU, IN, HR, INF, AD = (
    "welfare", "children", "education", "community", "environment", "disaster", "industry",
    "agriculture", "tourism", "culture", "international", "human_rights", "infrastructure",
    "administration",
)

SAGA_DEPARTMENTS: tuple[DepartmentSpec, ...] = (
    DepartmentSpec("政策部", "政策課", "Policy Planning Division", (AD, CO)),
    DepartmentSpec("政策部", "広報広聴課", "Public Relations Division", (AD,)),
    DepartmentSpec("政策部", "情報課", "Digital Policy Division", (AD, INF)),
    DepartmentSpec("政策部", "統計分析課", "Statistics Division", (AD,)),
    DepartmentSpec("総務部", "総務法制課", "General Affairs and Legal Division", (AD,)),
    DepartmentSpec("総務部", "財政課", "Finance Division", (AD,)),
    DepartmentSpec("総務部", "市町支援課", "Municipal Support Division", (AD, CO)),
    DepartmentSpec("総務部", "危機管理防災課", "Crisis Management and Disaster Prevention Division",
                   (D,)),
    DepartmentSpec("総務部", "消防保安課", "Fire and Industrial Safety Division", (D,)),
    DepartmentSpec("地域交流部", "さが創生推進課", "Regional Revitalization Division", (CO,)),
    DepartmentSpec("地域交流部", "国際課", "International Affairs Division", (IN,)),
    DepartmentSpec("地域交流部", "観光課", "Tourism Division", (T,)),
    DepartmentSpec("地域交流部", "文化課", "Culture Division", (CU,)),
    DepartmentSpec("地域交流部", "スポーツ課", "Sports Division", (CU,)),
    DepartmentSpec("地域交流部", "交通政策課", "Transport Policy Division", (INF, CO)),
    DepartmentSpec("県民環境部", "協働推進課", "Citizens Partnership Division", (CO, AD),
                   is_desk=True),
    DepartmentSpec("県民環境部", "男女参画・女性の活躍推進課", "Gender Equality Division", (HR,)),
    DepartmentSpec("県民環境部", "人権・同和対策課", "Human Rights Division", (HR,)),
    DepartmentSpec("県民環境部", "くらしの安全安心課", "Consumer Safety Division", (D, CO)),
    DepartmentSpec("県民環境部", "環境課", "Environment Division", (EN,)),
    DepartmentSpec("県民環境部", "循環型社会推進課", "Circular Society Division", (EN,)),
    DepartmentSpec("県民環境部", "有明海再生・自然環境課",
                   "Ariake Sea Restoration and Nature Division", (EN, A)),
    DepartmentSpec("健康福祉部", "健康福祉政策課", "Health and Welfare Policy Division", (W,)),
    DepartmentSpec("健康福祉部", "福祉課", "Welfare Division", (W,)),
    DepartmentSpec("健康福祉部", "障害福祉課", "Disability Welfare Division", (W,)),
    DepartmentSpec("健康福祉部", "長寿社会課", "Ageing Society Division", (W,)),
    DepartmentSpec("健康福祉部", "健康づくり課", "Health Promotion Division", (W,)),
    DepartmentSpec("健康福祉部", "医務課", "Medical Affairs Division", (W,)),
    DepartmentSpec("健康福祉部", "生活衛生課", "Public Hygiene Division", (W, EN)),
    DepartmentSpec("男女参画・こども局", "こども家庭課", "Children and Families Division", (C,)),
    DepartmentSpec("男女参画・こども局", "こども未来課", "Children's Future Division", (C, E)),
    DepartmentSpec("産業労働部", "産業政策課", "Industrial Policy Division", (IND,)),
    DepartmentSpec("産業労働部", "企業立地課", "Business Location Division", (IND,)),
    DepartmentSpec("産業労働部", "雇用労働課", "Employment and Labour Division", (IND, W)),
    DepartmentSpec("産業労働部", "ものづくり産業課", "Manufacturing Industry Division", (IND,)),
    DepartmentSpec("産業労働部", "流通・貿易課", "Distribution and Trade Division", (IND, IN)),
    DepartmentSpec("産業労働部", "産業人材課", "Industrial Human Resources Division", (IND, E)),
    DepartmentSpec("農林水産部", "農政企画課", "Agricultural Policy Division", (A,)),
    DepartmentSpec("農林水産部", "園芸農産課", "Horticulture and Crops Division", (A,)),
    DepartmentSpec("農林水産部", "畜産課", "Livestock Division", (A,)),
    DepartmentSpec("農林水産部", "林業課", "Forestry Division", (A, EN)),
    DepartmentSpec("農林水産部", "水産課", "Fisheries Division", (A,)),
    DepartmentSpec("農林水産部", "農山漁村課", "Rural Communities Division", (A, CO)),
    DepartmentSpec("県土整備部", "道路課", "Roads Division", (INF,)),
    DepartmentSpec("県土整備部", "河川砂防課", "Rivers and Erosion Control Division", (INF, D)),
    DepartmentSpec("県土整備部", "港湾課", "Ports and Harbours Division", (INF,)),
    DepartmentSpec("県土整備部", "建築住宅課", "Building and Housing Division", (INF, W)),
    DepartmentSpec("県土整備部", "都市計画課", "Urban Planning Division", (INF, CO)),
    DepartmentSpec("教育委員会", "教育総務課", "Education General Affairs Division", (E,)),
    DepartmentSpec("教育委員会", "学校教育課", "School Education Division", (E, C)),
    DepartmentSpec("教育委員会", "特別支援教育課", "Special Needs Education Division", (E, W)),
    DepartmentSpec("教育委員会", "社会教育・文化財課", "Lifelong Learning and Heritage Division",
                   (E, CU)),
    DepartmentSpec("教育委員会", "保健体育課", "Health and Physical Education Division", (E, CU)),
)

IBARAKI_DEPARTMENTS: tuple[DepartmentSpec, ...] = (
    DepartmentSpec("政策企画部", "計画推進課", "Planning Promotion Division (Public-Private Partnership Desk)",
                   (AD, CO), is_desk=True),
    DepartmentSpec("福祉部", "子ども政策局少子化対策課", "Declining Birthrate Measures Division", (C,)),
    DepartmentSpec("営業戦略部", "観光戦略課", "Tourism Strategy Division", (T,)),
    DepartmentSpec("県民生活環境部", "環境政策課", "Environmental Policy Division", (EN,)),
    DepartmentSpec("産業戦略部", "技術振興局科学技術振興課", "Science and Technology Division", (IND, E)),
    DepartmentSpec("農林水産部", "農業政策課", "Agricultural Policy Division", (A,)),
)

# Departments of a municipal office; the desk is 市民協働課 in a city, まちづくり課 in a town.
MUNICIPAL_DEPARTMENTS: tuple[DepartmentSpec, ...] = (
    DepartmentSpec("総務部", "総務課", "General Affairs Division", (AD,)),
    DepartmentSpec("企画部", "企画政策課", "Planning Division", (AD, CO)),
    DepartmentSpec("市民生活部", "市民協働課", "Citizen Partnership Division", (CO,), is_desk=True),
    DepartmentSpec("市民生活部", "環境課", "Environment Division", (EN,)),
    DepartmentSpec("市民生活部", "防災危機管理課", "Disaster Management Division", (D,)),
    DepartmentSpec("保健福祉部", "子育て支援課", "Child-rearing Support Division", (C,)),
    DepartmentSpec("保健福祉部", "福祉課", "Welfare Division", (W,)),
    DepartmentSpec("保健福祉部", "高齢者支援課", "Elderly Support Division", (W,)),
    DepartmentSpec("保健福祉部", "健康づくり課", "Health Promotion Division", (W,)),
    DepartmentSpec("経済部", "観光振興課", "Tourism Promotion Division", (T, CU)),
    DepartmentSpec("経済部", "商工振興課", "Commerce and Industry Division", (IND,)),
    DepartmentSpec("経済部", "農林水産課", "Agriculture, Forestry and Fisheries Division", (A,)),
    DepartmentSpec("建設部", "建設課", "Construction Division", (INF,)),
    DepartmentSpec("教育委員会", "学校教育課", "School Education Division", (E, C)),
    DepartmentSpec("教育委員会", "生涯学習課", "Lifelong Learning Division", (E, CU)),
)


def municipal_departments(body: BodySpec) -> list[DepartmentSpec]:
    """A city keeps all fifteen departments; a town merges some and calls its desk まちづくり課."""
    if body.name.endswith("市"):
        return list(MUNICIPAL_DEPARTMENTS)
    kept = [spec for spec in MUNICIPAL_DEPARTMENTS
            if spec.name not in {"防災危機管理課", "高齢者支援課", "生涯学習課"}]
    return [
        DepartmentSpec("", "まちづくり課", "Community Development Division", spec.fields, True)
        if spec.is_desk else DepartmentSpec("", spec.name.replace("市民", "町民"), spec.name_en,
                                            spec.fields)
        for spec in kept
    ]
