"""The ``plangraph`` command line: parse arguments, call the library, print, exit with a meaning.

Exit codes: 0 success (or: conforms), 1 failure (or: does not conform), 2 could not run (bad input, a place
that cannot be written or listened on). Every failure is a message, never a traceback.
"""
from __future__ import annotations

import errno
import io
import signal
import socket
import sys
from pathlib import Path

import click

from . import api
from .errors import (
    InputError,
    LocationError,
    PlangraphError,
    ValidationFailed,
    ValidationUnavailable,
)
from .paths import built_dataset, why_missing
from .store.embedded import check_data_file, open_store
from .store.export import serialize, write_dataset
from .store.files import check_output
from .store.formats import BY_NAME, by_name
from .store.progress import meter
from .store.query import serialize_results, table


class _Group(click.Group):
    """Turn plangraph's errors into a message on stderr and the error's exit code."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except ValidationFailed as error:
            click.echo(error.report, err=True)
            click.echo("Nothing was written: fix the extraction or the data, then build again.", err=True)
            ctx.exit(1)
        except PlangraphError as error:
            click.echo(f"Error: {error}", err=True)
            ctx.exit(error.exit_code if not isinstance(error, InputError) else 2)
        except OSError as error:  # what the system refused that no check foresaw (a disk that filled up …)
            where = f' ("{error.filename}")' if error.filename else ""
            click.echo(f"Error: {error.strerror or error}{where}. Nothing was left half-written; fix that and run "
                       "the command again.", err=True)
            ctx.exit(2)


@click.group(cls=_Group)
@click.version_option(package_name="plangraph")
def main():
    """Turn Chinese district plan-execution reports into a validated RDF knowledge graph, and serve it."""


QUIET = click.option("--quiet", "-q", is_flag=True,
                     help="Show no progress (it shows only on a terminal, never in a log or a pipe).")


@main.command()
@click.argument("reports", nargs=-1, type=click.Path(path_type=Path))
@click.option("--output", "-o", type=click.Path(path_type=Path),
              help="File to write (.ttl .nt .jsonld .trig .nq); default: the project's data/built/plangraph.trig.")
@click.option("--store", "store", type=click.Path(path_type=Path, file_okay=False),
              help="Also write a persistent on-disk store to this folder (for serve --store); "
                   "with --store, a file is written only when --output is given.")
@QUIET
def build(reports, output, store, quiet):
    """Build the dataset from REPORTS (default: data/reports/), validate it, and write it."""
    output = output or (None if store else built_dataset())
    built = api.build(reports or None, output=output, store=store, progress=meter("build", quiet, "reports"))
    wrote = " and ".join(str(p) for p in (output, store) if p)
    click.echo(f"Built {len(built.store)} statements from {len(built.reports)} report(s); they conform to the shapes. "
               f"Wrote {wrote}.", err=True)


@main.command()
@click.argument("file", required=False, type=click.Path(path_type=Path))
def validate(file):
    """SHACL-validate FILE (default: the built dataset). Exit 0 conforms, 1 does not, 2 could not validate."""
    path = file or built_dataset()
    if not path.exists():
        raise ValidationUnavailable(f'"{path}" {why_missing(path)}. Run "plangraph build" first, or name a file.')
    try:
        store = open_store([path])
    except InputError as error:
        raise ValidationUnavailable(str(error)) from None
    outcome = api.validate(store)
    click.echo(outcome.text())
    sys.exit(0 if outcome.conforms else 1)


@main.command()
@click.option("--format", "-f", "fmt", type=click.Choice([*BY_NAME, "csv"]), default="turtle", show_default=True,
              help="An RDF format, or csv: one row per figure, with its CSVW metadata beside the --output file.")
@click.option("--output", "-o", type=click.Path(path_type=Path), help="File to write; default: standard output.")
@QUIET
def export(fmt, output, quiet):
    """Export the whole served dataset, building it first when needed. Two runs give identical bytes."""
    if output:
        check_output(output)  # before a build that may take minutes
    store = api.load()
    progress = meter("export", quiet, "reports" if fmt == "csv" else "graphs")
    if fmt == "csv":
        _export_csv(store, output, progress)
    elif output:
        write_dataset(store, output, by_name(fmt), progress)
    else:
        serialize(store, by_name(fmt), sys.stdout.buffer, progress)
        sys.stdout.flush()


def _export_csv(store, output, progress) -> None:
    """The figure table as CSV: to ``output`` with its CSVW metadata beside, or to standard output."""
    from .rdf.iris import base
    from .store.tables import figure_columns, figure_rows, write_csv, write_table
    rows, columns = figure_rows(store, progress), figure_columns(base())
    if output:
        described = write_table(rows, columns, output, ("主要指标数值", "indicator figures"))
        click.echo(f"Wrote {len(rows)} figures to {output}, described by {described}.", err=True)
    else:
        text = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="")  # UTF-8 whatever the locale
        write_csv(rows, columns, text)
        text.flush()
        text.detach()


@main.command()
@click.argument("sparql")
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "json", "csv", "tsv", "xml"]),
              default="table", show_default=True)
@click.option("--data", "-d", multiple=True, type=click.Path(path_type=Path),
              help="RDF file(s) to query instead of the built dataset.")
@click.option("--allow-service", is_flag=True,
              help="Let the query call SERVICE, i.e. send requests to the endpoints it names (refused by default).")
def query(sparql, fmt, data, allow_service):
    """Run a SPARQL query over the dataset (a file's text when SPARQL names a .rq file)."""
    if sparql.endswith((".rq", ".sparql")) and Path(sparql).exists():
        sparql = Path(sparql).read_text(encoding="utf-8")
    results = api.query(sparql, api.load(data or None), allow_service=allow_service)
    if fmt == "table":
        if hasattr(results, "variables") or isinstance(results, bool) or type(results).__name__ == "QueryBoolean":
            click.echo(table(results))
            return
        fmt = "json"
    sys.stdout.buffer.write(serialize_results(results, fmt))


@main.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", "-p", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--query-timeout", default=30.0, show_default=True, type=click.FloatRange(0, min_open=True),
              help="Seconds a query may run before it is stopped (answered 503).")
