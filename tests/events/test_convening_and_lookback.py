"""A leader who convenes two others holds a meeting with them ("a réuni X et Y", "hosted X and Y"); a first
meeting that "goes back to" a yearless date lies before the article, not months after it."""
from __future__ import annotations

from datetime import date

import pytest
from candidate_samples import candidates, pipeline  # noqa: F401 (fixture)


@pytest.mark.parametrize(("language", "text", "trigger"), [
    ("fr", "Sommet à Bruxelles\n\nLe président du Conseil européen, Charles Michel, a réuni dimanche soir à "
     "Bruxelles le président serbe, Aleksandar Vucic, et le premier ministre kosovar, Albin Kurti.", "réuni"),
    ("en", "Summit in Brussels\n\nEuropean Council President Charles Michel hosted Serbian President Aleksandar "
     "Vucic and Kosovo Prime Minister Albin Kurti in Brussels on Sunday evening.", "hosted"),
])
def test_convening_two_leaders_is_a_meeting_of_the_three(pipeline, language, text, trigger):
    found = [c for c in candidates(pipeline, text, language, published="2019-06-17") if c.trigger == trigger]
    assert [c.type for c in found] == ["CONSULT"]
    assert {"SRB", "XKX", "EU"} <= set(found[0].actor_codes)
    assert found[0].date.start == date(2019, 6, 16)
    assert found[0].location is not None and found[0].location.name == "Brussels"


@pytest.mark.parametrize("text", [
    "L'opposition a réuni des fonds\n\nL'opposition serbe a réuni des fonds pour la campagne en Serbie.",
    "Réunion des conditions\n\nLe gouvernement kosovar estime que la Serbie a réuni toutes les conditions.",
])
def test_gathering_things_is_no_meeting(pipeline, text):
    assert not [c for c in candidates(pipeline, text, "fr", published="2019-06-17") if c.type == "CONSULT"]


def test_a_first_meeting_that_goes_back_to_a_yearless_date_lies_before_the_article(pipeline):
    text = ("Un processus ancien\n\nLa toute première rencontre entre le président serbe et le premier ministre "
            "kosovar sous l'égide de l'Union européenne remonte au 14 décembre.")
    found = [c for c in candidates(pipeline, text, "fr", published="2019-06-17") if c.type == "CONSULT"]
    assert [c.date.start for c in found] == [date(2018, 12, 14)]
    assert all(c.status == "occurred" for c in found)


@pytest.mark.parametrize(("language", "text", "trigger"), [
    ("en", "A first meeting\n\nNorth Korea's top negotiator Kim Hyok Chol first sat down with U.S. envoy Stephen "
     "Biegun in Stockholm in early October 2019.", "sat"),
    ("fr", "Un premier contact\n\nLe premier face-à-face entre l'émissaire américain Stephen Biegun et le "
     "négociateur nord-coréen Kim Hyok Chol avait eu lieu début octobre à Stockholm.", "face-à-face"),
])
def test_sitting_down_with_and_a_face_to_face_are_meetings(pipeline, language, text, trigger):
    found = [c for c in candidates(pipeline, text, language, published="2019-10-20") if c.trigger == trigger]
    assert [c.type for c in found] == ["CONSULT"]
    assert {"PRK", "USA"} <= set(found[0].actor_codes)
    assert found[0].date.start is not None and (found[0].date.start.year, found[0].date.start.month) == (2019, 10)


