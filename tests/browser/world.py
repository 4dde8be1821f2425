"""A small world for the browser tests: two prefectures, a city, departments, about thirty
catalog projects with Japanese names (and one that is not disclosed), partner organizations.

Built with the factories so that it follows the models as they change.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kyoso.catalog.models import CatalogProject
from kyoso.catalog.tests.factories import CatalogProjectFactory
from kyoso.core.choices import CollaborationForm, PolicyField
from kyoso.core.fiscal import fiscal_year_of
from kyoso.organizations.models import GovernmentBody, Organization
from kyoso.organizations.tests.factories import (
    DepartmentFactory,
    MunicipalityFactory,
    OrganizationFactory,
    PrefectureFactory,
)

# Projects of the Saga prefecture's children division this fiscal year that match 子育て and
# are open to collaboration: more than one page of 20, so that paging can be walked.
OPEN_CHILDCARE_COUNT = 25

CHILDCARE_THEMES = [
    ("子育て支援センター運営事業", "Childcare Support Centre"),
    ("子育て世帯訪問支援事業", "Home Visits to Families with Children"),
    ("子育てひろば開設事業", "Childcare Drop-in Spaces"),
    ("子育て応援アプリ運用事業", "Childcare Support App"),
    ("ひとり親家庭子育て相談事業", "Counselling for Single Parents"),
]


@dataclass
class World:
    prefecture: GovernmentBody
    other_prefecture: GovernmentBody
    municipality: GovernmentBody
    fiscal_year: int
    departments: dict = field(default_factory=dict)
    projects: list[CatalogProject] = field(default_factory=list)
    undisclosed: CatalogProject | None = None
    organizations: list[Organization] = field(default_factory=list)

    @property
    def project(self) -> CatalogProject:
        """A disclosed project with every field filled, for detail pages."""
        return self.projects[0]


def build_world(prefecture=None, department=None) -> World:
    """The personas' prefecture and department may be passed in so that staff own projects."""
    year = fiscal_year_of()
    prefecture = prefecture or PrefectureFactory()
    other_prefecture = PrefectureFactory(
        code="080004", name="茨城県", name_en="Ibaraki Prefecture", name_kana="いばらきけん"
    )
    city = MunicipalityFactory(
        parent=prefecture, code="412015", name="佐賀市", name_en="Saga City", name_kana="さがし"
    )
    children = department or DepartmentFactory(
        body=prefecture, name="こども家庭課", name_en="Children and Families Division"
    )
    tourism = DepartmentFactory(body=prefecture, name="観光課", name_en="Tourism Division")
    desk = DepartmentFactory(
        body=prefecture, name="協働推進課", name_en="Citizens Partnership Division", is_desk=True
    )
    city_children = DepartmentFactory(
        body=city, name="子育て支援課", name_en="Child-rearing Support Division"
    )
    ibaraki_children = DepartmentFactory(
        body=other_prefecture, name="子ども未来課", name_en="Children's Future Division"
    )
    world = World(
        prefecture=prefecture,
        other_prefecture=other_prefecture,
        municipality=city,
        fiscal_year=year,
        departments={
            "children": children,
            "tourism": tourism,
            "desk": desk,
            "city_children": city_children,
            "ibaraki_children": ibaraki_children,
        },
    )

    for n in range(OPEN_CHILDCARE_COUNT):
        name, name_en = CHILDCARE_THEMES[n % len(CHILDCARE_THEMES)]
        world.projects.append(
            CatalogProjectFactory(
                department=children,
                fiscal_year=year,
                code=f"K-{n + 1:03d}",
                name=f"{name}(第{n + 1}期)",
                name_en=f"{name_en} (phase {n + 1})",
                purpose="子育て家庭の孤立を防ぎ、地域で支え合う仕組みをつくる。",
                content="相談窓口の運営、交流イベントの開催、情報発信。",
                budget_yen=1_000_000 + 250_000 * n,
                implementation=CatalogProject.Implementation.OUTSOURCED,
                beneficiaries="未就学児のいる家庭",
                field=PolicyField.CHILDREN,
                open_to_collaboration=True,
                collaboration_forms=[CollaborationForm.OUTSOURCING, CollaborationForm.CO_HOSTING],
                contact="こども家庭課 0952-25-0000",
            )
        )
    # Near misses for each filter: another year, closed to collaboration, another body.
    others = [
        dict(department=children, fiscal_year=year - 1, name="子育て講座開催事業",
             name_en="Parenting Classes", field=PolicyField.CHILDREN),
        dict(department=children, name="子育て手当支給事業", name_en="Child Allowance",
             field=PolicyField.CHILDREN, open_to_collaboration=False),
        dict(department=city_children, name="佐賀市子育てサロン事業",
             name_en="Saga City Parenting Salon", field=PolicyField.CHILDREN),
        dict(department=ibaraki_children, name="茨城子育て応援事業",
             name_en="Ibaraki Childcare Support", field=PolicyField.CHILDREN),
        dict(department=tourism, name="観光ボランティアガイド育成事業",
             name_en="Training Volunteer Tourist Guides", field=PolicyField.TOURISM),
        dict(department=tourism, name="有田焼産地ツアー事業", name_en="Arita Porcelain Tours",
             field=PolicyField.TOURISM, budget_yen=None),
        dict(department=desk, name="協働提案制度運営事業",
             name_en="Running the Collaboration Proposal Scheme",
             field=PolicyField.ADMINISTRATION),
    ]
    for data in others:
        world.projects.append(CatalogProjectFactory(**{"fiscal_year": year, **data}))
    world.undisclosed = CatalogProjectFactory(
        department=children, fiscal_year=year, name="子育て施策見直し検討事業(非公開)",
        name_en="Review of Childcare Policy (undisclosed)", disclosed=False,
    )

    world.organizations = [
        OrganizationFactory(
            name="NPO法人 さが子育てネット", name_kana="えぬぴーおーほうじん さがこそだてねっと",
            name_en="Saga Childcare Network", kind=Organization.Kind.NPO_CORPORATION,
            representative="山田 花子", address="佐賀県佐賀市城内1-1-59",
            activity_record="2008年から子育てひろばを運営。",
        ),
        OrganizationFactory(
            name="佐賀市民活動プラザ", name_kana="さがしみんかつどうぷらざ",
            name_en="Saga Civic Activity Plaza", kind=Organization.Kind.NPO_CORPORATION,
            is_intermediary=True,
        ),
        OrganizationFactory(
            name="株式会社 有明テック", name_kana="かぶしきがいしゃ ありあけてっく",
            name_en="Ariake Tech Co., Ltd.", kind=Organization.Kind.COMPANY,
        ),
    ]
    return world
