"""Who takes part in an event and in what capacity: mediators are parties, hosts and observers are present
without being parties, and a country named as a topic, a place, a headline's label or an absentee is no
actor (issue #13). Our own sentences, French and English."""
from __future__ import annotations

import pytest
from candidate_samples import candidates, pipeline  # noqa: F401 (fixture)


def party_codes(actors) -> set[str]:
    """The parties: not the hosts and observers (OUTPUT.md)."""
    return {a.code for a in actors if a.role not in ("host", "observer")}


def roles_of(cands, kind: str = "CONSULT") -> list[dict[str, str]]:
    return [{a.code: a.role for a in c.actors} for c in cands if c.type == kind]


def one(pipeline, text: str, language: str, kind: str = "CONSULT") -> dict[str, str]:
    found = roles_of(candidates(pipeline, text, language), kind)
    assert found, f"no {kind} in {text!r}"
    return found[0]


MEDIATED = {
    "fr": "Les délégations ouzbèke et kirghize ont négocié mardi à Douchanbé sous l'égide du Kazakhstan et de la Chine.",
    "en": "Uzbek and Kyrgyz delegations negotiated in Dushanbe on Tuesday under the auspices of Kazakhstan and China.",
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_third_party_under_whose_auspices_talks_are_held_is_a_mediator(pipeline, language):
    roles = one(pipeline, MEDIATED[language], language)
    assert roles.get("KAZ") == "mediator" and roles.get("CHN") == "mediator", roles
    assert {"UZB", "KGZ"} <= set(roles), roles


BROKERED = {
    "fr": "Les pourparlers entre le Pérou et l'Équateur, facilités par le Brésil, ont repris jeudi à Lima.",
    "en": "Talks between Peru and Ecuador, facilitated by Brazil, resumed in Lima on Thursday.",
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_facilitator_named_after_the_talks_is_a_mediator_and_a_party(pipeline, language):
    cands = [c for c in candidates(pipeline, BROKERED[language], language) if c.type == "CONSULT"]
    assert cands
    assert {"PER", "ECU", "BRA"} <= party_codes(cands[0].actors)
    assert {a.code: a.role for a in cands[0].actors}["BRA"] == "mediator"


HOSTED = {
    "fr": "Le Kenya a accueilli mercredi à Nairobi des pourparlers entre l'Éthiopie et l'Érythrée.",
    "en": "Kenya hosted talks between Ethiopia and Eritrea in Nairobi on Wednesday.",
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_state_hosting_talks_between_others_is_a_host_not_a_party(pipeline, language):
    cands = [c for c in candidates(pipeline, HOSTED[language], language) if c.type == "CONSULT"]
    assert cands
    for cand in cands:
        assert party_codes(cand.actors) == {"ETH", "ERI"}, cand.actors
        assert {a.code: a.role for a in cand.actors}.get("KEN") == "host"


WITNESSED = {
    "fr": "Le Rwanda et la RD Congo ont signé vendredi un accord de paix à Doha, en présence du Qatar.",
    "en": "Rwanda and DR Congo signed a peace agreement in Doha on Friday, in the presence of Qatar.",
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_state_in_whose_presence_an_agreement_is_signed_is_an_observer(pipeline, language):
    cands = candidates(pipeline, WITNESSED[language], language)
    assert cands
    for cand in cands:
        assert "QAT" not in party_codes(cand.actors), cand.actors
    assert any({a.code: a.role for a in c.actors}.get("QAT") == "observer" for c in cands)


TOPICS = {
    "fr": "Le président chilien a eu un entretien téléphonique avec son homologue argentin sur le Venezuela et Cuba.",
    "en": "The Chilean president held a phone call with the Argentine president about Venezuela and Cuba.",
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_countries_a_conversation_is_about_are_topics_not_parties(pipeline, language):
    roles = one(pipeline, TOPICS[language], language)
    assert set(roles) == {"CHL", "ARG"}, roles


PLACES = {
    "fr": "Les pourparlers de Vienne entre l'Iran et la Norvège ont repris lundi.",
    "en": "The Vienna talks between Iran and Norway resumed on Monday.",
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_capital_naming_where_talks_are_held_is_no_party(pipeline, language):
    roles = one(pipeline, PLACES[language], language)
    assert set(roles) == {"IRN", "NOR"}, roles


LABELS = {
    "fr": "Liban : Israël et le Hamas reprennent leurs pourparlers au Caire\n\nLes délégations ont repris leurs discussions.",
    "en": "Lebanon: Israel and Hamas resume their talks in Cairo\n\nThe delegations resumed their discussions.",
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_country_labelling_a_headline_is_no_party(pipeline, language):
    cands = candidates(pipeline, LABELS[language], language)
    assert cands
    assert all("LBN" not in {a.code for a in c.actors} for c in cands), [c.actors for c in cands]


ABSENT = {
    "fr": ("Russes et Américains discutent de l'Ukraine à Riyad\n\n"
           "Des responsables russes et américains se sont réunis mardi à Riyad pour parler de la guerre en Ukraine. "
           "L'Ukraine n'était pas à la table, a regretté Kiev. L'Ukraine réclame une place dans ces négociations. "
           "La rencontre a duré quatre heures."),
    "en": ("Russians and Americans discuss Ukraine in Riyadh\n\n"
           "Russian and American officials met in Riyadh on Tuesday to talk about the war in Ukraine. "
           "Ukraine was not at the table, Kyiv complained. Ukraine wants a seat in these negotiations. "
           "The meeting lasted four hours."),
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_state_said_not_to_be_at_the_table_is_no_party_of_the_meeting(pipeline, language):
    meetings = [c for c in candidates(pipeline, ABSENT[language], language) if c.type == "CONSULT"]
    assert meetings
    for cand in meetings:
        assert party_codes(cand.actors) == {"RUS", "USA"}, cand.actors


WITHOUT = {
    "fr": "La réunion s'est tenue jeudi à Oslo entre Serbes et Kosovars, sans les Américains.",
    "en": "The meeting between Serbs and Kosovars was held in Oslo on Thursday without the Americans.",
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_meeting_held_without_a_state_does_not_have_it_as_a_party(pipeline, language):
    roles = one(pipeline, WITHOUT[language], language)
    assert "USA" not in roles, roles


ROSTER = {
    "fr": ("Nouvelle réunion sur le Sahel à Alger\n\n"
           "Les ministres se sont retrouvés mardi à Alger pour une nouvelle réunion sur la sécurité au Sahel. "
           "Y participaient le Mali, le Niger, le Tchad et la Mauritanie. "
           "La réunion a duré six heures."),
    "en": ("New meeting on the Sahel in Algiers\n\n"
           "Ministers met in Algiers on Tuesday for a new meeting on security in the Sahel. "
           "Mali, Niger, Chad and Mauritania took part. "
           "The meeting lasted six hours."),
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_participants_an_article_lists_are_the_parties_of_its_meeting(pipeline, language):
    meetings = [c for c in candidates(pipeline, ROSTER[language], language) if c.type == "CONSULT"]
    assert meetings
    assert any({"MLI", "NER", "TCD", "MRT"} <= party_codes(c.actors) for c in meetings), [c.actors for c in meetings]


CHAIRED = {
    "fr": ("La réunion de Genève a réuni l'Iran, la Chine et la Russie, sous la présidence de Helga Schmid, "
           "de l'OSCE."),
    "en": ("The Geneva meeting brought Iran together with China and Russia, under the chairmanship of "
           "Helga Schmid of the OSCE."),
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_organisation_of_the_person_chairing_talks_is_a_mediator(pipeline, language):
    cands = [c for c in candidates(pipeline, CHAIRED[language], language) if c.type == "CONSULT"]
    assert cands
    roles = {a.code: a.role for a in cands[0].actors}
    assert roles.get("OSCE") == "mediator" and {"IRN", "CHN", "RUS"} <= set(roles), roles


BROKERING = {
    "en": "Norway, which mediated the talks, said on Thursday that Colombia and Peru had agreed to a ceasefire.",
}


@pytest.mark.parametrize("language", ["en"])
def test_the_state_that_brokered_an_agreement_is_its_mediator(pipeline, language):
    cands = [c for c in candidates(pipeline, BROKERING[language], language) if c.type == "AGREE"]
    assert any({a.code: a.role for a in c.actors}.get("NOR") == "mediator" for c in cands), [c.actors for c in cands]


ORIGIN = {
    "fr": "Des délégués du Ghana, du Togo et du Bénin se sont réunis jeudi à Lomé.",
    "en": "Delegates from Ghana, Togo and Benin met in Lome on Thursday.",
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_states_delegates_come_from_are_the_parties(pipeline, language):
    roles = one(pipeline, ORIGIN[language], language)
    assert {"GHA", "TGO", "BEN"} <= set(roles), roles


SAT_OUT = {
    "fr": ("Reprise des discussions sur le nucléaire à Genève\n\n"
           "L'Iran et les Européens ont repris mardi à Genève leurs discussions sur le nucléaire. "
           "Les Américains sont restés à l'écart de la salle. "
           "Les discussions ont duré cinq heures, selon les Américains."),
    "en": ("Nuclear talks resume in Geneva\n\n"
           "Iran, France and Germany resumed their nuclear talks in Geneva on Tuesday. "
           "The Americans stayed out of the meeting room. "
           "The talks lasted five hours, the Americans said."),
}


@pytest.mark.parametrize("language", ["en"])
def test_a_state_staying_out_of_the_room_is_no_party_of_the_talks(pipeline, language):
    meetings = [c for c in candidates(pipeline, SAT_OUT[language], language) if c.type == "CONSULT"]
    assert meetings
    assert all("USA" not in party_codes(c.actors) for c in meetings), [c.actors for c in meetings]


THINGS = {
    "fr": ("Gaz russe : les ministres de l'UE et de la Norvège se réunissent à Oslo\n\n"
           "Les ministres de l'UE et de la Norvège se sont réunis mardi à Oslo pour discuter du gaz russe. "
           "La réunion a duré deux heures."),
    "en": ("Russian gas: EU and Norwegian ministers meet in Oslo\n\n"
           "EU and Norwegian ministers met in Oslo on Tuesday to discuss Russian gas supplies. "
           "The meeting lasted two hours."),
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_demonym_describing_a_thing_talked_about_is_no_party(pipeline, language):
    meetings = [c for c in candidates(pipeline, THINGS[language], language) if c.type == "CONSULT"]
    assert meetings
    assert all("RUS" not in party_codes(c.actors) for c in meetings), [c.actors for c in meetings]


GUESTS = {
    "en": ("Peru and Ecuador sign border deal in Lima\n\n"
           "Peru and Ecuador signed a border agreement in Lima on Friday after months of talks between Peru and "
           "Ecuador. Delegates from Chile, Bolivia and Colombia attended the ceremony as observers. "
           "The talks had lasted eight months."),
    "fr": ("Le Pérou et l'Équateur signent un accord frontalier à Lima\n\n"
           "Le Pérou et l'Équateur ont signé vendredi à Lima un accord frontalier après des mois de pourparlers entre "
           "le Pérou et l'Équateur. Des délégués du Chili, de la Bolivie et de la Colombie ont assisté à la "
           "cérémonie en tant qu'observateurs. Les pourparlers avaient duré huit mois."),
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_guests_at_a_signing_are_not_the_parties_of_its_talks(pipeline, language):
    cands = candidates(pipeline, GUESTS[language], language)
    assert cands
    for cand in cands:
        assert not {"CHL", "BOL", "COL"} & party_codes(cand.actors), cand.actors


NOT_A_PARTY = {
    "fr": ("Accord entre le Mali et l'Algérie à Alger\n\n"
           "Le Mali et l'Algérie ont conclu mardi à Alger un accord sur la frontière. "
           "Le Niger n'est pas partie à l'accord. Les deux pays ont conclu l'accord après trois jours, selon le Niger."),
    "en": ("Mali and Algeria reach deal in Algiers\n\n"
           "Mali and Algeria reached an agreement on the border in Algiers on Tuesday. "
           "Niger is not a party to the agreement. The two countries agreed after three days, Niger said."),
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_state_said_not_to_be_a_party_is_none(pipeline, language):
    cands = [c for c in candidates(pipeline, NOT_A_PARTY[language], language) if c.type == "AGREE"]
    assert cands
    assert all("NER" not in party_codes(c.actors) for c in cands), [c.actors for c in cands]
