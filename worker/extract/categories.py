"""What a figure counts and its category (killed, injured, displaced, ... or other).

The counted thing is the head of the noun phrase written after the number ("4,104 children" ->
"children"), or the noun before it in "the toll at 2,053". The category comes from, in order: the
words that follow the noun in the same clause ("were killed", "missing"), the noun itself
("deaths", "refugees"), a verb that governs the figure ("killing 1,200 people", "the death toll
rose to 11,300"), and the figure a part belongs to ("1,300 of them children").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from worker.extract.alternation import lowers_like_ignorecase, word_alternation
from worker.extract.lexicon import (
    IRREGULAR_PARTICIPLES,
    PARTICIPLES_THAT_ARE_NOUNS,
    SEVERITY_WORDS,
    TENS_WORDS,
    UNITS_WORDS,
    WEEKDAY_NAMES,
)
from worker.extract.numbers import CLAUSE_COMMA_RE
from worker.extract.places import ROW_LABEL, TABLE_CELL_BAR, gazetteer, is_table_row, line_around
from worker.knowledge import counted_nouns, event_kinds

# Category cue words, as a glossary. Order matters only within a phrase search: the first cue found
# reading outward from the figure wins.
CATEGORY_CUES: dict[str, tuple[str, ...]] = {
    "other": (
        "killed or injured", "killed or wounded", "dead or injured", "dead and injured",
        "killed and injured", "killed and wounded", "casualties", "casualty", "rescued", "rescue",
        "charged", "survived", "survivors", "saved", "pulled from", "recoveries", "recovered", "rescues",
        "found alive", "found safe", "rescued alive", "pulled out alive",
        "discharged", "released", "freed", "treated", "vaccinated", "tested", "sentenced", "convicted",
        "indicted", "acquitted",
    ),
    "killed": (
        "dead or missing", "died or went missing", "killed", "killing", "kill", "kills", "died",
        "die", "dies", "dead", "deaths", "death toll", "death", "bodies", "body", "fatalities",
        "perished", "lost their lives", "lost his life", "lost her life", "shot dead", "drowned",
        # "259 lives lost to the floods", "300 lives have been lost"
        "lives lost", "lives were lost", "lives have been lost", "lives had been lost",
        "lives were also lost", "lives have also been lost",
        "succumbed",
        "toll", "slain", "massacred", "murdered", "murdering",
        "executed", "killed in", "martyred", "martyrs", "confirmed dead",
        "bodies recovered", "bodies were recovered", "fatally shot", "fatally stabbed", "fatally wounded",
        "fatally injured", "buried", "embraced martyrdom", "embraced shahadat", "attained martyrdom",
        "deceased", "recovered deceased", "found deceased", "pronounced deceased",
    ),
    "injured": (
        "injured", "injuring", "injuries", "wounded", "wounding", "hurt", "sought treatment",
        "suffered", "injures", "wounds", "treated for injuries", "treated for wounds",
        "treated for burns", "treated for smoke inhalation", "treated for cuts", "treated for fractures",
        "treated for minor injuries", "treated for gunshot wounds", "in critical condition",
        "in a critical condition", "in serious condition", "in a serious condition",
    ),
    "missing": (
        "missing", "unaccounted for", "unaccounted", "believed buried", "feared buried", "believed trapped",
        "believed to have been buried", "feared to have been buried", "thought to have been buried",
        "buried under", "buried alive", "buried beneath",
        "lost at sea", "feared lost", "presumed lost",
        "feared trapped", "still trapped", "remain trapped", "remained trapped", "remains trapped",
        "were trapped", "are trapped", "trapped underground", "trapped under", "under the rubble",
        "under rubble", "under the soil", "under the mud", "under the debris",
    ),
    "evacuated": (
        "evacuated", "evacuation", "evacuees", "evacuee", "evacuating", "evacuate", "moved to shelters",
        "taken to shelters", "in shelters", "moved to temporary shelters", "taken to temporary shelters",
        "in temporary shelters", "sheltering", "relief camps", "moved to safety",
        "moved to safer", "moved to higher ground", "relocated", "housed in", "moved to a school",
        "moved to schools", "shifted to safer places", "shifted to safer", "shifted to safety",
        "shifted to relief camps", "shifted to camps",
        "moved to a camp", "moved to camps", "moved to evacuation centres", "moved to evacuation centers",
        "taken to evacuation centres", "taken to evacuation centers",
    ),
    "displaced": (
        "displaced", "displacing", "fled", "flee", "fleeing", "refugees", "refugee", "uprooted",
        "uprooting", "displacement", "homeless", "escaped", "crossed into", "from their homes",
        "asylum seekers", "internally displaced", "arrivals", "came ashore", "landed",
        "stranded", "marooned", "without shelter",
        "without homes", "without a home", "sought refuge", "seeking refuge", "taken refuge",
        "took refuge", "sought shelter", "seeking shelter", "taken shelter", "took shelter",
        "in camps", "in displacement camps", "in tent camps", "forced to leave", "forced to abandon",
        "forced out of their homes", "driven from their homes", "abandoned their homes", "lost their homes",
    ),
    "detained": (
        "detained", "detaining", "arrested", "arresting", "arrests", "arrest", "detainees",
        "in custody", "into custody", "in the custody", "into the custody", "jailed", "imprisoned",
        "rounded up", "held", "captured",
        "taken prisoner",
        "apprehended", "nabbed", "netted", "prisoners",
    ),
    "abducted": (
        "abducted", "abducting", "abduction", "kidnapped", "kidnapping", "hostage", "hostages",
        "taken captive", "took away", "taken away",
        # an enforced disappearance: taken by agents of a state, whereabouts withheld
        "forcibly disappeared", "enforced disappearances", "enforced disappearance", "forced disappearances",
    ),
    "affected": (
        "affected", "affecting", "hit by", "sick", "ill", "hospitalised", "hospitalized",
        "admitted to hospital", "admitted", "cases", "case", "infections", "infected", "without power",
        "without electricity",
        "adrift", "needed humanitarian aid", "need humanitarian aid", "in need",
        "need humanitarian assistance", "needed humanitarian assistance", "need aid", "needed aid",
        "need help", "needed help", "need food aid", "needed food aid", "food insecure",
        "starving", "sickened", "sickening", "poisoned", "fell ill", "fallen ill",
        "waterborne diseases", "diarrhoea", "diarrhea", "taken to hospital", "rushed to hospital",
        "under treatment", "receiving treatment",
        # ill from the heat: no wound, so not injured
        "treated for heat", "treated for heatstroke", "treated for heat stroke", "treated for heat stress",
        "treated for heat exhaustion", "treated for heat-related illnesses", "treated for illnesses",
        "taken to hospitals", "rushed to hospitals", "transported to hospital", "transported to hospitals",
        "taken to the hospital", "rushed to the hospital", "transported to the hospital",
        "taken to a hospital", "rushed to a hospital", "transported to a hospital", "airlifted to hospital",
        "brink of famine", "risk of famine", "facing famine", "famine conditions", "in famine",
        "catastrophic hunger", "levels of hunger", "malnutrition", "acute hunger",
        "severe hunger", "faced hunger", "face hunger", "facing hunger", "going hungry", "go hungry",
        "brought to hospital", "in hospital", "treated in hospital", "treated in hospitals",
        "treated in a hospital", "treated at hospital", "treated at hospitals", "treated at a hospital",
        "received hospital care", "received hospital treatment", "needed hospital care",
        "needed hospital treatment", "lost power", "lost electricity", "in the dark",
        "without heat", "without heating", "without running water", "without water",
        *(
            f"{lacking} {supply}"
            for lacking in ("lack", "lacked", "lacking")
            for supply in ("running water", "water", "power", "electricity")
        ),
        "no running water", "no power", "no electricity",
    ),
    "protesting": (
        "demonstrators", "protesters", "protestors", "marchers", "marched", "marching",
        "rallied", "protested", "protesting", "demonstrated", "took to the streets", "strikers",
        "took part", "beat the pavement", "pounded the pavement", "hit the streets",
        "poured into the streets", "filled the streets",
    ),
}  # fmt: skip

_BODY_NOUNS = frozenset({"bodies", "body", "corpses", "remains"})
_BODIES_OF = re.compile(r"\b(?:bodies|corpses|remains)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
# A later count in a list the bodies are of: "the bodies of two women and one child", read in
# the characters before the count.
_BODIES_OF_A_LIST = re.compile(
    r"\b(?:bodies|corpses|remains)\s+of\s+(?:the\s+)?"
    rf"(?:\d[\d,]*|an?|{word_alternation({*UNITS_WORDS, *TENS_WORDS})})\s+"
    r"(?:[\w-]+\s+){0,2}?[\w-]+,?\s+(?:and\s+)?$",
    re.IGNORECASE,
)
BODIES_OF_A_LIST_WINDOW = 60


def _after_bodies_of_a_list(text: str, sentence_start: int, start: int) -> bool:
    """ "the bodies of two women and one child": a cheap test first, as this runs for every figure."""
    window_start = max(sentence_start, start - BODIES_OF_A_LIST_WINDOW)
    window = text[window_start:start].lower()
    if "bodies" not in window and "corpses" not in window and "remains" not in window:
        return False
    return _BODIES_OF_A_LIST.search(text, window_start, start) is not None


# Categories a counted noun gives by naming who the people are ("protesters", "refugees",
# "hostages", "prisoners"); a verb after them says what happened to them and wins ("40 refugees
# drowned" is killed, "15 hostages were freed" is other).
_WHO_NOT_WHAT = frozenset({"protesting", "displaced", "abducted", "detained"})
# What cases are of, when it is a fate other than illness: "two cases of abduction were reported".
_KIND_OF_CASES = re.compile(
    rf"\s+of\s+(?:[\w-]+\s+){{0,2}}?(?P<cue>{word_alternation(counted_nouns().case_fates)})\b",
    re.IGNORECASE,
)


def _kind_of_cases(word: str, following: str) -> str:
    """The fate cases are of ("two cases of abduction": abduction), else the counted cue word itself."""
    kind = _KIND_OF_CASES.match(following) if word in ("cases", "case") else None
    return kind.group("cue").lower() if kind is not None else word


# Fates a later one ends (the injured die or go home, the missing are found); death ends none.
# Being treated, taken to hospital or moved keeps the injured injured.
_FATES_A_LATER_ONE_ENDS = frozenset({"injured", "missing"})
_ENDING_FATES = frozenset(
    {*CATEGORY_CUES["killed"], "discharged", "released", "freed", "rescued", "survived", "saved"}
    | {"found alive", "found safe", "rescued alive", "pulled out alive"}
)

# Nouns of the deed itself, not of the people it befell: "627 arrests of protesters" are arrests
# whoever was arrested.
_DEED_NOUNS = counted_nouns().deeds

# Verbs that give a category only when they govern the figure ("the storms hit 1,067,656 families");
# after a noun they usually describe something else ("two explosions hit the market").
GOVERNING_ONLY_CUES: dict[str, str] = {"hit": "affected"}

# Nouns whose figure is a thing, never a person: verbs around them do not make a casualty count.
# The happenings themselves are counted too: "two crashes killed 346 people", "40 airstrikes".
THING_NOUNS = counted_nouns().things | frozenset(
    word
    for words in event_kinds().values()
    for word in words
    if " " not in word and not word.endswith(("ers", "men", "ors"))  # "protesters", "gunmen"
)

# A word, or letters with dots after each ("U.S.", "U.N.") that a counted noun's adjective may be.
_WORD = re.compile(r"(?:[A-Z]\.){2,}|[A-Za-z][\w'’-]*")
# Words that end the noun phrase after a number.
_CONTRACTED = ("n't", "n’t", "'re", "’re", "'ve", "’ve", "'ll", "’ll")
_PHRASE_STOP = frozenset(
    [
        "were",
        "was",
        "are",
        "is",
        "have",
        "has",
        "had",
        "been",
        "be",
        "being",
        "will",
        "would",
        "could",
        # "only 1,800 did": the verb of an elided clause
        *("did", "do", "does"),
        # "48 migrants known to have died": a participle that opens a raised clause
        *("known", "thought", "understood"),
        "may",
        "might",
        "can",
        "who",
        "which",
        "that",
        "whom",
        "whose",
        "in",
        "on",
        "at",
        "of",
        "from",
        "to",
        "for",
        "with",
        "by",
        "since",
        "as",
        "after",
        "before",
        "during",
        "and",
        "or",
        "but",
        "than",
        "across",
        "into",
        "over",
        "under",
        "among",
        "including",
        "when",
        "while",
        "where",
        # a clause of condition or time after the figure: "nearer 9,000 once leavers are counted"
        *("once", "if", "unless", "until", "till", "although", "though", "whereas", "whether"),
        "said",
        "say",
        "says",
        "according",
        "per",
        "a",
        "an",
        "the",
        "its",
        "their",
        "his",
        "her",
        "this",
        "these",
        "those",
        "more",
        "other",
        "others",
        "about",
        "around",
        "between",
        "toward",
        # places and reasons after the noun: "60,000 people ahead of the storm", "the 150 aboard"
        *("ahead", "amidst", "through", "alongside", "aboard", "because", "instead", "here", "there"),
        "open",  # "58 shelters open"
        "towards",
        "also",
        "just",  # "$50 million just before the talks"
        # verbs in the present tense that follow a count of people: "2.1 million people face hunger"
        *("face", "need", "remain", "lack", "risk", "live", "depend", "rely", "suffer", "still"),
        # and what a poll finds people think: "61 percent of adults support the plan"
        *("support", "oppose", "approve", "disapprove", "favour", "favor", "back", "believe", "think"),
        *("want", "expect", "prefer", "agree", "disagree", "trust", "feel", "fear", "worry", "hope"),
        # and in headlines: "40,000 flee the city", "thousands march"
        *("flee", "die", "march", "rally", "gather", "arrive", "join", "leave"),
        # and a single one's, in a rate: "one child dies every two hours"
        *("dies", "flees", "faces"),
        *(
            "so",
            "thus",
            "now",
            "already",
            "yet",
            "out",
            "right",
        ),  # "296 bodies so far", "500 tents right away"
        # adverbs of time before the verb: "two of the injured later died"
        *("later", "subsequently", "eventually", "initially", "earlier", "previously"),
        "still",
        "now",
        "then",
        "already",
        "reportedly",
        "and",
        "but",
        "while",
        # past tenses that do not end in -ed: "37,000 people beat the pavement", "nurses quit"
        *("beat", "quit", "met", "sought", "fought", "struck", "shook", "swept", "tore", "spread"),
        *(
            "sank",
            "sunk",
            "drove",
            "flew",
            "broke",
            "caught",
            "hid",
            "threw",
            "withdrew",
            "swam",
            "shot",
            "cast",
        ),
        "took",
        "make",
        "made",
        "went",
        "came",
        "left",
        "got",
        "gave",
        "saw",
        "put",
        "set",
        "ran",
        "fell",
        "rose",
        "hit",
        "held",
        "told",
        "kept",
        "found",
        "became",
        "began",
        "brought",
        "bought",
        "paid",
        "sent",
        "spent",
        "stood",
        "won",
        "lost",
        "remain",
        "remains",
        "remained",
        "appear",
        "appears",
        "seem",
        "seems",
        "continue",
        "continues",
        "include",
        "includes",
        "need",
        "needs",
        "want",
        "wants",
        "live",
        "lives",
        "lived",
        "off",
        "away",
        "above",
        "below",
        "each",
        "apiece",
        "overnight",
        "ago",
        "worth",
        "without",
        "within",
        "inside",
        "outside",
        "near",
        "along",
        "throughout",
        "beyond",
        "behind",
        "amid",
        "against",
        "via",
        "onto",
        "upon",
        "despite",
        "until",
        # a time adverbial or a participle clause is never part of the counted noun: "90 deaths owing
        # to the rains", "700 people spread over four camps", "the 400 mark early on Friday"
        *WEEKDAY_NAMES,
        "today",
        "yesterday",
        "tonight",
        "early",
        "late",
        "last",
        "owing",
        "due",
        "spread",
        "present",  # "9,000 people present": a postpositive adjective, not the head
        "next",  # "$5 billion next year"
        "respectively",
        # adverbs of extent: "counted 48,000 nationwide", "12 overall", "300 in all"
        *("nationwide", "countrywide", "worldwide", "statewide", "overall", "altogether", "alone"),
        *("elsewhere", "abroad"),  # "65 people elsewhere in the region"
        "given",  # a reason: "could reach 3,000 given the number of villages cut off"
        # a pronoun starts the clause that follows: "the $4 billion it had sought"
        *("it", "they", "we", "he", "she", "i", "you"),
    ]
)
_NOUN_SKIP = frozenset({"more", "other", "further", "additional", "new", "of", "internally"})
_PREDICATE_ADJECTIVES = frozenset({"dead", "alive", "hurt", "homeless"})
# Participles not in "-ed" that, after the noun, open a clause about it ("1.2 tonnes of cocaine
# hidden in crates"); those that are nouns too ("a pay cut") may end the phrase as its head.
_CLAUSE_PARTICIPLES = IRREGULAR_PARTICIPLES - PARTICIPLES_THAT_ARE_NOUNS
# Nouns in -ing that end a counted phrase as its head ("$2 billion in military spending").
_ING_NOUNS = frozenset(
    {"spending", "funding", "housing", "training", "building", "bombing", "shelling", "fighting", "flooding",
     "financing", "lending", "borrowing", "shooting", "landing", "meeting", "warning", "rating", "ceiling",
     "clothing", "bedding", "heating", "shipping", "planning", "testing", "screening", "polling", "spring",
     "missing", "outstanding"}
)  # fmt: skip
# "-ed" words that start a noun phrase ("displaced people"); any other "-ed" word ends it.
_PARTICIPLE_ADJECTIVES = frozenset(
    [
        "displaced",
        "detained",
        "wounded",
        "injured",
        "unaccompanied",
        "armed",
        "suspected",
        "registered",
        "confirmed",
        "reported",
        "trapped",
        "stranded",
        "internally",
        "released",
        "abducted",
        "kidnapped",
        "infected",
        "affected",
    ]
)
# A participle right after a word: "registered" of "officially registered deaths".
_PARTICIPLE_NEXT = re.compile(r"\s+[a-z]+ed\b")
# "212 of the 400 seats": the set's own size may stand before the noun
_OF_THE = re.compile(
    r"\s+of\s+(?:the|its|their|his|her|our)\s+(?:own\s+)?"
    # "28 of the country's 29 districts": the owner of the set is no noun of the count
    r"(?:[a-z]+['’]s\s+)?"
    rf"(?:(?:\d[\d,]*|{word_alternation([*UNITS_WORDS, *TENS_WORDS])})\s+)?",
    re.IGNORECASE,
)
# The size of a quake, written after or before its figure.
_MAGNITUDE_AFTER = re.compile(r"[\s-]*magnitude\b", re.IGNORECASE)
_MAGNITUDE_BEFORE = re.compile(r"\bmagnitude(?:\s+of)?\s+$", re.IGNORECASE)
MAGNITUDE_WINDOW = 16
# What brought people to hospital when they were hurt: "hospitalised with burns".
_WITH_INJURIES = re.compile(
    r"\b(?:with|for)\s+(?:\w+\s+)?(?:injuries|wounds|burns|fractures|cuts|bruises|inhalation)\b",
    re.IGNORECASE,
)
# Where people forced from home are looked after: SPEC counts them as evacuated.
_SHELTERED = re.compile(
    r"\b(?:in|at|to)\s+(?:\w+\s+){0,2}?(?:shelters|evacuation\s+(?:cent(?:re|er)s?|camps)|relief\s+camps)\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[;:—–]|\s-\s|\(|\)")
# "800,000 of us", "how many of you": the speakers or the listeners, people the figure counts.
_OF_US = re.compile(r"\s+of\s+(?:us|you)\b", re.IGNORECASE)
_PARTITIVE_AFTER = re.compile(r"\s+(?:of\s+(?:them|whom|those)|among\s+them)\b", re.IGNORECASE)
_PART_OF_BEFORE = re.compile(
    r"(?:including|which\s+includes?|among\s+(?:them|those|whom)|of\s+(?:whom|them|those|which))(?:\s+reportedly)?,?\s*$",
    re.IGNORECASE,
)
# A noun phrase of its own joined after the last figure's, which the parts after "including" are of.
_ANOTHER_HOST = re.compile(
    r"\s(?:and|as\s+well\s+as)\s+(?:[a-z]+ed\s+)?(?:several|many|some|numerous|other|a|an|the|(?:dozens|hundreds|scores)\s+of)\s+[a-z]"
)
# "Out of 1,481 deaths, 638 were in the south": a breakdown of the total the sentence opens with.
_OUT_OF_OPENING = re.compile(
    r"(?:[^,]{0,160},\s*)?(?:out\s+)?of\s+(?:the\s+)?(?:total\s+(?:number\s+of\s+)?)?(?:[\d,]+\s+)?(?P<rest>[^,]{1,40}),",
    re.IGNORECASE,
)
_GOVERNING_TOLL = re.compile(
    # an aside between commas may stand before the verb: "the death toll, officials said, was 420"
    # or the figure's own aside right after the noun: "the death toll, now at 96, from the fires"
    r"\b(?:toll|deaths|(?:death|fatality)\s+(?:count|tally|figure)|fatalities)\b,?"
    r"(?:[^,;]{0,40}?,[^,;]{1,60},(?!\s*(?:and|or)\b))?[^,;]{0,70}?"
    r"\b(?:at|to|of|as|reach|reached|reaches|stands\s+at|"
    r"stood\s+at|is|was|be|hit|hits|top|tops|topped|exceed|exceeds|exceeded|passed|passes)"
    r"(?:\s+(?:now|currently|already|still|likely|probably))?\s+[\"“]?$",  # 'the toll at "40"'
    re.IGNORECASE,
)
# The noun right before a figure's "of": "the evacuation of", "injuries of at least".
_FATE_NOUN_OF = re.compile(r"\b(?P<noun>[a-z]+)\s+of\s+$")
# A toll named at length before the value it is put at or comes to: "put the death toll of the
# landslide that swept the two villages before dawn on Tuesday at 249", "the toll from the quake that
# struck the west on Saturday, 35 km from Herat, is almost two thousand".
_TOLL_OF_AT_LENGTH = re.compile(
    r"\btoll\s+(?:of|from|in)\s+the\s+[^;]{10,110}?\s+(?:at|is|was|stands\s+at|stood\s+at|(?:rose|risen|climbed)\s+to)\s+$"
)
# People named by what happened to them ("the displaced", "the injured").
_GROUP_NAMED = r"(?P<cue>affected|displaced|evacuated|injured|wounded|missing|dead|detained|homeless)"
# A group named by what happened to it, then the figure it comes to: "put the displaced at 40,000",
# "the affected people at 3 million", "the injured to 1,300".
_GROUP_PUT_AT = re.compile(
    rf"\bthe\s+{_GROUP_NAMED}(?:\s+(?:people|persons|individuals|families|residents))?\s+(?:at|to|as)\s+$",
    re.IGNORECASE,
)
# A group named as the topic before its figure: "For the injured, 2,046 people", "as for the dead, 40".
_FOR_THE_GROUP = re.compile(
    rf"\bfor\s+the\s+{_GROUP_NAMED}"
    r"\s*[,:]?\s*$",
    re.IGNORECASE,
)
# Cases that are files of the law, not people who fell ill.
_CASES_OF_LAW = re.compile(
    r"\b(?:fraud|court|legal|criminal|corruption|abuse|tax|bankruptcy|civil|pending|lawsuit|murder|theft)"
    r"\s+cases?$",
    re.IGNORECASE,
)
# "as were three of the guards": a figure joined to the one before shares its category.
_AS_WERE = re.compile(r"\bas\s+(?:were|was|did|had)\s+$", re.IGNORECASE)
# ", infants among them," / ", nearly all of them farmers,": an aside between a figure and its verb.
_ASIDE = re.compile(
    r",[^,;]{0,50}\b(?:them|whom|among|including|mostly|most)\b[^,;]{0,40},"
    r"|\s*[–—]\s[^–—;]{1,60}\s[–—]"  # "36 people – 30 men and six women – were"
    r"|—[^\W\d_][^–—;]{0,59}—"  # the same between em dashes set without spaces
    r"|\s+-\s[^;]{1,60}?\s-(?=\s)"  # the same between hyphens typed as dashes
    r"|,\s+or\s+[^,;]{1,50},"  # "1.9 million people, or 90% of the population, were"
    # "10 million people, representing 20% of the population, have been", "..., about a fifth of it,"
    r"|,\s+(?:representing|accounting\s+for|equivalent\s+to|about|nearly|almost|roughly|around)\s+[^,;]{1,50},"
    r"|\s*\([^()]{1,60}\)"  # "40 people (mostly children) died"
    # "460 patients and their companions had been shot": a second group that shares the verb
    r"|\s+and\s+(?:their|his|her|its|other)\s+[a-z]+(?:\s+[a-z]+)?(?=\s+(?:were|was|had|have|are)\s)"
    # an aside its writer did not close: "nine more, including boys wounded", "12 herders
    # including five children were killed", "six others, all of them civilians were wounded"
    r"|(?:\s+(?:others?|more))?,?\s+(?:including|all\s+of\s+them|most\s+of\s+them|among\s+them)\s+"
    r"(?:(?:\d[\d,]*|[a-z]+)\s+)?[a-z]+"
    r"(?=\s+(?:(?:were|was|have\s+been|had\s+been)\s+)?(?:killed|wounded|injured|hurt|missing|detained|abducted)\b)"
    # "4,100 residents of Redding, California, were ordered": a town and its region set off by commas
    r"|\s+(?:of|in|from|near|around)\s+(?:[A-Z][\w'’.-]*\s){0,2}[A-Z][\w'’.-]*,\s[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,2},"
)
_AMONG_THE_TOTAL = re.compile(
    r"(?:(?:\s*,|\s+and)[^.;:]{0,60}?)?\s+(?:were|was|are|is)\s+(?:also\s+)?among\s+the\s+"
    r"(?:(?:more\s+than|at\s+least|over|nearly|almost|some|about|around)\s+)?(?:[\d,]+|[a-z]+)\s+"
    r"(?:(?:people\s+)?(?P<w>dead|deceased|killed|injured|wounded|missing|displaced|victims)\b"
    # "were among the more than 900 people from around the world who died"
    r"|(?:people|pilgrims|passengers|civilians|migrants)\b[^.;:,]{0,60}?\bwho\s+(?:had\s+|have\s+)?"
    r"(?P<verb>died|perished|were\s+killed|were\s+injured|were\s+wounded|went\s+missing)\b)",
    re.IGNORECASE,
)
_AMONG_THE = re.compile(
    r"\bamong\s+the\s+(?P<w>dead|deceased|killed|injured|wounded|missing|displaced|victims)\b[^,;]{0,20}$",
    re.IGNORECASE,
)
# "The toll includes 41 children", "the injured included 30 police officers": the parts of a group
# named by what happened to it.
_GROUP_INCLUDES = re.compile(
    r"\bthe\s+(?P<w>(?:death\s+)?toll|dead|deceased|deaths|fatalities|killed|injured|wounded|missing|displaced|victims)"
    r"\s+(?:so\s+far\s+)?(?:include|includes|included|including)\s+$",
    re.IGNORECASE,
)
# "the number of Palestinians killed ... had exceeded 60,000", "the number who have fled ... to 3,722",
# "the latest estimate of people displaced was 46,000".
_NUMBER_OF = re.compile(
    r"\b(?:number|total|tally|count|estimate)\s+(?:of|who|that)\s+(?P<rest>[^,;]{0,140})$", re.IGNORECASE
)
# "a town of roughly 40,000 people", "home to some 900 families": a population, not a casualty.
_POPULATION_BEFORE = re.compile(
    r"\b(?:city|country|nation|town|island|state|region|province|enclave|territory|home|population)\s+(?:of|to)\s+$",
    re.IGNORECASE,
)
# Conjunctions that start another clause after a figure's noun phrase.
_GOVERNED_BY_OTHER = re.compile(
    r"\b(?:" + word_alternation(CATEGORY_CUES["other"]) + r")\s+(?:(?:a|an|the|another|some)\s+)?$",
    re.IGNORECASE,
)
_LETTERS = re.compile(r"[a-z]+")
_NUMBER_WORDS = re.compile(r"number|total|tally|count|estimate", re.IGNORECASE)
# A conjunction that opens a clause of its own after a "number of" phrase.
_NEW_CLAUSE_IN_REST = re.compile(r"\b(?:while|whereas)\b", re.IGNORECASE)
# Words that may stand between a governing verb and its figure: "killing another 12", "raised to 40".
_SKIPPED_BEFORE_FIGURE = frozenset({"a", "an", "the", "another", "up", "to", "all", "only", "just"})
_LIST_GAP = re.compile(
    r"(?:\s+[\w'’-]+){0,6}\s*(?:,|;|,?\s+and|;\s+and|\s+or|,?\s+followed\s+by|,?\s+along\s+with|,?\s+as\s+well\s+as)\s+"
    r"(?-i:[A-Z][\w'’-]*\s+(?:\([A-Z]{2,6}\)\s+)?){0,3}"  # "300 in the north, Ontario (ON) 278"
    # "43 people died in Velm; in neighbouring Tarsa, 12": the next place and its figure, verb left out
    r"(?:(?:in|at|across)\s+(?:the\s+)?(?:[a-z-]+\s+)?(?-i:[A-Z][\w'’-]*)(?:\s+(?-i:[A-Z][\w'’-]*)){0,2},\s+)?"
    # "the toll was 144—134 in one town, nine in another", "40 people – 31 men and nine women –",
    # "25 deaths from the two fires: 16 in one, nine in the other"
    r"|(?:\s+[\w'’-]+){0,2}\s*[—–]\s*|(?:\s+[\w'’-]+){0,5}\s*:\s*|\s+-\s+",
    re.IGNORECASE,
)
# "fell from about 699,000 to 204,000": the figure a change ends on counts what it started from.
_FROM_FIGURE_TO = re.compile(
    r"\bfrom\s+(?:[a-z]+\s+){0,2}[$€£]?\d[\d,.]*(?:\s+(?:million|billion|thousand))?\s+to\s+$"
)
# "the toll stood at 120, with 100 in Orlo": a total broken down by where its parts are; "with"
# alone ("40 arrested, with 12 released") need not share the total's fate.
# A figure's noun and an opening bracket before a second figure that restates the first in other
# units, and the bracket closing after it: "79,602 households (approximately 345,183 people)".
_OPENED_RESTATEMENT = re.compile(
    r"\s+[a-z]+\s*\(\s*(?:(?:approximately|about|around|some|roughly|nearly|almost|over|more\s+than)\s+)?"
)
_CLOSED_RESTATEMENT = re.compile(r"\s+(?:people|persons|individuals|residents)\s*\)")
# "140 on Friday, with", "99 deaths, the most of any town, with": an aside may stand before "with"
_WITH_BREAKDOWN_GAP = re.compile(r"(?:\s+[\w'’-]+){0,3},(?:\s+[^,;\d]{1,40},)?\s+with\s+")
_BREAKDOWN_AFTER = re.compile(r"\s+(?:(?:of\s+them|people|deaths)\s+)?(?:in|at|from)\s", re.IGNORECASE)
# "Six of the dead were found in Orlo and 14 in Tarsa", "four died in one fire and 11 resulted from
# the other": a bare figure after "and" whose verb is left out, or says only where the figure
# comes from, counts what the clause before it counts.
_GAPPED_CLAUSE_GAP = re.compile(r"(?:\s+[\w'’-]+){1,12}?,?\s+and\s+")
_GAPPED_CLAUSE_AFTER = re.compile(
    r"\s+(?:(?:resulted|came)\s+from|in|at|from)(?:\s+[\w'’-]+){1,6}?\s*(?:[,.;)]|$)", re.IGNORECASE
)
# "nine were hurt on Monday, taking the total to 1,208": a running total of the figure before.
_RUNNING_TOTAL = re.compile(
    r"\b(?:bringing|taking|raising|pushing|putting|lifting|brought|took|raised|pushed|increased|increasing)\s+"
    # "the", "its", "this year's", "the week's", "the outbreak's"
    r"(?:(?:the|its|their)\s+|(?:(?:this|last|the)\s+)?[\w-]+(?:'s|’s)\s+)?"
    r"(?:(?:overall|cumulative|total|national)\s+)?(?:total|tally|number|count|figure)(?:\s+[\w-]+){0,3}\s+to\s+$",
    re.IGNORECASE,
)
# Heads of a crowd count.
_CROWD_NOUNS = frozenset(
    {"people", "persons", "others", "crowd", "crowds", "demonstrators", "marchers", "participants",
     "attendees"}
)  # fmt: skip
# Words that make a sentence a head count of a gathering: "5,000 people gathered", "the organisers
# counted 9,000", "attendance peaked at 20,000".
_CROWD_COUNT = re.compile(
    r"\b(?:gathered|assembled|present|attended|attendance|t(?:ook|aken|akes?)\s+part|turned\s+out|turnout|"
    r"show(?:ed|s)?\s+up|turn(?:ed|s)?\s+up|"
    r"participants|attendees|joined|arrived|"
    # "the organisers estimated close to 600,000 people": a head count after the protest
    r"estimated|estimates?|"
    r"count|counted|counts)\b",
    re.IGNORECASE,
)
# "... and abducting some 250", "... and forced detainees", "... but deaths rose": a conjunction
# followed by a verb, a determiner or a pronoun starts a new clause; "and gendarmes injured" does not.
# What people can be listed or counted "as": the word after "as" is their state, not a new subject.
_STATES_AFTER_AS = (
    r"(?:missing|injured|dead|displaced|wounded|killed|detained|homeless|affected|hostages?|refugees|"
    r"evacuees|casualties|victims|fatalities|deaths)\b"
)
_NEXT_CLAUSE = re.compile(
    # "were shot and killed", "stabbed and wounded", "600,000 killed and wounded": one passive of two
    # verbs, not a new clause
    r"\s(?:(?:but|while|whereas|after|before|when)\s|(?<!shot\s)(?<!stabbed\s)(?<!beaten\s)(?<!hacked\s)"
    r"(?<!killed\s)"
    r"and\s+(?=[a-z]+(?:ed|ing)\b|(?:the|a|an|its|their|his|her|it|"
    r"they|he|she|we|left|took|made|put|hit|said|say|says|fled|died|sent|set|gave|kept|brought|held)\b)"
    # "climbed to 58 as crews dug through the mud": a clause of its own, not "listed as missing"
    r"|as\s+(?=(?:the|a|an|its|their|his|her|it|they|he|she|we)\s|(?!" + _STATES_AFTER_AS + r")"
    r"[a-z]+(?:\s+[a-z]+){0,2}\s+(?:[a-z]+ed|hit|began|rose|fell|spread|struck|swept|came|went|took"
    # "as rescue work continues", "as crews search for survivors": the same clause in the present
    r"|(?:continue|search|dig|work|race|battle|struggle|scramble|scour|comb|sift|look|wait|brace|hunt|try)"
    r"(?:s|es)?|tries)\b))",
    re.IGNORECASE,
)

# A verb of change or level right before a figure (and its qualifier): "has risen to", "climbed
# to", "passed", "neared", "hit the", "was revised down from 120 to".
_CHANGE_VERBS = (
    "risen", "rose", "rises", "rising", "climbed", "climbs", "jumped", "jumps", "increased", "increases",
    "grew", "grown", "soared", "surged", "swelled", "reached", "reaches", "hit", "hits", "stood", "stands",
    "stand", "passed", "passes", "crossed", "crosses", "topped", "tops", "exceeded", "exceeds", "surpassed",
    "neared", "nears", "nearing", "approached", "approaching", "lowered", "raised", "updated", "fell",
    "dropped", "declined", "amounted", "amounts", "totalled", "totaled", "totals", "numbered",
    # the plain form after "will", "could", "to": "the toll could climb past 300"
    "rise", "climb", "jump", "increase", "grow", "soar", "surge", "reach", "pass", "cross", "top", "exceed",
    "surpass",
)  # fmt: skip
# The verbs nested by shared prefix (`word_alternation`): the search tries them at every word of
# the window, and the pattern's end is anchored, so only where a match starts is read from it.
_CHANGE_VERB_BEFORE = re.compile(
    r"\b(?:ha(?:s|ve|d)\s+(?:now\s+)?)?(?:now\s+)?(?:"
    + word_alternation(_CHANGE_VERBS)
    + r"|(?:gone|went|goes)\s+up|"
    r"revised(?:\s+(?:the\s+)?(?:[a-z]+\s+){0,2}?(?:up|down|upwards?|downwards?))?)"
    r"(?:\s+(?:to|at|from|past|beyond|above|the|up|down))*"
    r"(?:\s+an?\s+[a-z]+)?"  # "risen to an appalling 326", "climbed to a record 90"
    r"(?:\s+[\d.,]+(?:\s+(?:to|and))?"
    # "rose by some 3,000 to": the change, then the new level the verb governs
    r"|\s+by\s+(?:(?:some|about|around|nearly|almost|over|more\s+than)\s+)?[\d.,]+\s+to)?\s*$",
    re.IGNORECASE,
)
# A toll someone set to a figure, however long the words between: "officials updated the death toll
# from Thursday's collapse of a condo tower in Surfside to 11".
_TOLL_SET_TO = re.compile(
    r"\b(?:raised|lowered|updated|revised|put|brought|pushed|increased)\s+(?:the|its|their)\s+(?:death\s+)?toll\b"
    r"(?!\s+of\b)[^.;:\d]{0,120}?\s(?:to|at)\s+$",  # not "the toll of damaged homes"
    re.IGNORECASE,
)
# A count a clause sets to the figure, what it counts named before or after its noun: "raising the
# case count to 223", "bringing the total confirmed cases since May to 663", "put the count at".
_COUNT_SET_TO = re.compile(
    r"\b(?:(?:rais|bring|brought|tak|took|push|lift|increas|updat|revis)\w*|put(?:s|ting)?)\s+(?:the|its|their)\s+"
    r"(?P<named>(?:[\w-]+\s+){0,3}?)(?:count|tally|total)\b(?P<after>[^.;:\d]{0,60}?)\s(?:to|at)\s+$",
    re.IGNORECASE,
)
# Every verb _CHANGE_VERB_BEFORE finds holds one of these.
_CHANGE_STEMS = (
    "ris", "rose", "climb", "jump", "increas", "grew", "grow", "soar", "surg", "swel", "reach", "hit",
    "stood", "stand", "pass", "cross", "top", "exceed", "surpass", "near", "approach", "gone", "went",
    "goes", "lower", "raise", "updat", "fell", "drop", "declin", "revis", "amount", "total", "number",
)  # fmt: skip
_CHANGE_STEM = re.compile(word_alternation(_CHANGE_STEMS))  # nested by shared prefix: twice as fast
_LEADING_WORDS = re.compile(r"(?:[A-Za-z]+\s+){1,3}")
# What ends the subject of that verb, reading back: a clause break or another figure.
# A month's name right before a day's number.
_MONTH_BEFORE = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+$")
_SUBJECT_BOUNDARY = re.compile(r"[;:]|\d[\d,.]*\s|\b(?:and|but|while|after|when)\s+(?=the\b)")
# "toll", "death toll", "number of injured", "count of displaced people": the noun reported on.
_SUBJECT_HEAD = re.compile(
    r"\b(?:(?:death|fatality)\s+)?toll\b|\b(?:number|count|tally|total)\s+of\s+(?P<named>[\w\s-]{1,40})",
    re.IGNORECASE,
)
# "rebel-held", "government-held": who controls a place, not people held.
_ALL_CUES = re.compile(
    r"\b(?!(?<=-)held\b)(?P<cue>"
    + word_alternation({c for cs in CATEGORY_CUES.values() for c in cs})
    + r")\b"
    # "body weight", "body cameras": a noun the word "body" only describes
    + r"(?!(?<=body)\s+(?:weight|mass|fat|temperature|armou?r|cameras?|cams?|language|image|parts?|scans?)"
    + r"\b)",
    re.IGNORECASE,
)
_CUE_CATEGORY: dict[str, str] = {}
for _category, _cues in CATEGORY_CUES.items():
    for _cue in _cues:
        _CUE_CATEGORY.setdefault(_cue, _category)


# How far after a figure its counted noun phrase is read, and its most words.
COUNTED_PHRASE_WINDOW = 80
COUNTED_PHRASE_WORDS = 4


# Which way a distance runs, before what it runs from or to: "15 kilometres north of the town",
# "rolled 400 feet down into a gorge" (not "300 north coast villages").
_DIRECTIONS = frozenset(
    {
        *("north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"),
        *("north-east", "north-west", "south-east", "south-west", "down", "away", "inland", "offshore"),
    }
)
_FROM_OR_TO_AFTER = re.compile(r"\s+(?:of|into|from|to|towards?|off)\b|\s*(?:[,.;:)]|$)")


def _runs_a_way(text: str, lower: str, word: re.Match[str]) -> bool:
    return lower in _DIRECTIONS and _FROM_OR_TO_AFTER.match(text, word.end()) is not None


def _adverb_after(words: list[str], lower: str) -> bool:
    """Whether a word after a plural noun is an adverb of the verb to come: "200 people abruptly",
    "9 million individuals urgently need"."""
    if lower in _DEGREES_OF_HARM:
        return True  # "one person fatally injured": after a singular noun too
    plural = words[-1].endswith("s") or words[-1].lower() in _IRREGULAR_PLURALS
    return plural and lower.endswith("ly") and lower not in _NOUNS_IN_LY


# A word after a participle that makes it a verb with an object or a place ("coming from abroad",
# "involving the evacuees"), not an adjective before its noun ("40 sprawling camps").
_OBJECT_AFTER = re.compile(r" (?:the|a|an|from|to|in|on|at|into|for|with|across|through)\b")
# Adverbs that say how badly someone was hurt, never part of a noun.
_DEGREES_OF_HARM = frozenset(
    {"fatally", "critically", "seriously", "severely", "gravely", "mortally", "slightly", "badly", "lightly"}
)
# Nouns that end like adverbs: "12 families" ends in "ies", but "300 party rally" and "40 supply" do not.
_NOUNS_IN_LY = frozenset({"family", "ally", "assembly", "supply", "rally", "anomaly", "monopoly", "reply"})


def _pairs_modifiers(text: str, words: list[str], word: re.Match[str]) -> bool:
    """Whether the word is an "and" that joins two nouns before one plural head: "14 fire and
    rescue officials", "search and rescue workers" (not "people and their cattle")."""
    return (
        word.group(0) == "and"
        and bool(words)
        and not words[-1].endswith("s")
        and words[-1].lower() not in _IRREGULAR_PLURALS
        and _PAIRED_MODIFIER.match(text, word.end()) is not None
    )


