from itertools import product

import pytest

from bot.feeds.urls import _canonical_split, canonical_url, outlet


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


def test_a_link_split_by_hand_is_canonical_as_through_urlsplit() -> None:
    # canonical_url splits a plain link (most are) by hand: every link must come out as the
    # urlsplit route makes it, plain or not (schemes, hosts, users, ports, AMP, paths, queries,
    # fragments, controls, spaces at either end)
    schemes = ["https://", "http://", "HTTPS://", "Http://", "ftp://", "", "//", "https:/"]
    hosts = ["example.com", "Example.com", "amp.example.com", "amp.", "amp.x", "a", "-", ".."]
    hosts += ["[::1]", "[::1", "u:p@x.com", "x.com:80", "x.com:443", "x.com:8443", "x.com:"]
    hosts += ["x.com:99999", "xn--bcher-kva.de", "b\u00fccher.de", "127.0.0.1", "a b", "a_b", ""]
    paths = ["", "/", "//", "/a", "/a/", "/a//", "/amp", "/amp/", "/x/amp", "/x/amp/", "/a b"]
    paths += ["/a%20b", "/\u00e4", "/a\tb", "/a\nb", "\\x", "/a:b@c", "//x/amp/"]
    tails = ["", "?", "?b=2&a=1", "?utm_source=x&q=1", "#f", "?a=1#f", "\x00", "\x7f", "\r"]
    for scheme, host, path, tail in product(schemes, hosts, paths, tails):
        url = scheme + host + path + tail
        for given in (url, f" {url} ", f"\t{url}\n"):
            assert canonical_url(given) == _canonical_split(given.strip()), repr(given)


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
