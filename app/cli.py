"""The `article-facts` command: serve, migrate, seed, ingest, re-extract, evaluate, export."""

import contextlib
import logging
import os
import secrets
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer
import uvicorn
from pydantic import ValidationError
from rich.console import Console
from rich.progress import Progress
from rich.table import Table
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, select

from app.config import Settings
from app.corpus import (
    MANIFEST_FILE,
    calibration,
    calibration_table,
    evaluate_corpus,
    manifest_table,
)
from app.db import create_db_engine
from app.evaluation import default_annotated_dirs
from app.evaluation import evaluate as run_evaluation
from app.extraction.pipeline import extract
from app.logs import configure as configure_logging
from app.logs import uvicorn_log_config
from app.migrate import current_revision, head_revision, prepare_database, upgrade_to_head
from app.models import Article
from app.writes.articles import (
    GroundingError,
    Reextraction,
    has_curated_facts,
    ingest_article,
    reextract_article,
)
from app.writes.backup import BackupError, export_lines, import_lines
from app.writes.seed import SeedError, load_seed, read_seed
from app.writes.sources import ArticleInput, BadInput, read_inputs
from app.writes.transactions import in_transaction

cli = typer.Typer(
    help="article-facts: news articles as structured, grounded facts over a REST API.\n\n"
    "Configuration comes from the environment (DATABASE_URL, DATA_DIR, AUTO_MIGRATE, "
    "AUTO_SEED, LOG_LEVEL); see the README.",
    no_args_is_help=True,
    add_completion=False,
)


@contextlib.contextmanager
def database() -> Iterator[Engine]:
    """An engine for the configured database, disposed (connections closed) afterwards."""
    settings = Settings()
    engine = create_db_engine(settings.resolved_database_url(), echo=settings.db_echo)
    try:
        yield engine
    finally:
        engine.dispose()


@cli.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes.")] = 1,
) -> None:
    """Serve the API with uvicorn (migrating and seeding an empty database first)."""
    settings = Settings()
    configure_logging(settings.log_level.value, settings.log_json)
    with database() as engine:
        # Here, before any worker exists: uvicorn kills a worker that misses its health checks,
        # and one busy migrating under load may. The workers' lifespans find nothing to do
        # (the lock stays, for replicas started together).
        prepare_database(engine, migrate=settings.auto_migrate, seed=settings.auto_seed)
    if workers > 1 and not settings.session_secret.get_secret_value():
        # One secret for the workers (each makes its app from the environment), so a page
        # session signed by one is valid in all; replicas still need SESSION_SECRET set.
        os.environ["SESSION_SECRET"] = secrets.token_hex(32)
    trusted = settings.forwarded_allow_ips.strip()
    uvicorn.run(
        "app.main:app",
        host=host,
        port=port,
        workers=workers,
        log_level=settings.log_level.value,
        log_config=uvicorn_log_config(settings.log_level.value, settings.log_json),
        access_log=False,  # the app logs each request itself, with its request id
        # Bounded heads, deadlines for heads and bodies (uvicorn's own protocol has neither).
        http="app.protocol:BoundedHttpToolsProtocol",
        ws="none",  # no WebSocket routes: an upgrade request is answered as plain HTTP
        # Forwarded addresses and schemes only from the proxies named; left to itself,
        # uvicorn believes any client on 127.0.0.1.
        proxy_headers=bool(trusted),
        forwarded_allow_ips=trusted,
        server_header=False,  # no need to tell strangers what serves them
    )


@cli.command()
def migrate(
    check: Annotated[
        bool, typer.Option("--check", help="Only report; exit 1 when migrations are pending.")
    ] = False,
) -> None:
    """Upgrade the database schema to the newest migration."""
    with database() as engine:
        current, head = current_revision(engine), head_revision(engine)
        if check:
            typer.echo(f"database at {current or 'base'}, newest migration {head}")
            raise typer.Exit(0 if current == head else 1)
        upgrade_to_head(engine)
        typer.echo(f"database upgraded from {current or 'base'} to {head}")


@cli.command()
def seed(
    replace: Annotated[
        bool,
        typer.Option(
            "--replace", help="Swap the stored curated facts for the current annotations."
        ),
    ] = False,
    check: Annotated[
        bool, typer.Option("--check", help="Only validate the annotations; touch no database.")
    ] = False,
    directory: Annotated[
        Path | None,
        typer.Option(help="A seed directory other than the bundled one.", exists=True),
    ] = None,
) -> None:
    """Load the seed article and its curated facts (loading twice adds nothing)."""
    try:
        if check:
            parsed = read_seed(directory)
            typer.echo(
                f"annotations OK: {len(parsed.candidates.entities)} entities, "
                f"{len(parsed.candidates.facts)} facts, every quote found exactly once"
            )
            return
        with database() as engine:
            upgrade_to_head(engine)
            typer.echo(load_seed(engine, replace=replace, directory=directory))
    except SeedError as error:
        typer.echo(f"seed error: {error}", err=True)
        raise typer.Exit(2) from None


