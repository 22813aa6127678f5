"""The language of attribution: reporting verbs, cue phrases, pronouns and title words, as a glossary.

Each table is a plain mapping or set that reads like a list of news-writing conventions; the regular
expressions built from them at import time are named after what they find and tested in
`tests/unit/test_extract_attribution.py`.
"""

from __future__ import annotations

import re
from typing import Final

from worker.extract.alternation import word_alternation
from worker.extract.lexicon import MONTH_NAMES, MULTIPLIER_WORDS, TENS_WORDS, UNITS_WORDS


def word_set(words: str) -> frozenset[str]:
    """A glossary table written as a block of words separated by white space."""
    return frozenset(words.split())


# Verbs of saying: the subject (or, inverted, the name after the verb) is the source of every figure
# in the clause the verb governs. Each form maps to the cue recorded with the claim.
SPEECH_VERBS: Final[dict[str, str]] = {
    "said": "said",
    "says": "says",
    "say": "say",
    "told": "told",
    "tells": "told",
    "reported": "reported",
    "confirmed": "confirmed",
    "confirms": "confirmed",
    "announced": "announced",
    "announces": "announced",
    "added": "added",
    "adds": "added",
    "stated": "stated",
    "noted": "noted",
    "warned": "warned",
    "warns": "warned",
    "claimed": "claimed",
    "claims": "claimed",
    "estimated": "estimated",
    "estimates": "estimates",
    "estimate": "estimate",
    "wrote": "wrote",
    "explained": "explained",
    "insisted": "insisted",
    "disclosed": "disclosed",
    "revealed": "revealed",
    "claim": "claimed",
    # a belief is a claim its holder makes: "police believe 40 people were inside"
    "believes": "believes",
    "believe": "believe",
    "thinks": "thinks",
    "guessed": "guessed",
    "concluded": "concluded",
    "stressed": "stressed",
    "emphasised": "emphasised",
    "emphasized": "emphasised",
    "acknowledged": "acknowledged",
    "admitted": "admitted",
    "asserted": "asserted",
    "maintained": "maintained",
    "specified": "specified",
    "indicated": "indicated",
    "indicates": "indicated",
    "mentioned": "mentioned",
    "assured": "assured",  # "assured residents that only 3 were hurt": a claim made to an audience
    "assures": "assured",
    "reassured": "assured",
    "informed": "informed",  # South Asian English: "the collector informed that 3,200 ..."
    "informs": "informed",
    "reiterated": "reiterated",
    "cautioned": "cautioned",
    "tweeted": "tweeted",
    "testified": "testified",
    "presumed": "presumed",
    "argued": "argued",
    "argues": "argued",
    "contended": "contended",
    "notes": "noted",
    "insists": "insisted",
    "explains": "explained",
    "writes": "wrote",
    "admits": "admitted",
    "acknowledges": "acknowledged",
    "reveals": "revealed",
    "stresses": "stressed",
    "recalled": "recalled",
    "suggested": "suggested",
    "suggests": "suggested",
    "conceded": "conceded",
    "alleged": "alleged",
    "alleges": "alleged",
    "observed": "observed",
    "remarked": "remarked",
    "calculated": "calculated",
    "reckoned": "reckoned",
    "reckons": "reckoned",
    "reckon": "reckoned",
    # present tense after a plural subject: "prosecutors allege", "critics argue", "analysts note"
    "allege": "alleged",
    "argue": "argued",
    "insist": "insisted",
    "contend": "contended",
    "contends": "contended",
    "maintain": "maintained",
    "maintains": "maintained",
    "assert": "asserted",
    "asserts": "asserted",
    "warn": "warned",
    "note": "noted",
    "stress": "stressed",
    "concede": "conceded",
    "concedes": "conceded",
    # "pointed out": a verb of saying only with "out" after it ("pointed to", "at one point" are not)
    "pointed": "pointed out",
    "points": "pointed out",
    "point": "pointed out",
    "complained": "complained",
    "complains": "complained",
    "complain": "complained",
    # verbs of saying only before "that" (see THAT_CLAUSE_VERBS)
    "charged": "charged",
    "boasted": "boasted",
    "highlighted": "highlighted",  # "highlighted that 150,000 had fled", not "highlighted the risk"
    "highlights": "highlighted",
    "states": "stated",  # "the bulletin states that ...", not "the Gulf states that border it"
    # "posted on its website that": saying only through a channel (see POSTING_VERBS)
    "posted": "posted",
    "posts": "posted",
    # "accused the council of wasting 3 million": a charge, with its object and "of" (see ACCUSING_VERBS)
    "accused": "accused",
    "accuses": "accused",
    "accuse": "accused",
}
POINTING_VERBS: Final[frozenset[str]] = frozenset({"pointed", "points", "point"})
# "The union charged that 900 were laid off", "the mayor boasted that ...": verbs of saying only with
# "that" after them ("police charged 30 men", "the town boasted a new stadium" are deeds).
THAT_CLAUSE_VERBS: Final[frozenset[str]] = frozenset(
    {"charged", "boasted", "highlighted", "highlights", "states"}
)
# Of those, the ones that are plural nouns too, verbs only after a speaker's head (`attribution`).
NOUN_LIKE_THAT_CLAUSE_VERBS: Final[frozenset[str]] = frozenset({"states"})
THAT_FOLLOWS_RE: Final = re.compile(r",?\s+that\b")
# Verbs of saying that take their audience first: a cue only when "that" follows the audience
# ("assured residents that ..."; "the insurer assured 400 homes" is cover, no claim).
AUDIENCE_THAT_VERBS: Final[frozenset[str]] = frozenset({"assured", "assures", "reassured"})
AUDIENCE_THAT_RE: Final = re.compile(r"\s+(?:[\w'’-]+\s+){1,4}?that\b")
# "The ministry posted on its website that ...", "the mayor posted on X:", "she posted that ...", and
# after what was said ("..., she posted.", "..., the mayor posted on X."): a verb of saying only with
# "that", a colon or nothing after it ("the bank posted a loss" is a result).
POSTING_VERBS: Final[frozenset[str]] = frozenset({"posted", "posts"})
POSTED_ON_RE: Final = re.compile(
    r"\s+that\b|\s+(?:on|to)\s+[^,.;:\"“]{1,40}?(?:,?\s+that\b|:|(?=[.!?]))|(?=[.!?]|,\s)"
)
ACCUSING_VERBS: Final[frozenset[str]] = frozenset({"accused", "accuses", "accuse"})
# The one accused and "of" after an accusing verb: "accused the ministry of", "accuse Tarvo's army of";
# never a count of people ("police accused 12 men of looting" is a deed).
ACCUSED_OF_RE: Final = re.compile(
    rf"\s+(?!\d|(?:{word_alternation({*UNITS_WORDS, *TENS_WORDS, *MULTIPLIER_WORDS})})\b)"
    r"(?:[\w'’.-]+\s+){1,5}?of\s+(?!\d)",
    re.IGNORECASE,
)

