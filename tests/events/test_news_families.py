"""News-lead sentences about meetings, expulsions, sanctions and signed declarations, in French and
English, coded under PLOVER's conventions (``dragoman code``): the expected event must be among those
coded, with its type, its mode when one is given, and its parties.

The sentences are our own, written in the style of wire leads and headlines: active and passive voice,
nominalisations, headlines without articles or verbs, reported speech, participial phrases and
coordinated parties. PLOVER conventions they follow: expelling diplomats is SANCTION/expel, deporting
other people COERCE/deport; recalling one's own ambassador is SANCTION/withdraw; international sanctions
are SANCTION/discontinue, lifting them RETREAT/ease; signing or ratifying an agreement is SUPPORT, a
promise to sign (or a signature announced for the future) is AGREE; a future meeting is AGREE.
"""
from __future__ import annotations

from typing import NamedTuple

import pytest

from dragoman.events.coder import code_doc, contract_events
from dragoman.nlp.actors import ActorMatcher


class Case(NamedTuple):
    """``targets`` None: ``sources`` are the parties, in either role (joint or symmetric events)."""
    language: str
    family: str
    text: str
    type: str
    mode: str | None
    sources: frozenset[str]
    targets: frozenset[str] | None


def case(language: str, family: str, text: str, kind: str, mode: str | None, sources: set[str],
         targets: set[str] | None = None) -> Case:
    return Case(language, family, text, kind, mode, frozenset(sources),
                None if targets is None else frozenset(targets))


MEET, EXPEL, SANCTION, SIGN = "meetings", "expulsions", "sanctions", "signatures"