# The second of two nouns joined by "and" before a plural head: "search and rescue workers"; a
# word in "-ed" is a verb with its object ("one person and displaced dozens").
_PAIRED_MODIFIER = re.compile(
    r"\s+(?!(?:the|their|his|her|its|our|a|an|other|some|many|more|several)\b)[a-z]+(?<!ed)\s+[a-z]+s\b"
)
_IRREGULAR_PLURALS = frozenset({"people", "men", "women", "children", "police", "personnel", "staff"})


# What a figure is measured against, right after it, is no noun it counts: "2.9% year on year",
# "12% year-on-year", "£40m lower than expected", "3% higher".
_MEASURED_AGAINST_AFTER = re.compile(
    r"\s*(?:(?:year|month|quarter|week)[\s-]+on[\s-]+(?:year|month|quarter|week)"
    r"|(?:lower|higher|less|greater|bigger|smaller|larger|fewer|more)\s+than)\b",
    re.IGNORECASE,
)


# Participles that qualify a counted noun ("12 reported cases") but name nothing counted alone.
_REPORTING_PARTICIPLES = frozenset(
    {"reported", "recorded", "registered", "documented", "estimated", "announced", "confirmed", "verified"}
)


_NEXT_WORD = re.compile(r" (?P<word>[a-z]+)\b")
_DAMAGE_STATES = counted_nouns().damage_states


