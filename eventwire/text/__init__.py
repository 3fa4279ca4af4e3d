"""Pure functions over strings that both extraction and resolution use (no spaCy, no data)."""
