"""A bounded schemathesis run against the served OpenAPI document: no request answers 5xx.

Each operation gets a few generated requests (hypothesis, derandomized so a failure repeats).
Writes are fuzzed without the token (they answer 401), so the run never loads the model.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

EXAMPLES_PER_OPERATION = 12


def test_no_generated_request_makes_the_server_fail(server: str) -> None:
    schema = schemathesis.openapi.from_url(f"{server}/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 12
    tried = []
    statuses: list[int] = []
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=5000, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))  # fmt: skip
        def check(case) -> None:  # noqa: ANN001 - a schemathesis Case
            response = case.call(base_url=server, timeout=10)
            statuses.append(response.status_code)
            case.validate_response(response, checks=[not_a_server_error])

        try:
            check()
        except Exception as exc:  # name the operation, then let pytest show the failure
            pytest.fail(f"{operation.method.upper()} {operation.path}: {exc}")
        tried.append(operation.path)
    assert "/api/events" in tried and "/api/ingest" in tried
    assert len(statuses) >= 3 * len(operations)  # hypothesis really sent requests
    assert 200 in statuses and 401 in statuses
