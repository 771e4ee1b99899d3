"""Cleaning: titles, labels, boilerplate, calls to action, flags, ids, paragraphs."""
from __future__ import annotations

import hashlib

import pytest

from dragoman.errors import EmptyInput
from dragoman.ingest import clean
from dragoman.model import RawItem

FR_PAGE = """AccueilMondeEurope

Sommet Franco-Allemand À Berlin : Tout Ce Qu’il Faut Savoir

Les chefs de la diplomatie française et allemande se sont retrouvés mardi à Berlin pour préparer le prochain Conseil européen. Une rencontre décisive ? Vous n’allez pas croire la suite ! Cliquez ici pour tout découvrir.

Selon une source proche du ministère, les deux pays veulent une position commune sur l’aide à l’Ukraine.

Lire aussi : Paris et Berlin divisés sur la défense européenne

Les discussions reprendront le mois prochain à Paris, a indiqué le porte-parole.

Curieuse et engagée, je décrypte chaque semaine les coulisses de la politique européenne. Pour nos offres de partenariat, écrivez-nous.

Abonnez-vous à notre newsletter pour ne rien manquer.
"""

EN_PAGE = """Home > World > Middle East

Ministers meet in Geneva for new round of ceasefire talks

Ministers meet in Geneva for new round of ceasefire talks

Foreign ministers from five countries met in Geneva on Wednesday to resume talks on a ceasefire, officials said. To see the full schedule, click here. The talks are expected to last two days.

An official familiar with the negotiations, who spoke on condition of anonymity, said progress had been slow.

Read more: Geneva talks stall over prisoner exchange

Share on Facebook

This article was sponsored by the Geneva Peace Forum.

A passionate reporter covering diplomacy for a decade, I write about what happens behind closed doors.
"""


def doc_of(text: str, **fields) -> object:
    return clean(RawItem(source="test.txt", text=text, **fields))


def test_french_page_keeps_title_and_news_and_drops_labels_calls_and_footers():
    doc = doc_of(FR_PAGE)
    assert doc.title == "Sommet Franco-Allemand À Berlin : Tout Ce Qu’il Faut Savoir"
    assert doc.text == (
        "Sommet Franco-Allemand À Berlin : Tout Ce Qu’il Faut Savoir\n\n"
        "Les chefs de la diplomatie française et allemande se sont retrouvés mardi à Berlin pour préparer "
        "le prochain Conseil européen. Une rencontre décisive ? Vous n’allez pas croire la suite !\n\n"
        "Selon une source proche du ministère, les deux pays veulent une position commune sur l’aide à l’Ukraine.\n\n"
        "Les discussions reprendront le mois prochain à Paris, a indiqué le porte-parole."
    )
    assert doc.language == "fr"


def test_french_page_flags():
    assert doc_of(FR_PAGE).flags == ("anonymous_sources", "clickbait", "promotional")


def test_english_page_keeps_title_once_and_drops_breadcrumb_links_share_sponsor_and_bio():
    doc = doc_of(EN_PAGE)
    assert doc.title == "Ministers meet in Geneva for new round of ceasefire talks"
    assert doc.text == (
        "Ministers meet in Geneva for new round of ceasefire talks\n\n"
        "Foreign ministers from five countries met in Geneva on Wednesday to resume talks on a ceasefire, "
        "officials said. The talks are expected to last two days.\n\n"
        "An official familiar with the negotiations, who spoke on condition of anonymity, said progress had been slow."
    )
    assert doc.flags == ("anonymous_sources", "promotional")
    assert doc.language == "en"


@pytest.mark.parametrize("label", [
    "ActualitésInternational", "Accueil > Monde", "Politique", "Accueil » International » Europe",
    "World News", "Home / Politics", "NewsWorld", "Top Stories",
])
def test_section_labels_at_the_top_are_removed(label):
    body = "Les ministres se sont réunis lundi à Genève pour discuter du cessez-le-feu au Soudan."
    doc = doc_of(f"{label}\n\nRéunion à Genève sur le Soudan\n\n{body}")
    assert doc.text == f"Réunion à Genève sur le Soudan\n\n{body}"


def test_glued_labels_in_front_of_the_title_are_cut_off():
    doc = doc_of("ActualitésPolitiqueLe Sénat adopte la loi de programmation militaire\n\n"
                 "Le texte a été voté mardi soir par une large majorité de sénateurs.")
    assert doc.title == "Le Sénat adopte la loi de programmation militaire"


