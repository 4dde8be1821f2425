from kyoso.organizations.models import Department, GovernmentBody
from kyoso.organizations.validators import validate_local_government_code


def test_it_builds_saga_and_its_twenty_municipalities_with_real_codes(seeded):
    saga = GovernmentBody.objects.get(code="410004")
    assert (saga.name, saga.name_en, saga.kind) == ("佐賀県", "Saga Prefecture", "prefecture")
    municipalities = GovernmentBody.objects.filter(parent=saga)
    assert municipalities.count() == 20
    codes = dict(municipalities.values_list("name", "code"))
    assert codes["佐賀市"] == "412015"
    assert codes["吉野ヶ里町"] == "413275"
    assert codes["太良町"] == "414417"
    for body in GovernmentBody.objects.all():
        validate_local_government_code(body.code)
        assert body.name_kana and body.name_en


def test_it_shows_a_second_prefecture_on_the_same_installation(seeded):
    assert GovernmentBody.objects.prefectures().count() == 2
    assert GovernmentBody.objects.get(code="080004").name == "茨城県"


def test_it_gives_every_body_departments_and_exactly_one_desk(seeded):
    saga = GovernmentBody.objects.get(code="410004")
    assert 40 <= saga.departments.count() <= 60
    assert saga.departments.get(is_desk=True).name == "協働推進課"
    for body in GovernmentBody.objects.filter(kind="municipality"):
        assert 10 <= body.departments.count() <= 15
        assert body.departments.filter(is_desk=True).count() == 1
    assert Department.objects.filter(name_en="").count() == 0
