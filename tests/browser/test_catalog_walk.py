"""A member of the public walks through the catalog the way a resident would: search from the
home page, narrow the results, page on, open a project, read it in English and back."""

from __future__ import annotations

import re

import pytest
from django.utils import translation
from playwright.sync_api import expect

from .helpers import path_of
from .world import OPEN_CHILDCARE_COUNT, build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def ja(message: str) -> str:
    """The Japanese interface text for an English source string, as the page shows it."""
    with translation.override("ja"):
        return translation.gettext(message)


@pytest.fixture
def world(prefecture):
    return build_world(prefecture=prefecture)


def results(page):
    return page.locator("ol.project-list > li")


def test_it_walks_from_search_to_a_project_in_both_languages(world, page):
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "ja")

    # Search from the home page.
    search = page.get_by_role("search")
    search.get_by_label(ja("Keywords")).fill("子育て")
    with page.expect_navigation():
        search.get_by_role("button", name=ja("Search")).click()
    assert path_of(page) == "/catalog/"
    # 25 open projects of the children division this year, one of last year, one closed to
    # collaboration, one of the city and one of Ibaraki; the undisclosed one never shows.
    expect(page.locator(".results-summary")).to_contain_text(str(OPEN_CHILDCARE_COUNT + 4))
    expect(page.locator("#id_q")).to_have_value("子育て")
    names = " ".join(results(page).all_inner_texts())
    assert "子育て" in names
    assert "観光" not in names
    assert world.undisclosed.name not in page.content()

    # Narrow down: this prefecture, this fiscal year, open to collaboration.
    filters = page.locator("form.filters")
    filters.locator("#id_body").select_option(world.prefecture.code)
    filters.locator("#id_fiscal_year").select_option(str(world.fiscal_year))
    filters.get_by_label(ja("Open to collaboration only")).check()
    with page.expect_navigation():
        filters.get_by_role("button", name=ja("Show results")).click()
    expect(page.locator(".results-summary")).to_contain_text(str(OPEN_CHILDCARE_COUNT))
    expect(results(page)).to_have_count(20)
    first_page = " ".join(results(page).all_inner_texts())
    first_page_names = set(results(page).get_by_role("link").all_inner_texts())
    for near_miss in ("子育て講座開催事業", "子育て手当支給事業", "佐賀市子育てサロン事業", "茨城"):
        assert near_miss not in first_page
    # The filters keep what was chosen.
    expect(filters.locator("#id_body")).to_have_value(world.prefecture.code)
    expect(filters.locator("#id_fiscal_year")).to_have_value(str(world.fiscal_year))
    expect(filters.locator("#id_open")).to_be_checked()

    # Page 2 keeps the filters.
    pages = page.get_by_role("navigation", name=ja("Pages"))
    with page.expect_navigation():
        pages.get_by_role("link", name=ja("Next")).click()
    assert "page=2" in page.url and "open=on" in page.url and "q=" in page.url
    expect(results(page)).to_have_count(OPEN_CHILDCARE_COUNT - 20)
    expect(page.locator("ol.project-list")).to_have_attribute("start", "21")
    expect(pages.locator("[aria-current=page]")).to_contain_text("2")
    second_page_names = set(results(page).get_by_role("link").all_inner_texts())
    assert len(first_page_names | second_page_names) == OPEN_CHILDCARE_COUNT

    # Open the first project of page 2.
    link = results(page).first.get_by_role("link")
    name = link.inner_text()
    with page.expect_navigation():
        link.click()
    project = next(p for p in world.projects if p.name == name)
    assert path_of(page) == f"/catalog/{project.pk}/"
    expect(page.get_by_role("heading", level=1)).to_have_text(project.name)
    expect(page.locator("dl.details")).to_contain_text(f"{project.budget_yen:,}円")

    # Switch to English with the header link (the same page's English address, no JavaScript).
    with page.expect_navigation():
        page.locator("header .language-switch").get_by_role("link", name="English").click()
    assert path_of(page) == f"/en/catalog/{project.pk}/"
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text(project.name_en)
    expect(page.locator("dl.details")).to_contain_text(f"¥{project.budget_yen:,}")
    expect(page.locator("dl.details")).to_contain_text("Fiscal year")

    # And back to Japanese.
    with page.expect_navigation():
        page.locator("header .language-switch").get_by_role("link", name="日本語").click()
    assert path_of(page) == f"/catalog/{project.pk}/"
    expect(page.locator("html")).to_have_attribute("lang", "ja")
    expect(page.get_by_role("heading", level=1)).to_have_text(project.name)


def test_it_hides_undisclosed_projects_from_the_public(world, page):
    response = page.goto(world.undisclosed.get_absolute_url())
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text(ja("Page not found"))


def test_it_offers_the_skip_link_first_and_it_moves_focus_to_main(world, page):
    page.goto("/catalog/?q=子育て")
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => ({cls: document.activeElement.className, text: document.activeElement.innerText})"
    )
    assert focused["cls"] == "skip-link"
    assert focused["text"] == ja("Skip to main content")
    skip = page.locator("a.skip-link")
    box = skip.bounding_box()
    assert box and box["x"] >= 0 and box["y"] >= 0, "the focused skip link must be on screen"

    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))
    assert page.evaluate("() => document.activeElement.id") == "main"
    # The next Tab goes into the page content, not back to the header.
    page.keyboard.press("Tab")
    assert page.evaluate("() => !!document.activeElement.closest('main')")
