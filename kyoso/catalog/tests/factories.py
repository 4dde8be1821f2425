import factory

from kyoso.catalog.models import CatalogProject
from kyoso.core.choices import PolicyField
from kyoso.organizations.tests.factories import DepartmentFactory


class CatalogProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CatalogProject

    department = factory.SubFactory(DepartmentFactory)
    body = factory.LazyAttribute(lambda o: o.department.body)
    fiscal_year = 2025
    name = factory.Sequence(lambda n: f"試験事業{n}")
    purpose = "県民サービスの向上"
    content = "事業の内容"
    budget_yen = 1_000_000
    field = PolicyField.WELFARE
    open_to_collaboration = True
    disclosed = True
