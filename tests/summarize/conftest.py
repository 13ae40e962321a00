"""Fixtures for the LLM backend tests: a loopback server speaking both APIs, a client."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from support.llm_server import LLMServer
from support.llm_stories import faithful


@pytest.fixture
async def srv() -> AsyncIterator[LLMServer]:
    async with LLMServer() as server:
        server.respond = faithful
        yield server


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient() as c:
        yield c