def test_sitting_down_to_do_something_is_no_meeting(pipeline):
    text = "A letter\n\nThe North Korean foreign minister sat down to write a letter to the United States."
    assert not [c for c in candidates(pipeline, text, "en", published="2019-10-20") if c.trigger == "sat"]


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Truce signed\n\nSudan's army and the paramilitary Rapid Support Forces signed a seven-day ceasefire on "
     "Saturday in Jeddah."),
    ("fr", "Trêve signée\n\nL'armée soudanaise et les Forces de soutien rapide ont signé samedi un cessez-le-feu "
     "d'une semaine à Djeddah."),
])
def test_signing_a_ceasefire_is_an_agreement_between_the_sides(pipeline, language, text):
    found = candidates(pipeline, text, language, published="2019-06-17")
    assert found and {c.type for c in found} == {"AGREE"}  # the headline's reading and the sentence's
    assert {(c.status, c.date.start) for c in found if c.date.known} == {("occurred", date(2019, 6, 15))}


def test_se_voir_with_an_infinitive_is_a_passive_not_a_meeting(pipeline):
    text = ("Moscou riposte\n\nConvoqué au ministère, l'ambassadeur américain s'est vu détailler la riposte par le "
            "vice-ministre russe. Les ministres russe et américain se verront jeudi à Genève.")
    found = [c for c in candidates(pipeline, text, "fr", published="2018-03-30") if c.type == "CONSULT"]
    assert [c.trigger for c in found] == ["verront"]
    assert found[0].date.start == date(2018, 4, 5)


@pytest.mark.parametrize(("language", "text"), [
    ("fr", "Le froid persiste\n\nLe chemin parcouru depuis le 3 mars est réel. Ce jour-là, le ministre Jean-Yves "
     "Le Drian avait rappelé à Paris les ambassadeurs Philippe Étienne et Jean-Pierre Thébault, en poste à "
     "Washington et à Canberra."),
    ("en", "Still cold\n\nThe anger dates from March 3. That day, Foreign Minister Jean-Yves Le Drian recalled "
     "ambassadors Philippe Etienne and Jean-Pierre Thebault, posted in Washington and Canberra."),
])
def test_that_day_is_the_date_stated_before_and_named_envoys_keep_their_posts(pipeline, language, text):
    found = [c for c in candidates(pipeline, text, language, published="2019-04-20") if c.type == "SANCTION"]
    assert sorted(tuple(sorted(c.actor_codes)) for c in found) == [("AUS", "FRA"), ("FRA", "USA")]
    assert {c.date.start for c in found} == {date(2019, 3, 3)}


@pytest.mark.parametrize(("language", "text", "trigger"), [
    ("en", "A deal\n\nThe fishing agreement signed by Norway and Sweden in Oslo on Monday ends a long dispute.",
     "signed"),
    ("fr", "Un accord\n\nL'accord de pêche signé par la Norvège et la Suède lundi à Oslo met fin à un long "
     "différend.", "signé"),
])
def test_a_participle_naming_who_signed_reports_the_signing(pipeline, language, text, trigger):
    found = [c for c in candidates(pipeline, text, language, published="2019-06-18") if c.trigger == trigger]
    assert len(found) == 1 and set(found[0].actor_codes) == {"NOR", "SWE"}
    assert {a.role for a in found[0].actors} == {"source"}
    assert found[0].date.start == date(2019, 6, 17)


def test_a_participle_describing_a_person_names_no_event(pipeline):
    text = "Freed\n\nA Norwegian fisherman jailed a year ago was freed on Monday."
    assert not [c for c in candidates(pipeline, text, "en", published="2019-06-18") if c.trigger == "jailed"]


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Talks off\n\nThe negotiations between Norway and Sweden are off for now."),
    ("fr", "Pause\n\nLes pourparlers entre la Norvège et la Suède n'ont rien donné jusqu'à maintenant."),
])
def test_for_now_is_no_date(pipeline, language, text):
    found = [c for c in candidates(pipeline, text, language, published="2019-06-18") if c.type == "CONSULT"]
    assert found and all(c.date.start is None for c in found)


