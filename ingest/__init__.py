"""Document → typed task rows."""

from .parser import IngestError, builtin_corpus, load_document, parse_text, read_text
from .schema import Attachment, Document, Measure, TaskRow, citation, label

__all__ = ["Attachment", "Document", "IngestError", "Measure", "TaskRow", "builtin_corpus",
           "citation", "label", "load_document", "parse_text", "read_text"]
