from bot.cli import entry

raise SystemExit(entry())