@pytest.mark.parametrize(("language", "text", "trigger"), [
    ("en", "Walkout\n\nSudan's army pulled out of the talks with the Rapid Support Forces in Jeddah on Wednesday.",
     "pulled"),
    ("fr", "Rupture\n\nL'armée soudanaise a quitté mercredi la table des négociations avec les Forces de soutien "
     "rapide à Djeddah.", "quitté"),
])
def test_leaving_talks_is_a_rejection_of_them(pipeline, language, text, trigger):
    found = [c for c in candidates(pipeline, text, language, published="2019-06-20") if c.trigger == trigger]
    assert [c.type for c in found] in (["REJECT"], ["SANCTION"])
    assert set(found[0].actor_codes) == {"SDN", "RSF_SUDAN"} and found[0].date.start == date(2019, 6, 19)


def test_withdrawing_troops_is_no_walkout(pipeline):
    text = "Pullback\n\nRussia withdrew its troops from the border with Ukraine on Wednesday."
    assert not [c for c in candidates(pipeline, text, "en", published="2019-06-20") if c.cameo == "125"]


@pytest.mark.parametrize(("language", "text", "trigger"), [
    ("en", "A pledge\n\nNorway vowed never to attack Sweden.", "vowed"),
    ("fr", "Un engagement\n\nLa Norvège a promis de ne jamais menacer la Suède.", "promis"),
])
def test_a_pledge_not_to_attack_is_no_threat(pipeline, language, text, trigger):
    found = [c for c in candidates(pipeline, text, language, published="2019-06-20") if c.trigger == trigger]
    assert found and "THREATEN" not in {c.type for c in found}


def test_a_vow_to_strike_is_a_threat(pipeline):
    text = "A threat\n\nNorway vowed to strike Sweden."
    assert {c.type for c in candidates(pipeline, text, "en", published="2019-06-20")} == {"THREATEN"}


@pytest.mark.parametrize(("language", "text", "status"), [
    ("en", "Talks?\n\nOslo said on Monday that Norwegian and Swedish diplomats would meet in Geneva next week, but "
     "the Swedish foreign ministry denied it.", "uncertain"),
    ("fr", "Pourparlers ?\n\nOslo a annoncé lundi que des diplomates norvégiens et suédois se réuniraient à Genève "
     "la semaine prochaine, mais le ministère suédois a démenti.", "uncertain"),
    ("en", "Talks\n\nNorwegian and Swedish diplomats met in Geneva on Monday and denied any rift.", "occurred"),
])
def test_a_meeting_one_side_announces_and_the_other_denies_is_uncertain(pipeline, language, text, status):
    found = [c for c in candidates(pipeline, text, language, published="2019-06-20") if c.type == "CONSULT"]
    assert [c.status for c in found] == [status]


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Talks\n\nNorwegian and Swedish diplomats will meet in Geneva next week."),
    ("fr", "Pourparlers\n\nDes diplomates norvégiens et suédois se réuniront à Genève la semaine prochaine."),
])
def test_a_title_naming_no_party_is_no_event_of_its_own(pipeline, language, text):
    found = [c for c in candidates(pipeline, text, language, published="2019-06-20") if c.type == "CONSULT"]
    assert len(found) == 1 and found[0].evidence[0].start > 0


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Talks\n\nMonday's meeting between Norway and Sweden was a contrast with their previous encounter in "
     "Oslo in November."),
    ("fr", "Pourparlers\n\nLa rencontre de lundi entre la Norvège et la Suède tranchait avec leur précédente "
     "rencontre à Oslo en novembre."),
])
def test_a_previous_meeting_named_beside_todays_is_an_event_of_its_own(pipeline, language, text):
    found = [c for c in candidates(pipeline, text, language, published="2019-02-26") if c.type == "CONSULT"]
    assert sorted((c.date.start, c.date.precision) for c in found) == [(date(2018, 11, 1), "month"),
                                                                      (date(2019, 2, 25), "day")]


