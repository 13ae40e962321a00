"""The offline voice's own words: original plain-language lines, by story type.

Rules for every line here (STYLE.md): short sentences, everyday words, opinion labeled as
opinion, and no fact of its own. The only slot is ``{who}``: the company or person the
story's own headline names (see ``voice.subject``); lines that need a name have a
fallback when there is none. No numbers, no other names. Several variants per type; the
voice picks one by story key, so a day doesn't repeat itself.

Sentences start with words the faithfulness guard knows as ordinary sentence starters, so
a check of the whole digest against its sources passes.
"""

from __future__ import annotations

# "In plain terms: ..." for the lead: what the news means, in words a friend would use.
MEANS: dict[str, tuple[str, ...]] = {
    "funding": (
        "In plain terms: a lot of money is riding on {who}. The people paying want much more back.",
        "In plain terms: {who} has more cash to spend. Now it has to earn it.",
        "In plain terms: money keeps pouring into AI. This time most of it lands with {who}.",
    ),
    "acquisition": (
        "In plain terms: {who} is buying what it could not build fast enough.",
        "In plain terms: a small team now works for a bigger one. That is how the big get bigger.",
        "In plain terms: {who} is growing by buying, not by building.",
    ),
    "release": (
        "In plain terms: {who} has something new for people to try. The proof comes with real use.",
        "In plain terms: a new tool is out. Nobody knows yet how it holds up on real work.",
        "In plain terms: {who} wants you on its tools, not on someone else's.",
    ),
    "open_source": (
        "In plain terms: the code is out for anyone to use. The fine print still counts.",
        "In plain terms: {who} is giving away part of its work. But free to get is not free to run.",
        "In plain terms: more of the tools are out in the open. That helps small shops most.",
    ),
    "policy": (
        "In plain terms: the rules for AI are moving. Someone will have to follow them.",
        "In plain terms: a court or a lawmaker now has a say.",
        "In plain terms: someone wants to set the rules. Someone else will pay to follow them.",
    ),
    "security": (
        "In plain terms: something was open that should have been shut. Users may be at risk.",
        "In plain terms: there is a hole, and bad actors look for holes.",
        "In plain terms: data or systems were not as safe as people were told.",
    ),
    "chips": (
        "In plain terms: it is about who gets the chips and the power.",
        "In plain terms: the big money is going into hardware.",
        "In plain terms: the fight is over compute. Whoever has it calls the shots.",
    ),
    "research": (
        "In plain terms: a lab result, not a product you can use today.",
        "In plain terms: someone tested an idea. It still has to work outside the lab.",
        "In plain terms: a new finding, still early. Read it as a clue, not a promise.",
    ),
    "people": (
        "In plain terms: people are moving, and people follow the work.",
        "In plain terms: jobs and seats are changing hands. That says where the work is going.",
        "In plain terms: this is about who runs things, and who is out.",
    ),
    "general": (
        "In plain terms: it is worth knowing about. The details are still thin.",
        "In plain terms: a story to keep an eye on. Not much to act on yet.",
        "In plain terms: it matters most to people who use {who} every day.",
    ),
}

# "My read: ..." for the lead: two to four sentences of opinion, clearly labeled.
TAKES: dict[str, tuple[str, ...]] = {
    "funding": (
        "My read: big money buys time, not results. Watch who pays the bill later. "
        "Wait for a product people pay for before cheering.",
        "My read: a big price tag is a bet, not a win. Someone will want that money back. "
        "Watch what {who} ships next.",
        "My read: this much cash sets the bar high. Ask what it costs the people who build on it. "
        "Too early to tell if it pays off.",
    ),
    "acquisition": (
        "My read: buying is faster than building. Small shops get squeezed when the big ones shop. "
        "Watch what happens to the product and the staff.",
        "My read: deals like this are about people as much as code. "
        "Check what happens to the old customers in a year.",
        "My read: fewer, bigger players means fewer choices for the rest of us. "
        "Watch the price once the dust settles.",
    ),
    "release": (
        "My read: a launch is a promise. Look at real work, not the demo. "
        "Check the price and the limits first.",
        "My read: new is not the same as better. Check it on one real job before you switch.",
        "My read: the demo always looks good. Wait a few weeks and ask the people using it.",
    ),
    "open_source": (
        "My read: read the license before you build on it. But free to download is not always "
        "free to use. Still, open tools are good news for small shops.",
        "My read: open code keeps the big players honest. Check who still holds the keys.",
        "My read: this helps anyone who wants to run things on their own gear. "
        "Watch whether the rules change once people depend on it.",
    ),
    "policy": (
        "My read: rules on paper are one thing. Watch who enforces them, and how. "
        "Big firms can pay lawyers; small ones can't.",
        "My read: slow rules are better than no rules. But the details decide who gets hurt.",
        "My read: this will take years to settle. So don't bet your business on the first ruling.",
    ),
    "security": (
        "My read: the fix matters more than the apology. Check your own setup today. "
        "Ask why it took this long to find.",
        "My read: if you use it, change what you can today. Then ask for a straight account.",
        "My read: every tool with your data is a risk. Keep only what you need in there.",
    ),
    "chips": (
        "My read: whoever owns the chips sets the price. Everyone else rents. "
        "Watch the power bill too.",
        "My read: this is a bet that demand keeps climbing. If it slows, someone eats the cost.",
        "My read: hardware deals decide who can afford to build. Small shops feel it last "
        "and hardest.",
    ),
    "research": (
        "My read: a paper is not a product. Wait for someone else to repeat it. "
        "Good ideas still take years to reach the job site.",
        "My read: interesting, but lab numbers flatter everyone. Ask how it does on messy, real work.",
        "My read: worth reading if you build in this area. Everyone else can wait.",
    ),
    "people": (
        "My read: people moves tell you where the money thinks the work is. "
        "Watch who follows them out the door.",
        "My read: when the people change, the plans change. Wait a quarter before you judge.",
        "My read: the folks doing the work pay for these moves first. Keep an eye on them.",
    ),
    "general": (
        "My read: worth watching, but wait for the details before cheering. "
        "Ask who gains and who pays.",
        "My read: more talk than change so far. Check back when there is something to use.",
        "My read: the headline is bigger than the news. Look at what changes for real users.",
    ),
}

