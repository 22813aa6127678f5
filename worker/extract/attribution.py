"""Attribution: who each figure in a text is credited to, and the words that tie it to them.

Each sentence is read for *anchors*: a cue and the source phrase it names ("the agency said",
"according to the coastguard", "said Lena Okafor", "the mission recorded", "by the board's estimate").
An anchor governs the clause after it, the clause before it, or both, depending on where it stands;
each figure takes the anchor that governs it (see `_choose_all`). A sentence without an anchor is the
reporter's voice. Source phrases are then resolved through the item's `SourceRegistry`, so "it",
"the ministry" and "Okafor" carry the fullest name given earlier.

The work is linear in the text: each sentence is scanned once by precompiled expressions and each
figure looks only at the anchors of its own sentence.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from worker.extract.alternation import word_alternation
from worker.extract.coref import SourceRegistry, WrittenName
from worker.extract.lexicon import (
    IRREGULAR_PARTICIPLES,
    MONTH_NAMES,
    MULTIPLIER_WORDS,
    SUPERLATIVE_WORDS,
    TENS_WORDS,
    UNITS_WORDS,
    WEEKDAY_NAMES,
)
from worker.extract.numbers import CLAUSE_COMMA_RE
from worker.extract.places import (
    LOCATIVE_WORDS,
    POSSESSIVE_END,
    admin_suffixes,
    gazetteer,
    is_table_row,
    line_around,
    state_abbreviations,
)
from worker.extract.reporting import (
    ABSOLUTE_SUBJECT_RE,
    ACCUSED_OF_RE,
    ACCUSING_VERBS,
    ACRONYM_RE,
    ADDED_AS_DEED_RE,
    AGENT_RE,
    AUDIENCE_PHRASE_RE,
    AUDIENCE_SETTING_RE,
    AUDIENCE_THAT_RE,
    AUDIENCE_THAT_VERBS,
    AUDIENCE_WORDS,
    AUXILIARIES,
    BRACKET_LABEL_NOUNS,
    CLAUSE_MARK_RE,
    CLAUSE_OPENERS,
    CONTRASTING_CLAUSE_RE,
    COUNTING_VERBS,
    CUE_WORDS,
    DEED_OBJECT_RE,
    DESCRIPTIVE_ADJECTIVES,
    DETERMINERS,
    DISCOURSE_WORDS,
    DOCUMENT_FROM_RE,
    DOCUMENT_NOUNS,
    DOCUMENT_VERBS,
    EPITHET_HEADS,
    FINDING_DOCUMENTS,
    FIRST_PERSON,
    FORECAST_CUES,
    GAPPED_SOURCE_RE,
    GENERIC_DOCUMENT_ADJECTIVES,
    HAVING_VERBS,
    HEADLINE_SOURCE_RE,
    LETTERS_RE,
    MANNER_NOUNS,
    NAME_PARTICLES,
    NAME_TOKEN_RE,
    NON_COUNTING_HEADS,
    NOUN_CUES,
    NOUN_LIKE_THAT_CLAUSE_VERBS,
    OPENING_SPEAKING_CLAUSE_RE,
    PARENTHETICAL_ADVERBIAL_RE,
    PASSIVE_MARKERS,
    PLACE_HEADS,
    POINTING_VERBS,
    POSSESSED_DOCUMENT_NOUN_RE,
    POSSESSIVE_FOLLOW_RE,
    POSSESSIVE_LEAD_RE,
    POSTED_ON_RE,
    POSTING_VERBS,
    PREPOSED_CUES,
    PREPOSITIONS,
    PRONOUNS,
    QUOTE_TAIL_VERBS,
    QUOTED_AS_SAYING_RE,
    RELATIVE_PRONOUNS,
    REPORTED_CLAUSE_OPENING_RE,
    REVISED_OBJECT_RE,
    REVISING_VERBS,
    ROLE_WORDS,
    SEEN_AT_VALUE_RE,
    SETTING_WINDOW,
    SKIPPABLE_ADVERBS,
    SOURCE_HEADS,
    SPEAKER_ROLES,
    SPEECH_PARTICIPLES,
    SPEECH_VERBS,
    SUBJECT_PRONOUNS,
    THAT_CLAUSE_VERBS,
    THAT_FOLLOWS_RE,
    TITLE_ABBREVIATIONS,
    TITLE_WORDS,
    TRAILING_SPEAKING_CLAUSE_RE,
    VALUE_FOLLOWS_RE,
    VERBS_TAKING_A_CLAIM,
    WEEKDAYS,
    WORD_RE,
    possessor_before,
)
from worker.extract.reporting import (
    TRAILING_PHRASE_RE as _TRAILING_PHRASE_RE,
)
from worker.extract.sources import ALIAS_TABLE, ORGANISATION_WORDS, normalize_source, personal_name
from worker.extract.types import Attribution

# The end of a source phrase that follows its cue: punctuation, or a word that starts a new clause.
_RIGHT_PHRASE_END_RE = re.compile(
    r"[,;:!?\"“”]|\s[—–-]\s|\s\((?![A-Z][A-Za-z0-9&]{1,9}\))"
    # "an indictment unsealed on Thursday": when a document came out is no part of its name
    r"|\s(?=(?:unsealed|issued|filed|leaked|submitted|presented|unveiled|circulated)\s+"
    r"(?:on|last|this|late|earlier|yesterday|today)\b)"
    r"|\s(?:that|who|which|when|where|while|as|on|at|during|and|but|to|after|before|because|since|last|this|saying|"
    r"adding|said|says|told|reported|published|released|seen|showed|show|shows|is|are|was|were|has|have|had|based|"
    # "the report titled 'A First Look'": a document's title is no part of who made it
    r"titled|entitled|"
    # "according to the ministry they have paid": a pronoun opens the clause the source vouches for;
    # "citing people it said were close to the talks" is the reporter's aside inside the phrase
    r"(?:they|we|he|she|it)(?!\s+(?:said|say|says|described|called|believed|considered)\b)|"
    r"in\s+(?![A-Z])|first(?=\s+(?:reported|published|released)\b))\b"
)
# Quote marks a speaker tail may follow: straight and curly double quotes and guillemets.
_DOUBLE_QUOTES = '"“”«»„‟'
_EDGE_PUNCTUATION = ",.;:!?\"'“”‘’()[]—–"
_CLOSING_PUNCTUATION = ",\"”’'—–»«"
# Two or more capitalised words: a name the text gives somewhere, for expanding a bare surname.
# The word boundary before its first capital is checked behind it ("\b[A-Z]" written so): the
# engine then skips from one capital to the next instead of trying every position of the item.
_CAPITALISED_RUN_RE = re.compile(
    r"[A-Z](?<!\w[A-Z])[\w'’\-]+(?:[ \t]+(?:[A-Z][\w'’\-]+|(?:al|el|bin|de|di|da|van|von)(?:-[\w'’]+)?\b))+"
)
# A body named at the start of a sentence, which "it" or "the agency" may later refer to.
_SUBJECT_HEADS = EPITHET_HEADS | (SOURCE_HEADS - NON_COUNTING_HEADS)
# "for the governor", "of the relief agency", "for Oxfam": the body a role or office belongs to.
_BODY_COMPLEMENT = (
    rf"(?:\s+(?:for|of)\s+(?:the\s+)?(?:(?:[a-z][\w\-]*\s+){{0,2}}(?:{word_alternation(_SUBJECT_HEADS)})\b"
    r"|[A-Z][\w'’\-]*(?:\s+(?:of\s+)?[A-Z][\w'’\-]*){0,4}))?"
)
# Months and weekdays: capitalised words that name no body.
_CALENDAR_WORDS = frozenset((*MONTH_NAMES, *WEEKDAY_NAMES))
# The subject that opens a sentence, or its clause after a sentence adverb ("Meanwhile, the union").
_SENTENCE_SUBJECT_RE = re.compile(
    rf"(?:[Tt]he|[Aa]n?)\s+(?:[a-z][\w\-]*\s+){{0,2}}?(?:{word_alternation(_SUBJECT_HEADS)})\b{_BODY_COMPLEMENT}|"
    # a day or a month after "on" ends the name: "The Velm Council on Sunday revised"
    r"(?:[Tt]he\s+)?[A-Z][\w'’\-.]*(?:\s+(?:(?:of|for|and|on|the)\s+){0,2}"
    rf"(?!(?i:{word_alternation(_CALENDAR_WORDS)})\b)[A-Z][\w'’\-.]*){{0,7}}(?:\s+\([A-Z]+\))?"
    # "Norland's Sea Rescue group": a name and a head in lower case after it
    rf"(?:\s+(?:{word_alternation(_SUBJECT_HEADS)})\b{_BODY_COMPLEMENT})?"
)
_TIGHT_GAP_RE = re.compile(r"^\s*,?\s*$")
# "estimates of 10,000 dead by local officials": the figure of a document and the maker after it.
_OF_RE = re.compile(r"\s+of\s+")
# A body's head right after a document noun, which is then the body's remit: "statistics office",
# "data protection authority", "census bureau".
_BODY_HEAD_AFTER_RE = re.compile(
    r"(?:\s+protection)?\s+(?:office|agency|bureau|authority|department|service|commission|unit|division|"
    r"directorate|centre|center|institute|board|team)\b"
)
_AT_OR_OF_RE = re.compile(r"\s+(?:at|of)\s+")
_COUNT_NOUNS = frozenset({"toll", "tally", "tallies", "count", "estimate", "estimates", "figure", "figures"})
# Counts a place's possessive owns as where they are, not who keeps them: "North Carolina's death
# toll" (its estimate or figures are its government's word).
_PLACE_TALLY_NOUNS = frozenset({"toll", "tally", "tallies", "count"})
# A capitalised name that ends right before a word: "Red Cross" of "Red Cross count".
_NAME_BEFORE_RE = re.compile(r"(?:^|(?<=[\s(;:,]))(?P<name>[A-Z][\w'’\-.&]*(?:\s+[A-Z][\w'’\-.&]*){0,4})\s+$")
_MADE_BY_RE = re.compile(
    r"(?:\s+[A-Za-z]+){0,3}?\s+by\s+(?P<np>(?:the\s+)?[\w'’\-.]+(?:\s+[\w'’\-.]+){0,5}?)"
    r"(?=\s+(?:were|was|are|is|had|have|has|would|will|could|may|might|to|that|which|who|and|as)\b|[,.;:)]|$)"
)
# A finding with words after it ("a survey of 2,000 adults by Pollwise", "a study published in ..."),
# its maker named last after "by", and the participles that say where or how it came out.
_DESCRIBED_FINDING_RE = re.compile(
    r"(?P<document>(?:(?:an?|the|this|that|its|their|new)\s+)*(?:[\w\-]+\s+){0,2}?"
    rf"(?:{word_alternation(FINDING_DOCUMENTS)}))\b(?=\s+\S)",
    re.IGNORECASE,
)
# A finding and the several bodies that made it: "the exit polls commissioned by A, B and C".
_MAKER_NAME = r"(?:the\s+)?[A-Z][\w'’\-.&]*(?:\s+[A-Z][\w'’\-.&]*)*"
_FINDING_MADE_BY_MANY_RE = re.compile(
    f"(?i:{_DESCRIBED_FINDING_RE.pattern})"
    r"\s+(?:commissioned|conducted|carried\s+out|published|released)\s+(?:jointly\s+)?by\s+"
    rf"{_MAKER_NAME}(?:,\s+{_MAKER_NAME})*,?\s+and\s+{_MAKER_NAME}"
)
# The maker may be followed by its client: "a poll by Pollwise for the Daily Courier".
_FINDING_AGENT_RE = re.compile(
    r"\bby\s+(?P<agent>(?:the\s+)?(?:[a-z]+\s+(?:at|from)\s+(?:the\s+)?)?"
    # "for the" only after a body's head ("the Office for the Coordination of ..."); else a client
    r"[A-Z][\w'’\-.&]*(?:(?:(?<=Office)|(?<=Agency)|(?<=Centre)|(?<=Council))\s+for\s+the\s+[A-Z][\w'’\-.&]*"
    r"|\s+(?:of\s+)?[A-Z][\w'’\-.&]*)*"
    # a maker described in lower case, "by the state comptroller", "by an association of doctors"
    # (its head is checked)
    r"|(?P<described>(?:the|its|their|an?)\s+(?:[a-z][\w'’-]*\s+){0,3}(?P<described_head>[a-z][\w'’-]*)))"
    # its acronym may follow in brackets: "a report by the relief office (RO)"
    r"(?:\s+\([A-Z][A-Za-z.&]*\))?"
    r"(?:\s+for\s+(?:the\s+)?[\w'’\-.&]+(?:\s+[\w'’\-.&]+){0,4})?$"
)
_READER_BEFORE_RE = re.compile(r"\b(?:seen|viewed|reviewed|read)\s+$")
_FINDING_RELEASED_RE = re.compile(
    r"\s+(?:published|released|issued|conducted|commissioned|carried\s+out|presented|unveiled)\b"
)
# A pronoun that opens a clause as its subject, and a name set off by commas after a subject.
_OPENING_PRONOUN_RE = re.compile(r"(He|She|They|It|We)\s")
# ", state Sen. Mara Quinn,": a title in lower case may open the name
_APPOSED_NAME_RE = re.compile(
    r"[^,.;:]{1,60}?,\s+(?P<name>(?:[a-z]+\s+){0,2}(?:[A-Z][\w'’\-.]*\s+){0,3}[A-Z][\w'’\-]*),"
)
_CLOCK_TIME_RE = re.compile(r"\b\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?m\.?\s*", re.IGNORECASE)
# ", and 9,000 for the police.": a figure right after the clause of an "according to".
_COORDINATED_FIGURE_RE = re.compile(r"[^,;]{0,40},?\s+and\s+(?:(?:some|about|around|nearly|only|just)\s+)?")
_MONEY_NEAR_RE = re.compile(
    r"[$€£¥₹]|\b(?:dollars?|euros?|pounds?|rupees?|pesos?|yuan|francs?)\b", re.IGNORECASE
)
_FOR_SOURCE_AFTER_RE = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:for|per)\s+(?P<np>(?:the\s+)?[^,;.()]{2,80}?)\s*(?:[.;]|$)"
)
# "as of 6 am Sunday", "on Monday", "dated 12 May": a time after a noun phrase, before its relative.
_TIME_TAIL_RE = re.compile(
    r"\s+(?:as\s+of|on|at|dated|until)\s+(?:[\w.:]+\s+){0,3}?"
    r"(?:\d[\w.:]*|[ap]\.?m\.?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday)\s*$",
    re.IGNORECASE,
)
# "... in the council's report": a document at the end of a longer noun phrase.
_DOCUMENT_TAIL_RE = re.compile(r"\b(?:in|from)\s+(?P<np>(?:the|a|an|its|their)\s+[^,;]{1,100}?)\s*$")
# "the 4,100 cited by", "the 300 deaths released by": a figure and at most two words of its noun.
_FIGURE_RIGHT_BEFORE_RE = re.compile(r"\d[\d,.]*(?:\s+[a-z][\w-]*){0,2}\s+$")
# Words that make a subject refer back rather than name a body: "Its count", "This group".
_POSSESSIVES = frozenset({"its", "their", "his", "her", "our", "this", "that", "these", "those"})
# A line that is an item of a list: a bullet or dash, or a number and a closing mark.
_LIST_ITEM_RE = re.compile(r"\s*(?:[-–—•*·▪●]|\d{1,2}[.)]\s)")
# What may follow a cue that closes its sentence: "said.", "said on Monday.", "said Wednesday."
_CLOSES_SENTENCE_RE = re.compile(r"(?:\s+(?:on|late|early)?\s*[A-Za-z]+){0,2}\s*[.!?\"”’]*\s*$")
_FINITE_VERB_RE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|could|did|do|does)\b")
_LEADING_CONJUNCTION_RE = re.compile(r"^(?:while|whereas|but|although|though)\s+", re.IGNORECASE)
# A clause whose subject did something else before "and" a cue verb: "The army denied the claim and".
_COORDINATED_SUBJECT_RE = re.compile(
    r"\s*(?P<np>(?:[Tt]he\s+|[Aa]n?\s+)?(?:[\w'’.-]+\s+){0,3}?[\w'’-]+)\s+"  # "Gov. Ana Leite"
    r"(?:[a-z]+ed|met|held|gave|made|took|spoke|went|sent|saw|found|told|set|cut|kept|left|rejected"
    # the present tense of contesting a figure: "The government disputes the figure and puts it at"
    r"|disputes|rejects|denies|contests|questions|challenges|accepts|acknowledges)\b"
    # a comma only inside a figure ("1,200"); a short quotation as the object ('called it "a disaster"')
    r"(?:[^,;:\"“”]|(?<=\d),(?=\d)|[\"“][^\"“”]{1,80}[\"”])*"
    # or around an aside on the figure that reports nothing: ", its first cut since 2020,"
    r"(?:,\s+(?:the|its|their|a|an)\s+(?:(?!(?:said|says|told|added|reported)\b)[^,;:\"“”]){1,60}?,)?"
    r"\s+and\s+$"
)
# A name after the words that describe the person in lower case: "farmer Jon Breck", "local shop
# owner Ana Ruiz", "34-year-old nurse Mia Lund".
_DESCRIBED_NAME_RE = re.compile(r"(?:[a-z][\w-]*\s+){1,3}(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+)")
# Where a document was posted, and whose that place is: "on the board's official website".
_PUBLISHED_ON_RE = re.compile(
    r"\s+(?:on|in|at)\s+(?P<owner>[^,.;:'’]{2,60}?)(?:'s|’s)\s+(?:official\s+|own\s+)?"
    r"(?:website|web\s+site|portal|dashboard|web\s+page|page|account|bulletin|feed|channel)\b"
    # "on the Dorne Fire website": a capitalised name before the site, with no possessive
    r"|\s+(?:on|in|at)\s+(?:the\s+)?(?P<named>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,5})\s+"
    r"(?:website|web\s+site|portal|dashboard)\b"
)
# Participles of giving out a document, before its maker's "by": "figures released by the ministry".
_GIVEN_OUT = r"(?:released|published|compiled|analy[sz]ed|issued|provided|collected|gathered|reported)"
# A title's abbreviation before a name, whose full stop ends no phrase: "by Gov. Ana Ruiz".
_ABBREVIATED_TITLE = r"(?:{})\.\s+".format(
    "|".join(sorted((word.capitalize() for word in TITLE_ABBREVIATIONS), key=len, reverse=True))
)
_RELEASED_BY_RE = re.compile(
    rf"\s+(?:first\s+)?{_GIVEN_OUT}\s+"
    r"(?:(?:on|last|this|late|earlier)\s+\w+\s+)?by\s+"
    rf"(?P<owner>(?:the\s+)?(?:{_ABBREVIATED_TITLE})?[^,.;:]{{2,60}}?)"
    r"(?=\s*(?:[,.;:]|$|\s+(?:on|in|at|last|this|late|early)\b))"
)
# "in a poll by X", "in the latest Corvale survey": a finding the sentence's figures come from.
_IN_A_FINDING_RE = re.compile(
    r"\b[Ii]n\s+(?P<finding>(?:a|an|the|its|their|this|that)\s+(?:[\w'’&.-]+\s+){0,4}?"
    r"(?P<noun>poll|survey|study|report|analysis|audit|census|review)\b"
    # "of 1,020 adults conducted by Norstat": the sample, then the maker
    r"(?:(?:\s+of\s+(?:[^,.;:]|(?<=\d)[,.](?=\d)){1,40}?)?(?:\s+(?:conducted|commissioned|carried\s+out))?"
    r"\s+(?:by|from)\s+[^,.;:]{2,60})?)"
)
# The office set off after an inverted speaker ("..., said Haryono, head of the relief agency"), which
# tells a one-word name is a person's.
_SPEAKER_ROLE_RE = re.compile(
    r",\s+(?P<role>(?:(?:the|a|an)\s+)?[A-Za-z-]+(?:\s+(?:of|for|at)\s+[^,.;:\"”]+)?)"
)
# The first two words of a phrase: a count there ("the three officials") names who speaks.
_FIRST_TWO_WORDS_RE = re.compile(r"\s*\S+(?:\s+\S+)?")
# A finite verb right after a phrase: the phrase is a clause's subject ("said the governor had ...").
_VERB_AFTER_PHRASE_RE = re.compile(r"\s+" + _FINITE_VERB_RE.pattern)
# A semicolon or dash and the words before the figure of the next list item: "; and almost 200,000".
_LIST_CONTINUATION_RE = re.compile(r"(?:;|:|\s[—–-])\s*(?:(?:and|or)\s+)?(?:[a-z]+\s+){0,2}")
# What follows an inverted speaker and describes them, up to a participle that goes on reporting
# ("..., adding that ..."): an age, a relative clause, an indefinite description.
_SPEAKER_DESCRIPTION_RE = re.compile(
    r",\s+(?:\d|(?:who|whose|a|an|aged)\b)(?:(?!,\s+(?:adding|saying|noting)\b)[^;:])*"
)
# Quotation marks: which open, which close; straight marks do both.
_OPENING_MARKS = frozenset('"“«„')
_CLOSING_MARKS = frozenset('"”»')
_QUOTE_MARKS = "".join(sorted(_OPENING_MARKS | _CLOSING_MARKS))
_QUOTE_MARK_RE = re.compile(f"[{_QUOTE_MARKS}]")
# What may stand between a closing mark and the speaker's cue ("," said; ",\n Ana Ruiz said"), with a
# description set off before the name ("...," the province's governor, Leo Vance, told AFP).
_SPEAKER_GAP_RE = re.compile(r"[\s,.]*(?:(?:the|a|an|its|their)\s+[^,\"“”«»\n]{1,60},\s*)?")
# What may stand between a speaker's tail and a quotation that goes on in the same voice: the end
# of the sentence after a few words ("Ruiz said on Monday. “...") or a description of the speaker
# ("said Ana Ruiz, who heads the office in the border town. “...").
_CONTINUED_QUOTE_GAP_RE = re.compile(
    # where the speaker spoke may come first: "told reporters in Tacloban City, the provincial capital."
    r"(?:(?:\s+[\w'’-]+){0,3}?\s+(?:in|at|on|from|during|after)\b[^\"“”«»\n.!?,]{0,80})?"
    r"(?:,\s+(?:who|whose|a|an|the|aged|\d)\b[^\"“”«»\n.!?]{0,120}|[^\"“”«»\n.!?]{0,30})[.!?]\s*"
)
# What may stand between a speaker's cue and the quotation it introduces: "said:", "told AFP:".
# What may stand between a person whose words a sentence reports and a quotation that opens the
# next sentence in the same paragraph: the rest of that one sentence.
_INTRODUCED_QUOTE_GAP_RE = re.compile(r"[^\"“”«»\n.!?]{0,150}[.!?][ \t]*")
_INTRODUCTION_GAP_RE = re.compile(r"^(?:\s+[\w'’.\-]+){0,3}\s*[:,]\s*$")
_CITING_WINDOW = 60
# How far back from "citing X" at a clause's end the speech cue it hangs on may stand.
_CITING_REACH = 200
_POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her", "our"})
# Cue words that are also nouns, and the adjectives that make them one: "Average forecasts ...
# point to", "the latest reports say".
_NOUN_READINGS = NOUN_CUES | {"forecast", "forecasts", "report", "reports", "count", "counts"}
_NOUN_CUE_MODIFIERS = frozenset(
    {"average", "mean", "median", "consensus", "latest", "official", "preliminary", "initial", "earlier",
     "previous", "recent", "revised", "own", "new"}
)  # fmt: skip
# Words that open what a speaker cites as its own: "citing its volunteers", "citing internal data".
_SPEAKERS_OWN = _POSSESSIVE_PRONOUNS | {"internal", "in-house"}


def _cites_its_own(segment: str) -> bool:
    """Whether a segment is "citing" what the speaker owns: "citing its own records"."""
    words = segment.split(maxsplit=2)
    return len(words) >= 2 and words[0].lower() in {"citing", "quoting"} and words[1].lower() in _SPEAKERS_OWN


# A sentence that ends like this is body text, not a headline.
_CLOSED = '.!?"”’)'
_LOOKAHEAD = 12
# "Rescuers found 23 bodies" is an event; "a poll found 40%" or "the mission found, ..." is a finding.
_DOCUMENT_DETERMINERS = frozenset({"the", "a", "an", "these", "those", "such", "some"})
_FINDING_DOCUMENTS = frozenset({"poll", "survey", "study", "report", "census", "analysis", "review", "audit"})
# "The army, in a statement, said": a short phrase set off by commas that is not the subject.
_ADVERBIAL_PREPOSITIONS = frozenset({"in", "on", "at", "during", "via", "through", "by", "late", "early"})
# "report" is a document noun, and a verb of saying in the present only right before what is reported:
# "local media report at least 25 dead", "the ministry reports 40 new cases".
_REPORT_FORMS = frozenset({"report", "reports"})
_REPORTED_AFTER_RE = re.compile(
    r"\s+(?:that\b|(?:(?:at\s+least|more\s+than|over|about|around|nearly|almost|some|up\s+to|as\s+many\s+as)\s+)?"
    r"(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|a\s+dozen|dozens)\b))",
    re.IGNORECASE,
)
# A determiner or possessive right before "report": the noun ("a report 40 pages long", "its report");
# so after a preposition that credits ("As per the board's updated report 4,600 houses ...",
# "according to the agency report 40 died").
_REPORT_NOUN_BEFORE_RE = re.compile(
    r"(?:\b(?:a|an|the|its|their|his|her|this|that|latest|new|first|final|weekly|daily)|['’]s|s['’])\s+$"
    r"|\b(?:per|according\s+to|citing|in)\s+[^,;.]{0,40}$",
    re.IGNORECASE,
)
# "that" after "report" makes it a verb only after a speaker's head ("local media report that"):
# "credible reports that 58 died" is the noun.
_REPORTED_CLAUSE_RE = re.compile(r"\s+that\b")
# What may follow "reports" that closes what was said: the sentence's end, or when it was said.
_REPORTS_CLOSING_RE = re.compile(r"\s*(?:[.;!?]|$)|\s+(?:as\s+of|on|late|early|this|last|earlier)\b")
_CUE_WORD_SET = frozenset(CUE_WORDS) | _REPORT_FORMS
_QUOTE_TAIL_WORDS = frozenset(QUOTE_TAIL_VERBS)
# Cue verbs that are also nouns after a possessive: "its growth forecast", "the group's claims".
_NOUN_LIKE_VERBS = ("forecast", "estimate", "claim")
# A relay's source named in a relative clause after it: ", which cited two security sources".
# A relay and the origin it cites, in one phrase: "local media citing police".
_RELAY_CITING_RE = re.compile(r"(?P<relay>.+?)\s+(?:citing|quoting)\s+(?P<origin>\S.*)")
_WHICH_CITED_RE = re.compile(
    r",\s+(?:which|who)\s+(?:cited|quoted|(?:was|were)\s+(?:carried\s+out|conducted|compiled|commissioned)\s+by)"
    r"\s+(?P<origin>[^,.;:]{2,60}?)(?=\s*[,.;:]|$)"
)
# A finding in the words before "had" or "gives", which are then its verb ("the poll had"); a count
# that rises or falls ("the toll has risen", "the tally had reached") is no finding.
_FINDING_BEFORE_RE = re.compile(
    rf"\b(?:{word_alternation(FINDING_DOCUMENTS - {'tally', 'tallies', 'update', 'records', 'documents'})})\b"
    # "commissioned by Velmar TV, Tarsa Radio and the Star": who made it, names joined by commas
    r"(?:\s+(?:of|by|from|for|in|on|and|out|jointly|last|this|the|a|an|week|month|year|weekend|today|yesterday"
    r"|[A-Z][\w'’.-]*,?|[a-z]+-[\w-]+|[a-z]\w*ly|[a-z]\w*ed)){0,12}\s+$"
)
# "has risen", "had been", "has found": "had" or "has" as an auxiliary.
_PARTICIPLE_AFTER_RE = re.compile(r"\s+(?:been|\w+ed|\w+en|found|shown|grown|put|set|hit|cut)\b")
# How far before "had" or "gives" its finding is read.
HAVING_CUE_WINDOW = 90


# "gave a figure of 60,000", "gives the death toll as 312": a body or a speaker giving a count is
# its source, as one that "put the toll at" it is.
_GIVING_VERBS = frozenset({"gave", "gives", "give"})
_GIVEN_COUNT_RE = re.compile(
    r"\s+(?:a|an|the|its|their|his|her|our|new|updated|revised)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:figure|toll|count|number|estimate|tally|total)\s+(?:of|as|at)\s",
    re.IGNORECASE,
)


def _having_cue(text: str, start: int, position: int, after: int) -> bool:
    """Whether "had", "has", "gave" or "gives" is a finding's verb: "A Corvale poll had Brekke at 45
    percent", "the latest survey gives her a 4-point lead"."""
    return (
        _FINDING_BEFORE_RE.search(text, max(start, position - HAVING_CUE_WINDOW), position) is not None
        and _PARTICIPLE_AFTER_RE.match(text, after) is None
    )


