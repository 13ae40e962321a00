"""A Digest as one JSON-able dict: the shape ``newsbot digest --format json`` prints.

Text is left as the summarizer wrote it (JSON needs no platform escaping; consumers
escape for wherever they show it). Times are ISO 8601 with their UTC offset.
"""

from __future__ import annotations

from typing import Any

from bot.models import Digest, DigestStory, FailedSource


def _story(story: DigestStory) -> dict[str, Any]:
    return {
        "headline": story.headline,
        "summary": story.summary,
        "take": story.take,
        "citations": [{"sentence": c.sentence, "urls": list(c.urls)} for c in story.citations],
        "articles": [
            {
                "title": a.title,
                "url": a.url,
                "source": a.source,
                "published": a.published.isoformat(),
            }
            for a in story.articles
        ],
        "followup": _followup(story),
    }


def _followup(story: DigestStory) -> dict[str, Any] | None:
    f = story.followup
    if f is None:
        return None
    return {
        "day": f.day,
        "since": f.since.isoformat(),
        "earlier": {"title": f.earlier_title, "url": f.earlier_url},
        "earlier_digest": f.digest_url,
    }


def _failed(f: FailedSource) -> dict[str, Any]:
    return {"name": f.name, "reason": f.reason, "since": f.since.isoformat() if f.since else None}


def digest_to_dict(digest: Digest) -> dict[str, Any]:
    s = digest.stats
    return {
        "title": digest.title,
        "window": {
            "start": digest.window.start.isoformat(),
            "end": digest.window.end.isoformat(),
            "tz": digest.window.tz,
        },
        "lead": _story(digest.lead) if digest.lead else None,
        "stories": [_story(story) for story in digest.stories],
        "bottom_line": digest.bottom_line,
        "signoff": digest.signoff,
        "stats": {
            "articles": s.articles,
            "sources": s.sources,
            "stories": s.stories,
            "backend": s.backend,
            "tokens_in": s.tokens_in,
            "tokens_out": s.tokens_out,
            "failed_sources": [_failed(f) for f in s.failed_sources],
            "notes": list(s.notes),
        },
    }
