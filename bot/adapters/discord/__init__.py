"""The Discord adapter (discord.py 2.x): slash commands and scheduled posts.

Thin on purpose: commands translate interactions into ``bot.services`` calls and render the
results with ``bot.render.discord``; the publisher posts scheduled digests for the scheduler.
Imported only when ``DISCORD_TOKEN`` is set (``bot.app.start_adapters`` loads ``runner``).

- ``runner``: ``start(services, settings, clock)``, the entry point ``bot.app`` calls
- ``client``: the ``discord.Client`` (guilds intent only) and its guild/channel events
- ``commands``: ``/digest``, ``/sources``, ``/why``
- ``pages``: the paginated ``/sources list``
- ``publisher``: headline, thread, thread messages; resumable, exactly once
- ``rest``: the REST calls both share, Discord's error codes and permission names
"""
