"""Column and constraint builders the Alembic migrations share (``migrations/versions``).

A migration that has run must go on doing exactly what it did, so a builder here never
changes what it returns: a new shape gets a new function.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op


def created_at() -> sa.Column[Any]:
    """The row's creation time, set by the store on insert."""
    return sa.Column("created_at", sa.DateTime(timezone=True), nullable=False)


def cascade(table: str, column: str, parent: str) -> sa.ForeignKeyConstraint:
    """``table.column`` refers to ``parent.id``; deleting the parent deletes the row."""
    return sa.ForeignKeyConstraint(
        [column], [f"{parent}.id"], name=op.f(f"fk_{table}_{column}_{parent}"), ondelete="CASCADE"
    )


def primary_key(table: str, *columns: str) -> sa.PrimaryKeyConstraint:
    return sa.PrimaryKeyConstraint(*columns, name=op.f(f"pk_{table}"))


def id_column() -> sa.Column[Any]:
    """The row's integer id, its primary key (``primary_key(table, "id")``)."""
    return sa.Column("id", sa.Integer(), nullable=False)
