"""User actor dictionaries (PETRARCH/TABARI format) through the command line: ``extract --actors`` and
``code --actors`` find actors that only the user's dictionary knows."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from dragoman.cli import app
from dragoman.model import Actor
from dragoman.nlp import load_dictionaries

DICTIONARY = """\
GONDOR [GON]
+MINAS_TIRITH
ROHAN
    [ROH < 950601]
    [RHN]
THE_SHIRE [FRO/BIL/SAM]
PRESIDENT [~GOV]
ASLAN [---]
"""

ARTICLE = ("Moscou, 12 mars 2025 — Le ministre russe des Affaires étrangères, Sergueï Lavrov, a rencontré mardi "
           "à Moscou le ministre des Affaires étrangères du Gondor, Boromir Denethorion. Les deux ministres ont "
           "discuté de la coopération économique entre la Russie et le Gondor.\n")


@pytest.fixture()
def dictionary(tmp_path):
    path = tmp_path / "actors.txt"
    path.write_text(DICTIONARY, encoding="utf-8")
    return path


def test_dictionary_actors_become_gazetteer_forms_without_agents_or_null_codes(dictionary):
    pairs = load_dictionaries([dictionary])
    assert pairs == [
        ("GONDOR", Actor("GON", "GONDOR")), ("MINAS TIRITH", Actor("GON", "GONDOR")),
        ("ROHAN", Actor("RHN", "ROHAN")),  # the code without date limits
        ("THE SHIRE", Actor("FRO", "THE SHIRE")),  # the first of several actors
    ]


def test_extract_with_actors_codes_an_actor_only_the_dictionary_knows(dictionary, tmp_path):
    article = tmp_path / "gondor.txt"
    article.write_text(ARTICLE, encoding="utf-8")

    def event_actors(*options: str) -> list[list[str]]:
        result = CliRunner().invoke(app, ["extract", "--published", "2025-03-12", *options, str(article)])
        assert result.exit_code == 0, result.output
        return [sorted(a["code"] for a in event["actors"]) for event in json.loads(result.stdout)["events"]]

    assert ["GON", "RUS"] in event_actors("--actors", str(dictionary))
    assert not any("GON" in codes for codes in event_actors())


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Gondor accused Russia of violating the ceasefire."),
    ("fr", "Le Gondor a accusé la Russie de violer le cessez-le-feu."),
])
def test_code_with_actors_takes_the_source_from_the_dictionary(dictionary, tmp_path, language, text):
    rows = tmp_path / "rows.jsonl"
    rows.write_text(json.dumps({"id": "1", "text": text, "date": "2025-03-12", "language": language}) + "\n",
                    encoding="utf-8")

    def sources(*options: str) -> list[list[str]]:
        result = CliRunner().invoke(app, ["code", "--jsonl", str(rows), *options])
        assert result.exit_code == 0, result.output
        return [event["source"] for event in json.loads(result.stdout)["events"]]

    assert sources("--actors", str(dictionary)) == [["GON"]]
    assert sources() == [[]]
