"""The offline voice's own words: lines with slots that only the story's facts can fill.

Rules for every line here (docs/voice.md): short sentences, everyday words, opinion
labeled as opinion, and no fact of its own. Every sentence holds at least one slot
(``{who}``, ``{amount}``...; see ``slots.Slots``), so no sentence can sit under a story
it is not about; a line whose slots the story can't fill is not written. There are no
stock lines left to fall back on: no slot, no line.

Sentences start with words the faithfulness guard knows as ordinary sentence starters,
so a check of the whole digest against its sources passes.
"""

from __future__ import annotations

# Which lines a story gets is decided by what its slots prove (a raise sentence with an
# amount, a purchase sentence with buyer and target...), not by keywords alone.
MEANS: dict[str, tuple[str, ...]] = {
    "raised": (
        "In plain terms: investors are putting {amount} into {who}.",
        "In plain terms: {who} gets {amount} of other people's money to spend.",
        "In plain terms: {other} and the other backers are betting {amount} on {who}.",
    ),
    "valued": (
        "In plain terms: {who} gets {amount}, at a price tag of {valuation}.",
        "In plain terms: the backers now say {who} is worth {valuation}.",
    ),
    # "has agreed to acquire" and "plans to buy" fill these as "was acquired by" does: the
    # words must hold for a deal not yet closed
    "bought": (
        "In plain terms: {who} is taking over {other}.",
        "In plain terms: {other} is going to {who}.",
    ),
    "paid": (
        "In plain terms: {who} is on the hook for {amount}.",
        "In plain terms: this costs {who} {amount}.",
    ),
    "security": (
        "In plain terms: {count} were out in the open.",
        "In plain terms: {count} were left where anyone could get at them.",
    ),
    "people": (
        "In plain terms: {count} at {who} are affected.",
        "In plain terms: this touches {count} at {who}.",
    ),
    "price": (
        "In plain terms: the price is {price}.",
        "In plain terms: {who} wants {price} for it.",
    ),
}

# "My read: ..." for the lead: opinion, labeled, in one sentence tied to the story by a
# slot. One sentence: the reader came for the news, and a second stock sentence ("The
# backers will want that {amount} back, and more.") only padded the first.
TAKES: dict[str, tuple[str, ...]] = {
    "raised": (
        "My read: {amount} buys {who} time, not proof.",
        "My read: the backers will want their {amount} back, so watch what {who} charges next.",
    ),
    "valued": (
        "My read: a {valuation} price tag is a bet, and {who} now has to earn it.",
        "My read: {valuation} is what the backers hope {who} is worth, and only sales will tell.",
    ),
    # "plans to acquire" fills these too: nothing here says the deal is done
    "bought": (
        "My read: {who} chose buying over building, so watch what happens to {other}'s customers.",
        "My read: if you rely on {other}, check what {who} changes in your contract.",
    ),
    "paid": ("My read: the {amount} matters less than whether {who} changes how it works.",),
    # only under a product's release (see take._groups): a school's fees are no tool's price
    "price": (
        "My read: try it on one real job before you pay {price}.",
        "My read: {price} is the number to weigh, so ask what {who} gives you for it.",
    ),
    "when": ("My read: nothing here to act on before {when}.",),
}

# When a story's slots fill none of the lines above, it gets no line at all. A day with
# no story says so in its title and in the renderers' own quiet line ("Quiet day on the
# wire: nothing new came in for this window."), so the voice adds no bottom line to it: a
# third telling would be the same three stock sentences on every quiet day of a week.
QUIET = ""
QUIET_HOOK = "A quiet day"
# The bottom line lists the day's money, when the stories carry amounts.
MONEY_LINE = "The numbers to remember: {items}."
MONEY_ITEM = "{who}, {amount}"
