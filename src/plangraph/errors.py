"""plangraph's exceptions, one tree, turned into exit codes by the CLI and statuses by the web app.

    PlangraphError
    ├── InputError            a report or data file that cannot be read (missing, empty, binary, encoding)
    │   ├── OutlineError      a text that is not a report of the genre (no occasion line, no outline)
    │   └── FetchError        a report that cannot be downloaded (HTTP error, time-out, no report at the URL)
    ├── LocationError         a place to write or listen on that cannot be used (a folder named as the output
    │                         file, an unwritable folder, a full disk, a port in use)
    ├── ValidationFailed      a graph that does not conform to the shapes (carries the readable report)
    ├── ValidationUnavailable the shapes or the data could not be loaded to validate at all
    ├── QueryError            a SPARQL query that does not parse or cannot run
    │   ├── QueryRefused      a query or request the endpoint will not run (SERVICE, update, too long…)
    │   └── QueryTimeout      a query stopped at the time limit
    └── RemoteError           a remote SPARQL or Graph Store endpoint that cannot be reached or refuses
"""


class PlangraphError(Exception):
    """Base of every error plangraph raises on purpose."""

    exit_code = 1


class InputError(PlangraphError):
    """An input file that cannot be used; the message names the file and the fix."""


class OutlineError(InputError):
    """A text with no recognisable report outline."""


class LocationError(PlangraphError):
    """A file, folder or port plangraph cannot write to or listen on; the message names it and the fix."""

    exit_code = 2


class FetchError(InputError):
    """A report that could not be downloaded; the message names the URL, what happened and what to do."""


class ValidationFailed(PlangraphError):
    """The graph does not conform to plangraph's SHACL shapes."""

    def __init__(self, report: str):
        super().__init__(report)
        self.report = report


class ValidationUnavailable(PlangraphError):
    """Validation could not run (unreadable data or shapes)."""

    exit_code = 2


class QueryError(PlangraphError):
    """A SPARQL query that is malformed or refused."""


class QueryRefused(QueryError):
    """A query or request this endpoint will not run (SERVICE, an update, too long, a protocol breach).

    ``status`` is the HTTP status the web app answers with.
    """

    def __init__(self, message: str, status: int = 400, headers: dict | None = None):
        super().__init__(message)
        self.status = status
        self.headers = headers or {}


class QueryTimeout(QueryError):
    """A query that ran past the time limit and was stopped."""


class RemoteError(PlangraphError):
    """A remote SPARQL or Graph Store Protocol endpoint that is unreachable or answers with an error."""
