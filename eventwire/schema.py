"""The JSON Schema of eventwire's output, derived from the records (never written by hand)."""

from __future__ import annotations

from typing import Any

from eventwire.records import ExtractionResult, Failure

__all__ = ["output_schema"]


def output_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of one `eventwire extract --format json` object."""
    from pydantic import TypeAdapter

    schema = TypeAdapter(ExtractionResult).json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "eventwire extraction result"
    schema.setdefault("$defs", {})["Failure"] = TypeAdapter(Failure).json_schema()
    return schema
