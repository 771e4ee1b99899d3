"""Stories: the cross-document stage (clustering, wire copies, event merging, series).

Its front door is :func:`assemble`; the embedders and the incremental :class:`StoryIndex` are the
types other code builds on. Code outside this package imports only from here.
"""
from .assemble import Assembly, Delta, assemble
from .calibration import Calibration, StorySettings, load_calibration
from .cluster import Profile, StoryIndex, cluster, profile
from .embedders import (
                         EMBEDDERS,
                         CachedEmbedder,
                         E5Embedder,
                         Embedder,
                         UseEmbedder,
                         VectorCache,
                         calibration_of,
                         embedder_named,
)
from .live import COPY_FLAG
from .snapshot import freeze, snapshot_key, thaw

__all__ = ["COPY_FLAG", "EMBEDDERS", "Assembly", "CachedEmbedder", "Calibration", "Delta", "E5Embedder", "Embedder",
           "Profile", "StoryIndex", "StorySettings", "UseEmbedder", "VectorCache", "assemble", "calibration_of", "cluster",
           "embedder_named", "freeze", "load_calibration", "profile", "snapshot_key", "thaw"]
