"""Articles of our own (French and English, real diplomatic events of earlier years), their pages and feeds,
and a pipeline that needs no spaCy model, for the watcher's tests."""
from __future__ import annotations

import hashlib
from html import escape

import numpy as np

from dragoman.model import DocumentAnalysis
from dragoman.pipeline import Pipeline
from fakes import FakeAssembly, FakePipeline  # noqa: F401 (the watcher's tests import them from here)

ARTICLES = {
    "vienna": ("en", "2015-07-14T09:30:00+00:00", "Iran and six powers reach nuclear deal in Vienna",
               "Iran and the group of six world powers reached a comprehensive agreement on its nuclear programme "
               "in Vienna on Tuesday after seventeen days of talks. The deal limits uranium enrichment in exchange "
               "for the gradual lifting of sanctions. Foreign ministers appeared together at the United Nations "
               "building to present the text."),
    "singapore": ("en", "2018-06-12T08:00:00+00:00", "Trump and Kim meet on Sentosa island",
                  "The leaders of the United States and North Korea shook hands on Sentosa island in Singapore on "
                  "Tuesday, the first meeting ever between sitting leaders of the two countries. They signed a "
                  "short joint statement on the denuclearisation of the Korean peninsula and security guarantees."),
    "geneve": ("fr", "2021-06-16T15:00:00+00:00", "Biden et Poutine se retrouvent à Genève",
               "Les présidents américain et russe se sont rencontrés mercredi à Genève, dans la villa La Grange, "
               "pour leur premier sommet. Ils ont convenu du retour de leurs ambassadeurs et de l'ouverture d'un "
               "dialogue sur la stabilité stratégique. Les discussions ont duré moins de quatre heures."),
    "pekin": ("fr", "2023-03-10T12:00:00+00:00", "L'Arabie saoudite et l'Iran renouent à Pékin",
              "L'Arabie saoudite et l'Iran ont annoncé vendredi à Pékin le rétablissement de leurs relations "
              "diplomatiques, rompues depuis sept ans. L'accord, obtenu avec la médiation chinoise, prévoit la "
              "réouverture des ambassades dans un délai de deux mois."),
    "normandie": ("fr", "2019-12-09T18:00:00+00:00", "Sommet au format Normandie à Paris",
                  "Les dirigeants de la France, de l'Allemagne, de la Russie et de l'Ukraine se sont réunis lundi à "
                  "l'Élysée. Ils se sont engagés à un échange de prisonniers et à un cessez-le-feu complet dans l'est "
                  "de l'Ukraine avant la fin de l'année."),
}


def page(key: str, *, canonical: str | None = None, extra: str = "") -> str:
    language, _, title, text = ARTICLES[key]
    link = f'<link rel="canonical" href="{escape(canonical)}">' if canonical else ""
    return (f'<!doctype html><html lang="{language}"><head><meta charset="utf-8"><title>{escape(title)}</title>{link}'
            f"</head><body><header><nav>Accueil · Monde</nav></header><article><h1>{escape(title)}</h1>"
            f"<p>{escape(text)}</p>{f'<p>{escape(extra)}</p>' if extra else ''}</article>"
            "<footer>© Les nouvelles</footer></body></html>")


def rss(items: list[tuple[str, str]], *, title: str = "Les nouvelles") -> str:
    """An RSS 2.0 feed of (article key, link) pairs."""
    entries = "".join(
        f"<item><title>{escape(ARTICLES[key][2])}</title><link>{escape(link)}</link><guid>{escape(link)}</guid>"
        f"<pubDate>{_rfc822(ARTICLES[key][1])}</pubDate><description>{escape(ARTICLES[key][3][:80])}</description></item>"
        for key, link in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{escape(title)}</title>'
            f"<link>http://news.example/</link><description>news</description>{entries}</channel></rss>")


def atom(items: list[tuple[str, str]], *, title: str = "World Wire") -> str:
    entries = "".join(
        f'<entry><title>{escape(ARTICLES[key][2])}</title><link href="{escape(link)}"/><id>tag:wire,{key}</id>'
        f"<updated>{ARTICLES[key][1]}</updated><summary>{escape(ARTICLES[key][3][:80])}</summary></entry>"
        for key, link in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>{escape(title)}'
            f"</title><id>tag:wire</id><updated>2023-03-10T12:00:00Z</updated>{entries}</feed>")


def _rfc822(iso: str) -> str:
    from datetime import datetime
    from email.utils import format_datetime

    return format_datetime(datetime.fromisoformat(iso))


class HashEmbedder:
    """Vectors from a text's hash: cheap, stable, and unlike for unlike texts."""
    version = "hash-1"

    def encode(self, texts: list[str]) -> np.ndarray:
        rows = [np.frombuffer(hashlib.sha256(t.encode()).digest()[:16], dtype=np.uint8) for t in texts]
        return np.array(rows, dtype=np.float32) / 255.0


class NoNlpPipeline(Pipeline):
    """The real cross-document layer (stories, wire copies) over documents analysed without spaCy."""

    def analyse(self, docs):
        for doc in docs:
            yield DocumentAnalysis(doc)
