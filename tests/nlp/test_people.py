"""People: names, titles, affiliations, roles and in-document coreference (fr, en).

Actor mentions are built by hand from a small table, so these tests pin the
people reader and not the actor gazetteer.
"""
from __future__ import annotations

import re

import pytest

from dragoman.errors import UnsupportedLanguage
from dragoman.model import Actor, Mention, Person
from dragoman.nlp.people import find_people

ACTOR_WORDS = {
    "RUS": ["Russie", "Russia", "russe", "Russian", "Moscou", "Moscow", "Kremlin"],
    "USA": ["États-Unis", "United States", "américain", "américaine", "American", "US", "Washington",
            "State Department", "département d'État"],
    "TUR": ["Turquie", "Turkey", "turc", "Turkish", "Ankara"],
    "UKR": ["Ukraine", "ukrainienne", "Ukrainian"],
    "IRN": ["iranien", "Iranian"],
    "FRA": ["France", "français", "French"],
    "QAT": ["qatari", "Qatari", "Qatar"],
    "IAEA": ["AIEA", "IAEA"],
    "NLD": ["Hollande"],
}


def actor_mentions(text: str) -> list[Mention]:
    found = []
    for code, words in ACTOR_WORDS.items():
        for word in words:
            for match in re.finditer(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", text):
                found.append(Mention("actor", match.start(), match.end(), match.group(), 0, Actor(code, word)))
    return found


def people(nlp, language: str, text: str, *, keep_entities: bool = True) -> list[Mention]:
    doc = nlp[language](text)
    if not keep_entities:
        doc.ents = []
    return find_people(doc, actor_mentions(text), language=language)


def person(mentions: list[Mention], name: str) -> Person:
    values = {m.value for m in mentions if m.value.name == name}
    assert len(values) == 1, [m.value for m in mentions]
    return values.pop()


@pytest.mark.parametrize("language, text, title", [
    ("fr", "Pavel Orlov, récemment nommé ambassadeur de Russie en Turquie, est arrivé à Ankara.",
     "ambassadeur de Russie en Turquie"),
    ("en", "Pavel Orlov, Russia's newly appointed ambassador to Turkey, arrived in Ankara on Monday.",
     "ambassador to Turkey"),
])
def test_apposition_title_affiliation_is_the_represented_state(nlp, language, text, title):
    found = person(people(nlp, language, text), "Pavel Orlov")
    assert found.title == title
    assert found.actor == "RUS"


@pytest.mark.parametrize("language, text", [
    ("fr", "Rafael Grossi, qui est directeur général de l'AIEA, se rendra à Téhéran."),
    ("en", "Rafael Grossi, who serves as director general of the IAEA, will travel to Tehran."),
])
def test_relative_clause_gives_title_and_affiliation(nlp, language, text):
    found = person(people(nlp, language, text), "Rafael Grossi")
    assert found.title and found.title.lower().startswith(("directeur général", "director general"))
    assert found.actor == "IAEA"


@pytest.mark.parametrize("language, text, name, actor, title", [
    ("fr", "Le ministre turc des Affaires étrangères Hakan Fidan a appelé au calme.",
     "Hakan Fidan", "TUR", "ministre turc des Affaires étrangères"),
    ("en", "Turkish Foreign Minister Hakan Fidan called for calm.", "Hakan Fidan", "TUR", "Foreign Minister"),
    ("fr", "Le président américain Donald Trump a répondu mardi.", "Donald Trump", "USA", "président américain"),
    ("en", "Iranian Foreign Minister Abbas Araghchi replied on Tuesday.", "Abbas Araghchi", "IRN",
     "Foreign Minister"),
])
def test_prenominal_title_gives_title_and_affiliation(nlp, language, text, name, actor, title):
    found = person(people(nlp, language, text), name)
    assert (found.actor, found.title) == (actor, title)


@pytest.mark.parametrize("language, text", [
    ("fr", "Selon le ministre Sergueï Lavrov, les discussions avancent."),
    ("en", "According to Secretary of State Marco Rubio, the talks are advancing."),
])
def test_title_preceded_name_is_found_when_the_parser_misses_it(nlp, language, text):
    mentions = people(nlp, language, text, keep_entities=False)
    assert [m.text for m in mentions] in (["Sergueï Lavrov"], ["Marco Rubio"])


@pytest.mark.parametrize("language, text, name, actor", [
    ("fr", "La délégation ukrainienne sera conduite par Roustem Oumerov, ministre de la Défense.",
     "Roustem Oumerov", "UKR"),
    ("en", "The Ukrainian delegation will be led by Defence Minister Rustem Umerov.", "Rustem Umerov", "UKR"),
    ("fr", "Côté américain, la délégation sera menée par Steve Witkoff, envoyé spécial de la Maison Blanche.",
     "Steve Witkoff", "USA"),
    ("en", "On the American side, the team will be led by Steve Witkoff, a special envoy.", "Steve Witkoff", "USA"),
])
def test_head_of_delegation_in_passive_voice_takes_the_delegation_side(nlp, language, text, name, actor):
    found = person(people(nlp, language, text), name)
    assert (found.role, found.actor) == ("head_of_delegation", actor)


@pytest.mark.parametrize("language, text", [
    ("fr", "Kirill Dmitriev dirigera la délégation russe lors des pourparlers de Genève."),
    ("en", "Kirill Dmitriev will head the Russian delegation at the Geneva talks."),
    ("fr", "Kirill Dmitriev, chef de la délégation russe, est arrivé à Genève."),
    ("en", "Kirill Dmitriev, head of the Russian delegation, arrived in Geneva."),
    ("fr", "À la tête de la délégation russe, Kirill Dmitriev est arrivé à Genève."),
])
def test_head_of_delegation_in_active_voice_and_apposition(nlp, language, text):
    found = person(people(nlp, language, text), "Kirill Dmitriev")
    assert (found.role, found.actor) == ("head_of_delegation", "RUS")


@pytest.mark.parametrize("language, text, name, actor", [
    ("fr", "« Nous restons prudents », a déclaré la porte-parole de la diplomatie russe, Maria Zakharova.",
     "Maria Zakharova", "RUS"),
    ("en", "State Department spokeswoman Tammy Bruce declined to comment.", "Tammy Bruce", "USA"),
])
def test_spokesperson_role_from_title(nlp, language, text, name, actor):
    found = person(people(nlp, language, text), name)
    assert (found.role, found.actor) == ("spokesperson", actor)


@pytest.mark.parametrize("language, text", [
    ("fr", "Le président turc Recep Tayyip Erdogan accueille les deux délégations à Istanbul."),
    ("en", "The talks were hosted by Turkish President Recep Tayyip Erdogan in Istanbul."),
])
def test_host_role_in_active_and_passive_voice(nlp, language, text):
    found = person(people(nlp, language, text), "Recep Tayyip Erdogan")
    assert (found.role, found.actor) == ("host", "TUR")


@pytest.mark.parametrize("language, text, later", [
    ("fr", "Le ministre turc des Affaires étrangères Hakan Fidan a reçu ses homologues. Fidan a ensuite "
           "appelé à un cessez-le-feu.", "Fidan"),
    ("en", "Turkish Foreign Minister Hakan Fidan received his counterparts. Fidan later called for a ceasefire.",
     "Fidan"),
])
def test_surname_resolves_to_the_earlier_person(nlp, language, text, later):
    mentions = people(nlp, language, text)
    assert [m.text for m in mentions] == ["Hakan Fidan", later]
    assert mentions[0].value == mentions[1].value


@pytest.mark.parametrize("language, text, anaphor", [
    ("fr", "Le ministre turc des Affaires étrangères Hakan Fidan est arrivé lundi. Le ministre a salué "
           "l'esprit des discussions.", "ministre"),
    ("en", "Turkish Foreign Minister Hakan Fidan arrived on Monday. The minister praised the spirit of the talks.",
     "minister"),
])
def test_title_resolves_to_the_only_person_who_holds_it(nlp, language, text, anaphor):
    mentions = people(nlp, language, text)
    assert [m.text for m in mentions] == ["Hakan Fidan", anaphor]
    assert mentions[1].value.name == "Hakan Fidan"


@pytest.mark.parametrize("language, text", [
    ("fr", "Le ministre russe Sergueï Lavrov a rencontré le ministre turc Hakan Fidan. Le ministre a ensuite "
           "quitté la salle."),
    ("en", "Russian Foreign Minister Sergei Lavrov met Turkish Foreign Minister Hakan Fidan. The minister then "
           "left the room."),
])
def test_ambiguous_title_stays_unresolved(nlp, language, text):
    mentions = people(nlp, language, text)
    assert sorted({m.value.name for m in mentions}) == ["Hakan Fidan", "Sergei Lavrov" if language == "en"
                                                        else "Sergueï Lavrov"]
    assert all(m.text[:1].isupper() for m in mentions)


@pytest.mark.parametrize("language, text, description", [
    ("fr", "Pavel Orlov, ambassadeur de Russie en Turquie, a été reçu à Ankara. Un ambassadeur russe récemment "
           "nommé en Turquie a donc ouvert la séance.", "ambassadeur russe récemment nommé en Turquie"),
    ("en", "Pavel Orlov, Russia's ambassador to Turkey, was received in Ankara. The Russian ambassador opened "
           "the session.", "Russian ambassador"),
])
def test_title_only_description_attaches_to_the_person_with_that_title_and_actor(nlp, language, text, description):
    mentions = people(nlp, language, text)
    described = [m for m in mentions if m.text == description]
    assert described and described[0].value.name == "Pavel Orlov"


@pytest.mark.parametrize("language, text", [
    ("fr", "Slobodan Milosevic a nommé Borislav Milosevic ambassadeur. Milosevic a signé le décret."),
    ("en", "Slobodan Milosevic named Borislav Milosevic ambassador. Milosevic signed the decree."),
])
def test_people_sharing_a_surname_are_not_merged(nlp, language, text):
    mentions = people(nlp, language, text)
    assert {m.value.name for m in mentions if m.text != "Milosevic"} == {"Slobodan Milosevic", "Borislav Milosevic"}
    assert all(m.value.name == "Milosevic" for m in mentions if m.text == "Milosevic")


@pytest.mark.parametrize("language, text, name", [
    ("fr", "Selon M. Fidan, la rencontre a été utile.", "Fidan"),
    ("en", "According to Mr. Fidan, the meeting was useful.", "Fidan"),
])
def test_names_are_cleaned_of_honorifics(nlp, language, text, name):
    assert [m.text for m in people(nlp, language, text)] == [name]


def test_an_actor_word_inside_a_name_is_no_affiliation(nlp):
    found = person(people(nlp, "fr", "François Hollande a rencontré des étudiants à Tulle."), "François Hollande")
    assert found.actor is None


@pytest.mark.parametrize("language, text", [
    ("fr", "La délégation russe sera dirigée par Kirill Dmitriev, conseiller du Kremlin. Dmitriev a rencontré "
           "Steve Witkoff, envoyé spécial américain. L'envoyé a salué ces échanges."),
    ("en", "The Russian delegation was led by Kremlin adviser Kirill Dmitriev. Dmitriev met Steve Witkoff, "
           "the US special envoy. The envoy welcomed the exchange."),
])
def test_mentions_point_into_the_text_and_share_one_value_per_person(nlp, language, text):
    mentions = people(nlp, language, text)
    assert all(text[m.start:m.end] == m.text and m.kind == "person" for m in mentions)
    by_name: dict[str, set[Person]] = {}
    for mention in mentions:
        by_name.setdefault(mention.value.name, set()).add(mention.value)
    assert set(by_name) == {"Kirill Dmitriev", "Steve Witkoff"}
    assert all(len(values) == 1 for values in by_name.values())


def test_unknown_language_raises(nlp):
    with pytest.raises(UnsupportedLanguage):
        find_people(nlp["fr"]("Bonjour."), [], language="xx")


@pytest.mark.parametrize("language, text", [
    ("fr", "Le porte-parole du président Emmanuel Macron a démenti ces informations."),
    ("en", "The spokesman of President Emmanuel Macron denied the report."),
])
def test_title_governed_by_another_title_is_not_the_persons(nlp, language, text):
    found = person(people(nlp, language, text), "Emmanuel Macron")
    assert found.role is None
    assert found.title in ("président", "President")


@pytest.mark.parametrize("language, text, description", [
    ("fr", "Le secrétaire d'État américain Marco Rubio est arrivé à Riyad. Le chef de la diplomatie américaine "
           "a salué l'accueil.", "chef de la diplomatie américaine"),
    ("en", "Secretary of State Marco Rubio arrived in Riyadh. The top US diplomat praised the welcome.",
     "top US diplomat"),
])
def test_secretary_of_state_is_referred_to_as_the_top_diplomat(nlp, language, text, description):
    mentions = people(nlp, language, text)
    assert [m.value.name for m in mentions if m.text == description] == ["Marco Rubio"]


@pytest.mark.parametrize("language, text", [
    ("fr", "Le Premier ministre qatari, cheikh Mohammed ben Abdelrahmane Al Thani, a reçu les délégations."),
    ("en", "Qatari Prime Minister Sheikh Mohammed bin Abdulrahman Al Thani received the delegations."),
])
def test_honorific_between_title_and_name(nlp, language, text):
    found = [m.value for m in people(nlp, language, text)]
    assert len({p.name for p in found}) == 1
    assert found[0].name.startswith("Mohammed")
    assert found[0].actor == "QAT" and found[0].title and "minist" in found[0].title.lower()


def test_outermost_title_hits_match_the_pairwise_definition():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from dragoman.nlp.people.view import Hit, _outermost

    spans = st.lists(st.tuples(st.integers(0, 8), st.integers(1, 4), st.sampled_from("ab")), max_size=12)

    @settings(max_examples=300, deadline=None)
    @given(spans)
    def check(raw):
        hits = [Hit(s, s + n, t) for s, n, t in raw]
        pairwise = [h for h in hits if not any(o.start <= h.start and h.end <= o.end
                                                and o.end - o.start > h.end - h.start for o in hits)]
        key = lambda h: (h.start, h.end, h.title)
        assert sorted(_outermost(hits), key=key) == sorted(pairwise, key=key)

    check()
