"""Every output shape other programs rely on, defined once (``shared/spec/OUTPUT.md``).

:mod:`.records` is the JSON of ``dragoman extract`` (documents, stories, events), :mod:`.plover` the
PLOVER records and flat rows of ``dragoman export``, :mod:`.lines` the lines of ``dragoman code`` and
``dragoman dates``. The CLI, the API, the web pages and the exports call
these; nothing else builds an output shape.
"""
from .lines import code_line, coded_json, dates_line
from .plover import COLUMNS, LIST_COLUMNS, UrlOf, flat_row, no_url, planned_codes, plover_record, sides
from .records import (
                      actor_json,
                      conflict_json,
                      date_json,
                      document_json,
                      event_json,
                      evidence_json,
                      feed_json,
                      iso,
                      location_json,
                      outlet,
                      person_json,
                      provenance_json,
                      relation_json,
                      result_json,
                      source_json,
                      story_json,
                      value_json,
)

__all__ = [
    "COLUMNS", "LIST_COLUMNS", "UrlOf", "actor_json", "code_line", "coded_json", "dates_line", "conflict_json",
    "date_json", "document_json", "event_json", "evidence_json", "feed_json", "flat_row", "iso", "location_json", "no_url",
    "outlet", "person_json", "planned_codes", "plover_record", "provenance_json", "relation_json", "result_json",
    "sides", "source_json", "story_json", "value_json",
]
