import pytest

from bot.feeds.urls import canonical_url, outlet


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("HTTP://Example.COM:80/a/", "https://example.com/a"),
        ("https://example.com:443/a#frag", "https://example.com/a"),
        ("https://example.com/a?utm_source=x&b=2&a=1&fbclid=z", "https://example.com/a?a=1&b=2"),
        ("https://example.com/a?source=rss&gclid=1&mc_cid=2&ref=hn", "https://example.com/a"),
        ("https://example.com/story/amp/", "https://example.com/story"),
        ("https://example.com/story?amp=1", "https://example.com/story"),
        ("https://example.com/story?outputType=amp", "https://example.com/story"),
        ("https://amp.example.com/story", "https://example.com/story"),
        ("https://example.com:8443/x", "https://example.com:8443/x"),
        ("https://example.com/", "https://example.com"),
    ],
)
def test_same_story_links_share_one_canonical_url(given: str, expected: str) -> None:
    assert canonical_url(given) == expected


def test_non_http_value_is_kept_as_is() -> None:
    assert canonical_url("  urn:uuid:1234 ") == "urn:uuid:1234"


def test_malformed_url_does_not_crash() -> None:
    assert canonical_url("http://[::1/x") == "http://[::1/x"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://feeds.arstechnica.com/arstechnica/index", "arstechnica.com"),
        ("https://www.bbc.co.uk/news/technology-1", "bbc.co.uk"),
        ("https://techcrunch.com/category/artificial-intelligence/feed/", "techcrunch.com"),
        ("https://blog.google/technology/ai/", "blog.google"),
        ("http://127.0.0.1:8080/feed.xml", "127.0.0.1"),
        ("not a url", "not a url"),
    ],
)
def test_outlet_is_the_publishers_domain(url: str, expected: str) -> None:
    assert outlet(url) == expected