# "The company added 2,000 jobs", "it adds a fourth line": "added" followed by its object is a deed.
# As a verb of saying it is followed by "that", a clause, punctuation or the end of the sentence.
ADDED_AS_DEED_RE: Final = re.compile(
    r"\s+(?:\d|(?:a|an|another|some|about|around|nearly|almost|over|more|up|its|their|new|extra)\s)"
)

# Cue words that are also plural nouns, and the verbs that take them as their object: "the spokesman
# dismissed claims that 200 had quit" reports someone else's figure, and no one the text names.
NOUN_CUES: Final[frozenset[str]] = frozenset({"claims", "claim", "estimates", "estimate", "notes", "note"})
VERBS_TAKING_A_CLAIM: Final[frozenset[str]] = word_set(
    """
        dismissed dismisses dismiss rejected rejects reject denied denies deny disputed disputes dispute
        refuted refutes refute questioned questions question challenged challenges challenge contested
        contests contest repeated repeats echoed echoes made makes make doubted doubts doubt
    """
)

# An audience after "told", whose size is not the speaker's claim: "told a crowd of 1,500".
# Gatherings whose size is the occasion of speaking, not what was said.
_GATHERING_NOUNS = "crowd|audience|gathering|rally|meeting|assembly|congregation|hall|conference|delegation"
AUDIENCE_PHRASE_RE: Final = re.compile(
    rf"\s+(?:a|an|the|some)\s+(?:[\w\-]+\s+){{0,2}}?(?:{_GATHERING_NOUNS}|room|group)\s+of\s+[^,.;:]{{1,40}}"
)

# The setting a speaker addresses, named between the verb and its "that": "told supporters at a rally
# attended by 3,000 people that ...", "said at a meeting of 200 mayors that ...". Its size is the
# reporter's account of the occasion, not part of what was said.
AUDIENCE_SETTING_RE: Final = re.compile(
    rf"\b(?:{_GATHERING_NOUNS}|convention|event|ceremony|stadium|arena)s?\s+"
    r"(?:of|attended\s+by|packed\s+with|filled\s+with)\s+[^,.;:\"“”]{1,40}?(?=\s+that\b|[,;:]|$)"
)
# A participle clause that sets the scene of speaking ("Addressing 3,000 supporters in Lagos, the
# candidate said", "..., speaking at a rally of 800 farmers"): the reporter's framing, not the
# speaker's words. The first form is matched at the sentence's start, the second searched.
OPENING_SPEAKING_CLAUSE_RE: Final = re.compile(r"(?:Speaking|Addressing|Talking)\b[^,.;:]*")
TRAILING_SPEAKING_CLAUSE_RE: Final = re.compile(r",\s+(?:speaking|addressing|talking)\b[^,.;:]*")
# Where a speech verb's reported clause opens: "that", a colon or a quotation mark.
REPORTED_CLAUSE_OPENING_RE: Final = re.compile(r"\sthat\b|:\s|[\"“]")
# How far after the verb that opening may stand for the words between to be its setting.
SETTING_WINDOW: Final = 120

# Objects that turn a cue verb into a deed: "the militia claimed responsibility", "the floods claimed 30
# lives", "the bank wrote off $5 million" report no one's figure.
DEED_OBJECT_RE: Final = re.compile(
    r"\s+(?:(?:the\s+)?(?:responsibility|credit|victory|lives)|off|down"
    # "the quake claimed over 3,000 lives"
    r"|(?:(?:over|more\s+than|at\s+least|about|nearly|almost|some|another)\s+)?[\d,.]+"
    r"(?:\s+(?:million|thousand))?\s+(?:more\s+|other\s+|human\s+)?lives)\b"
)

# Verbs of counting, measuring and forecasting: their subject is the source only when it is a body or
# a person that keeps figures ("the mission recorded"), never a place ("Norland has logged").
COUNTING_VERBS: Final[dict[str, str]] = {
    "recorded": "recorded",
    "counted": "counted",
    "tracked": "tracked",
    "measured": "measured",
    "logged": "logged",
    "registered": "registered",
    "verified": "verified",
    "documented": "documented",
    "tallied": "tallied",
    "found": "found",
    "finds": "found",
    "put": "put",
    "puts": "put",
    "placed": "placed",
    "expects": "expects",
    "expected": "expected",
    "expect": "expects",
    "forecast": "forecast",
    "forecasts": "forecast",
    "projected": "projected",
    "predicted": "predicted",
    "predicts": "predicted",
    "projects": "projected",
    "anticipates": "expects",
    "anticipated": "expected",
    "calculated": "calculated",
    "calculates": "calculated",
    # "the bank sees inflation at 3.1 percent": a forecast, only with a value after "at"
    "sees": "sees",
    "see": "sees",
    **{verb: verb for verb in ("revised", "raised", "lowered", "updated")},
}

