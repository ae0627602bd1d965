"""The register service's OpenAPI document (served by padan serve at /v1/openapi.yaml) is a
valid OpenAPI 3 document and names every endpoint the service answers."""
import pathlib

import yaml
from openapi_spec_validator import validate

DOCUMENT = pathlib.Path(__file__).resolve().parents[2] / "Sources" / "PadanServer" / "openapi.yaml"


def test_the_document_is_valid_openapi():
    validate(yaml.safe_load(DOCUMENT.read_text()))


def test_the_document_names_every_endpoint():
    paths = yaml.safe_load(DOCUMENT.read_text())["paths"]
    assert set(paths) == {"/health", "/metrics", "/v1/openapi.yaml", "/v1/match", "/v1/people/{id}"}
    assert "post" in paths["/v1/match"] and "get" in paths["/v1/people/{id}"]
    for path in ("/v1/match", "/v1/people/{id}"):
        operation = next(iter(paths[path].values()))
        assert operation["security"] == [{"bearer": []}]
        assert "401" in operation["responses"]
