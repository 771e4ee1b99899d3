"""A trigger word is an event only when its sentence asserts one (issue #13): headings, remarks about a
kind of event, what talks are about, what is prevented or stopped, the aim of an attempt and negated
acts are no events; the reading next to them still is."""
from __future__ import annotations

import pytest
from candidate_samples import candidates, pipeline  # noqa: F401  (pipeline is a fixture)

from dragoman.events import code_doc, contract_events
from dragoman.nlp.actors import ActorMatcher


def triggers(nlp, language: str, text: str) -> dict[str, str]:
    """The coded events of ``text`` (a whole article) as {trigger: type}, negated ones left out."""
    doc = nlp[language](text)
    events = code_doc(doc, ActorMatcher.for_language(language).find(text), language=language)
    return {event.text: event.type for event in events if not event.negated}


def coded(nlp, language: str, text: str) -> list[dict]:
    doc = nlp[language](text)
    return contract_events(code_doc(doc, ActorMatcher.for_language(language).find(text), language=language))


HEADINGS = [
    ("fr", "La Serbie et le Kosovo reprennent le dialogue\n\nLa Serbie et le Kosovo ont repris lundi leurs "
           "discussions à Bruxelles.\n\nUn sommet sous haute surveillance\n\nLes deux délégations sont "
           "arrivées séparément.", "sommet"),
    ("fr", "La Serbie et le Kosovo signent un accord\n\nLa Serbie et le Kosovo ont signé lundi un accord à "
           "Bruxelles.\n\nCe qui a été signé\n\nLe texte compte onze articles.", "signé"),
    ("en", "Serbia and Kosovo resume dialogue\n\nSerbia and Kosovo resumed their talks in Brussels on "
           "Monday.\n\nA summit under pressure\n\nThe two delegations arrived separately.", "summit"),
    ("en", "Serbia and Kosovo sign a deal\n\nSerbia and Kosovo signed a deal in Brussels on Monday.\n\n"
           "What was signed\n\nThe text has eleven articles.", "signed"),
]


@pytest.mark.parametrize(("language", "text", "word"), HEADINGS)
def test_section_heading_is_no_event(nlp, language, text, word):
    doc = nlp[language](text)
    events = code_doc(doc, ActorMatcher.for_language(language).find(text), language=language)
    start = text.index("\n\n", text.index("\n\n") + 2) + 2
    end = text.index("\n", start)
    assert word in text[start:end]
    assert not [e for e in events if start <= e.trigger[0] < end], events
    assert [e for e in events if e.trigger[0] < start], "the title and the lead still report their event"


@pytest.mark.parametrize(("language", "text", "word"), [
    ("fr", "Les deux pays reprennent langue\n\nLes ministres se sont parlé lundi.\n\nSommet Oslo juin 2019 "
           "pêcheries\n\nLe texte suit.", "Sommet"),
    ("en", "The two countries talk again\n\nThe ministers spoke on Monday.\n\nNorway-Iceland talks in Oslo, "
           "June 2019\n\nThe text follows.", "talks"),
])
def test_a_tag_line_naming_a_place_or_a_year_still_reports_its_event(nlp, language, text, word):
    events = code_doc(nlp[language](text), ActorMatcher.for_language(language).find(text), language=language)
    assert any(text[e.trigger[0]:e.trigger[1]] == word for e in events), events


@pytest.mark.parametrize(("language", "text"), [
    ("fr", "Négociations : un sommet entre la Serbie et le Kosovo lundi\n\nLe texte suit."),
    ("en", "Serbia and Kosovo to hold summit on Monday\n\nThe text follows."),
])
def test_title_is_not_a_heading(nlp, language, text):
    assert triggers(nlp, language, text)


GENERIC = [
    ("fr", "Pour le ministre, la négociation avec Pékin ne peut pas être un monologue.", "négociation"),
    ("fr", "Le dialogue avec Pékin ne peut pas reposer sur des slogans, a estimé le ministre.", "dialogue"),
    ("en", "Negotiation with Beijing cannot be a monologue, the minister said.", "Negotiation"),
    ("en", "Talks with Beijing cannot rest on slogans, the minister said.", "Talks"),
]


@pytest.mark.parametrize(("language", "text", "word"), GENERIC)
def test_remark_about_a_kind_of_event_is_no_event(nlp, language, text, word):
    assert word not in triggers(nlp, language, text)


