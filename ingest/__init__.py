"""Document (a task list or policy text of any common shape) → typed rows."""

from .parser import IngestError, builtin_corpus, load_document, parse_text, read_text
from .schema import (
    Attachment,
    Document,
    Measure,
    TaskRow,
    citation,
    find_citations,
    label,
    parse_label,
    strip_citations,
)

__all__ = ["Attachment", "Document", "IngestError", "Measure", "TaskRow", "builtin_corpus",
           "citation", "find_citations", "label", "load_document", "parse_label", "parse_text", "read_text",
           "strip_citations"]