def _damaged_thing(lower: str, text: str, position: int) -> bool:
    """Whether a participle of damage describes the thing's noun after it: "61,488 destroyed
    houses", "300 damaged schools" ("300 fled homes" is a verb and its object)."""
    if lower not in _DAMAGE_STATES:
        return False
    following = _NEXT_WORD.match(text, position)
    return following is not None and following.group("word") in THING_NOUNS


# Verbs whose subject is evidence, in the plural's form: "reports from 40 villages indicate".
_EVIDENCE_VERBS = frozenset({"indicate", "suggest", "show", "reveal", "confirm"})


def counted_noun(text: str, end: int, limit: int) -> tuple[str | None, int]:
    """The head noun of the phrase after a figure, and where that phrase ends."""
    if (
        _PARTITIVE_AFTER.match(text, end)
        or _MEASURED_AGAINST_AFTER.match(text, end)
        or _OF_US.match(text, end)
    ):
        return None, end
    of_the = _OF_THE.match(text, end)
    pos = of_the.end() if of_the else end
    words: list[str] = []
    for match in _WORD.finditer(text, pos, min(limit, pos + COUNTED_PHRASE_WINDOW)):
        gap = text[pos : match.start()]
        if gap.strip(" ") != "":
            break
        word = match.group(0)
        lower = word.lower()
        if (
            (
                lower in _PHRASE_STOP
                and not (not words and lower in _NOUN_SKIP)
                and not _pairs_modifiers(text, words, match)
            )
            or lower.endswith(_CONTRACTED)
            or _runs_a_way(text, lower, match)
            # "reports from 40 villages indicate": a verb of evidence after a plural head
            or (lower in _EVIDENCE_VERBS and words and words[-1].endswith("s"))
        ):
            break  # a verb ("were", "face") or a contracted one ("haven't") ends the noun phrase
        if (
            lower.endswith("ed")
            and (words or not (lower in _PARTICIPLE_ADJECTIVES or _damaged_thing(lower, text, match.end())))
        ) or (
            words
            and (
                lower in _PREDICATE_ADJECTIVES or lower in _CLAUSE_PARTICIPLES or _adverb_after(words, lower)
            )
        ):
            break  # a participle, what befell them ("5 soldiers dead") or an adverb: not what is counted
        if (
            lower.endswith("ing")
            and lower not in _ING_NOUNS
            and (words or _OBJECT_AFTER.match(text, match.end()))
        ):
            # "17 senators joining the vote", "300 people living in tents": a clause after the noun;
            # "1.6 million coming from abroad", "seven involving the evacuees": no noun at all
            break
        if (lower in UNITS_WORDS or lower in TENS_WORDS) and (not words or word.islower()):
            break  # "4 percent two months ago", "120 seats five years ago": a number word opens a new figure
        if (
            words
            and word[0].isupper()
            and words[-1].islower()
            and (words[-1].endswith("s") or words[-1] in _IRREGULAR_PLURALS)
        ):
            break  # "28 attack drones Russia launched": a name after a plural noun opens a clause
        if not words and (
            lower in _NOUN_SKIP
            or (
                lower.endswith("ly")
                and lower not in SEVERITY_WORDS
                and _PARTICIPLE_NEXT.match(text, match.end())
            )
        ):
            # "312 officially registered deaths": the adverb of a participle is no noun ("nine slightly
            # injured" keeps how badly: a breakdown of the injured)
            pos = match.end()
            continue
        if len(word) == 1 and text.startswith("/", match.end()):
            break  # "3.4% y/y", "0.3% m/m": a period's abbreviation, not a noun
        words.append(word)
        pos = match.end()
        if len(words) == COUNTED_PHRASE_WORDS:
            break
    if not words or (len(words) == 1 and words[0].lower() in _REPORTING_PARTICIPLES):
        return None, end  # "1.5% reported in 52 districts": a verb of reporting, no noun after it
    return " ".join(words), pos