# Verbs that report a figure only when their object is a count or an estimate: "the ministry revised
# the toll to 95" (the ministry's figure), "the bank raised rates to 5 percent" (a deed).
REVISING_VERBS: Final[frozenset[str]] = frozenset({"revised", "raised", "lowered", "updated"})
REVISED_OBJECT_RE: Final = re.compile(
    r"\s+(?:(?:the|its|their|his|her)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:toll|count|tally|figure|figures|estimate|estimates|forecast|forecasts|projection|number)\b",
    re.IGNORECASE,
)

# Cues of forecasting: a forecast is a statement, so its subject is checked as a speaker's is
# ("Ruiz predicted"), not as a keeper of records.
FORECAST_CUES: Final[frozenset[str]] = frozenset({"expects", "forecast", "projected", "predicted", "sees"})

# Nouns after "according to" that say how something went, not where a figure comes from.
MANNER_NOUNS: Final[frozenset[str]] = word_set(
    """
        plan plans schedule tradition custom law laws rule rules script design protocol procedure
        procedures legend myth program programme agreement
    """
)

# Verbs whose subject is a document rather than a speaker: "budget documents show".
DOCUMENT_VERBS: Final[dict[str, str]] = {
    "show": "show",
    "shows": "show",
    "showed": "show",
    "list": "list",
    "lists": "list",
    "listed": "list",
    "indicate": "indicate",
    "suggest": "suggest",  # "estimates from the institute suggest"; "suggests" is a speech verb
    # "A Marlow poll had Quint at 45 percent", "the latest survey gives her a 4-point lead": read only
    # after a document noun (see HAVING_VERBS), as "had" and "gives" are everywhere
    "had": "had",
    "has": "has",
    "gave": "gave",
    "gives": "gives",
    "have": "have",  # "the exit polls have the Greens on 141 seats"
    "give": "give",
}
# Document verbs that are common words: a cue only with a document noun shortly before them.
HAVING_VERBS: Final[frozenset[str]] = frozenset({"had", "has", "have", "gave", "gives", "give"})

# Verbs that credit a figure only in the passive, with the agent after "by": "the figures were
# released by the ministry". Every cue verb does the same ("were confirmed by the WHO"). Verbs of
# doing ("supplied by Britain", "provided by the US") name an actor, not a source, and are left out.
AGENTIVE_VERBS: Final[frozenset[str]] = frozenset(
    {"released", "published", "issued", "compiled", "analysed", "analyzed", "cited"}
)

# Verbs of giving that credit their subject only in the active voice with a document after them:
# "the ministry provided an update", "the agency shared figures". "Aid provided by the US" names a
# donor, no source, so they have no passive reading.
PROVIDING_VERBS: Final[frozenset[str]] = frozenset({"provided", "provides", "shared", "shares", "presented"})

# "RIA quoted the governor as saying 40 died": the person quoted is the source, as the origin of the
# figure in a chain of reporting.
QUOTED_AS_SAYING_RE: Final = re.compile(
    r"(?:\s+(?P<np>[^,.;:]{2,80}?))?\s+as\s+(?:say(?:ing)?|estimating|putting|reporting|stating|confirming)\b"
)

# The kind of outlet written after its name: "the Velm Daily newspaper", "Tarsa Radio broadcaster".
OUTLET_KIND_NOUNS: Final[frozenset[str]] = word_set(
    "newspaper paper magazine weekly daily broadcaster channel television radio"
)

# Nouns for a body of figures. "X's figures", "figures from X" credit X; "figures show" alone credits
# no one.
DOCUMENT_NOUNS: Final[frozenset[str]] = word_set(
    """
        figures figure data statistics count tally estimate estimates report forecast forecasts numbers
        records documents statement census survey tallies assessment projections toll poll polls
        surveys study studies results findings projection analysis audit filing filings update updates
        bulletin bulletins claim claims imagery images website websites dashboard database document
        memo memos research expectations
    """
)

# Documents that are findings in their own right: "a poll found", "exit polls show", "according to
# the report" credit the document when no owner is named ("figures show" alone credits no one).
FINDING_DOCUMENTS: Final[frozenset[str]] = word_set(
    """
        poll polls survey surveys study studies report reports census analysis audit review records
        documents results findings projection projections assessment tally tallies investigation
        update bulletin document memo memos research
    """
)

# Cue phrases that name the source after them.
PREPOSED_CUES: Final[dict[str, str]] = {
    "according to": "according to",
    "as per": "according to",  # South Asian English: "as per the NDMA"
    "per": "according to",  # "..., per figures from the health bureau" (after a comma, `_preposed_phrase`)
    "citing": "citing",
    "quoting": "citing",
    "as reported by": "reported",
    # "the toll as estimated by the health office was 420": a past participle with its agent
    "as estimated by": "estimated",
    "as announced by": "announced",
    "as confirmed by": "confirmed",
    "as recorded by": "recorded",
}

# Words that may stand between a subject and its verb without being part of the subject.
AUXILIARIES: Final[frozenset[str]] = word_set(
    """
        has have had also earlier later previously separately again already now then would will could
        may might did does do yet first initially last yesterday today overnight alone itself themselves
        meanwhile since recently reportedly further additionally subsequently likewise can cannot
        should must shall
    """
)

WEEKDAYS: Final[frozenset[str]] = word_set(
    """
        monday tuesday wednesday thursday friday saturday sunday
    """
)

