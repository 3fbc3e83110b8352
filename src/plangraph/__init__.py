"""plangraph: Chinese district plan-execution reports as a validated, browsable RDF knowledge graph."""
from __future__ import annotations

import importlib

__all__ = ["build", "validate", "load", "query"]
__version__ = "0.1.0"


def __getattr__(name: str):
    """Import the API on first use (PEP 562): a query worker importing ``plangraph.web`` needs no SHACL engine."""
    if name in __all__:
        return getattr(importlib.import_module(".api", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
