"""The story embedders: e5 (default) and USE, their calibrations and the setting that picks one."""
from __future__ import annotations

import json
from datetime import date

import numpy as np
import pytest

from dragoman.config import data_dir, settings
from dragoman.errors import ConfigError
from dragoman.model import Actor, Document, DocumentAnalysis, Mention
from dragoman.pipeline import Pipeline
from dragoman.stories.calibration import E5, USE
from dragoman.stories.cluster import cluster
from dragoman.stories.embedders import E5Embedder, UseEmbedder, calibration_of, embedder_named

# Our own sentences: two reports of one meeting (French, English) and two other news items.
TALKS_FR = "Les chefs de la diplomatie arménienne et azerbaïdjanaise se sont retrouvés à Abou Dhabi pour négocier la paix"
TALKS_EN = "Armenian and Azerbaijani foreign ministers met in Abu Dhabi to negotiate a peace deal"
FLOODS_EN = "Heavy rain floods the Po valley as farmers count the losses"
BUDGET_FR = "Le Parlement adopte le budget de la Sécurité sociale après un long débat nocturne"


@pytest.fixture(scope="module")
def e5():
    return E5Embedder()


def test_e5_vectors_are_unit_length_and_do_not_depend_on_the_batch(e5):
    texts = [TALKS_FR, TALKS_EN, FLOODS_EN, BUDGET_FR]
    batch = e5.encode(texts)
    assert batch.shape == (4, 384)
    assert np.allclose(np.linalg.norm(batch, axis=1), 1.0, atol=1e-5)
    alone = np.stack([e5.encode([t])[0] for t in texts])
    assert np.allclose(batch, alone, atol=1e-5)  # a document's vector never depends on its neighbours
    assert e5.encode([]).shape == (0, 384)


def test_e5_puts_a_french_and_an_english_report_of_one_meeting_closer_than_other_news(e5):
    fr, en, floods, budget = e5.encode([TALKS_FR, TALKS_EN, FLOODS_EN, BUDGET_FR])
    same = float(fr @ en)
    assert same > max(float(fr @ floods), float(fr @ budget), float(en @ floods), float(en @ budget)) + 0.2
    # centred: across languages (whose cosines run lower: a bonus) the same story passes the article
    # threshold; other news stays far below it
    assert same + E5.articles.cross_language_bonus > E5.articles.threshold > float(en @ floods) + 0.2


def test_e5_centre_is_made_from_our_own_sentences():
    data = json.loads((data_dir() / "common" / "e5_centre.json").read_text(encoding="utf-8"))
    assert len(data["centre"]) == 384 and data["sentences"] >= 100
    assert data["made_by"] == "scripts/e5_centre.py"


def test_each_embedder_carries_its_calibration_and_a_fake_gets_use_s():
    assert calibration_of(E5Embedder()) is E5 and calibration_of(UseEmbedder()) is USE
    assert calibration_of(object()) is USE
    assert E5.articles != USE.articles and E5.titles != USE.titles


def test_the_embedder_setting_picks_one_and_rejects_an_unknown_name(monkeypatch):
    assert isinstance(embedder_named(settings().embedder), E5Embedder)
    monkeypatch.setenv("DRAGOMAN_EMBEDDER", "use")
    assert isinstance(embedder_named(settings().embedder), UseEmbedder)
    with pytest.raises(ConfigError, match="embedder"):
        embedder_named("word2vec")


def test_story_threshold_setting_is_the_embedder_s_unless_given(monkeypatch):
    assert settings().threshold is None
    monkeypatch.setenv("DRAGOMAN_STORY_THRESHOLD", "0.8")
    assert settings().threshold == 0.8
    monkeypatch.setenv("DRAGOMAN_STORY_THRESHOLD", "high")
    with pytest.raises(ConfigError, match="story_threshold"):
        _ = settings().threshold


def test_the_pipeline_clusters_with_e5_by_default():
    assert isinstance(Pipeline().embedder, E5Embedder)


def analysis(doc_id: str, text: str, language: str) -> DocumentAnalysis:
    return DocumentAnalysis(Document(id=doc_id, source=doc_id, text=text, title=text, language=language,
                                     published=date(2025, 3, 11)))


@pytest.mark.parametrize("embedder", [E5Embedder(), UseEmbedder()], ids=["e5", "use"])
def test_titles_alone_cluster_by_each_embedder_s_own_calibration(embedder):
    docs = [analysis("fr", TALKS_FR, "fr"), analysis("en", TALKS_EN, "en"),
            analysis("floods", FLOODS_EN, "en"), analysis("budget", BUDGET_FR, "fr")]
    stories = {frozenset(s.documents) for s in cluster(docs, embedder=embedder)}
    assert stories == {frozenset({"fr", "en"}), frozenset({"floods"}), frozenset({"budget"})}


USA, IRN = Actor("USA", "United States"), Actor("IRN", "Iran")
TALKS = {
    "talks-en": ("en", "Iran and US hold new round of talks in Muscat\nIranian and American negotiators met in Oman's "
                       "capital on Saturday for indirect talks on Tehran's nuclear programme, mediated by the Omani "
                       "foreign minister."),
    "talks-fr": ("fr", "L'Iran et les États-Unis tiennent un nouveau cycle de discussions à Mascate\nLes négociateurs "
                       "iraniens et américains se sont retrouvés samedi dans la capitale omanaise pour des pourparlers "
                       "indirects sur le programme nucléaire de Téhéran."),
    "sanctions-en": ("en", "US imposes new sanctions on Iranian oil exports\nThe US Treasury on Saturday sanctioned a "
                           "network of companies accused of shipping Iranian crude to Asia, raising pressure on "
                           "Tehran."),
    "sanctions-fr": ("fr", "Washington sanctionne un réseau d'exportation de pétrole iranien\nLe Trésor américain a "
                           "sanctionné samedi plusieurs sociétés accusées d'acheminer du brut iranien vers l'Asie."),
}


def article(doc_id: str) -> DocumentAnalysis:
    """One of TALKS as an article naming both parties, published the same day as the others."""
    language, text = TALKS[doc_id]
    doc = Document(doc_id, doc_id, text, title=text.split("\n")[0], language=language, published=date(2025, 4, 12))
    mentions = tuple(Mention("actor", 0, 1, a.name, 0, a) for a in (USA, IRN))
    return DocumentAnalysis(doc, mentions)


@pytest.mark.parametrize("embedder", [E5Embedder(), UseEmbedder()], ids=["e5", "use"])
@pytest.mark.parametrize("ids", [("talks-en", "talks-fr", "sanctions-en", "sanctions-fr"),
                                 ("talks-fr", "sanctions-fr"), ("talks-en", "sanctions-en"),
                                 ("talks-fr", "sanctions-en"), ("talks-en", "sanctions-fr")])
def test_same_parties_same_day_different_news_stay_apart_and_each_news_is_one_story(embedder, ids):
    stories = {frozenset(s.documents) for s in cluster([article(i) for i in ids], embedder=embedder)}
    expected = {frozenset(i for i in ids if i.startswith(kind)) for kind in ("talks", "sanctions")}
    assert stories == expected