# Pronouns by what they can refer to.
PERSON_PRONOUNS: Final[frozenset[str]] = frozenset({"he", "she", "him", "his", "her"})
BODY_PRONOUNS: Final[frozenset[str]] = frozenset({"it", "its"})
PLURAL_PRONOUNS: Final[frozenset[str]] = frozenset({"they", "them", "their"})
SUBJECT_PRONOUNS: Final[frozenset[str]] = word_set(
    """
        he she it they we i
    """
)
# "We have counted 56 bodies," said the director: a first person is the speaker of a quote, named
# by the cue outside it.
FIRST_PERSON: Final[frozenset[str]] = frozenset({"we", "i"})
PRONOUNS: Final[frozenset[str]] = PERSON_PRONOUNS | BODY_PRONOUNS | PLURAL_PRONOUNS | {"we", "i"}

DETERMINERS: Final[frozenset[str]] = word_set(
    """
        the a an its their his her this that these those such of our
    """
)

PREPOSITIONS: Final[frozenset[str]] = word_set(
    """
        in on at during since after before by for from with under over as of until among across
        throughout within also meanwhile separately earlier later then but yet still and yesterday today
        tonight now
    """
)

# Words that open a new clause inside a comma segment: the subject of a later verb starts after them.
CLAUSE_OPENERS: Final[frozenset[str]] = word_set(
    """
        when where while whereas as after because if whether although though but so that which who whom
        whose before once until unless
    """
)
RELATIVE_PRONOUNS: Final[frozenset[str]] = frozenset({"which", "who", "whose", "whom"})

# Words that make a person's title; a name follows the last of them ("ministry spokesman Karim
# al-Hadi", "Lt. Gen. Ivo Marek").
TITLE_WORDS: Final[frozenset[str]] = word_set(
    """
        president minister secretary spokesman spokeswoman spokesperson commander chief head director
        coordinator administrator governor mayor official correspondent reporter envoy ambassador
        general gen. gen lt. lt col. adm. adm maj. capt. sgt. dr dr. prof. mr mr. mrs mrs. ms ms. major
        colonel lieutenant admiral convenor chairman chairwoman chairperson chair leader secretary-general
        representative adviser advisor analyst economist professor senator lawmaker deputy chancellor
        premier king queen prince sheikh judge prosecutor researcher manager executive ceo founder
        officer captain superintendent inspector commissioner rapporteur coroner physician doctor
        ombudsman ombudswoman attorney spokesmen sergeant constable sheriff detective ranger warden
        marshal treasurer auditor comptroller speaker nominee congressman congresswoman businessman
        businesswoman billionaire frontrunner incumbent challenger supt supt. insp insp. det. sen. rep. gov.
        cmdr cmdr. brig brig. director-general inspector-general attorney-general auditor-general
        surgeon-general governor-general commander-in-chief usec usec. asec asec. sp dsp asp ssp acp
        dcp igp dig sho pm alhaji hajia engr engr. atty atty. rev rev. barrister
    """
)
# The titles written as abbreviations, without their full stop ("gov", "lt"): that full stop ends no
# sentence and no phrase ("Gov. Ana Ruiz").
TITLE_ABBREVIATIONS: Final[frozenset[str]] = frozenset(
    word.removesuffix(".") for word in TITLE_WORDS if word.endswith(".")
)
# Titles that are titles only with their full stop: "Hon. Ama Akello", "Sec. Jose Cruz" (without it,
# "Hon Hai" is a company and "SEC" a regulator).
DOTTED_TITLES: Final[frozenset[str]] = frozenset({"hon.", "sec."})

# Lower-case particles inside personal names.
NAME_PARTICLES: Final[frozenset[str]] = word_set(
    """
        al el bin ibn de di da van von der du la le abu ben dos
    """
)


def with_plurals(singulars: frozenset[str]) -> frozenset[str]:
    """Each noun with its regular plural: "spokesman" and "spokesmen", "deputy" and "deputies",
    "witness" and "witnesses", "spokesperson" and "spokespeople"."""
    forms = set(singulars)
    for word in singulars:
        if word.endswith("person"):
            forms.add(word[: -len("person")] + "people")
        elif word.endswith("man"):
            forms.add(word[: -len("man")] + "men")
        elif word.endswith("fe"):
            forms.add(word[: -len("fe")] + "ves")
        elif word.endswith("y") and word[-2:-1] not in ("a", "e", "o", "u"):
            forms.add(word[:-1] + "ies")
        elif word.endswith(("s", "sh", "ch", "x")):
            forms.add(word + "es")
        else:
            forms.add(word + "s")
    return frozenset(forms)


# A member of a party or a political current, a word that names one politician the text named before
# ("The Democrat said"), capitalised or not.
PARTY_MEMBERS: Final[frozenset[str]] = word_set(
    """
        democrat republican conservative tory liberal socialist nationalist populist centrist
    """
)