FR = [
    case("fr", MEET, "Le président français a reçu mardi à l'Élysée le Premier ministre indien.",
         "CONSULT", "host", {"FRA"}, {"IND"}),
    case("fr", MEET, "Le chef de la diplomatie chinoise s'est rendu lundi à Moscou pour une visite de deux jours.",
         "CONSULT", "visit", {"CHN"}, {"RUS"}),
    case("fr", MEET, "Les ministres des Affaires étrangères turc et grec se sont rencontrés jeudi à Athènes.",
         "CONSULT", None, {"TUR", "GRC"}),
    case("fr", MEET, "Échange téléphonique entre les présidents turc et ukrainien, selon la présidence turque.",
         "CONSULT", "phone", {"TUR", "UKR"}),
    case("fr", MEET, "Des pourparlers entre l'Arménie et l'Azerbaïdjan se sont ouverts lundi à Washington.",
         "CONSULT", None, {"ARM", "AZE"}),
    case("fr", MEET, "Le président russe recevra la semaine prochaine son homologue chinois, a annoncé le Kremlin.",
         "AGREE", None, {"RUS", "CHN"}),
    case("fr", MEET,
         "Le Premier ministre japonais, en visite officielle à Paris, a déjeuné avec le président français.",
         "CONSULT", None, {"JPN", "FRA"}),
    case("fr", MEET, "Visite surprise du président ukrainien à Washington",
         "CONSULT", "visit", {"UKR"}, {"USA"}),
    case("fr", MEET, "La Corée du Sud et le Japon ont tenu à Tokyo leur premier sommet bilatéral depuis cinq ans.",
         "CONSULT", None, {"KOR", "JPN"}),
    case("fr", MEET, "Le ministre suédois de la Défense a participé jeudi à une réunion de l'OTAN à Bruxelles.",
         "CONSULT", "third-party", {"SWE"}, {"NATO"}),

    case("fr", EXPEL, "La Pologne expulse l'ambassadeur de Russie", "SANCTION", "expel", {"POL"}, {"RUS"}),
    case("fr", EXPEL, "Le Canada expulse deux diplomates iraniens", "SANCTION", "expel", {"CAN"}, {"IRN"}),
    case("fr", EXPEL, "Quinze diplomates russes ont été expulsés par la France, a annoncé le Quai d'Orsay.",
         "SANCTION", "expel", {"FRA"}, {"RUS"}),
    case("fr", EXPEL, "Moscou a déclaré persona non grata un diplomate estonien.",
         "SANCTION", "expel", {"RUS"}, {"EST"}),
    case("fr", EXPEL, "L'expulsion de dix diplomates allemands par la Russie a suscité la colère de Berlin.",
         "SANCTION", "expel", {"RUS"}, {"DEU"}),
    case("fr", EXPEL, "La Lituanie a rappelé son ambassadeur à Pékin pour consultations.",
         "SANCTION", "withdraw", {"LTU"}, {"CHN"}),
    case("fr", EXPEL, "L'Algérie rappelle son ambassadeur en France", "SANCTION", "withdraw", {"DZA"}, {"FRA"}),
    case("fr", EXPEL, "Les autorités russes ont ordonné la fermeture du consulat général de Pologne à Kaliningrad.",
         "SANCTION", None, {"RUS"}, {"POL"}),
    case("fr", EXPEL, "Le Mali expulse l'ambassadeur de France, accusé de propos hostiles.",
         "SANCTION", "expel", {"MLI"}, {"FRA"}),
    case("fr", EXPEL, "Un attaché militaire américain a été déclaré persona non grata par la Chine.",
         "SANCTION", "expel", {"CHN"}, {"USA"}),
    case("fr", EXPEL, "Les autorités tunisiennes ont expulsé des dizaines de migrants vers la Libye.",
         "COERCE", "deport", {"TUN"}, set()),

    case("fr", SANCTION, "L'Union européenne sanctionne trois ministres iraniens",
         "SANCTION", "discontinue", {"EU"}, {"IRN"}),
    case("fr", SANCTION, "Washington a imposé mercredi de nouvelles sanctions contre la Corée du Nord.",
         "SANCTION", "discontinue", {"USA"}, {"PRK"}),
    case("fr", SANCTION, "Le Conseil de l'UE a prolongé de six mois les sanctions économiques visant la Russie.",
         "SANCTION", "discontinue", {"EU"}, {"RUS"}),
    case("fr", SANCTION, "Les États-Unis ont levé les sanctions imposées au Venezuela.",
         "RETREAT", "ease", {"USA"}, {"VEN"}),
    case("fr", SANCTION, "Londres gèle les avoirs de cinq oligarques russes.",
         "SANCTION", "discontinue", {"GBR"}, {"RUS"}),
    case("fr", SANCTION, "Le Japon a annoncé un gel des avoirs de la banque centrale russe.",
         "SANCTION", "discontinue", {"JPN"}, {"RUS"}),
    case("fr", SANCTION, "Nouvelles sanctions américaines contre l'Iran", "SANCTION", "discontinue", {"USA"}, {"IRN"}),
    case("fr", SANCTION, "Le Canada impose une interdiction de voyager à dix responsables chinois.",
         "SANCTION", None, {"CAN"}, {"CHN"}),
    case("fr", SANCTION, "L'UE adopte un douzième paquet de sanctions contre Moscou.",
         "SANCTION", "discontinue", {"EU"}, {"RUS"}),
    case("fr", SANCTION, "Le Royaume-Uni et le Canada ont sanctionné des entités liées au groupe Wagner.",
         "SANCTION", "discontinue", {"GBR", "CAN"}, {"WAGNER"}),
    case("fr", SANCTION, "La Suisse a assoupli les sanctions visant la Syrie.", "RETREAT", "ease", {"CHE"}, {"SYR"}),

    case("fr", SIGN, "La France et l'Inde ont signé lundi une déclaration commune sur la sécurité maritime.",
         "SUPPORT", None, {"FRA", "IND"}),
    case("fr", SIGN, "Le Maroc et Israël ont signé un mémorandum d'entente dans le domaine de la défense.",
         "SUPPORT", None, {"MAR", "ISR"}),
    case("fr", SIGN, "Signature d'un accord de libre-échange entre le Chili et la Corée du Sud",
         "SUPPORT", None, {"CHL", "KOR"}),
    case("fr", SIGN, "L'Ukraine et le Royaume-Uni ont paraphé un accord de sécurité, a annoncé Kiev.",
         "SUPPORT", None, {"UKR", "GBR"}),
    case("fr", SIGN, "Le président serbe a signé avec son homologue chinois une déclaration sur un avenir partagé.",
         "SUPPORT", None, {"SRB", "CHN"}),
    case("fr", SIGN, "Le Parlement arménien a ratifié le statut de Rome de la Cour pénale internationale.",
         "SUPPORT", None, {"ARM"}, set()),
    case("fr", SIGN, "L'Arménie et l'Azerbaïdjan se sont engagés à signer un traité de paix d'ici la fin de l'année.",
         "AGREE", None, {"ARM", "AZE"}),
    case("fr", SIGN, "Kiev et Varsovie signeront mardi un accord sur les exportations de céréales.",
         "AGREE", None, {"UKR", "POL"}),
    case("fr", SIGN, "Accord signé entre Tokyo et Manille sur l'accès réciproque des troupes",
         "SUPPORT", None, {"JPN", "PHL"}),
    case("fr", SIGN, "Pékin et Moscou ont entériné jeudi une déclaration conjointe sur la multipolarité.",
         "SUPPORT", None, {"CHN", "RUS"}),
]