def test_a_word_that_is_not_a_section_keeps_its_line():
    doc = doc_of("Washington Moscou\n\nLes deux capitales ont échangé des prisonniers samedi, selon Ankara.")
    assert doc.text.startswith("Washington Moscou\n\n")


@pytest.mark.parametrize("title", [
    "🇫🇷🇩🇪 Paris et Berlin relancent leur coopération militaire",
    "🇬🇧🇺🇸 London and Washington renew their defence pact",
])
def test_title_repeated_with_flag_emoji_is_kept_once(title):
    plain = title.split(" ", 1)[1]
    body = "Les deux gouvernements ont signé un accord jeudi, après des mois de négociations difficiles."
    doc = doc_of(f"{title}\n\n{title}\n\n{body}")
    assert doc.title == plain
    assert doc.text == f"{plain}\n\n{body}"


def test_metadata_title_missing_from_body_is_put_on_top():
    body = "The two leaders spoke by phone on Sunday about the grain corridor, the Kremlin said."
    doc = doc_of(body, title="Putin and Erdogan discuss grain deal")
    assert doc.text == f"Putin and Erdogan discuss grain deal\n\n{body}"
    assert doc.title == "Putin and Erdogan discuss grain deal"
    assert doc.raw_text.startswith("Putin and Erdogan discuss grain deal\n\n")


def test_metadata_title_present_in_body_is_not_repeated():
    text = "Putin and Erdogan discuss grain deal\n\nThe two leaders spoke by phone on Sunday, the Kremlin said."
    doc = doc_of(text, title="Putin and Erdogan discuss grain deal")
    assert doc.text == text and doc.raw_text == text


def test_first_line_ending_like_a_sentence_is_not_a_title():
    text = "Les ministres se sont réunis lundi à Genève.\n\nIls se reverront en mai pour un nouveau cycle."
    doc = doc_of(text)
    assert doc.title is None and doc.text == text


@pytest.mark.parametrize("text, removed, kept", [
    ("Le ministre a annoncé sa visite à Alger. Pour lire le communiqué, cliquez ici. Il partira lundi.",
     "cliquez ici", "Le ministre a annoncé sa visite à Alger. Il partira lundi."),
    ("The minister announced a visit to Algiers. For the full statement, click here. He leaves on Monday.",
     "click here", "The minister announced a visit to Algiers. He leaves on Monday."),
    ("Un accord a été trouvé à Doha sur les otages. Cliquez pour tout savoir !",
     "Cliquez", "Un accord a été trouvé à Doha sur les otages."),
])
def test_call_to_action_sentence_is_removed_not_its_paragraph(text, removed, kept):
    doc = doc_of(f"Une visite annoncée\n\n{text}\n\nLa suite du programme sera connue demain, selon le ministère.")
    assert removed not in doc.text
    assert kept in doc.text


HEAD = {"fr": "Réunion à Bruxelles", "en": "Meeting in Brussels"}
BODY = {
    "fr": "Les ministres des affaires étrangères de l’Union européenne se sont réunis lundi à Bruxelles.",
    "en": "The foreign ministers of the European Union met in Brussels on Monday to discuss sanctions.",
}
MORE = {"fr": "Ils se retrouveront le mois prochain à Luxembourg.", "en": "They will meet again next month in Luxembourg."}


@pytest.mark.parametrize("language, footer", [
    ("fr", "Lire aussi : Les Vingt-Sept divisés sur les sanctions"),
    ("fr", "À lire également : notre dossier sur l’OTAN"),
    ("fr", "Partager sur Facebook"),
    ("fr", "Facebook Twitter LinkedIn"),
    ("en", "Read more: NATO allies split over spending"),
    ("en", "Related: Inside the Brussels talks"),
    ("en", "Share this article"),
    ("en", "Facebook Twitter LinkedIn"),
])
def test_link_and_share_lines_are_removed_without_flag(language, footer):
    doc = doc_of(f"{HEAD[language]}\n\n{BODY[language]}\n\n{footer}\n\n{MORE[language]}")
    assert doc.language == language
    assert footer not in doc.text
    assert doc.text == f"{HEAD[language]}\n\n{BODY[language]}\n\n{MORE[language]}"
    assert doc.flags == ()


