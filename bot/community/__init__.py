"""What a community sets for itself: filters (keyword rules, muted sources) per destination.

Core code: no discord/slack imports. ``rules.py`` holds the pure rule logic, ``service.py``
the use cases the adapters and the CLI call through ``bot.services.Services``.
"""
