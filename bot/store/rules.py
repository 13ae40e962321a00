"""A community's filters: keyword rules and muted sources per server and channel."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, or_, select

from bot.community.rules import MAX_RULES, Filters, Rule, RuleSpec
from bot.errors import NewsbotError
from bot.store.rows import StoreBase, insert_one, model_of, spec_values
from bot.store.schema import rules


def _rule(row: Any) -> Rule:
    return model_of(Rule, row)


class RulesMixin(StoreBase):
    async def add_rule(self, spec: RuleSpec, now: datetime) -> Rule:
        async with self.engine.begin() as conn:
            count = len(
                (
                    await conn.execute(
                        select(rules.c.id).where(
                            rules.c.scope == spec.scope, rules.c.channel_id == spec.channel_id
                        )
                    )
                ).all()
            )
            if count >= MAX_RULES:
                raise NewsbotError(
                    f"there are already {count} rules here",
                    hint="remove some with /filters remove or /filters clear first",
                )
            clash = NewsbotError(
                f"that rule is already set: {spec.kind} {spec.value}",
                hint="see the rules with /filters list",
            )
            values = spec_values(RuleSpec, spec)
            pk = await insert_one(conn, rules, clash, **values, created_at=now)
            row = (await conn.execute(select(rules).where(rules.c.id == pk))).one()
        return _rule(row)

    async def remove_rules(
        self, scope: str, channel_id: str | None, kinds: tuple[str, ...], value: str | None
    ) -> int:
        """Delete matching rules (``channel_id`` None: any channel; ``value`` None: all).
        Returns how many went."""
        q = delete(rules).where(rules.c.scope == scope, rules.c.kind.in_(kinds))
        if channel_id is not None:
            q = q.where(rules.c.channel_id == channel_id)
        if value is not None:
            q = q.where(rules.c.value == value)
        async with self.engine.begin() as conn:
            result = await conn.execute(q)
        return int(result.rowcount or 0)

    async def rules_in(self, scope: str) -> list[Rule]:
        """Every rule of a server or workspace, any channel."""
        q = select(rules).where(rules.c.scope == scope).order_by(rules.c.id)
        async with self.engine.connect() as conn:
            return [_rule(r) for r in (await conn.execute(q)).all()]

    async def filters_for(self, scope: str | None, channel_id: str | None) -> Filters:
        """The rules a destination obeys: its server's and its channel's own."""
        if not scope:
            return Filters()
        where = [rules.c.channel_id == ""]
        if channel_id:
            where.append(rules.c.channel_id == str(channel_id))
        q = select(rules).where(rules.c.scope == scope, or_(*where)).order_by(rules.c.id)
        async with self.engine.connect() as conn:
            return Filters(tuple(_rule(r) for r in (await conn.execute(q)).all()))
