"""The one error loaders raise."""


class RejectedFile(Exception):
    """A file that cannot be ingested; the message is the reason shown to the analyst."""