@dataclass(frozen=True, slots=True)
class FigureSpan:
    """Where a figure stands and what the extractor has read around it: what `categorise` weighs."""

    start: int
    end: int
    sentence_start: int
    sentence_end: int
    next_start: int  # where the next figure's clause begins (the sentence end when none does)
    unit: str | None
    counted: str | None  # the head noun phrase after the figure ("people", "homes")
    phrase_end: int  # where that noun phrase ends
    part_of: str | None  # the category of the figure before it in the sentence
    previous_end: int | None  # where that figure ends
    in_protest: bool  # the sentence is about a protest
    after_protest: bool = False  # a sentence just before it is


# How far before a figure each rule looks (characters, never past the sentence start).
GOVERNED_BY_OTHER_WINDOW = 24
POPULATION_WINDOW = 40
GOVERNING_VERB_WINDOW = 40
GOVERNING_PHRASE_WINDOW = 80
# How far before its value a toll named at length may stand (`_TOLL_OF_AT_LENGTH`).
GOVERNING_TOLL_WINDOW = 130
NUMBER_OF_WINDOW = 160
CHANGE_SUBJECT_WINDOW = 220
CHANGE_VERB_WINDOW = 60
PART_OF_WINDOW = 25
AS_WERE_WINDOW = 12
# How much of the clause after a figure's noun phrase is read for a cue.
CLAUSE_AFTER_WINDOW = 60


