"""dragoman: multilingual news to a verified, source-linked timeline of diplomatic events."""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
