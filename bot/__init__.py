"""newsbot: AI-industry news digests for Discord and Slack."""

__version__ = "0.1.0"
