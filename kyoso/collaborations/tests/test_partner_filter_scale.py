"""With thousands of partners, the public list does not put every one in its partner filter,
yet the filter still lists them once a body is chosen."""

from kyoso.collaborations.filters import CollaborationFilter, public_collaborations

from .test_query_counts import add_published


def test_beyond_the_limit_the_partner_list_waits_for_a_body(monkeypatch, collaboration):
    add_published(collaboration, 2)
    monkeypatch.setattr(CollaborationFilter, "PARTNERS_LISTED", 0)
    form = CollaborationFilter({}, queryset=public_collaborations()).form
    assert list(form.fields["partner"].widget.choices)[1:] == []
    assert form.fields["partner"].help_text
    monkeypatch.setattr(CollaborationFilter, "PARTNERS_LISTED", 50)
    body = collaboration.body.code
    form = CollaborationFilter({"body": body}, queryset=public_collaborations()).form
    assert len(list(form.fields["partner"].widget.choices)) > 1