@pytest.mark.parametrize("language, footer", [
    ("fr", "Abonnez-vous à notre newsletter pour recevoir l’essentiel de l’actualité."),
    ("fr", "Cet article est sponsorisé par une agence de voyages."),
    ("fr", "Pour explorer les options de sponsoring, contactez-nous."),
    ("en", "Subscribe to our newsletter for the latest updates."),
    ("en", "This article was sponsored by a travel agency."),
    ("en", "This page contains affiliate links."),
])
def test_promotional_footer_is_removed_and_flagged(language, footer):
    doc = doc_of(f"{HEAD[language]}\n\n{BODY[language]}\n\n{footer}")
    assert doc.text == f"{HEAD[language]}\n\n{BODY[language]}"
    assert "promotional" in doc.flags


@pytest.mark.parametrize("language, bio", [
    ("fr", "Passionnée et curieuse, j’écris sur la diplomatie depuis quinze ans."),
    ("fr", "Journaliste depuis 2010, je couvre l’actualité du Proche-Orient pour plusieurs médias."),
    ("en", "A dedicated writer on foreign affairs, I have covered the Balkans since 2005."),
    ("en", "I am a freelance journalist based in Nairobi."),
])
def test_author_bio_at_the_end_is_removed(language, bio):
    doc = doc_of(f"{HEAD[language]}\n\n{BODY[language]}\n\n{bio}")
    assert doc.text == f"{HEAD[language]}\n\n{BODY[language]}"


def test_bio_like_sentence_in_the_middle_of_an_article_is_kept():
    middle = "Journaliste depuis 2010, je couvre ce conflit, a raconté la reporter libérée."
    paragraphs = [f"Paragraphe numéro {n} sur les négociations en cours à Genève." for n in range(4)]
    doc = doc_of("\n\n".join(["Libération à Genève", middle, *paragraphs]))
    assert middle in doc.text


@pytest.mark.parametrize("phrase, language", [
    ("une source anonyme a confirmé la rencontre", "fr"),
    ("selon une source proche du dossier, la rencontre a eu lieu", "fr"),
    ("d’après une source bien informée, la rencontre a eu lieu", "fr"),
    ("un diplomate, sous couvert d’anonymat, a confirmé la rencontre", "fr"),
    ("a source familiar with the talks confirmed the meeting", "en"),
    ("an aide, who spoke on condition of anonymity, confirmed the meeting", "en"),
    ("people familiar with the matter confirmed the meeting", "en"),
])
def test_anonymous_sources_are_flagged(phrase, language):
    doc = doc_of(f"Rencontre confirmée\n\nMardi, {phrase}, et les discussions continuent.", language=language)
    assert "anonymous_sources" in doc.flags


def test_named_source_is_not_anonymous():
    doc = doc_of("Rencontre confirmée\n\nSelon le porte-parole du Kremlin, Dmitri Peskov, la rencontre a eu lieu.")
    assert "anonymous_sources" not in doc.flags


@pytest.mark.parametrize("text", [
    "Sommet à Rome\n\nCe qu’il faut savoir sur la rencontre entre les ministres italien et français.",
    "Summit in Rome\n\nYou won't believe what the ministers agreed on in Rome this week.",
    "Sommet à Rome\n\nImaginez une salle dorée où deux ministres se serrent la main devant les caméras du monde.",
    "Summit in Rome\n\nImagine a gilded hall where two ministers shake hands in front of the world's cameras.",
    "Sommet à Rome\n\nUn accord ? Une rupture ? Personne ne le sait encore ! Les ministres se retrouvent lundi.",
])
def test_clickbait_phrases_openers_and_shouting_leads_are_flagged(text):
    assert "clickbait" in doc_of(text).flags


def test_title_case_headline_is_clickbait_in_french_only():
    body = "Les ministres se sont retrouvés mardi à Rome pour parler du commerce et de la sécurité."
    french = doc_of(f"Les Ministres Se Retrouvent À Rome Pour Un Sommet Décisif\n\n{body}", language="fr")
    english = doc_of(f"Ministers Meet In Rome For A Decisive Summit On Trade\n\n{body}", language="en")
    sentence_case = doc_of(f"Macron et Meloni se retrouvent à Rome\n\n{body}", language="fr")
    assert "clickbait" in french.flags
    assert "clickbait" not in english.flags
    assert "clickbait" not in sentence_case.flags


