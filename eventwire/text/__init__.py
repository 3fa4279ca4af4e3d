"""Pure functions over strings that ingest, extraction and resolution use (no spaCy; the dateline
reader takes the month names of data/calendar_words.tsv when it is loaded)."""