EN = [
    case("en", MEET, "Chinese Foreign Minister Wang Yi met his Russian counterpart in Beijing on Monday.",
         "CONSULT", None, {"CHN", "RUS"}),
    case("en", MEET, "Indian Prime Minister arrives in Washington for a three-day state visit",
         "CONSULT", "visit", {"IND"}, {"USA"}),
    case("en", MEET, "Turkey hosted talks between Russian and Ukrainian delegations in Istanbul.",
         "CONSULT", "host", {"TUR"}, {"RUS", "UKR"}),
    case("en", MEET, "The German chancellor held a phone call with the Chinese president on Tuesday, Berlin said.",
         "CONSULT", "phone", {"DEU", "CHN"}),
    case("en", MEET, "US and Iranian negotiators held indirect talks in Oman, according to state media.",
         "CONSULT", None, {"USA", "IRN"}),
    case("en", MEET, "Japan's prime minister will visit Australia next week, his office announced.",
         "AGREE", None, {"JPN", "AUS"}),
    case("en", MEET, "Visiting Kenyan President William Ruto met Chinese leader Xi Jinping in Beijing.",
         "CONSULT", None, {"KEN", "CHN"}),
    case("en", MEET, "South Korean and Japanese leaders meet for first summit in 12 years",
         "CONSULT", None, {"KOR", "JPN"}),
    case("en", MEET, "Egypt's foreign minister travelled to Ankara for talks with his Turkish counterpart.",
         "CONSULT", None, {"EGY"}, {"TUR"}),
    case("en", MEET, "The Hungarian foreign minister attended a NATO meeting in Brussels on Thursday.",
         "CONSULT", "third-party", {"HUN"}, {"NATO"}),

    case("en", EXPEL, "Poland expels Russian ambassador", "SANCTION", "expel", {"POL"}, {"RUS"}),
    case("en", EXPEL, "Canada expelled two Iranian diplomats on Friday over an alleged plot.",
         "SANCTION", "expel", {"CAN"}, {"IRN"}),
    case("en", EXPEL, "Ten Russian diplomats were expelled by Germany, the foreign ministry said.",
         "SANCTION", "expel", {"DEU"}, {"RUS"}),
    case("en", EXPEL, "Moscow declared an Estonian diplomat persona non grata.", "SANCTION", "expel", {"RUS"}, {"EST"}),
    case("en", EXPEL, "The expulsion of Moldova's ambassador by Russia drew condemnation in Chisinau.",
         "SANCTION", "expel", {"RUS"}, {"MDA"}),
    case("en", EXPEL, "Lithuania recalled its ambassador from Beijing for consultations.",
         "SANCTION", "withdraw", {"LTU"}, {"CHN"}),
    case("en", EXPEL, "Algeria has recalled its ambassador to France, the presidency said.",
         "SANCTION", "withdraw", {"DZA"}, {"FRA"}),
    case("en", EXPEL, "Russia ordered the closure of the US consulate in Yekaterinburg.",
         "SANCTION", None, {"RUS"}, {"USA"}),
    case("en", EXPEL, "Mali ordered the French ambassador to leave the country within 72 hours.",
         "SANCTION", "expel", {"MLI"}, {"FRA"}),
    case("en", EXPEL, "In a tit-for-tat move, Beijing expelled a Canadian diplomat, Chinese state media reported.",
         "SANCTION", "expel", {"CHN"}, {"CAN"}),
    case("en", EXPEL, "Tunisian authorities deported dozens of migrants to Libya.", "COERCE", "deport", {"TUN"}, set()),

    case("en", SANCTION, "The European Union sanctioned three Iranian ministers on Monday.",
         "SANCTION", "discontinue", {"EU"}, {"IRN"}),
    case("en", SANCTION, "Washington imposed fresh sanctions on North Korea over its missile launches.",
         "SANCTION", "discontinue", {"USA"}, {"PRK"}),
    case("en", SANCTION, "EU extends economic sanctions against Russia for six months",
         "SANCTION", "discontinue", {"EU"}, {"RUS"}),
    case("en", SANCTION, "The United States lifted sanctions on Venezuela's oil sector.",
         "RETREAT", "ease", {"USA"}, {"VEN"}),
    case("en", SANCTION, "Britain froze the assets of five Russian oligarchs.",
         "SANCTION", "discontinue", {"GBR"}, {"RUS"}),
    case("en", SANCTION, "Japan announced an asset freeze on the Russian central bank.",
         "SANCTION", "discontinue", {"JPN"}, {"RUS"}),
    case("en", SANCTION, "New US sanctions against Iran", "SANCTION", "discontinue", {"USA"}, {"IRN"}),
    case("en", SANCTION, "Canada imposed a travel ban on ten Chinese officials accused of rights abuses.",
         "SANCTION", None, {"CAN"}, {"CHN"}),
    case("en", SANCTION, "The EU adopted its twelfth package of sanctions against Moscow.",
         "SANCTION", "discontinue", {"EU"}, {"RUS"}),
    case("en", SANCTION, "Britain and Canada jointly sanctioned entities linked to the Wagner group.",
         "SANCTION", "discontinue", {"GBR", "CAN"}, {"WAGNER"}),
    case("en", SANCTION, "Switzerland eased sanctions on Syria.", "RETREAT", "ease", {"CHE"}, {"SYR"}),

    case("en", SIGN, "France and India signed a joint declaration on maritime security on Monday.",
         "SUPPORT", None, {"FRA", "IND"}),
    case("en", SIGN, "Morocco and Israel signed a memorandum of understanding on defence cooperation.",
         "SUPPORT", None, {"MAR", "ISR"}),
    case("en", SIGN, "Chile and South Korea sign free trade deal", "SUPPORT", None, {"CHL", "KOR"}),
    case("en", SIGN,
         "Ukraine and Britain initialled a security agreement, Kyiv said.",
         "SUPPORT", None, {"UKR", "GBR"}),
    case("en", SIGN, "The Serbian president signed a declaration on a shared future with his Chinese counterpart.",
         "SUPPORT", None, {"SRB", "CHN"}),
    case("en", SIGN, "Armenia's parliament ratified the Rome Statute of the International Criminal Court.",
         "SUPPORT", None, {"ARM"}, set()),
    case("en", SIGN, "Armenia and Azerbaijan pledged to sign a peace treaty by the end of the year.",
         "AGREE", None, {"ARM", "AZE"}),
    case("en", SIGN, "Kyiv and Warsaw will sign an agreement on grain exports on Tuesday.",
         "AGREE", None, {"UKR", "POL"}),
    case("en", SIGN, "The signing of the agreement between Tokyo and Manila took place in the Philippine capital.",
         "SUPPORT", None, {"JPN", "PHL"}),
    case("en", SIGN, "India's prime minister promised to sign the partnership agreement with the EU.",
         "AGREE", None, {"IND", "EU"}),
]

