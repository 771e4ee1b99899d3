"""A trigger word is an event only when its sentence asserts one (issue #13): headings, remarks about a
kind of event, what talks are about, what is prevented or stopped, the aim of an attempt and negated
acts are no events; the reading next to them still is."""
from __future__ import annotations

import pytest

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