# "its death toll of 670 released on Sunday": a participle of giving out right after the value of a
# count says when the count was published, not what befell the people it counts ("30 released").
_COUNT_VALUE_BEFORE = re.compile(r"\b(?:toll|tally|count|figure|estimate)\s+(?:of|at)\s+$", re.IGNORECASE)
_GIVEN_OUT_AFTER = re.compile(r"\s+(?:released|issued|published|announced)\b")
COUNT_VALUE_WINDOW = 16


def published_count_value(text: str, start: int, end: int, sentence_start: int) -> bool:
    """Whether the figure text[start:end] is the value of a count, followed by its publication."""
    return (
        _GIVEN_OUT_AFTER.match(text, end) is not None
        and _COUNT_VALUE_BEFORE.search(text, max(sentence_start, start - COUNT_VALUE_WINDOW), start)
        is not None
    )


def categorise(text: str, figure: FigureSpan) -> str:
    """The category of the figure text[start:end], stage by stage (see the module docstring for the
    order of evidence): the first stage with an answer decides."""
    head = figure.counted.split()[-1] if figure.counted else None
    head_lower = head.lower() if head else None
    is_thing = head_lower in THING_NOUNS if head_lower else False
    ruled = _ruled_out(text, figure, head_lower)
    if ruled is not None:
        return ruled
    if _PARTITIVE_FATE.match(text, figure.end, figure.sentence_end):
        return "killed"
    if not published_count_value(text, figure.start, figure.end, figure.sentence_start):
        around = _category_around(text, figure, head_lower, is_thing=is_thing)
        if around is not None:
            return around
        after = _category_after(text, figure, is_thing=is_thing)
        if after == "protesting":
            # "the toll rose to 51, which includes 21 protesters": who they were, not a turnout
            after = _fate_this_is_part_of(text, figure) or after
        if after is not None:
            return after
    if is_thing:
        return "other"
    before = text[max(figure.sentence_start, figure.start - GOVERNING_PHRASE_WINDOW) : figure.start]
    return (
        _labelled_category(text, figure, before)
        or _fronted_set_category(text, figure)
        or _column_category(text, figure.start)
        or _category_before(text, figure, before)
        or _category_as_part(text, figure, before)
        or _bracketed_after_place(text, figure)
        or _crowd_category(text, figure, head_lower)
    )


def _fate_this_is_part_of(text: str, figure: FigureSpan) -> str | None:
    """The category of a count of what befell people that the figure is a part of ("including",
    "which includes"), if it is one."""
    if figure.part_of in {None, "other", "protesting"}:
        return None
    before = _PART_OF_BEFORE.search(
        text, max(figure.sentence_start, figure.start - PART_OF_WINDOW), figure.start
    )
    return figure.part_of if before is not None else None


def _category_around(text: str, figure: FigureSpan, head: str | None, *, is_thing: bool) -> str | None:
    """Stage 1b: a verb right before the figure that takes lives or people, or where the people
    counted are housed when the places are counted too."""
    verb_before = text[max(figure.sentence_start, figure.start - GOVERNED_BY_OTHER_WINDOW) : figure.start]
    if _LIVES_AFTER.match(text, figure.end) and _LIVES_TAKEN_BEFORE.search(verb_before):
        return "killed"  # "the fire claimed 12 lives", "a crash that cost three lives"
    if head in _GROUPS_OF_PEOPLE and _SEIZED_BEFORE.search(verb_before):
        return "abducted"  # "gunmen seized 24 passengers"; seized goods stay other
    if head in _GROUPS_OF_PEOPLE and _LOST_BEFORE.search(verb_before):
        return "killed"  # "we lost 10 people"; lost jobs or homes stay other
    if head in _GROUPS_OF_PEOPLE and _LOST_AFTER.match(text, figure.phrase_end, figure.sentence_end):
        return "killed"  # "more than 900 people were lost"; people lost at sea are missing
    housed = (
        None
        if is_thing
        else _IN_COUNTED_SHELTERS.match(text, figure.phrase_end, figure.sentence_end)
        or (
            _INTO_SHELTERS.match(text, figure.phrase_end, figure.sentence_end)
            if head in _GROUPS_OF_PEOPLE or head in _HOUSEHOLDS
            else None
        )
    )
    if housed is None:
        return None
    return "displaced" if housed.group("where").lower() == "camps" else "evacuated"


# A verb that takes lives or people right before the figure.
_LIVES_TAKEN_BEFORE = re.compile(
    r"\b(?:claim(?:ed|ing|s)?|cost(?:ing|s)?|t(?:ook|aken|aking|akes))\s+(?:the\s+)?$"
)
_LIVES_AFTER = re.compile(r"\s+(?:more\s+|other\s+|human\s+)?li(?:ves|fe)\b")
_SEIZED_BEFORE = re.compile(r"\b(?:seiz(?:ed|ing|es?)|grabb(?:ed|ing)|snatch(?:ed|ing))\s+(?:another\s+)?$")
_LOST_BEFORE = re.compile(r"\blost\s+(?:another\s+)?$")
_LOST_AFTER = re.compile(
    r"\s+(?:were|have\s+been|had\s+been|may\s+have\s+been|are\s+feared\s+to\s+have\s+been)\s+lost\b(?!\s+at\s+sea)"
)
# Heads that name people: what "seized" or "lost" before the figure did to them.
_GROUPS_OF_PEOPLE = frozenset(
    {"people", "passengers", "villagers", "students", "pupils", "schoolchildren", "children", "women", "men",
     "workers", "worshippers", "travellers", "travelers", "farmers", "civilians", "tourists", "foreigners",
     "girls", "boys", "persons", "residents", "fishermen", "crew", "sailors"}
)  # fmt: skip
# "6,400 people were staying in 48 shelters": the shelters are counted too, so the cue stands past
# the next figure; people in shelters or evacuation centres are evacuated, in camps displaced (SPEC).
_IN_COUNTED_SHELTERS = re.compile(
    r"\s+(?:(?:were|are|was|is|have\s+been|had\s+been|remain|remained)\s+)?(?:(?:now|still)\s+)?"
    r"(?:(?:staying|living|sheltering|housed|accommodated|lodged)\s+)?in\s+"
    r"(?:(?:some|about|around|more\s+than|over|nearly)\s+)?\d[\d,]*\s+(?:[a-z-]+\s+){0,2}?"
    r"(?P<where>shelters|evacuation\s+cent(?:re|er)s|relief\s+camps|camps)\b",
    re.IGNORECASE,
)
# Heads that count homes' worth of people, who go into shelters as people do.
_HOUSEHOLDS = frozenset({"families", "households", "evacuees"})
# "sent 78,000 people to temporary shelters", "20,000 people have been moved into 176 relief
# centres": people taken into shelters, counted or not.
_INTO_SHELTERS = re.compile(
    r"\s+(?:(?:have|has|had)\s+(?:been\s+)?|(?:were|was)\s+)?(?:(?:moved|taken|brought|sent|relocated|evacuated)\s+)?"
    r"(?:in)?to\s+(?:(?:some|about|around|more\s+than|over|nearly|almost)\s+)?(?:\d[\d,]*\s+)?(?:[a-z-]+\s+){0,2}?"
    r"(?P<where>shelters|evacuation\s+cent(?:re|er)s|relief\s+cent(?:re|er)s|relief\s+camps|camps)\b",
    re.IGNORECASE,
)
# A part of a group that died: "two of the injured later died", "five of those hurt succumbed",
# "seven of the missing were found dead", "two of them fatally". The group names where they were
# counted before; the verb says what became of them.
_PARTITIVE_FATE = re.compile(
    r"\s+of\s+(?:the|those|them|these|whom)\b(?:\s+[\w'’-]+){0,5}?,?\s+"
    r"(?:(?:later|subsequently|since|have|has|had|were|was)\s+){0,2}"
    r"(?:died|succumbed|found\s+dead|confirmed\s+dead|killed|fatally)\b",
    re.IGNORECASE,
)
# "in Lagos (12), Kano (10)": a figure in brackets right after a place name.
_PLACE_THEN_BRACKET = re.compile(r"(?P<name>(?:[A-Z][\w'’.-]+\s+){0,2}[A-Z][\w'’.-]+)\s*\($")


def bracketed_place_share(text: str, start: int, end: int, sentence_start: int) -> int | None:
    """Where the place starts when text[start:end] is a figure bracketed right after a place name
    ("in Lagos (12), Kano (10)"): one place's share of what the sentence counts."""
    if not text.startswith(")", end):
        return None
    found = _PLACE_THEN_BRACKET.search(text, max(sentence_start, start - BRACKETED_PLACE_WINDOW), start)
    if found is None or gazetteer().lookup(found.group("name")) is None:
        return None
    return found.start()


# How far before a bracketed figure its place name is read.
BRACKETED_PLACE_WINDOW = 40


def _bracketed_after_place(text: str, figure: FigureSpan) -> str | None:
    """Stage 4b: "arrests were made in Lagos (12), followed by Kano (10)": a place's share takes
    the earlier figure's category, or the last category word before it."""
    place_start = bracketed_place_share(text, figure.start, figure.end, figure.sentence_start)
    if place_start is None:
        return None
    if figure.part_of is not None and figure.part_of != "other":
        return figure.part_of
    cues = list(_ALL_CUES.finditer(text, figure.sentence_start, place_start))
    return _CUE_CATEGORY[cues[-1].group("cue").lower()] if cues else None


def category_named(text: str, start: int, end: int) -> str | None:
    """The category of the first cue in text[start:end] ("the fatalities break down as follows:" is
    killed), or None when it names none."""
    cue = _ALL_CUES.search(text, start, end)
    return _CUE_CATEGORY[cue.group("cue").lower()] if cue is not None else None


def _is_magnitude(text: str, figure: FigureSpan) -> bool:
    window_start = max(figure.sentence_start, figure.start - MAGNITUDE_WINDOW)
    if "agnitude" not in text[window_start : figure.end + MAGNITUDE_WINDOW]:
        return False  # a cheap test first: this runs for every figure
    return (
        _MAGNITUDE_AFTER.match(text, figure.end) is not None
        or _MAGNITUDE_BEFORE.search(text, window_start, figure.start) is not None
    )


def _ruled_out(text: str, figure: FigureSpan, head_lower: str | None) -> str | None:
    """Stage 0: a unit, a population, bodies, or a verb that says the figure is no casualty."""
    start, sentence_start = figure.start, figure.sentence_start
    if (figure.unit is not None and figure.unit not in ("percent",)) or _is_magnitude(text, figure):
        return "other"  # a measure, or the size of a quake ("a 6.1-magnitude quake", "magnitude 6.1")
    if text.endswith((" of ", " to "), max(sentence_start, start - 4), start) and _POPULATION_BEFORE.search(
        text, max(sentence_start, start - POPULATION_WINDOW), start
    ):
        return "other"
    if (
        head_lower in _BODY_NOUNS
        or _BODIES_OF.search(text, max(sentence_start, start - 20), start)
        or _after_bodies_of_a_list(text, sentence_start, start)
    ):
        return "killed"  # "rescuers recovered 22 bodies", "the bodies of 47 people" (SPEC)
    if head_lower in ("cases", "case") and _CASES_OF_LAW.search(figure.counted or ""):
        return "other"  # "500 fraud cases", "40 court cases": files, not people who fell ill
    return _governed_by_other(text, figure)


# A hurt named in the counted phrase itself: "78 wounded people", "12 injured miners".
_HURT_IN_COUNTED = re.compile(r"\b(?:wounded|injured|hurt)\b", re.IGNORECASE)


