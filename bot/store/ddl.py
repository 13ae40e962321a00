"""Table and column builders for the Alembic migrations (``migrations/versions``).

Frozen: a migration that has run must go on emitting exactly the statements it did
(``tests/test_migrations.py`` checks every revision's SQLite schema, up and down, against a
record), so a builder here never changes what it builds, and this module imports nothing of
the live code (``bot.store.schema`` describes today's tables and changes with them). A new
shape gets a new function.

The migrations' conventions live here once: a column is NOT NULL unless it says ``null=True``,
a time is a time-zone aware ``DateTime``, a table's primary key is named ``pk_<table>`` and a
foreign key ``fk_<table>_<column>_<parent>`` (the names ``schema.metadata``'s naming
convention gives), and a table's downgrade drops what its upgrade made, in reverse.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op


def string(name: str, length: int, *, null: bool = False) -> sa.Column[Any]:
    return sa.Column(name, sa.String(length=length), nullable=null)


def text(name: str, *, null: bool = False) -> sa.Column[Any]:
    return sa.Column(name, sa.Text(), nullable=null)


def integer(name: str, *, null: bool = False) -> sa.Column[Any]:
    return sa.Column(name, sa.Integer(), nullable=null)


def number(name: str) -> sa.Column[Any]:
    """A float, never NULL."""
    return sa.Column(name, sa.Float(), nullable=False)


def boolean(name: str, *, null: bool = False) -> sa.Column[Any]:
    return sa.Column(name, sa.Boolean(), nullable=null)


def binary(name: str) -> sa.Column[Any]:
    """Bytes, never NULL."""
    return sa.Column(name, sa.LargeBinary(), nullable=False)


def timestamp(name: str, *, null: bool = False) -> sa.Column[Any]:
    """A moment, time-zone aware (the store writes and reads aware UTC)."""
    return sa.Column(name, sa.DateTime(timezone=True), nullable=null)


def created_at() -> sa.Column[Any]:
    """The row's creation time, set by the store on insert."""
    return timestamp("created_at")


def id_column() -> sa.Column[Any]:
    """The row's integer id, its primary key (``primary_key(table, "id")``)."""
    return integer("id")


def cascade(table: str, column: str, parent: str) -> sa.ForeignKeyConstraint:
    """``table.column`` refers to ``parent.id``; deleting the parent deletes the row."""
    return sa.ForeignKeyConstraint(
        [column], [f"{parent}.id"], name=op.f(f"fk_{table}_{column}_{parent}"), ondelete="CASCADE"
    )


def primary_key(table: str, *columns: str) -> sa.PrimaryKeyConstraint:
    return sa.PrimaryKeyConstraint(*columns, name=op.f(f"pk_{table}"))


def create_table(
    name: str,
    *columns: sa.Column[Any],
    key: Sequence[str] = ("id",),
    parents: Mapping[str, str] | None = None,
    unique: Mapping[str, Sequence[str]] | None = None,
    indexes: Mapping[str, Sequence[str]] | None = None,
) -> None:
    """Table ``name`` with its ``columns``, then its constraints in this order: each
    ``column: parent`` of ``parents`` a foreign key to ``parent.id`` that deletes the row with
    its parent, the primary key ``key``, each ``name: columns`` of ``unique`` a unique
    constraint; then each ``name: columns`` of ``indexes`` a plain index.

    The order is part of the statement (``CREATE TABLE`` lists the constraints as made), so
    it never changes."""
    op.create_table(
        name,
        *columns,
        *(cascade(name, column, parent) for column, parent in (parents or {}).items()),
        primary_key(name, *key),
        *(sa.UniqueConstraint(*on, name=uq) for uq, on in (unique or {}).items()),
    )
    for index, on in (indexes or {}).items():
        op.create_index(index, name, list(on), unique=False)


def drop_table(name: str, indexes: Mapping[str, Sequence[str]] | None = None) -> None:
    """What ``create_table`` made: the indexes, newest first, then the table."""
    for index in reversed(list(indexes or {})):
        op.drop_index(index, table_name=name)
    op.drop_table(name)