@pytest.mark.parametrize(("language", "text", "city"), [
    ("en", "A deal\n\nNorway and Sweden signed a fishing agreement in Oslo on Tuesday.", "Oslo"),
    ("fr", "Un accord\n\nLa Norvège et la Suède ont signé un accord de pêche à Oslo mardi.", "Oslo"),
    ("en", "A deal\n\nNorway and Sweden signed a fishing agreement at the White House on Tuesday.", "Washington"),
    ("fr", "Un accord\n\nLa Norvège et la Suède ont signé un accord de pêche à la Maison Blanche mardi.",
     "Washington"),
])
def test_where_an_agreement_is_signed_is_its_place_and_a_seat_there_no_party(pipeline, language, text, city):
    found = [c for c in candidates(pipeline, text, language, published="2019-06-12") if c.trigger.startswith("sign")]
    assert len(found) == 1 and found[0].location is not None and found[0].location.name == city
    assert set(found[0].actor_codes) == {"NOR", "SWE"}


def test_a_seat_acting_is_still_a_party(pipeline):
    text = "Sanctions\n\nThe White House imposed sanctions on Iran on Monday."
    found = [c for c in candidates(pipeline, text, "en", published="2019-06-12") if c.type == "SANCTION"]
    assert found and set(found[0].actor_codes) == {"USA", "IRN"}


def test_a_city_naming_an_agreement_is_no_party(pipeline):
    text = "Un accord\n\nLa Russie et l'Ukraine ont signé lundi à Paris un accord de Minsk révisé."
    found = [c for c in candidates(pipeline, text, "fr", published="2019-06-12") if c.trigger == "signé"]
    assert len(found) == 1 and set(found[0].actor_codes) == {"RUS", "UKR"}


@pytest.mark.parametrize(("text", "when"), [
    ("A summit\n\nThe Norwegian government announced a summit between Norway and Sweden in Bergen on Feb. 27.",
     date(2019, 2, 27)),
    ("A summit\n\nThe Norwegian government announced on Tuesday a summit between Norway and Sweden in Bergen.",
     None),
])
def test_an_announced_meeting_is_dated_after_its_announcement(pipeline, text, when):
    found = [c for c in candidates(pipeline, text, "en", published="2019-02-14") if c.type == "CONSULT"]
    assert [(c.status, c.date.start) for c in found] == [("planned", when)]


@pytest.mark.parametrize(("language", "text"), [
    ("en", "A trip\n\nThe Norwegian foreign minister traveled to Stockholm on Sunday."),
    ("fr", "Un voyage\n\nLe ministre norvégien des affaires étrangères s'est rendu à Stockholm dimanche."),
])
def test_travelling_to_a_capital_is_a_visit_in_both_languages(pipeline, language, text):
    found = [c for c in candidates(pipeline, text, language, published="2019-06-12") if c.type == "CONSULT"]
    assert len(found) == 1 and {(a.code, a.role) for a in found[0].actors} == {("NOR", "source"), ("SWE", "target")}


def test_drones_flying_to_a_capital_are_no_visit(pipeline):
    text = "Night attack\n\nRussian drones flew to Kyiv overnight."
    assert not [c for c in candidates(pipeline, text, "en", published="2019-06-12") if c.type == "CONSULT"]


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Goals\n\nThe aim of the talks between Norway and Sweden is a lasting truce."),
    ("fr", "Objectifs\n\nL'objectif des pourparlers entre la Norvège et la Suède est un cessez-le-feu durable."),
])
def test_a_truce_said_to_be_the_aim_is_no_event(pipeline, language, text):
    found = candidates(pipeline, text, language, published="2019-06-12")
    assert found and "RETREAT" not in {c.type for c in found}


