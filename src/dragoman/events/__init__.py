"""Events: PLOVER coding of triggers and one candidate per event reading of a document."""
from .candidates import build_candidates
from .coder import code_doc, run_code

__all__ = ["build_candidates", "code_doc", "run_code"]
