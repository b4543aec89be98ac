"""The one error type of ingestion: its message is shown to people as it is."""


class IngestError(Exception):
    """An input item cannot become a document; the message says why in plain words."""