def _governed_by_other(text: str, figure: FigureSpan) -> str | None:
    """ "freed 23 hostages": a verb right before the figure that says it is not a casualty."""
    start = figure.start
    window_start = max(figure.sentence_start, start - GOVERNED_BY_OTHER_WINDOW)
    governed = _GOVERNED_BY_OTHER.search(text, window_start, start)
    if governed is None:
        return None
    treated = governed.group().lower().startswith("treated")
    if treated and (
        _WITH_INJURIES.match(text, figure.phrase_end + 1, figure.sentence_end)
        or _HURT_IN_COUNTED.search(figure.counted or "")
    ):
        # "treated 134 people for burns", "treated 78 wounded people": treated for a hurt (SPEC:
        # sought treatment)
        return "injured"
    if treated and (figure.counted or "").lower().endswith(("cases", "case")):
        return "affected"  # "treated 1,200 suspected cholera cases": the sick, however they fare
    return "other"


# A verb right after the counted group, with an object: the group did it to someone else.
_DEED_ON_OTHERS = re.compile(
    r"\s*(?:held|captured|arrested|detained|abducted|kidnapped|killed|injured|wounded)\s+"
    r"(?:a|an|the|their|his|her|its|two|three|four|five|\d)\b",
    re.IGNORECASE,
)


def _category_after(text: str, figure: FigureSpan, *, is_thing: bool) -> str | None:
    """Stage 1: the counted noun and the clause after it: "were killed", "dead", "missing"."""
    phrase_end = figure.phrase_end
    among = _AMONG_THE_TOTAL.match(text, phrase_end, figure.sentence_end) if not is_thing else None
    if among is not None:
        # "12 children and nine women were among the 33 dead": parts of a total named by its fate,
        # past the total's own figure, where the clause after the part stops
        fate = among.group("w") or among.group("verb").split()[-1]
        return _CUE_CATEGORY.get(fate.lower(), "killed")
    return _category_in_clause_after(text, figure, phrase_end, is_thing=is_thing)


def _category_in_clause_after(
    text: str, figure: FigureSpan, phrase_end: int, *, is_thing: bool
) -> str | None:
    """The counted noun and the clause after it, up to the next figure or clause break."""
    aside = _ASIDE.match(text, phrase_end, figure.sentence_end)
    if aside is not None:
        phrase_end = aside.end()
    after_end = figure.next_start if figure.next_start >= phrase_end else figure.sentence_end
    clause = _CLAUSE_BREAK.search(text, phrase_end, after_end)
    if clause is not None:
        after_end = clause.start()
    comma = CLAUSE_COMMA_RE.search(text, phrase_end, after_end) if "," in text[phrase_end:after_end] else None
    if comma is not None:
        after_end = comma.start()
    conjunction = _NEXT_CLAUSE.search(text, phrase_end, after_end)
    if conjunction is not None:
        after_end = conjunction.start()
    following = text[phrase_end:after_end]
    found = None if is_thing else _cue_of_the_group(text, following, phrase_end, figure.sentence_end)
    # "gave the casualties as 31 dead": a noun named before the figure yields to the cue
    # right after it
    named_before = (
        figure.phrase_end <= figure.end and found is not None and not following[: found.start()].strip()
    )
    if figure.counted and not is_thing and not named_before:  # "1,028 evacuation centres" are places
        category = _counted_category(text, figure, figure.counted, following, found)
        if category is not None:
            return category
    if found is not None:
        return _clause_category(text, figure, found.group("cue").lower(), following, phrase_end)
    return None


def _counted_category(
    text: str, figure: FigureSpan, counted: str, following: str, found: re.Match[str] | None
) -> str | None:
    """The category the counted noun phrase gives, or None where the cue after it (`found`) decides."""
    for cue in _ALL_CUES.finditer(counted):
        if cue.group("cue").lower() == "rescue" and cue.end() < len(counted):
            continue  # "search and rescue volunteers": who they are, not what befell them
        word = _kind_of_cases(cue.group("cue").lower(), following)
        category = _CUE_CATEGORY[word]
        if (
            category in _FATES_A_LATER_ONE_ENDS
            and found is not None
            and cue.end() < len(counted)
            and found.group("cue").lower() in _ENDING_FATES
        ):
            # "793 injured passengers were discharged", "12 wounded miners later died": the word
            # before the noun says what befell them first, the verb after what befell them since
            return None
        if category in _WHO_NOT_WHAT and word not in _DEED_NOUNS:
            # "300 protesters were arrested", "police detained 300 protesters": the verb says what
            # happened to them
            if found is not None:
                return None
            governing = _verb_done_to_group(text, figure, category)
            if governing is not None:
                return governing
        if category != "affected" or word in ("cases", "infections", "case"):
            return category
    return None


# A noun with "of the" after it, right before a cue: "relatives of the missing", "families of the
# dead". The words before the noun must hold one more word, so "93 of the missing" stays a part.
_OF_ANOTHER_NOUN = re.compile(r"\S\s+[a-z]+\s+of\s+(?:the|those)\s+$")
_AREA_NOUNS = (
    r"(?:areas?|regions?|districts?|provinces?|zones?|towns?|villages?|cities|city"
    r"|communities|neighbou?rhoods?|parts|states?|countries|municipalities|counties|islands?)"
)
# Where the counted are, described by a participle of its own: "1,417 in the districts affected by
# the cyclone", "people across the villages hit by the quake". The participle tells what befell the
# places, not the people counted.
_PLACE_BEFORE_ITS_PARTICIPLE = re.compile(
    r"^\s*,?\s*(?:in|across|throughout|from)\s+(?:the\s+|those\s+|all\s+|several\s+|many\s+)?"
    rf"(?:[\w-]+\s+){{0,2}}?{_AREA_NOUNS}\s+$",
    re.IGNORECASE,
)
# A gathering described by a participle of its own: "were present at a vigil held in the square".
_GATHERING_BEFORE_ITS_PARTICIPLE = re.compile(
    r"\b(?:vigil|rally|rallies|meeting|protest|demonstration|march|marches|ceremony|ceremonies|event|service"
    r"|funeral|election|talks|summit|conference|referendum|session|concert|festival|gathering)s?\s+$",
    re.IGNORECASE,
)
# The same places described by the participle before them: "were active in the affected areas".
_AREA_NOUN_AFTER = re.compile(rf"\s+{_AREA_NOUNS}\b", re.IGNORECASE)
# A deed the counted group does for other people, before the cue that tells those people's fate.
_HELPING_OTHERS = re.compile(
    r"\b(?:search(?:ing|ed)?\s+for|look(?:ing|ed)?\s+for|rescu(?:ing|ed)|help(?:ing|ed)|assist(?:ing|ed)|"
    r"reach(?:ing|ed)|feed(?:ing|s)?|treat(?:ing|ed))\s+(?:the\s+|(?:some|many|dozens\s+of)\s+)?(?:[a-z]+\s+)?$",
    re.IGNORECASE,
)
# What a force captured or seized when it is a place, not people.
_PLACE_TAKEN = re.compile(r"\s+(?:it|the\s+(?:city|town|village|base|capital|area))\b")
# The nouns "rescue" describes when it names a trade, not what befell anyone: "rescue teams".
_RESCUERS_AFTER = re.compile(
    r"\s+(?:teams?|workers?|crews?|personnel|services?|units?|operations?|efforts?|officials?|dogs?|boats?)\b",
    re.IGNORECASE,
)
# A relative clause between the counted group and its verb: "26 workers who were on the site when
# the block came down have been confirmed dead".
_RELATIVE_PRONOUN = re.compile(r"\s*,?\s*(?:who|that)\s+", re.IGNORECASE)
RELATIVE_CLAUSE_WINDOW = 120


def _cue_of_the_group(text: str, following: str, phrase_end: int, sentence_end: int) -> re.Match[str] | None:
    """The cue in the clause after a group of people (`following`, from `phrase_end`) that says what
    befell them, if any."""
    window = following[:CLAUSE_AFTER_WINDOW]
    found = _ALL_CUES.search(window)
    while found is not None and (
        _PLACE_BEFORE_ITS_PARTICIPLE.search(window, 0, found.start())
        # "93 as relatives of the missing searched": the fate of the people another noun is of
        or _OF_ANOTHER_NOUN.search(window, 0, found.start())
        or _GATHERING_BEFORE_ITS_PARTICIPLE.search(window, 0, found.start())
        or (" " not in found.group("cue") and _AREA_NOUN_AFTER.match(window, found.end()))
        # "as search and rescue teams found more bodies": the teams' trade, no fate of the group
        or (found.group("cue").lower() == "rescue" and _RESCUERS_AFTER.match(window, found.end()))
        # "civilians who left the city on the day the rebels captured it": a place taken, no people
        or (found.group("cue").lower() in {"captured", "seized"} and _PLACE_TAKEN.match(window, found.end()))
        # "24,000 troops are still searching for stranded families": the fate of whom they help
        or _HELPING_OTHERS.search(window, 0, found.start())
    ):
        found = _ALL_CUES.search(window, found.end())  # "in the districts affected by": the places'
    if found is not None and not following[: found.start()].strip():
        # "300 fans held a vigil", "40 gunmen killed the guards": the group did it
        return None if _DEED_ON_OTHERS.match(following) else _main_verb_cue(following, found)
    return _relative_clause_cue(text, found, phrase_end, sentence_end)


def _relative_clause_cue(
    text: str, found: re.Match[str] | None, start: int, end: int
) -> re.Match[str] | None:
    """The cue that says what befell a group a relative clause describes: the clause's own verb
    unless the group did it to others ("9 guards who killed an inmate"), else the cue after the
    first auxiliary verb of the clause or of the main clause after it ("18 miners who were below
    when the shaft flooded have been confirmed dead"). `found` is the first cue after the group."""
    opener = _RELATIVE_PRONOUN.match(text, start, end)
    if opener is None:
        return found
    if found is not None and (
        start + found.start() != opener.end() or not _DEED_ON_OTHERS.match(text, opener.end())
    ):
        return found
    limit = min(end, opener.end() + RELATIVE_CLAUSE_WINDOW)
    for verb in _MAIN_VERB.finditer(text, opener.end(), limit):
        cue = _ALL_CUES.match(text, verb.end(), limit)
        if cue is not None and not _DEED_ON_OTHERS.match(text, verb.end()):
            return cue
    return None


def _clause_category(text: str, figure: FigureSpan, cue: str, following: str, phrase_end: int) -> str:
    """The category a cue in the clause after a figure gives it."""
    if (
        cue in _TURNOUT_CUES
        and not figure.in_protest
        and _OTHER_TAKING_PART.search(text, figure.sentence_start, figure.sentence_end)
    ):
        return "other"  # "400 patients took part" in a trial: no turnout of a protest
    return _refined(cue, following, text[figure.sentence_start : phrase_end])


# Cues that say people were present: a protest's turnout unless the sentence names another activity
# or who took part in one.
_TURNOUT_CUES = frozenset({"took part"})
_OTHER_TAKING_PART = re.compile(
    r"\b(?:trials?|study|studies|survey|polls?|race|marathon|competition|tournament|programme|program|"
    r"exercises?|drills?|scheme|experiment|research|course|training|games|patients|volunteers|respondents|"
    r"athletes|runners|students|pupils)\b",
    re.IGNORECASE,
)


# The finite verb after a participle that describes the group: "the passengers abducted from the
# train have been freed", "those detained on Monday were later released".
_MAIN_VERB = re.compile(
    r"\b(?:have|has|had|were|was|are|is)\s+(?:(?:since|later|now|also|all|already)\s+)?(?:been\s+)?",
    re.IGNORECASE,
)
# What a main verb may say of people a participle described: set free, or dead since ("treated"
# says nothing new of the injured).
_RELEASE_CUES = frozenset({"freed", "released", "rescued", "discharged", "saved"})


def _is_fate(cue: re.Match[str]) -> bool:
    word = cue.group("cue").lower()
    return word in _RELEASE_CUES or _CUE_CATEGORY[word] == "killed"


def _main_verb_cue(following: str, participle: re.Match[str]) -> re.Match[str]:
    """The cue of the clause's main verb when the first cue only describes the group and the main
    verb says what became of it ("abducted ... have been freed" is other); else `participle`."""
    if _CUE_CATEGORY[participle.group("cue").lower()] in ("other", "killed"):
        return participle
    main = _MAIN_VERB.search(following, participle.end())
    fate = _ALL_CUES.match(following, main.end()) if main is not None else None
    if fate is not None and _is_fate(fate):
        return fate
    return participle


# People held in a sentence about hostages or captives are held captive, not detained.
_HOSTAGES = re.compile(r"\bhostages?\b|\bcaptives?\b", re.IGNORECASE)


