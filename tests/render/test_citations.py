"""Each fact sentence ends with numbered links to the pages that support it; a fact
sentence without a citation is not printed; JSON carries the citations per story."""

from __future__ import annotations

import json
from dataclasses import replace

from bot.models import Citation, Digest
from bot.render.discord import CONTENT_MAX, render_discord
from bot.render.jsonout import digest_to_dict
from bot.render.markdown import render_markdown
from bot.render.slack import render_slack

from .factories import sample_digest

TC = "https://techcrunch.com/2026/08/22/acme-raises/"
VERGE = "https://www.theverge.com/ai/acme-round"


def cited() -> Digest:
    digest = sample_digest()
    assert digest.lead is not None
    lead = replace(
        digest.lead,
        summary="Acme raised $2 billion at a $20 billion valuation. Acme will build a moon "
        "base.\n\nThe round was led by Big Fund.\n\nIn plain terms: more money for chips.",
        citations=(
            Citation("Acme raised $2 billion at a $20 billion valuation.", (TC, VERGE)),
            Citation("The round was led by Big Fund.", (VERGE,)),
        ),
    )
    return replace(digest, lead=lead)


def test_markdown_numbers_each_fact_by_its_place_in_the_sources_list() -> None:
    out = render_markdown(cited())
    assert (
        "Acme raised $2 billion at a $20 billion valuation. "
        f"[\\[1\\]](<{TC}>) [\\[2\\]](<{VERGE}>)" in out
    )
    assert f"The round was led by Big Fund. [\\[2\\]](<{VERGE}>)" in out
    assert "moon base" not in out  # a fact sentence with no citation is not printed
    assert "In plain terms: more money for chips." in out  # labeled, no facts of its own


def test_discord_and_slack_carry_the_same_links_within_their_limits() -> None:
    post = render_discord(cited())
    thread = "\n".join(m["content"] for m in post.thread_messages)
    embed = post.headline["embeds"][0]["description"]
    # the lead's cited summary is in the embed; the thread does not say it twice
    assert f"[\\[1\\]](<{TC}>) [\\[2\\]](<{VERGE}>)" in embed
    assert "moon base" not in thread + json.dumps(post.headline)
    assert all(len(m["content"]) <= CONTENT_MAX for m in post.thread_messages)

    slack = json.dumps(render_slack(cited()).__dict__, default=str)
    assert f"<{TC}|[1]> <{VERGE}|[2]>" in slack
    assert "moon base" not in slack


def test_json_has_the_citations_per_story() -> None:
    data = digest_to_dict(cited())
    assert data["lead"]["citations"] == [
        {"sentence": "Acme raised $2 billion at a $20 billion valuation.", "urls": [TC, VERGE]},
        {"sentence": "The round was led by Big Fund.", "urls": [VERGE]},
    ]
    assert data["stories"][0]["citations"] == []
