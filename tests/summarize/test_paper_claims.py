"""A paper's abstract prints the line saying what its authors made, quoted and said by
them ("Its authors: “We present ...”"), when the story has no other fact; the listing
that carries it is never made the speaker, and a line that is background, process,
cut off or about nothing named prints nothing.

The abstracts are real: arXiv's cs.AI/LG/CL answer (../shared/fixtures/feeds/raw, the
blind report 19 row of bench/style.py) and Hugging Face's daily papers (blind report 3),
whose stories printed their title alone before.
"""

from __future__ import annotations

from dataclasses import replace

from bot.digest.supported import supported_stories
from bot.models import DigestArticle, Story
from bot.summarize.offline.voice import write_offline

from .test_news_first import WINDOW
from .test_take import _story

RETOKEN = (
    "We present ReToken, a single learnable embedding trained as an explicit retrieval "
    "target that selects a sparse set of query-relevant visual tokens from a pre-filled "
    "visual KV cache."
)
RETOKEN_ABSTRACT = (
    "Long visual context poses a challenge for vision-language models: performance degrades "
    "as the number of distractors grows, and processing all tokens at once is "
    "computationally infeasible under GPU memory constraints. "
    + RETOKEN
    + " Trained on only a small image-QA dataset, ReToken yields consistent gains across "
    "image and video benchmarks."
)
AISPA = (
    "In this paper, we introduce Artificial Intelligence System Prompt Assurance (AISPA), a "
    "user-centric framework for systematically auditing system prompts in AI systems."
)
AISPA_ABSTRACT = (
    "System prompts are instructions configured by developers to govern the behaviors of "
    "foundation models in AI applications. They are used throughout commercial AI products, "
    "but are rarely disclosed to the public or regulators. " + AISPA
)


def _paper(title: str, text: str, url: str = "http://arxiv.org/abs/2607.21001v1") -> Story:
    story = _story(title, text)
    article = replace(story.lead_article, feed_name="arXiv cs.AI/LG/CL", url=url)
    return replace(story, articles=(article,))


def _summary(story: Story) -> str:
    return write_offline([story], WINDOW).stories[0].summary


def test_an_abstracts_contribution_prints_quoted_as_its_authors_words() -> None:
    title = "ReToken: One Token to Improve Vision-Language Models for Visual Retrieval"
    assert _summary(_paper(title, RETOKEN_ABSTRACT)) == f"Its authors: “{RETOKEN}”"


def test_the_lead_in_this_paper_is_kept_as_written_inside_the_quote() -> None:
    title = "AISPA: User-Centric System Prompt Auditing for Large Language Model Applications"
    assert _summary(_paper(title, AISPA_ABSTRACT)) == f"Its authors: “{AISPA}”"


def test_a_hugging_face_paper_page_counts_as_a_paper() -> None:
    line = (
        "We present Future-KL Influenced Policy Optimization (FIPO), a reinforcement "
        "learning algorithm designed to overcome reasoning bottlenecks in large language "
        "models."
    )
    story = _paper(
        "FIPO: Eliciting Deep Reasoning with Future-KL Influenced Policy Optimization",
        line + "\nUpvotes: 349\nAuthors: Chiyu Ma, Shuo Yang, Kexin Huang",
        url="https://huggingface.co/papers/2603.19835",
    )
    assert _summary(story) == f"Its authors: “{line}”"


def test_the_same_abstract_on_a_company_blog_is_no_paper_and_never_says_its_authors() -> None:
    """Off a paper's page, "we" is the outlet: the company's announcement rules judge it
    ("present" is no company's news act), and "Its authors" is never printed."""
    story = _paper("ReToken", RETOKEN_ABSTRACT, url="https://blog.example.com/retoken")
    assert "Its authors" not in _summary(story)


def test_background_process_and_a_cut_off_abstract_print_nothing() -> None:
    background = (
        "Dualities play an important role in establishing both microscopic and emergent "
        "phenomena in a wide range of physical systems. In this paper we use machine "
        "learning methods to address this question for Seiberg dualities of supersymmetric "
        "quiver gauge theories."
    )
    assert _summary(_paper("Learning to Trace Seiberg Dualities", background)) == ""
    # the feed cut the abstract inside the line: its end is not the authors' words
    cut = "We present Future-KL Influenced Policy Optimization (FIPO), a reinforcement lea..."
    assert _summary(_paper("FIPO", cut)) == ""
    # what is made has no name: nothing a reader could look up
    vague = "We propose a new method that improves retrieval for long videos on two benchmarks."
    assert _summary(_paper("Better retrieval", vague)) == ""
    # a purpose clause before "we" leans on the line before it
    leaning = (
        "Scaling coding agents requires a continuing supply of executable data. To expand "
        "this supply, we present Change2Task, a system grounded in repository history."
    )
    assert _summary(_paper("Change2Task", leaning)) == ""


def test_the_digests_support_check_keeps_the_quote_and_cites_the_paper() -> None:
    story = _paper(
        "ReToken: One Token to Improve Vision-Language Models for Visual Retrieval",
        RETOKEN_ABSTRACT,
    )
    written = write_offline([story], WINDOW)
    links = [tuple(DigestArticle.of(a) for a in story.articles)]
    posted, notes = supported_stories([story], written, WINDOW, links)
    assert posted[0].summary == f"Its authors: “{RETOKEN}”"
    assert [c.urls for c in posted[0].citations] == [(story.lead_article.url,)]
    assert notes == ()


def test_arxivs_rss_listing_line_before_the_abstract_is_no_part_of_the_quote() -> None:
    """rss.arxiv.org glues "arXiv:<id> Announce Type: new Abstract:" to every abstract; an
    abstract that opens on its contribution printed nothing behind it."""
    abstract = RETOKEN + " Trained on only a small image-QA dataset, ReToken yields gains."
    for listing in (
        "arXiv:2607.15331v1 Announce Type: new \nAbstract: ",
        "arXiv:2607.15331v2 Announce Type: replace-cross Abstract: ",
    ):
        story = _paper("ReToken", listing + abstract, url="https://arxiv.org/abs/2607.15331")
        assert _summary(story) == f"Its authors: “{RETOKEN}”"