# The document a subject releases, publishes or issues, read after the verb: "released figures",
# "published data on Monday", "issued a statement saying".
# The words before a released document that name no one: the generic document adjectives, the
# possessive pronouns and a few of release's own.
_RELEASED_DOCUMENT_WORDS = GENERIC_DOCUMENT_ADJECTIVES | {"his", "her", "fresh", "quarterly"}
_RELEASED_DOCUMENT_RE = re.compile(
    r"(?:\s+(?:on|last|this)\s+\w+)?\s+"
    rf"(?:(?:{word_alternation(_RELEASED_DOCUMENT_WORDS)})\s+){{0,3}}"
    rf"(?:{word_alternation(DOCUMENT_NOUNS - {'documents', 'records'})})\b",
    re.IGNORECASE,
)
# A number right before a word: "30 projects", "two estimates" count a plural noun.
_PLURAL_COUNT_WORDS = {*UNITS_WORDS, *TENS_WORDS, *MULTIPLIER_WORDS, "several"} - {"zero", "one"}
_COUNT_RIGHT_BEFORE_RE = re.compile(
    rf"(?:\d|\b(?:{word_alternation(_PLURAL_COUNT_WORDS)}))\s+$", re.IGNORECASE
)
# Speaker nouns that also describe a document: "the government's official estimate".
_ADJECTIVE_LIKE_HEADS = frozenset({"official", "chief", "expert", "source", "staff"})
# "By the water board's estimate, 4,000 ...": a possessive document opening a clause.
_CLAUSE_INITIAL_PREPOSITIONS = frozenset({"", "by", "in", "under", "per", "on"})
# Every verb of saying and the cue it is written as, those that follow a quotation only included.
_SAYING = {**SPEECH_VERBS, **QUOTE_TAIL_VERBS, "report": "report", "reports": "reports"}
_SPEECH_CUES = frozenset(_SAYING.values())
# What comes between a closing quotation mark and a verb that says who spoke it: "," he', '” '.
_QUOTE_TAIL_BEFORE_RE = re.compile(r"[”\"]\s*(?:(?:he|she|they|we|it|[A-Z][\w'’.-]+)\s+)?$")
_QUOTE_TAIL_WINDOW = 24
# The last determiner-led phrase of a subject that also holds a figure: "the 812 walkers the park".
# "Tories predicted to win 316", "said to be", "expected to reach": a participle and an infinitive
# make a passive with the auxiliary left out, as headlines write it.
_RAISED_PASSIVE_RE = re.compile(
    r"(?:[a-z]+ed|said|told|forecast)\s+to\s+"
    # "reported to parliament", "said to reporters": a recipient, not an infinitive
    r"(?!(?:the|a|an|his|her|its|their|our|my|your|me|us|them|him|reporters|journalists|parliament"
    r"|lawmakers|congress|police|investigators|officials|[A-Z]\w*)\b)[a-z]"
)
# The subject of a relative clause whose object is the relative pronoun: "which economists had",
# "that analysts"; not "which had been", where the pronoun is the subject.
_RELATIVE_CLAUSE_SUBJECT_RE = re.compile(
    r"\b(?:which|that)\s+(?!(?:was|were|is|are|had|has|have|been|be|would|could|will|may|might)\b)"
    r"(?:the\s+|its\s+|their\s+|many\s+|most\s+|some\s+)?[a-z][\w'’-]*(?:\s+(?:had|have|has))?\s+$"
)
# "estimates of 64,900", "claims of abuse": a cue word followed by "of" is a noun.
_NOUN_BEFORE_OF_RE = re.compile(r"(?:[a-z]+s|estimate|forecast|claim)\s+of\s")
_DIGIT_RE = re.compile(r"\d")
# Sentence adverbs that may open a subject without a comma; determiners and quantifiers stay.
_LEADING_DISCOURSE_WORDS = DISCOURSE_WORDS - {"this", "that", "these", "those", "such", "both", "each"}
_NEWLINE_RE = re.compile(r"\n")
_AGE_RE = re.compile(r"\d{1,3}")
# A clause that opens a sentence on a participle: "Speaking to voters", "Asked about the toll".
_OPENING_PARTICIPLE_RE = re.compile(r"(?:[A-Z][a-z]+ing|Asked|Pressed|Questioned)\s+[a-z]")
# A US lawmaker's party and state set off after the name: "D-Ohio", "R-Fla.", "I-N.Y.".
_PARTY_TAG_RE = re.compile(r"[DRI]-[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?")
# A credit before a name: "(Photo: Tom Baker/AFP)", "Reporting by ...": the name is no antecedent.
_CREDIT_BEFORE_RE = re.compile(
    r"\b(?:Photo(?:graph)?|Image|Picture|Credit|Video|Reporting|Editing|Writing|Additional reporting)"
    r"(?:\s+by)?\s*:?\s*$",
    re.IGNORECASE,
)
# A comma that separates phrases, not the thousands of a figure ("1,000").
_SEGMENT_COMMA_RE = re.compile(r"(?<!\d),|,(?!\d)")
# A subject's head noun before its complement: "The poll of 1,000 voters" -> The poll.
_HEAD_BEFORE_COMPLEMENT_RE = re.compile(
    r"(?P<np>(?:(?:the|a|an|[Tt]he|An?)\s+)?(?:[\w'’\-]+\s+){0,3}?(?P<head>[\w\-]+))\s+(?:of|among|by|with)\s"
)
_DETERMINER_TAIL_RE = re.compile(r"\b(?:the|a|an|its|their)\s+[^\d,]+$")
# A noun phrase that ends a clause as the object of a preposition: "rejected by the ministry",
# "twice the estimate of the health office".
_OBJECT_TAIL_RE = re.compile(
    r"\b(?P<preposition>by|from|to|with|of)\s+(?P<np>(?:(?:the|its|their)\s+|(?=[A-Z])|(?=[a-z]+\s+[a-z]+s$|[a-z]+s$))"
    r"[^\d,;:]{1,60})$"
)
# The words after a phrase's last figure ("the $1.9 billion analysts"), and the verbs of reckoning
# whose object that figure can be, left behind by a relative clause ("... analysts had expected").
_AFTER_FIGURE_RE = re.compile(
    r"\d(?:\s+(?:million|billion|trillion|thousand))?"
    # "$207 billion in revenue that the office estimates": what the figure counts, then the clause
    r"(?:\s+in\s+[a-z]+)?(?:\s+(?:that|which))?\s+(?P<who>[^\d,]+)$"
)
_RECKONING_VERB_RE = re.compile(
    r"(?:(?:had|have|has)\s+)?(?:expect|forecast|predict|project|estimat|anticipat)(?:ed|es|s)?\b|pencil+ed\s+in\b"
)


@dataclass(slots=True)
class _Anchor:
    """A cue and the source phrase it names, with the part of the sentence it can govern."""

    cue: str
    phrase: str
    start: int  # first character of the anchor (source phrase or cue, whichever comes first)
    end: int  # last character of the anchor
    governs_left: bool
    governs_right: bool
    parenthetical: bool = False  # stands after a comma with text on both sides
    attribution: Attribution | None = None
    description: str = ""  # words set off after the source that describe it: "a Geneva-based monitor"
    reach: int | None = None  # the last position it governs on its right, when short of its clause's end


