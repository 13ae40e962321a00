"""The database layer (see ``bot.store.store``).

Importing the package first makes ``sqlalchemy.ext.asyncio`` load without the ORM: the store
uses SQLAlchemy Core only (``AsyncEngine``, ``AsyncConnection``), but that package's
``__init__`` also imports its ``AsyncSession``, which loads ``sqlalchemy.orm``: a sixth of
`newsbot digest today`'s CPU time for classes the bot never uses. The package's own
``__init__`` runs as written, except that the names it takes from ``.session`` and
``.scoping`` are imported on first use (a module ``__getattr__``), so ``from
sqlalchemy.ext.asyncio import AsyncSession`` still works anywhere, and loads the ORM then.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import sys
from typing import Any

_ASYNCIO_EXT = "sqlalchemy.ext.asyncio"
_ORM_PARTS = frozenset({"session", "scoping"})  # its submodules that import sqlalchemy.orm


def _asyncio_ext_without_orm() -> None:
    if _ASYNCIO_EXT in sys.modules:
        return
    spec = importlib.util.find_spec(_ASYNCIO_EXT)
    origin = spec.origin if spec is not None else None
    if spec is None or origin is None or not origin.endswith(".py"):
        return  # not there, or not as source: a plain import later does what it does
    with open(origin, encoding="utf-8") as f:
        tree = ast.parse(f.read(), origin)
    later: dict[str, str] = {}  # name -> the submodule it comes from
    body: list[ast.stmt] = []
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module in _ORM_PARTS:
            later.update({a.asname or a.name: node.module for a in node.names})
        else:
            body.append(node)
    module = importlib.util.module_from_spec(spec)

    def __getattr__(name: str) -> Any:
        if name not in later:
            raise AttributeError(f"module {_ASYNCIO_EXT!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{_ASYNCIO_EXT}.{later[name]}"), name)
        setattr(module, name, value)
        return value

    module.__dict__["__getattr__"] = __getattr__
    sys.modules[_ASYNCIO_EXT] = module
    try:
        code = compile(ast.Module(body=body, type_ignores=[]), origin, "exec")
        exec(code, module.__dict__)  # the package's own code, as its import would run it
    except BaseException:
        sys.modules.pop(_ASYNCIO_EXT, None)
        raise
    setattr(sys.modules["sqlalchemy.ext"], "asyncio", module)  # noqa: B010 - as an import does


_asyncio_ext_without_orm()