# People by office, trade or tie who speak in the news ("the whip said", "an organiser said",
# "relatives told reporters"). Coverage: every person noun of TITLE_WORDS and PERSON_ROLE_HEADS
# written out in full, the trades and roles that report figures in news (emergency, health, law,
# politics, business, science, the press), the people at the scene and their kin. Written in the
# singular; the plural is derived. Roles whose plural is a common verb ("chairs", "coaches") are left
# out: "who chairs the panel" is no speaker.
SPEAKER_ROLES: Final[frozenset[str]] = (
    word_set(
        """
        spokesman spokeswoman spokesperson official minister governor mayor president secretary chief
        director commander coordinator correspondent envoy representative administrator chairman
        chairwoman chairperson treasurer executive founder ceo manager boss leader head deputy premier
        chancellor king queen prince sheikh ambassador diplomat negotiator strategist adviser advisor
        aide insider staffer whip clerk convenor councillor councilor alderman legislator lawmaker
        senator congressman congresswoman speaker nominee candidate incumbent challenger frontrunner
        pollster campaigner activist organiser organizer protester protestor demonstrator volunteer
        prosecutor judge magistrate attorney lawyer barrister solicitor ombudsman ombudswoman
        rapporteur coroner investigator detective inspector superintendent commissioner prefect sergeant
        constable sheriff marshal warden ranger officer captain admiral colonel lieutenant soldier general
        brigadier
        veteran doctor physician surgeon nurse medic paramedic pharmacist rescuer firefighter lifeguard
        expert economist analyst researcher scientist professor academic scholar historian
        demographer statistician epidemiologist forecaster meteorologist seismologist geologist
        engineer auditor comptroller accountant banker trader dealer broker consultant owner landlord vendor
        shopkeeper farmer fisherman worker employee teacher student pilot reporter journalist
        editor columnist commentator source resident villager witness eyewitness survivor relative
        parent brother sister mother father son daughter wife husband cousin uncle aunt neighbour
        neighbor friend colleague rebel insurgent militant fighter observer businessman businesswoman
        billionaire collector supporter critic opponent backer ally rival member voter delegate participant
        passenger customer tenant patient victim citizen mediator peacekeeper responder examiner
        pathologist gravedigger driver sailor crewman refugee migrant detainee hostage prisoner inmate
        defector settler pilgrim tourist person secretary-general director-general sponsor proponent
        author advocate detractor sceptic skeptic
        inspector-general attorney-general auditor-general surgeon-general governor-general
        commander-in-chief
    """
    )
    | PARTY_MEMBERS
)

# Words that describe a person by title or role ("the county clerk", "press secretary").
ROLE_WORDS: Final[frozenset[str]] = TITLE_WORDS | SPEAKER_ROLES

# Head nouns of bodies and people that can be a source, each with its plural ("regulators said"). A
# subject without one of these, a proper name or a pronoun is not taken for a speaker ("the storms
# said" is not news language).
SOURCE_HEADS: Final[frozenset[str]] = with_plurals(
    SPEAKER_ROLES
    | word_set(
        """
        ministry agency council mission organisation organization group union unions directorate
        institute centre center committee watchdog office department authority authorities military army
        government body charity foundation company firm bureau service services documents commission
        front coalition movement police prefecture headquarters force forces guard administration court
        media outlets newspaper broadcaster television tv radio survey bank tallies figures data statistics
        estimates report regulator navy junta team staff hospital hospitals association federation
        archive prefectures people monitor monitors observatory agencies ministries groups tally count
        consortium network board operator utility producer census poll guild study division unit panel
        secretariat inspectorate squad polls surveys studies results findings projection projections
        analysis audit review reports update bulletin retailer carrier airline lender insurer
        manufacturer maker conglomerate campaign coastguard fund funds lab labs laboratory laboratories
        defence defense embassy consulate parliament senate congress assembly cabinet party parties
        tribunal university college clinic clinics brigade militia militias exchange bloc alliance
        opposition prison school airport station trust society chamber ngo ngos club league grocer
        supermarket automaker carmaker miner shipper courier developer publisher chipmaker brewer
        distributor supplier startup family families port treasury presidency palace customs registry
        inquiry patrol management delegation drugmaker planemaker steelmaker shipbuilder refiner exporter
        giant scorekeeper tracker think-tank thinktank statement document memo prosecution
    """
    )
)

# Words that stand alone at the start of a sentence or clause and are never a source, though they
# are capitalised there: "All told, ...", "However, the official said", "Other reported cases".
DISCOURSE_WORDS: Final[frozenset[str]] = word_set(
    """
        all other others however meanwhile moreover furthermore still yet so overall instead also both
        each many most some several few such this that these those there here then thus hence besides
        nevertheless nonetheless specifically separately additionally altogether earlier later again
        first finally indeed instead likewise similarly otherwise consequently today yesterday
    """
)

# Acronyms of bodies (in the alias table or the source-type keywords) whose letters spell an ordinary
# word: written in lower case they are that word ("people who", "the map", "let us"), never the
# body, so they are matched on the text as written. Coverage: every such acronym that spells an
# English word or a French article.
LOWER_CASE_ACRONYM_WORDS: Final[frozenset[str]] = word_set(
    """
        who map us un ap aid tass
    """
)

# Heads that name a place, not a body: "the district of X reported 7 deaths" says where they happened
# (SPEC: a place that reports its own figures is not a source), unless a source head goes with it
# ("the district council", "the state government").
PLACE_HEADS: Final[frozenset[str]] = word_set(
    """
        district state province county city town village region country municipality island area zone
        capital neighbourhood neighborhood suburb territory continent
    """
)

# Of those heads, the ones a speaker may be, but a keeper of figures may not: "residents said" is a
# source, "people who fled the valley had found bodies" is not a count.
NON_COUNTING_HEADS: Final[frozenset[str]] = word_set(
    """
        people residents resident witnesses witness survivors villagers sources source aide aides
        insider insiders diplomat diplomats negotiator negotiators strategist strategists staffer
        staffers legislator legislators senator senators candidate candidates refugee refugees migrant
        migrants detainee detainees hostage hostages prisoner prisoners inmate inmates defector
        defectors settler settlers pilgrim pilgrims tourist tourists
    """
)

# Heads of person roles: "the spokesman", "the official" refer back to a person. Roles that are
# someone's tie to another ("her deputy", "his aide", "an adviser") are left out: they name a second
# person.
PERSON_ROLE_HEADS: Final[frozenset[str]] = (
    word_set(
        """
        spokesman spokeswoman spokesperson official minister governor mayor representative director
        commander chief coordinator president secretary envoy administrator resident witness
        correspondent head officer manager chairman chairwoman chairperson ceo executive founder boss
        treasurer leader
        senator speaker nominee candidate congressman congresswoman businessman businesswoman billionaire
        lawmaker legislator incumbent challenger commissioner prefect superintendent inspector coroner
        judge prosecutor ambassador diplomat premier chancellor sheriff councillor councilor captain
        colonel investigator detective rapporteur ombudsman attorney lawyer doctor physician surgeon
        economist analyst researcher scientist expert professor
    """
    )
    | PARTY_MEMBERS
)

