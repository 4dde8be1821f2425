"""Every partner page answers in Japanese at the root and in English under /en/."""

import pytest

from kyoso.proposals.models import Proposal

from .factories import make_draft, submit, walk
from .partner_pages import signed_in, url

# (page, state the proposal is in, heading in Japanese, heading in English)
PAGES = [
    ("my_proposals", None, "自団体の提案", "My proposals"),
    ("new", None, "提案を作成する", "Start a proposal"),
    ("task_list", "draft", "提案の項目", "Sections of the proposal"),
    ("section:about", "draft", "提案の概要", "About the proposal"),
    ("section:background", "draft", "この項目を非公開にする", "Keep this section confidential"),
    ("section:budget", "draft", "予算と費用負担", "Budget and who pays"),
    ("section:collaboration", "draft", "希望する協働の形態", "Form of collaboration you ask for"),
    ("partners", "draft", "共同提案者等を追加する", "Add a partner"),
    ("attachments", "draft", "ファイルを添付する", "Attach a file"),
    ("check", "draft", "提出前に入力内容を確認", "Check your answers before you submit"),
    ("submitted", "submitted", "今後の流れ", "What happens next"),
    ("print", "submitted", "受付番号", "Reference number"),
    ("revise", "routed", "提案を改訂する", "Revise the proposal"),
    ("revisions", "routed", "初回提出", "First submission"),
    ("withdraw", "draft", "取り下げてよろしいですか", "Do you really want to withdraw"),
]


@pytest.mark.parametrize("language", ["ja", "en"])
@pytest.mark.parametrize(("page", "state", "ja", "en"), PAGES)
def test_it_renders_in_both_languages(client, people, prefecture, page, state, ja, en, language):
    proposer = people["proposer"]
    args = []
    if state:
        proposal = make_draft(proposer, prefecture)
        if state == "submitted":
            submit(proposal, proposer)
        elif state != "draft":
            walk(proposal, Proposal.State(state), **people)
        args.append(proposal.pk)
    name, _, slug = page.partition(":")
    if slug:
        args.append(slug)
    response = signed_in(client, proposer).get(url(name, *args, language=language))
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in html
    assert (ja if language == "ja" else en) in html
    assert (en if language == "ja" else ja) not in html
