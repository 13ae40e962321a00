"""OPML import/export. Parsing goes through defusedxml: no DTDs, no entities, no network."""

from __future__ import annotations

from collections.abc import Sequence
from xml.etree.ElementTree import Element, SubElement, tostring

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

from bot.errors import SourceError
from bot.models import Feed, FeedSpec


def parse_opml(data: bytes) -> list[FeedSpec]:
    """Every outline with an xmlUrl becomes a FeedSpec; enclosing outlines' text become tags."""
    try:
        root = fromstring(data, forbid_dtd=True)
    except DefusedXmlException as exc:
        raise SourceError(
            f"OPML file refused: {exc}", hint="remove the DOCTYPE / entity declarations"
        ) from exc
    except ParseError as exc:
        raise SourceError(f"not valid OPML (XML error: {exc})") from exc
    if root.tag.lower() != "opml":
        raise SourceError(f"not an OPML file: root element is <{root.tag}>, expected <opml>")
    body = root.find("body")
    if body is None:
        raise SourceError("not a valid OPML file: no <body> element")
    specs: list[FeedSpec] = []
    seen: set[str] = set()

    def walk(node: Element, tags: tuple[str, ...]) -> None:
        for outline in node.findall("outline"):
            text = (outline.get("text") or outline.get("title") or "").strip()
            url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
            if url:
                own = tuple(
                    t.strip().lstrip("/")
                    for t in (outline.get("category") or "").split(",")
                    if t.strip().lstrip("/")
                )
                all_tags = tuple(dict.fromkeys(tags + own))
                if url not in seen:
                    seen.add(url)
                    specs.append(FeedSpec(name=text or url, url=url, tags=all_tags))
            walk(outline, tags + ((text,) if text and not url else ()))

    walk(body, ())
    return specs


def to_opml(feeds: Sequence[Feed | FeedSpec], title: str = "newsbot sources") -> str:
    """OPML 2.0 with one flat outline per feed; tags go in ``category`` so they round-trip."""
    root = Element("opml", version="2.0")
    head = SubElement(root, "head")
    SubElement(head, "title").text = title
    body = SubElement(root, "body")
    for feed in feeds:
        attrs = {"type": "rss", "text": feed.name, "title": feed.name, "xmlUrl": feed.url}
        if feed.tags:
            attrs["category"] = ",".join(feed.tags)
        SubElement(body, "outline", attrs)
    xml = tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + xml + "\n"
