"""Build the demo world in the database: Saga and its municipalities, Ibaraki, partners, people.

Not a user action, so it writes no audit events; it goes through the models' constraints (bulk
inserts still hit every unique and check constraint in the database). ``bulk_create`` skips
``save()``, so the catalog's ``search_text`` is set here with the model's own logic.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.db import transaction

from kyoso.accounts.models import User
from kyoso.catalog.models import CatalogProject
from kyoso.organizations.models import (
    BodyMembership,
    Department,
    GovernmentBody,
    Organization,
    OrganizationMembership,
)
from kyoso.organizations.validators import validate_local_government_code
from kyoso.proposals.models import Proposal

from .history import build_history
from .world import organizations as org_world
from .world.agreements import remove_agreements, seed_agreements
from .world.bodies import (
    IBARAKI,
    IBARAKI_DEPARTMENTS,
    SAGA,
    SAGA_DEPARTMENTS,
    SAGA_MUNICIPALITIES,
    BodySpec,
    DepartmentSpec,
    municipal_departments,
)
from .world.catalog import catalog_rows, previous_year_rows
from .world.collaborations import remove_collaborations, seed_collaborations
from .world.live import seed_live_proposals

DEMO_PASSWORD = "kyoso-demo-2026"  # noqa: S105 - printed for everyone on purpose: a demo
MAIN_FISCAL_YEAR = 2026
SEED = 2026


@dataclass(frozen=True)
class Scale:
    prefecture_projects: int
    city_projects: int
    town_projects: int
    ibaraki_projects: int
    previous_year_share: float


SCALES = {
    "full": Scale(2_000, 320, 200, 150, 0.5),
    "small": Scale(200, 30, 20, 20, 0.3),
}


@dataclass(frozen=True)
class DemoUser:
    email: str
    name: str
    role: str
    try_this: str


DEMO_USERS = (
    DemoUser("admin@kyoso.example", "運営 管理者", "Platform administrator (superuser)",
             "/admin/ and every body's data"),
    DemoUser("pref-admin@kyoso.example", "古賀 健一", "Body administrator, 佐賀県",
             "import the catalog; /agreements/mine/ for the prefecture's agreements"),
    DemoUser("desk@kyoso.example", "中島 美咲", "Desk coordinator, 佐賀県 協働推進課",
             "/desk/ inbox: accept, route, countersign, publish; /desk/budget/; /notices/"),
    DemoUser("officer@kyoso.example", "松尾 大輔", "Department officer, 佐賀県 こども家庭課",
             "/desk/assignments/: decide the proposal due in five days; /collaborations/mine/"),
    DemoUser("city-admin@kyoso.example", "江口 由美子", "Body administrator, 佐賀市",
             "the city's catalog; the prefecture's undisclosed entries stay hidden"),
    DemoUser("city-officer@kyoso.example", "坂本 翔太", "Department officer, 佐賀市 子育て支援課",
             "edit the city's child-rearing entries"),
    DemoUser("npo@kyoso.example", "原 恵子", "CSO member (admin of NPO法人 子育てネットさが)",
             "/proposals/: your proposal under consultation; propose on a 子育て project"),
    DemoUser("company@kyoso.example", "井上 誠", "Company member (株式会社 佐賀情報システム)",
             "/proposals/: a proposal returned for revision, one at the desk"),
    DemoUser("university@kyoso.example", "池田 陽子", "University member (佐賀みらい大学)",
             "search by field: education, community"),
    DemoUser("supporter@kyoso.example", "副島 拓也",
             "Intermediary supporter (公益財団法人 佐賀未来創造基金)",
             "/proposals/: a draft co-written with the NPO (waits for its consent)"),
    DemoUser("citizen@kyoso.example", "草場 直美", "Citizen and donor (no memberships)",
             "/bodies/410004/results/, /statistics/410004/, /collaborations/, /cases/"),
)
STAFF_EMAILS = {user.email for user in DEMO_USERS[:6]}


def demo_exists() -> bool:
    return User.objects.filter(email=DEMO_USERS[0].email).exists()


def foreign_saga_exists() -> bool:
    """Saga is in the database but this command did not put it there."""
    return GovernmentBody.objects.filter(code=SAGA.code).exists() and not demo_exists()


def reset() -> None:
    """Remove what the demo created (and only that), in the order the foreign keys require."""
    codes = [SAGA.code, IBARAKI.code, *(spec.code for spec in SAGA_MUNICIPALITIES)]
    with transaction.atomic():
        remove_collaborations(codes)  # collaborations protect proposals and agreements
        remove_agreements(codes)  # agreements protect their bodies and partners
        # Proposals first: they hold on to their bodies and organizations (PROTECT).
        Proposal.objects.filter(body__code__in=codes).delete()
        User.objects.filter(email__in=[user.email for user in DEMO_USERS]).delete()
        names = [spec.name for spec in org_world.ORGANIZATIONS]
        Organization.objects.filter(name__in=names).delete()
        CatalogProject.objects.filter(body__code__in=codes).delete()
        Department.objects.filter(body__code__in=codes).delete()
        bodies = GovernmentBody.objects.filter(code__in=codes)
        bodies.filter(kind=GovernmentBody.Kind.MUNICIPALITY).delete()
        bodies.delete()


def _body(spec: BodySpec, *, kind: str, parent: GovernmentBody | None = None) -> GovernmentBody:
    validate_local_government_code(spec.code)
    body = GovernmentBody(
        code=spec.code, kind=kind, name=spec.name, name_kana=spec.name_kana, name_en=spec.name_en,
        parent=parent, website=spec.website,
        # Saga's own rules: answer within 30 days, and the principle of saying yes.
        answer_days=30, principle_of_yes=spec.code == SAGA.code,
    )
    body.full_clean()
    body.save()
    return body


def _departments(body: GovernmentBody, spec: BodySpec, departments: list[DepartmentSpec]):
    phones = {
        department.name: f"{spec.phone_prefix}-{7001 + index * 11}"
        for index, department in enumerate(departments)
    }
    created = Department.objects.bulk_create([
        Department(
            body=body, bureau=department.bureau, name=department.name, name_en=department.name_en,
            is_desk=department.is_desk, phone=phones[department.name],
        )
        for department in departments
    ])
    return {department.name: department for department in created}, phones


def _projects(body: GovernmentBody, by_name: dict[str, Department], rows: list[dict]) -> int:
    projects = []
    for row in rows:
        row = dict(row)
        department = by_name[row.pop("department")]
        project = CatalogProject(body=body, department=department, **row)
        project.search_text = project.build_search_text(department_name=department.name)
        projects.append(project)
    CatalogProject.objects.bulk_create(projects, batch_size=1_000)
    return len(projects)


def _catalog(rng, body, spec, departments, *, count, previous_share, signatures=False,
             median_thousand=3_000.0, open_share=0.8) -> int:
    by_name, phones = _departments(body, spec, departments)
    rows = catalog_rows(
        rng, body=spec, departments=departments, phones=phones, fiscal_year=MAIN_FISCAL_YEAR,
        count=count, with_signatures=signatures, median_thousand=median_thousand,
        open_share=open_share,
    )
    rows += previous_year_rows(rng, rows, share=previous_share)
    return _projects(body, by_name, rows)


def _organizations(rng: random.Random, saga: GovernmentBody) -> dict[str, Organization]:
    places = [spec.name for spec in SAGA_MUNICIPALITIES]
    organizations = []
    for serial, spec in enumerate(org_world.ORGANIZATIONS, start=1):
        founded = dt.date(rng.randint(1975, 2022), rng.randint(1, 12), rng.randint(1, 28))
        organizations.append(Organization(
            name=spec.name, name_kana=spec.name_kana, name_en=spec.name_en, kind=spec.kind,
            is_intermediary=spec.is_intermediary,
            corporate_number="" if spec.kind == "voluntary" else org_world.corporate_number(serial),
            prefecture=saga, address=org_world.address(rng, rng.choice(places)),
            representative=org_world.person_name(rng),
            email=f"info{serial:03d}@partners.kyoso.example",
            phone=f"0952-{rng.randint(20, 99)}-{rng.randint(1000, 9999)}",
            founded_on=founded, members_count=rng.randint(5, 300), fields=list(spec.fields),
            activity_record=spec.activity,
        ))
    for organization in organizations:
        organization.full_clean(validate_unique=False)
        organization.search_text = organization.build_search_text()  # bulk_create skips save()
    created = Organization.objects.bulk_create(organizations)
    return {organization.name: organization for organization in created}


def _users(saga, saga_city, departments, organizations) -> dict[str, User]:
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    password = make_password(DEMO_PASSWORD)  # hashed once: scrypt is slow on purpose
    users = {}
    for index, spec in enumerate(DEMO_USERS):
        user = User(email=spec.email, display_name=spec.name, password=password,
                    is_superuser=index == 0, is_staff=index == 0)
        user.save()
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        if spec.email in STAFF_EMAILS:
            TOTP.activate(user, generate_totp_secret())
        users[spec.email.split("@")[0]] = user
    saga_departments, city_departments = departments
    role = BodyMembership.Role
    BodyMembership.objects.bulk_create([
        BodyMembership(user=users["pref-admin"], body=saga, role=role.BODY_ADMIN),
        BodyMembership(user=users["desk"], body=saga, role=role.DESK,
                       department=saga_departments["協働推進課"]),
        BodyMembership(user=users["officer"], body=saga, role=role.DEPARTMENT,
                       department=saga_departments["こども家庭課"]),
        BodyMembership(user=users["city-admin"], body=saga_city, role=role.BODY_ADMIN),
        BodyMembership(user=users["city-officer"], body=saga_city, role=role.DEPARTMENT,
                       department=city_departments["子育て支援課"]),
    ])
    active, admin = OrganizationMembership.Status.ACTIVE, OrganizationMembership.Role.ADMIN
    OrganizationMembership.objects.bulk_create([
        OrganizationMembership(user=users[key], organization=organizations[name], role=admin,
                               status=active)
        for key, name in (
            ("npo", "NPO法人 子育てネットさが"),
            ("company", "株式会社 佐賀情報システム"),
            ("university", "国立大学法人 佐賀みらい大学"),
            ("supporter", org_world.INTERMEDIARY_FOUNDATION),
        )
    ])
    return users


@transaction.atomic
def seed(*, scale: str = "full") -> dict[str, int]:
    """Create the whole demo world in one transaction: all of it or nothing."""
    size = SCALES[scale]
    rng = random.Random(SEED)
    counts = {"projects": 0}
    prefecture = GovernmentBody.Kind.PREFECTURE
    saga = _body(SAGA, kind=prefecture)
    counts["projects"] += _catalog(
        rng, saga, SAGA, list(SAGA_DEPARTMENTS), count=size.prefecture_projects,
        previous_share=size.previous_year_share, signatures=True, median_thousand=4_000,
    )
    saga_departments = {d.name: d for d in saga.departments.all()}
    city_departments = {}
    for spec in SAGA_MUNICIPALITIES:
        municipality = _body(spec, kind=GovernmentBody.Kind.MUNICIPALITY, parent=saga)
        is_city = spec.name.endswith("市")
        counts["projects"] += _catalog(
            rng, municipality, spec, municipal_departments(spec),
            count=size.city_projects if is_city else size.town_projects,
            previous_share=size.previous_year_share, median_thousand=1_500 if is_city else 800,
            open_share=0.7,
        )
        if spec.code == "412015":
            saga_city = municipality
            city_departments = {d.name: d for d in municipality.departments.all()}
    ibaraki = _body(IBARAKI, kind=prefecture)
    counts["projects"] += _catalog(
        rng, ibaraki, IBARAKI, list(IBARAKI_DEPARTMENTS), count=size.ibaraki_projects,
        previous_share=0.0, median_thousand=4_000,
    )
    organizations = _organizations(rng, saga)
    users = _users(saga, saga_city, (saga_departments, city_departments), organizations)
    desk = User.objects.get(email="desk@kyoso.example")
    counts["proposals"] = build_history(random.Random(SEED + 1), saga, desk)
    counts["proposals"] += seed_live_proposals(saga=saga, saga_city=saga_city, users=users)
    counts["agreements"] = seed_agreements(saga=saga, saga_city=saga_city, users=users)
    counts["collaborations"] = seed_collaborations(saga=saga, saga_city=saga_city, users=users)
    counts["bodies"] = 2 + len(SAGA_MUNICIPALITIES)
    counts["organizations"] = len(organizations)
    counts["users"] = len(DEMO_USERS)
    return counts