# "held" with an object or a complement after it: the figure's people held something.
_HELD_SOMETHING = re.compile(
    r"\bheld\s+(?!(?:by|in|at|for|on|hostage|captive|prisoner|prisoners|without|incommunicado|overnight|since"
    r"|until|after|under|as|there|inside|behind|across|near|from|to|and|or|but)\b)[a-z]",
    re.IGNORECASE,
)


def _verb_done_to_group(text: str, figure: FigureSpan, group: str) -> str | None:
    """The category of a verb right before a figure of people named by who they are: "police
    detained 300 protesters" is detained; "militants held 12 hostages" stays abducted."""
    window = text[max(figure.sentence_start, figure.start - GOVERNING_VERB_WINDOW) : figure.start]
    governing = _governing_verb_category(window.lower())
    if governing == "detained" and group == "abducted":
        return group  # holding hostages is abduction
    return governing if governing != "other" else None


# Cues of people arriving, and the people the SPEC counts as arrivals, not displaced, when they do.
_ARRIVAL_CUES = frozenset({"arrivals", "came ashore", "landed"})
_MIGRANTS = re.compile(r"\bmigrants?\b", re.IGNORECASE)


_CAPTIVES = re.compile(r"\b(?:inmates?|prisoners?|detainees?|convicts?)\b", re.IGNORECASE)


def _refined(cue: str, following: str, lead: str) -> str:  # noqa: PLR0911  one return per refinement
    """The category of a cue, made more precise by the rest of the clause or by the words up to
    the figure's noun (`lead`)."""
    category = _CUE_CATEGORY[cue]
    if cue in _ARRIVAL_CUES and _MIGRANTS.search(lead):
        return "other"  # "1,800 migrants landed": migrant arrivals; refugees who land are displaced
    if cue == "escaped" and _CAPTIVES.search(lead):
        return "other"  # "7 inmates escaped": a jailbreak, not people fleeing danger
    if cue == "held" and _HOSTAGES.search(lead):
        return "abducted"  # "freed 41 of the hostages, ... 45 were still being held": held captive
    if cue == "held" and _HELD_SOMETHING.search(following):
        return "other"  # "40 people held placards", "growth of 3% held steady": they held, were not held
    if category == "displaced" and _SHELTERED.search(following, 0, CLAUSE_AFTER_WINDOW):
        return "evacuated"  # "displaced and now in temporary shelters": in centres is evacuated (SPEC)
    if category == "affected" and _WITH_INJURIES.search(following, 0, CLAUSE_AFTER_WINDOW):
        return "injured"  # "hospitalised with injuries": hurt, not only in hospital
    return category


# "Of the 272 victims who died, 165 have been identified": a part of a set named before it.
# So is the set a breakdown opens with: "In a breakdown of the toll, 40 died in the north".
_FRONTED_SET = re.compile(
    r"\s*(?:[Oo]f|In\s+(?:a|the|its)\s+breakdown\s+of)\s+(?:the|its|their|these|those)\s+[^,;]{1,80},"
    r"\s+(?:[\w'’-]+\s+){0,2}"
)


def _fronted_set_category(text: str, figure: FigureSpan) -> str | None:
    """Stage 2: a figure that counts part of a set named at the head of its sentence takes the set's
    category; a share of it does not."""
    if figure.unit is not None or not _FRONTED_SET.fullmatch(text, figure.sentence_start, figure.start):
        return None  # "Of the new arrivals, 72 per cent described abuses": a share is no count of them
    return category_named(text, figure.sentence_start, figure.start)


def _labelled_category(text: str, figure: FigureSpan, before: str) -> str | None:
    """Stage 2 for a row that labels its figure: "People displaced: 310,000", "Deaths: 214"."""
    if ":" not in before[-3:]:
        return None
    label = ROW_LABEL.fullmatch(text, figure.sentence_start, figure.start)
    cue = _ALL_CUES.search(label.group("label")) if label is not None else None
    return _CUE_CATEGORY[cue.group("cue").lower()] if cue is not None else None


# "the number of injured was placed at 3,000", "put the number of homes without water at 900": the
# figure is the number of that noun phrase. No comma, colon or other figure stands between.
_NUMBER_OF_NOUN_BEFORE = re.compile(
    r"\bnumber\s+of\s+(?:the\s+)?(?P<np>[^,;:\d()]{1,80}?)"
    # "the number of the injured stands at 413": the verb before "at" or "to" is no part of the noun
    r"(?:\s+(?:now\s+)?(?:stood|stands|rose|risen|climbed|grew|jumped|was|were|is|are))?"
    r"\s+(?:at|to|reached|hit|passed|topped|exceeded"
    r"|surpassed|was|were|is|are|stood|stands|totalled|totaled|now)\s+$",
    re.IGNORECASE,
)


def number_of_noun(text: str, start: int, sentence_start: int) -> str | None:
    """What a figure counts when a phrase before it names it: "the number of dead rose to 300"."""
    window_start = max(sentence_start, start - NUMBER_OF_WINDOW)
    if text.find("umber", window_start, start) == -1 and text.find("UMBER", window_start, start) == -1:
        return None  # a cheap test first: this runs for every figure with no noun after it
    found = _NUMBER_OF_NOUN_BEFORE.search(text, window_start, start)
    if found is None:
        return None
    return counted_noun(text, found.start("np"), found.end("np"))[0]


# What an amount of money is for, named before the verb that gives it: "raised its emergency aid for
# the survivors to 13 million euros", "total humanitarian aid now stands at 15 million euros".
_MONEY_NOUN_BEFORE = re.compile(
    r"\b(?i:its|their|the|total|overall)\s+(?P<np>(?:[a-z-]+\s+){0,3}?"
    r"(?:aid|assistance|funding|support|pledges?|contributions?|donations?|relief|grants?|loans?|budget))\b"
    r"[^,;:\d]{0,60}?\s+(?:(?:rose|risen|raised|increased|reached|stands|stood|totals?|totalled|totaled|comes?"
    r"|came|amounts?|amounted)\s+)?(?:now\s+)?(?:to|at|of)\s+$"
)
# How far before an amount of money its purpose may be named.
MONEY_NOUN_WINDOW = 120


def money_noun_before(text: str, start: int, sentence_start: int) -> str | None:
    """What an amount of money is for when the clause names it before the amount: "raised its aid
    for the survivors to 13 million euros" is aid."""
    found = _MONEY_NOUN_BEFORE.search(text, max(sentence_start, start - MONEY_NOUN_WINDOW), start)
    return found.group("np") if found is not None else None


def column_label(text: str, start: int) -> str | None:
    """The header of the table column a figure stands in: the first line of the block of rows
    (cells joined by a bar) above it, when that line holds no digit and as many cells as the row."""
    line_start, line_end = line_around(text, start)
    row = text[line_start:line_end]
    if not is_table_row(row):
        return None
    header = None
    above = line_start
    while above > 0:
        previous_start = text.rfind("\n", 0, above - 1) + 1
        previous = text[previous_start : above - 1]
        if not is_table_row(previous):
            break
        if not any(character.isdigit() for character in previous):
            header = previous
            break
        above = previous_start
    if header is None:
        return None
    labels = header.split(TABLE_CELL_BAR)
    if len(labels) != row.count(TABLE_CELL_BAR) + 1:
        return None
    return labels[text.count(TABLE_CELL_BAR, line_start, start)].strip() or None


def _column_category(text: str, start: int) -> str | None:
    """Stage 2 for a figure in a table: its column's header says what it counts ("Deaths")."""
    label = column_label(text, start)
    cue = _ALL_CUES.search(label) if label is not None else None
    return _CUE_CATEGORY[cue.group("cue").lower()] if cue is not None else None


def _governed_by_a_toll(text: str, figure: FigureSpan, before: str, lower: str) -> bool:
    """Whether a toll's noun governs the figure: "the toll at 2,053", "put the death toll of the
    landslide that swept the villages on Tuesday at 249"."""
    if ("toll" in lower or "death" in lower or "fatalit" in lower) and _GOVERNING_TOLL.search(before):
        # "the deaths of five and the evacuation of 5,000": a noun of another fate governs its own
        own = _FATE_NOUN_OF.search(lower) if lower.endswith("of ") else None
        return own is None or _CUE_CATEGORY.get(own.group("noun")) in (None, "killed")
    if lower.endswith("toll from "):
        return True  # "revised the death toll from 79" (to the figure after it)
    start = max(figure.sentence_start, figure.start - GOVERNING_TOLL_WINDOW)
    return text.find("toll", start, figure.start) >= 0 and bool(
        _TOLL_OF_AT_LENGTH.search(text, start, figure.start)
    )


def _number_of_category(text: str, sentence_start: int, start: int) -> str | None:
    """The fate a "number of" phrase before the figure names: "the number of dead rose to 66"."""
    wide_start = max(sentence_start, start - NUMBER_OF_WINDOW)
    if not (_may_name_a_number(text[wide_start:start]) and _NUMBER_WORDS.search(text, wide_start, start)):
        return None
    number_of = _NUMBER_OF.search(text, wide_start, start)
    if number_of is None or _NEW_CLAUSE_IN_REST.search(number_of.group("rest")):
        return None  # "a total of 55 died while 66 were hurt": the total is of its own clause
    number_cue = _ALL_CUES.search(number_of.group("rest"))
    return _CUE_CATEGORY[number_cue.group("cue").lower()] if number_cue is not None else None


def _category_before(text: str, figure: FigureSpan, before: str) -> str | None:  # noqa: PLR0911  one return per governing pattern, cheapest test first
    """Stage 2: a verb or phrase that governs the figure: "killing 1,200 people", "the toll at 2,053".
    Cheap substring tests guard each pattern: this runs for every figure in the stream."""
    start, sentence_start = figure.start, figure.sentence_start
    lower = before.lower()
    changed = _change_subject_category(text, sentence_start, start)
    if changed is not None:
        return changed
    if _governed_by_a_toll(text, figure, before, lower):
        return "killed"
    group = _group_of_parts(before, lower)
    if group is not None:
        return _CUE_CATEGORY.get(group.lower(), "killed")
    number_of = _number_of_category(text, sentence_start, start)
    if number_of is not None:
        return number_of
    governing = _governing_verb_category(lower, counts=figure.unit is None) or _ordered_to_move(
        text, figure, lower
    )
    if governing is not None:
        return governing
    topic = _FOR_THE_GROUP.search(before) if "for the " in lower else None
    if topic is not None:
        return _CUE_CATEGORY[topic.group("cue").lower()]  # "For the injured, 2,046 people"
    tail = lower[-12:]
    named_group = _GROUP_PUT_AT.search(before) if " at " in tail or " to " in tail or " as " in tail else None
    if named_group is not None:
        # "put the displaced at 40,000", "named the dead as 11 civilians"
        return _CUE_CATEGORY[named_group.group("cue").lower()]
    if figure.part_of is not None and "to" in lower[-4:] and _RUNNING_TOTAL.search(before):
        return figure.part_of
    opening = (
        _OUT_OF_OPENING.match(text, sentence_start, start)
        if text.find("of ", sentence_start, start) != -1
        else None
    )
    if opening is not None:
        breakdown_cue = _ALL_CUES.search(opening.group("rest"))
        if breakdown_cue is not None:
            return _CUE_CATEGORY[breakdown_cue.group("cue").lower()]
    return None


