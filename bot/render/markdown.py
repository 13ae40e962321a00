"""A Digest as Markdown, for the terminal (rich renders it) and for files.

The shape follows the style guide: title, the lead (what happened, the take, its
sources), "Also on the wire" with outlet counts and a link to every article, the bottom
line, the sign-off, and a small footer.
"""

from __future__ import annotations

from bot.models import Digest, DigestStory
from bot.render.common import (
    Markup,
    cited_paragraphs,
    followup_line,
    footer_lines,
    outlet_count,
    paragraphs,
    quiet_line,
    source_lines,
    title_says_lead,
    unlabel,
)
from bot.render.escape import markdown_link, markdown_text

MARKUP = Markup(bold="**", italic="*", bullet="-", text=markdown_text, link=markdown_link)


def _lead(story: DigestStory, *, in_title: bool = False) -> list[str]:
    head = "The lead" if in_title else markdown_text(story.headline)
    lines = [f"## {head}", ""]
    if (earlier := followup_line(story, markdown_link)) is not None:
        lines += [f"*{earlier}*", ""]
    for para in cited_paragraphs(story, markdown_text, markdown_link):
        lines += [para, ""]
    if story.take:
        takes = paragraphs(unlabel(story.take))
        if takes:
            lines.append("**The take:** " + markdown_text(takes[0]))
            for para in takes[1:]:
                lines += ["", markdown_text(para)]
            lines.append("")
    lines.append(f"*{outlet_count(story)}:*")
    lines += source_lines(story, MARKUP)
    return lines


def _wire_item(story: DigestStory) -> list[str]:
    head = f"### {markdown_text(story.headline)} ({outlet_count(story)})"
    lines = [head, ""]
    if (earlier := followup_line(story, markdown_link)) is not None:
        lines += [f"*{earlier}*", ""]
    for para in cited_paragraphs(story, markdown_text, markdown_link):
        lines += [para, ""]
    if story.take:
        lines += ["*My read:* " + markdown_text(" ".join(paragraphs(unlabel(story.take)))), ""]
    lines += source_lines(story, MARKUP)
    return lines


def render_markdown(digest: Digest) -> str:
    lines = [f"# {markdown_text(digest.title)}", ""]
    if digest.lead is None:
        lines += [quiet_line(digest), ""]
    else:
        lines += _lead(digest.lead, in_title=title_says_lead(digest))
        lines.append("")
    if digest.stories:
        lines += ["## Also on the wire", ""]
        for story in digest.stories:
            lines += _wire_item(story)
            lines.append("")
    if digest.bottom_line.strip():
        lines += ["**Bottom line:** " + markdown_text(unlabel(digest.bottom_line)), ""]
    lines += [f"— {markdown_text(digest.signoff)}", "", "---", ""]
    lines += [f"- {markdown_text(line)}" for line in footer_lines(digest)]
    return "\n".join(lines).rstrip() + "\n"
