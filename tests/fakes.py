"""Test fakes shared by every test folder (importable as ``fakes``: the root conftest's folder is on the path).

Embedders stand in for the sentence encoder so that story tests say which documents are alike; a pipeline
without spaCy (one story of every readable document) stands in for the real one in service tests.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from dragoman.model import DocumentAnalysis, Result, Story
from dragoman.stories import Delta


class TableEmbedder:
    """Fixed vectors looked up by a text's first line (its title); counts the texts it encoded."""

    def __init__(self, vectors: dict[str, list[float]]) -> None:
        self.vectors = vectors
        self.calls = 0

    def encode(self, texts: list[str]) -> np.ndarray:
        self.calls += len(texts)
        return np.array([self.vectors[t.split("\n")[0]] for t in texts], dtype=np.float32)


class InlineEmbedder:
    """Returns the vector written in the text's first line itself ("1,0,2")."""

    def encode(self, texts: list[str]) -> np.ndarray:
        return np.array([[float(x) for x in t.split("\n")[0].split(",")] for t in texts], dtype=np.float32)


class AngleEmbedder:
    """Unit vectors whose cosine to "base" is the text's first word ("0.6 ...")."""

    def encode(self, texts: list[str]) -> np.ndarray:
        rows = []
        for text in texts:
            cosine = float(text.split()[0])
            rows.append([cosine, float(np.sqrt(max(0.0, 1 - cosine * cosine)))])
        return np.array(rows, dtype=np.float32)


class NoEmbedder:
    """For tests that never cluster: asking it for a vector is a test bug."""

    def encode(self, texts: list[str]) -> np.ndarray:
        raise AssertionError("this test does not embed")


@dataclass
class FakePipeline:
    """Stands in for the spaCy pipeline: no mentions, no events, one story of everything."""
    analysed: list[str] = field(default_factory=list)

    def analyse(self, docs):
        for doc in docs:
            self.analysed.append(doc.id)
            yield DocumentAnalysis(doc)

    def assembly(self, *, vectors=None) -> FakeAssembly:
        return FakeAssembly()

    def assemble(self, analyses, *, vectors=None) -> Result:
        assembly = FakeAssembly()
        assembly.add(analyses)
        return assembly.result()


@dataclass
class FakeAssembly:
    """One story of every readable document."""
    documents: list = field(default_factory=list)

    def add(self, analyses) -> Delta:
        self.documents.extend(a.document for a in analyses)
        story = self.story()
        return Delta(stories={story.id: story}, story_of={doc_id: story.id for doc_id in story.documents})

    def story(self) -> Story:
        return Story("s-all", "Everything", tuple(d.id for d in self.documents if d.ok), ())

    def result(self) -> Result:
        story = self.story()
        return Result(documents=tuple(self.documents), stories=(story,),
                      story_of=tuple((doc_id, story.id) for doc_id in story.documents))