@cli.command()
def ingest(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Files (.txt plain text; .json an article or a list; .jsonl one per line), "
            "directories (searched for those), or - for standard input.",
        ),
    ],
) -> None:
    """Store articles and extract their facts, one transaction each; bad inputs are reported
    and skipped. Exits 1 when any input failed."""
    with database() as engine:
        upgrade_to_head(engine)
        console = Console(stderr=True, soft_wrap=True, highlight=False)
        items = list(read_inputs(inputs))
        tally = {"stored": 0, "already stored": 0, "failed": 0}
        with Progress(console=console, disable=not console.is_terminal, transient=True) as progress:
            task = progress.add_task("ingesting", total=len(items))
            for item in items:
                outcome = ingest_one(engine, item)
                if outcome.startswith("failed"):
                    console.print(
                        f"{item.origin}: {outcome.removeprefix('failed: ')}", markup=False
                    )
                    tally["failed"] += 1
                else:
                    tally[outcome] += 1
                progress.advance(task)
        summary = ", ".join(f"{count} {what}" for what, count in tally.items())
        typer.echo(f"{len(items)} inputs: {summary}")
        raise typer.Exit(1 if tally["failed"] else 0)


def ingest_one(engine, item: ArticleInput | BadInput) -> str:
    """'stored', 'already stored' or 'failed: <reason>' for one input, in its own transaction."""
    if isinstance(item, BadInput):
        return f"failed: {item.reason}"
    try:
        with Session(engine) as session:
            _, created = ingest_article(session, item.text, item.meta)
    except (GroundingError, SQLAlchemyError) as error:
        return f"failed: {error}"
    except Exception as error:  # one bad input must not end the batch: report it, go on
        return f"failed: {type(error).__name__}: {error}"
    return "stored" if created else "already stored"


@cli.command()
def reextract() -> None:
    """Run the current extraction rules again over every article without curated facts,
    replacing only unreviewed extracted facts the rules no longer find (unchanged ones keep
    their ids; curated and reviewed facts stay)."""
    with database() as engine:
        upgrade_to_head(engine)
        with Session(engine) as session:
            articles = list(session.exec(select(Article.id).where(~has_curated_facts())))
        kept = added = removed = 0
        for article_id in articles:
            done = reextract_one(engine, article_id)
            if done is not None:
                kept, added, removed = kept + done.kept, added + done.added, removed + done.removed
        typer.echo(f"re-extracted {len(articles)} articles: {kept} facts kept (ids unchanged), "
                   f"{added} new, {removed} removed")  # fmt: skip


def reextract_one(engine: Engine, article_id: int) -> Reextraction | None:
    """Re-extract one article: its text read in one transaction, extracted outside any (no
    write lock held while the rules run), the facts brought in line in a write transaction
    (retried on a conflict); None when the article was deleted meanwhile."""
    with Session(engine) as session:
        with session.begin():
            article = session.get(Article, article_id)
            if article is None:
                return None
            text, published_at = article.text, article.published_at
        candidates = extract(text, published_at=published_at)

        def bring_in_line(session: Session) -> Reextraction | None:
            article = session.get(Article, article_id)
            return None if article is None else reextract_article(session, article, candidates)

        return in_transaction(session, bring_in_line)