# Adjectives that describe a body without picking out another one: "the fiscal watchdog", "the UN
# health agency" can refer back to a body named earlier.
DESCRIPTIVE_ADJECTIVES: Final[frozenset[str]] = word_set(
    """
        fiscal un u.n. health aid rights humanitarian statistics statistical national federal same
        refugee migration relief disaster medical global international independent local official state
        government nation's country's world main top agency's ministry's monitoring human environmental
        weather meteorological space nuclear charity group's budget election electoral regional
        provincial municipal city county district online private listed
    """
)
# Compound adjectives that say where a body sits or who runs it ("the Britain-based monitor", "the
# state-run broadcaster"): descriptive like the words above, whatever comes before the hyphen.
DESCRIPTIVE_COMPOUND_ENDINGS: Final[tuple[str, ...]] = ("-based", "-run", "-backed", "-funded", "-owned")

# Generic words before a document noun that do not name its owner: "recent figures", "the latest data".
GENERIC_DOCUMENT_ADJECTIVES: Final[frozenset[str]] = word_set(
    """
        recent latest new official preliminary provisional initial final updated revised daily weekly
        monthly annual the a an these those such its their earlier later previous own other some
        early first last current original unofficial independent separate conflicting differing
        various rough conservative partial unconfirmed unverified several multiple
    """
)

# Passive and adjective uses of a cue verb: "is estimated", "an estimated 2.6 million".
PASSIVE_MARKERS: Final[frozenset[str]] = word_set(
    """
        is are was were be been being 's the a an its their not never n't cannot to his her of this that
    """
)

# Adverbs skipped when looking back from a cue verb for a passive or negation marker.
SKIPPABLE_ADVERBS: Final[frozenset[str]] = word_set(
    """
        also later now still widely generally already first officially earlier previously yet
        independently initially provisionally only originally repeatedly publicly separately
        significantly sharply formally subsequently again drastically dramatically considerably
        substantially markedly slightly partially partly quietly hastily abruptly swiftly quickly
        steadily gradually belatedly jointly privately reportedly recently roughly broadly each both
    """
)

# Objects of "told" that are the audience, kept in the cue: "told reporters".
AUDIENCE_WORDS: Final[frozenset[str]] = frozenset({"reporters", "journalists"})


# "put"/"placed" cue a figure only when a value follows soon after ("put the toll at 40"), not in
# "put pressure on".
VALUE_FOLLOWS_RE: Final = re.compile(
    r"(?:\s+[\w'’\-.]+){0,10}?\s+(?:at|about|some|around|as|between|closer\s+to|close\s+to|nearer|near)\s"
    # a count named at length before its value: "put the number of migrants missing along the
    # central route from Africa to Italy at 385"
    r"|\s+(?:the|its|their)\s+(?:[\w-]+\s+)?(?:number|toll|figure|tally|count|total)\b(?:\s+[\w'’\-.]+){0,20}?\s+at\s"
    # a poll's share for a party or person: "put the Greens on 14%", words with no figure between
    r"|(?:\s+[^\W\d][\w'’\-.]*){1,6}?\s+on\s+(?:(?:about|around|roughly|just|only)\s+)?\d[\d.]*\s?(?:%|per\s?cent|percent)"
)

# "sees growth at 2 percent", "sees the deficit at about $40 billion", "see inflation averaging 4.5%": the
# value right after "at", "of" or a verb of its level.
SEEN_AT_VALUE_RE: Final = re.compile(
    r"(?:\s+[\w'’-]+){1,4}?\s+(?:at|of|(?:averaging|rising|falling|growing|expanding|contracting|"
    r"climbing|dropping|slowing|easing|reaching|hitting|peaking)(?:\s+(?:to|by))?)\s+"
    r"(?:(?:about|around|roughly|some|just|only)\s+)?[$€£¥₹]?\d"
)

# Participles of saying after a comma: "the leader disputed the figure, saying only 200 were new"
# credits the subject of the clause they hang on, whatever its own verb. Each maps to its cue.
SPEECH_PARTICIPLES: Final[dict[str, str]] = {
    "saying": "said",
    "adding": "added",
    "noting": "noted",
    "insisting": "insisted",
    "arguing": "argued",
    "stressing": "stressed",
    "explaining": "explained",
    "claiming": "claimed",
    "estimating": "estimated",
    "putting": "put",
    "counting": "counted",
    "stating": "stated",
    "warning": "warned",
    "confirming": "confirmed",
}

# The subject of an absolute construction right before its participle: "with organisers claiming
# 200,000", "and police putting the figure at 45,000".
ABSOLUTE_SUBJECT_RE: Final = re.compile(
    r"\b(?:with|and)\s+(?P<np>(?:the\s+|some\s+|local\s+)?[\w'’.-]+(?:\s+[\w'’.-]+){0,3}?)\s+$"
)

# Every word a sentence is read for, and what kind of cue it is. A sentence is scanned once, word by
# word, and most of its words are looked up here and dropped.
# Verbs that report speech only right after a quotation ("“...,” elaborated Abel Moss", "“...,” he
# continued"): elsewhere they are deeds ("the rain continued"), so they are no cue words of their own.
QUOTE_TAIL_VERBS: Final[dict[str, str]] = {
    verb: verb
    for verb in ("continued", "elaborated", "recounted", "lamented", "replied", "responded", "quipped")
}