# Phrases that govern the figure after them, each with the words that must be in the window
# before it (a cheap test first) and the category it gives: "knocked out power to" (SPEC: without
# power is affected), "evacuation orders now cover".
_GOVERNING_PHRASES: tuple[tuple[tuple[str, ...], re.Pattern[str], str], ...] = (
    (
        ("power", "electricity"),
        re.compile(
            r"\b(?:knock(?:ed|s|ing)?\s+out|cut(?:s|ting)?(?:\s+off)?|shut(?:s|ting)?\s+off)\s+(?:the\s+)?"
            r"(?:power|electricity)(?:\s+supplies|\s+supply)?\s+to\s+$"
        ),
        "affected",
    ),
    (
        ("lives",),
        re.compile(
            r"\b(?:claim(?:s|ed|ing)?|t(?:ook|akes?|aking))\s+(?:the\s+)?lives\s+of\s+(?:at\s+least\s+)?$"
        ),
        "killed",
    ),
    (
        ("evacuation",),
        re.compile(
            r"\bevacuation\s+(?:orders?|warnings?|notices?|zones?)\s+(?:now\s+|also\s+|still\s+)?"
            r"(?:cover(?:s|ed|ing)?|affect(?:s|ed|ing)?|appl(?:y|ies|ied)\s+to|extend(?:s|ed)?\s+to"
            r"|include[sd]?)\s+$"
        ),
        "evacuated",
    ),
    (
        # "rescuers are searching for 22 others": people sought after a disaster are missing; the
        # searchers must be named, as police "searching for three suspects" seek no victims
        ("rescu", "diver", "searchers", "teams", "crews", "coastguard", "coast guard"),
        re.compile(
            r"\b(?:search(?:es|ed|ing)?|look(?:s|ed|ing)|comb(?:s|ed|ing)\s+[\w\s]{1,30}?)\s+for\s+"
            r"(?:(?:at\s+least|about|some|around|nearly|another|more\s+than|the\s+remaining|the)\s+)?$"
        ),
        "missing",
    ),
    (
        # "the blast caused injuries to 40 people", "inflicted serious wounds on 12"
        ("injuries", "wounds"),
        re.compile(
            r"\b(?:inflict|caus)(?:e|es|ed|ing|s)?\s+(?:[a-z]+\s+)?(?:injuries|wounds)\s+(?:on|to)\s+"
            r"(?:(?:at\s+least|about|some|around|nearly|more\s+than)\s+)?$"
        ),
        "injured",
    ),
)


# Verbs that make people move, before the figure, and the move after what it counts: those the
# authorities order out are evacuated, those driven to flee displaced.
_ORDERING_VERBS = ("ordered", "orders", "told", "tells", "forced", "forces", "urged", "urges")
_ORDERED_TO_MOVE = re.compile(r"\s+to\s+(?P<move>leave|evacuate|flee|move\s+out)\b")


def _ordered_to_move(text: str, figure: FigureSpan, lower_before: str) -> str | None:
    """ "ordered 60,000 residents to leave" is evacuated, "forced 900 people to flee" or "to leave"
    displaced."""
    verb_before = lower_before.rstrip()
    if figure.unit is not None or not verb_before.endswith(_ORDERING_VERBS):
        return None
    ordered = _ORDERED_TO_MOVE.match(text, figure.phrase_end)
    if ordered is None:
        return None
    forced = verb_before.endswith(("forced", "forces"))
    move = ordered.group("move")
    # "floods forced 4,000 people to leave": driven out, not moved by order
    return "displaced" if move == "flee" or (forced and move == "leave") else "evacuated"


def _group_of_parts(before: str, lower: str) -> str | None:
    """The group a figure is a part of, named by its fate: "among the dead", "the toll includes"."""
    found = _AMONG_THE.search(before) if "among" in lower else None
    if found is None and "includ" in lower:
        found = _GROUP_INCLUDES.search(before)
    return found.group("w") if found is not None else None


def _category_as_part(text: str, figure: FigureSpan, before: str) -> str | None:
    """Stages 3 and 4: a part of an earlier figure ("1,300 of them children", "including 4,237
    children"), or the next figure of a list ("310 miners and 42 guards")."""
    part_of = figure.part_of
    if part_of is None:
        return None
    marked_part = _PART_OF_BEFORE.search(before[-PART_OF_WINDOW:]) is not None
    if marked_part and _ANOTHER_HOST.search(text, figure.previous_end or figure.start, figure.start):
        return None  # "179 arrests and several cases of assault, including two stabbings"
    if marked_part or _PARTITIVE_AFTER.match(text, figure.end) or _AS_WERE.search(before[-AS_WERE_WINDOW:]):
        return part_of
    if figure.previous_end is not None and (
        _LIST_GAP.fullmatch(text, figure.previous_end, figure.start)
        # "displaced 79,602 households (some 345,000 people)": the same count in other units
        or (
            _OPENED_RESTATEMENT.fullmatch(text, figure.previous_end, figure.start)
            and _CLOSED_RESTATEMENT.match(text, figure.end)
        )
        or _FROM_FIGURE_TO.search(before)
        or (
            _WITH_BREAKDOWN_GAP.fullmatch(text, figure.previous_end, figure.start)
            and _BREAKDOWN_AFTER.match(text, figure.end)
        )
        or (
            figure.counted is None
            and figure.unit is None
            and _GAPPED_CLAUSE_GAP.fullmatch(text, figure.previous_end, figure.start)
            and _GAPPED_CLAUSE_AFTER.match(text, figure.end, figure.sentence_end)
        )
    ):
        return part_of
    return None


def _crowd_category(text: str, figure: FigureSpan, head_lower: str | None) -> str:
    """Stage 5: a bare count of people in a sentence about a protest is its turnout; so is a head
    count of a gathering in a sentence that follows one ("Police counted 9,000 at the square")."""
    crowd = figure.unit is None and (head_lower is None or head_lower in _CROWD_NOUNS)
    if crowd and (
        figure.in_protest
        or (figure.after_protest and _CROWD_COUNT.search(text, figure.sentence_start, figure.sentence_end))
    ):
        return "protesting"
    return "other"


_TOTAL_OF = re.compile(r"\s+(?:a|an)\s+(?:combined\s+|overall\s+|grand\s+)?total\s+of$")


def _governing_verb_category(lower_before: str, *, counts: bool = True) -> str | None:
    """The category of the verb right before a figure: "killing 1,200", "evacuated another 300".
    A verb that gives a category only to a count ("hit") gives none to a measure or a share:
    "inflation hit 7.2%", "losses hit $2 billion" are levels reached."""
    tail = lower_before[-GOVERNING_VERB_WINDOW:].rstrip()
    if tail.endswith(" of"):
        tail = _TOTAL_OF.sub("", tail)  # "the blasts wounded a total of 212": the verb governs
    for guards, phrase, category in _GOVERNING_PHRASES:
        if any(guard in tail for guard in guards) and phrase.search(tail + " "):
            return category
    words = _LETTERS.findall(tail) if tail[-1:].isalpha() else []
    # "rounded up 85": "up" is passed over only when it ends no two-word cue
    if words and words[-1] in _SKIPPED_BEFORE_FIGURE and " ".join(words[-2:]) not in _CUE_CATEGORY:
        words.pop()
    if not words:
        return None
    verb = words[-1]
    verb_category = _CUE_CATEGORY.get(verb) or (GOVERNING_ONLY_CUES.get(verb) if counts else None)
    if verb_category is not None and verb.endswith(("ed", "ing", "s", "kill", "hit", "held", "hurt")):
        return verb_category
    if len(words) > 1 and f"{words[-2]} {verb}" in _CUE_CATEGORY:
        return _CUE_CATEGORY[f"{words[-2]} {verb}"]
    if len(words) > 1 and verb == "of" and words[-2] in _CUE_CATEGORY:
        return _CUE_CATEGORY[words[-2]]  # "the evacuation of 3,000 residents"
    return None


def _change_subject_category(text: str, sentence_start: int, start: int) -> str | None:
    """The category of the noun a verb of change or level reports on: "the death toll from the
    storm has risen to 2,400" is killed, "the number of injured climbed to 500" injured, "the toll
    was revised down from 120 to 104" killed (both figures)."""
    window_start = max(sentence_start, start - CHANGE_SUBJECT_WINDOW)
    leading = _LEADING_WORDS.match(text, start)  # the verb read as the figure's qualifier: "passed 60"
    verb_end = leading.end() if leading is not None else start
    near = text[max(window_start, start - CHANGE_VERB_WINDOW) : verb_end].lower()
    set_to = (
        "killed"  # "updated the death toll from the collapse in Surfside to 11"
        if text.find("toll", window_start, start) >= 0 and _TOLL_SET_TO.search(text, window_start, verb_end)
        else _count_set_to(text, window_start, start)
    )
    if set_to is not None:
        return set_to
    if lowers_like_ignorecase(near) and _CHANGE_STEM.search(near) is None:
        return None  # a cheap test first: this runs for most figures without a category
    verb = _CHANGE_VERB_BEFORE.search(text, max(window_start, start - CHANGE_VERB_WINDOW), start)
    if verb is None and leading is not None:
        verb = _CHANGE_VERB_BEFORE.search(text, max(window_start, start - CHANGE_VERB_WINDOW), verb_end)
    if verb is None:
        return None
    subject_start = window_start
    for boundary in _SUBJECT_BOUNDARY.finditer(text, window_start, verb.start()):
        if boundary.group()[0].isdigit() and _MONTH_BEFORE.search(text, window_start, boundary.start()):
            continue  # "cases since March 1 stood at": a date, not a figure
        subject_start = boundary.end()  # no earlier clause or figure is the subject
    subject = text[subject_start : verb.start()]
    # the last head before the figure, past a figure in a relative clause ("the toll from the quake
    # that measured 6.8 has risen to"): "revised the toll down from 120 to"
    head = max(_SUBJECT_HEAD.finditer(text, window_start, verb.end()), key=lambda m: m.start(), default=None)
    cues = [cue for cue in _ALL_CUES.finditer(subject) if not _opens_a_name(subject, cue)]
    if head is not None and head.start() < subject_start and cues:
        head = None  # "cut its count of cases to 900, but said deaths had risen to 75": the clause's own noun
    if head is not None:
        if head.group("named") is None:
            return "killed"  # "the toll", "the death toll"
        cue = _ALL_CUES.search(head.group("named"))
        return _CUE_CATEGORY[cue.group("cue").lower()] if cue is not None else None
    return _CUE_CATEGORY[cues[-1].group("cue").lower()] if cues else None


def _count_set_to(text: str, window_start: int, start: int) -> str | None:
    """The category of a count a clause sets to the figure by what it names: "raising the case count
    to 223", "bringing the total confirmed cases since May to 663"."""
    window = text[window_start:start]
    if not ("count" in window or "total" in window or "tally" in window):
        return None
    counted = _COUNT_SET_TO.search(text, window_start, start)
    cue = _ALL_CUES.search(counted.group("named") + counted.group("after")) if counted is not None else None
    return _CUE_CATEGORY[cue.group("cue").lower()] if cue is not None else None


# A capitalised word after one in lower case, then another capitalised word: "in Death Valley",
# "near the Dead Sea" name a place, not what befell anyone (a title-case headline's "Earthquake Death
# Toll" has a capital before it).
_NAME_OPENING = re.compile(r"[a-z]+\s+$")
_NAME_GOES_ON = re.compile(r"\s+[A-Z]")


def _opens_a_name(text: str, cue: re.Match[str]) -> bool:
    """Whether a cue word is the first word of a name in mid-sentence ("Death Valley")."""
    return (
        cue.group()[0].isupper()
        and _NAME_GOES_ON.match(text, cue.end()) is not None
        and _NAME_OPENING.search(text, 0, cue.start()) is not None
    )


def _may_name_a_number(window: str) -> bool:
    """A cheap test before _NUMBER_WORDS (text with letters outside ASCII always goes to the
    expression, which knows foldings `str.lower` does not)."""
    if not lowers_like_ignorecase(window):
        return True
    lower = window.lower()
    return (
        "number" in lower or "total" in lower or "tally" in lower or "count" in lower or "estimate" in lower
    )


def protest_context(sentence: str) -> bool:
    """Whether the sentence is about a protest crowd, so a bare people count is a turnout figure."""
    if lowers_like_ignorecase(sentence):
        lower = sentence.lower()
        if not any(stem in lower for stem in _PROTEST_STEMS):
            return False
    words = {match.group().lower() for match in _PROTEST.finditer(sentence)}
    if words and words <= {"crowd", "crowds"} and _SPECTATOR_CONTEXT.search(sentence):
        return False  # "won 2-1 before a crowd of 45,000": spectators, not protesters
    return bool(words)


# Where a crowd watches or celebrates rather than protests.
_SPECTATOR_CONTEXT = re.compile(
    r"\b(?:won|beat|match|game|final|stadium|arena|fans|spectators|concert|festival|gig|tour|"
    r"season|league|cup|championship|race|parade|funeral|mourners|mass|pilgrims?|worshippers)\b",
    re.IGNORECASE,
)
# Every word _PROTEST finds holds one of these; a sentence without any is not about a protest.
_PROTEST_STEMS = ("protest", "rall", "demonstrat", "march", "turnout", "crowd")
_PROTEST = re.compile(
    r"\b(?:protest\w*|rall(?:y|ies|ied)|demonstrat\w+|(?-i:march(?:ed|es|ing|ers)?)|turnout|crowds?)\b",
    re.IGNORECASE,
)
