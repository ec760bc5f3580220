"""The one ingest error: the document cannot be read; the message names the file and the fix."""


class IngestError(ValueError):
    """The document cannot be read as a policy text or task list; the message names the
    file and the fix."""
