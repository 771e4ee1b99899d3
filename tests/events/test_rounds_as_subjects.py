"""A round named as what opened, closed or was held ("the first round opened on October 15", "le premier
round s'était ouvert le 15 octobre") is a meeting of the article's parties, recalled with its own date; the
verb that tells what the round did does not make it a wish or an offer ("ouvert" as in "open to talks").
Counted rounds ("six rounds between April and June") are a series, not one meeting."""
from __future__ import annotations

from datetime import date

import pytest
from candidate_samples import candidates, pipeline  # noqa: F401 (fixture)

LEADS = {
    "en": "Iran and the United States resume nuclear talks in Geneva\n\nIran and the United States returned to the "
          "table in Geneva on Thursday for a second round of talks on the nuclear programme.\n\n",
    "fr": "L'Iran et les États-Unis reprennent les négociations à Genève\n\nL'Iran et les États-Unis ont repris "
          "jeudi à Genève les négociations sur le programme nucléaire iranien, pour un deuxième round.\n\n",
}


@pytest.mark.parametrize(("language", "sentence"), [
    ("en", "The first round opened on October 15 and wrapped up the next day without a breakthrough."),
    ("en", "The first round was held on October 15, diplomats said."),
    ("fr", "Le premier round s'était ouvert le 15 octobre et s'était achevé le lendemain sans percée."),
    ("fr", "Le premier cycle s'est ouvert le 15 octobre, selon des diplomates."),
    ("fr", "Le premier cycle de Genève s'était achevé le 15 octobre."),
    ("en", "The first Geneva round ended on October 15."),
])
def test_a_round_that_opened_is_a_recalled_meeting_of_the_articles_parties(pipeline, language, sentence):
    found = [c for c in candidates(pipeline, LEADS[language] + sentence, language, published="2013-10-19")
             if c.trigger in ("round", "cycle")]
    assert [c.type for c in found] == ["CONSULT"]
    assert {"IRN", "USA"} <= set(found[0].actor_codes)
    assert found[0].date.start == date(2013, 10, 15)
    assert found[0].status == "occurred"
    assert found[0].background


@pytest.mark.parametrize(("language", "sentence"), [
    ("en", "Six rounds were held between April and June without a deal."),
    ("fr", "Les six premiers cycles s'étaient tenus entre avril et juin sans accord."),
    ("fr", "Le cycle électoral s'est ouvert le 15 octobre."),
])
def test_counted_rounds_and_other_cycles_are_no_single_meeting(pipeline, language, sentence):
    found = [c for c in candidates(pipeline, LEADS[language] + sentence, language, published="2013-10-19")
             if c.trigger in ("round", "rounds", "cycle", "cycles")]
    assert found == []
