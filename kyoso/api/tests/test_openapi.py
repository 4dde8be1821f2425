"""/api/v1/openapi.json is a complete OpenAPI document of every endpoint."""

import pytest

ENDPOINTS = {
    "/api/v1/": "IndexOut",
    "/api/v1/bodies": "PagedBodyOut",
    "/api/v1/bodies/{code}": "BodyOut",
    "/api/v1/bodies/{code}/departments": "PagedDepartmentOut",
    "/api/v1/departments/{department_id}": "DepartmentOut",
    "/api/v1/catalog/projects": "PagedProjectSummaryOut",
    "/api/v1/catalog/projects/{project_id}": "ProjectOut",
    "/api/v1/statistics/proposals": "ProposalStatisticsOut",
    "/api/v1/proposals/results": "PagedResultOut",
    "/api/v1/proposals/results/{proposal_id}": "ResultOut",
}
P = "/api/v1/proposals/{proposal_id}"
# Operations that need a token or the session: (method, path) → the success status and schema.
AUTHENTICATED = {
    ("get", "/api/v1/proposals/mine"): (200, "PagedProposalSummaryOut"),
    ("get", "/api/v1/proposals/inbox"): (200, "PagedProposalSummaryOut"),
    ("get", "/api/v1/proposals/assignments"): (200, "PagedQueueItemOut"),
    ("post", "/api/v1/proposals"): (201, "ProposalSummaryOut"),
    ("get", P): (200, "ProposalOut"),
    ("patch", P): (200, "ProposalSummaryOut"),
    ("get", f"{P}/revisions"): (200, None),
    ("get", f"{P}/messages"): (200, None),
    ("post", f"{P}/messages"): (201, "MessageOut"),
    ("get", f"{P}/meetings"): (200, None),
    ("post", f"{P}/meetings"): (201, "MeetingOut"),
    ("post", f"{P}/partners"): (201, "PartnerOut"),
    ("post", f"{P}/submit"): (200, "ProposalSummaryOut"),
    ("post", f"{P}/revise"): (200, "ProposalSummaryOut"),
    ("post", f"{P}/withdraw"): (200, "ProposalSummaryOut"),
    ("post", f"{P}/release-confidential"): (200, "ProposalSummaryOut"),
    ("post", f"{P}/accept"): (200, "ProposalSummaryOut"),
    ("post", f"{P}/return"): (200, "ProposalSummaryOut"),
    ("post", f"{P}/out-of-scope"): (200, "ProposalSummaryOut"),
    ("post", f"{P}/forward"): (200, "ForwardOut"),
    ("post", f"{P}/route"): (200, "ProposalSummaryOut"),
    ("post", f"{P}/assignments/{{assignment_id}}/reassign"): (200, "AssignmentOut"),
    ("post", f"{P}/assignments/{{assignment_id}}/decision"): (201, "DecisionOut"),
    ("post", f"{P}/decisions/{{decision_id}}/countersign"): (200, "DecisionOut"),
    ("post", f"{P}/decisions/{{decision_id}}/refuse-countersignature"): (200, "DecisionOut"),
    ("post", f"{P}/publish"): (200, "ProposalSummaryOut"),
    ("post", f"{P}/close"): (200, "ProposalSummaryOut"),
}


@pytest.fixture
def document(client, db):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.json()


def parameters(document, path) -> dict:
    return {param["name"]: param for param in document["paths"][path]["get"]["parameters"]}


def test_it_documents_every_endpoint_with_its_response_schema(document):
    assert document["info"]["title"] == "Kyoso API"
    assert document["info"]["version"] == "1"
    # Other apps add their own endpoints (and test them); these must all be there.
    assert set(ENDPOINTS) | {path for _m, path in AUTHENTICATED} <= set(document["paths"])
    for path, schema_name in ENDPOINTS.items():
        operation = document["paths"][path]["get"]
        assert operation["summary"] and operation["description"] and operation["tags"], path
        ok = operation["responses"]["200"]["content"]["application/json"]["schema"]
        assert ok == {"$ref": f"#/components/schemas/{schema_name}"}, path
        if path != "/api/v1/":  # records and pages past the last can be missing
            assert "404" in operation["responses"], path


def test_it_documents_lists_as_count_next_previous_results(document):
    schemas = document["components"]["schemas"]
    for name in ("PagedBodyOut", "PagedDepartmentOut", "PagedProjectSummaryOut"):
        assert set(schemas[name]["required"]) == {
            "count",
            "count_exact",
            "next",
            "previous",
            "results",
        }
        assert schemas[name]["properties"]["results"]["type"] == "array"


def test_it_documents_the_catalog_filters_and_limits(document):
    params = parameters(document, "/api/v1/catalog/projects")
    expected = {
        "q",
        "body",
        "department",
        "field",
        "fiscal_year",
        "open",
        "budget_min",
        "budget_max",
        "page",
        "page_size",
        "lang",
    }
    assert expected <= set(params)
    assert all(param["in"] == "query" for param in params.values())
    assert params["page_size"]["schema"]["maximum"] == 100
    assert params["page_size"]["schema"]["default"] == 20
    assert "422" in document["paths"]["/api/v1/catalog/projects"]["get"]["responses"]


def test_it_documents_field_codes_as_an_enumeration(document):
    field = document["components"]["schemas"]["PolicyField"]
    assert "children" in field["enum"]


def test_it_is_a_valid_openapi_document(document):
    validator = pytest.importorskip("openapi_spec_validator")
    validator.validate(document)


@pytest.mark.django_db
def test_it_serves_interactive_documentation(client):
    assert client.get("/api/v1/docs").status_code == 200


def test_it_documents_the_proposal_operations_with_their_security_and_errors(document):
    schemes = document["components"]["securitySchemes"]
    assert schemes["TokenAuth"] == {"type": "http", "scheme": "bearer"}
    for (method, path), (status, schema_name) in AUTHENTICATED.items():
        operation = document["paths"][path][method]
        assert operation["summary"] and operation["description"] and operation["tags"], path
        assert {"TokenAuth": []} in operation["security"], path
        responses = operation["responses"]
        assert str(status) in responses, (method, path)
        if schema_name:
            ok = responses[str(status)]["content"]["application/json"]["schema"]
            assert ok == {"$ref": f"#/components/schemas/{schema_name}"}, (method, path)
        expected = {"401", "403", "404"} | ({"400", "409"} if method != "get" else set())
        assert expected <= set(responses), (method, path)
    for path in ("/api/v1/proposals/results", "/api/v1/proposals/results/{proposal_id}"):
        assert "security" not in document["paths"][path]["get"]


def test_it_documents_the_idempotency_key_header(document):
    params = {p["name"]: p for p in document["paths"]["/api/v1/proposals"]["post"]["parameters"]}
    assert params["Idempotency-Key"]["in"] == "header"
    assert not params["Idempotency-Key"].get("required", False)
