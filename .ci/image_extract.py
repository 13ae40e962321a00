"""Run inside the image (image-check.sh: `docker run -i IMAGE python - < this`): the full-text
extractor and the outlet lookup work with the Dockerfile's pruned venv (Babel's non-English
locale data removed: courlan imports Babel, and its language filter must still answer)."""

from courlan import lang_filter

from bot.feeds.extract import extract_main_text
from bot.feeds.urls import outlet

para = (
    "<p>The lab released a new open-weight model on Tuesday that writes code faster than its"
    " last one, and said it would publish the training data next month. {n}</p>"
)
page = (
    "<html><head><title>A new model</title></head><body><nav>Home News About</nav><article>"
    "<h1>A new model</h1>" + "".join(para.format(n=f"Point {i}.") for i in range(8)) + "</article>"
    "<footer>Copyright</footer></body></html>"
).encode()
text = extract_main_text(page, "https://news.example.de/de/technik/neues-modell")
words = len((text or "").split())
assert words >= 100, f"full text: {words} words"
assert outlet("https://feeds.arstechnica.com/arstechnica/index") == "arstechnica.com"
# a language the pruned data no longer holds: courlan's filter still answers, no error
assert lang_filter("https://example.com/de/seite", "de") in (True, False)
print(f"full text: {words} words; outlet and language filter: ok")