@click.option("--max-rows", default=10000, show_default=True, type=click.IntRange(1),
              help="Most result rows (or triples) a query returns; more are cut and flagged.")
@click.option("--max-query-length", default=100_000, show_default=True, type=click.IntRange(1),
              help="Most characters of query text accepted (longer: 413).")
@click.option("--workers", default=2, show_default=True, type=click.IntRange(0),
              help="Query worker processes; a query past its time limit is stopped by killing its worker "
                   "(0: run queries in the server process, with no hard time limit).")
@click.option("--long-queries", default=2, show_default=True, type=click.IntRange(0),
              help="Queries that may run past 0.3 s at once, each on a worker of its own; one more is answered "
                   "503 (Retry-After), so short queries and pages stay fast.")
@click.option("--max-memory", default=1024, show_default=True, type=click.FloatRange(0), metavar="MB",
              help="Memory a query worker may use beyond the data, enforced by the OS; a query that needs "
                   "more is stopped (503). 0: no limit.")
@click.option("--max-bytes", default=50_000_000, show_default=True, type=click.IntRange(1),
              help="Most bytes of one answer; more rows are cut and flagged (Plangraph-Truncated: max-bytes=N).")
@click.option("--per-client", default=16, show_default=True, type=click.IntRange(1),
              help="Queries one client address may have running or waiting at once (more: 503).")
@click.option("--client-timeout", default=10.0, show_default=True, type=click.FloatRange(0, min_open=True),
              help="Seconds a client has to send a whole request (headers and body) before it is cut off.")
@click.option("--connections-per-client", default=64, show_default=True, type=click.IntRange(1),
              help="Open connections one client address may hold at once.")
@click.option("--cache-size", default=1024, show_default=True, type=click.IntRange(0),
              help="Answers of identical queries kept in memory (the served data never changes); 0: none.")
@click.option("--threads", default=8, show_default=True, type=click.IntRange(1),
              help="Worker threads of the WSGI server (at least enough for every query that may wait, plus 8).")
@click.option("--store", "store_path", type=click.Path(path_type=Path, file_okay=False),
              help="Serve the on-disk store built by build --store (read-only, nothing re-parsed).")
@click.option("--sparql", "sparql_url", metavar="URL",
              help="Serve the pages and /sparql in front of this external SPARQL endpoint instead.")
def serve(files, host, port, query_timeout, max_rows, max_query_length, workers, long_queries, max_memory,
          max_bytes, per_client, client_timeout, connections_per_client, cache_size, threads, store_path, sparql_url):
    """Serve the built dataset (or FILES: Turtle, TriG, N-Quads) with a SPARQL endpoint at /sparql."""
    from .web.front import Limits
    from .web.server import run
    config = {"PLANGRAPH_QUERY_TIMEOUT": query_timeout, "PLANGRAPH_MAX_ROWS": max_rows,
              "PLANGRAPH_MAX_QUERY_LENGTH": max_query_length, "PLANGRAPH_WORKERS": workers,
              "PLANGRAPH_LONG_QUERIES": long_queries, "PLANGRAPH_MAX_MEMORY_MB": max_memory,
              "PLANGRAPH_MAX_BYTES": max_bytes, "PLANGRAPH_PER_CLIENT": per_client, "PLANGRAPH_CACHE_SIZE": cache_size}
    config.update(_store_config(files, store_path, sparql_url))
    limits = Limits(request_seconds=client_timeout, per_address=connections_per_client)
    for path in files:
        check_data_file(path)  # a missing file or an entity bomb is named before the port is taken
    _check_port(host, port)
    # SIGTERM (systemd, docker stop, kill) ends the server as Ctrl-C does: workers stopped, export files removed
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
    run(list(files), host=host, port=port, threads=threads, config=config, limits=limits)