def test_plain_news_has_no_flags():
    text = ("Accord sur les visas entre Paris et Rabat\n\nLa France et le Maroc ont signé jeudi un accord sur les "
            "visas étudiants, a annoncé le ministère des affaires étrangères.\n\nIl entrera en vigueur en septembre.")
    assert doc_of(text).flags == ()


@pytest.mark.parametrize("language, ending, removed", [
    ("fr", "Les deux délégations ont ensuite abordé la question des frontières et des", False),
    ("fr", "Les délégations se sont ensuite séparées pour consulter leurs capitales [...]", False),
    ("fr", "Lire la suite", True),
    ("fr", "Il vous reste 72 % de cet article à lire.", True),
    ("en", "The delegations then turned to the question of the border and the", False),
    ("en", "Read more", True),
    ("en", "Subscribe to continue reading.", True),
])
def test_truncated_articles_are_flagged(language, ending, removed):
    doc = doc_of(f"{HEAD[language]}\n\n{BODY[language]}\n\n{ending}")
    assert "truncated" in doc.flags
    assert (ending not in doc.text) == removed


def test_footer_flag_survives_its_removal():
    text = "Réunion à Bruxelles\n\nLes ministres se sont réunis lundi à Bruxelles.\n\nAbonnez-vous à notre newsletter !"
    doc = doc_of(text)
    assert "newsletter" not in doc.text and "promotional" in doc.flags


def test_heading_is_separated_from_the_next_paragraph_by_a_blank_line():
    text = ("Réunion à Bruxelles\n\nLes ministres se sont réunis lundi.\nUn accord sur le gaz\n"
            "Ils ont convenu de plafonner les prix du gaz jusqu’en mars, selon la présidence.")
    doc = doc_of(text)
    assert "\n\nUn accord sur le gaz\n\nIls ont convenu" in doc.text


def test_hard_wrapped_lines_stay_in_one_paragraph():
    text = ("Réunion à Bruxelles\n\nLes ministres se sont réunis lundi à Bruxelles pour discuter\n"
            "des sanctions contre la Russie et du soutien à Kiev.")
    assert "discuter\ndes sanctions" in doc_of(text).text


def test_id_is_content_hash_prefix_unless_given():
    doc = doc_of(FR_PAGE)
    digest = hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
    assert doc.content_hash == digest and doc.id == digest[:16]
    assert doc_of(FR_PAGE, given_id="wire-42").id == "wire-42"


def test_same_article_with_different_noise_has_same_content_hash():
    noisy = "Accueil > Monde\n\n" + FR_PAGE.split("\n\n", 1)[1] + "\nPartager sur Facebook\n"
    assert doc_of(noisy).content_hash == doc_of(FR_PAGE).content_hash


def test_given_language_wins_over_detection():
    doc = doc_of("Réunion à Bruxelles\n\nLes ministres se sont réunis lundi à Bruxelles.", language="EN-gb")
    assert doc.language == "en"


def test_too_little_text_left_raises_empty_input():
    with pytest.raises(EmptyInput, match=r"\[E103\] short.txt"):
        clean(RawItem(source="short.txt", text="Partager sur Facebook\n\nTrop court."))


def test_min_chars_is_configurable():
    item = RawItem(source="s.txt", text="Accord conclu à Doha hier soir.")
    assert clean(item, min_chars=10).text == "Accord conclu à Doha hier soir."


@pytest.mark.parametrize(("title", "language"), [("Guinea pulls out of Tokyo", "en"), ("La Guinée renonce", "fr")])
def test_a_short_headline_record_is_a_document_not_empty_input(title, language):
    doc = clean(RawItem(source="t.jsonl:1", text=title, title=title, language=language), min_chars=40)
    assert (doc.text, doc.title) == (title, title)


@pytest.mark.parametrize("text", ["Trop court.", "Too short."])
def test_a_short_text_under_a_different_title_is_still_empty_input(text):
    with pytest.raises(EmptyInput):
        clean(RawItem(source="t.jsonl:1", text=text, title="Some other headline"), min_chars=40)


def test_unknown_language_applies_every_lexicon():
    text = ("Treffen in Genf\n\nDie Minister trafen sich am Montag in Genf, sagte ein Sprecher. "
            "Abonnez-vous à notre newsletter. Subscribe to our newsletter.")
    doc = clean(RawItem(source="de.txt", text=text, language="de"))
    assert "newsletter" not in doc.text and "promotional" in doc.flags