@pytest.mark.parametrize(("language", "text", "trigger"), [
    ("en", "Expulsions\n\nNorway said on Saturday it would expel two Swedish diplomats in retaliation for Sweden's "
     "expulsion of two Norwegian diplomats on Wednesday.", "expel"),
    ("en", "Expulsions\n\nNorway expelled two Swedish diplomats on Saturday in response to the expulsion of two "
     "Norwegian diplomats by Sweden on Wednesday.", "expelled"),
    ("fr", "Expulsions\n\nOslo a annoncé samedi l'expulsion de 2 diplomates suédois, en représailles à l'expulsion "
     "de 2 diplomates norvégiens par Stockholm mercredi.", "expulsion"),
])
def test_the_date_of_the_act_responded_to_is_not_the_responses(pipeline, language, text, trigger):
    found = [c for c in candidates(pipeline, text, language, published="2018-03-18")
             if c.trigger == trigger and "NOR" in {a.code for a in c.actors if a.role == "source"}]
    assert [c.date.start for c in found] == [date(2018, 3, 17)]


@pytest.mark.parametrize(("language", "text", "when"), [
    ("en", "A call\n\nThe Norwegian spokesman said on Monday that the two prime ministers of Norway and Sweden had "
     "spoken by phone.", None),
    ("fr", "Un appel\n\nLe porte-parole norvégien a indiqué lundi que les premiers ministres de Norvège et de Suède "
     "s'étaient entretenus par téléphone.", None),
    ("en", "A call\n\nThe prime ministers of Norway and Sweden had spoken by phone on Monday.", date(2019, 6, 10)),
])
def test_a_pluperfect_report_is_not_dated_by_its_saying(pipeline, language, text, when):
    found = [c for c in candidates(pipeline, text, language, published="2019-06-12") if c.type == "CONSULT"]
    assert [c.date.start for c in found] == [when]


@pytest.mark.parametrize(("language", "text"), [
    ("en", "A track\n\nThe Norwegian-Swedish dialogue held two rounds last year, on July 28 in Oslo and on Sept. 30 "
     "in Stockholm, Norwegian and Swedish officials said."),
    ("fr", "Une piste\n\nLe dialogue norvégo-suédois a tenu deux séances l'an dernier, le 28 juillet à Oslo et le 30 "
     "septembre à Stockholm, selon des responsables norvégiens et suédois."),
])
def test_rounds_listed_with_their_days_and_cities_are_one_meeting_each(pipeline, language, text):
    found = [c for c in candidates(pipeline, text, language, published="2019-01-10") if c.type == "CONSULT"]
    assert sorted((c.date.start, c.location.name if c.location else None) for c in found) == [
        (date(2018, 7, 28), "Oslo"), (date(2018, 9, 30), "Stockholm")]


def test_talks_over_two_days_in_one_city_stay_one_meeting(pipeline):
    text = "Talks\n\nNorwegian and Swedish officials held talks on Monday and Tuesday in Oslo."
    found = [c for c in candidates(pipeline, text, "en", published="2019-01-10") if c.type == "CONSULT"]
    assert len(found) == 1


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Fourth meeting\n\nSerbian President Aleksandar Vucic and Kosovo Prime Minister Albin Kurti were meeting "
     "for the fourth time, two months after their previous encounter in Ohrid on March 18."),
    ("fr", "Quatrième rencontre\n\nLe président serbe, Aleksandar Vucic, et le premier ministre kosovar, Albin Kurti, "
     "se retrouvaient pour la quatrième fois, deux mois après leur précédente rencontre à Ohrid le 18 mars."),
])
def test_the_date_and_city_of_an_earlier_meeting_the_sentence_looks_back_to_are_not_this_ones(
        pipeline, language, text):
    readings = [c for c in candidates(pipeline, text, language, published="2023-05-18") if c.type == "CONSULT"]
    found = [c for c in readings if not c.background]  # this meeting; the earlier one may be read as well
    assert found and all(c.date.start != date(2023, 3, 18) for c in found)
    assert all(c.location is None or c.location.name != "Ohrid" for c in found)
    assert all(c.date.start == date(2023, 3, 18) for c in readings if c.background)


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Rounds\n\nRussian and Ukrainian delegations have met three times in Belarus: first on Feb. 28 near Gomel, "
           "then on March 3 and 7 in the Belovezhskaya Pushcha forest."),
    ("fr", "Trois rencontres\n\nLes délégations russe et ukrainienne se sont déjà retrouvées à trois reprises au "
           "Bélarus : une première fois le 28 février, près de Gomel, puis les 3 et 7 mars dans la forêt de "
           "Belovejskaïa Pouchtcha."),
])
def test_meetings_counted_by_times_are_one_per_day_and_listed_days_share_a_place(pipeline, language, text):
    found = [c for c in candidates(pipeline, text, language, published="2022-03-10") if c.type == "CONSULT"]
    assert sorted((c.date.start, c.location.name if c.location else None) for c in found) == [
        (date(2022, 2, 28), "Gomel"), (date(2022, 3, 3), "Belovezhskaya Pushcha"),
        (date(2022, 3, 7), "Belovezhskaya Pushcha")]