def _tokens(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """The words of text[start:end] with their spans."""
    return [(m.group(), m.start(), m.end()) for m in WORD_RE.finditer(text, start, end)]


# How far before a cue verb its auxiliaries and determiners are read ("had not yet been").
VERB_LEAD_WINDOW = 60


def _is_passive_or_adjective(text: str, verb_start: int, floor: int) -> bool:
    """ "is estimated", "an estimated", "had been recorded", "did not say", "its growth forecast": the
    word is not a verb with a source for its subject."""
    if _NOUN_BEFORE_OF_RE.match(text, verb_start) or (
        # "were said to have", "is estimated to be"; but "the rebels claimed to have captured" is
        # the rebels' claim, so "claimed" before "to" is passive only after a passive marker
        _RAISED_PASSIVE_RE.match(text, verb_start)
        and not text.startswith("claim", verb_start)
        # "which economists had expected to rise to 4.3%": the relative clause names the subject
        and not _RELATIVE_CLAUSE_SUBJECT_RE.search(
            text, max(floor, verb_start - VERB_LEAD_WINDOW), verb_start
        )
    ):
        return True
    lead = text[max(floor, verb_start - VERB_LEAD_WINDOW) : verb_start]
    if lead.rstrip().endswith(('"', "”")):
        return False  # '"... like this," said the mayor': a quotation's last word is no determiner
    if lead.rstrip().endswith(")"):
        lead = _PARENTHESES.sub("", lead) + " "  # "its consumer price index (CPI) forecast"
    words = [word.strip(_EDGE_PUNCTUATION) for word in lead.split()]
    if (
        text[verb_start : verb_start + 9].lower().startswith(_NOUN_LIKE_VERBS)
        and not (
            # "The party's chairman claimed", "the bank's chief economist forecast": the word before is a
            # speaker, the subject of a verb, not a noun that "claim" or "forecast" completes; so is the
            # last word of a name ("Norland's General Staff claimed")
            words
            and (
                (words[-1].lower() in SOURCE_HEADS and words[-1].lower() not in _ADJECTIVE_LIKE_HEADS)
                or _ends_a_name(words[-1])
                # "Ukraine's general staff claimed": the army's command, not a staff estimate
                or " ".join(words[-2:]).lower() == "general staff"
            )
        )
    ):
        # "its growth forecast", "their new five-year sales forecast"; not past a comma ("Her
        # deputy, Karl Weiss, put the number at 27")
        lead = lead.rsplit(",", 1)[-1]
        for word in [word.strip(_EDGE_PUNCTUATION) for word in lead.split()[-4:]]:
            if word.lower() in _POSSESSIVE_PRONOUNS or word.endswith(("'s", "’s")):
                return words[-1].lower() != "own"
        # "the previous estimate", "an earlier forecast"
        if len(words) >= 2 and words[-2].lower() in {"the", "a", "an"}:
            return words[-1].lower() in GENERIC_DOCUMENT_ADJECTIVES
    last = next((word.lower() for word in reversed(words) if word.lower() not in SKIPPABLE_ADVERBS), "")
    return (
        _owned_by_a_possessive(lead)
        or last in PASSIVE_MARKERS
        or last.endswith("n't")
        or last in _SUPERLATIVES_BEFORE_A_PARTICIPLE  # "its worst recorded flood"
    )


# "most" and "least" are adverbs of the verb as often ("the agency most often reported").
_SUPERLATIVES_BEFORE_A_PARTICIPLE = SUPERLATIVE_WORDS - {"most", "least"}


def _owned_by_a_possessive(lead: str) -> bool:
    """ "the committees' reported recommendations", "the company's estimated losses": a participle
    owned by a possessive modifies the noun after it ("Moody's said" is a name)."""
    owner = lead.rsplit(maxsplit=1)[-1] if lead.strip() else ""
    return owner.endswith(("s'", "s’")) or (owner.endswith(("'s", "’s")) and owner[0].islower())


def _ends_a_name(word: str) -> bool:
    """Whether a word is a capitalised part of a name: not a possessive, nor a pronoun or article
    that opens a sentence ("Its forecast", "The estimate")."""
    return (
        word[:1].isupper()
        and not word.endswith(("'s", "’s"))
        and word.lower() not in _POSSESSIVE_PRONOUNS | DETERMINERS
    )


def _word_in(token: str, table: frozenset[str]) -> bool:
    """Whether a token is a table word as written in running text: "who" or "Who", never "WHO"."""
    return token in table or (token[:1].isupper() and token[1:].islower() and token.lower() in table)


def _name_like(segment: str) -> bool:
    """A comma segment that names someone: "Brandt and Lt. Gen. Ivo Marek", "the Museum of Public
    Gatherings", not "In Paris" or a clause."""
    tokens = WORD_RE.findall(segment)
    if not tokens or len(tokens) > 7 or any(ch.isdigit() for ch in segment):
        return False
    allowed = NAME_PARTICLES | {"and", "of", "the", "for", "de"}
    if len(tokens) == 1 and tokens[0].lower() in DISCOURSE_WORDS:
        return False
    if tokens[0].lower() in PREPOSITIONS or not (
        NAME_TOKEN_RE.match(tokens[0]) or tokens[0].lower() == "the"
    ):
        return False
    return all(NAME_TOKEN_RE.match(t) or t.lower() in allowed or t.lower() in TITLE_WORDS for t in tokens)


# Where a body posts what it says: "the commission on Facebook", "the panel on Telegram".
_MEDIA_NAMES = frozenset(
    {"facebook", "twitter", "telegram", "instagram", "tiktok", "youtube", "linkedin", "weibo"}
)
# A figure and the subject of a relative clause on it, with no "that" between: "a figure the
# labour ministry put at ...", "a number the police estimated at ...".
_FIGURE_SOMEONE_RECKONED_RE = re.compile(
    r"(?i:a|an|the)\s+(?i:figure|number|estimate|count|total|tally|toll)\s+"
    r"(?P<who>(?:(?:the|a|an|its|their)\s+|(?=[A-Z]))[^,;:]+)$"
)
# A thing and the plural or named subject of a relative clause on it: "a move economists expected",
# "a step Vell Bank had forecast"; a singular article cannot go with a plural head, so no compound.
_THING_SOMEONE_RECKONED_RE = re.compile(
    r"(?i:a|an)\s+[a-z][\w-]*\s+(?P<who>(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*s|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)$"
)
# The most words of a subject that opens a relative clause without a determiner ("which local
# health officials said"), and the verbs that show the words are the clause's predicate instead.
RELATIVE_SUBJECT_WORDS = 3
_LINKING_VERBS = frozenset({"is", "are", "was", "were", "has", "have", "had", "became", "becomes", "remains"})
# The most words of a noun phrase a relative clause hangs on, and of the phrase after its head.
SHORT_PHRASE_WORDS = 4
_SPEAKER_PLACE_PREPOSITIONS = frozenset({"for", "at", "of", "with", "from", "in"})


def _subject_in_segment(segment: str) -> str:
    """The subject phrase in the last segment before a cue verb, past a clause opener and a
    leading preposition; the subject of a relative clause on a figure ("a figure the ministry put
    at 1.1 million" is the ministry's); the noun a restrictive relative hangs on."""
    subject = _strip_leading_preposition(_cut_at_clause_opener(segment)).strip()
    reckoned = _FIGURE_SOMEONE_RECKONED_RE.match(subject) or _THING_SOMEONE_RECKONED_RE.match(subject)
    if reckoned is not None and _valid_source(reckoned.group("who"), counting=False):
        subject = reckoned.group("who")
    described = _described_by_clause(segment) if " that " in segment or " where " in segment else None
    if described is not None:
        return described
    if not subject or not _valid_source(subject, counting=False):
        subject = _antecedent_of_relative(segment) or subject
    return subject


# "that" or "where" opening a clause that describes the noun before it: "the company that runs the
# mine", "the hospital where the injured were taken".
_DESCRIBING_CLAUSE_RE = re.compile(r"\s(?P<opener>that|where)\s+(?P<next>[\w'’-]+)")


def _described_by_clause(segment: str) -> str | None:
    """The body a "that" or "where" clause describes, before a cue verb: "the firm that owns the
    plant said" is the firm's. A "that" clause with a subject of its own ("the figure that
    officials gave") or a pronoun ("a toll that it said") does not describe a speaker."""
    for match in _DESCRIBING_CLAUSE_RE.finditer(segment):
        following = match.group("next")
        if match.group("opener") == "that" and (
            not following.islower() or following in SOURCE_HEADS | DETERMINERS | PRONOUNS
        ):
            continue
        before = _strip_leading_preposition(_cut_at_clause_opener(segment[: match.start()])).strip()
        words = WORD_RE.findall(before)
        if words and words[-1].lower() in SOURCE_HEADS and _short_noun_phrase(before):
            return before
    return None


# A finding made from another body's figures: "a tally based on data from the health ministry".
_BASED_ON_RE = re.compile(r"\s+based\s+on\s+(?P<origin>\S.*)$")


def _origin_of_finding(subject: str) -> str:
    """ "an AFP tally based on official Russian figures": the figures' origin; any other subject
    as it is."""
    based = _BASED_ON_RE.search(subject)
    if based is not None and _valid_source(based.group("origin"), counting=False):
        return based.group("origin")
    return subject


def _names_someone(phrase: str) -> bool:
    """Whether a phrase holds a name ("who gave his name as Dr Lund"): a capitalised word that is
    not a day or a month."""
    return any(word[0].isupper() and word.lower() not in _CALENDAR_WORDS for word in WORD_RE.findall(phrase))


def _short_noun_phrase(segment: str, most_words: int = SHORT_PHRASE_WORDS) -> bool:
    """A segment short enough to be the subject a relative clause hangs on: "A resident"."""
    tokens = WORD_RE.findall(segment)
    return (
        0 < len(tokens) <= most_words
        and not any(ch.isdigit() for ch in segment)
        and _FINITE_VERB_RE.search(segment) is None  # "was disputed by lawyers" is a clause
    )


# The most words of titles, honorifics and a name before a relative clause.
TITLED_NAME_WORDS = 10
# The most words a speaker's noun phrase may have before a relative clause ("A senior United
# Nations official, speaking on condition of anonymity, said").
SPEAKER_PHRASE_WORDS = 7


def _speaker_phrase(segment: str) -> bool:
    """A noun phrase that ends on a speaker's head, however many words name whose speaker it is."""
    tokens = WORD_RE.findall(segment)
    return (
        bool(tokens)
        and tokens[-1].lower() in SOURCE_HEADS
        and _short_noun_phrase(segment, SPEAKER_PHRASE_WORDS)
    )


def _speaker_with_affiliation(segment: str) -> bool:
    """A speaker's head and one phrase that says whose or where they are, set off before a
    relative clause: "a spokesman for the hospital, who ...", "an official at the clinic, who ..."."""
    tokens = WORD_RE.findall(segment)
    if any(ch.isdigit() for ch in segment):
        return False
    for index in range(1, min(len(tokens), SHORT_PHRASE_WORDS + 1)):
        if tokens[index].lower() in _SPEAKER_PLACE_PREPOSITIONS:
            return tokens[index - 1].lower() in SOURCE_HEADS and len(tokens) - index - 1 <= SHORT_PHRASE_WORDS
    return False


def _affiliated_speaker(phrase: str) -> bool:
    """A noun phrase that is a speaker and their affiliation: "Economists at the Fiscal Institute",
    "an analyst with Velmar Bank"; not a clause ("and arrested one person in the raid")."""
    first = WORD_RE.match(phrase)
    return (
        first is not None
        and (first.group()[0].isupper() or first.group() in DETERMINERS)
        and first.group().lower() not in UNITS_WORDS
        and _speaker_with_affiliation(phrase)
    )


def _appositive(segment: str) -> bool:
    """A description set off by commas after a name: "a retired ferryman from the island"."""
    tokens = WORD_RE.findall(segment)
    if not tokens:
        return False
    first = tokens[0].lower()
    if _word_in(tokens[0], RELATIVE_PRONOUNS) or (first.endswith("ing") and first not in {"king"}):
        return True
    if first in {"a", "an"} and len(tokens) > 1:
        return True
    if first in {"one", "part"} and len(tokens) > 2 and tokens[1].lower() == "of":
        return True  # "one of the organisers of the march", "part of the coalition behind it"
    possessed = _POSSESSOR_OPENING_RE.match(segment)
    if possessed is not None:
        # "Velm county's fire chief", "Norland's interior minister": whose office it is, then the office
        tokens = WORD_RE.findall(possessed.group("office"))
        first = "the"
    if first in {"the", "its", "their"} or tokens[0][0].islower():
        # "state Sen. Mara Quinn", "former President Ivo Marek": a titled name, no description
        return personal_name(tokens) is None and any(
            t.lower() in ROLE_WORDS or t.lower().split("'")[0] in ROLE_WORDS for t in tokens[:6]
        )
    # "Ivo Lund, Superintendent of Orlo Hospital, said": an office with capitals, then what it is of
    return (
        first in ROLE_WORDS
        and len(tokens) > 2
        and tokens[1].lower() in {"of", "for", "at"}
        and personal_name(tokens[2:]) is None
    )


# A personal name of two to four capitalised words that ends a clause: "sat beside Ivo Lund".
_NAME_ENDING_RE = re.compile(r"(?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]*$")


def _titled_name(segment: str) -> bool:
    """A person's name after capitalised titles and honorifics, however many: "Deputy Prime Minister
    Datuk Seri Ana Ruiz"."""
    tokens = WORD_RE.findall(segment)
    return (
        0 < len(tokens) <= TITLED_NAME_WORDS
        and all(token[0].isupper() for token in tokens)
        and personal_name(tokens) is not None
    )


def _name_ending(segment: str) -> str | None:
    """The person a clause ends on, or the whole segment when it is a name: "The mayor stood next
    to Ivo Lund" -> Ivo Lund; none when its last words are a body's ("next to the Port Authority")."""
    if _name_like(segment) and personal_name(WORD_RE.findall(segment)) is not None:
        return segment
    ending = _NAME_ENDING_RE.search(segment)
    if ending is None or personal_name(WORD_RE.findall(ending.group())) is None:
        return None
    return ending.group()


# A description that opens on whose office it is: "Velm county's fire chief", "Norland's envoy".
_POSSESSOR_OPENING_RE = re.compile(r"\s*[A-Z][\w.-]*(?:\s+[\w.-]+){0,3}?(?:'s|’s)\s+(?P<office>\S.*)$")


def _described_noun_phrase(segment: str) -> str:
    """The noun phrase a description set off after it describes: "while a local official" -> "a
    local official" (a conjunction is no part of it), "Asked about the polls" -> "the polls", "The
    survey of 2,000 adults" -> "The survey" (the size of its sample is no part of it)."""
    segment = _LEADING_CONJUNCTION_RE.sub("", segment)
    participle = WORD_RE.match(segment)
    if participle is not None and _is_participle(participle.group().lower()):
        tail = _DETERMINER_TAIL_RE.search(segment)
        return tail.group() if tail else segment
    if _holds_a_number(segment) and _FINITE_VERB_RE.search(segment) is None:
        sized = _HEAD_BEFORE_COMPLEMENT_RE.match(segment)
        if sized is not None and sized.group("head").lower() in SOURCE_HEADS:
            return sized.group("np")  # "The survey of 2,000 adults, carried out by X, found"
    return segment


def _definite_body(segment: str) -> bool:
    """ "The Velm resistance committee": a body named by "the", a name and the kind of body it is,
    with words in lower case that a name's test refuses."""
    tokens = WORD_RE.findall(segment)
    return (
        2 < len(tokens) <= SHORT_PHRASE_WORDS + 2
        and tokens[0].lower() == "the"
        and any(NAME_TOKEN_RE.match(t) for t in tokens[1:-1])
        and tokens[-1].lower() in SOURCE_HEADS
        and not any(ch.isdigit() for ch in segment)
    )


def _body_description(segment: str) -> bool:
    """ "the aid group for displaced families": a description of a body set off after its name."""
    tokens = WORD_RE.findall(segment)
    return (
        bool(tokens) and tokens[0].lower() == "the" and any(t.lower() in EPITHET_HEADS for t in tokens[1:6])
    )


def _source_like(words: Sequence[str]) -> bool:
    """ "local governor Ana Ruiz", "the regional police": words that can only make up a source."""
    return 0 < len(words) <= 6 and all(
        word[0].isupper()
        or word.lower() in TITLE_WORDS
        or word.lower() in SOURCE_HEADS
        or word.lower() in DESCRIPTIVE_ADJECTIVES
        or word.lower() in DETERMINERS
        for word in words
    )


def _conjoined_subject_start(text: str, floor: int, phrase_start: int) -> int | None:
    """Where a subject joined by "and" to words after a comma starts (", the weather, climate and
    geophysics agency said"), or None when anything but plain words stands between."""
    comma = text.rfind(",", floor, phrase_start)
    if comma < 0:
        return None
    between = text[comma + 1 : phrase_start]
    words = WORD_RE.findall(between)
    if not words or words[-1].lower() not in {"and", "or"} or any(ch.isdigit() for ch in between):
        return None
    if any(_word_in(word, CLAUSE_OPENERS) for word in words):
        return None
    return comma + 1


# A quotation that closes before a cue: '"We counted 40," ' then the cue.
_QUOTE_CLOSED_BEFORE_RE = re.compile(r"[,.!?]?[”\"]\s+[^”“\"]*$")
# What may end a sentence after such a cue: a few words of when or where ("as saying on Friday.").
_QUOTE_TAIL_END_RE = re.compile(r"(?:\s+[A-Za-z]+){0,4}\s*[.!]?\s*$")


# Participles that say who gave documents out ("data provided by the clerk", "the report, released
# by the ministry,").
_GIVING_PARTICIPLES = frozenset(
    {"obtained", "provided", "supplied", "shared", "released", "published", "issued"}
)


def _documents_and_giver(before: str, participle_phrase: str, participle: str) -> str | None:
    """ "The data, provided by the county clerk, show": the documents and whom they come from, as
    one phrase whose owner is the giver."""
    # "released by the ministry on Friday": when it came out is no part of the giver's name
    joined = f"{before} {_without_trailing_adverbials(participle_phrase)}"
    return joined if participle in _GIVING_PARTICIPLES and DOCUMENT_FROM_RE.match(joined) else None


def _reduced_passive(words: Sequence[str]) -> bool:
    """ "conducted by a university", "based in Geneva": a participle phrase set off after a subject."""
    if len(words) > 2 and words[1].lower() in _PARTICLES:
        words = [words[0], *words[2:]]  # "carried out by Polara", "drawn up by the board"
    return (
        len(words) > 1
        and words[0].islower()
        and (words[0].endswith("ed") or words[0] in IRREGULAR_PARTICIPLES)
        and (words[1].lower() in _REDUCED_PASSIVE_FOLLOWERS or words[1].lower() in WEEKDAYS)
    )


_PARTICLES = frozenset({"out", "up", "together", "down"})
# What follows the participle: its agent or place, or when it came out ("issued late on Friday").
_REDUCED_PASSIVE_FOLLOWERS = frozenset(
    {
        "by",
        "in",
        "at",
        "for",
        "with",
        "from",
        "on",
        "late",
        "early",
        "earlier",
        "last",
        "this",
        "yesterday",
        "today",
    }
)


# When it happened, written before the subject with no comma and no preposition: "Two weeks ago the
# ministry", "As recently as a month ago the board", "Last week police", "Earlier this year the UN".
# A space must follow, so "Last week's count" (a finding) is left whole.
_TIME_PERIODS = (
    "minutes?|hours?|days?|weeks?|fortnight|months?|years?|decades?|weekend|morning|afternoon|evening"
    f"|night|spring|summer|autumn|fall|winter|{word_alternation(WEEKDAY_NAMES)}|{word_alternation(MONTH_NAMES)}"
)
_OPENING_TIME_RE = re.compile(
    r"(?i:as\s+(?:recently|early|late)\s+as\s+)?"
    r"(?:(?i:(?:a|an|a\s+couple\s+of|a\s+few|several|some|\d+|"
    rf"{word_alternation(UNITS_WORDS)}|{word_alternation(TENS_WORDS)})\s+(?:{_TIME_PERIODS})\s+ago)"
    rf"|(?i:(?:(?:earlier|later|early|late)\s+)?(?:last|this|that|next)\s+(?:{_TIME_PERIODS})))"
    r"\s+(?=[\w\"“])"
)


def _strip_leading_preposition(phrase: str) -> str:
    """ "On Saturday the ministry" -> "the ministry"; a phrase that is only an adverbial -> ""."""
    opening_time = _OPENING_TIME_RE.match(phrase)
    if opening_time is not None:
        return _strip_leading_preposition(phrase[opening_time.end() :])
    words = phrase.split()
    if len(words) > 1 and words[0].strip(_EDGE_PUNCTUATION).lower() in _LEADING_DISCOURSE_WORDS:
        # "However Ferrovia", "Meanwhile the agency": a sentence adverb before the subject
        return _strip_leading_preposition(" ".join(words[1:]))
    if not words or words[0].strip(_EDGE_PUNCTUATION).lower() not in PREPOSITIONS:
        return phrase
    for index in range(len(words) - 1, 0, -1):
        if words[index].lower() in {"the", "a", "an", "its", "their"}:
            return " ".join(words[index:])
    return ""


def _cut_at_clause_opener(phrase: str) -> str:
    """The part of a comma segment after the last word that opens a clause."""
    tokens = list(WORD_RE.finditer(phrase))
    for token in reversed(tokens):
        lower = token.group().lower()
        following = phrase[token.end() :].split()
        # ", and Ana Ruiz said": "and" opening the segment after a comma starts a clause of its
        # own, whoever follows; inside it ("Ruiz and Lind said") it may join two names
        and_clause = lower == "and" and (
            not phrase[: token.start()].strip()
            or (
                (not following or not following[0][0].isupper() or following[0] == "The")
                and not _source_like(WORD_RE.findall(phrase[: token.start()]))
            )
        )
        if _word_in(token.group(), CLAUSE_OPENERS) or and_clause:
            return phrase[token.end() :].strip()
    return phrase


def _antecedent_of_relative(segment: str) -> str | None:
    """ "Villagers who fled" -> Villagers: the noun a restrictive relative clause hangs on, when the
    clause itself names no one ("the fire, which officials said" keeps "officials")."""
    tokens = list(WORD_RE.finditer(segment))
    for token in tokens:
        if _word_in(token.group(), RELATIVE_PRONOUNS):
            # "the board's bulletin as of noon Friday which said": the date is not the antecedent
            head = _TIME_TAIL_RE.sub("", segment[: token.start()])
            before = _strip_leading_preposition(_cut_at_clause_opener(head)).strip()
            if before and _short_noun_phrase(before):
                return before
            # "the toll in the council's report which said": the document that speaks
            document = _DOCUMENT_TAIL_RE.search(head)
            if document is not None and _names_a_document(document.group("np")):
                return document.group("np")
            return None
    return None


def _holds_a_number(phrase: str) -> bool:
    """Whether a phrase holds a figure ("the 812 walkers"), not just a name with digits ("G7")."""
    if _DIGIT_RE.search(phrase) is None:
        return False
    return any(
        word.strip(_EDGE_PUNCTUATION + "$€£¥").replace(",", "").replace(".", "").isdigit()
        for word in phrase.split()
    )


# Verbs whose subject may be the place a figure happened in rather than a body that reports it.
_PLACE_TALLY_VERBS = frozenset(
    {"reported", "reports", "report", "recorded", "records", "registered", "registers", "logged"}
)
_PLACE_LIST_SPLIT = re.compile(r"\s*(?:,|\band\b)\s*")
_PARENTHESES = re.compile(r"\s*\([^)]*\)")


@lru_cache(maxsize=4096)
def _names_a_region(phrase: str) -> bool:
    """Whether a phrase is a country's or a region's name ("Ohio", "Nigeria", "Wis."), which follows a
    town's."""
    if phrase in state_abbreviations():
        return True
    place = gazetteer().lookup(phrase) if phrase[:1].isupper() else None
    return place is not None and place.level in {"region", "country"}


# A happening by its name: "Hurricane Mara", "Tropical Storm Ode", "the Velmo Ridge Fire".
_NAMED_EVENT_RE = re.compile(
    r"(?:the\s+)?(?:(?:Tropical|Super)\s+)?(?:Hurricane|Typhoon|Supertyphoon|Cyclone|Storm)\s+[A-Z][\w'’-]*"
    r"|(?:the\s+)?(?:[A-Z][\w'’-]*\s+){1,3}(?:Fire|Earthquake|Quake|Floods?)"
)


def _names_only_places(phrase: str) -> bool:
    """Whether a subject is nothing but countries, provinces, states or towns ("Northland", "the Lake
    district and Eastvale"): SPEC reads "a place recorded 40 deaths" as where they happened, and a
    country that "has reported 3,000 deaths" tallies its own as a province does. A capital stands
    for its government ("Kyiv reported"), so it is not counted here; a country that "said" a figure
    is a source (its government, docs/tracking.md)."""
    parts = [p for p in _PLACE_LIST_SPLIT.split(_PARENTHESES.sub("", phrase)) if p]
    if not parts:
        return False
    places = gazetteer()
    for part in parts:
        words = part.split()
        if words and words[0].lower() == "the":
            words = words[1:]
        unit_named = len(words) > 1 and words[-1].lower() in admin_suffixes()
        if unit_named:
            words = words[:-1]  # "Tarsa province recorded 40": the place with its unit's word
        if not words or not all(w[0].isupper() for w in words if w.lower() not in NAME_PARTICLES):
            return False
        if unit_named and part.split()[-1] == "County":
            continue  # "Velm County's count": a county, listed or not (many share a county's name)
        place = places.lookup(" ".join(words))
        if place is None or places.is_capital(place):
            return False
        if normalize_source(" ".join(words))[0] in ALIAS_TABLE:
            return False  # "Xinhua reported": a listed body named like a town
    return True


# Speakers set in a place right before their verb: "Officials in the capital (report)".
_PLACED_SPEAKERS_RE = re.compile(r"\bin\s+[^,;.]{0,40}$")


def _speakers_placed_before(text: str, start: int, position: int) -> bool:
    """Whether a speaker's head and "in" a place stand right before `position`: "Officials in the
    capital report that ...", where "in ... report" would otherwise read as the document."""
    placed = _PLACED_SPEAKERS_RE.search(text, max(start, position - 48), position)
    return placed is not None and _word_before(text, placed.start()).lower() in SOURCE_HEADS


def _speaker_head_before(text: str, position: int) -> bool:
    """Whether the word before a verb that is also a plural noun ("reports", "states") ends a
    speaker, past an adverb ("also"): a source head ("the ministry reports that") or an acronym
    ("UNICEF reports that"); not an adjective ("credible reports that", "the Gulf states that")."""
    word = _word_before(text, position)
    if word.lower() in AUXILIARIES:
        position -= len(word) + 1
        word = _word_before(text, position)
    if not word and text.endswith(") ", 0, position):
        word = _word_before(text, position - 2)  # a bracketed acronym: "the relief office (RO) states"
        return text.endswith(f"({word}) ", 0, position) and len(word) > 1 and word.isupper()
    return word.lower() in SOURCE_HEADS or (len(word) > 1 and word.isupper())


@lru_cache(maxsize=8192)
def _word_before(text: str, position: int) -> str:
    """The word that ends just before `position` (past one space), or "" when there is none."""
    end = position - 1 if position > 0 and text[position - 1] == " " else position
    start = end
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return text[start:end]


# Bounded: the answer reads the phrase alone, and the same source phrases recur within and across items.
@lru_cache(maxsize=8192)
def _valid_source(phrase: str, *, counting: bool) -> bool:
    """Whether a phrase can be a source: a pronoun, a proper name or acronym, or a noun phrase with a
    source head. A keeper of figures (`counting`) must be a body or a named person, not a place or
    bystanders ("Norland has logged", "people who fled the valley had found")."""
    tokens = WORD_RE.findall(phrase)
    if not tokens or len(tokens) > 14 or _holds_a_number(phrase):
        return False
    lower = [t.lower() for t in tokens]
    if len(lower) == 1 and lower[0] in PRONOUNS:
        return lower[0] not in FIRST_PERSON
    if (
        lower[-1] in DETERMINERS
        or lower[-1] in PREPOSITIONS
        # "a lower toll than officials had announced": whom a figure is compared with
        or "than" in lower
        # "There's continued potential of ...": a clause's dummy subject
        or lower[0] in _DUMMY_SUBJECTS
        # "Norland is the worst hit, having reported": a clause with its own verb is no name
        or _holds_a_copula(tokens, lower)
        # "Rough estimates suggested": a word that qualifies figures is no one who gives them
        or (len(lower) == 1 and (lower[0] in DISCOURSE_WORDS or lower[0] in GENERIC_DOCUMENT_ADJECTIVES))
    ):
        return False
    # "the inter-union", "a state-run agency": a compound counts by its last part
    heads = (set(lower) | {t.rsplit("-", 1)[-1] for t in lower if "-" in t}) & SOURCE_HEADS
    if (
        not heads
        and any(t in PLACE_HEADS for t in lower if not t[0].isupper())
        and personal_name(tokens) is None
        # "Maj. Tom Reed of the state patrol": a named person, whatever the body's words
        and not _named_person_of_a_body(tokens, lower)
    ):
        # "..., the city said in a statement": a town's own government speaks, but never keeps its
        # figures as a body does ("the city recorded 41 homicides" is where they happened)
        return not counting and len(lower) == 2 and lower[0] == "the" and lower[1] in _MUNICIPAL_SPEAKERS
    acronym = any(ACRONYM_RE.match(t) for t in tokens)
    capitalised = [t for t in tokens[1:] if t[0].isupper()] + (
        [tokens[0]] if tokens[0][0].isupper() and lower[0] not in DETERMINERS else []
    )
    if not heads and not acronym and _named_only_after_a_preposition(tokens, lower):
        capitalised = []  # "two quakes half an hour apart in Zinda Jan": a thing, and where it was
    if counting:
        return (
            bool(heads - NON_COUNTING_HEADS)
            or acronym
            or len(capitalised) >= 2
            or (personal_name(tokens) is not None)
            or " ".join(lower) in ALIAS_TABLE  # "By Reuters' count": a listed body keeps tallies
        )
    return bool(heads) or bool(capitalised) or acronym


_DUMMY_SUBJECTS = frozenset({"there", "there's", "there’s", "here", "here's", "here’s"})


def _named_only_after_a_preposition(tokens: list[str], lower: list[str]) -> bool:
    """Whether a phrase opens in lower case and its first capitalised word follows a preposition."""
    if tokens[0][0].isupper():
        return False
    first = next((index for index, token in enumerate(tokens) if token[0].isupper()), None)
    return first is not None and first > 0 and lower[first - 1] in PREPOSITIONS


# A document a relative "that" describes, right before its cue: "a previous report that (said)".
_DOCUMENT_THAT_RE = re.compile(
    r"\b(?P<np>(?:an?|the|its|their)\s+(?:[a-z]+\s+){0,2}?"
    r"(?:report|statement|bulletin|estimate|count|tally|update|assessment))\s+that\s+$"
)
_COPULAS = frozenset({"is", "are", "was", "were"})
_RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})
# Words that may stand between "which" and its cue verb: "which had earlier put".
_RELATIVE_AUXILIARIES = frozenset({"had", "has", "have", "also", "earlier", "later", "first", "previously"})


def _holds_a_copula(tokens: list[str], lower: list[str]) -> bool:
    """Whether a phrase holds "is" or "was" between words, not in a relative clause ("a man who was
    there"): "Norland is the worst-affected having" is a clause, not a name."""
    return any(
        tokens[at] in _COPULAS and lower[at - 1] not in _RELATIVE_PRONOUNS for at in range(1, len(tokens) - 1)
    )


_ONE_CAPITALISED_WORD_RE = re.compile(r"[A-Z][a-z'’-]+")
_MUNICIPAL_SPEAKERS = frozenset({"city", "town", "county", "municipality", "borough"})
# How far back the full name of a surname is looked for: a long article's length, so that an item
# of thousands of such sentences stays linear.
SURNAME_LOOKBACK = 6000


def _surname_of_a_named_person(text: str, phrase: str, before: int) -> bool:
    """Whether a one-word subject is the surname of a person named in full earlier ("Tate revised the
    figure" after "Lou Tate said"): it keeps figures as the person does."""
    if not _ONE_CAPITALISED_WORD_RE.fullmatch(phrase):
        return False
    full_name = re.compile(rf"\b[A-Z][\w'’-]+\s+{re.escape(phrase)}\b")
    earlier = full_name.finditer(text, max(0, before - SURNAME_LOOKBACK), before)
    return any(personal_name(match.group().split()) for match in earlier)


def _named_person_of_a_body(tokens: list[str], lower: list[str]) -> bool:
    """Whether a phrase is a person's name, then "of", "from" or "at" and the body they speak for."""
    link = next((index for index, word in enumerate(lower) if word in ("of", "from", "at")), 0)
    return link >= 2 and link < len(tokens) - 1 and personal_name(tokens[:link]) is not None


def _generic_source(phrase: str) -> bool:
    """A noun phrase after "according to" that names no body but is still where the figure comes
    from ("information on the board's website", "preliminary results"); not a manner ("according to
    plan", "according to the rules")."""
    tokens = WORD_RE.findall(phrase)
    return (
        0 < len(tokens) <= 10
        and not _holds_a_number(phrase)
        and tokens[0].lower() not in PRONOUNS | RELATIVE_PRONOUNS
        and tokens[-1].lower() not in DETERMINERS | PREPOSITIONS
        and not any(token.lower() in MANNER_NOUNS for token in tokens)
    )


# Lower-case words inside a body's capitalised name: "the Institute for Fiscal Studies".
_NAME_LINK_WORDS = frozenset({"the", "of", "for", "on", "and"})


_CLIENT_AFTER_MAKER_RE = re.compile(
    r"\b(?P<maker_head>[\w'’.&-]+)(?:\s+[a-z]+ly)?\s+for\s+(?:the\s+)?[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){0,4}"
    # "exclusively for WXTV in Dover": where the client is, after its name
    r"(?:\s+in\s+[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){0,2})?$"
)


# Findings whose "of" names the people asked ("a survey of 2,000 adults", "a poll of nurses").
_SAMPLING_DOCUMENTS = frozenset({"poll", "polls", "survey", "surveys", "census"})


def _owner_of_documents(phrase: str) -> str | None:  # noqa: PLR0911  one early return per document-phrase pattern
    """The body behind a document phrase: "figures from the NRWB" -> the NRWB; "figures" -> None."""
    phrase = _CLOCK_TIME_RE.sub("", phrase)  # "the board's 6 p.m. bulletin": the hour is no owner
    document_from = DOCUMENT_FROM_RE.match(phrase)
    if document_from:
        opening = document_from.group().split()
        if opening[-1] == "of" and opening[-2].lower() in _SAMPLING_DOCUMENTS:
            # "a new poll of Velm voters": after "of" stand the people asked, not the poll's maker
            return " ".join(opening[:-1])
        owner = phrase[document_from.end() :]
        client = _CLIENT_AFTER_MAKER_RE.search(owner)
        # "polls by Pollwise for the Courier": the maker, not whom it worked for; "the Office for
        # National Statistics" is one name, its head before "for"
        if client is not None and client.group("maker_head").lower() not in SOURCE_HEADS:
            return owner[: client.end("maker_head")]
        return owner
    noun = POSSESSED_DOCUMENT_NOUN_RE.search(phrase)
    possessive = possessor_before(phrase, 0, noun.start()) if noun else None
    if possessive:
        if _names_a_body(possessive.group("between")):
            return phrase[: possessive.end("between")]
        return re.sub(r"(?:'s|’s|'|’)$", "", phrase[: possessive.end("owner")])
    tokens = WORD_RE.findall(phrase)
    if tokens and tokens[-1].lower() in DOCUMENT_NOUNS:
        if tokens[-1].lower() in {"documents", "records"}:
            return phrase
        owners = [t for t in tokens[:-1] if t.lower() not in GENERIC_DOCUMENT_ADJECTIVES]
        named = [t for t in owners if t.lower() not in _NAME_LINK_WORDS]
        if tokens[-1][0].isupper() and named and all(t[0].isupper() for t in named):
            # "the U.S. Geological Survey", "the Institute for Fiscal Studies": a capitalised name
            # that ends on a document noun
            return phrase
        if not owners and any(t.lower() == "official" for t in tokens[:-1]):
            return f"official {tokens[-1]}"  # "official data showed", as "according to official data"
        if len(owners) == 1 and not ACRONYM_RE.match(owners[0]):
            return f"{owners[0]} {tokens[-1]}"
        if tokens[-1].lower() in FINDING_DOCUMENTS and not any(t[0].isupper() for t in owners):
            # "the positive half-year report", "official results": the finding is the source, with
            # the words that say which finding it is
            return " ".join([*(t for t in tokens[:-1] if t.lower() not in _DOCUMENT_DETERMINERS), tokens[-1]])
        return " ".join(owners) or None
    return phrase


