"""What every page handler of the console needs: blocking work off the event loop, and an HTML
page in the console's layout."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from typing import Any

from aiohttp import web

from bot.staff import render


async def run_blocking(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """``fn(*args, **kwargs)`` in the default thread pool (database, password hashing)."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, functools.partial(fn, *args, **kwargs))


def html_page(
    request: web.Request, title: str, body: str, csrf: str, status: int = 200
) -> web.Response:
    """``body`` in the console's layout, for the signed-in agent."""
    text = render.layout(title, body, csrf=csrf, user=request["staff_user"])
    return web.Response(text=text, status=status, content_type="text/html", charset="utf-8")
