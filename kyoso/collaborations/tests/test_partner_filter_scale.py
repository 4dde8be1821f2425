"""With thousands of partners, the public list does not put every one in its partner filter,
yet the filter still lists them once a body is chosen, and the API never reads the list."""

from kyoso.collaborations.filters import CollaborationFilter, public_collaborations

from .test_query_counts import add_published


def test_beyond_the_limit_the_partner_list_waits_for_a_body(monkeypatch, collaboration):
    add_published(collaboration, 2)
    monkeypatch.setattr(CollaborationFilter, "PARTNERS_LISTED", 0)
    found = CollaborationFilter({}, queryset=public_collaborations())
    assert found.partner_choices[1:] == []
    assert found.form.fields["partner"].help_text
    monkeypatch.setattr(CollaborationFilter, "PARTNERS_LISTED", 50)
    body = collaboration.body.code
    found = CollaborationFilter({"body": body}, queryset=public_collaborations())
    partners = {str(partner.pk) for partner in collaboration.partners.all()}
    assert {value for value, _label in found.partner_choices[1:]} == partners


def test_a_partner_given_in_the_address_is_still_offered(monkeypatch, client, collaboration):
    add_published(collaboration, 1)
    monkeypatch.setattr(CollaborationFilter, "PARTNERS_LISTED", 0)
    partner = collaboration.partners.first()
    page = client.get(f"/collaborations/?partner={partner.pk}").content.decode()
    assert f'<option value="{partner.pk}" selected>{partner.name}</option>' in page


def test_the_api_does_not_read_the_partners_offered(monkeypatch, client, collaboration):
    add_published(collaboration, 2)

    def offered(found):
        raise AssertionError("the API read the partners a page offers")

    monkeypatch.setattr(CollaborationFilter, "partner_choices", property(offered))
    assert client.get("/api/v1/collaborations").status_code == 200
    assert client.get("/api/v1/collaborations?format=csv").status_code == 200