def _names_a_document(phrase: str) -> bool:
    """ "budget documents", "figures from the NRWB", "the centre's data": a subject that can "show"."""
    words = phrase.split()
    return bool(words) and (words[-1].lower() in DOCUMENT_NOUNS or DOCUMENT_FROM_RE.match(phrase) is not None)


def _names_a_body(words: str) -> bool:
    """ "Norland's transport ministry data": words between a possessor and its document that name the
    body the document belongs to. A head that also qualifies a document, right before it, names no
    body: "Amman's official figure" is Amman's."""
    lower = words.lower().split()
    if lower and lower[-1] in _ADJECTIVE_LIKE_HEADS:
        lower.pop()
    return any(word in SOURCE_HEADS for word in lower)


# A document noun and, with no mark between, the figure it gives: where a source phrase ends.
_DOCUMENT_THEN_FIGURE_RE = re.compile(
    r"\b(?P<noun>report|reports|data|figures|statistics|estimates|bulletin|update|results|count|tally)\s+"
    # "according to initial results only four parties ...": a quantifier opens the clause after it
    r"(?=\d|(?:only|some|about|almost|nearly|more|over|around|roughly|just|at\s+least|fewer|less)\s)",
    re.IGNORECASE,
)


# A label opening a bracket, up to a document noun, and the figure it gives right after it:
# "(police estimate 5,500)", "(official tally: 167)"; a possessive label is its owner's document.
_BRACKET_LABEL_RE = re.compile(
    rf"\((?P<label>(?:[\w.-]+\s+){{0,3}}?(?P<noun>{BRACKET_LABEL_NOUNS}))"
    r"\s*:?\s*(?=[\d$€£])"
)
# A bracket holding only a label, after the figure it credits: "(police estimate)", "(organisers'
# figures)", "(estimates from police and organizers)".
_TRAILING_BRACKET_LABEL_RE = re.compile(
    rf"\((?:(?P<owner>(?:[\w.'’-]+\s+){{1,3}}?)(?P<noun>{BRACKET_LABEL_NOUNS})"
    rf"|(?P<noun_first>{BRACKET_LABEL_NOUNS})\s+(?:from|by)\s+(?P<maker>[^()\d]{{2,60}}?))\)"
)
# What ends a figure's clause before a label after it.
_CLAUSE_BETWEEN_RE = re.compile(r"[,;:]|\band\b")
# A colon between a label and the figure it gives: "police estimate: 5,500".
_COLON_RE = re.compile(r"\s*:\s*")
# A share right after "found" or "finds": a finding, not a search that found someone.
_SHARE_FOLLOWS_RE = re.compile(
    r"\s+(?:(?:about|around|nearly|almost|only|just|over|some|more\s+than|less\s+than)\s+)?"
    r"\d[\d.,]*\s*(?:%|percent\b|per\s+cent\b)"
)
# A pronoun closing a source phrase, then what it says of the people named before it: "people it
# said were familiar with the matter".
_TRAILING_PRONOUN_RE = re.compile(r"(?<=\w)\s+(?:it|they|he|she)$")
_SAID_OF_THEM_RE = re.compile(r"\s+(?:said|says)\s+(?:(?:were|was|are|is)\s+)?")
# "of" and a determiner before a word in lower case: the object of a finding, not a name's part.
_OBJECT_AFTER_NAME_RE = re.compile(r"\s+of\s+(?:the|a|an|its|their|this|that|these)\s+[a-z]")


def _right_phrase(text: str, start: int, limit: int) -> tuple[str, int]:
    """The source phrase that follows a cue, and where it ends."""
    match = _RIGHT_PHRASE_END_RE.search(text, start, limit)
    while match is not None and (_and_inside_a_name(text, start, match) or _on_inside_a_name(text, match)):
        match = _RIGHT_PHRASE_END_RE.search(text, match.end(), limit)
    end = match.start() if match else limit
    document = _DOCUMENT_THEN_FIGURE_RE.search(text, start, end)
    if document is not None:
        end = document.end("noun")  # "as per the board's updated report 46,190 houses ...": the report
    phrase = text[start:end].rstrip().rstrip(".")
    pronoun = _TRAILING_PRONOUN_RE.search(phrase)
    said = _SAID_OF_THEM_RE.match(text, start + len(phrase), limit) if pronoun is not None else None
    if pronoun is not None and said is not None:
        # "citing people it said were familiar with the matter": the reporter's aside on who they
        # are; the people are the ones the words after it describe
        rest, rest_end = _right_phrase(text, said.end(), limit)
        return f"{phrase[: pronoun.start()]} {rest}", rest_end
    object_of = _OBJECT_AFTER_NAME_RE.search(phrase)
    head = phrase[: object_of.start()].rsplit(maxsplit=1)[-1] if object_of is not None else ""
    if object_of is not None and head[:1].isupper() and head.lower() in SOURCE_HEADS:
        # "an estimate by the Budget Office of the bill's cost": what the finding is about, after
        # the name of its maker, is no part of the name ("the Ministry of the Interior" is, and
        # "Lena Ortiz of the state patrol" names her body)
        phrase = phrase[: object_of.start()]
    if phrase.endswith(")") and "(" not in phrase:
        phrase = phrase[:-1].rstrip()  # "(according to police)": the bracket closes around the credit
    day = _TRAILING_DAY_RE.search(phrase) if phrase.endswith("day") else None  # every weekday ends so
    if day is not None and not day.group("before").istitle():
        phrase = phrase[: day.end("before")]  # "authorities Friday": when, not who
    return phrase, start + len(phrase)


# A day after a source, unless it ends a name: "authorities Friday", "the UN Monday", not "Joe Friday".
_TRAILING_DAY_RE = re.compile(
    rf"(?P<before>\S+)\s+(?:{word_alternation({day.capitalize() for day in WEEKDAY_NAMES})})$"
)


# "the Food and Agriculture Organization", "the Department of Forestry and Fire Protection": a
# name that opens with "the" (or its country's possessive: "Thailand's Department of Disaster
# Prevention and Mitigation") and runs on in capitals after "and" before it has reached its head.
_NAME_BEFORE_AND_RE = re.compile(
    r"(?:(?i:the)|[A-Z][\w-]*(?:'s|’s))\s+(?:[A-Z][\w'’-]*\s+(?:(?:of|for)\s+)?){0,8}?(?P<last>[A-Z][\w'’-]*)\s*$"
)
_CAPITALISED_AFTER_AND_RE = re.compile(r"\s+[A-Z][a-z]")


# How many words after "and" a head two modifiers share may stand: "the health and interior ministries".
SHARED_HEAD_WORDS = 3


def _and_joins_modifiers(text: str, start: int, after_and: int) -> bool:
    """Whether "and" joins two words of one body's description ("the finance and economy ministry",
    "the UN's training and research agency"), not two sources ("the police and the army")."""
    before = text[start:after_and].split()[:-1]  # the words before "and"
    if len(before) < 2 or not before[-1].islower() or before[-1] in SOURCE_HEADS:
        return False
    for word in LETTERS_RE.findall(text, after_and, after_and + 60)[:SHARED_HEAD_WORDS]:
        if not word.islower() or word in DETERMINERS:
            return False
        if word in SOURCE_HEADS:
            return True
    return False


def _and_inside_a_name(text: str, start: int, end_match: re.Match[str]) -> bool:
    """Whether the "and" that would end a source phrase stands inside one body's name."""
    if end_match.group().strip() != "and":
        return False
    if _and_joins_modifiers(text, start, end_match.end()):
        return True
    before = _NAME_BEFORE_AND_RE.fullmatch(text, start, end_match.start())
    if before is None or before.group("last").isupper():  # "the UN and ..." names the UN whole
        return False
    if before.group("last").lower() in SOURCE_HEADS:  # "the Health Ministry and Civil Defence"
        return False
    return _CAPITALISED_AFTER_AND_RE.match(text, end_match.end()) is not None


# Bodies whose names run on with "on" and their remit: "the Council on Foreign Relations".
_REMIT_HEADS_RE = re.compile(r"(?:Committee|Subcommittee|Council|Commission|Panel|Conference|Caucus)\s*$")
_CAPITALISED_WORD_RE = re.compile(r"\s+([A-Z][a-z]+)\b")
# Capitalised words after "on" that end a source rather than name its remit: a day, a month, a medium.
_NO_REMIT_WORDS = _CALENDAR_WORDS | _MEDIA_NAMES
# How far before "on" the body's head is looked for: the longest head and a space or two.
REMIT_HEAD_WINDOW = 16


def _on_inside_a_name(text: str, end_match: re.Match[str]) -> bool:
    """Whether the "on" that would end a source phrase stands inside one body's name ("the Joint
    Committee on Taxation"), not before a day or a medium ("the council on Monday")."""
    head_from = max(0, end_match.start() - REMIT_HEAD_WINDOW)
    if end_match.group().strip() != "on" or not _REMIT_HEADS_RE.search(text, head_from, end_match.start()):
        return False
    remit = _CAPITALISED_WORD_RE.match(text, end_match.end())
    return remit is not None and remit.group(1).lower() not in _NO_REMIT_WORDS


_PART_OF_DAY = frozenset({"late", "early"})


def _without_trailing_adverbials(region: str) -> str:
    """The subject region without the words between subject and verb: "the guild on its own", "the
    ministry had", "Traders surveyed by the chamber last week"."""
    while True:
        stripped = region.rstrip()
        cut = stripped.rfind(" ")
        last = stripped[cut + 1 :].lower()
        if last in AUXILIARIES or last in SKIPPABLE_ADVERBS:  # "economists had widely expected"
            region = stripped[: cut + 1]
            continue
        if last in WEEKDAYS:
            region = stripped[: cut + 1]
            if region.rstrip().lower().endswith(" on"):
                region = region.rstrip()[:-3]
            continue
        if stripped[cut + 1 :] in _PART_OF_DAY and cut > 0:
            # "confirmed by the governor late on Monday": the phrase stops before "on Monday", "the UN
            # late on Saturday gave" after it; a source never ends in either word but as a surname
            region = stripped[:cut]
            continue
        phrase = _TRAILING_PHRASE_RE.search(stripped) or (
            # the adverbial's pattern ends in a comma, and `stripped` ends where the region's text does
            PARENTHETICAL_ADVERBIAL_RE.search(stripped) if stripped.endswith(",") else None
        )
        if phrase is None:
            return stripped
        region = stripped[: phrase.start()]


def _whole_region_subject(region: str, region_start: int) -> tuple[str, int, str | None, str] | None:
    """A subject that ends the region whole: a pronoun ("..., they said"), or a finding and the
    several bodies that made it ("The exit polls commissioned by Velmar TV, Tarsa Radio and the
    Star have ...", whose commas join the makers' names)."""
    words = WORD_RE.findall(region)
    if words and _word_in(words[-1], SUBJECT_PRONOUNS):
        return words[-1], region_start + region.rfind(words[-1]), None, ""
    made = _FINDING_MADE_BY_MANY_RE.fullmatch(region.strip()) if " by " in region else None
    if made is not None:
        document = made.group("document")
        return document, region_start + region.find(document), None, ""
    return None


# The last item of a list of names after commas: "York and Hull", "Hull all", "and Hull both".
_LAST_LISTED_NAME_RE = re.compile(
    r"\s*(?:and\s+|or\s+)?(?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’.-]*"
    r"(?:\s+(?:and|or)\s+(?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’.-]*)?(?:\s+(?:all|both|each))?\s*"
)
_LISTED_NAME_RE = re.compile(r"\s*(?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’.-]*\s*")
_AND_OR_RE = re.compile(r"\b(?:and|or)\b")


def _place_list_start(segments: list[str]) -> int | None:
    """Where a list of names that closes a subject opens, when a phrase of place ("in Leeds") heads
    it: the index of the segment with that phrase; None when the segments after a comma are no
    such list (or hold no "and", as "Columbus, Ohio" does not)."""
    if len(segments) < 2 or _LAST_LISTED_NAME_RE.fullmatch(segments[-1]) is None:
        return None
    if _AND_OR_RE.search(segments[-1]) is None:
        return None
    index = len(segments) - 2
    while index > 0 and _LISTED_NAME_RE.fullmatch(segments[index]) is not None:
        index -= 1
    return index if _IN_A_TOWN_END_RE.search(segments[index]) else None


# A phrase of where set off by commas between a subject and its verb: ", north of the capital,", ", near
# the border,", ", in a statement,".
_WHERE_ASIDE_RE = re.compile(
    r"\s*(?:(?:just\s+)?(?:outside|near|north|south|east|west|northeast|northwest|southeast|southwest)"
    r"(?:\s+of)?|in|at)\s+(?:the\s+)?[A-Za-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,3}\s*"
)
# An aside that places its subject in a town, before the town's region or country after a comma.
_IN_A_TOWN_END_RE = re.compile(r"\bin\s+(?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’.-]*\s*$")


# A name of one to three capitalised words in quotation marks after an article: 'the "White Helmet"'.
_QUOTED_NAME_RE = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+[\"“][A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}[\"”]$")
# The most characters a subject before its cue verb may take: the longest in the labelled and real
# sets is about 310.
SUBJECT_WINDOW = 500


def _left_subject(text: str, region_start: int, verb_start: int) -> tuple[str, int, str | None, str] | None:  # noqa: PLR0911, PLR0912, PLR0915  one rule per subject shape
    """The subject before a cue verb: (phrase, start, cue override, words that vouch for it), or
    ("", position, None, "") when the verb shares the subject of an earlier one ("put the toll at
    812 and said ...")."""
    if verb_start - region_start > SUBJECT_WINDOW:
        # no subject is this long; reading the whole run-on clause before every verb grew with the
        # square of the sentence
        earliest = verb_start - SUBJECT_WINDOW
        region_start = text.find(" ", earliest, verb_start) + 1 or earliest
    marker = _LIST_ITEM_RE.match(text, region_start, verb_start)
    if marker is not None:
        region_start = marker.end()  # "• Afghans say ...": a list item's marker is no part of its subject
    region = _without_trailing_adverbials(text[region_start:verb_start]).rstrip(" ,")
    for quote in _DOUBLE_QUOTES:
        cut = region.rfind(quote)
        if cut >= 0:
            # 'the "White Helmet" rescue group': a name in quotation marks inside the subject, not a
            # quotation before it
            named = _QUOTED_NAME_RE.search(region, 0, cut + 1)
            cut = named.start() - 1 if named is not None else cut
            region_start += cut + 1
            region = region[cut + 1 :]
            if named is not None:
                break
    if not region.strip(" ,"):
        return "", verb_start, None, ""
    whole = _whole_region_subject(region, region_start)
    if whole is not None:
        return whole
    segments = _SEGMENT_COMMA_RE.split(region) if _DIGIT_RE.search(region) else region.split(",")
    for town in (len(segments) - 2, len(segments) - 3):
        if (
            town >= 0
            and _IN_A_TOWN_END_RE.search(segments[town])
            and _names_a_region(segments[town + 1].strip())
        ):
            # "The company, based in Columbus, Ohio, said": the state is the town's, inside the
            # aside; "40 died in Velport, Texas, the sheriff said": the state is no speaker
            segments = [*segments[:town], f"{segments[town]},{segments[town + 1]}", *segments[town + 2 :]]
            break
    listed = _place_list_start(segments)
    if listed is not None:
        # "Organizers of marches in Leeds, York and Hull all claimed": the places are one list
        segments = [*segments[:listed], ",".join(segments[listed:])]
    if len(segments) >= 2 and _WHERE_ASIDE_RE.fullmatch(segments[-1]) and segments[-2].strip():
        # "Elders in the hill district, north of the capital, say": where they are, set off by commas
        segments = segments[:-1]
    if len(segments) >= 2 and _cites_its_own(segments[-1]) and segments[-2].strip():
        # "The agency, citing its own records, said": the records are the agency's, the subject before
        segments = segments[:-1]
    last = segments[-1].strip()
    last_words = WORD_RE.findall(last)
    if not last_words:
        # only punctuation after the last comma (", )", ",’"): no subject stands there
        return None
    first = last_words[0].lower()
    if first in {"citing", "quoting"}:
        phrase = last[len(last_words[0]) :].strip()
        start = region_start + region.rfind(phrase)
        return _owner_of_documents(phrase) or phrase, start, "citing", ""
    # a relative clause closed by a comma before the verb is an aside ("the Archive, which counts
    # crowds, estimated"); open, it holds the verb's own subject ("the fire, which officials said")
    open_clause = not text[region_start:verb_start].rstrip().endswith(",")
    if (
        (_word_in(last_words[0], RELATIVE_PRONOUNS) or first == "where")
        and open_clause
        and len(last_words) > 1
    ):
        # "the fire, which officials said killed 40", "towns in Sindh, where officials said 40
        # died": the relative clause has a subject of its own
        inner = last[last.find(last_words[1]) :].strip()
        # "who heads the panel": a head noun that takes an object is a verb ("heads", "guards")
        takes_an_object = len(last_words) > 2 and last_words[2].lower() in DETERMINERS
        opens_a_noun_phrase = (
            last_words[1][0].isupper()
            or last_words[1].lower() in DETERMINERS
            or (last_words[1].lower() in SOURCE_HEADS and not takes_an_object)
            # "which local officials said": a few modifiers and a speaker's head, no verb between
            or (
                len(last_words) <= RELATIVE_SUBJECT_WORDS + 1
                and last_words[-1].lower() in SOURCE_HEADS
                and not any(word.lower() in DETERMINERS | _LINKING_VERBS for word in last_words[1:])
            )
        )
        # "whose members were at the scene, said": a clause of its own, not the subject
        if (
            opens_a_noun_phrase
            and _FINITE_VERB_RE.search(inner) is None
            # "the district, where the town is, has reported": the clause's verb ends it
            and last_words[-1].lower() not in _LINKING_VERBS
            and _valid_source(inner, counting=False)
        ):
            return inner, region_start + region.rfind(inner), None, ""
    if (
        len(segments) >= 2
        and (_AGE_RE.fullmatch(last) or _PARTY_TAG_RE.fullmatch(last))
        and _name_like(segments[-2].strip())
    ):
        # "Okafor, 54, said", "Sen. Ana Ortiz, D-Ohio, said": an age, or a lawmaker's party and
        # state, set off after the name, which tells the name is a person's
        before = segments[-2].strip()
        return before, region_start + region.rfind(before), None, last
    if len(segments) >= 2:
        before = segments[-2].strip()
        if len(segments) >= 3 and _AGE_RE.fullmatch(before) and _name_like(segments[-3].strip()):
            before = segments[-3].strip()  # "Okafor, 54, who farms nearby, said": past the age
        elif len(segments) >= 3 and first == "who" and _appositive(before):
            # "next to Ivo Lund, the head of the port authority, who said": "who" is the person the
            # office describes, and a person's name is the source over their office (SPEC)
            before = _name_ending(segments[-3].strip()) or before
        relative = (
            _word_in(last_words[0], RELATIVE_PRONOUNS)
            or first == "where"  # "Officials in the county, where 48,000 ballots were cast, said"
            or (first.endswith("ing") and _appositive(last))
            or _reduced_passive(last_words)
            or first in _ADVERBIAL_PREPOSITIONS
        )
        before = _described_noun_phrase(before)
        # "Velmhilfe, the aid group for displaced families, said": only when a comma closes the
        # description ("Floods, the agency said, killed 40" is a parenthetical cue)
        closed = text[region_start:verb_start].rstrip().endswith(",")
        described = (
            relative
            and (
                _short_noun_phrase(before)
                or _speaker_with_affiliation(before)
                or _speaker_phrase(before)
                or _titled_name(before)
            )
        ) or (
            (_appositive(last) or (closed and _body_description(last)))
            # "Economists at the Fiscal Institute, a think tank, estimated": a speaker's affiliation
            and (_name_like(before) or _definite_body(before) or _affiliated_speaker(before))
            # "Speaking to voters in Dover, the candidate said": an opening clause, not a name
            and _OPENING_PARTICIPLE_RE.match(before) is None
        )
        # "is the worst, pushing ... that the agency says": a clause before the comma is no subject
        if described and (
            _valid_source(before, counting=False)
            or (not first.endswith("ing") and _valid_source(f"{before} {last}", counting=False))
        ):
            given = _documents_and_giver(before, last, first)
            return given or before, region_start + region.rfind(before), None, "" if given else last
        if first in {"which", "who"} and all(
            word.lower() in _RELATIVE_AUXILIARIES for word in last_words[1:]
        ):
            # "was rejected by the ministry, which said", "..., which had put": the body a clause
            # ended on speaks
            named = _OBJECT_TAIL_RE.search(segments[-2].strip())
            # after "of" only a body ("the estimate of the health office"), not a place ("the town of Orlo")
            if named is not None and _valid_source(named.group("np"), counting=named["preposition"] == "of"):
                return named.group("np"), region_start + region.rfind(named.group("np")), None, ""
    whose = _WHOSE_CLAUSE_RE.search(last)
    if whose is not None:
        # "Countries whose citizens took part have reported": the clause describes the head before it
        head = last[: whose.start()].strip()
        if not _valid_source(head, counting=False):
            return None
        return head, region_start + region.rfind(head), None, ""
    subject = _subject_in_segment(last)
    if len(segments) >= 2 and _word_in(last_words[0], RELATIVE_PRONOUNS) and not _names_someone(subject):
        # "X, who visited the site on Tuesday, said": the clause is X's predicate, and X was not read
        return None
    if len(segments) >= 2 and first == "where" and last_words[-1].lower() in _LINKING_VERBS:
        # "The district, where Orlo is, has reported 88 deaths": an aside on the place, no speaker
        return None
    if _holds_a_number(subject):
        head = _HEAD_BEFORE_COMPLEMENT_RE.match(subject)
        tail = _DETERMINER_TAIL_RE.search(subject)
        reckoner = _AFTER_FIGURE_RE.search(subject)
        if head and head.group("head").lower() in SOURCE_HEADS:
            # "The poll of 1,000 voters": the size of the sample is not part of the source, but its
            # maker is ("a survey of 2,000 adults conducted by Pollwise")
            maker = _finding_agent(subject, head.end())
            found_by = maker is not None and head.group("head").lower() in _FINDING_DOCUMENTS
            subject = maker.group("agent") if maker is not None and found_by else head.group("np")
        elif (
            reckoner is not None
            and _RECKONING_VERB_RE.match(text, verb_start)
            and _valid_source(reckoner.group("who"), counting=False)
        ):
            # "ahead of the $1.9 billion analysts had expected": the figure is what they expected
            subject = reckoner.group("who")
        else:
            subject = tail.group() if tail else ""
    if not subject:
        return "", verb_start, None, ""
    subject = _origin_of_finding(subject)
    cue_word = WORD_RE.match(text, verb_start)
    # only a cue that is also a document noun ("report") is read this way: the search is left out
    # for every other verb
    acted_on = (
        _OBJECT_OF_A_DEED_RE.search(subject)
        if cue_word is not None and cue_word.group().lower() in DOCUMENT_NOUNS
        else None
    )
    if acted_on is not None:
        # "The rebels rejected the Velm Army report that ...": "report" is the army's document, and
        # the words before it hold a verb of their own, so they are no subject
        subject = acted_on.group("np").strip()
    return subject, region_start + region.rfind(subject), None, ""


# A "whose" clause inside a subject, which describes the noun phrase before it; or a "that" or
# "which" clause on a verb of what the head is ("A county that includes Orlo reported").
_WHOSE_CLAUSE_RE = re.compile(
    r"\s+(?:whose\s|(?:that|which)\s+(?:includes|covers|contains|borders|runs|oversees|manages)\s)"
)
# A verb in the past and the definite noun phrase it acts on, inside what was read as a subject.
_OBJECT_OF_A_DEED_RE = re.compile(r"\b[a-z]{3,}ed\s+(?P<np>(?:the|its|their)\s+(?:[A-Z][\w'’.&-]*\s*){1,5})$")


