"""The LLM writer: prompts and token budgets (``prompts``, ``budget``), the HTTP transports
(``transport``), reply parsing (``reply``), the per-day cache (``cache``) and the
summarizer that ties them together (``summarizer``)."""
