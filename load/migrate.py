"""Bring a database to this eventwire's schema, in place: the forward-only upgrade every run starts with.

The schema is load/schema.sql: its tables, then its views. A database written by an older eventwire lacks some
tables and columns; `upgrade` creates the tables, adds each missing column (nullable, so old rows read NULL),
recreates the views, runs the version's data migrations (DATA_MIGRATIONS: schema 2 reconciles the stored casualty
rows into incidents) and records the version, in one transaction: after a crash the database is at the old
version or the new one, never between. Nothing is dropped or rewritten: old rows stay as they were, and they
are re-extracted only when `EXTRACTOR_VERSION` says so. A database written by a newer eventwire is refused
(`SchemaTooNew`) before anything is written, with one line that says what to do.

Version history (SCHEMA_VERSION):
  1  the first release (no `schema_version` table: a database with an `articles` table and no version is 1)
  2  events.target/category/subcategory (generic roles for every event type), events.action_id, incident_id and
     admin1, places.admin1, runs.host/pid (interrupted runs); tables incidents, incident_figures, incident_keys,
     run_counts, schema_version; views death_toll_rows, incident_reports, daily_death_mentions_by_place,
     events_by_type, actions_by_day_place; daily_deaths_by_place now counts incidents
  3  events.recalled (a figure of an earlier incident an article recalls: out of the toll rule and of incidents);
     death_toll_rows leaves it out
  4  runs.incident_seconds (what filing figures into incidents cost the run); events.from_title (a casualty figure
     read from the headline of an article whose body gives none)
  5  articles.story_date/story_date_text (the first day an article's story names: the day of an incident its rows
     date only by publication); filled when an article is next extracted (EXTRACTOR_VERSION 0.2.11);
     incidents.place_source (where an incident's place comes from; an incident its reports place nowhere takes its
     local outlet's home town)
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from importlib import resources

import duckdb

import eventwire.versions as versions

from ..errors import UserError
from .catalog import columns

SCHEMA_VERSION = 5
_VIEWS_MARKER = "-- VIEWS"


def _incidents_for_existing_rows(con: duckdb.DuckDBPyConnection) -> None:
    """Schema 2 brings incidents: the casualty rows already stored are reconciled into them once, so incidents
    cover the whole database from the first run on, not only what that run reads."""
    from .incidents import rebuild

    rebuild(con)


DATA_MIGRATIONS: dict[int, tuple[Callable[[duckdb.DuckDBPyConnection], None], ...]] = {
    2: (_incidents_for_existing_rows,),
}
"""What a version needs done to existing rows, beyond new tables and columns (run inside the upgrade's transaction)."""


class SchemaTooNew(UserError):
    """The database was written by a newer eventwire than this one."""


def schema_sql() -> str:
    """The one schema (load/schema.sql)."""
    return resources.files(__package__).joinpath("schema.sql").read_text(encoding="utf-8")


def _parts() -> tuple[str, str]:
    """(tables, views) of schema.sql: the views must wait until every column they read exists."""
    text = schema_sql()
    at = text.index(_VIEWS_MARKER)
    return text[:at], text[at:]


@lru_cache(maxsize=1)
def expected_columns() -> dict[str, list[tuple[str, str]]]:
    """Every table's columns and types as schema.sql declares them (read from an in-memory database)."""
    tables, _ = _parts()
    with duckdb.connect(":memory:") as mem:
        mem.execute(tables)
        return columns(mem)


def stored_version(con: duckdb.DuckDBPyConnection) -> int | None:
    """The schema version the database is at: None for an empty database, 1 for one from before versions."""
    tables = {r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' "
        "AND table_catalog = current_database()").fetchall()}
    if "schema_version" in tables:
        version = con.execute("SELECT max(version) FROM schema_version").fetchone()[0]
        if version is not None:
            return int(version)
    return 1 if "articles" in tables else None


def check_version(con: duckdb.DuckDBPyConnection, path: object) -> int | None:
    """The stored version; `SchemaTooNew` when this eventwire cannot read it."""
    version = stored_version(con)
    if version is not None and version > SCHEMA_VERSION:
        raise SchemaTooNew(
            f"{path} was written by a newer eventwire (database schema {version}; this eventwire {versions.__version__} "
            f"knows up to {SCHEMA_VERSION}): upgrade eventwire (pip install -U eventwire) or use another --db"
        )
    return version


def upgrade(con: duckdb.DuckDBPyConnection, path: object = "the database") -> list[str]:
    """Bring the database to SCHEMA_VERSION (see the module doc); returns the columns it added ("table.column").

    Cheap when the database is current: the columns are compared and the views recreated."""
    version = check_version(con, path)
    tables, views = _parts()
    added: list[str] = []
    con.begin()
    try:
        con.execute(tables)
        have = columns(con)  # always compared (a few ms): a column dropped by hand comes back too
        for table, declared in expected_columns().items():
            present = {name for name, _ in have.get(table, [])}
            for name, kind in declared:
                if name not in present:  # table and column names and types: ours, from schema.sql
                    con.execute(f'ALTER TABLE {table} ADD COLUMN "{name}" {kind}')
                    added.append(f"{table}.{name}")
        con.execute(views)
        if version is not None:
            for step in range(version + 1, SCHEMA_VERSION + 1):
                for migration in DATA_MIGRATIONS.get(step, ()):
                    migration(con)
        if version != SCHEMA_VERSION:
            con.execute("INSERT INTO schema_version VALUES (?, now()::TIMESTAMP, ?)", [SCHEMA_VERSION, versions.__version__])
        con.commit()
    except BaseException:
        con.rollback()
        raise
    return added