def _coordinated_subject(text: str, start: int, verb_start: int) -> str:
    """The subject of a clause that did something else before "and" the cue verb at `verb_start`,
    when it can only be someone: a speaker's head noun ("The army") or a name of two capitalised
    words or more, never a sentence's first word ("Floods killed 30 and ...")."""
    if verb_start - start > SUBJECT_WINDOW:
        return ""  # no clause and its subject run on this long before "and"
    coordinated = _COORDINATED_SUBJECT_RE.match(text, start, verb_start)
    if coordinated is None:
        return ""
    phrase = coordinated.group("np")
    words = phrase.split()
    if _valid_source(phrase, counting=False) and (
        words[-1].lower() in SOURCE_HEADS or sum(word[0].isupper() for word in words) >= 2
    ):
        return phrase
    return ""


# Words of time that may follow a cue verb before its clause: "said Tuesday", "said yesterday".
_TIME_ADVERBS = frozenset({"yesterday", "today", "tonight", "earlier", "later", "recently", "overnight"})


def _inverted_speaker(phrase: str) -> bool:
    """ "..., said Ivo Marek" names the speaker after the verb; "..., said he had" does not."""
    tokens = WORD_RE.findall(phrase)
    if not tokens or len(tokens) > 8 or tokens[0].lower() in PRONOUNS | {"that", "in", "on", "by", "at"}:
        return False
    first = tokens[0]
    if first.lower() in _TIME_ADVERBS or (
        first.lower() in WEEKDAYS and phrase[len(first) : len(first) + 2] not in {"'s", "’s"}
    ):
        return False  # "..., said Tuesday that": when, not who ("said Tuesday's statement" is who)
    # "said police officer Ana Ruiz": a title in lower case before the name
    titled_name = first.islower() and personal_name(tokens) is not None
    # "said officials at the scene", but not "said police had found ..." nor "said the coalition
    # would survive": a finite verb makes the words the reported clause
    if _FINITE_VERB_RE.search(phrase) is not None:
        return False
    # "reported news agency ANI", "said state broadcaster NHK": what the body is, then its name
    described_name = (
        first.islower()
        and tokens[-1][0].isupper()
        and any(token.lower() in SOURCE_HEADS for token in tokens[:-1])
    )
    return (
        NAME_TOKEN_RE.match(first) is not None
        or first.lower() in {"a", "an", "the", "one", "two", "three", "another", "several"}
        or titled_name
        or described_name
        or first in SOURCE_HEADS
    ) and _valid_source(phrase, counting=False)


def _preceded_by_comma(text: str, position: int, floor: int) -> bool:
    """Whether a comma, closing quote or dash stands right before `position`: the cue is set off after
    the clause it reports."""
    index = position - 1
    while index >= floor and text[index] in " \t\n":
        index -= 1
    return index >= floor and text[index] in _CLOSING_PUNCTUATION


@dataclass(slots=True)
class _Cue:
    """A cue word (or phrase) found in a sentence: its text, span and kind (see CUE_WORDS)."""

    word: str
    start: int
    end: int
    kind: str


def _occurrences(text: str, word: str, start: int, end: int) -> Iterator[int]:
    """Where `word` stands in text[start:end], left to right, without overlaps."""
    position = text.find(word, start, end)
    while position >= 0:
        yield position
        position = text.find(word, position + len(word), end)


# The auxiliary of a progressive tense right before a participle: "are saying", "was claiming".
_PROGRESSIVE_BEFORE_RE = re.compile(r"\b(?:is|are|was|were|am)\s+$|(?<=\w)['’]re\s+$")
PROGRESSIVE_WINDOW = 8


def _progressive_cue(text: str, word: str, start: int, position: int) -> _Cue | None:
    """ "the police are saying at least 750,000": a participle of saying after the auxiliary of a
    progressive tense is a finite verb of saying, its subject before the auxiliary."""
    after = position + len(word)
    finite = SPEECH_PARTICIPLES.get(word)
    progressive = _PROGRESSIVE_BEFORE_RE.search(text, max(start, position - PROGRESSIVE_WINDOW), position)
    # "is counting on a veteran defence": relying on, not counting
    if finite is None or progressive is None or text.startswith(" on ", after):
        return None
    return _Cue(finite, progressive.start(), after, CUE_WORDS.get(finite, "speech"))


def _cue_words(text: str, start: int, end: int) -> list[_Cue]:
    """The cue words of a sentence in reading order. Most sentences hold none; the set intersection
    finds that out without looking at each word in Python."""
    words = LETTERS_RE.findall(text, start, end)
    cues: list[_Cue] = []
    for word in _QUOTE_TAIL_WORDS.intersection(words):
        for position in _occurrences(text, word, start, end):
            # after a quotation, or before the colon that opens one ('the spokesman replied: "..."')
            if _QUOTE_TAIL_BEFORE_RE.search(
                text, max(start, position - _QUOTE_TAIL_WINDOW), position
            ) or text.startswith(":", position + len(word)):
                cues.append(_Cue(word, position, position + len(word), "speech"))
    for word in _CUE_WORD_SET.intersection(words):
        for position in _occurrences(text, word, start, end):
            after = position + len(word)
            kind = CUE_WORDS.get(word, "")
            if word in _REPORT_FORMS:
                placed = _speakers_placed_before(text, start, position)
                noun = not placed and _REPORT_NOUN_BEFORE_RE.search(text, max(start, position - 48), position)
                if not noun and (
                    (
                        _REPORTED_AFTER_RE.match(text, after, end)
                        and (
                            not _REPORTED_CLAUSE_RE.match(text, after, end)
                            or placed
                            or _speaker_head_before(text, position)
                        )
                    )
                    # "..., the refugee agency reports as of Monday.": a speaker's verb that closes a clause
                    or (
                        word == "reports"  # "says a UN report.": the singular is the noun there
                        and _REPORTS_CLOSING_RE.match(text, after, end)
                        and _speaker_head_before(text, position)
                    )
                ):
                    kind = "speech"
                elif not kind:
                    continue  # "reports" as a plural noun
            progressive = _progressive_cue(text, word, start, position) if kind == "participle" else None
            if progressive is not None:
                cues.append(progressive)
                continue
            if word in HAVING_VERBS and not _having_cue(text, start, position, after):
                if word not in _GIVING_VERBS or _GIVEN_COUNT_RE.match(text, after, end) is None:
                    continue
                kind = "counting"  # "the ministry gave a toll of 312": its own count
            # "Delhi-registered", "state-reported": a cue word inside a compound is an adjective
            if (
                not (position > 0 and (text[position - 1].isalpha() or text[position - 1] == "-"))
                and not (after < len(text) and text[after].isalpha())
                # "30 projects", "two estimates": a counted plural noun, not a verb
                and not (
                    word.endswith("s")
                    and _COUNT_RIGHT_BEFORE_RE.search(text, max(start, position - 12), position)
                )
            ):
                cues.append(_Cue(word, position, after, kind))
    cues.extend(_title_case_verbs(text, start, end, words))
    cues.sort(key=lambda cue: cue.start)
    return cues


def _title_case_verbs(text: str, start: int, end: int, words: list[str]) -> Iterator[_Cue]:
    """ "Toll Rises To 312, Police Say", "WHO Confirms 41 Deaths": a headline capitalises its verbs."""
    if not _title_case(words):
        return
    for word in set(words):
        kind = CUE_WORDS.get(word.lower(), "") if word[1:].islower() else ""
        if kind in _TITLE_CASE_VERB_KINDS:
            for position in _occurrences(text, word, start, end):
                yield _Cue(word.lower(), position, position + len(word), kind)


# The cue words a title-case headline is read for, capitalised: its verbs.
_TITLE_CASE_VERB_KINDS = frozenset({"speech", "counting"})
# A headline in title case has few words of more than three letters in lower case.
TITLE_CASE_SHARE = 0.8
TITLE_CASE_MIN_WORDS = 3


def _title_case(words: list[str]) -> bool:
    """Whether a sentence's words are written in title case: nearly every word of more than three
    letters opens with a capital (a body sentence has many in lower case)."""
    long = [word for word in words if len(word) > 3]
    return len(long) >= TITLE_CASE_MIN_WORDS and sum(
        word[0].isupper() for word in long
    ) >= TITLE_CASE_SHARE * len(long)


def _finding_agent(phrase: str, start: int) -> re.Match[str] | None:
    """The maker named after "by" in a finding's description: a name, or a description whose head
    is a body or a role ("by the state comptroller", not "by the end of the year")."""
    agent = _FINDING_AGENT_RE.search(phrase, start)
    if (
        agent is not None
        and agent.group("described")
        and agent.group("described_head").lower() not in SOURCE_HEADS
    ):
        return None
    return agent


def _finding_and_agent(phrase: str) -> tuple[re.Match[str], re.Match[str] | None, bool] | None:
    """A finding described at length, the agent after its "by" if any, and whether that agent only
    read it ("a UN report seen by Reuters": who read it, not who wrote it)."""
    document = _DESCRIBED_FINDING_RE.match(phrase)
    if document is None:
        return None
    agent = _finding_agent(phrase, document.end())
    read = agent is not None and _READER_BEFORE_RE.search(phrase, document.end(), agent.start()) is not None
    return document, agent, read


def _finding_source(phrase: str) -> str | None:
    """The source of a finding described at length: its maker after "by" ("a survey of 2,000 adults
    by Pollwise", "a study conducted by the institute"), else the finding itself when a description
    of where it came out follows ("a study published in a journal" -> "a study") or only its reader
    is named."""
    found = _finding_and_agent(phrase)
    if found is None:
        return None
    document, agent, read = found
    if agent is not None:
        return document.group("document") if read else agent.group("agent")
    if _FINDING_RELEASED_RE.match(phrase, document.end()):
        return document.group("document")
    return None


def _without_its_reader(phrase: str) -> str:
    """A finding without who read it: "the police report reviewed by Reuters" -> "the police report",
    whose maker is the police, not Reuters."""
    found = _finding_and_agent(phrase)
    return found[0].group("document") if found is not None and found[2] else phrase


def _finding_maker(phrase: str) -> str | None:
    """The maker of a finding named after "by" ("a review by the city auditor"), never its reader."""
    found = _finding_and_agent(phrase)
    if found is None or found[1] is None or found[2]:
        return None
    return found[1].group("agent")


def _without_full_stop(phrase: str) -> str:
    """A phrase that ends its sentence without the sentence's full stop ("by the ministry."), which
    a dotted acronym keeps ("by the U.N.")."""
    if phrase.endswith(".") and not ACRONYM_RE.match(phrase.rsplit(None, 1)[-1]):
        return phrase[:-1]
    return phrase


def _is_participle(word: str) -> bool:
    return word.endswith("ed") or word in IRREGULAR_PARTICIPLES


# A sentence adverb set off by a comma before the subject: "Meanwhile, ", "However, ".
_OPENING_ADVERB_RE = re.compile(r"([A-Z][a-z]+),\s+")


def _opening_subject(text: str, start: int, limit: int) -> tuple[str, int] | None:
    """The source phrase that opens a clause at `start` and its end: a pronoun, a name or a noun
    phrase with a source head, or a name set off by commas after the opening words ("The opposition
    leader, Mara Quinn, disputed ..." gives Mara Quinn)."""
    adverb = _OPENING_ADVERB_RE.match(text, start, limit)
    after_adverb = False
    if adverb is not None and adverb.group(1).lower() in DISCOURSE_WORDS:
        start, after_adverb = adverb.end(), True  # "Meanwhile, Velmar gave ...": past the adverb
    pronoun = _OPENING_PRONOUN_RE.match(text, start, limit)
    if pronoun is not None:
        return pronoun.group(1), pronoun.end(1)
    apposed = _APPOSED_NAME_RE.match(text, start, limit)
    if apposed is not None and personal_name(apposed.group("name").split()) is not None:
        return apposed.group("name"), apposed.end("name")
    subject = _SENTENCE_SUBJECT_RE.match(text, start, limit)
    if subject is None or not subject.group().strip():
        return None
    phrase = subject.group().strip()
    tokens = WORD_RE.findall(phrase)
    if not tokens or tokens[0].lower() in PREPOSITIONS | DISCOURSE_WORDS:
        return None
    # a capital that only opens the sentence ("Prices rose, adding ...") names no one; after an
    # opening adverb it is a name's ("Meanwhile, Velmar gave ...")
    named = (
        personal_name(tokens) is not None
        or any(ACRONYM_RE.match(t) for t in tokens)
        or (after_adverb and all(t[0].isupper() for t in tokens))
    )
    if not (named or {t.lower() for t in tokens} & SOURCE_HEADS):
        return None
    return (phrase, subject.end()) if _valid_source(phrase, counting=False) else None


# The subject of a verb that completes a comparison of equality: "as close as the polls", "as bad as
# officials". The words between hold no figure ("as many as 40 people" is a quantity).
_EQUATIVE_SUBJECT_RE = re.compile(r"\bas\s+[a-z-]+\s+as\s+(?:[^\W\d][\w'’.-]*\s+){1,4}$", re.IGNORECASE)
EQUATIVE_WINDOW = 60


def _reports_a_value(text: str, cue: _Cue, end: int) -> bool:  # noqa: PLR0911  one return per verb family
    """ "put the toll at 40", "revised its estimate": verbs that report a figure only with such an
    object ("put pressure on", "raised rates" are deeds)."""
    if text.startswith(",", cue.end) and _EQUATIVE_SUBJECT_RE.search(
        text, max(0, cue.start - EQUATIVE_WINDOW), cue.start
    ):
        return False  # "as close as the polls suggest, even 10 seats ...": its object is the comparison
    if cue.word in {"put", "puts", "placed", "putting"}:
        return VALUE_FOLLOWS_RE.match(text, cue.end, end) is not None
    if cue.word in {"sees", "see"}:
        return SEEN_AT_VALUE_RE.match(text, cue.end, end) is not None
    if cue.word in REVISING_VERBS:
        return REVISED_OBJECT_RE.match(text, cue.end, end) is not None
    if cue.word in POINTING_VERBS:
        return text.startswith(" out", cue.end)
    if cue.word in THAT_CLAUSE_VERBS:
        return THAT_FOLLOWS_RE.match(text, cue.end, end) is not None and (
            cue.word not in NOUN_LIKE_THAT_CLAUSE_VERBS or _speaker_head_before(text, cue.start)
        )
    if cue.word in AUDIENCE_THAT_VERBS:
        return AUDIENCE_THAT_RE.match(text, cue.end, end) is not None
    if cue.word in POSTING_VERBS:
        return POSTED_ON_RE.match(text, cue.end, end) is not None
    if cue.word in ACCUSING_VERBS:
        return ACCUSED_OF_RE.match(text, cue.end, end) is not None
    return True


def _clause_marks(text: str, start: int, end: int) -> list[re.Match[str]]:
    """Semicolons, colons and dashes that end a clause; skipped when the sentence has none of them."""
    sentence = text[start:end]
    if (
        ";" not in sentence
        and ":" not in sentence
        and "-" not in sentence
        and "—" not in sentence
        and "–" not in sentence
    ):
        return []
    marks = list(CLAUSE_MARK_RE.finditer(text, start, end))
    aside = [
        index
        for index, (opening, closing) in enumerate(itertools.pairwise(marks))
        if opening.group().strip() in _DASHES
        and closing.group().strip() in _DASHES
        and _CREDIT_AFTER_ASIDE_RE.match(text, closing.end(), end)
    ]
    if not aside:
        return marks
    # "388 - down from 1,000 on Monday - according to the county": an aside between dashes that the
    # source after it covers with the rest of the sentence
    dropped = {index for first in aside for index in (first, first + 1)}
    return [mark for index, mark in enumerate(marks) if index not in dropped]


_DASHES = frozenset({"—", "–", "-"})
_CREDIT_AFTER_ASIDE_RE = re.compile(r"(?:according\s+to|citing|as\s+per)\b", re.IGNORECASE)


def _contrasting_clauses(text: str, start: int, end: int) -> list[int]:
    """Where ", while the government sent 500 troops" starts: a clause with an actor of its own is not
    governed by the cue before it (", while others stayed" still is); nor is one joined by "and"
    whose named speaker reports, after a clause with a figure ("12 died and Velmar Aid said")."""
    sentence = text[start:end]
    found = (
        [
            match.end() - 1
            for match in _AND_SPEAKER_CLAUSE_RE.finditer(text, start, end)
            # not "and" inside a name ("the Disaster Risk Reduction and Management Council said")
            if not text[start : match.start()].rsplit(maxsplit=1)[-1][0].isupper()
            and _counts_something(text[start : match.start()])
        ]
        if " and " in sentence and any(verb in sentence for verb in _AND_SPEAKER_VERBS)
        else []
    )
    if ", while " not in sentence and ", whereas " not in sentence and ", but " not in sentence:
        return found
    for match in CONTRASTING_CLAUSE_RE.finditer(text, start, end):
        words = match.group("np").split()
        named = any(word[0].isupper() for word in words if word.lower() != "the")
        if _FORECAST_PASSIVE_RE.match(text, match.start("np"), end):
            continue  # "..., while Labour are predicted to win 239": the same finding goes on
        if _counts_something(words[0]):
            continue  # "..., while 170 people had died elsewhere": a figure of the same report, no actor
        if named or any(word.lower() in SOURCE_HEADS for word in words):
            found.append(match.start())
    return found


# A clause joined by "and" whose named speaker reports ("Velmar sold 50 million phones and Tarsa
# said ..."): the figures before it are not that speaker's.
_AND_SPEAKER_VERBS = ("said", "says", "told", "reported", "announced")
_AND_SPEAKER_CLAUSE_RE = re.compile(
    rf"(?<=[a-z\d])\s+and\s+(?=(?:[A-Z][\w'’.&-]*\s+){{1,4}}(?:{'|'.join(_AND_SPEAKER_VERBS)})\b)"
)


def _counts_something(clause: str) -> bool:
    """Whether a clause holds a figure, in digits or in words ("Twelve people died")."""
    return _holds_a_number(clause) or any(
        word.lower() in UNITS_WORDS or word.lower() in TENS_WORDS for word in WORD_RE.findall(clause)
    )


# A passive that carries a finding on: "are predicted to win", "is expected to take".
_FORECAST_PASSIVE_RE = re.compile(
    r"(?:the\s+|a\s+)?(?:[\w'’\-.]+\s+){1,3}?(?:is|are|was|were)\s+"
    r"(?:predicted|projected|expected|forecast|estimated|seen|tipped)\s+to\b"
)


# Longer than the longest preposed cue phrase ("according to").
PREPOSED_PHRASE_WINDOW = 20


# What "per" credits after it: a body ("the CDC", "Velmar Police") or its figures, not a rate's unit.
_PER_SOURCE_AFTER_RE = re.compile(
    r"[Pp]er\s+(?:the\s|[A-Z]|(?:[a-z]+\s+){0,2}?(?:figures|data|estimates|statistics|records|officials|media)\b)"
)


def _per_credits(text: str, start: int) -> bool:
    """Whether "per" at `start` credits a source ("..., per the health bureau", "Per the CDC, ..."):
    after a comma, a bracket or as the sentence's first word, never a rate ("30 a day, 4 per cent",
    "per capita")."""
    opens = (
        text.startswith("Per ", start)
        or text[max(0, start - 2) : start].endswith((", ", "("))
        or text[max(0, start - 3) : start] in {"As ", "as "}  # "As per the board's report, ..."
    )
    return opens and _PER_SOURCE_AFTER_RE.match(text, start) is not None


def _preposed_phrase(text: str, start: int, limit: int) -> tuple[str, int] | None:
    """The cue phrase that starts at `start` ("according to", "citing") and where its source begins."""
    lowered = text[start : min(limit, start + PREPOSED_PHRASE_WINDOW)].lower()
    for phrase in PREPOSED_CUES:
        if phrase == "per" and not _per_credits(text, start):
            continue
        if lowered.startswith(phrase) and lowered[len(phrase) : len(phrase) + 1].isspace():
            source_start = start + len(phrase)
            while source_start < limit and text[source_start].isspace():
                source_start += 1
            while text[source_start : source_start + len(phrase) + 1].lower() == phrase + " ":
                source_start += len(phrase) + 1  # "according to according to X": a slip of the pen
            counted = _SPEAKERS_COUNTED_RE.match(text, source_start, limit)
            if counted is not None and counted.group("head").lower() in SOURCE_HEADS:
                source_start = counted.start("head")  # "according to 15 out of 18 economists surveyed"
            return text[start : start + len(phrase)], source_start
    return None


# How many of the speakers said it, before who they are: "15 out of 18 economists", "all 43 analysts".
_SPEAKERS_COUNTED_RE = re.compile(
    r"(?:all\s+)?\d[\d,]*\s+(?:(?:out\s+)?of\s+(?:the\s+)?\d[\d,]*\s+)?(?P<head>[a-z]+)"
)


