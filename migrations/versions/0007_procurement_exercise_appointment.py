"""Fact types procurement, exercise and appointment; a fact's modality, quantity, item and
the entity it replaces.

New columns are nullable (facts stored before have none of them); `replaces_id` refers to an
entity like `attributed_to_id`. The CHECK constraint of `type` takes the three new members:
SQLite cannot alter a constraint, so `fact` is rebuilt (batch mode, rows and ids copied) and
what a rebuild loses is put back as it was: the triggers on it (full-text index, data
version) and its AUTOINCREMENT counter, so an id deleted before is still never given again.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 13:00:00
"""

import contextlib
from collections.abc import Iterator, Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op
from alembic.operations import BatchOperations

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD_TYPES = ("ranking", "spending", "alliance", "cooperation", "structure", "event", "mandate")
NEW_TYPES = ("procurement", "exercise", "appointment")
MODALITIES = ("asserted", "planned", "proposed")
INDEXED = ("modality", "replaces_id")


def type_check(types: Sequence[str]) -> str:
    return "type IN (" + ", ".join(f"'{name}'" for name in types) + ")"


def upgrade() -> None:
    with rebuilt_fact() as batch_op:
        batch_op.add_column(
            sa.Column(
                "modality",
                sa.Enum(*MODALITIES, name="modality", native_enum=False, create_constraint=True),
                nullable=True,
            )
        )
        batch_op.add_column(sa.Column("quantity", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("item", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True)
        )
        batch_op.add_column(sa.Column("replaces_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            op.f("fk_fact_replaces_id_entity"), "entity", ["replaces_id"], ["id"]
        )
        batch_op.create_check_constraint(
            op.f("ck_fact_quantity_non_negative"), "quantity IS NULL OR quantity >= 0"
        )
        batch_op.drop_constraint(op.f("ck_fact_fact_type"), type_="check")
        batch_op.create_check_constraint(
            op.f("ck_fact_fact_type"), type_check(OLD_TYPES + NEW_TYPES)
        )
        for column in INDEXED:
            batch_op.create_index(op.f(f"ix_fact_{column}"), [column], unique=False)


def downgrade() -> None:
    newer = op.get_bind().execute(
        sa.text("SELECT count(*) FROM fact WHERE type IN :types").bindparams(
            sa.bindparam("types", expanding=True)
        ),
        {"types": list(NEW_TYPES)},
    )
    count = newer.scalar_one()
    if count:
        # Deleting them silently would lose reviewed work; the operator decides.
        raise RuntimeError(
            f"{count} facts are of types {', '.join(NEW_TYPES)}, which revision 0006 cannot "
            "hold: delete them (or export the store) before downgrading"
        )
    with rebuilt_fact() as batch_op:
        for column in reversed(INDEXED):
            batch_op.drop_index(op.f(f"ix_fact_{column}"))
        batch_op.drop_constraint(op.f("ck_fact_fact_type"), type_="check")
        batch_op.create_check_constraint(op.f("ck_fact_fact_type"), type_check(OLD_TYPES))
        batch_op.drop_constraint(op.f("ck_fact_quantity_non_negative"), type_="check")
        batch_op.drop_constraint(op.f("fk_fact_replaces_id_entity"), type_="foreignkey")
        batch_op.drop_column("replaces_id")
        batch_op.drop_column("item")
        batch_op.drop_column("quantity")
        batch_op.drop_constraint(op.f("ck_fact_modality"), type_="check")
        batch_op.drop_column("modality")


@contextlib.contextmanager
def rebuilt_fact() -> Iterator[BatchOperations]:
    """`batch_alter_table("fact")`: plain ALTERs on PostgreSQL; on SQLite a rebuild that
    keeps the table's triggers and AUTOINCREMENT counter."""
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        with op.batch_alter_table("fact") as batch_op:
            yield batch_op
        return
    triggers = bind.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'fact'"
    ).scalars().all()  # fmt: skip
    sequence = bind.exec_driver_sql("SELECT seq FROM sqlite_sequence WHERE name = 'fact'").scalar()
    # The copy has no planner statistics: a store that had them gets them back, or the
    # planner no longer knows which index narrows a query (one entity's facts: a full scan).
    analyzed = (
        bind.exec_driver_sql(
            "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'"
        ).scalar()
        and bind.exec_driver_sql("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'fact'").scalar()
    )
    with op.batch_alter_table(
        "fact", recreate="always", table_kwargs={"sqlite_autoincrement": True}
    ) as batch_op:
        yield batch_op
    for statement in triggers:
        op.execute(statement)
    if analyzed:
        op.execute("ANALYZE fact")
    if sequence is not None:
        # The copy restarts the counter at the largest id left: the id of a deleted newest
        # fact must stay used.
        op.execute(sa.text("DELETE FROM sqlite_sequence WHERE name = 'fact'"))
        op.execute(
            sa.text(
                "INSERT INTO sqlite_sequence (name, seq) "
                "SELECT 'fact', max(:seq, coalesce(max(id), 0)) FROM fact"
            ).bindparams(seq=sequence)
        )