@pytest.mark.parametrize(("language", "text", "word"), [
    ("fr", "Les pourparlers avec Pékin pourraient reprendre la semaine prochaine.", "pourparlers"),
    ("fr", "La rencontre avec Pékin doit se tenir à Genève.", "rencontre"),
    ("en", "Talks with Beijing could resume next week.", "Talks"),
    ("en", "The meeting with Beijing must take place in Geneva.", "meeting"),
])
def test_modal_event_stays_an_event(nlp, language, text, word):
    assert word in triggers(nlp, language, text)


@pytest.mark.parametrize(("language", "text", "kind"), [
    ("fr", "Les pourparlers entre Israël et le Hamas doivent désormais porter sur un cessez-le-feu durable.",
     "RETREAT"),
    ("en", "The talks between Israel and Hamas must now focus on a lasting ceasefire.", "RETREAT"),
])
def test_what_talks_are_about_is_no_event(nlp, language, text, kind):
    found = triggers(nlp, language, text)
    assert kind not in found.values() and "CONSULT" in found.values(), found


@pytest.mark.parametrize(("language", "text"), [
    ("fr", "Le Hezbollah s'est engagé à empêcher toute attaque contre Israël depuis le sud du Liban."),
    ("fr", "Le Hamas a promis de mettre fin aux tirs de roquettes contre Israël."),
    ("fr", "En contrepartie, le Hezbollah s'engage à empêcher tout groupe armé d'utiliser le territoire libanais "
           "pour menacer la sécurité d'Israël."),
    ("en", "Hezbollah pledged to prevent any attack on Israel from southern Lebanon."),
    ("en", "Hamas promised to stop rocket attacks on Israel."),
])
def test_pledge_to_prevent_or_stop_violence_is_no_threat(nlp, language, text):
    types = {e["type"] for e in coded(nlp, language, text)}
    assert not types & {"THREATEN", "ASSAULT"}, types


@pytest.mark.parametrize(("language", "text", "word"), [
    ("fr", "Le Qatar a dépêché un émissaire pour tenter de relancer les négociations entre Israël et le Hamas.",
     "négociations"),
    ("en", "Qatar sent an envoy in a bid to revive the negotiations between Israel and Hamas.", "negotiations"),
])
def test_aim_of_an_attempt_is_no_event(nlp, language, text, word):
    assert word not in triggers(nlp, language, text)


@pytest.mark.parametrize(("language", "text"), [
    ("fr", "Aucun accord n'a été signé entre la Serbie et le Kosovo."),
    ("fr", "Ni la Serbie ni le Kosovo n'ont signé l'accord."),
    ("fr", "Le ministre a rappelé que le Kosovo ne signerait « aucun texte » avec la Serbie."),
])
def test_act_negated_by_its_argument_is_no_event(nlp, language, text):
    assert not coded(nlp, language, text)


def test_restriction_is_no_negation(nlp):
    assert "rencontre" in triggers(nlp, "fr", "La rencontre entre la Serbie et le Kosovo n'a duré qu'une heure.")


@pytest.mark.parametrize(("language", "text", "word"), [
    ("fr", "Israël et le Liban ont esquissé un mécanisme qui permettrait de retirer les troupes de la frontière.",
     "retirer"),
    ("fr", "Beyrouth dénonce des déclarations israéliennes qui rendraient la rencontre avec le Liban inutile.",
     "rencontre"),
    ("en", "Lebanon tabled proposals under which Israel would withdraw its troops from the border.", "withdraw"),
    ("en", "Israel published a draft under which Lebanon could host talks with Syria.", "host"),
])
def test_what_a_thing_would_allow_is_no_event(nlp, language, text, word):
    assert word not in triggers(nlp, language, text)


@pytest.mark.parametrize(("language", "text"), [
    ("fr", "Le Liban et la Syrie\n\nRami Khoury avait été rappelé à Beyrouth pour consultations en mars, après "
           "une dispute entre le Liban et la Syrie."),
    ("en", "Lebanon and Syria\n\nRami Khoury had been recalled to Beirut for consultations in March, after a "
           "dispute between Lebanon and Syria."),
])
def test_envoy_recalled_for_consultations_holds_no_meeting(pipeline, language, text):
    assert "CONSULT" not in {c.type for c in candidates(pipeline, text, language)}