@cli.command()
def evaluate(
    directories: Annotated[
        list[Path] | None,
        typer.Argument(help="Annotated article directories; default: the seed and tests/data."),
    ] = None,
    corpus: Annotated[
        Path | None,
        typer.Option(help="A corpus folder (annotations/, texts/): score it by split and topic."),
    ] = None,
    split: Annotated[
        str | None, typer.Option(help="With --corpus: only the 'dev' or 'heldout' articles.")
    ] = None,
    write_manifest: Annotated[
        bool, typer.Option(help="With --corpus: write its manifest.tsv from the annotations.")
    ] = False,
    details: Annotated[bool, typer.Option(help="List every missed and wrong fact.")] = False,
    calibration_only: Annotated[
        bool,
        typer.Option("--calibration", help="With --corpus: print the confidence table only."),
    ] = False,
) -> None:
    """Score the extraction pipeline against gold annotations (precision, recall, F1)."""
    console = Console()
    if corpus is None:
        report = run_evaluation(directories or default_annotated_dirs())
        _print_report(console, "extraction vs curated annotations", report, details)
        return
    if write_manifest:
        (corpus / MANIFEST_FILE).write_text(manifest_table(corpus), encoding="utf-8")
    result = evaluate_corpus(corpus, split=split)
    for slug, problem in result.skipped:
        console.print(f"skipped {slug}: {problem}", markup=False, soft_wrap=True)
    if "all" not in result.groups:
        typer.echo(f"evaluate: no readable annotated article in {corpus}"
                   + (f" with split {split!r}" if split else ""), err=True)  # fmt: skip
        raise typer.Exit(2)
    if calibration_only:
        typer.echo(calibration_table(result.groups["all"]))
        return
    for name in ("all", "dev", "heldout", "defence", "other"):
        if name in result.groups:
            report = result.groups[name]
            title = f"{name}: {len(report.articles)} articles"
            _print_report(console, title, report, details and name == "all", per_article=False)
    if "other" in result.groups:
        wrong = result.groups["other"].facts
        console.print(f"non-defence articles: {wrong.predicted - wrong.matched_predicted} wrong "
                      f"facts in {result.other_articles} articles")  # fmt: skip
    if "all" in result.groups:
        console.print("confidence calibration (bin, facts, share right): " + "; ".join(
            f"{label} {count} {share:.2f}" for label, count, share in calibration(
                result.groups["all"])))  # fmt: skip


def _print_report(console: Console, title: str, report, details: bool, *,
                  per_article: bool = True) -> None:  # fmt: skip
    table = Table(title=title)
    for column in ("", "extracted", "right", "precision", "gold", "found", "recall", "F1"):
        table.add_column(column, justify="right" if column else "left")
    rows = [*sorted(report.by_type.items()), ("all facts", report.facts),
            ("entities", report.entities)]  # fmt: skip
    for name, score in rows:
        table.add_row(name, str(score.predicted), str(score.matched_predicted),
                      f"{score.precision:.3f}", str(score.gold), str(score.matched_gold),
                      f"{score.recall:.3f}", f"{score.f1:.3f}")  # fmt: skip
    console.print(table)
    if per_article:
        for name, facts, entities in report.articles:
            console.print(f"{name}: facts F1 {facts.f1:.3f} ({facts.matched_gold}/{facts.gold} "
                          f"found, {facts.predicted} extracted), entities F1 "
                          f"{entities.f1:.3f}")  # fmt: skip
    if details:
        for line in report.missed:
            console.print(f"missed    {line}", markup=False, soft_wrap=True)
        for line in report.spurious:
            console.print(f"wrong     {line}", markup=False, soft_wrap=True)


@cli.command()
def export(
    output: Annotated[str, typer.Argument(help="File to write, or - for standard output.")] = "-",
) -> None:
    """Write the whole store as JSON Lines (format line first), streamed row by row."""
    with database() as engine:
        if output == "-":
            sys.stdout.buffer.writelines(export_lines(engine))
            sys.stdout.buffer.flush()
            return
        with open(output, "wb") as handle:
            handle.writelines(export_lines(engine))


@cli.command("import")
def import_(
    source: Annotated[str, typer.Argument(help="An export file, or - for standard input.")],
) -> None:
    """Load an export into an empty database (migrated first), in one transaction; a row
    that breaks an invariant refuses the whole file (exit 2, nothing stored)."""
    try:
        handle = sys.stdin.buffer if source == "-" else open(source, "rb")  # noqa: SIM115
    except OSError as error:
        typer.echo(f"import error: cannot read {source}: {error.strerror}", err=True)
        raise typer.Exit(2) from None
    # A refused batch is reported once, below, and rolled back; psycopg would also print,
    # now and then, a warning that it could not end that batch's pipeline cleanly.
    logging.getLogger("psycopg").setLevel(logging.ERROR)
    with database() as engine:
        upgrade_to_head(engine)
        try:
            counts = import_lines(engine, handle)
        except BackupError as error:
            typer.echo(f"import error: {error}", err=True)
            raise typer.Exit(2) from None
        finally:
            if handle is not sys.stdin.buffer:
                handle.close()
    typer.echo("imported " + ", ".join(f"{count} {kind}" for kind, count in counts.items()))


def main() -> None:
    try:
        cli()
    except ValidationError as error:  # a bad setting: say which, and how, in one line each
        for problem in error.errors():
            name = ".".join(str(part) for part in problem["loc"]).upper() or "settings"
            typer.echo(f"configuration error: {name}: {problem['msg']}", err=True)
        raise SystemExit(2) from None