class _SentenceReader:
    """Finds the anchors of one sentence."""

    __slots__ = (
        "anchors",
        "clause_breaks",
        "clause_starts",
        "document_nouns",
        "end",
        "first_figure_end",
        "mentions",
        "preposed",
        "silent",
        "start",
        "text",
        "verbs",
    )

    def __init__(self, text: str, start: int, end: int, mentions: Sequence[tuple[int, int]]) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.mentions = mentions
        self.first_figure_end = min((m_end for _, m_end in mentions), default=None)
        self.anchors: list[_Anchor] = []
        # spans whose figures are no one's claim: a speaker's own description, an audience
        self.silent: list[tuple[int, int]] = []
        self.clause_breaks: list[int] = []
        self.clause_starts: list[int] = []
        self.preposed: list[_Cue] = []
        self.verbs: list[_Cue] = []
        self.document_nouns: list[_Cue] = []
        for mark in _clause_marks(text, start, end):
            self.clause_breaks.append(mark.start())
            self.clause_starts.append(mark.end())
        for contrast in _contrasting_clauses(text, start, end):
            self.clause_breaks.append(contrast)
            self.clause_starts.append(contrast + 1)
        self.clause_breaks.sort()
        self.clause_starts.sort()
        self._silence_speaking_clauses()
        for cue in _cue_words(text, start, end):
            if cue.kind == "preposed":
                phrase = _preposed_phrase(text, cue.start, end)
                if phrase is not None:
                    self.preposed.append(_Cue(phrase[0], cue.start, phrase[1], cue.kind))
            elif cue.kind == "document_noun":
                self.document_nouns.append(cue)
            elif not _reports_a_value(text, cue, end):
                continue
            else:
                self.verbs.append(cue)
                if cue.word in DOCUMENT_NOUNS:
                    self.document_nouns.append(cue)

    def clause_end(self, position: int) -> int:
        index = bisect_left(self.clause_breaks, position)
        return self.clause_breaks[index] if index < len(self.clause_breaks) else self.end

    def clause_start(self, position: int) -> int:
        index = bisect_right(self.clause_starts, position)
        return self.clause_starts[index - 1] if index else self.start

    def figure_before(self, position: int) -> bool:
        """Whether a figure of this sentence stands before `position`."""
        return self.first_figure_end is not None and self.first_figure_end <= position

    def _reports_inside(self, start: int, end: int) -> bool:
        """Whether a figure stands in `start:end` past the phrase's first two words: "said the governor
        raised $12 million" reports the figure; "said the three officials" only counts speakers."""
        opening = _FIRST_TWO_WORDS_RE.match(self.text, start, end)
        floor = opening.end() if opening else start
        return any(floor <= figure_start < end for figure_start, _ in self.mentions)

    def read(self) -> list[_Anchor]:
        if not (self.preposed or self.verbs or self.document_nouns or self.text[self.end - 1] not in _CLOSED):
            return self.anchors
        citing = self._preposed_cues()
        self._cue_verbs()
        self._possessive_documents()
        self._documents_of_a_body_before()
        self._documents_made_by()
        self._documents_given_by()
        self._document_participles()
        self._named_counts_at()
        self._bracketed_labels()
        self._headline_source()
        if self.mentions and self.document_nouns and (not self.anchors or self._figure_in_finding_subject()):
            self._finding_named_with_in()
        for cited in citing:
            host = self._citing_host(cited)
            if host is not None:
                # "citing its volunteers", "citing internal figures": the speaker's own people and
                # records are the speaker
                if cited.phrase.split(maxsplit=1)[0].lower() not in _SPEAKERS_OWN:
                    host.phrase, host.cue = cited.phrase, "citing"
            elif not any(a.start <= cited.start <= a.end for a in self.anchors):
                self.anchors.append(cited)
        self.anchors.sort(key=lambda a: a.start)
        return self.anchors

    def _citing_host(self, cited: _Anchor) -> _Anchor | None:
        """The speech cue a "citing X" phrase hangs on: "Citing X, the broadcaster said", or the
        nearest one before it in its clause, however long the reported clause between ("the ministry
        said that 1,180 deaths had been attributed to heat in July, citing figures from X")."""
        after = next(
            (a for a in self.anchors if a.cue in _SPEECH_CUES and 0 <= a.start - cited.end <= _CITING_WINDOW),
            None,
        )
        if after is not None:
            return after
        before = [
            a for a in self.anchors if a.cue in _SPEECH_CUES and 0 <= cited.start - a.end <= _CITING_REACH
        ]
        if not before:
            return None
        host = max(before, key=lambda a: a.end)
        return host if _HARD_CLAUSE_MARK_RE.search(self.text, host.end, cited.start) is None else None

    def _preposed_cues(self) -> list[_Anchor]:
        text = self.text
        citing: list[_Anchor] = []
        for match in self.preposed:
            cue = PREPOSED_CUES[match.word.lower()]
            phrase, phrase_end = _right_phrase(text, match.end, self.end)
            owner = _finding_maker(phrase.strip()) or _owner_of_documents(_without_its_reader(phrase)) or ""
            # the document a maker released or owns, so that "the report" later means the maker
            document = phrase if owner and owner != phrase and _names_a_document(phrase) else ""
            site = _PUBLISHED_ON_RE.match(text, phrase_end, self.end) or _RELEASED_BY_RE.match(
                text, phrase_end, self.end
            )
            site_owner = (site.group("owner") or site.groupdict().get("named")) if site is not None else None
            if site is not None and site_owner and _valid_source(site_owner, counting=False):
                # "according to data posted on the board's website", "figures released by the
                # statistics agency": the site's owner, the figures' maker
                owner, phrase_end, document = site_owner, site.end(), phrase
            relayed = _WHICH_CITED_RE.match(text, phrase_end, self.end)
            if relayed is not None and _valid_source(relayed.group("origin"), counting=False):
                # "according to Reuters, which cited two security sources": the origin of the chain
                owner, phrase_end = relayed.group("origin"), relayed.end()
            cited_origin = _RELAY_CITING_RE.fullmatch(owner)
            if cited_origin is not None and _valid_source(cited_origin.group("origin"), counting=False):
                owner = cited_origin.group("origin")  # "according to local media citing police": the origin
            if not _valid_source(owner, counting=False):
                # "according to information on its website": a generic source is still a source
                if cue != "according to" or not _generic_source(phrase):
                    continue
                owner = phrase
            clause = self.clause_start(match.start)
            before = text[clause : match.start].strip(' ,"“')
            after = text[phrase_end : self.end].strip(' .,;"”')
            anchor = _Anchor(
                cue=match.word if match.word.lower() == "according to" else cue,
                phrase=owner,
                start=match.start,
                end=phrase_end,
                governs_left=bool(before),
                governs_right=bool(after),
                parenthetical=bool(before) and bool(after) and self.figure_before(match.start),
                description=document,
            )
            (citing if cue == "citing" else self.anchors).append(anchor)
        return citing

    def _cited_owner(self, match: _Cue) -> bool:
        """ "The office cited Red Cross figures that 210 had died": the figures' owner is where the
        chain of reporting starts, as after "citing" (the speaker's own figures are the speaker's)."""
        phrase, phrase_end = _right_phrase(self.text, match.end, self.end)
        owner = _owner_of_documents(phrase)
        if (
            not owner
            or owner.split(maxsplit=1)[0].lower() in _SPEAKERS_OWN
            or not _valid_source(owner, counting=False)
        ):
            return False
        self.anchors.append(_Anchor("citing", owner, match.start, phrase_end, False, True))
        return True

    def _silence_speaking_clauses(self) -> None:
        """Silence a participle clause of speaking ("Addressing 3,000 supporters, ..."): its figures
        set the scene and are no one's claim."""
        opening = OPENING_SPEAKING_CLAUSE_RE.match(self.text, self.start, self.end)
        if opening is not None:
            self.silent.append(opening.span())
        for trailing in TRAILING_SPEAKING_CLAUSE_RE.finditer(self.text, self.start, self.end):
            self.silent.append(trailing.span())

    def _silence_setting(self, verb_end: int) -> None:
        """Silence the occasion a speech verb names before its reported clause ("said at a rally
        attended by 3,000 people that ..."): its size is no part of what was said."""
        opening = REPORTED_CLAUSE_OPENING_RE.search(
            self.text, verb_end, min(self.end, verb_end + SETTING_WINDOW)
        )
        if opening is not None:
            setting = AUDIENCE_SETTING_RE.search(self.text, verb_end, opening.start())
            if setting is not None:
                self.silent.append(setting.span())

    def _cue_verbs(self) -> None:  # noqa: PLR0912, PLR0915  one scan over the cue verbs whose rules share its running state
        text, previous_verb_end = self.text, self.start
        # the spans of the "according to" phrases read before: a cue word inside one is a noun of
        # its source phrase ("according to the latest Census Bureau estimates")
        preposed = [(anchor.start, anchor.end) for anchor in self.anchors]
        for match in self.verbs:
            verb = match.word
            kind = match.kind
            if any(start < match.start < end for start, end in preposed):
                continue
            if DEED_OBJECT_RE.match(text, match.end, self.end):
                continue
            if verb in {"added", "adds"} and ADDED_AS_DEED_RE.match(text, match.end, self.end):
                continue
            if verb in NOUN_CUES and _word_before(text, match.start).lower() in VERBS_TAKING_A_CLAIM:
                continue
            if verb in _NOUN_READINGS and _word_before(text, match.start).lower() in _NOUN_CUE_MODIFIERS:
                continue  # "Average forecasts from 22 analysts point to": a noun after its adjective
            if kind == "quoted" or (verb == "cited" and QUOTED_AS_SAYING_RE.match(text, match.end, self.end)):
                # "Interfax quoted the governor as saying", "media cited the mayor's office as estimating"
                self._quoted_as_saying(match)
                continue
            if kind == "participle":
                self._participle_of_saying(match)
                continue
            clause = self.clause_start(match.start)
            # "down from a previous report that said 1,130": the report, not the clause's speaker
            earlier_document = (
                _DOCUMENT_THAT_RE.search(text, max(clause, previous_verb_end), match.start)
                if kind == "speech" and text.endswith("that ", 0, match.start)
                else None
            )
            passive = earlier_document is None and (
                _is_passive_or_adjective(text, match.start, self.start)
                or (
                    # "the 162 deaths reported by the governor": a participle after a figure and its noun
                    AGENT_RE.match(text, match.end) is not None
                    and _FIGURE_RIGHT_BEFORE_RE.search(
                        text, max(self.start, match.start - FIGURE_BEFORE_PARTICIPLE_WINDOW), match.start
                    )
                    is not None
                )
                or (
                    # "The quake, measured at magnitude 6.4 by the survey, struck": a participle set
                    # off by a comma, its value and then its agent
                    verb.endswith("ed")
                    and _preceded_by_comma(text, match.start, self.start)
                    and _AGENT_AFTER_VALUE_RE.match(text, match.end, self.end) is not None
                )
            )
            if passive and verb in ACCUSING_VERBS:
                continue  # "the minister, accused of taking bribes": the accused, not a speaker
            if verb == "cited" and not passive and self._cited_owner(match):
                continue
            if kind == "providing" and (
                passive or not _RELEASED_DOCUMENT_RE.match(text, match.end, self.end)
            ):
                continue  # "aid provided by donors", "provided shelter": a deed, no source
            if passive or (kind == "agentive" and not _RELEASED_DOCUMENT_RE.match(text, match.end, self.end)):
                self._passive_agent(match, passive=passive)
                continue
            # "..., told AFP" names the listener after the verb, never the speaker
            if kind == "speech" and verb != "told" and _preceded_by_comma(text, match.start, clause):
                phrase, phrase_end = _right_phrase(text, match.end, self.end)
                phrase = phrase.strip()
                # "Dana Roe, a spokeswoman, said the governor had ...": a verb after the phrase makes it
                # the subject of the reported clause, not a speaker named after the verb
                described = _DESCRIBED_NAME_RE.fullmatch(phrase)
                if (
                    described is not None
                    and not PREPOSITIONS.intersection(described.group().split())
                    and personal_name(described.group("name").split()) is not None
                ):
                    phrase = described.group("name")  # "said farmer Jon Breck": the name, not the trade
                relayed = _RELAY_CITING_RE.fullmatch(phrase)
                if relayed is not None and _valid_source(relayed.group("origin"), counting=False):
                    phrase = relayed.group("origin")  # "said a Wire report quoting ministry officials"
                if (
                    _inverted_speaker(phrase)
                    and not _VERB_AFTER_PHRASE_RE.match(text, phrase_end, self.end)
                    and not self._reports_inside(match.end, phrase_end)
                ):
                    self._speaker_description(phrase_end)
                    role = _SPEAKER_ROLE_RE.match(text, phrase_end, self.end)
                    self.anchors.append(
                        _Anchor(
                            _SAYING[verb],
                            phrase,
                            match.start,
                            phrase_end,
                            True,
                            True,
                            True,
                            description=role.group("role") if role else "",
                        )
                    )
                    previous_verb_end = match.end
                    continue
            subject = (
                (earlier_document.group("np"), earlier_document.start("np"), None, "")
                if earlier_document is not None
                else _left_subject(text, max(clause, previous_verb_end), match.start)
            )
            if subject is None:
                continue
            phrase, phrase_start, cue_override, vouching = subject
            relayed = (
                _RELAY_CITING_RE.fullmatch(phrase) if " quoting " in phrase or " citing " in phrase else None
            )
            if relayed is not None and _valid_source(relayed.group("origin"), counting=False):
                # "the Wire news agency quoting the ruling junta has said": the origin of the chain
                phrase, phrase_start = relayed.group("origin"), phrase_start + relayed.start("origin")
            # an agentive verb here has a document for its object: "the office released figures showing"
            cue = _SAYING.get(verb) or COUNTING_VERBS.get(verb) or DOCUMENT_VERBS.get(verb) or verb
            reach = None
            if not phrase and kind == "document":
                # "The poll surveyed 1,200 adults and found ...": a finding's second verb shares its
                # subject; "Rescuers searched and found 12" is a deed
                shared = _coordinated_subject(text, max(clause, previous_verb_end), match.start)
                if shared.rsplit(" ", 1)[-1].lower() not in _FINDING_DOCUMENTS:
                    continue
                phrase, phrase_start = shared, match.start
            elif not phrase:
                inherited = self.anchors[-1] if self.anchors and self.anchors[-1].end <= match.start else None
                # "The army denied the claim and said only 20 were missing": the first verb's subject
                shared = (
                    inherited.phrase
                    if inherited is not None
                    else _coordinated_subject(text, max(clause, previous_verb_end), match.start)
                )
                if not shared:
                    continue
                phrase, phrase_start = shared, match.start
                if inherited is not None and inherited.reach is not None and match.start < inherited.reach:
                    reach = inherited.reach  # "which the survey said measured 6.1, killed 30": its clause
            elif kind == "document" or (kind == "counting" and cue in {"put", "placed"}):
                owner = _owner_of_documents(phrase)
                if owner is None or (kind == "document" and not _names_a_document(phrase)):
                    continue
                phrase = owner
            if verb in _PLACE_TALLY_VERBS and _names_only_places(phrase):
                continue  # "Northland has reported 40 deaths": where they happened, not who reports
            finding = _finding_source(phrase) if cue == "found" or " by " in phrase else None
            if finding is not None:
                # "a study published in a journal found", "a report by X found", "a report by X said";
                # the document its maker made, so that "the report" later means the maker
                made_by_named_maker = finding == _finding_maker(phrase)
                phrase, vouching = finding, vouching or (phrase if made_by_named_maker else "")
            # a finding's maker need not be a body that counts: "a poll by Pollwise found", "Pollwise
            # found that ..."
            counting = (
                kind == "counting"
                and cue not in {"put", "placed"}
                and cue not in FORECAST_CUES
                and finding is None
                and not (cue == "found" and text.startswith(" that", match.end))
            )
            if cue == "found" and not (
                finding is not None
                or text.startswith(" that", match.end)
                # "PPP finds 16 percent of voters undecided": a share is what a poll finds
                or _SHARE_FOLLOWS_RE.match(text, match.end, self.end) is not None
                # "..., a study found": set off after the figures it reports ("Today, the team
                # found one more" is a search that found someone)
                or (_preceded_by_comma(text, phrase_start, self.start) and self.figure_before(phrase_start))
                or phrase.rsplit(" ", 1)[-1].lower() in _FINDING_DOCUMENTS
            ):
                continue
            if cue_override is None and not (
                _valid_source(phrase, counting=counting)
                or _valid_source(f"{phrase} {vouching}", counting=counting)
                or (counting and _surname_of_a_named_person(text, phrase, self.start))
            ):
                continue
            if kind == "speech":
                self._silence_setting(match.end)
            if verb == "told":
                crowd = AUDIENCE_PHRASE_RE.match(text, match.end, self.end)
                if crowd is not None:
                    self.silent.append((crowd.start(), crowd.end()))
                audience = WORD_RE.match(text, match.end + 1)
                if audience and audience.group().lower() in AUDIENCE_WORDS:
                    cue = f"told {audience.group().lower()}"
            postposed = _preceded_by_comma(text, phrase_start, self.start) and self.figure_before(
                phrase_start
            )
            if not postposed and self.figure_before(phrase_start):
                conjoined = _conjoined_subject_start(text, clause, phrase_start)
                if conjoined is not None and _CLOSES_SENTENCE_RE.match(text, match.end, self.end):
                    # "..., the country's weather, climate and geophysics agency said."
                    postposed = True
            self.anchors.append(
                _Anchor(
                    cue=cue_override or cue,
                    phrase=phrase,
                    start=min(phrase_start, match.start),
                    end=match.end,
                    governs_left=postposed or _reduced_relative(text, clause, phrase_start, match.start),
                    governs_right=True,
                    parenthetical=postposed,
                    description=vouching,
                    reach=reach if reach is not None else self._relative_clause_end(phrase_start, match.end),
                )
            )
            previous_verb_end = match.end

    def _relative_clause_end(self, phrase_start: int, verb_end: int) -> int | None:
        """Where a relative clause whose subject speaks ends ("a crisis which the UN says is the worst,
        pushing 7 million ..."): its cue reports nothing after that comma."""
        if _word_before(self.text, phrase_start).lower() not in RELATIVE_PRONOUNS | {"that"}:
            return None
        comma = CLAUSE_COMMA_RE.search(self.text, verb_end, self.end)
        return comma.start() if comma is not None else None

    def _speaker_description(self, phrase_end: int) -> None:
        """ "..., said Jane Roe, 66, who lives 25 miles away": her age and her home are not her claims."""
        description = _SPEAKER_DESCRIPTION_RE.match(self.text, phrase_end, self.end)
        if description is not None:
            self.silent.append((phrase_end, description.end()))

    def _participle_of_saying(self, match: _Cue) -> None:
        """ "Quinn disputed the figure, saying only 200 were new": the subject that opens the
        sentence speaks the clause after the participle, when no cue before it names a speaker.
        An absolute construction names its own speaker: "with organisers claiming 200,000"."""
        text = self.text
        if match.word == "adding" and text.startswith(" to ", match.end):
            return  # "cut 5,000 jobs, adding to earlier cuts": a deed that adds up, not speech
        absolute = ABSOLUTE_SUBJECT_RE.search(
            text, max(self.start, match.start - ABSOLUTE_SUBJECT_WINDOW), match.start
        )
        if absolute is not None and _valid_source(absolute.group("np"), counting=False):
            self.anchors.append(
                _Anchor(
                    SPEECH_PARTICIPLES[match.word],
                    absolute.group("np"),
                    absolute.start("np"),
                    match.end,
                    False,
                    True,
                )
            )
            return
        if not _preceded_by_comma(text, match.start, self.start) or any(
            anchor.end <= match.start for anchor in self.anchors
        ):
            return
        opening = (
            self.start
            + len(text[self.start : match.start])
            - len(text[self.start : match.start].lstrip(' "“'))
        )
        subject = _opening_subject(text, opening, match.start)
        if subject is None:
            return
        phrase, phrase_end = subject
        self.anchors.append(_Anchor(SPEECH_PARTICIPLES[match.word], phrase, opening, phrase_end, False, True))

    def _quoted_as_saying(self, match: _Cue) -> None:
        """ "Interfax quoted the governor as saying ...": the governor; "he was quoted as saying": he."""
        quoted = QUOTED_AS_SAYING_RE.match(self.text, match.end, self.end)
        if quoted is None:
            return
        phrase = quoted.group("np") or ""
        if not phrase or phrase.startswith("by "):
            passive = re.search(r"\s(?:was|were|is|are)\s+$", self.text[self.start : match.start])
            verb_start = self.start + passive.start() if passive else match.start
            subject = _left_subject(self.text, self.clause_start(match.start), verb_start)
            phrase = subject[0] if subject else ""
        phrase = {"him": "he", "her": "she", "them": "they"}.get(phrase.lower(), phrase)
        if phrase and _valid_source(phrase, counting=False):
            # '"...," the agency quoted an official as saying.': after a quote, the quote is the saying
            tail = _QUOTE_TAIL_END_RE.match(
                self.text, quoted.end(), self.end
            ) and _QUOTE_CLOSED_BEFORE_RE.search(self.text, self.start, match.start)
            self.anchors.append(
                _Anchor(match.word, phrase, match.start, quoted.end(), bool(tail), not tail, False)
            )

    def _passive_agent(self, match: _Cue, *, passive: bool) -> None:
        """ "The figures were released by the health ministry": the agent is the source of the clause."""
        agent = AGENT_RE.match(self.text, match.end)
        anchor_start = match.start
        if agent is None and passive:
            # "have been recorded abroad by UNHCR": an adverb between the participle and its agent
            agent = _AGENT_AFTER_ADVERB_RE.match(self.text, match.end, self.end)
        if agent is None and passive:
            # "was estimated at 30,000 by the prefecture": the agent after the value, which it governs
            agent = _AGENT_AFTER_VALUE_RE.match(self.text, match.end, self.end)
            anchor_start = agent.start() + agent.group().rfind("by") if agent is not None else anchor_start
        # "The figures, released by the ministry on Monday, show": a participle set off by commas
        # or right after the figure it describes: "denied the 4,100 cited by the relief office"
        reduced = match.kind == "agentive" and (
            _preceded_by_comma(self.text, match.start, self.start)
            or _FIGURE_RIGHT_BEFORE_RE.search(
                self.text, max(self.start, match.start - FIGURE_BEFORE_PARTICIPLE_WINDOW), match.start
            )
            is not None
        )
        if agent is None or not (passive or reduced):
            return
        cue = f"{match.word} by"
        # "The quake, measured at magnitude 6.4 by the survey, struck ...": the agent's clause ends
        # at its comma; what the sentence goes on to say is the reporter's
        set_off = match.kind != "agentive" and _preceded_by_comma(self.text, match.start, self.start)
        while agent is not None:
            phrase, phrase_end = _right_phrase(self.text, agent.end(), self.end)
            phrase = _without_trailing_adverbials(phrase)
            if not _valid_source(phrase, counting=True):
                return
            self.anchors.append(
                _Anchor(
                    cue,
                    phrase,
                    anchor_start,
                    phrase_end,
                    True,
                    True,
                    False,
                    reach=phrase_end if set_off else None,
                )
            )
            # "put at 9,000 by police and at 40,000 by organisers": the verb left out before another
            # value and its agent
            agent = _GAPPED_AGENT_RE.match(self.text, phrase_end, self.end) if passive else None
            anchor_start = agent.start() + agent.group().rfind("by") if agent is not None else anchor_start

    def _possessive_documents(self) -> None:
        text = self.text
        for noun in self.document_nouns:
            if _BODY_HEAD_AFTER_RE.match(text, noun.end, self.end):
                continue  # "the EU's statistics office": the noun names a body's remit, no document
            match = possessor_before(text, max(self.start, noun.start - POSSESSOR_WINDOW), noun.start)
            if match is None:
                continue
            between = match.group("between").split()
            if any(word.lower() in SOURCE_HEADS for word in between[:-1]):
                continue  # "Vance's office released figures": the body's verb, not its document
            owner_text, owner_start = _possessor(text, self.start, match.start(), match.end("owner"))
            if _names_a_body(match.group("between")):
                owner_text = text[owner_start : match.end("between")]
            if noun.word in _PLACE_TALLY_NOUNS and (
                _names_only_places(owner_text) or _NAMED_EVENT_RE.fullmatch(owner_text)
            ):
                # "North Carolina's death toll", "Hurricane Mara's toll": where the dead are or what
                # killed them, not who counts them (SPEC)
                continue
            # "Brandt's claim that ...": a claim or an estimate is said, so a bare name may own it, as
            # it may own an official figure ("Amman's official figure": the government's)
            official = match.group("between").lower().split()[-1:] == ["official"]
            counting = noun.word not in NOUN_CUES and not official
            if not owner_text or not _valid_source(owner_text, counting=counting):
                continue
            clause = self.clause_start(owner_start)
            lead = text[max(clause, owner_start - OWNER_LEAD_WINDOW) : owner_start]
            opening = text[clause:owner_start].rsplit(",", 1)[-1].strip().lower()
            if not (
                POSSESSIVE_LEAD_RE.search(lead)
                or opening in _CLAUSE_INITIAL_PREPOSITIONS
                or POSSESSIVE_FOLLOW_RE.match(text, noun.end, self.end)
                or self._figure_of(noun.end)  # "beating analysts' estimates of 445,000"
                or self._figure_after_colon(noun.end)  # "(organisers' estimate: 20,000 people; ...)"
                # "repeated his claim that 30 million ...": what the claim says follows it
                or (noun.word in NOUN_CUES and text.startswith(" that ", noun.end))
            ):
                continue
            postposed = _preceded_by_comma(text, owner_start, self.start) and self.figure_before(owner_start)
            self.anchors.append(
                _Anchor(noun.word, owner_text, owner_start, noun.end, postposed, True, postposed)
            )

    def _documents_of_a_body_before(self) -> None:
        """ "higher than the police estimate of 36,000", "the Interior Ministry figure of 900": a
        body named before a document, no possessive between, whose value the figure after "of" is."""
        text = self.text
        for noun in self.document_nouns:
            # "a CNN survey of seven countries": after a survey, "of" gives its sample, no value
            if noun.word.lower() not in _VALUE_DOCUMENTS or not self._figure_of(noun.end):
                continue
            owner = _BODY_BEFORE_DOCUMENT_RE.search(
                text, max(self.start, noun.start - POSSESSOR_WINDOW), noun.start
            )
            if owner is None or not _valid_source(owner.group("owner"), counting=noun.word not in NOUN_CUES):
                continue
            self.anchors.append(
                _Anchor(noun.word, owner.group("owner"), owner.start("owner"), noun.end, False, True, False)
            )

    def _figure_after_colon(self, position: int) -> bool:
        """Whether a colon and a figure follow `position`: the figure is what the label before it gives."""
        colon = _COLON_RE.match(self.text, position, self.end)
        return colon is not None and any(start == colon.end() for start, _ in self.mentions)

    def _figure_of(self, position: int) -> bool:
        """Whether " of " and a figure follow `position`: the figure is the value of what stands there."""
        of = _OF_RE.match(self.text, position, self.end)
        return of is not None and any(start == of.end() for start, _ in self.mentions)

    def _figure_in_finding_subject(self) -> bool:
        """Whether the sentence opens with a figure of people "in" a finding before its first cue:
        "40 percent of respondents in a Corvale survey said ..." counts the speakers the survey
        asked, which is the survey's finding."""
        finding = _IN_A_FINDING_RE.search(self.text, self.start, self.end)
        return (
            finding is not None
            and finding.start() < min(anchor.start for anchor in self.anchors)
            and any(start < finding.start() for start, _ in self.mentions)
        )

    def _finding_named_with_in(self) -> None:
        """A sentence with no cue of its own whose figures come "in" a finding: "In a Corvale poll
        released Monday, 48 percent backed the plan", "the mayor trails by 4 points in the latest
        survey". The finding (or its maker, after "by") is the source of the whole sentence."""
        for match in _IN_A_FINDING_RE.finditer(self.text, self.start, self.end):
            phrase = match.group("finding")
            source = _finding_source(phrase) or _owner_of_documents(phrase) or phrase
            if not _valid_source(source, counting=False):
                continue
            # it ends at its noun: a figure in the words after it ("a poll of 1,020 adults by X") is its too
            self.anchors.append(_Anchor("in", source, match.start(), match.end("noun"), True, True, False))
            return

    def _bracketed_labels(self) -> None:
        """ "(police estimate 5,500)", "(official tally: 167)": a label opening a bracket says whose
        figure follows it, whatever the sentence around it credits; its noun is no verb (the police
        do not "estimate" what follows)."""
        text = self.text
        if text.find("(", self.start, self.end) < 0:
            return
        self._trailing_bracket_labels()
        for match in _BRACKET_LABEL_RE.finditer(text, self.start, self.end):
            figure_end = next((end for start, end in self.mentions if start == match.end()), None)
            if figure_end is None:
                continue
            label = match.group("label")
            owner = text[match.start("label") : match.start("noun")].strip()
            phrase = owner if owner.lower() not in _ADJECTIVE_LIKE_HEADS and owner else label
            if not _valid_source(phrase, counting=False):
                continue
            noun_end = match.end("noun")
            self.anchors = [anchor for anchor in self.anchors if anchor.end != noun_end]
            self.anchors.append(
                _Anchor(
                    match.group("noun"), phrase, match.start("label"), noun_end, False, True, reach=figure_end
                )
            )

    def _trailing_bracket_labels(self) -> None:
        """ "100,000 in Denver (police estimate)", "(estimates from police and organisers)": a bracket
        that holds nothing but a label credits the figure just before it, in its own clause."""
        text = self.text
        for match in _TRAILING_BRACKET_LABEL_RE.finditer(text, self.start, self.end):
            figure = max((span for span in self.mentions if span[1] <= match.start()), default=None)
            if figure is None or _CLAUSE_BETWEEN_RE.search(text, figure[1], match.start()):
                continue
            owner = POSSESSIVE_END.sub("", (match.group("owner") or match.group("maker")).strip())
            if owner.lower() in _ADJECTIVE_LIKE_HEADS or not _valid_source(owner, counting=False):
                continue
            inside = range(match.start(), match.end())
            self.anchors = [anchor for anchor in self.anchors if anchor.end not in inside]
            self.anchors.append(
                _Anchor(
                    match.group("noun") or match.group("noun_first"),
                    owner,
                    match.start(),
                    match.end(),
                    True,
                    False,
                )
            )

    def _named_counts_at(self) -> None:
        """ "Red Cross count at 1,200", "UN tally of 300": a count after a body's name, with its
        figure right after "at" or "of", is that body's (headline and summary style)."""
        text = self.text
        for noun in self.document_nouns:
            at = _AT_OR_OF_RE.match(text, noun.end, self.end)
            if at is None or not any(start == at.end() for start, _ in self.mentions):
                continue
            if at.group().strip() == "of" and noun.word not in _COUNT_NOUNS:
                continue  # "a CNN survey of seven countries": the sample, not a finding
            floor = max(self.clause_start(noun.start), noun.start - OWNER_PHRASE_WINDOW)
            owner = _NAME_BEFORE_RE.search(text, floor, noun.start)
            if owner is None:
                continue
            words = owner.group("name").split()
            if words[0].lower() in DETERMINERS:
                words = words[1:]  # "The UN tally of 300"
            name = " ".join(words)
            if not words or words[0].lower() in DISCOURSE_WORDS or not _valid_source(name, counting=True):
                continue
            self.anchors.append(_Anchor(noun.word, name, owner.start("name"), noun.end, False, True))

    def _documents_made_by(self) -> None:
        """ "X said estimates of 10,000 dead by local officials were too high": a figure inside a
        document phrase whose maker follows "by" is the maker's, whoever reports on it."""
        text = self.text
        for noun in self.document_nouns:
            of = _OF_RE.match(text, noun.end, self.end)
            if of is None:
                continue
            figure_end = next((end for start, end in self.mentions if start == of.end()), None)
            if figure_end is None:
                continue
            maker = _MADE_BY_RE.match(text, figure_end, self.end)
            if maker is None:
                continue
            made_by = _without_full_stop(maker.group("np"))
            if not _valid_source(made_by, counting=False):
                continue
            if any(
                _is_participle(word) and word not in _GIVING_PARTICIPLES
                for word in text[figure_end : maker.start("np")].split()[:-1]
            ):
                continue  # "estimates of 3,000 killed by militants": the agent of the killing, not
                # "a count of 41 provided Tuesday by the ministry"
            self.anchors.append(
                _Anchor(f"{noun.word} by", made_by, figure_end, maker.start("np") + len(made_by), True, False)
            )

    def _documents_given_by(self) -> None:
        """ "Figures released by the ministry stood at 75": the figure a document states is its
        maker's when the document is the subject of a verb of amounting, which credits no one."""
        text = self.text
        for noun in self.document_nouns:
            given = _GIVEN_BY_THEN_AMOUNTS_RE.match(text, noun.end, self.end)
            if given is None or not _valid_source(given.group("maker"), counting=False):
                continue
            clause_end = self.clause_end(given.end())
            if not any(given.end() <= start < clause_end for start, _ in self.mentions):
                continue
            if any(a.start <= given.start("maker") < a.end for a in self.anchors):
                continue
            self.anchors.append(
                _Anchor(
                    given.group("verb"), given.group("maker"), noun.start, given.end("maker"), False, True
                )
            )

    def _document_participles(self) -> None:
        """ "the poll showing her trailing by 6 points", "a Reuters tally showing 1,200 deaths": a
        document and the participle that reports its finding, as "the poll showed" does."""
        text = self.text
        for noun in self.document_nouns:
            shown = _SHOWING_AFTER_RE.match(text, noun.end, self.end)
            if shown is None:
                continue
            lead = _DOCUMENT_LEAD_RE.search(
                text, max(self.start, noun.start - DOCUMENT_LEAD_WINDOW), noun.start
            )
            phrase_start = lead.start() if lead is not None else noun.start
            if _GIVEN_DOCUMENT_RE.search(
                text, max(self.start, phrase_start - GIVEN_DOCUMENT_WINDOW), phrase_start
            ):
                continue  # "the ministry released figures showing": the giver is the source
            phrase = text[phrase_start : shown.start("verb")].strip()
            if _valid_source(phrase, counting=False):
                self.anchors.append(
                    _Anchor(shown.group("verb"), phrase, phrase_start, shown.end(), False, True)
                )

    def _headline_source(self) -> None:
        """ "Flood deaths climb to 412 - Civil Defence": a headline credits its source after a dash."""
        if self.text[self.end - 1] in '.!?"”’' or not self.mentions:
            return
        match = HEADLINE_SOURCE_RE.search(self.text, self.start, self.end)
        if (
            match
            and _valid_source(match.group("np"), counting=False)
            and not any(ch.isdigit() for ch in match.group("np"))
        ):
            self.anchors.append(_Anchor("said", match.group("np"), match.start("np"), self.end, True, False))