@pytest.mark.parametrize(("language", "text", "kind"), [
    ("en", "Israeli drones struck the port of Tyre on Monday, hours after Beirut and Damascus signed a deal.",
     "AGREE"),
    ("en", "Lebanese and Syrian officials had been due at the presidential retreat in Maryland on Sunday.",
     "RETREAT"),
    ("en", "Lebanon would host no Syrian bases under the plan, the minister said.", "CONSULT"),
    ("en", "Neither the Lebanese nor the Syrian minister spoke to reporters.", "CONSULT"),
    ("en", "Speaking to the press in Beirut, the Lebanese minister criticised Syria.", "CONSULT"),
    ("en", "Lebanese and Syrian envoys attended the signing ceremony between Israel and Jordan.", "CONSULT"),
    ("fr", "Des émissaires libanais et syriens ont assisté à la signature de l'accord entre Israël et la Jordanie.",
     "AID"),
])
def test_words_near_an_event_name_no_other(nlp, language, text, kind):
    assert kind not in {e["type"] for e in coded(nlp, language, text)}


@pytest.mark.parametrize(("language", "text", "source", "target"), [
    ("fr", "Le Japon a salué les nouvelles sanctions de l'UE contre l'Iran.", "JPN", "EU"),
    ("fr", "La Hongrie a critiqué les sanctions de l'UE contre l'Iran.", "HUN", "EU"),
    ("en", "Japan praised the EU's new sanctions against Iran.", "JPN", "EU"),
    ("en", "Japan condemned Iran's strikes on Israel.", "JPN", "IRN"),
])
def test_praise_or_blame_of_a_measure_targets_its_doer(nlp, language, text, source, target):
    events = [e for e in coded(nlp, language, text) if e["type"] in ("SUPPORT", "ACCUSE")]
    assert events and all(e["source"] == [source] and e["target"] == [target] for e in events), events


@pytest.mark.parametrize(("language", "text"), [
    ("fr", "Le chef de la diplomatie de l'UE a salué les nouvelles sanctions de l'UE contre l'Iran."),
    ("en", "The EU's foreign policy chief praised the EU's new sanctions against Iran."),
])
def test_praise_of_own_side_measure_supports_nobody(nlp, language, text):
    assert not [e for e in coded(nlp, language, text) if e["type"] == "SUPPORT" and e["target"]]


@pytest.mark.parametrize(("language", "text", "word"), [
    ("en", "Envoys wait\n\nA Chilean team stays in the hotel and relies on go-betweens, because Bolivia refuses to "
           "sit down with Chilean officials.", "sit"),
    ("en", "Talks in doubt\n\nThe mediators will travel to La Paz if Chile agrees to negotiate with Bolivia.",
     "negotiate"),
    ("fr", "Pas de rencontre\n\nL'équipe chilienne reste à l'hôtel, parce que la Bolivie refuse de discuter avec "
           "les responsables chiliens.", "discuter"),
    ("fr", "Médiation incertaine\n\nLes médiateurs se rendront à La Paz si le Chili accepte de négocier avec la "
           "Bolivie.", "négocier"),
])
def test_what_a_trigger_of_the_background_refuses_or_accepts_is_no_event(nlp, language, text, word):
    assert word not in triggers(nlp, language, text)


@pytest.mark.parametrize(("language", "text", "word"), [
    ("en", "A position\n\nThe Bolivian president said he was in favour of negotiations with Chile.", "negotiations"),
    ("en", "A position\n\nLa Paz remains open to talks with Santiago.", "talks"),
    ("fr", "Une position\n\nLe président bolivien s'est dit favorable à des négociations avec le Chili.",
     "négociations"),
    ("fr", "Une position\n\nLa Paz reste ouverte à des discussions avec Santiago.", "discussions"),
])
def test_a_position_on_talks_is_no_talks(nlp, language, text, word):
    assert word not in triggers(nlp, language, text)


@pytest.mark.parametrize(("language", "text", "word"), [
    ("en", "Talks\n\nBolivia opened talks with Chile on Monday.", "talks"),
    ("fr", "Discussions\n\nLa Bolivie a ouvert des discussions avec le Chili lundi.", "discussions"),
])
def test_opening_talks_is_still_talks(nlp, language, text, word):
    assert word in triggers(nlp, language, text)


@pytest.mark.parametrize(("language", "text", "word"), [
    ("fr", "Un refus\n\nEvo Morales affirme qu'il était prêt à apposer sa signature et que la partie chilienne a "
           "refusé.", "refusé"),
    ("en", "A refusal\n\nEvo Morales says he was ready to sign and that the Chilean side refused.", "refused"),
])
def test_a_conjoined_clause_with_its_own_subject_is_not_what_the_first_verb_promises(nlp, language, text, word):
    found = triggers(nlp, language, text)
    assert found.get(word) == "REJECT" and "THREATEN" not in found.values()