# Written after the first sets were passing, to check that the fixes generalise; then fixed in turn.
LEADS = [
    case("fr", MEET,
         "Le ministre des Affaires étrangères saoudien est arrivé dimanche à Téhéran, première visite d'un "
         "haut responsable saoudien depuis 2016.",
         "CONSULT", "visit", {"SAU"}, {"IRN"}),
    case("fr", MEET,
         "Les présidents français et américain se sont entretenus au téléphone mercredi soir, a indiqué l'Élysée.",
         "CONSULT", "phone", {"FRA", "USA"}),
    case("fr", MEET,
         "Le chancelier allemand a rencontré jeudi à Berlin le président polonais pour évoquer la sécurité régionale.",
         "CONSULT", None, {"DEU", "POL"}),
    case("fr", MEET,
         "Les représentants israéliens et libanais ont repris les négociations sur la frontière maritime à Naqoura.",
         "CONSULT", None, {"ISR", "LBN"}),
    case("fr", MEET,
         "Accueilli par le roi Mohammed VI, le président français a entamé lundi une visite d'État au Maroc.",
         "CONSULT", "visit", {"FRA"}, {"MAR"}),
    case("fr", MEET, "Rencontre entre les chefs de la diplomatie chinoise et américaine à Bali",
         "CONSULT", None, {"CHN", "USA"}),
    case("fr", MEET, "Le Premier ministre indien se rendra en Russie les 8 et 9 juillet, a annoncé New Delhi.",
         "AGREE", None, {"IND", "RUS"}),
    case("fr", MEET, "Le président égyptien a reçu au Caire une délégation du Hamas.",
         "CONSULT", "host", {"EGY"}, {"HAMAS"}),
    case("fr", MEET,
         "Le secrétaire d'État américain s'est entretenu avec son homologue turc en marge du sommet de l'OTAN.",
         "CONSULT", None, {"USA", "TUR"}),
    case("fr", MEET, "Séoul et Tokyo ont tenu mardi leur premier dialogue stratégique depuis neuf ans.",
         "CONSULT", None, {"KOR", "JPN"}),
    case("fr", EXPEL, "La Russie a annoncé vendredi l'expulsion de dix diplomates allemands en représailles.",
         "SANCTION", "expel", {"RUS"}, {"DEU"}),
    case("fr", EXPEL,
         "Moscou expulse quatre diplomates norvégiens, accusés d'activités incompatibles avec leur statut.",
         "SANCTION", "expel", {"RUS"}, {"NOR"}),
    case("fr", EXPEL,
         "Le Niger a ordonné l'expulsion de l'ambassadeur de France, qui doit quitter le territoire sous 48 heures.",
         "SANCTION", "expel", {"NER"}, {"FRA"}),
    case("fr", EXPEL, "Deux diplomates chinois ont été déclarés persona non grata par le gouvernement néerlandais.",
         "SANCTION", "expel", {"NLD"}, {"CHN"}),
    case("fr", EXPEL, "Israël rappelle son ambassadeur en Irlande après la reconnaissance de l'État palestinien.",
         "SANCTION", "withdraw", {"ISR"}, {"IRL"}),
    case("fr", EXPEL, "Le Burkina Faso a expulsé trois diplomates français accusés d'activités subversives.",
         "SANCTION", "expel", {"BFA"}, {"FRA"}),
    case("fr", EXPEL, "En riposte, Varsovie a fermé le consulat russe de Poznan.", "SANCTION", None, {"POL"}, {"RUS"}),
    case("fr", EXPEL,
         "L'ambassadeur d'Iran a été expulsé par l'Albanie, qui rompt ses relations diplomatiques avec Téhéran.",
         "SANCTION", "expel", {"ALB"}, {"IRN"}),
    case("fr", EXPEL, "La Moldavie expulse un diplomate russe après des propos jugés insultants.",
         "SANCTION", "expel", {"MDA"}, {"RUS"}),
    case("fr", EXPEL, "Le Tchad expulse l'ambassadeur d'Allemagne pour attitude discourtoise",
         "SANCTION", "expel", {"TCD"}, {"DEU"}),
    case("fr", SANCTION, "Washington sanctionne des responsables chinois pour la répression au Tibet",
         "SANCTION", None, {"USA"}, {"CHN"}),
    case("fr", SANCTION, "Les Vingt-Sept ont adopté lundi de nouvelles sanctions contre le régime biélorusse.",
         "SANCTION", None, {"EU"}, {"BLR"}),
    case("fr", SANCTION, "Le Royaume-Uni a gelé les avoirs de la banque centrale russe.",
         "SANCTION", None, {"GBR"}, {"RUS"}),
    case("fr", SANCTION, "L'UE a levé les sanctions visant le secteur de l'énergie syrien.",
         "RETREAT", "ease", {"EU"}, {"SYR"}),
    case("fr", SANCTION, "Les États-Unis imposent des sanctions à la Cour pénale internationale.",
         "SANCTION", None, {"USA"}, {"ICC"}),
    case("fr", SANCTION, "Le Canada a annoncé de nouvelles sanctions visant des responsables iraniens.",
         "SANCTION", None, {"CAN"}, {"IRN"}),
    case("fr", SANCTION, "Des sanctions ont été imposées à la Corée du Nord par le Japon.",
         "SANCTION", None, {"JPN"}, {"PRK"}),
    case("fr", SANCTION, "L'Australie interdit de séjour des militaires birmans.", "SANCTION", None, {"AUS"}, {"MMR"}),
    case("fr", SANCTION, "Pékin sanctionne des entreprises américaines d'armement après une vente d'armes à Taïwan.",
         "SANCTION", None, {"CHN"}, {"USA"}),
    case("fr", SANCTION, "La Suisse reprend les sanctions européennes contre la Russie.",
         "SANCTION", None, {"CHE"}, {"RUS"}),
    case("fr", SIGN, "Le Japon et les Philippines ont signé un accord de défense à Manille.",
         "SUPPORT", None, {"JPN", "PHL"}),
    case("fr", SIGN, "L'Arménie et l'Azerbaïdjan ont paraphé à Washington un accord de paix.",
         "SUPPORT", None, {"ARM", "AZE"}),
    case("fr", SIGN, "Paris et Rome ont signé le traité du Quirinal.", "SUPPORT", None, {"FRA", "ITA"}),
    case("fr", SIGN, "La Chine a signé avec les Îles Salomon un pacte de sécurité.", "SUPPORT", None, {"CHN", "SLB"}),
    case("fr", SIGN, "Le Kenya et l'UE ont conclu un accord de partenariat économique.", "AGREE", None, {"KEN", "EU"}),
    case("fr", SIGN, "Les deux présidents, russe et nord-coréen, ont signé un traité de partenariat stratégique.",
         "SUPPORT", None, {"RUS", "PRK"}),
    case("fr", SIGN, "Le Parlement turc a ratifié l'adhésion de la Suède à l'OTAN.", "SUPPORT", None, {"TUR"}, set()),
    case("fr", SIGN, "La Serbie va signer un accord de libre-échange avec la Chine, a annoncé Belgrade.",
         "AGREE", None, {"SRB", "CHN"}),
    case("fr", SIGN, "Un mémorandum d'entente a été signé entre le Maroc et le Nigeria pour le gazoduc.",
         "SUPPORT", None, {"MAR", "NGA"}),
    case("fr", SIGN, "Le Vietnam et les États-Unis signent une déclaration commune sur leur partenariat.",
         "SUPPORT", None, {"VNM", "USA"}),
    case("en", MEET, "Saudi Arabia's foreign minister arrived in Tehran on Saturday, the first such visit since 2016.",
         "CONSULT", "visit", {"SAU"}, {"IRN"}),
    case("en", MEET, "Chinese President Xi Jinping held talks with his French counterpart in Paris on Monday.",
         "CONSULT", None, {"CHN", "FRA"}),
    case("en", MEET, "The U.S. secretary of state met Saudi Crown Prince Mohammed bin Salman in Riyadh.",
         "CONSULT", None, {"USA", "SAU"}),
    case("en", MEET, "Israeli and Lebanese officials resumed negotiations over the maritime border.",
         "CONSULT", None, {"ISR", "LBN"}),
    case("en", MEET, "Egypt's president received a Hamas delegation in Cairo on Sunday.",
         "CONSULT", "host", {"EGY"}, {"HAMAS"}),
    case("en", MEET, "The U.S. and Chinese presidents spoke by phone for two hours, the White House said.",
         "CONSULT", "phone", {"USA", "CHN"}),
    case("en", MEET,
         "Indian Prime Minister Narendra Modi will travel to Moscow next month for talks with Russian leaders.",
         "AGREE", None, {"IND", "RUS"}),
    case("en", MEET, "Foreign ministers of Turkey and Greece met in Ankara to ease tensions.",
         "CONSULT", None, {"TUR", "GRC"}),
    case("en", MEET, "Ukraine's foreign minister paid a surprise visit to Baghdad.",
         "CONSULT", "visit", {"UKR"}, {"IRQ"}),
    case("en", MEET, "Seoul and Tokyo held their first strategic dialogue in nine years on Tuesday.",
         "CONSULT", None, {"KOR", "JPN"}),
    case("en", EXPEL, "Russia announced on Friday the expulsion of ten German diplomats in retaliation.",
         "SANCTION", "expel", {"RUS"}, {"DEU"}),
    case("en", EXPEL, "Moscow expels four Norwegian diplomats", "SANCTION", "expel", {"RUS"}, {"NOR"}),
    case("en", EXPEL, "Niger ordered the expulsion of the French ambassador, giving him 48 hours to leave.",
         "SANCTION", "expel", {"NER"}, {"FRA"}),
    case("en", EXPEL, "Two Chinese diplomats were declared persona non grata by the Dutch government.",
         "SANCTION", "expel", {"NLD"}, {"CHN"}),
    case("en", EXPEL, "Israel recalled its ambassador to Ireland after Dublin recognised a Palestinian state.",
         "SANCTION", "withdraw", {"ISR"}, {"IRL"}),
    case("en", EXPEL, "Burkina Faso expelled three French diplomats accused of subversive activities.",
         "SANCTION", "expel", {"BFA"}, {"FRA"}),
    case("en", EXPEL, "Poland ordered the closure of the Russian consulate in Poznan.",
         "SANCTION", None, {"POL"}, {"RUS"}),
    case("en", EXPEL, "Iran's ambassador was expelled by Albania, which cut diplomatic ties with Tehran.",
         "SANCTION", "expel", {"ALB"}, {"IRN"}),
    case("en", EXPEL, "Moldova expels Russian diplomat over insulting remarks", "SANCTION", "expel", {"MDA"}, {"RUS"}),
    case("en", EXPEL, "Chad has given the German ambassador 48 hours to leave the country.",
         "SANCTION", "expel", {"TCD"}, {"DEU"}),
    case("en", SANCTION, "Washington sanctions Chinese officials over Tibet crackdown",
         "SANCTION", None, {"USA"}, {"CHN"}),
    case("en", SANCTION, "EU ministers approved new sanctions against Belarus on Monday.",
         "SANCTION", None, {"EU"}, {"BLR"}),
    case("en", SANCTION, "Britain has frozen the assets of Russia's central bank.", "SANCTION", None, {"GBR"}, {"RUS"}),
    case("en", SANCTION, "The EU lifted sanctions targeting Syria's energy sector.",
         "RETREAT", "ease", {"EU"}, {"SYR"}),
    case("en", SANCTION, "The United States imposed sanctions on the International Criminal Court.",
         "SANCTION", None, {"USA"}, {"ICC"}),
    case("en", SANCTION, "Canada announced new sanctions targeting Iranian officials.",
         "SANCTION", None, {"CAN"}, {"IRN"}),
    case("en", SANCTION, "Sanctions were imposed on North Korea by Japan after the missile test.",
         "SANCTION", None, {"JPN"}, {"PRK"}),
    case("en", SANCTION, "Australia slapped travel bans on Myanmar military leaders.",
         "SANCTION", None, {"AUS"}, {"MMR"}),
    case("en", SANCTION, "Beijing sanctioned US defence firms over arms sales to Taiwan.",
         "SANCTION", None, {"CHN"}, {"USA"}),
    case("en", SANCTION, "Switzerland adopted the EU's latest sanctions against Russia.",
         "SANCTION", None, {"CHE"}, {"RUS"}),
    case("en", SIGN, "Japan and the Philippines signed a defence pact in Manila.", "SUPPORT", None, {"JPN", "PHL"}),
    case("en", SIGN, "Armenia and Azerbaijan initialled a peace agreement in Washington.",
         "SUPPORT", None, {"ARM", "AZE"}),
    case("en", SIGN, "Italy and France signed the Quirinal Treaty in Rome.", "SUPPORT", None, {"FRA", "ITA"}),
    case("en", SIGN, "China signed a security pact with the Solomon Islands.", "SUPPORT", None, {"CHN", "SLB"}),
    case("en", SIGN, "Kenya and the EU concluded an economic partnership agreement.", "AGREE", None, {"KEN", "EU"}),
    case("en", SIGN, "The Russian and North Korean leaders signed a strategic partnership treaty.",
         "SUPPORT", None, {"RUS", "PRK"}),
    case("en", SIGN, "Turkey's parliament ratified Sweden's NATO membership.", "SUPPORT", None, {"TUR"}, set()),
    case("en", SIGN, "Serbia will sign a free trade agreement with China, Belgrade said.",
         "AGREE", None, {"SRB", "CHN"}),
    case("en", SIGN, "A memorandum of understanding was signed between Morocco and Nigeria on the gas pipeline.",
         "SUPPORT", None, {"MAR", "NGA"}),
    case("en", SIGN, "Vietnam and the United States sign joint statement on partnership",
         "SUPPORT", None, {"VNM", "USA"}),
]

CASES = FR + EN + LEADS


def coded(nlp, language: str, text: str) -> list[dict]:
    doc = nlp[language](text)
    return contract_events(code_doc(doc, ActorMatcher.for_language(language).find(text), language=language))


def matches(event: dict, expected: Case) -> bool:
    if event["type"] != expected.type or (expected.mode is not None and event["mode"] != expected.mode):
        return False
    source, target = set(event["source"]), set(event["target"])
    if expected.targets is None:
        return expected.sources <= source | target
    return expected.sources <= source and expected.targets <= target


def found(nlp, expected: Case) -> bool:
    return any(matches(event, expected) for event in coded(nlp, expected.language, expected.text))


@pytest.mark.parametrize("expected", CASES, ids=[f"{c.language}-{c.family}-{n}" for n, c in enumerate(CASES)])
def test_news_sentence_is_coded(nlp, expected):
    events = coded(nlp, expected.language, expected.text)
    assert any(matches(event, expected) for event in events), events