# A document's maker after the participle that gave it out, then a verb of amounting that states the
# figure: "released by the ministry stood at", "compiled by the agency to track arrivals reached".
_GIVEN_BY_THEN_AMOUNTS_RE = re.compile(
    rf"\s+(?P<verb>{_GIVEN_OUT})\s+"
    r"(?:(?:on|late|early)\s+\w+\s+)?by\s+"
    r"(?P<maker>(?:the\s+)?[^,;:.()]{2,80}?)"
    r"(?:\s+to\s+[a-z]+(?:\s+[\w'’-]+){0,3})?"  # its purpose: "to locate missing people"
    r"\s+(?:stood|stand|stands|was|were|is|are|reached|reach|reaches|totall?ed|totals|came|rose|climbed|spoke|speaks)\b"
)
# A participle that reports a document's finding, after the document (and who made it): "the poll
# showing", "data from the agency showing".
_SHOWING_AFTER_RE = re.compile(
    r"(?:\s+(?:from|by|of)\s+[^,;:.]{1,40}?)?\s+(?P<verb>showing|indicating|suggesting)\b"
)
# The start of a document's noun phrase: its determiner and the words before the noun ("a Reuters").
_DOCUMENT_LEAD_RE = re.compile(
    r"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+(?:(?:[A-Z][\w'’-]*|new|latest|official|recent|national)\s+){0,3}$"
)
DOCUMENT_LEAD_WINDOW = 40
# A verb that gives out the document right before it: its subject made the finding.
_GIVEN_DOCUMENT_RE = re.compile(r"\b(?:released|published|issued|presented|unveiled|provided|shared)\s+$")
GIVEN_DOCUMENT_WINDOW = 16

# A body written before a document noun as its modifier: "the police estimate", "the Interior
# Ministry figure", "a Velm Herald tally".
_BODY_BEFORE_DOCUMENT_RE = re.compile(
    r"\b(?:the|an?)\s+(?P<owner>(?:[A-Z][\w.'’-]*\s+){1,4}|(?:police|government|army|military|organi[sz]ers)\s+)"
    r"(?:(?:official|own|latest|initial|preliminary|final|new|revised)\s+)?$"
)
_VALUE_DOCUMENTS = frozenset(
    {"estimate", "estimates", "figure", "figures", "count", "tally", "toll", "forecast"}
)
# How far before a document noun its owner is looked for ("the Water Board's own estimate"), how
# far before the owner a lead-in word is read, and how long the owner's noun phrase may be.
POSSESSOR_WINDOW = 60
OWNER_LEAD_WINDOW = 12
OWNER_PHRASE_WINDOW = 80
# How far before a participle the figure it describes may stand ("the 4,100 cited by").
FIGURE_BEFORE_PARTICIPLE_WINDOW = 30


def _possessor(text: str, floor: int, start: int, owner_end: int) -> tuple[str, int]:
    """The noun phrase that owns a document, and where it starts: "By the Water Board's
    estimate" -> the Water Board."""
    owner = text[start:owner_end]
    if owner.lower() in _POSSESSIVE_PRONOUNS:
        return owner, start
    words = _tokens(text, max(floor, start - OWNER_PHRASE_WINDOW), owner_end)
    phrase_start = start
    for kept, (word, word_start, word_end) in enumerate(reversed(words)):
        if kept and word[0].islower() and word.lower() != "the" and word.lower() not in NAME_PARTICLES:
            break
        if kept and word.lower() in _CLAUSE_INITIAL_PREPOSITIONS:
            break  # "By Velmar Daily's count": the preposition opens the sentence, not the name
        if kept and any(mark in text[word_end:phrase_start] for mark in "()–—"):
            break  # "in Orlo (organisers' estimate", "(Wire) – Velmora's toll": a mark opens the phrase
        phrase_start = word_start
        if word.lower() == "the":
            break
    phrase = text[phrase_start:owner_end]
    return re.sub(r"(?:'s|’s|'|’)$", "", phrase), phrase_start


# How far before a counting subject the figure of a reduced relative may stand.
REDUCED_RELATIVE_WINDOW = 30


def _reduced_relative(text: str, clause: int, phrase_start: int, verb_start: int) -> bool:
    """ "the 812 walkers the park counted": the figure stands right before the counting subject;
    "$207 billion that the office estimates": a clause on the figure reckons it."""
    before = text[max(clause, phrase_start - REDUCED_RELATIVE_WINDOW) : phrase_start]
    if ", " in before:
        return False
    if _FIGURE_THEN_RELATIVE_RE.search(before):
        # "40 homes that the council said were unsafe" says something else of them
        return _RECKONING_VERB_RE.match(text, verb_start) is not None
    between = _FIGURE_THEN_WORDS_RE.search(before)
    # "reached 1,481 as the office predicted more rain": a conjunction opens a clause of its own
    return between is not None and CLAUSE_OPENERS.isdisjoint(between.group("words").lower().split())


def _choose_all(
    anchors: Sequence[_Anchor], spans: Sequence[tuple[int, int]], text: str, semicolons: Sequence[int]
) -> list[tuple[_Anchor | None, _Anchor | None]]:
    """For each figure [start, end) of one sentence: the anchor that governs it (the nearest cue
    before it whose clause runs on to it, or the nearest cue after it that looks back, or one bound
    tight to it), and the last anchor that ends before it (which a gapped clause may reuse).

    One sweep over the figures in reading order, so a sentence with thousands of figures and cues
    costs time in proportion to their number, not to their product.
    """
    chosen: list[tuple[_Anchor | None, _Anchor | None]] = [(None, None)] * len(spans)
    if not anchors:
        return chosen
    starts = [anchor.start for anchor in anchors]
    # the first anchor at or after each position that looks back at the figures before it
    next_looking_back: list[int | None] = [None] * (len(anchors) + 1)
    for index in range(len(anchors) - 1, -1, -1):
        next_looking_back[index] = index if anchors[index].governs_left else next_looking_back[index + 1]
    # anchors that govern the clause after them, in the order their ends are reached
    by_end = sorted(range(len(anchors)), key=lambda i: anchors[i].end)
    reached = 0
    last_ended = -1
    # the latest anchors (by their place in `anchors`) that end before the figure and after its last
    # semicolon; each index is dominated once a later anchor ends after it
    open_left: deque[int] = deque()
    order = sorted(range(len(spans)), key=lambda i: spans[i][0])
    for rank, position in enumerate(order):
        start, end = spans[position]
        while reached < len(by_end) and anchors[by_end[reached]].end <= start:
            index = by_end[reached]
            last_ended = max(last_ended, index)
            if anchors[index].governs_right:
                while open_left and open_left[-1] < index:
                    open_left.pop()
                open_left.append(index)
            reached += 1
        last_break = bisect_left(semicolons, start)
        floor = semicolons[last_break - 1] - 2 if last_break else -1
        while open_left and anchors[open_left[0]].end < floor:
            open_left.popleft()
        left = anchors[open_left[0]] if open_left else None
        if left is not None and left.reach is not None and start > left.reach:
            left = _within_reach(anchors, last_ended, start, floor)
        next_anchor = bisect_left(starts, end)
        first_right = _past_passive_on_a_later_figure(
            text,
            end,
            spans[order[rank + 1]] if rank + 1 < len(order) else None,
            anchors=anchors,
            first_right=next_looking_back[next_anchor],
            next_looking_back=next_looking_back,
        )
        right = anchors[first_right] if first_right is not None else None
        earlier = anchors[last_ended] if last_ended >= 0 else None
        if next_anchor < len(anchors) and _reckons_figure_before(anchors[next_anchor], text, end):
            chosen[position] = (anchors[next_anchor], earlier)
        elif (
            right is not None
            and (right.cue.lower() in {"according to", "citing"} or right.cue.endswith(" by"))
            and _TIGHT_GAP_RE.match(text[end : right.start])
        ):
            chosen[position] = (right, earlier)
        elif left is not None and right is not None:
            # "According to reports, ..., with 92 deaths, according to police officer X": a source
            # that names someone outranks a bare document
            named_right = _bare_document(left.phrase) and not _bare_document(right.phrase)
            chosen[position] = (right if left.parenthetical or named_right else left, earlier)
        else:
            chosen[position] = (left or right, earlier)
    return chosen


# What may stand between a figure and the passive cue that describes it: an adverb ("the 41
# previously reported by"), a relative clause's opening ("nine of whom were confirmed by").
_REDUCED_PASSIVE_GAP_RE = re.compile(
    r"\s+(?:of\s+(?:whom|which|them)\s+)?(?:(?:were|was|had\s+been|have\s+been|has\s+been)\s+)?(?:[a-z]+ly\s+)?"
)


def _past_passive_on_a_later_figure(  # noqa: PLR0913  the sweep's state at one figure
    text: str,
    end: int,
    later: tuple[int, int] | None,
    *,
    anchors: Sequence[_Anchor],
    first_right: int | None,
    next_looking_back: Sequence[int | None],
) -> int | None:
    """The anchor after a figure ending at `end` that looks back at it: past a passive cue that
    describes the next figure, `later`, set off from this one by a comma ("60 died, up from the 41
    previously reported by the ministry" gives the ministry only the 41)."""
    if first_right is None or later is None:
        return first_right
    anchor = anchors[first_right]
    if (
        anchor.cue.endswith(" by")
        and later[1] <= anchor.start
        and "," in text[end : later[0]]
        and _REDUCED_PASSIVE_GAP_RE.fullmatch(text, later[1], anchor.start) is not None
    ):
        return next_looking_back[first_right + 1]
    return first_right


def _bare_document(phrase: str) -> bool:
    """ "reports", "media reports", "official data": a document with no owner and no name."""
    words = [word for word in WORD_RE.findall(phrase) if word.lower() not in DETERMINERS]
    if not words or not all(word.islower() for word in words):
        return False
    return words[-1] in DOCUMENT_NOUNS or words[-1].removesuffix("s") in DOCUMENT_NOUNS


_RECKONING_CUES = FORECAST_CUES | {"expected", "estimated"}
# Only a space, or "that", between a figure and the subject of a relative clause that reckoned it.
_OBJECT_GAP_RE = re.compile(r"\s+(?:that\s+)?")


def _reckons_figure_before(anchor: _Anchor, text: str, figure_end: int) -> bool:
    """ "the $1.9 billion analysts had expected": the figure is what the subject after it reckoned."""
    return (
        anchor.cue in _RECKONING_CUES and _OBJECT_GAP_RE.fullmatch(text, figure_end, anchor.start) is not None
    )


# How many anchors back from a figure one out of reach (a relative clause's cue) looks for another.
WITHIN_REACH_LOOKBACK = 8


def _within_reach(anchors: Sequence[_Anchor], last_ended: int, start: int, floor: int) -> _Anchor | None:
    """The latest anchor before `start` that governs on to it, past those whose reach ends before it
    ("Officials said the storm, which experts say is rare, killed 40": the officials')."""
    for index in range(last_ended, max(-1, last_ended - WITHIN_REACH_LOOKBACK), -1):
        anchor = anchors[index]
        if (
            anchor.governs_right
            and anchor.end <= start
            and anchor.end >= floor
            and (anchor.reach is None or anchor.reach >= start)
        ):
            return anchor
    return None


def _gapped_anchor(
    text: str, sentence_start: int, span: tuple[int, int], earlier: _Anchor | None
) -> _Anchor | None:
    """A source and figure that reuse an earlier cue of the sentence (`earlier`, the last anchor
    that ends before the figure): "..., the union 280,000", "... according to the union, and
    9,000 for the police". After a finding's verb of having ("exit polls gave the Greens 28 percent
    and the Reds 24") the party before a figure is what the finding gives it to, not a source."""
    if earlier is None or earlier.cue.lower() in HAVING_VERBS:
        return None
    return _gapped_before(text, sentence_start, span[0], earlier) or _gapped_according_to(text, span, earlier)


# Marks that end what a speaker said within a sentence.
_HARD_CLAUSE_MARK_RE = re.compile(r"[;:]|\s[—–-]\s")
# A figure and the words (at most two) between it and a subject after it.
_FIGURE_THEN_WORDS_RE = re.compile(r"\d[\d,.]*\s+(?P<words>(?:[\w\-]+\s+){0,2})$")
# A figure, a few words of what it counts, and "that" or "which" opening a clause on it.
_FIGURE_THEN_RELATIVE_RE = re.compile(r"\d[\d,.]*\s+(?:[a-z]+\s+){0,3}(?:that|which)\s+$")
_AGENT_AFTER_ADVERB_RE = re.compile(
    r"\s+(?:[a-z]+ly|abroad|overseas|nationwide|worldwide|elsewhere|so\s+far|thus\s+far|in\s+total)\s+by\s+"
)
_AGENT_AFTER_VALUE_RE = re.compile(r"\s+(?:at|to|as)\s+(?:[^,;:()]|(?<=\d),(?=\d)){1,40}?\s+by\s+")
_GAPPED_AGENT_RE = re.compile(
    r",?\s+(?:and|but|while|or)\s+(?:at|to|as)\s+(?:[^,;:()]|(?<=\d),(?=\d)){1,40}?\s+by\s+"
)
# How far before its participle the subject of an absolute construction may start.
ABSOLUTE_SUBJECT_WINDOW = 50
# How far before a figure a gapped source may stand (", the union 280,000").
GAPPED_SOURCE_WINDOW = 60


def _gapped_before(text: str, sentence_start: int, start: int, earlier: _Anchor) -> _Anchor | None:
    """ "..., the union 280,000": the source stands right before the figure."""
    match = GAPPED_SOURCE_RE.search(
        text, max(sentence_start, start - GAPPED_SOURCE_WINDOW, earlier.end), start
    )
    if match is None:
        return None
    phrase = match.group("np")
    tokens = WORD_RE.findall(phrase)
    lower = [t.lower() for t in tokens]
    if not tokens or lower[0] in {"including", "among", "of", "up", "down", "from", "to"}:
        return None
    named = len(tokens) >= 2 and all(t[0].isupper() for t in tokens[1:])
    if not (set(lower) & SOURCE_HEADS or any(ACRONYM_RE.match(t) for t in tokens) or named):
        return None
    if not (tokens[-1][0].isupper() or lower[-1].rsplit("-", 1)[-1] in SOURCE_HEADS):
        # "..., the agency seized 10 tons": a clause with a verb of its own, not a gapped source
        return None
    if lower[0] != "the" and (
        gazetteer().lookup(phrase) is not None
        or (gazetteer().lookup(tokens[0]) is not None and set(lower[1:]) <= _PLACE_NAME_ENDINGS)
    ):
        return None  # "..., Sindh 638 and Islamabad Capital Territory one": a row of a list of places
    return _Anchor(earlier.cue, phrase, match.start("np"), start, False, True)


def _gapped_according_to(text: str, span: tuple[int, int], earlier: _Anchor) -> _Anchor | None:
    """ "40,000 marched, according to the union, and 9,000 for the police": a figure joined to an
    "according to" clause names its own source after "for" or "per"."""
    start, end = span
    if earlier.cue.lower() != "according to":
        return None
    if _COORDINATED_FIGURE_RE.fullmatch(text, earlier.end, start) is None:
        return None
    after = _FOR_SOURCE_AFTER_RE.match(text, end)
    if after is None or _MONEY_NEAR_RE.search(text, max(0, start - 2), after.start("np")):
        return None  # "and $9 million for the hospital" is who gets the money
    phrase = after.group("np")
    tokens = WORD_RE.findall(phrase)
    if not tokens or not (tokens[-1][0].isupper() or tokens[-1].lower() in SOURCE_HEADS):
        return None
    if not _valid_source(phrase, counting=False):
        return None
    return _Anchor(earlier.cue, phrase, after.start("np"), after.end("np"), False, False)


# Last words that make capitalised words a place ("Cugenang District", "Islamabad Capital Territory"):
# the gazetteer's unit words and a few of geography.
_PLACE_NAME_ENDINGS = admin_suffixes() | frozenset(
    {"capital", "territory", "river", "valley", "street", "road", "square", "bay"}
)
# Words before a place name; "of" introduces an owner ("the family of Jon Doe") as often as a place.
_BEFORE_PLACES = LOCATIVE_WORDS - {"of"}
# How far before a name a photo or byline credit ("Reporting by") is read.
CREDIT_WINDOW = 25


_POSSESSIVE_S_END_RE = re.compile(r"(?:'s|’s)$")


def _known_names(text: str, lines: _Lines) -> list[WrittenName]:
    """Every personal name the item writes, title dropped, with its position."""
    names: list[WrittenName] = []
    for match in _CAPITALISED_RUN_RE.finditer(text):
        if lines.is_title(match.start()) or _CREDIT_BEFORE_RE.search(
            text, max(0, match.start() - CREDIT_WINDOW), match.start()
        ):
            continue
        tokens = _POSSESSIVE_S_END_RE.sub("", match.group()).split()
        owner = next((i for i, token in enumerate(tokens) if token.endswith(("'s", "’s"))), None)
        if owner is not None:
            # "President Ana Ruiz's Wednesday briefing": the name ends at its possessive
            tokens = [*tokens[:owner], tokens[owner][:-2]]
        while tokens and (
            tokens[0].lower() in DISCOURSE_WORDS
            or tokens[0].lower() in PREPOSITIONS
            # "Activist Lena Varga", "Farmer Jon Breck": a role in lower case, capitalised by the sentence
            or (tokens[0].lower() in SPEAKER_ROLES and len(tokens) > 2)
        ):
            tokens = tokens[1:]  # "However Ferrovia", "In Lisbon": a capital that opens a sentence
        name = personal_name(tokens)
        # "West Java", "near Lower Harwick": a place written like a name is no one a "he" can refer to
        before = _word_before(text, match.start()).lower()
        if (
            name
            and len(name) >= 2
            and name[-1].lower() not in _PLACE_NAME_ENDINGS
            and before not in _BEFORE_PLACES
            and gazetteer().lookup(" ".join(name)) is None
        ):
            names.append(WrittenName(match.start(), " ".join(name), before in PREPOSITIONS))
    return names


