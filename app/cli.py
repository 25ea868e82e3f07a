"""The `article-facts` command: serve the API, migrate the database, load the seed."""

from pathlib import Path
from typing import Annotated

import typer
import uvicorn

from app.config import Settings
from app.db import create_db_engine
from app.migrate import current_revision, head_revision, upgrade_to_head
from app.seeding import SeedError, load_seed, read_seed

cli = typer.Typer(
    help="article-facts: news articles as structured, grounded facts over a REST API.\n\n"
    "Configuration comes from the environment (DATABASE_URL, DATA_DIR, AUTO_MIGRATE, "
    "AUTO_SEED, LOG_LEVEL); see the README.",
    no_args_is_help=True,
    add_completion=False,
)


def engine_from_environment():
    settings = Settings()
    return create_db_engine(settings.resolved_database_url(), echo=settings.db_echo)


@cli.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes.")] = 1,
) -> None:
    """Serve the API with uvicorn (migrating and seeding an empty database first)."""
    settings = Settings()
    uvicorn.run(
        "app.main:app",
        host=host,
        port=port,
        workers=workers,
        log_level=settings.log_level.value,
        proxy_headers=True,
    )


@cli.command()
def migrate(
    check: Annotated[
        bool, typer.Option("--check", help="Only report; exit 1 when migrations are pending.")
    ] = False,
) -> None:
    """Upgrade the database schema to the newest migration."""
    engine = engine_from_environment()
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
        engine = engine_from_environment()
        upgrade_to_head(engine)
        typer.echo(load_seed(engine, replace=replace, directory=directory))
    except SeedError as error:
        typer.echo(f"seed error: {error}", err=True)
        raise typer.Exit(2) from None


def main() -> None:
    cli()