@pytest.mark.parametrize(("language", "text", "trigger"), [
    ("en", "Armenia and Turkey meet in Zurich\n\nArmenian and Turkish foreign ministers met in Zurich on Saturday "
           "under Swiss mediation.\n\nThe two countries had already held talks in Bern on Sept. 2.", "talks"),
    ("fr", "L'Arménie et la Turquie à Zurich\n\nLes ministres arménien et turc des affaires étrangères se sont "
           "rencontrés samedi à Zurich, sous la médiation de la Suisse.\n\nLes deux pays avaient déjà tenu des "
           "pourparlers à Berne le 2 septembre.", "pourparlers"),
])
def test_the_two_countries_are_the_frames_two_sides_not_its_mediator(pipeline, language, text, trigger):
    found = {c.trigger: c for c in candidates(pipeline, text, language, published="2009-10-11")}
    assert set(found[trigger].actor_codes) == {"ARM", "TUR"}
    assert "CHE" in {a.code for c in found.values() for a in c.actors}  # the frame has its mediator


@pytest.mark.parametrize(("language", "text", "trigger"), [
    ("en", "Talks\n\nCaracas said on Monday it had held talks with Bogota in Havana, which the Colombian foreign "
           "ministry denied.", "talks"),
    ("fr", "Pourparlers\n\nCaracas a affirmé lundi avoir tenu des pourparlers avec Bogota à La Havane, ce que le "
           "ministère colombien des affaires étrangères a démenti.", "pourparlers"),
])
def test_talks_one_side_reports_and_the_other_denies_are_uncertain(pipeline, language, text, trigger):
    found = [c for c in candidates(pipeline, text, language, published="2019-02-05") if c.trigger == trigger]
    assert [c.status for c in found] == ["uncertain"]


def test_talks_a_speaker_says_had_been_held_are_not_dated_by_the_saying(pipeline):
    text = ("Pourparlers\n\nCaracas a affirmé lundi que ses diplomates avaient tenu des pourparlers avec des "
            "émissaires colombiens à La Havane.")
    found = [c for c in candidates(pipeline, text, "fr", published="2019-02-05") if c.trigger == "pourparlers"]
    assert found and all(c.date.start != date(2019, 2, 4) for c in found)


@pytest.mark.parametrize(("language", "text", "trigger"), [
    ("fr", "Pourparlers\n\nCaracas a affirmé lundi que ses diplomates avaient tenu des pourparlers avec les "
           "Colombiens à Cuba.", "pourparlers"),
    ("en", "Talks\n\nCaracas said on Monday that its diplomats had held talks with the Colombians in Cuba.", "talks"),
])
def test_a_country_named_only_as_the_place_of_talks_is_no_party_however_few_the_sentence_names(
        pipeline, language, text, trigger):
    found = [c for c in candidates(pipeline, text, language, published="2019-02-05") if c.trigger == trigger]
    assert found and all("CUB" not in c.actor_codes for c in found)
    assert all(c.location is None or c.location.name != "Caracas" for c in found)