class _Lines:
    """The lines of a text, to tell running text from lines that are not: a headline, byline, photo
    credit or boilerplate never ends with a closing mark. Names there are no antecedents."""

    __slots__ = ("breaks", "text", "titles")

    def __init__(self, text: str) -> None:
        self.text = text
        self.breaks = [match.start() for match in _NEWLINE_RE.finditer(text)]
        self.titles: dict[int, bool] = {}

    def line_start(self, position: int) -> int:
        index = bisect_left(self.breaks, position)
        return self.breaks[index - 1] + 1 if index else 0

    def is_title(self, position: int) -> bool:
        index = bisect_left(self.breaks, position)
        if index not in self.titles:
            start = self.breaks[index - 1] + 1 if index else 0
            end = self.breaks[index] if index < len(self.breaks) else len(self.text)
            line = self.text[start:end].rstrip()
            self.titles[index] = not line or line[-1] not in _CLOSED
        return self.titles[index]


def _unwrapped(text: str, sentences: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences with hard-wrapped lines joined: a line that stops mid-sentence (no closing mark)
    and a next line that goes on in lower case ("... a school in\ncentral Nigeria, an official said")
    are one sentence for attribution."""
    joined: list[tuple[int, int]] = []
    for start, end in sentences:
        if joined and end > start:
            previous_start, previous_end = joined[-1]
            gap = text[previous_end:start]
            if (
                previous_end > previous_start
                and gap.count("\n") == 1
                and not gap.strip()
                and text[previous_end - 1] not in _CLOSED
                and text[previous_end - 1] != ":"
                and text[start].islower()
            ):
                joined[-1] = (previous_start, end)
                continue
        joined.append((start, end))
    return joined


def _quotations(text: str, lines: _Lines) -> list[tuple[int, int]]:
    """The spans of quoted passages, from opening to closing mark, across sentences and lines. Curly
    marks and guillemets say which way they face; straight marks alternate. A paragraph that opens a
    quote while one is still open starts a new one (news style reopens a quote that runs on over
    paragraphs without closing it)."""
    spans: list[tuple[int, int]] = []
    opened = -1
    for match in _QUOTE_MARK_RE.finditer(text):
        mark, position = match.group(), match.start()
        at_line_start = not text[lines.line_start(position) : position].strip()
        if mark in _OPENING_MARKS and (opened < 0 or at_line_start):
            opened = position
        elif opened >= 0 and mark in _CLOSING_MARKS:
            spans.append((opened, position))
            opened = -1
    return spans


# Subjects inside a quotation that name the speaker's own people or someone the quote does not name.
_QUOTED_PRONOUNS = frozenset({"they", "we", "he", "she"})


def _inside(quotations: Sequence[tuple[int, int]], position: int) -> bool:
    """Whether a position falls inside one of the quotation spans (in text order)."""
    index = bisect_right(quotations, position, key=lambda span: span[0]) - 1
    return index >= 0 and quotations[index][0] < position < quotations[index][1]


def _quotes_speech(cue: str) -> bool:
    """Whether a cue can introduce or close quoted words: a verb of saying or "according to"."""
    return cue in _SPEECH_CUES or cue.startswith("told") or cue.lower() == "according to"


def _quote_speakers(
    text: str, quotations: Sequence[tuple[int, int]], anchors: Sequence[_Anchor]
) -> list[tuple[int, int, Attribution]]:
    """Each quotation whose speaker the text names right after it (“...,” said Ana Ruiz; “...,” she
    told reporters) or right before it (Ana Ruiz said: “...”), with that speaker."""
    starts = [anchor.start for anchor in anchors]
    found: list[tuple[int, int, Attribution]] = []
    previous: _Anchor | None = None  # the speaker of the quotation before
    for opened, closed in quotations:
        index = bisect_left(starts, closed)
        speaker = None
        if (
            index < len(anchors)
            and _SPEAKER_GAP_RE.fullmatch(text, closed + 1, anchors[index].start)
            # “... asked for.” then a new paragraph: its subject opens a story of its own
            and not (text[closed - 1 : closed] in ".!?" and "\n" in text[closed + 1 : anchors[index].start])
        ):
            speaker = anchors[index]
        else:
            before = index - 1
            while before >= 0 and anchors[before].end > opened:
                before -= 1
            if before >= 0 and _INTRODUCTION_GAP_RE.match(text[anchors[before].end : opened]):
                speaker = anchors[before]
        if (
            speaker is None
            and previous is not None
            and _CONTINUED_QUOTE_GAP_RE.fullmatch(text, previous.end, opened)
        ):
            # "“...,” Ruiz said. “We expect 10 more.”": the next quotation goes on in her voice
            speaker = previous
        if speaker is None and previous is None and index > 0:
            # "Ana Ruiz said the clinic was full. “We see 200 patients a day.”": a person whose
            # words the sentence before reports goes on in her own voice
            introduced = anchors[index - 1]
            if (
                introduced.attribution is not None
                and introduced.attribution.type == "person"
                and _quotes_speech(introduced.cue)
                and _INTRODUCED_QUOTE_GAP_RE.fullmatch(text, introduced.end, opened)
            ):
                speaker = introduced
        if speaker is not None and speaker.attribution is not None and _quotes_speech(speaker.cue):
            found.append((opened, closed, speaker.attribution))
            previous = speaker
        else:
            previous = None
    return found


def attribute(  # noqa: PLR0912, PLR0915  the attribution stages in order over one sentence's shared state
    text: str, sentences: Sequence[tuple[int, int]], mentions: Sequence[tuple[int, int]]
) -> list[Attribution | None]:
    """One attribution (or None) per quantity mention, in the order of `mentions`."""
    sentences = _unwrapped(text, sentences)
    read: list[tuple[int, int, list[int], list[_Anchor], list[int]]] = []
    silent: list[tuple[int, int]] = []
    mention_index = 0
    for sentence_start, sentence_end in sentences:
        members: list[int] = []
        while mention_index < len(mentions) and mentions[mention_index][0] < sentence_end:
            if mentions[mention_index][0] >= sentence_start:
                members.append(mention_index)
            mention_index += 1
        if sentence_end <= sentence_start:
            continue
        reader = _SentenceReader(text, sentence_start, sentence_end, [mentions[i] for i in members])
        read.append((sentence_start, sentence_end, members, reader.read(), reader.clause_breaks))
        silent.extend(reader.silent)

    lines = _Lines(text)
    quotations = _quotations(text, lines)
    registry = SourceRegistry(lambda: _known_names(text, lines))
    phrases_in_order = [anchor.phrase for _, _, _, anchors, _ in read for anchor in anchors]
    seen = 0
    results: list[Attribution | None] = [None] * len(mentions)
    introduced: Attribution | None = None  # the source of a list the last sentence introduced
    previous_members: list[int] = []
    for sentence_start, sentence_end, members, anchors, stops in read:
        _note_sentence_subject(registry, text, sentence_start, lines)
        for anchor in anchors:
            seen += 1
            if anchor.phrase.lower() in _QUOTED_PRONOUNS and _inside(quotations, anchor.start):
                # '"They have recorded 57 deaths," the governor said': a pronoun in a quotation
                # points at no one outside it; the figures are the speaker's
                continue
            resolved = registry.resolve(
                anchor.phrase, phrases_in_order[seen : seen + _LOOKAHEAD], anchor.start
            )
            if resolved is not None:
                entity, display = resolved
                if anchor.description:  # before the type is read: "Lind, the party's chair," is a person
                    registry.describe(entity, anchor.description)
                anchor.attribution = Attribution(display, entity.normalized, entity.type, anchor.cue)
        _credit_origin_over_relay(text, anchors)
        _credit_possessive_to_later_speaker(anchors)
        _credit_possessive_to_reporting_speaker(text, anchors)
        tail = _detached_speaker_tail(text, sentence_start, sentence_end, members, anchors)
        if tail is not None:
            # "The toll rose to 143. The relief office reported.": a speaker and cue split off by a
            # full stop speak the figures of the sentence before, which no one else was credited with
            for index in previous_members:
                results[index] = results[index] or tail
        previous_members = members
        if (
            introduced is not None
            and not anchors
            and (
                _LIST_ITEM_RE.match(text, sentence_start)
                or is_table_row(text[slice(*line_around(text, sentence_start))])  # a table's header or row
            )
        ):
            for index in members:
                results[index] = introduced
            continue
        introduced = _list_introduction(text, sentence_end, anchors)
        spans = [mentions[index] for index in members]
        if stops and anchors:
            breaks = _without_list_breaks(text, sentence_end, stops, spans, anchors)
        else:
            breaks = stops
        choices = _choose_all(anchors, spans, text, breaks)
        for index, (chosen, earlier) in zip(members, choices, strict=True):
            gapped = _gapped_anchor(text, sentence_start, mentions[index], earlier)
            if gapped is not None:
                resolved = registry.resolve(gapped.phrase)
                if resolved is not None:
                    entity, display = resolved
                    results[index] = Attribution(display, entity.normalized, entity.type, gapped.cue)
                    continue
            results[index] = chosen.attribution if chosen is not None else None
        if "respectively" in text[sentence_start:sentence_end]:
            _share_out_respectively(results, members)
    mention_starts = [start for start, _ in mentions]
    for low, high in silent:
        for index in range(bisect_left(mention_starts, low), bisect_left(mention_starts, high)):
            results[index] = None
    if None in results and "Source" in text:
        _credit_source_lines(text, mentions, results, registry)
    if None in results and "(" in text:
        _credit_bracketed_sources(text, mentions, results, registry)
    if None in results and any(mark in text for mark in _QUOTE_MARKS):
        _credit_quoted_figures(
            text,
            quotations,
            mentions,
            results,
            [anchor for _, _, _, anchors, _ in read for anchor in anchors],
        )
    return results


# Verbs of saying that end a sentence of their own after what was said ("The ministry reported.").
_DETACHED_CUES = frozenset(
    {"said", "says", "reported", "reports", "announced", "stated", "confirmed", "added"}
)
# What may follow a detached speaker's cue before the sentence ends: nothing but its full stop.
_ONLY_A_FULL_STOP = re.compile(r"\s*[.!]?\s*")


def _detached_speaker_tail(
    text: str, start: int, end: int, members: list[int], anchors: list[_Anchor]
) -> Attribution | None:
    """The source of a sentence that is nothing but a source and its cue ("The Velm Relief Office
    reported."), which holds no figure of its own."""
    if members or len(anchors) != 1 or anchors[0].attribution is None:
        return None
    anchor = anchors[0]
    if anchor.start != start or anchor.cue.lower() not in _DETACHED_CUES:
        return None
    return anchor.attribution if _ONLY_A_FULL_STOP.fullmatch(text, anchor.end, end) else None


def _share_out_respectively(results: list[Attribution | None], members: list[int]) -> None:
    """ "Police and organisers put the turnout at 12,000 and 40,000 respectively": the sources joined
    by "and" speak one figure each, in order, when the sentence gives as many figures as sources."""
    shared = [results[index] for index in members]
    first = shared[0] if shared else None
    if first is None or any(credit is not first for credit in shared):
        return
    parts = [part.strip() for part in _AND_SPLIT_RE.split(first.text) if part.strip()]
    if len(parts) != len(members) or len(parts) < 2:
        return
    if not all(_valid_source(part, counting=False) for part in parts):
        return
    # each part read on its own: the item's registry would take "organisers" for "police and organisers"
    own = SourceRegistry()
    for index, part in zip(members, parts, strict=True):
        resolved = own.resolve(part)
        if resolved is not None:
            entity, display = resolved
            results[index] = Attribution(display, entity.normalized, entity.type, first.cue)


_AND_SPLIT_RE = re.compile(r",\s*(?:and\s+)?|\s+and\s+")


def _credit_possessive_to_later_speaker(anchors: list[_Anchor]) -> None:
    """ "Its growth forecast of 3% was cut, the central bank said": a possessive pronoun that stands
    for no one named before it stands for the speaker its sentence names after it."""
    for index, anchor in enumerate(anchors):
        if anchor.attribution is not None or anchor.phrase.lower() not in _POSSESSIVE_PRONOUNS:
            continue
        speaker = next(
            (later for later in anchors[index + 1 :] if later.parenthetical and later.attribution), None
        )
        if speaker is not None:
            anchor.attribution = speaker.attribution


# What may stand between a speech verb and the possessive that opens its reported clause.
_REPORTED_CLAUSE_OPENING_RE = re.compile(r"\s*(?:that\s+)?")


def _credit_possessive_to_reporting_speaker(text: str, anchors: list[_Anchor]) -> None:
    """ "Mara Lind said their latest poll shows a 3 percent gap": a possessive pronoun that opens
    the clause a speaker reports, and stands for no one named before, is the speaker's own."""
    speaker: _Anchor | None = None
    for anchor in anchors:
        if (
            speaker is not None
            and anchor.attribution is None
            and anchor.phrase.lower() in _POSSESSIVE_PRONOUNS
            and _REPORTED_CLAUSE_OPENING_RE.fullmatch(text, speaker.end, anchor.start)
        ):
            anchor.attribution = speaker.attribution
        elif anchor.attribution is not None and anchor.cue in _SPEECH_CUES:
            speaker = anchor


# A line that names where the rows above it come from: "Source: National Disaster Authority, 5 May".
# A figure after a label, as boxes of key figures write them: "Injured: 112".
_LABELLED_FIGURE_RE = re.compile(r"[A-Za-z]\s*:\s*\d")
_SOURCE_CLOSES_LINE_RE = re.compile(
    r"\((?i:sources?)\s*:\s*(?P<who>[^,;()\n\d]{2,80})[^()\n]*\)[ \t]*$", re.MULTILINE
)
_SOURCE_LINE_RE = re.compile(r"^Sources?\s*:\s*(?P<who>[^,;(\n]{2,80})", re.MULTILINE)
# The rows a source line vouches for: short lines above it with no full stop ("Deaths: 214").
SOURCE_ROW_CHARS = 80


def _credit_source_lines(
    text: str,
    mentions: Sequence[tuple[int, int]],
    results: list[Attribution | None],
    registry: SourceRegistry,
) -> None:
    """Figures with no source in the rows just above a "Source: X" line are X's, and those on a line
    that a "(Source: X)" closes ("Deaths: 40. Injured: 112. (Source: county emergency office)")."""
    starts = [start for start, _ in mentions]

    def credit(who: str, span_start: int, span_end: int) -> None:
        """The figures with no source between the two positions are `who`'s."""
        resolved = registry.resolve(who.strip())
        if resolved is None:
            return
        entity, display = resolved
        given = Attribution(display, entity.normalized, entity.type, "source")
        for index in range(bisect_left(starts, span_start), bisect_left(starts, span_end)):
            if results[index] is None:
                results[index] = given

    for closing in _SOURCE_CLOSES_LINE_RE.finditer(text):
        line_start = text.rfind("\n", 0, closing.start()) + 1
        if _LABELLED_FIGURE_RE.search(text, line_start, closing.start()) is not None:
            # only a box of labelled figures: a caption's credit ("... hit the coast. (Source: X)")
            # is the picture's
            credit(closing.group("who"), line_start, closing.start())
    for line in _SOURCE_LINE_RE.finditer(text):
        rows_start = row_end = line.start() - 1
        while row_end > 0:
            row_start = text.rfind("\n", 0, row_end) + 1
            row = text[row_start:row_end].strip()
            if not row or len(row) > SOURCE_ROW_CHARS or row.endswith("."):
                break
            rows_start, row_end = row_start, row_start - 1
        credit(line.group("who"), rows_start, line.start() - 1)


# A source in brackets right after a figure and at most two words of its noun, as a box of key
# figures writes it: "Deaths: 1,204 (health ministry)", "1.1 million displaced (UN)", "(source: UN)".
_BRACKETED_SOURCE_RE = re.compile(
    r"(?:\s+[a-z][\w-]*){0,2}\s*\((?:(?i:sources?)\s*:\s*|(?i:via)\s*:?\s+)?(?P<who>[^()\d\n]{2,60})\)"
)


# People a figure counts, which a writer may add in brackets after it: never its source there.
_COUNTED_IN_BRACKETS = frozenset(
    {"victims", "dead", "deaths", "casualties", "fatalities", "injured", "wounded", "missing", "survivors",
     "people", "persons"}
)  # fmt: skip


def _credit_bracketed_sources(
    text: str,
    mentions: Sequence[tuple[int, int]],
    results: list[Attribution | None],
    registry: SourceRegistry,
) -> None:
    """Figures with no source followed by a body or a name in brackets are that source's."""
    for index, (_, end) in enumerate(mentions):
        if results[index] is not None:
            continue
        bracket = _BRACKETED_SOURCE_RE.match(text, end)
        if bracket is None:
            continue
        who = bracket.group("who").strip()
        words = WORD_RE.findall(who)
        if not words:
            continue  # "40 ( , )": brackets with no word in them
        if who.islower() and words[-1] in _COUNTED_IN_BRACKETS:
            continue  # "We're at 93 (victims) now": what the figure counts, not who gave it
        named = ACRONYM_RE.match(who) is not None or sum(word[0].isupper() for word in words) >= 2
        if not (named or words[-1].lower() in SOURCE_HEADS - NON_COUNTING_HEADS) or not _valid_source(
            who, counting=True
        ):
            continue
        resolved = registry.resolve(who)
        if resolved is not None:
            entity, display = resolved
            results[index] = Attribution(display, entity.normalized, entity.type, "in brackets")


def _credit_origin_over_relay(text: str, anchors: Sequence[_Anchor]) -> None:
    """ "The agency said 268 died, while 151 are missing, according to TV channel K": the outlet
    at the end relays what the agency said, and the agency is the origin of every figure in it. A
    semicolon, colon or dash between them ends what the agency said."""
    origin: _Anchor | None = None
    for anchor in anchors:
        found = anchor.attribution
        if found is None:
            continue
        if (
            anchor.cue.lower() == "according to"
            and found.type == "media"
            and origin is not None
            and origin.attribution is not None
            and _HARD_CLAUSE_MARK_RE.search(text, origin.end, anchor.start) is None
        ):
            anchor.attribution = origin.attribution
        elif found.type != "media" and anchor.cue in _SPEECH_CUES:
            origin = anchor


def _list_introduction(text: str, sentence_end: int, anchors: Sequence[_Anchor]) -> Attribution | None:
    """The source of a sentence that introduces a list with a colon ("The council said the deaths
    break down as follows:"): each list item after it reports for that source."""
    if not anchors or text[sentence_end - 1] != ":":
        return None
    governing = [anchor for anchor in anchors if anchor.governs_right and anchor.attribution is not None]
    return governing[-1].attribution if governing else None


def _without_list_breaks(
    text: str,
    sentence_end: int,
    stops: Sequence[int],
    spans: Sequence[tuple[int, int]],
    anchors: Sequence[_Anchor],
) -> list[int]:
    """Clause breaks without the semicolons, colons and dashes that only go on with a list of figures
    ("X said 17 families fled in A; 1,329 families in B; and 46,000 in C", "X announced aid — 500 for
    each family", "X confirmed 25 deaths: 16 in A and nine in B"): the cue before the first item
    governs them all. A clause with a cue or a verb of its
    own ("; 7 were hurt") stays apart."""
    starts = {start for start, _ in spans}
    anchor_starts = [anchor.start for anchor in anchors]  # in reading order
    kept: list[int] = []
    for number, stop in enumerate(stops):
        continuation = _LIST_CONTINUATION_RE.match(text, stop)
        following = stops[number + 1] if number + 1 < len(stops) else sentence_end
        next_anchor = bisect_right(anchor_starts, stop)
        if (
            continuation is not None
            and continuation.end() in starts
            and not (next_anchor < len(anchor_starts) and anchor_starts[next_anchor] < following)
            and _FINITE_VERB_RE.search(text, stop, following) is None
        ):
            continue
        kept.append(stop)
    return kept


def _credit_quoted_figures(
    text: str,
    quotations: Sequence[tuple[int, int]],
    mentions: Sequence[tuple[int, int]],
    results: list[Attribution | None],
    anchors: Sequence[_Anchor],
) -> None:
    """A figure with no cue of its own inside a quotation is the quoted speaker's, however many
    sentences or lines the quotation runs over."""
    speakers = _quote_speakers(text, quotations, anchors)
    if not speakers:
        return
    opened_at = [opened for opened, _, _ in speakers]
    for index, (start, _) in enumerate(mentions):
        if results[index] is not None:
            continue
        quote = bisect_right(opened_at, start) - 1
        if quote >= 0 and start < speakers[quote][1]:
            results[index] = speakers[quote][2]


# The first word of each preposed cue ("according", "citing"), which may open a sentence.
_PREPOSED_CUE_OPENERS = frozenset(cue.split()[0] for cue in PREPOSED_CUES)


def _note_sentence_subject(registry: SourceRegistry, text: str, sentence_start: int, lines: _Lines) -> None:
    """A body that opens a sentence ("The Office for Rail Statistics on Tuesday revised ...")
    is remembered, so that a later "its forecast" or "the fiscal watchdog" can refer to it."""
    if not lines.is_title(sentence_start):
        phrase = sentence_subject(text, sentence_start)
        if phrase is not None:
            registry.note(phrase)


def sentence_subject(text: str, sentence_start: int) -> str | None:
    """The body a sentence opens with, when it opens with one: "The Office for Rail Statistics"
    of "The Office for Rail Statistics on Tuesday revised ...", "The coastguard" of "The
    coastguard rescued 58 people, a spokesperson said"."""
    shares = _SHARES_OF_RE.match(text, sentence_start)
    if shares is not None:
        # "Shares of Norvik Stores fell", "Shares in the retailer fell": whose shares they are
        owner = _SHARES_OWNER_RE.match(text, shares.end())
        return owner.group() if owner is not None else None
    subject = _SENTENCE_SUBJECT_RE.match(text, sentence_start)
    first = subject.group().split()[0].lower() if subject is not None else ""
    if subject is None or first in PREPOSITIONS or first in _POSSESSIVES or first in DISCOURSE_WORDS:
        return None
    if first in _PREPOSED_CUE_OPENERS:
        return None  # "Citing police, the broadcaster said": a relay's lead-in opens the sentence
    phrase = subject.group()
    words = WORD_RE.findall(phrase)
    if len(words) >= 3 and words[-1].lower() in _COUNT_NOUNS:
        # "The Harbour Board tally of 48 ...": the body is the one whose tally it is
        words = words[:-1]
        phrase = phrase[: phrase.rfind(words[-1]) + len(words[-1])]
    if len(words) >= 2 and (
        {w.lower() for w in words} & SOURCE_HEADS
        or any(ACRONYM_RE.match(w) for w in words)
        # "Velmar Mining cut its forecast": a name that ends on a trade, which "the company" refers to
        or (words[-1][0].isupper() and words[-1].lower() in ORGANISATION_WORDS)
    ):
        return phrase
    if len(words) == 1 and words[0].lower() in _PLURAL_SPEAKER_HEADS:
        return phrase  # "Organisers stood by their figure": whom a later "their" or "they" means
    return None


# Plural bodies that open a sentence on their own (a spokesperson may speak for them; bystanders
# such as rescuers or residents have none).
_PLURAL_SPEAKER_HEADS = frozenset(
    {"organisers", "organizers", "police", "officials", "authorities", "unions", "prosecutors"}
)
_SHARES_OF_RE = re.compile(r"(?:Shares|Stock)\s+(?:in|of)\s+")
_SHARES_OWNER_RE = re.compile(
    rf"the\s+(?:[a-z][\w\-]*\s+){{0,2}}?(?:{word_alternation(_SUBJECT_HEADS)})\b"
    r"|[A-Z][\w'’\-.&]*(?:\s+[A-Z][\w'’\-.&]*){1,4}"
)