# One short line for an "also on the wire" item, after its fact.
WIRE: dict[str, tuple[str, ...]] = {
    "funding": (
        "In plain terms: more money for {who}.",
        "In plain terms: another big check.",
        "In plain terms: the money keeps flowing.",
    ),
    "acquisition": (
        "In plain terms: {who} is buying.",
        "In plain terms: one more deal.",
        "In plain terms: the big get bigger.",
    ),
    "release": (
        "In plain terms: something new to try.",
        "In plain terms: a new tool from {who}.",
        "In plain terms: judge it on real work.",
    ),
    "open_source": (
        "In plain terms: free to get. Read the license.",
        "In plain terms: more open tools.",
        "In plain terms: code you can run yourself.",
    ),
    "policy": (
        "In plain terms: the rules are moving.",
        "In plain terms: a legal fight to watch.",
        "In plain terms: someone wants rules here.",
    ),
    "security": (
        "In plain terms: check your setup.",
        "In plain terms: a hole to patch.",
        "In plain terms: your data may be at risk.",
    ),
    "chips": (
        "In plain terms: the fight for compute.",
        "In plain terms: hardware money.",
        "In plain terms: who gets the chips.",
    ),
    "research": (
        "In plain terms: a lab result, not a product.",
        "In plain terms: early work. Wait for more.",
        "In plain terms: an idea still being tested.",
    ),
    "people": (
        "In plain terms: people on the move.",
        "In plain terms: jobs are changing hands.",
        "In plain terms: new faces at the top.",
    ),
    "general": (
        "In plain terms: worth a look.",
        "In plain terms: one to watch.",
        "In plain terms: good to know.",
    ),
}

# The bottom line, by the day's main type (two or more stories of one type).
DAY: dict[str, str] = {
    "funding": "Money did most of the talking today. Watch what it buys, not what it claims.",
    "acquisition": "The big players went shopping today. Fewer, bigger companies is the trend.",
    "release": "Lots of new things shipped today. Look at real work, not demos.",
    "open_source": "More tools came out in the open today. Good for small shops, if the terms hold.",
    "policy": "The rule makers were busy today. The fine print will matter more than the headlines.",
    "security": "Not a good day for keeping data safe. Check your own setup.",
    "chips": "Today was about hardware and power. Whoever owns the compute sets the terms.",
    "research": "A day of lab results. Interesting, but wait for them to hold up.",
    "people": "People moved today. Follow them; they know where the work is going.",
    "general": "A mixed day with no single thread. Keep an eye on the lead story.",
}
# What a type of story is about, for a bottom line that ties two threads together.
TOPICS: dict[str, str] = {
    "funding": "money",
    "acquisition": "deals",
    "release": "new tools",
    "open_source": "open code",
    "policy": "rules and courts",
    "security": "leaks and holes",
    "chips": "chips and power",
    "research": "lab results",
    "people": "people on the move",
}
TWO_THREADS = "The day came down to two things: {a}, and {b}."
MIXED = "A mixed day. The lead story is the one to watch; the rest can wait."
QUIET = (
    "It is a quiet day on the wire. Only {count} came in, so this one is short. More tomorrow.",
    "It is a quiet day. Nothing new came over the wire in this window. More tomorrow.",
)
QUIET_HOOK = "A quiet day"
NAMED_COUNTS = ("no stories", "one story", "two stories", "three stories")

# Hooks for the title when the lead's own headline can't be used (hype in it).
HOOKS: dict[str, str] = {
    "funding": "Big money, again",
    "acquisition": "One more deal",
    "release": "Something new shipped",
    "open_source": "More open code",
    "policy": "The rules are moving",
    "security": "Check your setup",
    "chips": "The fight for compute",
    "research": "Some lab results",
    "people": "People on the move",
    "general": "The day's AI news",
}
