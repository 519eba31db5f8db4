"""whoosh, imported without what its compatibility shims pull in and the index never uses.

whoosh's reader imports the `cached_property` package for one decorator, and that package imports asyncio
for its coroutine variant (30 modules, 2-3 MB); whoosh.compat imports urllib.request for a download helper
nothing calls, which brings http, email and ssl with its C library (~2 MB). Together a tenth of a cold
`ask`'s memory. Until something asks them for more, stand-ins take their place: the standard library's
functools.cached_property, which does what whoosh needs (a value computed once per reader), and a
urlretrieve that imports the real module when called. Any other name loads the real module.
"""

from __future__ import annotations

import functools
import importlib
import sys
import types
from typing import Any


class _StandIn(types.ModuleType):
    """A module standing in for a real one: a few names of its own, the real module for the rest."""

    def __init__(self, name: str, **names: Any) -> None:
        super().__init__(name)
        self.__dict__.update(names)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # the import system asking what kind of module this is (__path__ …)
            raise AttributeError(name)
        return getattr(_real(self.__name__), name)


def _real(name: str) -> Any:
    """The real module behind a stand-in (imported now, put where the stand-in was)."""
    if isinstance(sys.modules.get(name), _StandIn):
        del sys.modules[name]
    module = importlib.import_module(name)
    parent, _, child = name.rpartition(".")
    if parent:
        setattr(sys.modules[parent], child, module)
    return module


def _urlretrieve(*args: Any, **kwargs: Any) -> Any:
    return _real("urllib.request").urlretrieve(*args, **kwargs)


def import_whoosh() -> Any:
    """whoosh's index module (the stand-ins are put in place only before whoosh is first imported)."""
    if "whoosh" not in sys.modules:
        import urllib

        sys.modules.setdefault("cached_property", _StandIn("cached_property", cached_property=functools.cached_property))
        if "urllib.request" not in sys.modules:
            sys.modules["urllib.request"] = urllib.request = _StandIn("urllib.request", urlretrieve=_urlretrieve)  # type: ignore[attr-defined]
    from whoosh import index

    return index