CUE_WORDS: Final[dict[str, str]] = {
    **dict.fromkeys(DOCUMENT_NOUNS - {"statement", "documents", "records"}, "document_noun"),
    **dict.fromkeys(AGENTIVE_VERBS, "agentive"),
    **dict.fromkeys(PROVIDING_VERBS, "providing"),
    **dict.fromkeys(DOCUMENT_VERBS, "document"),
    **dict.fromkeys(COUNTING_VERBS, "counting"),
    **dict.fromkeys(SPEECH_VERBS, "speech"),
    "quoted": "quoted",
    "quotes": "quoted",  # "the agency quotes the governor as saying"
    **dict.fromkeys(SPEECH_PARTICIPLES, "participle"),
    **{first.capitalize(): "preposed" for first in (cue.split()[0] for cue in PREPOSED_CUES)},
    **dict.fromkeys((cue.split()[0] for cue in PREPOSED_CUES), "preposed"),
}

# The words of a sentence, looked up in CUE_WORDS.
LETTERS_RE: Final = re.compile(r"[A-Za-z]+")

# The marks that end a clause. A cue reaches forward across one only when the mark follows the cue
# itself ("said: ...") or what follows is a verbless list of figures ("X said 17 in A; 9 in B",
# "grants — 900 euros each"); a cue standing after the figures reaches back across a semicolon
# ("about 70 ...; a few of them ..., De Luca said").
CLAUSE_MARK_RE: Final = re.compile(r";|:(?=\s)|\s[—–-]\s")

# "X's figures", "its count", "the bureau's county-level data": a document noun, and before it a
# possessor with at most two words between.
POSSESSED_DOCUMENT_NOUN_RE: Final = re.compile(
    rf"\b(?:{word_alternation(DOCUMENT_NOUNS - {'statement', 'documents', 'records'})})\b"
)
_POSSESSOR_BEFORE_RE: Final = re.compile(
    r"(?P<owner>\b(?:[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)|[\w\-.]+(?:'s|’s|s'|s’))"
    # two words at most ("its earlier reported death toll" is a reported toll, no one's), or three
    # that name something by its acronym in brackets ("its consumer price index (CPI) forecast")
    r"(?P<between>(?:\s+[a-z0-9][\w\-]*){0,2}?|(?:\s+[a-z0-9][\w\-]*){1,3}\s*\([A-Z][A-Za-z0-9&]{1,9}\))\s+$"
)
# A named owner may give its acronym and three words before its document: "the Relief Authority's
# (RA) daily flood situation report".
_NAMED_POSSESSOR_BEFORE_RE: Final = re.compile(
    r"(?P<owner>[\w\-.]+(?:'s|’s|s'|s’))(?:\s*\([A-Z][A-Za-z0-9&]{1,9}\))?"
    r"(?P<between>(?:\s+[a-z0-9][\w\-]*){0,3}?)\s+$"
)


# The possessive pronouns `_POSSESSOR_BEFORE_RE` reads, as a word ends on them.
_POSSESSIVE_PRONOUN_ENDS = ("its", "Its", "their", "Their", "his", "His", "her", "Her")


def possessor_before(text: str, start: int, end: int) -> re.Match[str] | None:
    """The possessor of a document noun at `end` ("its", "the ministry's") and the words between
    them (groups "owner" and "between")."""
    # A cheap test first: the owner stands in the last five words (itself, an acronym in brackets,
    # three words between), as an apostrophe or at the end of a possessive pronoun. Most nouns have
    # no owner, and both patterns would search every position of the window.
    last_words = text[start:end].rsplit(None, 5)[-5:]
    if not any("'" in word or "’" in word or word.endswith(_POSSESSIVE_PRONOUN_ENDS) for word in last_words):
        return None
    return _POSSESSOR_BEFORE_RE.search(text, start, end) or _NAMED_POSSESSOR_BEFORE_RE.search(
        text, start, end
    )


# Words around a possessive document phrase that make it govern a clause: "By the ministry's
# estimate, ...", "cutting its forecast to 2 per cent", "X's data show ...".
# The nouns of a label that opens a bracket before the figure it gives, as another source's figure
# beside the sentence's own: "(police estimate 5,500)", "(official tally: 167)".
BRACKET_LABEL_NOUNS: Final = r"estimates?|tally|tallies|counts?|figures?|toll|data"
POSSESSIVE_LEAD_RE: Final = re.compile(
    r"\b(?:cutting|cut|raising|raised|lowering|lowered|revising|revised|trimming|trimmed|lifting|lifted|"
    r"increasing|increased|reducing|reduced|upgrading|upgraded|downgrading|downgraded)\s+$",
    re.IGNORECASE,
)
POSSESSIVE_FOLLOW_RE: Final = re.compile(
    r"(?:\s+[\w\-]+){0,4}?\s+(?:show|shows|showed|include|includes|included|put|puts|indicate|indicates|"
    r"say|says|said|stood|stands|was|were|is|are|rose|fell|reached|for)\b"
)

# Phrases between a subject and its verb: "the guild on its own claimed", "... last week had expected".
TRAILING_PHRASE_RE: Final = re.compile(
    r"\s(?:on\s+(?:its|their|his|her)\s+own|for\s+(?:its|their|his|her|our)\s+part"
    r"|last\s+(?:week|month|year|night)|this\s+(?:week|month|year)"
    # "in a statement", "in a state-wide televised address": where the words were said
    r"|in\s+(?:a|an|its|his|her|their)\s+(?:[\w-]+\s+){0,3}?(?:statement|address|speech|interview|broadcast"
    r"|conference|briefing|post|message|video)|for\s+the\s+first\s+time|(?:late|early)\s+on|(?:so|thus)\s+far"
    # "a Velmar Institute poll for the Daily Courier found": whom a poll was made for
    r"|(?:(?<=poll\s)|(?<=survey\s)|(?<=study\s))for\s+(?:the\s+)?(?:[A-Z][\w'’.&-]*\s+){0,4}[A-Z][\w'’.&-]*"
    # "a survey released Monday found", "a poll conducted June 3-5 showed": when and how a document
    # came out
    r"|(?:released|published|issued|conducted|commissioned|carried\s+out)"
    r"(?:\s+(?:(?:on|in|from|between)\s+)?(?:today|yesterday|last\s+\w+|this\s+\w+|earlier"
    r"|(?:the\s+)?(?:same|following|previous|next)\s+day|that\s+day"
    rf"|(?:{word_alternation(MONTH_NAMES)})(?:\s+\d{{1,2}}(?:\s*(?:-|–|to|and)\s*\d{{1,2}})?)?))?)$",
    re.IGNORECASE,
)

