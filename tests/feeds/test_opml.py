import pytest

from bot.errors import SourceError
from bot.feeds.opml import parse_opml, to_opml
from bot.models import FeedSpec

NESTED = b"""<?xml version="1.0"?>
<opml version="2.0"><head><title>x</title></head><body>
  <outline text="AI">
    <outline text="Labs">
      <outline text="DeepMind" xmlUrl="https://deepmind.google/blog/rss.xml" category="research"/>
    </outline>
    <outline text="TechCrunch AI" xmlUrl="https://techcrunch.com/category/ai/feed/"/>
  </outline>
  <outline text="HN" xmlUrl="https://news.ycombinator.com/rss"/>
</body></opml>"""


def test_nested_outlines_become_tags() -> None:
    specs = parse_opml(NESTED)
    assert [s.name for s in specs] == ["DeepMind", "TechCrunch AI", "HN"]
    assert specs[0].tags == ("AI", "Labs", "research")
    assert specs[1].tags == ("AI",)
    assert specs[2].tags == ()


def test_round_trip_keeps_names_urls_and_tags() -> None:
    feeds = [
        FeedSpec(name="A & B", url="https://a.example/feed?x=1&y=2", tags=("ai", "labs")),
        FeedSpec(name="C", url="https://c.example/rss"),
    ]
    assert parse_opml(to_opml(feeds).encode()) == feeds


def test_entity_declarations_are_refused() -> None:
    bomb = b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaa">]><opml><body/></opml>'
    with pytest.raises(SourceError, match="refused"):
        parse_opml(bomb)


@pytest.mark.parametrize("data", [b"not xml at all", b"<rss><channel/></rss>"])
def test_bad_file_gets_a_clear_error(data: bytes) -> None:
    with pytest.raises(SourceError):
        parse_opml(data)