def _check_port(host: str, port: int) -> None:
    """Refuse, before loading any data, an address the server could not listen on."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as waitress does
            probe.bind(address)
    except OSError as error:
        in_use = error.errno == errno.EADDRINUSE
        reason = "is in use (is another server running?)" if in_use else f"cannot be used: {error}"
        raise LocationError(f"Port {port} on {host} {reason}. Stop that server, or pass another --port.") from None


def _store_config(files, store_path, sparql_url) -> dict:
    """The web config of serve's --store / --sparql; they exclude each other and FILES."""
    if sum(map(bool, (files, store_path, sparql_url))) > 1:
        raise InputError("Serve one source: FILES, --store PATH or --sparql URL, not several.")
    chosen = {"PLANGRAPH_STORE_PATH": str(store_path) if store_path else None, "PLANGRAPH_SPARQL_URL": sparql_url}
    return {key: value for key, value in chosen.items() if value}  # unset: PLANGRAPH_* from the environment


@main.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--to", "endpoint", required=True, metavar="URL",
              help="Graph Store Protocol endpoint, e.g. http://127.0.0.1:7878/store (Fuseki: …/DATASET/data).")
@click.option("--store", "store_path", type=click.Path(path_type=Path, file_okay=False),
              help="Publish this on-disk store instead of the built dataset or FILES.")
@click.option("--attempts", default=4, show_default=True, type=click.IntRange(1),
              help="Tries per graph before giving up.")
@QUIET
def publish(files, endpoint, store_path, attempts, quiet):
    """Push the dataset (or FILES, or --store) graph by graph to a SPARQL Graph Store (PUT ?graph=IRI)."""
    from .store.embedded import open_store_dir
    from .store.publish import Retry, check, report
    from .store.publish import publish as push
    store = open_store_dir(store_path) if store_path else api.load(files or None)
    records = push(store, endpoint, Retry(attempts=attempts), progress=meter("publish", quiet, "graphs"))
    click.echo(report(records))
    check(records, endpoint)


@main.command()
@click.argument("urls", nargs=-1, required=True)
@click.option("--to", "folder", type=click.Path(path_type=Path, file_okay=False),
              help="Folder to save the reports in; default: the project's data/reports/.")
@click.option("--timeout", default=30.0, show_default=True, type=float, help="Seconds to wait for each answer.")
@click.option("--attempts", default=3, show_default=True, type=int,
              help="Tries per URL when the network or the server fails (time-outs, 429, 5xx).")
def fetch(urls, folder, timeout, attempts):
    """Download reports (web pages, PDF, Word) from URLS into the reports folder, with their origin beside them."""
    from .ingest.fetch import Retry
    failed = 0
    for done in api.fetch(urls, folder, Retry(attempts=max(1, attempts), timeout=timeout)):
        if isinstance(done, PlangraphError):
            failed += 1
            click.echo(f"Error: {done}", err=True)
        elif done.already:
            click.echo(f"{done.url} → {done.path} (already there, unchanged)")
        else:
            click.echo(f"{done.url} → {done.path} ({done.media_type}, {done.size:,} bytes)")
    if failed:
        click.echo(f"{failed} of {len(urls)} URL(s) failed; nothing was written for them.", err=True)
        sys.exit(2)


@main.command()
@click.argument("reports", nargs=-1, type=click.Path(path_type=Path))
@click.option("--all", "show_all", is_flag=True, help="List every number, not only those that are not captured.")
def coverage(reports, show_all):
    """List every number of REPORTS (default: data/reports/) and what it became; print the share captured."""
    from .rdf.coverage import CATEGORIES, format_coverage
    from .rdf.coverage import coverage as report_coverage
    from .store.build import read_reports
    for report in read_reports(reports or None):
        lines = format_coverage(report_coverage(report)).splitlines()
        summary = len(CATEGORIES) + 1         # one line per category, then the share captured
        body, tail = lines[:-summary], lines[-summary:]
        click.echo("\n".join((body if show_all else [l for l in body if "not captured" in l]) + tail))
