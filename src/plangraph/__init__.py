"""plangraph: Chinese district plan-execution reports as a validated, browsable RDF knowledge graph."""
from .api import build, load, query, validate

__all__ = ["build", "validate", "load", "query"]
__version__ = "0.1.0"
