"""allauth's pages wear Kyoso's layout, in Japanese and in English, and are accessible."""

import re

import pytest

from kyoso.organizations.tests.factories import UserFactory

from .helpers import log_in

ENTRANCE_PAGES = [
    # path, Japanese heading, English heading
    ("/accounts/login/", "ログイン", "Sign In"),
    ("/accounts/signup/", "ユーザー登録", "Sign Up"),
    ("/accounts/password/reset/", "パスワードの再設定", "Password Reset"),
    ("/accounts/password/reset/done/", "パスワードの再設定", "Password Reset"),
    ("/accounts/confirm-email/", "メールアドレスを確認してください", "Verify Your Email Address"),
    ("/accounts/confirm-email/not-a-key/", "メールアドレスの確認", "Confirm Email Address"),
    ("/accounts/password/reset/key/done/", "パスワード変更", "Change Password"),
]


def _h1(html: str) -> str:
    return " ".join(re.search(r"<h1>(.*?)</h1>", html, re.S).group(1).split())


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "ja", "en"), ENTRANCE_PAGES)
def test_it_shows_the_entrance_pages_in_japanese_and_english(client, path, ja, en):
    japanese = client.get(path)
    english = client.get("/en" + path)

    assert japanese.status_code == english.status_code == 200
    assert ja in _h1(japanese.content.decode())
    assert en in _h1(english.content.decode())
    for response, lang in ((japanese, "ja"), (english, "en")):
        html = response.content.decode()
        assert f'<html lang="{lang}">' in html
        # Kyoso's layout: skip link, header and main landmark from base.html.
        assert 'class="skip-link"' in html
        assert '<main id="main"' in html
        assert html.count("<h1>") == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "fields"),
    [
        ("/accounts/login/", {"login": "email", "password": "current-password"}),
        (
            "/accounts/signup/",
            {"email": "email", "password1": "new-password", "password2": "new-password"},
        ),
        ("/accounts/password/reset/", {"email": "email"}),
    ],
)
def test_it_labels_every_field_and_sets_autocomplete(client, path, fields):
    html = client.get(path).content.decode()

    for name, autocomplete in fields.items():
        assert f'<label for="id_{name}">' in html
        field = re.search(rf'<input[^>]*name="{name}"[^>]*>', html).group(0)
        assert f'autocomplete="{autocomplete}"' in field


@pytest.mark.django_db
def test_it_hides_the_honeypot_from_people_and_screen_readers(client):
    html = client.get("/accounts/signup/").content.decode()

    assert (
        '<div class="visually-hidden" aria-hidden="true"><input type="text" name="website"' in html
    )
    assert '<label for="id_website">' not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("prefix", "summary", "message"),
    [
        ("", "入力内容に問題があります", "正しくありません"),
        ("/en", "There is a problem", "not correct"),
    ],
)
def test_it_summarises_a_failed_login_and_keeps_the_address(client, prefix, summary, message):
    UserFactory(email="hanako@example.jp")

    response = client.post(
        f"{prefix}/accounts/login/", {"login": "hanako@example.jp", "password": "wrong password"}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="error-summary" role="alert"' in html
    assert summary in html
    assert message in html
    assert 'value="hanako@example.jp"' in html


@pytest.mark.django_db
@pytest.mark.parametrize(("prefix", "text"), [("", "ログアウトしますか?"), ("/en", "sign out")])
def test_it_asks_before_logging_out(client, outsider, prefix, text):
    client.force_login(outsider)

    html = client.get(f"{prefix}/accounts/logout/").content.decode()

    assert text in html
    assert 'action="' + prefix + '/accounts/logout/"' in html


@pytest.mark.django_db
@pytest.mark.parametrize("prefix", ["", "/en"])
def test_it_signs_out_to_the_home_page_of_the_same_language(client, outsider, prefix):
    client.force_login(outsider)

    response = client.post(f"{prefix}/accounts/logout/")

    assert response.status_code == 302 and response["Location"] == f"{prefix}/"


@pytest.mark.django_db
@pytest.mark.parametrize(("prefix", "heading"), [("", "多要素認証"), ("/en", "Two-Factor")])
def test_it_shows_the_second_factor_pages_in_both_languages(
    client, department_officer, prefix, heading
):
    log_in(client, department_officer, prefix=prefix)

    index = client.get(f"{prefix}/accounts/2fa/")

    assert index.status_code == 200
    assert heading in _h1(index.content.decode())
    assert 'class="card"' in index.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(("prefix", "heading"), [("", "多要素認証"), ("/en", "Two-Factor")])
def test_it_asks_for_the_code_on_a_labelled_page_in_both_languages(
    client, department_officer, prefix, heading
):
    client.post(
        f"{prefix}/accounts/login/",
        {"login": department_officer.email, "password": "correct horse battery"},
    )

    html = client.get(f"{prefix}/accounts/2fa/authenticate/").content.decode()

    assert heading in _h1(html)
    assert '<label for="id_code">' in html
    assert 'autocomplete="one-time-code"' in html