# A discourse adverbial set off by commas between a subject and its verb: "the UN, however, said",
# "the council, for its part, estimated".
PARENTHETICAL_ADVERBIAL_RE: Final = re.compile(
    r",\s*(?:however|meanwhile|though|too|also|in\s+turn|in\s+response|instead|separately|nonetheless"
    r"|for\s+(?:its|their|his|her)\s+part|in\s+a\s+statement|on\s+\w+day)\s*,$",
    re.IGNORECASE,
)

# A contrasting clause and the first words of its subject: ", while the government sent ...".
CONTRASTING_CLAUSE_RE: Final = re.compile(
    r",\s+(?:while|whereas|but)\s+(?P<np>(?:the\s+|a\s+)?[\w'’\-.]+(?:\s+[a-z][\w'’\-.]*)?)"
)

# A headline that names its source after a dash: "Flood deaths climb to 412 - Civil Defence".
HEADLINE_SOURCE_RE: Final = re.compile(r"\s[-–—]\s(?P<np>(?:[\w'’.\-]+\s){0,3}[\w'’.\-]+)\s*$")

# Heads of descriptions that may stand for a body named earlier under another name: "the fiscal
# watchdog" for the Office for Rail Statistics. A description with another head ("the ministry",
# "the union") refers only to a body whose name holds that head.
# Epithets of a business, which a description with words of its trade ("the courier firm", "the
# online retailer") may use for a business the text named before.
TRADE_EPITHETS: Final[frozenset[str]] = word_set(
    """
        company firm retailer carrier airline lender insurer manufacturer maker operator producer
        broadcaster conglomerate giant chain grocer supermarket automaker carmaker miner shipper
        courier developer publisher chipmaker brewer distributor supplier startup drugmaker planemaker
        steelmaker shipbuilder refiner exporter
    """
)
EPITHET_HEADS: Final[frozenset[str]] = TRADE_EPITHETS | word_set(
    """
        watchdog agency body group organisation organization charity regulator monitor institution
        outfit agencies bodies groups organisations organizations charities newspaper outlet society
        fund programme program network alliance coalition federation association foundation platform
    """
)

# A name that a title word introduces, and the parts of a personal name.
NAME_TOKEN_RE: Final = re.compile(r"^(?:[A-Z][\w'’\-.]*|(?:al|el|bin|ibn|abu|ben)-[\w'’\-]+)$")
# A word of a personal name: capitalised with a lower-case letter ("McKay", not "U.N" or "CNN"), an
# initial ("S."), or a particle joined to the name ("al-Hadi").
PERSONAL_NAME_TOKEN_RE: Final = re.compile(
    r"^(?:[A-Z][\w'’\-]*[a-z][\w'’\-]*|(?:[A-Z]\.){1,3}|(?:al|el|bin|ibn|abu|ben)-[\w'’\-]+)$"
)
# An acronym, plain or dotted ("UN", "U.N."), not a model number written like one ("A320", "F16",
# "MH17").
ACRONYM_RE: Final = re.compile(r"^(?:(?![A-Z]{1,2}\d{2,}$)[A-Z][A-Z0-9&]{1,7}|(?:[A-Z]\.){2,4})$")
WORD_RE: Final = re.compile(r"[\w'’\-.&]+")

# The agent of a passive cue verb: "were confirmed by the WHO".
AGENT_RE: Final = re.compile(r"\s+by\s+")

# An acronym given in parentheses after the full name: "the Northern Rivers Water Board
# (NRWB)".
PARENTHESISED_ACRONYM_RE: Final = re.compile(r"\s*\((?P<acronym>[A-Z][A-Za-z0-9&]{1,9})\)")

# A cue phrase that introduces a document before its owner: "figures from the NRWB", "a statement
# from the Ministry of Transport".
DOCUMENT_FROM_RE: Final = re.compile(
    r"^(?:(?:a|an|the)\s+)?(?:[\w\-]+\s+){0,2}?(?:"
    # "information" names figures only before their owner ("information from the board"): it is
    # no cue word of its own
    + word_alternation(DOCUMENT_NOUNS | {"information"})
    # "released by", "released on Thursday by", "published last week by", "conducted by"
    + r")\s+(?:from|by|of|(?:released|published|compiled|analy[sz]ed|issued|conducted|commissioned"
    # "documents obtained by the Herald", "data provided by the clerk", "a report given by the
    # doctors' union": whoever has given them out
    + r"|obtained|provided|supplied|shared|given|carried\s+out)"
    + r"(?:\s+(?:on|late|early|last|this)?\s*(?:[A-Z][a-z]+|week|month|year|today|yesterday))?\s+by)\s+",
    re.IGNORECASE,
)

# A source and figure after a comma in a clause that copies an earlier cue: "the city police counted
# 9,000, the organisers 40,000", "and the Red Cross a provisional 75", "the police counted 9,000 and
# the guild 31,000".
GAPPED_SOURCE_RE: Final = re.compile(
    r"(?:[,;]\s+(?:and\s+)?|\s+and\s+)(?P<np>(?:the\s+)?(?:[A-Z][\w\-.'’]*\s+){0,4}?[\w\-.'’]+)"
    # "; the unions, 40,000": a comma may stand for the verb left out
    r",?\s+(?:(?:a|an|some|another)\s+)?(?:(?:provisional|preliminary|further|total\s+of)\s+)?$"
)
