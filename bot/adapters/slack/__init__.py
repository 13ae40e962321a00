"""The Slack adapter (slack-bolt, async): slash commands and scheduled posts.

Thin on purpose: commands translate slash commands into ``bot.services`` calls and render the
results with ``bot.render.slack``; the publisher posts scheduled digests for the scheduler.
Imported only when ``SLACK_BOT_TOKEN`` plus ``SLACK_APP_TOKEN`` (Socket Mode) or
``SLACK_SIGNING_SECRET`` (HTTP mode) are set (``bot.app.start_adapters`` loads ``runner``).

- ``runner``: ``start(services, settings, clock, http_port=None)``, the entry point
- ``client``: the Web API client (base URL from settings, retries) and Slack's error codes
- ``parse``: the text after ``/digest``, ``/sources``, ``/why``, and their usage
- ``commands``: the Bolt listeners: ack at once, then the work, then the answer
- ``admin``: who may manage (workspace admins/owners, the allow-list)
- ``replies``: the answers (source pages, previews, errors), escaped and within limits
- ``publisher``: headline, then thread replies; resumable, exactly once
"""
