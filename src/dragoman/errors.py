"""Every user-facing error of dragoman, with a stable code.

The tree::

    DragomanError                 (E000) base; carries .code and .message
    ├── InputError                (E1xx) a document could not be read or used
    │   ├── UnreadableInput       E101 missing file, permission, not a regular file
    │   ├── BinaryInput           E102 binary content (NUL bytes, images, archives)
    │   ├── EmptyInput            E103 nothing left after cleaning
    │   ├── UndecodableInput      E104 no text encoding fits
    │   ├── OversizedInput        E105 larger than the configured limit
    │   ├── MalformedInput        E106 JSON/feed/HTML that does not parse or lacks text
    │   ├── UnsupportedLanguage   E107 no pipeline for the detected language
    │   ├── RejectedDocument      E108 a posted article was refused (HTTP 400)
    │   ├── OverBudget            E109 a stage ran past its time budget on the document
    │   └── InputFailure          E110 reading or cleaning failed unexpectedly (a bug; strict mode raises)
    ├── PipelineError             E201 a stage returned something of the wrong shape
    ├── ModelError                E202 a language model is not installed
    ├── LanguageDataError         E203 a language pack's data file is missing or broken
    ├── StoreError                E301 the database cannot be opened or written
    ├── ConfigError               E401 a setting or option has a bad value
    ├── NotFound                  E404 an id or resource does not exist
    ├── WatchError                (E6xx) a watched feed or page could not be fetched or used
    │   ├── FetchFailed           E601 network error, timeout, or an HTTP status that is no answer
    │   ├── RobotsDisallowed      E602 robots.txt forbids fetching the URL
    │   ├── FeedGone              E603 the feed answered 410 Gone (never polled again)
    │   └── BadFeed               E604 the feed's body is not a readable RSS/Atom feed
    └── (HTTP shell)              E500 internal error, E501 invalid request (422),
                                  E502 unauthorised (401), E503 other HTTP errors,
                                  E504 request body too large (413)

The library raises; only the CLI (and the API) turn errors into messages and
exit codes. Messages are templates kept here, filled by keyword.
"""
from __future__ import annotations

from .model import DocumentError

MESSAGES: dict[str, str] = {
    "E000": "{detail}",
    "E100": "{source}: {detail}",
    "E101": "cannot read {source}: {detail}",
    "E102": "{source} looks binary, not text ({detail})",
    "E103": "{source} has no text left after cleaning",
    "E104": "{source}: no text encoding fits its bytes",
    "E105": "{source} is {size} bytes, over the limit of {limit} bytes",
    "E106": "{source} is malformed: {detail}",
    "E107": "{source}: language '{language}' has no pipeline (supported: {supported})",
    "E109": "{source}: stage '{stage}' took {seconds:.1f} s, over its budget of {budget:.1f} s",
    "E110": "{source}: reading failed unexpectedly ({detail})",
    "E201": "stage '{stage}' failed on {source}: {detail}",
    "E202": "language model '{model}' is not installed: {detail}",
    "E203": "language data {path} cannot be used: {detail}",
    "E301": "store {url}: {detail}",
    "E401": "bad setting {name}: {detail}",
    "E404": "{what} '{key}' not found",
    "E108": "posted document {source} cannot be used: {detail}",
    "E500": "internal error: {detail}",
    "E501": "invalid request: {detail}",
    "E502": "not authorised: {detail}",
    "E503": "{detail}",
    "E504": "request body of {size} bytes is over the limit of {limit} bytes",
    "E600": "{url}: {detail}",
    "E601": "cannot fetch {url}: {detail}",
    "E602": "{url} is disallowed by robots.txt",
    "E603": "feed {url} is gone (HTTP 410); it is no longer polled",
    "E604": "feed {url} is not a readable feed: {detail}",
}


class DragomanError(Exception):
    code = "E000"

    def __init__(self, **fields: object) -> None:
        self.fields = fields
        template = MESSAGES[self.code]
        try:
            self.message = template.format(**fields)
        except KeyError:  # a missing field must not hide the original problem
            self.message = f"{template} {fields}"
        super().__init__(f"[{self.code}] {self.message}")

    def record(self) -> DocumentError:
        """This error as a document's ``error`` field."""
        return DocumentError(self.code, self.message)


class InputError(DragomanError):
    code = "E100"


class UnreadableInput(InputError):
    code = "E101"


class BinaryInput(InputError):
    code = "E102"


class EmptyInput(InputError):
    code = "E103"


class UndecodableInput(InputError):
    code = "E104"


class OversizedInput(InputError):
    code = "E105"


class MalformedInput(InputError):
    code = "E106"


class UnsupportedLanguage(InputError):
    code = "E107"


class OverBudget(InputError):
    """A document whose work in one stage took longer than the per-stage budget (``stage_seconds``)."""
    code = "E109"


class InputFailure(InputError):
    """An unexpected exception while reading or cleaning one input: a bug, kept as that input's error
    so the run goes on (strict mode raises it instead)."""
    code = "E110"


class PipelineError(DragomanError):
    code = "E201"


class ModelError(DragomanError):
    code = "E202"


class LanguageDataError(DragomanError):
    code = "E203"


class StoreError(DragomanError):
    code = "E301"


class ConfigError(DragomanError):
    code = "E401"


class NotFound(DragomanError):
    code = "E404"


class RejectedDocument(InputError):
    """A document posted to the API that cannot be read; the request stores nothing (HTTP 400)."""
    code = "E108"


class InternalError(DragomanError):
    """An unexpected failure behind the API (HTTP 500); the detail names its type only."""
    code = "E500"


class InvalidRequest(DragomanError):
    """API parameters or body that do not validate (HTTP 422)."""
    code = "E501"


class Unauthorised(DragomanError):
    """A missing or wrong bearer token, or no token configured (HTTP 401)."""
    code = "E502"


class HttpError(DragomanError):
    """Any other HTTP-level refusal (405 method not allowed...); the status travels with the response."""
    code = "E503"


class TooLarge(DragomanError):
    """A request body over ``max_request_bytes`` (HTTP 413)."""
    code = "E504"


class WatchError(DragomanError):
    """A watched feed or page that could not be fetched or used; recorded on its feed, the watcher goes on."""
    code = "E600"


class FetchFailed(WatchError):
    """A network error, a timeout, a body over the limit, or an HTTP status other than success; ``status``
    (when an answer came) and ``retry_after`` (seconds the server asked to wait) drive the backoff."""
    code = "E601"

    def __init__(self, *, url: str, detail: str, status: int | None = None, retry_after: float | None = None) -> None:
        super().__init__(url=url, detail=detail)
        self.status = status
        self.retry_after = retry_after


class RobotsDisallowed(WatchError):
    code = "E602"


class FeedGone(WatchError):
    code = "E603"


class BadFeed(WatchError):
    code = "E604"
