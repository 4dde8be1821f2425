"""The results page reads the fiscal year asked for in ASCII or full-width digits only: other
scripts' digits (「፩」, which str.isdigit() accepts and int() refuses) are an unknown year."""

import pytest

from .public_pages import TITLE, published_result


@pytest.fixture
def result(cso_member, desk_coordinator, department, department_officer, other_department,
           other_department_officer, prefecture):
    return published_result(
        proposer=cso_member, desk=desk_coordinator, department=department,
        officer=department_officer, other_department=other_department,
        other_officer=other_department_officer, body=prefecture,
    )


@pytest.mark.parametrize(("prefix", "error"), [
    ("", "この年度に公表された結果はありません"),
    ("/en", "There are no published results for this fiscal year."),
])
@pytest.mark.parametrize("typed", ["፩", "፩፪", "٢٠٢٦x", "²", "1e3"])
def test_a_year_in_other_digits_is_explained_not_a_server_error(
    client, result, prefix, error, typed
):
    response = client.get(f"{prefix}/bodies/{result.body.code}/results/",
                          {"fiscal_year": typed})
    assert response.status_code == 200
    html = response.content.decode()
    assert error in html and 'aria-invalid="true"' in html
    assert TITLE in html  # all years are shown instead


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_a_year_in_full_width_digits_is_read(client, result, prefix):
    full_width = str(result.fiscal_year).translate(
        str.maketrans("0123456789", "０１２３４５６７８９")
    )
    response = client.get(f"{prefix}/bodies/{result.body.code}/results/",
                          {"fiscal_year": full_width})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'aria-invalid="true"' not in html and TITLE in html
