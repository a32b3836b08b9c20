"""The rule-based extractor: event *mentions* per clause, grouped into events the way ACLED codes them.

1. The text is prepared (:mod:`.text`) and cut into clauses (sentences, and the parts of a sentence a
   bulletin chains with ";", ", while", ", also"); photo captions, "Read more" lines and bylines are
   set aside (their dates still help to date an undated text).
2. Every place (:mod:`.places`, resolved with the document as context), country (:mod:`.countries`),
   date (:mod:`.dates`), actor (:mod:`.actors`), trigger word (:mod:`.event_types`) and casualty figure
   is found once, in linear passes.
3. A clause with a violent or political trigger is an event *mention*. Its places are the most specific
   places it names as locations — every town of a list ("the town of A and the villages of B and C")
   gives one mention — never a dateline, a capital standing for its government, a reference point
   ("40 km east of X"), an origin ("fighters from X") or a refuge ("fled to X"). A clause naming no
   place takes the place of the mention before it in its paragraph, or the article's lead place.
   Its date is the nearest date in the clause, else in its sentence, else the previous mention's, else
   the lead's; background (month or year dates long before publication, habits, totals) is not coded.
4. Mentions with the same place, day and event type are one event (ACLED: one event per location, day
   and type). An event located only by its province is dropped when a town of that province carries an
   event the same day.
5. Per event: the ACLED type from the summed trigger weights, actors by role, every casualty claim with
   its claimant; then :mod:`.assemble` builds the validated Feature.
"""

from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cached_property
from typing import Any

from geo_events.extract.actors import ActorList, default_actors
from geo_events.extract.base import ArticleInput, Diagnostic, EventDraft, Extraction
from geo_events.extract.claims import CASUALTY_RE, CASUALTY_SCANNER, find_claims
from geo_events.extract.coordinates import coordinate_places
from geo_events.extract.countries import actor_countries, find_countries
from geo_events.extract.dates import (
    DATE_RE,
    MONTH_NUMBERS,
    WIRE_AGENCIES,
    WIRE_END,
    DateMention,
    find_dates,
    infer_anchor,
    written_dates,
    year_headings,
)
from geo_events.extract.event_types import FORCE_AND_CIVILIANS_RE, Trigger, classify, find_triggers
from geo_events.extract.matcher import TokenText, lower_same_length
from geo_events.extract.unlisted import unlisted_places
from geo_events.extract.places import (
    ADMIN2_CUES,
    BETWEEN_BEFORE_RE,
    GROUP_AFTER_RE,
    KIND_RANK,
    PAIR_KM,
    SETTLEMENT_KINDS,
    SITE_PLACE_KINDS,
    PlaceMention,
    Rejected,
    TOLD_IN_GAP_RE as _TOLD_IN_GAP_RE,
    contains,
    find_place_candidates,
    inside_spans,
    is_common_word,
    resolve_places,
)
from geo_events.extract.roles import RoleVotes, decide, vote, vote_blame
from geo_events.extract.text import Sentence, english_ratio, prepare_text
from geo_events.geodesy import destination, haversine_km
from geo_events.taxonomy import SUB_EVENT_TYPES

#: Below this share of English function words a text is treated as not English (no events).
MIN_ENGLISH_RATIO = 0.12
#: A district (admin2) with an event folds into a town within this distance of its seat that has one that
#: day (the town says where it happened).
DISTRICT_TOWN_KM = 40.0
#: A headline's place this far from every place the body reports is an incident of its own (a standfirst's list).
HEADLINE_APART_KM = 60.0
#: How close two gazetteer entries of one name must lie to be one town listed twice (GeoNames duplicates).
TWIN_KM = 5.0
_CLAUSE_CUT_RE = re.compile(r";\s+|,\s+(?=(?:while|whereas|meanwhile|as(?!\s+well\s+as))\b)|\s+while\s+(?=in\b|at\b)"
                            # (not an aside: "In nearby Beit Hanoun, also under siege, medics reported …")
                            r"|,\s+(?=also\b(?!\s+(?:under|in|on|near|known|called|held|controlled|besieged|home|a|an|the|"
                            r"part|hit|targeted)\b))"
                            r"|,\s+and\s+(?=(?:the\s+)?(?:fighting|clashes|shelling|strikes|attacks|bombardment)\s+"
                            r"(?:continued|resumed|raged|erupted|broke\s+out|spread)\b)"
                            # "…, and police fired tear gas at crowds in Nakuru": another actor, another incident
                            r"|,\s+(?:and|while)\s+(?=(?:on\s+\w+day\s+)?(?:the\s+)?(?:police|troops|soldiers|security\s+forces|protesters|"
                            r"demonstrators|rebels|militants|gunmen|fighters|warplanes|drones|(?:tens\s+of\s+)?thousands|hundreds|crowds)"
                            r"\s+(?:(?:more|also|of\s+\w+)\s+)?\w+ed\b)"
                            r"|,\s+(?=(?:a|one|two|three|four|five|six)\s+days?\s+(?:after|before)\b)")
#: The start of a list's next item after a semicolon: "Pul-i-Khumri, …", "and Faizabad, …", "the town of Farah".
_LIST_ITEM_START_RE = re.compile(r"(?:and\s+)?(?:the\s+(?:town|city|village|district)\s+of\s+)?[A-Z]")
#: "… since January 2022, when the group stormed a prison in X": a "when" clause right after a date or a year tells
#: what happened then (cut before "when"; the clause takes that date, see ``_when_date``).
_WHEN_AFTER_DATE_RE = re.compile(r"(?<=\d)\s*,\s+(?=when\b)")
_YEAR_BEFORE_RE = re.compile(r"\b((?:19|20)\d\d)\s*,\s*$")
#: The verbs of speech every "X said" test shares; each test adds the verbs of its own scope.
SPEECH_VERBS = r"said|says|told|added|confirmed|reported|stated"
#: After a capital, what its government does in words: "Baku claims …", "Kyiv denies …", "Moscow warned …".
_GOVERNMENT_SPEAKS_AFTER_RE = re.compile(r"\s+(?:claims?|claimed|says?|said|denies|denied|accuses|accused|insists|"
                                         r"insisted|warns|warned|blames|blamed|responds|responded|vows|vowed|"
                                         r"condemns|condemned|rejects|rejected)\b")
#: A state's forces named only by what they are: "the army", "troops", "government forces".
#: (not their word on another's deed: "… took control of the town on Sunday, the army said"; but "the army said it
#: had retaken …" tells its own)
_STATE_FORCES_RE = re.compile(r"\b(?:the\s+(?:army|military|armed\s+forces)|(?:government|state|national|federal)\s+"
                              r"(?:forces|troops|army)|(?:army|government)\s+(?:troops|units|soldiers))\b"
                              rf"(?!\s+(?:{SPEECH_VERBS}|announced|claimed)\b(?!\s+(?:that\s+)?(?:it|they|its|their)\b))",
                              re.IGNORECASE)
#: A part of the city before its name: "the Tadamon neighbourhood of Damascus", "the outskirts of Kyiv" (the city).
_PART_OF_CITY_BEFORE_RE = re.compile(r"\b(?:neighbou?rhoods?|districts?|quarters?|suburbs?|outskirts|centre|center|"
                                     r"streets|areas?|outskirt|edge|heart|south|north|east|west|"
                                     r"(?:north|south|east|west)(?:ern)?\s+part)\s+of\s+(?:the\s+)?(?:capital\s+)?$",
                                     re.IGNORECASE)
#: A national body's seat before what it said: "the Ministry of Health in Ramallah said", "the ministry in Kyiv reported".
_MINISTRY_IN_BEFORE_RE = re.compile(r"\b(?:[Mm]inistry|[Mm]inistries|[Cc]abinet|[Pp]residency)\b[^.;:\n]{0,30}?\s(?:in|from)\s+$")
_SAID_AFTER_RE = re.compile(rf"\s*,?\s*(?:{SPEECH_VERBS}|announced|issued|released|published)\b")
#: An office held for an area, in apposition to a person: "Hassan Fanah, the intelligence commander of", ", a native of"
#: (not "killed the mayor of Mocoa": the office-holder attacked there).
_OFFICE_OF_BEFORE_RE = re.compile(r",\s*(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,3}?(?:commanders?|governors?|mayors?|chiefs?|commissioners?|administrators?|"
                                  r"lawmakers?|senators?|MPs?|deputy|mps?|native)\s+(?:of|for)\s+(?:the\s+)?"
                                  r"(?:[A-Z][\w-]*['’]s\s+)?$"  # ("… commander of Mogadishu's Kahda district")
                                  # ", chief of army operations in Anbar province, told …"
                                  r"|,\s*(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:chiefs?|heads?|commanders?)\s+of\s+(?:the\s+)?"
                                  r"(?:[\w-]+\s+){0,3}?(?:operations|command|police|forces|staff)\s+(?:in|for|of)\s+"
                                  r"(?:the\s+)?$")
#: After a place, a police range or zone whose officer is named ("Bastar range inspector general", "Kashmir zone
#: IGP"): who speaks, not where it happened.
_POLICE_RANGE_AFTER_RE = re.compile(r"[ \t]+(?:range|zone)[ \t]+(?:inspector|ig|igp|dig|deputy|additional|senior|police|"
                                    r"chief|commander|superintendent)\b", re.IGNORECASE)
#: A weekday naming an incident: "Saturday's attacks", "Sunday’s deadly bombing".
_DAYS_INCIDENT_RE = re.compile(r"['’]s\s+(?:\w+\s+){0,2}?(?:attacks?|bombings?|blasts?|explosions?|strikes?|air\s*strikes?|"
                               r"raids?|assaults?|ambush|clash(?:es)?|fighting|massacre|killings?|shelling)\b")
#: A written day naming an incident: "the Feb. 13 attack", "the 5 January bombing".
_DATED_INCIDENT_RE = re.compile(r",?\s+(?:deadly\s+|twin\s+|suicide\s+|militant\s+|rebel\s+)?(?:attacks?|bombings?|"
                                r"blasts?|explosions?|strikes?|air\s*strikes?|raids?|assaults?|ambush|massacre|killings?)\b",
                                re.IGNORECASE)
#: Reported speech, whose pluperfect is the tense of the report, not of an earlier event.
_REPORTED_THAT_RE = re.compile(r"\b(?:(?:said|says|claimed|stated|reported|announced|accused\s+\w+\s+of|alleged)\s+"
                               r"|told\s+(?:[\w-]+\s+){1,4}?)that\b"
                               # "Hezbollah said it had struck Metula": a claim of the day's attack, told indirectly
                               r"|\b(?:said|says|claimed|stated|announced)\s+(?:it|they|he|she|we)\s+(?=had\b)",
                               re.IGNORECASE)
#: A statement that goes on to tell the incident: "… has indicated in a statement published on its account that "
_STATEMENT_THAT_RE = re.compile(r"\b(?:said|says|stated|indicated|announced|reported|confirmed|told|claimed|added|"
                                r"noted|explained)\b[^.;]*\bthat\s+$", re.IGNORECASE)
_PARAGRAPH_START_RE = re.compile(r"\n\s*\S")
_HEADING_LINE_RE = re.compile(r"^[ \t#*=]*([^\n]{1,90}?)[ \t#*=]*$", re.MULTILINE)
#: A longer heading of an encyclopedia page: title-case words, maybe closed by its years ("Central African
#: Republic Civil War (2012-present)", "Siege of Marawi (2017)")
_LONG_HEADING_RE = re.compile(r"(?:(?:[A-Z][\w'’.-]*|of|the|and|in|on|for|to|de|al|el|an?)\s+)*[A-Z][\w'’.-]*"
                              r"(?:\s+\(\d{4}(?:\s*[-–—]\s*(?:\d{2,4}|present))?\))?")
#: A section heading that opens background, not news: "Background", "Clash Background", "Context", "History".
_BACKGROUND_HEADING_RE = re.compile(r"^(?:[\w-]+\s+)?(?:background|context|history|backstory|what\s+led\s+to)\b",
                                    re.IGNORECASE)
#: A clause closed by who said it ("…, the sources said."): its pluperfect is the report's tense.
_SAID_AT_END_RE = re.compile(r",\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}?(?:said|says|stated|reported|told\s+\w+)\s*[.”\"]*\s*$")
#: "… have grown since the US took up airstrikes again on March 15": a start point told in passing.
_SINCE_CLAUSE_RE = re.compile(r"\b(?:ever\s+)?since\s+(?:the\s+)?(?:[\w'’-]+\s+){0,8}?$", re.IGNORECASE)
#: "in the Syrian capital, Damascus": the city named as a place, not as its government
_IN_THE_CAPITAL_BEFORE_RE = re.compile(r"\b(?:in|at|near|on|of|into|outside|across)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}"
                                       r"capital,?\s+(?:of\s+\w+,?\s+)?$", re.IGNORECASE)
#: "the strikes hit …", "Targets near the cities of A, B and C, the task force said": a strike bulletin's line that
#: names no weapon of its own ("the attacks" may be fighting on the ground)
_BARE_STRIKES_RE = re.compile(r"\b(?:the|these|those|its|their)\s+strikes\b|^\W*(?:other\s+)?targets\s+(?:near|in|around)\b"
                              # (but "the attacks targeted the towns of A, B and C", "attacks were also reported in
                              # D" in a story of shelling: the same fire, named by the places it hit)
                              r"|^\W*(?:the|these|those)\s+attacks\s+(?:also\s+)?(?:targeted|hit|struck|pounded)\s+"
                              r"(?:the\s+)?(?:towns?|villages?|cities|city|areas?|neighbou?rhoods?)\b"
                              r"|^\W*attacks\s+(?:were|was)\s+(?:also\s+)?reported\s+in\b",
                              re.IGNORECASE)
_AND_THEN_BEFORE_RE = re.compile(r"\band\s+(?:then\s+|later\s+|also\s+)?$")
#: "his fighters had attacked villages": a pluperfect with no date of its own tells what happened before.
_HAD_BEFORE_RE = re.compile(r"\bhad\s+(?:(?:been|also|repeatedly|apparently|reportedly|allegedly|already|previously|earlier|"
                            r"once|recently)\s+){0,2}$", re.IGNORECASE)
#: Relative days counted from the day a statement was made when the sentence gives it.
_RELATIVE_DAY_WORDS = frozenset({"overnight", "yesterday", "last night", "today", "earlier today", "this morning",
                                 "tonight"})
_LOCATED_NAME_RE = re.compile(
    r"\b(?:in|near|at|outside)\s+(?:the\s+)?(?:(?:villages?|towns?|areas?)\s+of\s+)?(?P<name>(?-i:[A-Z][\w'’-]{2,}))",
    re.IGNORECASE)
_LISTED_NEAR_RE = re.compile(r"(?:,|\band)\s+(?:near|outside|around|at)\s+(?:the\s+)?$", re.IGNORECASE)
_AND_VERB_RE = re.compile(
    r"\s(?=and\s+(?:then\s+|later\s+|finally\s+)?(?:took|seized|captured|overran|stormed|entered|retook|recaptured|"
    r"withdrew|attacked|struck|shelled|bombed|clashed|ambushed|killed|launched|raided)\b)")
_AND_THE_RE = re.compile(r",(?=\s+and\s+the\s)")  # "… overrun on Saturday night, and the other prison … on Sunday"
_SPEECH_VERB_RE = re.compile(rf"\b(?:{SPEECH_VERBS}|announced|claimed)\b")
_PREVIOUS_BEFORE_RE = re.compile(r"\bthe\s+(?:previous|preceding)\s+$", re.IGNORECASE)
#: "… the previous day", "… the day before": a day counted back from the statement's day told before it.
_PREVIOUS_DAY_RE = re.compile(r"\b(?:the\s+(?:previous|preceding)\s+day|the\s+day\s+before(?!\s+(?:yesterday|the\b)))",
                              re.IGNORECASE)
_DAYS_APART_RE = re.compile(r"^(?P<n>a|one|two|three|four|five|six)\s+days?\s+(?P<rel>after|before)\b", re.IGNORECASE)
_SMALL_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_UNPLACED_REASON_RE = re.compile(r"^only a (?:spelling variant|small place)|does not list|far from the province")
_LOCATED_BEFORE_RE = re.compile(r"\b(?:in|at|near|outside|into)\s+(?:the\s+)?(?:(?:village|town|city|camp)\s+of\s+)?$"
                                r"|\b(?:village|town|city|camp)\s+of\s+$", re.IGNORECASE)
#: Actors whose generic aliases ("regime forces", "rebels") belong to one theatre, and what names it.
_THEATRE_OF = {"Syrian government": "SY", "Syrian opposition": "SY"}
_THEATRE_WORDS = {"SY": re.compile(r"syria|assad|damascus|\bsaa\b|tiger|fsa|free syrian|ahrar|jaish|failaq|"
                                   r"national liberation")}
_CAPITAL_RE = re.compile(r"\b(?:in|at|near|outside|into|on)\s+(?P<phrase>(?:the\s+)?(?:(?P<who>[A-Z][\w'’-]+)(?:['’]s)?\s+)?"
                         r"(?:capital|Capital)(?:\s+city)?)\b(?!\s+of\b|,\s+[A-Z])")
#: (the Kathmandu Post's "in the Capital" is the country's capital as much as "in the capital")
_ARTICLE_WORDS = frozenset({"A", "An", "The", "One", "Two", "Three", "Another", "Several", "Its", "Their"})
#: A list item: a bullet or a number, or a heading word and a colon ("Kherson Oblast: Russian forces shelled …").
_LIST_ITEM_RE = re.compile(r"[ \t]*(?:[-*•·–—]|\d{1,2}[.)]|[A-Z][\w'’-]*(?:[ -][A-Z][\w'’-]*){0,3}:)\s+")
_SIMILAR_RE = re.compile(r"\b(?:similar|the\s+same\s+kind\s+of)\s+(?:[A-Z][a-z]+\s+)?(?:attacks?|strikes?|raids?|"
                         r"bombardments?|shelling|bombings?)\b")
#: Between two places of a list: "Niono, Molodo", "Nioro du Sahel, and Kayes", "Molodo and Kayes"; names no
#: gazetteer lists may stand between them ("Nioro du Sahel, Diboli, Gogui, and Kayes").
_TOWN_LIST_GAP_RE = re.compile(r"(?:,\s*(?:and\s+)?|\s+and\s+)(?:[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?(?:,\s*(?:and\s+)?|\s+and\s+)){0,3}")
#: A clause that opens with one more incident of the same report: "In yet another incident, …", "In a separate
#: attack, …", "In a similar incident, …".
_ANOTHER_INCIDENT_RE = re.compile(r"\W*in\s+(?:yet\s+)?(?:another|a\s+(?:separate|similar|second|third|related))\s+"
                                  r"(?:incident|attack|strike|shooting|bombing|case)\b", re.IGNORECASE)
_WATER_OF_RE = re.compile(r"\b(?:Gulf|Sea|Strait|Straits|Bay)\s+of\s+(?:the\s+)?$")
_LATER_RE = re.compile(r"\W*(?:on\s+(?=the\s+(?:next|following)\b))?(?:(?P<n>a|one|two|three|four|five|six|\d)\s+(?P<unit>days?|weeks?)\s+(?P<rel>later|earlier|"
                       r"afterwards|before|prior)\b|the\s+(?:next|following)\s+(?:day|morning)\b|the\s+(?P<prev>day|night)"
                       r"\s+before\b|the\s+(?P<previous>previous|preceding)\s+(?:day|night|evening)\b"
                       # "Hours later, jets struck Tyre": the same day as the incident before it
                       r"|(?P<same>(?:(?:a\s+few|several|two|three|\d+)\s+)?hours\s+later|later\s+(?:that|the\s+same)\s+"
                       r"(?:day|night|evening)|shortly\s+afterwards?)\b)", re.IGNORECASE)
_CAPTION_RE = re.compile(
    r"(?:\b(?:REUTERS|AFP|AP|EPA|Reuters|Getty(?:\s+Images)?|Anadolu(?:\s+Agency)?)\s*/|/\s*(?:AFP|Reuters|REUTERS|AP|"
    r"Getty|EPA|Supplied|Handout|handout)\b|\bAP\s+Photo\b|\bGetty\s+Images\b|\[Getty\]|\[Reuters\]|\[AFP\]|\(Photo\b|"
    r"\bPhoto(?:graph)?\s*(?::|by\b|credit)|\bImage:|\bCredit:|©|\bPicture\s+taken\b|\bFile\s+photo\b|"
    r"\b(?:An?\s+)?archive\s+(?:picture|photo)\b|\bhandout\s+(?:via|from)\b|\bPowered\s+by\b"
    # a photo's credit line ("The aftermath of strikes on X, Oct. 2, 2023. (Source: Governor …)")
    r"|\(\s*(?:Source|Courtesy|Photo\s+source)\s*:)"
    # a photo's agency credit closing a line that is no sentence ("A refugee camp in Bangui, the capital … (AP)")
    r"|(?<![.!?\"”])\s*\((?:AP|AFP|Reuters|REUTERS|EPA|Getty\s+Images|AFP\s+via\s+Getty\s+Images|Anadolu)\)\s*$"
)
#: A related story's teaser, cut short with a link: "… He was one of the Al Shabaab… Read more »".
_TEASER_END_RE = re.compile(r"(?:…|\.\.\.)?\s*Read\s+(?:more|full\s+story)\s*(?:»|›|>>|→)\s*$", re.IGNORECASE)
#: Substrings every caption pattern contains (a cheap test before the regular expression).
_CAPTION_HINTS = ("/", "©", "[", "(Photo", "Photo", "photo", "Getty", "Image", "Credit", "Picture", "archive",
                  "handout", "Powered", "AP ", "Source", "Courtesy", "(AP)", "(AFP", "(Reuters)", "(REUTERS)", "(EPA)",
                  "(Getty", "(Anadolu)")
_SKIP_LINE_RE = re.compile(r"^\s*(?:read\s+more|read\s+also|also\s+read|related(?:\s+(?:news|stories|articles|reading))?|see\s+also|watch|listen|subscribe|keep\s+up"
                           r"|author|by\s+[A-Z]|published|modified|updated|posted|share|follow)\b"
                           # a related link glued to its label when a page is flattened: "RelatedSyrian opposition …"
                           r"|^\s*(?-i:(?:Related|Recommended|Read\s+more|Also\s+read|More\s+on)(?=[A-Z]))", re.IGNORECASE)
#: A page's metadata line ("Published 12 May 2022.", "Updated: 09 Mar 2024 14:32 GMT."): only its own sentence is
#: skipped, the story glued after it on the same line (pasted text, flattened HTML) is read.
_META_LINE_RE = re.compile(r"^\s*(?:published|modified|updated|posted)\b", re.IGNORECASE)
_DATELINE_RE = re.compile(r"^\s*(?:[-–—]\s*)?\(?[A-Z][\w'’ ./-]*\)?\s*(?:,\s*[\w .]+){0,3}\s*(?:\([^)]{1,70}\)|"
                          r"\((?:" + WIRE_AGENCIES + r")(?=\s*[-–—]))?\s*(?:[-–—:]|//|\|)")
#: The first cities of a dateline filed from several: "DERA ISMAIL KHAN/PESHAWAR:", "ISLAMABAD / QUETTA -".
_DATELINE_PEERS_RE = re.compile(r"\s*(?:[A-Z][A-Z'’ .-]{2,30}\s*/\s*){1,3}")
#: A wire dateline with its date and no dash: "SANAA, Sept 21 At least six civilians were killed …", "CAIRO Oct 22 At least …".
_DATED_DATELINE_RE = re.compile(r"[A-Z][A-Z'’ .-]*[A-Z](?:,\s*|\s+)(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})\b"
                                r"(?:,?\s*(?:19|20)\d\d)?\s+(?=[A-Z])")
#: After a dateline's city anywhere in a line: its date and the agency in brackets ("Cotonou, June 5 (AFP)").
_AGENCY_DATELINE_AFTER_RE = re.compile(
    r",\s*(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?|[A-Z][a-z]{2,8}\.?\s+\d{1,2})(?:,?\s*(?:19|20)\d\d)?\s*"
    r"\((?:" + WIRE_AGENCIES + r"|IRNA|SANA|Anadolu|AA|KUNA|WAM|APS|MAP)\)")
#: After a dateline's city: its agency and date in brackets, then a colon ("Bamako, (APP - UrduPoint - 7th Aug, 2023 ) :").
_BRACKETED_SOURCE_AFTER_RE = re.compile(r",?\s*\([^)\n]{3,70}\)\s*:|,\s*\((?=[^)\n]*(?:\b(?:19|20)\d\d\b|\s[-–]\s))[^)\n]{3,70}\)\s")
#: After a dateline's city written in lower case: "Apatzingán, Michoacán.-" (Spanish-language press),
#: "Khost, 11 January 2024 —", "Goma, Jan. 27 (Reuters) -".
_TITLE_DATELINE_AFTER_RE = re.compile(
    r"(?:,\s*[A-Z][\w'’ .-]{1,30}?)?\.\s*-(?!\w)"
    # "Washington D.C., Oct. 11 (ANI):", "New Delhi, Oct 11 (PTI):": Indian wires end the agency with a colon
    r"|(?:\s+[A-Z]\.[A-Z]\.)?,\s*(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?|[A-Z][a-z]{2,8}\.?\s+\d{1,2})(?:,?\s*(?:19|20)\d\d)?\s*"
    + WIRE_END +
    # "Maiduguri, Nigeria -- Islamist militants …", "Kabul, Afghanistan — …": the city, then its country
    r"|,\s*[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2}\s*(?:\([^)\n]{1,40}\)\s*)?(?:--|[–—]|\s-\s)"
    # "Hama/Idleb, SANA – …": two cities and the agency
    r"|(?:/[A-Z][\w'’-]+)+,\s*[A-Z][A-Za-z]{1,12}\s*[-–—]")
_METONYM_AFTER_RE = re.compile(
    r"^[-\s]*(?:has|have|had|said|says|condemned|claimed|accused|denied|called|warned|demanded|described|insisted"
    r"|blames|accuses|denies|condemns|warns|urges|rejects|insists|vows|vowed|threatens|threatened|believes"
    r"|wants|responded|announced|blamed|rejected|urged|regime"
    # "since Washington began its airstrikes again on March 15": a government acting, not the city
    r"|resumed|launched|ordered|deployed|imposed|authori[sz]ed|approved|retaliated|intervened|escalated"
    # "Washington is looking into the strikes", "Moscow was concerned": a government's view
    r"|(?:is|was|are|were)\s+[\"“]?(?:\w+\s+)?[\"“]?(?:looking\s+into|concerned|studying|reviewing|investigating|considering|"
    r"ready|willing|prepared|committed|determined|opposed)"
    r"|and\s+(?:the\s+)?[\w' -]{1,40}?\s+(?:said|say|says|have|has|were|are|agreed|accused)|government|authorities|administration|brokered"
    r"|backed|based|aligned|allied|led|sponsored|health\s+(?:officials|ministry|authorities)|officials|authorities"
    r"|ministry|police\s+(?:said|say)|governor|media|correspondent|'s\s+(?:government|regime|forces|army|military|troops)"
    r"|’s\s+(?:government|regime|forces|army|military|troops))\b",
    re.IGNORECASE,
)
_METONYM_BEFORE_RE = re.compile(r"(?:backing|backed\s+by|loyal\s+to|support(?:ed|ing)?(?:\s+for)?|allies\s+of|ally\s+of"
                                r"|pro-|between|government\s+in|regime\s+in|authorities\s+in|by"
                                # "calling on Moscow to sign", "urged Kyiv to", "accused Damascus of"
                                r"|call(?:ed|ing|s)?\s+on|urg(?:ed|ing|es)|accus(?:ed|ing|es)|warn(?:ed|ing|s)"
                                # "public opinion against Tehran", "sanctions on Moscow", "pressure on Kabul"
                                r"|(?:opinion|sanctions|pressure|anger|criticism|accusations|measures|rhetoric|hostility|"
                                r"grievances)\s+(?:against|on|towards))\s*$",
                                re.IGNORECASE)
#: Between "north of the" / "40 km west of the" and the place measured from: "town of", "Iraqi capital (of)".
_PLACE_KIND_OF = r"(?:(?:[\w-]+\s+){0,2}?(?:city|town|village)\s+of\s+|(?:[\w-]+\s+){0,2}?capital(?:,|\s+of)?\s+)?"
_REFERENCE_BEFORE_RE = re.compile(
    r"(?:\b(?:kilomet(?:er|re)s?|km|kms|k\.m\.?|(?:nautical\s+)?miles?|nm)(?:\b|(?<=\.))[^,;.]{0,25}|\b(?:north|south|east|west|"
    r"northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west)(?:ern)?\s+)(?:of|to)\s+(?:the\s+)?"
    + _PLACE_KIND_OF + "$",
    re.IGNORECASE,
)
#: "30 km from X", "some 20 miles away from the town of X": a distance with no bearing
_DISTANCE_FROM_RE = re.compile(r"\b(?:kilomet(?:er|re)s?|km|kms|(?:nautical\s+)?miles?|nm)\s+(?:away\s+)?from\s+(?:the\s+)?"
                               r"(?:(?:\w+\s+)?(?:city|town|village)\s+of\s+)?$", re.IGNORECASE)
#: After a city's name, a site of it: "the Damascus and Aleppo international airports", "the Damascus countryside".
_SITE_AFTER_RE = re.compile(r"(?:\s+and\s+[A-Z][\w'’-]+)?\s+(?:international\s+|military\s+)?(?:airports?|air\s*bases?|"
                            r"countryside|suburbs?|outskirts|province|governorate|university|hospital)\b")
_WAR_IN_BEFORE_RE = re.compile(r"\b(?:war|wars|conflict|crisis|insurgency|uprising|revolution)\s+in\s+(?:the\s+)?$",
                               re.IGNORECASE)
#: After a city's name: the accord or talks named after it ("the Minsk agreements", "the Astana talks").
_ACCORD_AFTER_RE = re.compile(r"['’]?s?\s+(?:peace\s+|ceasefire\s+)?(?:agreements?|accords?|deal|talks|protocols?|"
                              r"format|process|memorandum|peace\s+plan)\b", re.IGNORECASE)
#: After a place's name, "the X border": the border named after it (the Gaza Strip's), not a point of X; a border
#: town, crossing or post named after it is one ("the Rafah border crossing").
_BORDER_AFTER_RE = re.compile(r"\s+(?:border|frontier|boundary)\b(?!\s*(?:-\s*)?(?:crossings?|towns?|city|village|"
                              r"posts?|points?|gates?|checkpoints?|terminals?|areas?|regions?|districts?|strip)\b)",
                              re.IGNORECASE)
#: Before such a place: "near / along / on the".
_BORDER_BEFORE_RE = re.compile(r"\b(?:near|along|on|across|at|to|towards?|from|close\s+to|beyond)\s+the\s+$",
                               re.IGNORECASE)
#: Days before an undated page's latest date within which its "History" section tells news, not background.
RECENT_HISTORY_DAYS = 366
#: A byline's reporter before the town at its end: "By Ndahi Marama, Maiduguri".
_BYLINE_BEFORE_RE = re.compile(r"[ \t]*[Bb]y\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s*,\s*")
#: A page's date stamp before its dateline: "Thursday, January 19, 2023: Jowhar (AX) – …".
_STAMP_PREFIX_RE = re.compile(r"\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+"
                              r"(?:19|20)\d\d|\d{1,2}\s+[A-Z][a-z]{2,8}\s+(?:19|20)\d\d)\s*[:|–—-]\s*")
#: An update's stamp before its date: "Update February 10 ISIS claimed …" (the day of the update, not the incident's).
_UPDATE_BEFORE_RE = re.compile(r"\bupdated?(?:\s+on)?[\s:,-]*$", re.IGNORECASE)
#: A speaker placed by their town: "a military officer in Maiduguri told AFP", "added a militia leader in X".
_SPEAKER_IN_BEFORE_RE = re.compile(r"\b(?:officers?|officials?|sources?|spokes(?:man|woman|person)|residents?|leaders?|"
                                   r"commanders?|witness(?:es)?|doctors?|journalists?|correspondents?|activists?|"
                                   r"medics?|workers?)\s+(?:based\s+)?in\s+(?:the\s+(?:city|town)\s+of\s+)?$",
                                   re.IGNORECASE)
#: "… told The Associated Press in the capital, Sanaa, that …", "told AFP by phone from Kidal": where a speaker spoke.
_TOLD_OUTLET_IN_BEFORE_RE = re.compile(r"\btold\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){1,4}(?:by\s+(?:phone|telephone)\s+)?"
                                       r"(?:in|from)\s+(?:the\s+(?:capital|city|town)(?:\s+of)?,?\s+)?$")
_SPEECH_AFTER_PLACE_RE = re.compile(rf"(?:\s+(?:city|town))?,?\s+(?:{SPEECH_VERBS}|explained|noted|recounted|claimed|"
                                    r"alleged|announced|insisted)\b",
                                    re.IGNORECASE)
_SPEECH_VERB_BEFORE_RE = re.compile(r"\b(?:told|said|says|added|confirmed|according\s+to)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}$",
                                    re.IGNORECASE)
#: A person named by their home: "one civilian of Lakki Marwat", "a resident of X" (where they live).
_RESIDENT_OF_BEFORE_RE = re.compile(r"\b(?:civilians?|residents?|natives?|inhabitants?|villagers?|citizens?|man|woman|"
                                    r"youth|boy|girl|farmer|driver|shopkeeper|trader)\s+of\s+(?:the\s+)?$",
                                    re.IGNORECASE)
_ORIGIN_BEFORE_RE = re.compile(r"\b(?:from|fled\s+to|flee\s+to|fleeing\s+to|taken\s+to|moved\s+to|transferred\s+to|"
                               r"evacuated\s+to|displaced?\s+to|relocate\s+to|brought\s+to|rushed\s+to|returned\s+to|"
                               # where a convoy or a bus was going: "buses heading to Lamu from Mombasa"
                               r"(?:heading|headed|bound|travell?ing|going|en\s+route)\s+(?:back\s+)?(?:to|for)|"
                               # the way out towards a town: "At the exit to Fresnillo, troops ran into the criminals"
                               r"(?:exit|road|way|highway|route)\s+(?:to|towards)|"
                               # where the wounded are treated: "… are being treated at Bor Civil Hospital"
                               r"treated\s+(?:at|in)|admitted\s+(?:to|at|in)|hospitali[sz]ed\s+(?:at|in)|"
                               r"native\s+of|resident\s+of|hails\s+from|born\s+in|buried\s+in|"
                               # "in critical condition in hospital in the nearby city of Rylsk": where they were treated
                               r"(?:in|to)\s+(?:a\s+|the\s+)?hospitals?\s+(?:in|of)|"
                               # ("… now in the intensive care unit in the hospitals of Hodeydah")
                               r"(?:intensive\s+care|icu|trauma\s+(?:unit|ward)|mortuary|morgue)\s+(?:\w+\s+){0,2}?(?:in|of)|"
                               # where a train, a convoy or travellers were going, not where it happened
                               r"(?:leave|leaving|left|depart|departing|departed|set\s+off|bound|headed|heading)\s+for|"
                               r"en\s+route\s+to|on\s+(?:its|their|his|her)\s+way\s+to|travell?ing\s+to|heading\s+to|"
                               r"headed\s+to|destined\s+for"
                               # where a visitor or an envoy went: "as a U.S. envoy arrived in Kabul on Monday"
                               r"|arriv(?:ed|es|ing)\s+in|"
                               # (not "a mortar round landed in X": the projectile, not a traveller)
                               r"(?<!round\s)(?<!rounds\s)(?<!shell\s)(?<!shells\s)(?<!rocket\s)(?<!rockets\s)(?<!missile\s)"
                               r"(?<!missiles\s)(?<!mortar\s)(?<!mortars\s)(?<!bomb\s)(?<!bombs\s)(?<!drone\s)(?<!drones\s)"
                               r"(?<!projectile\s)(?<!projectiles\s)(?<!which\s)landed\s+in|(?:was|were|is|are)\s+visiting|visited|"
                               r"flew\s+(?:in)?to|flown\s+(?:back\s+)?to|airlifted\s+to|(?:plane|flight|aircraft|helicopter)\s+"
                               r"(?:bound\s+)?(?:back\s+)?to)"
                               r"\s+(?:the\s+)?(?:(?:nearby\s+|neighbou?ring\s+)?(?:town|city|village|commercial\s+hub)\s+of\s+)?"
                               r"(?:neighbouring\s+)?$"
                               # where a statement was made: "officials here in X", "speaking to local media in X"
                               r"|\bhere\s+in\s+$|\bspeaking\s+(?:to\s+(?:[\w-]+\s+){1,3}?)?in\s+(?:the\s+(?:\w+\s+)?capital,?\s+)?$"
                               # "told reporters in Maputo that …", "told a news conference in X"
                               r"|\btold\s+(?:reporters|journalists|the\s+press|(?:a|the)\s+(?:news|press)\s+conference)"
                               r"\s+in\s+(?:the\s+(?:\w+\s+)?capital,?\s+)?$",
                               re.IGNORECASE)
#: A person named by their home: "Abdul Sattar of Qila Abdullah" (two capitalised words, then "of").
_PERSON_OF_BEFORE_RE = re.compile(r"(?<![\w'’-])([A-Z][a-z]{2,})\s+([A-Z][a-z]{2,})\s+of\s+$")
#: Capitalised words before "of" that name no person ("the Islamic State of", "Interior Ministry of").
_NOT_PERSON_WORDS = frozenset(
    "the a an this that battle siege fall liberation capture university college school institute academy republic "
    "kingdom emirate caliphate state states union bank ministry department government council court office "
    "province governorate district county municipality region city town village people army forces force "
    "police brigade division regiment battalion corps front movement party islamic democratic federal national "
    "united people's north south east west northern southern eastern western central upper lower greater old new "
    "gulf sea bay port strait plain plains valley mountains hills outskirts centre center chief head governor "
    "mayor minister commander president secretary director general prince king queen emir sultan sheikh "
    "mosque church hospital camp base airport bridge road highway market square street avenue".split())
_AT_BEFORE_RE = re.compile(r"\b(?:in|at|near|inside|outside)\s+(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?$")
_STATEMENT_BEFORE_RE = re.compile(rf"\b(?:{SPEECH_VERBS}|statement|announced|claimed|declared|tweet(?:ed)?|posted)\b"
                                  r"[^.;!?]{0,40}$", re.IGNORECASE)
#: A day told of talks, not of the incident: "after a phone call between Erdogan and Trump on Sunday".
_TALKS_BEFORE_RE = re.compile(r"\b(?:(?:phone|telephone)\s+call|meeting|talks|summit|conversation)\s+(?:between|with)\s+"
                              r"(?:[^.;!?,\n]|(?<=\b[A-Z])\.){0,60}$", re.IGNORECASE)
#: A day named by what was said on it ("following yesterday's statements by the minister", "Monday's remarks").
_STATEMENT_OF_DAY_RE = re.compile(r"['’]s\s+(?:[\w-]+\s+)?(?:statements?|remarks|speech|comments|announcements?|address|"
                                  r"press\s+conference|briefing|talks|meeting|summit|threats?|warnings?|vote)\b",
                                  re.IGNORECASE)
#: The day between a speaker and what they said: "The Philippine Army on Monday revealed that …".
_STATEMENT_VERB_AFTER_RE = re.compile(rf"\s+(?:{SPEECH_VERBS}|revealed|announced|disclosed|claimed|noted|"
                                      r"acknowledged)\b")
#: A page stamp's clock time after its date: "2019-05-09 00:00:00 - Source: …", "2024-10-29 | 13:50".
_CLOCK_AFTER_RE = re.compile(r"[ \t]*(?:[|,–—-][ \t]*)?[0-2]?\d:[0-5]\d(?::[0-5]\d)?(?![\d:])")
#: A report's verb ("the forces reported new overnight strikes"): the day beside it is the report's.
_REPORT_VERB_RE = re.compile(r"\b(?:reported|said|announced|claimed|confirmed|stated)\b")
#: The incident of a habit just told that is news: "… killed during this latest wave of strikes".
_LATEST_RE = re.compile(r"\b(?:this|the)\s+latest\s+(?:[\w-]+\s+){0,2}?(?:wave|round|attacks?|strikes?|raids?|"
                        r"bombardment|shelling|assault|incident|violence|clashes|fighting)\b", re.IGNORECASE)
#: The incident just told, counted among others: "It is the second Turkish strike to hit a target near X this month".
#: A count of attacks over a span of days: "ISIS said it carried out 10 attacks in Syria from June 30 to July 6".
_COUNTED_OVER_DAYS_RE = re.compile(r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|"
                                   r"twenty|thirty|dozens\s+of|scores\s+of)\s+(?:[\w-]+\s+)?(?:attacks|operations|strikes|"
                                   r"raids|bombings)\b[^.;]{0,60}?\b(?:from|between)\s+(?:\w+\s+\d{1,2}|\d{1,2}\s+\w+)"
                                   r"\s+(?:to|and|until|through)\s+", re.IGNORECASE)
_NTH_INCIDENT_RE = re.compile(r"^\W*(?:it|this|that)\s+(?:is|was|marks?|marked)\s+the\s+(?:second|third|fourth|fifth|sixth|"
                              r"seventh|\d+(?:st|nd|rd|th))\s+(?:[\w-]+\s+){0,2}?(?:strikes?|attacks?|bombings?|"
                              r"incidents?|raids?|explosions?)\b", re.IGNORECASE)
_HABIT_RE = re.compile(
    r"\b(?:regularly|frequently|routinely|often|daily|almost\s+daily|repeatedly|usually|typically|continue[sd]?\s+to|"
    # "Turkey has been blamed for previous airstrikes in Sinjar", "because of continuing Turkish airstrikes"
    r"(?:previous|past|earlier|continuing|ongoing|frequent|repeated)\s+(?:[\w-]+\s+)?(?:air\s*strikes|strikes|attacks|"
    r"raids|bombings|shelling)\b|"
    r"has\s+been\s+(?:struggling|fighting|subjected|wrestling)|have\s+been\s+(?:documented|killed\s+since)|"
    # "The UIR base in Namwembe has been raided three times": a count of past incidents
    r"(?:has|have|had)\s+been\s+(?:[\w-]+\s+)?(?:attacked|raided|shelled|bombed|struck|hit|targeted|overrun)\s+"
    r"(?:(?:two|three|four|five|six|seven|eight|nine|ten|several|many|multiple|\d+)\s+times|twice)\b|"
    r"faces\s+daily|(?:also\s+)?faces?\s+(?:violence|attacks|threats|insurgen\w+)|is\s+known|are\s+known|accused\s+of|in\s+recent\s+(?:weeks|months|years)|over\s+the\s+past\s+"
    r"(?:\w+\s+)?(?:months|years)|for\s+years|for\s+more\s+than|since\s+(?:19|20)\d\d|since\s+the\s+beginning|"
    r"a\s+total\s+of|so\s+far\s+this\s+year|(?:in|over|during)\s+the\s+(?:last|past)\s+(?:two|three|four|five|"
    r"several|few|\d+)\s+(?:days|weeks)|bring(?:s|ing)?\s+the\s+(?:death\s+)?toll|the\s+toll\s+(?:to|in)\s+|"
    r"death\s+toll\s+(?:has\s+)?(?:risen|rose|climbed)\s+to\s+[\d,]{4,}|"
    r"(?:became|become|becoming|are|were|is|was)\s+(?:routine|commonplace|common|frequent|a\s+daily\s+occurrence)\b|"
    r"since\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+"
    r"(?:19|20)\d\d)",
    re.IGNORECASE,
)
#: A war's toll so far, not an incident: "the conflict, which has killed tens of thousands", "fighting has
#: displaced millions".
_CUMULATIVE_RE = re.compile(
    r"(?:\b(?:fighting|violence|war|conflict|clashes|attacks|insurgency|strikes|bombardment)\s+)?(?:which\s+|that\s+)?"
    r"\bha(?:s|ve)\s+(?:now\s+|already\s+|so\s+far\s+)?(?:killed|displaced|uprooted|left|claimed|forced|driven)\s+"
    r"(?:more\s+than\s+|over\s+|nearly\s+|at\s+least\s+|about\s+|some\s+|an\s+estimated\s+)?(?:tens\s+of\s+thousands|"
    r"hundreds\s+of\s+thousands|thousands|millions|hundreds|[\d.,]+\s+million|\d{1,3}(?:,\d{3})+)"
    # "35 people had been killed since the offensive began on Thursday": a running toll, the start named in passing
    r"|\bsince\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,3}?(?:offensive|fighting|war|conflict|clashes|assault|"
    r"campaign|operation|hostilities|attacks?|siege|uprising|insurgency)\s+(?:began|started|erupted|broke\s+out|"
    r"was\s+launched|got\s+under\s+way)\b", re.IGNORECASE)
#: "Since 7 October 2023, 22 per cent (124) of Palestinians killed in the West Bank were in Tulkarm": a running toll
#: counted from a date with its year.
_SINCE_DATE_TOLL_RE = re.compile(r"\W*since\s+(?:early\s+|late\s+|mid-?)?(?:\d{1,2}\s+[A-Za-z]+\.?\s+|[A-Za-z]+\.?\s+\d{1,2},?\s+"
                                 r"|[A-Za-z]+\s+)?(?:19|20)\d\d\s*,", re.IGNORECASE)
#: "the 2016 truck attack in Nice", "ten years ago today, rockets …": an old incident, whatever the clause's date.
_OLD_INCIDENT_RE = re.compile(
    r"\bthe\s+(?:19|20)\d\d\s+(?:[\w-]+\s+){0,2}(?:assault|attack|attacks|massacre|offensive|bombing|bombings|siege|"
    r"raid|strike|strikes|shooting|ambush)\b|\b(?:\w+|\d+)\s+years?\s+ago\b", re.IGNORECASE)
_HIT_AFTER_RE = re.compile(r"^(?:'s\s+\w+\s+)?\s*(?:was|were|has\s+been|have\s+been|came|is|are)\s+(?:\w+\s+)?"
                           r"(?:hit|struck|targeted|shelled|bombed|attacked|rocked|shaken|under)\b", re.IGNORECASE)
_AFTER_RE = re.compile(r"\b(?:after|following)\b", re.IGNORECASE)
_PRIOR_RE = re.compile(r"\b(?:after|following|since|in\s+response\s+to|in\s+retaliation\s+for|in\s+revenge\s+for)"
                       r"\s+(?:a|an|the|last\s+\w+'s|this)?\s*(?:[\w-]+\s+){0,4}$", re.IGNORECASE)
#: "The attack came a week after gunmen killed …", "comes days after an air strike on …": the clause tells an older
#: incident (its subject is the one already told).
_CAME_DAYS_AFTER_RE = re.compile(r"\b(?:came|comes|come|occurred|happened|follows|followed)\s+(?:just\s+|only\s+|barely\s+)?"
                            r"(?P<count>a|one|two|three|four|five|six|ten|several|\d+|a\s+few|hours|days|weeks|months)\s*"
                            r"(?P<unit>days?|weeks?|months?|hours?)?\s+(?:after|since)\b", re.IGNORECASE)
#: Counts of days before an incident that the text says another one came after.
_DAYS_COUNT = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "1": 1, "2": 2, "3": 3,
               "4": 4, "5": 5, "6": 6}
#: "the police spokesman in X confirmed the attack": with no date of its own, a statement about the incident told
_STATEMENT_OF_RE = re.compile(r"\b(?:confirmed|condemned|denied|deplored)\s+(?:the|this|that)\s+(?:[\w-]+\s+){0,2}$",
                              re.IGNORECASE)
#: The start of a relative clause right before a threat: "separatists who had vowed to …".
_RELATIVE_BEFORE_RE = re.compile(r"\b(?:who|which|that)\s+(?:had\s+|have\s+|has\s+)?$", re.IGNORECASE)
_FUTURE_RE = re.compile(
    r"\b(?:will|would|could|might)\s+(?:\w+\s+)?(?:increase|launch|attack|strike|target|continue|be|face|cause|lead|"
    r"trigger|result)\b|"
    # "Experts warn that a new offensive on Rafah could …": a warning of what may come
    r"\bwarn(?:s|ed)?\s+(?:that\s+)?(?:an?\s+|the\s+)?(?:new\s+|possible\s+|looming\s+|planned\s+)?"
    r"(?:offensive|assault|attack|invasion|operation)\b|"
    r"\bis\s+expected\s+(?:that|to)\b|\bthreaten(?:s|ed)?\s+to\b|\bvow(?:s|ed)?\s+to\b|\bplans?\s+to\b"
    # "military preparations continued in Aden on Thursday to launch a new offensive": a push to come
    r"|\bpreparations?\s+(?:[\w-]+\s+){0,6}?to\s+(?:launch|start|begin|mount)\b"
    r"|\b(?:preparing|prepares?|getting\s+ready)\s+(?:for\s+an?\s+|to\s+(?:launch|attack|storm|mount)\b)",
    re.IGNORECASE)
#: A non-restrictive relative clause (", which the group seized in 2014,"): an aside about what it follows.
#: A place's description set off by commas: ", lying about six km east of Kupiansk and freed in
#: 2022," — where it lies and its past, not the news of the clause.
_PLACE_ASIDE_RE = re.compile(r",\s+(?:located|situated|lying)\s+(?:some\s+|about\s+|around\s+)?(?:\d|\w+\s+(?:km|kilomet\w*|"
                             r"miles?))[^,;.]*(?=[,;.]|$)", re.IGNORECASE)
#: After a facility's own name, the town it lies in: "the Somair mine, in the town of Arlit", "the Bisie tin mine in
#: Walikale".
_FACILITY_IN_TOWN_AFTER_RE = re.compile(r"\s+(?:(?:uranium|gold|coal|copper|diamond|cobalt|tin|oil|gas|cement|sugar)\s+)?"
                                        r"(?:mine|refinery|plant|factory|works|facility)\b,?\s+(?:in|at|near)\s+(?:the\s+)?"
                                        r"(?:(?:[\w-]+\s+)?(?:town|city|village|district)\s+of\s+)?(?-i:[A-Z])", re.IGNORECASE)
#: A record an incident sets, told against the past: "is the deadliest on the army since it began fighting in 2015",
#: "the worst attack in the region since 2019".
_SUPERLATIVE_SINCE_RE = re.compile(r"\b(?:the|its|their)\s+(?:single\s+)?(?:deadliest|worst|bloodiest|biggest|largest|"
                                   r"heaviest|most\s+(?:deadly|lethal|serious|violent))\b[^.;!?]*?\bsince\b.*",
                                   re.IGNORECASE | re.DOTALL)
_ASIDE_RE = re.compile(r",\s+(?:which|where|whose|who)\b[^,;.]*(?=[,;.]|$)|" + _PLACE_ASIDE_RE.pattern, re.IGNORECASE)


def _news_asides(body: str, offset: int, triggers: list[Trigger]) -> list[tuple[int, int]]:
    """The spans (offsets of the text ``body`` starts at ``offset`` in) of its asides (", which the group held for
    years"), when a trigger lies outside them; [] when none does (the clause's news is its aside: "…, who were
    abducted last month")."""
    asides = [(m.start() + offset, m.end() + offset) for m in _ASIDE_RE.finditer(body)]
    if not asides or all(any(a <= t.start < b for a, b in asides) for t in triggers):
        return []
    return asides


def _outside_asides(body: str, offset: int, triggers: list[Trigger]) -> str:
    """``body`` without its asides when a trigger lies outside them (``_news_asides``): what a relative clause says
    of a place or an actor ("a town held by the group for more than a decade") is not the news of the clause."""
    return _ASIDE_RE.sub(" ", body) if _news_asides(body, offset, triggers) else body


_RECENT_PAST_RE = re.compile(r"\b(?:last|previous)\s+(?:week|month)\b|\bearlier\s+this\s+(?:month|week)\b|"
                             r"\bthe\s+(?:previous|preceding)\s+(?:week|month)\b", re.IGNORECASE)
_BACKGROUND_RE = re.compile(
    r"\b(?:in|since|until|by|during|of|from)\s+(?:early\s+|late\s+|mid-?)?(?:19|20)\d\d\b|\blast\s+year\b|"
    r"\b(?:a|one|two|three|several|\d+)\s+years?\s+(?:ago|earlier|before)\b|\byears?\s+ago\b|"
    r"\blast\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)\b|"
    r"\bin\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+last\s+year\b|"
    r"\bearlier\s+this\s+year\b|\b(?:in|since|during|until)\s+(?:early\s+|late\s+|mid-?)?(?:january|february|march|"
    r"april|june|july|august|september|october|november|december)\b(?!\s+\d)|\bwas\s+declared\b|\brose\s+to\s+prominence\b|\bdecade\b|"
    r"\bthe\s+(?:19|20)\d\d\s+(?:\w+\s+){0,2}(?:assault|attack|attacks|massacre|offensive|bombing|siege|coup|war|"
    r"battle|invasion|uprising|raid)\b|\bhas\s+seen\s+(?:thousands|hundreds|dozens)\b|"
    # "killed 66 in a March massacre", "one of the hotspots of fighting": an earlier month's incident, a description
    r"\b(?:a|an|the)\s+(?:january|february|march|april|june|july|august|september|october|november|december)\s+"
    r"(?:\w+\s+)?(?:assault|attacks?|massacre|offensive|bombing|raid|ambush|killings?|strikes?)\b|\bhotspots?\s+of\b",
    re.IGNORECASE,
)
_CIVILIAN_RE = re.compile(r"\b(?:civilians?|villagers?|residents?|people|children|women|worshippers|farmers|"
                          r"students|passengers|patients|family|families|men|inhabitants|motorcyclist|man|woman|"
                          r"girl|boy|girls|boys|child|baby|infant|teenagers?|pupils|shoppers|herders|displaced)\b"
                          # "…, residents said": the people who tell it, not its victims
                          r"(?!\s+(?:said|say|says|told|reported|recounted|described|added)\b)", re.IGNORECASE)
#: After an armed group's name: what it did (so it is the attacker, not a victim).
_ACTS_AFTER_RE = re.compile(r"\s+(?:\w+\s+){0,8}?(?:stormed|attacked|raided|invaded|opened\s+fire|shot|killed|abducted|"
                            r"kidnapped|ambushed|torched|burned|burnt|set\s+fire|looted|massacred)\b", re.IGNORECASE)
_COMBATANT_RE = re.compile(r"\b(?:soldiers?|troops|fighters?|militants?|members|police(?:men)?|officers?|guards?|"
                           r"militia(?:men)?|gunmen|jihadists?|terrorists?|insurgents?|rebels?|commanders?|"
                           r"personnel|peshmerga|auxiliar(?:y|ies)|volunteers|recruits|servicemen|army|rangers?|"
                           r"constables?|gendarmes?|paramilitar(?:y|ies)|legionnaires|marines|cadets)\b",
                           re.IGNORECASE)
_CLASH_WORDS_RE = re.compile(r"\b(?:clash|clashes|clashed|fighting|fought|battle|battles|battled|battling|gunfights?|"
                             r"firefights?|exchange\s+of\s+fire|"
                             r"exchanged\s+fire|ambush|ambushed|repelled|repulsed|engaged|encounters?|shootout)\b",
                             re.IGNORECASE)
#: Where a statement was made: "the ministry said in Tripoli", "a spokesman told reporters on Sunday in Benghazi"
#: (not "shelling was reported in X": a passive report tells where it happened).
_SAID_IN_BEFORE_RE = re.compile(r"\b(?:said|says|told\s+(?:[\w-]+\s+){0,2}?[\w-]+|announced|added|stated|declared)\s*,?\s+"
                                r"(?:(?:late\s+|early\s+)?on\s+\w+\s+|yesterday\s+|today\s+)?(?:in|from)\s+"
                                r"(?:the\s+(?:\w+\s+)?(?:capital|city)\s+(?:of\s+)?)?$"
                                # "a statement … made available to journalists in Sokoto"
                                r"|\b(?:journalists|reporters|newsmen|the\s+press)\s+in\s+$"
                                # "…, according to a security official in Sana'a": where the source sits
                                r"|\baccording\s+to\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:officials?|sources?|"
                                r"spokes(?:man|woman|person)|residents?|witness(?:es)?|medics?)\s+(?:based\s+)?in\s+$")
#: What may stand around a day between two places of a list ("A on Thursday and B", "A on the night of 25-26
#: April and in B", "A late on Monday, then B").
_DATED_GAP_RE = re.compile(r"\s*(?:(?:on|in|at|during|overnight|late|early)\s*)*\s*(?:,\s*)?(?:and|then|,)?\s*"
                           r"(?:then\s+)?(?:(?:in|on|at|near)\s+)?(?:the\s+)?(?:(?:villages?|towns?|city|areas?)\s+of\s+)?",
                           re.IGNORECASE)
_LIST_GAP_RE = re.compile(
    # "X, Y and Z", "X and the villages of Y"; a name no gazetteer lists may stand between two listed ones
    # ("near Myrnohrad, Novotoretske and Lysivka")
    r"^(?:(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+)(?-i:[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,2})){0,3}"
    r"(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+|\s+or\s+|\s*,?\s+as\s+well\s+as\s+)"
    # ("near Ayn Isa and another close to Mar'a")
    r"(?:(?:another|one|a\s+second|a\s+third)\s+)?(?:(?:near|close\s+to|in|at|around|outside)\s+)?"
    r"(?:the\s+)?(?:(?:villages?|towns?|cities|city|town|village|areas?|outskirts)\s+(?:of|around|near)\s+)?$",
    re.IGNORECASE)
#: What a list says of one of its towns before it goes on ("Tell Abyad, Ras al-Ayn where thousands fled the town,
#: Ayn Issa and Qamishli"): left out when the list is read.
_LISTED_ASIDE_RE = re.compile(r"^\s+(?:where|which|whose)\b[^,;.()]{0,80}(?=,)"
                              # ("Taliqan, the capital of Takhar province, and Sar-i-Pul")
                              r"|^\s*,\s+(?:the|a)\s+(?:[\w-]+\s+){0,3}?(?:capital|city|town|seat|hub|stronghold)\s+of\s+"
                              r"[^,;.]{1,70}(?=[,;])"
                              # ("the town of Farah in the province of that name; Pul-i-Khumri")
                              r"|^\s+in\s+the\s+(?:[\w-]+\s+){0,3}?(?:province|region|state|governorate)\s+of\s+"
                              r"[^,;.]{1,40}(?=;)"
                              # ("Vovchansk and Lyptsi in Kharkiv region, and Kurakhove in Donetsk region")
                              r"|^\s+in\s+(?:the\s+)?[A-Z][\w'’-]+(?:[\s-][A-Z][\w'’-]+)?\s+(?:region|oblast|province|"
                              r"governorate|state|district|county)(?=\s*,)")
#: A clause with no trigger of its own telling where the incident happened ("It took place in X").
_TOOK_PLACE_RE = re.compile(r"\W*(?:it|this|that|the\s+(?:\w+\s+)?(?:attack|incident|raid|assault|ambush|strike|"
                            r"bombing|blast|explosion|fighting|clash(?:es)?|killings?|massacre|shooting))\s+(?:had\s+)?"
                            r"(?:took\s+place|happened|occurred|unfolded|was\s+carried\s+out)\b", re.IGNORECASE)
#: A clause telling when an incident started or happened ("The attack began on Friday evening when …").
_BEGAN_RE = re.compile(r"\b(?:began|started|happened|took\s+place|occurred|unfolded|erupted|broke\s+out|flared)\b", re.IGNORECASE)
#: ACLED event types of demonstrations (a riot is a demonstration turned violent).
_DEMONSTRATION_TYPES = frozenset({"Protests", "Riots"})
#: Most kilometres between a front's axis town and a place fought over on it.
AXIS_KM = 80.0
#: After a town's name, a front's axis named after it ("the Kupiansk direction", "the Bakhmut axis").
_AXIS_AFTER_RE = re.compile(r"\s+(?:direction|axis|sector|front)\b", re.IGNORECASE)
#: After a town's name, the other end of a road named by both ("-Funtua road", "–Kano highway").
_ROAD_END_RE = re.compile(r"[-–]\s?[A-Z][\w'’]+(?:\s[A-Z][\w'’]+)?\s+(?:road|highway|motorway|expressway)\b")
_AREA_KINDS = frozenset({"river", "region", "admin1", "admin2", "country"})
_WEAPON_SUBS = frozenset({"Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
                          "Suicide bomb"})
_VICTIM_RE = re.compile(
    r"\b(?:\d(?:[\d,]*\d)?(?!\d)|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|"
    r"fifty|dozens|scores|several|many|a|an)\s+(?:more\s+|other\s+)?(?:[\w-]+\s+){0,2}?(?P<noun>civilians?|villagers?|"
    r"residents?|people|persons?|children|women|worshippers|farmers|students|passengers|patients|men|inhabitants|"
    r"motorcyclist|man|woman|girl|boy|pupils|shoppers|herders?|shepherds?|fishermen|farmer|journalists?|"
    r"aid\s+workers?|medics|doctors?|nurses?|teachers?|traders?|merchants?|pilgrims|worshipper|"
    r"child|baby|infant|toddler|teenagers?|boys|girls|"
    r"Palestinians|soldiers?|troops|fighters?|militants?|"
    r"members|police(?:men)?|officers?|guards?|militia(?:men)?|gunmen|jihadists?|terrorists?|insurgents?|rebels?|"
    r"commanders?|personnel|peshmerga|auxiliar(?:y|ies)|volunteers|recruits|servicemen|rangers?|constables?|"
    r"gendarmes?|paramilitar(?:y|ies)|legionnaires|marines|cadets"
    # "a member of the Syrian Democratic Forces (SDF)": one of an armed force (not of a family or a parliament)
    r"|member(?=\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}?(?:forces|army|militia|militias|group|brigade|battalion|"
    r"police|guards?|front|movement|units?|sdf|ypg|hts|isis|isil|taliban|al-shabaab)\b))\b", re.IGNORECASE)
_CIVILIAN_NOUNS = frozenset("civilian civilians villager villagers resident residents people persons person children women "
                            "worshippers farmers students passengers patients men inhabitants motorcyclist man woman "
                            "girl boy pupils shoppers herders herder shepherd shepherds fishermen farmer journalist "
                            "journalists medics doctor doctors nurse nurses teacher teachers trader traders merchant "
                            "merchants pilgrims worshipper palestinians child baby infant toddler teenager "
                            "teenagers boys girls".split()) | {"aid worker", "aid workers"}
#: "members of the Masalit community", "members of a family": people, not fighters.
_COMMUNITY_MEMBERS_RE = re.compile(r"\s+of\s+(?:the\s+|a\s+|an\s+)?(?:[\w'-]+\s+){0,3}?(?:community|communities|"
                                   r"tribes?|clans?|ethnic\s+group|minority|famil(?:y|ies)|households?)\b",
                                   re.IGNORECASE)
_KILLED_RE = re.compile(r"\b(?:were|was|been|are|is)\s+(?:\w+\s+){0,2}(?:killed|shot\s+dead|slain|martyred)\b|"
                        r"\bhave\s+killed\b|\bkilled\s+(?:at\s+least\s+)?(?:\d+|one|two|three|four|five|six|seven|"
                        r"eight|nine|ten|\w+teen|twenty|dozens|scores)\b"
                        # "the Russians killed a 56-year-old man": one victim, named by age or by who they were
                        r"|\bkilled\s+an?\s+(?:\d+-year-old\s+|young\s+|local\s+|\w+\s+)?(?:man|woman|boy|girl|child|"
                        r"civilian|resident|farmer|teenager|person|soldier|policeman|police\s+officer|shepherd|"
                        r"journalist|villager)\b"
                        # "operations … that left two members of the BIFF dead"
                        r"|\bleft\s+(?:at\s+least\s+)?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|\w+teen|"
                        r"twenty|dozens|scores)\s+(?:[\w-]+\s+){0,4}?dead\b"
                        # headline style, with no verb before it: "13 passengers killed in Musakhail", "6 people
                        # 'shot dead' in Bolan"
                        r"|\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|\w+teen|twenty|dozens|scores)\s+"
                        r"(?:[\w-]+\s+){0,2}[‘'\"“]?(?:killed|shot\s+dead|slain)[’'\"”]?\s+(?:in|at|near|on|during|as|after)\b",
                        re.IGNORECASE)
#: People wounded, with no weapon named: in an article that keeps naming one ("shelled 19 settlements … In
#: Beryslav, two men were wounded"), an incident of that weapon, when the clause names its own place.
_WOUNDED_RE = re.compile(r"\b(?:were|was)\s+(?:\w+\s+){0,2}(?:wounded|injured|hurt)\b")
#: Direct speech: curly quotes, or straight ones, never across a paragraph.
_QUOTE_RE = re.compile(r"“[^”\n]{3,}”|\"[^\"\n]{3,}\"")
_KILLING_RE = re.compile(r"\bkilling\s+(?:at\s+least\s+)?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|"
                         r"\w+teen|twenty|dozens|scores|several|many)\b", re.IGNORECASE)
_DISTANCE_RE = re.compile(
    r"(?P<n>\d[\d,.]*)\s*(?P<unit>km|kms|kilomet(?:er|re)s?|nautical\s+miles?|nm|miles?)\b[^,;.]{0,20}?\b(?P<dir>north|south|east|west|"
    r"northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west)(?:ern)?\s+of\s+(?:the\s+)?"
    + _PLACE_KIND_OF + "$", re.IGNORECASE)
#: Kilometres per unit of a written distance (the first word of the unit, lower case).
_UNIT_KM = {"mile": 1.609, "miles": 1.609, "nautical": 1.852, "nm": 1.852}
_BEARINGS = {"north": 0.0, "northeast": 45.0, "east": 90.0, "southeast": 135.0, "south": 180.0, "southwest": 225.0,
             "west": 270.0, "northwest": 315.0}
_CAME_AFTER_RE = re.compile(r"\b(?:comes?|came|followed|follows?)\s+(?:just\s+|only\s+|days\s+|a\s+day\s+)?"
                            r"(?:after|on\s+the\s+heels\s+of)\b", re.IGNORECASE)
_AFTER_WORD_RE = re.compile(r"\bafter\b", re.IGNORECASE)
#: Between a district named after its seat and the city or province it belongs to: "Çilaxa district of Qamişlo".
_DISTRICT_OF_GAP_RE = re.compile(r"\s+(?:sub-?)?districts?\s+of\s+(?:the\s+)?", re.IGNORECASE)
_PROVINCE_CUES = frozenset({"province", "governorate", "oblast", "state", "region", "prefecture", "county"})
_SEPARATE_RE = re.compile(r"^\W*(?:in\s+(?:a|another)\s+(?:separate|different|unrelated)\b|separately\b|elsewhere\b|"
                          r"in\s+another\s+(?:attack|incident|strike)\b|meanwhile,?\s+in\b)", re.IGNORECASE)
_TIMELINE_RE = re.compile(r"^\s*(?:[\w.,]+\s+){1,3}(?:19|20)\d\d\s*[-–—:]")
#: A headline that titles a timeline, whose year dates the entries: "Timeline of the Anglophone Crisis (2019)".
_TIMELINE_TITLE_RE = re.compile(r"\b(?:timeline|chronology)\b|\((?:19|20)\d\d\)", re.IGNORECASE)
#: A paragraph's opening "In X," / "Meanwhile in X," that sets the scene of what follows.
_SETTING_RE = re.compile(r"[ \t]*(?:meanwhile,?\s+)?(?:in|at|near|around)\s+(?:the\s+)?", re.IGNORECASE)
#: "the city west of Baghdad", "the town north of Aleppo": a town just named, told by its bearing (no distance).
_THE_TOWN_BEARING_RE = re.compile(r"\bthe\s+(?:city|town|village)\s+(?:(?:north|south)-?(?:east|west)?|east|west)(?:ern)?"
                                  r"\s+of\s+$", re.IGNORECASE)
#: Most kilometres between that town and the place it is told from.
ANAPHOR_KM = 150.0
#: A publication stamp's clock time or age ("/ 1:19 PM /", "a year ago", "Updated"): no entry's title.
_STAMP_LINE_RE = re.compile(r"\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\b|GMT|UTC|ET|EST|EDT)|\bago\b|\bupdated\b|\bpublished\b",
                            re.IGNORECASE)
#: An entry title that starts with its day: the date, a short title with no final stop ("May 13 Nangarhar
#: Province: four civilians killed", "12 May – Kunduz: police post overrun").
_TITLED_ENTRY_RE = re.compile(r"[^\n]{3,25}?[ \t]*[:–—-]?[ \t]+[A-Z][^\n]{3,90}(?<![.!?\"”])[ \t]*")
#: A weekday before a written date ("Tuesday, February 20, 2018").
_WEEKDAY_LEAD_RE = re.compile(r"^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+(?=\S)", re.IGNORECASE)
#: A live blog's entry heading: a clock time at a line's start ("10:42 GMT - …", "14.05 BST", "9:30am").
_LIVE_ENTRY_RE = re.compile(r"(?m)^\s*\d{1,2}[:.]\d{2}\s*(?:GMT|UTC|BST|CET|CEST|EET|EEST|EST|EDT|ET|IST|am|pm|"
                            r"a\.m\.|p\.m\.|local\s+time)?\s*(?:[-–—:|]|\n)")
#: How far the place after a possessive may lie from the one before it ("Mogadishu's Lido beach" is not Italy's Lido).
POSSESSIVE_KM = 150.0
#: Longest line read as a heading that dates the list items below it.
HEADING_CHARS = 80
#: Between a place and the place of it that the text means: "Gaza's Nuseirat", "Kharkiv oblast's Kupiansk".
_POSSESSIVE_GAP_RE = re.compile(r"(?:\s+(?:oblast|region|province|state|governorate|district|city|county))?['’]s\s+"
                                r"(?:(?:northern|southern|eastern|western|central|old|[\w-]+ern)\s+)?", re.IGNORECASE)
#: The words after a district named after its seat town ("Beni territory", "Kauru district", "Rueso district").
_DISTRICT_CUES = frozenset({"territory", "district", "county", "lga", "township", "sub-district", "subdistrict",
                            "municipality", "commune", "area", "sector", "prefecture", "department"})
#: Between a place and the district that holds it: "Oicha, in Beni territory", "Kachia, Kauru district", "the
#: Kulachi area of Dera Ismail Khan district".
_APPOSITION_IN_GAP_RE = re.compile(r",\s+(?:an?|the)\s+(?:[\w'’-]+\s+){0,8}?(?:in|of|within)\s+(?:the\s+)?")
_CONTAINER_GAP_RE = re.compile(r"\s*(?:\([^)\n]{0,40}\)\s*)?,?\s*(?:(?:area|areas|outskirts|suburbs|village|town|locality|community)\s+)?"
                               r"(?:(?:in|of|within)\s+(?:the\s+)?)?$", re.IGNORECASE)
#: "rockets at northern Israel", "in southern Lebanon": a part of the country, not its government
_PART_OF_BEFORE_RE = re.compile(r"\b(?:at|in|on|into|across|over|towards?|targeting)\s+(?:the\s+)?(?:far\s+)?"
                                r"(?:north|south|east|west|central)(?:ern|-?east(?:ern)?|-?west(?:ern)?)?\s+$",
                                re.IGNORECASE)
#: "… at the gymnasium here on Sunday": the city of the dateline (local press).
#: "in this city", "in this municipal capital": the town the report is from.
_THIS_TOWN_RE = re.compile(r"\b(?:in|of|near)\s+this\s+(?:(?:municipal|provincial|regional|state|border|northern|southern|"
                           r"eastern|western|coastal)\s+)?(?:city|town|capital|municipality|village|locality|port)\b",
                           re.IGNORECASE)
_HERE_RE = re.compile(r"\bhere\s+(?:on|early|late|last|this|yesterday|today|overnight|around|at\s+(?:about|around))\b",
                      re.IGNORECASE)
#: "On the same day", "later that day": the day of the incident told just before.
_SAME_DAY_RE = re.compile(r"^(?:[^,.;]{0,20}\s)?(?:on\s+)?(?:the|that)\s+same\s+(?:day|night|morning|evening|afternoon)\b|"
                          r"^(?:later|earlier)\s+(?:that|the\s+same)\s+(?:day|night|morning|evening)\b", re.IGNORECASE)
#: A name and the acronym the text gives it: "University of Maiduguri (UNIMAID)".
_ACRONYM_RE = re.compile(r"(?P<name>[A-Z][\w'’-]+(?:\s+(?:of|the|and|de|al)?\s*[A-Z][\w'’-]+){1,5})\s*"
                         r"\((?P<abbr>[A-Z]{3,8})\)")
#: A kind word after a name that says it is a place: "Lauder district", "X village".
_AREA_AFTER_RE = re.compile(r"\s+(?:district|village|town|city|area|county|sub-?district|locality)\b", re.IGNORECASE)
#: Least search score for another spelling of a place in the text's country ("Lauder" → Lawdar scores 75).
RESPELLED_SCORE = 70.0
#: Most kilometres between such another spelling and the nearest town the text names.
RESPELLED_KM = 150.0
#: A month written without its year ("in mid-March"): what "a week later" after it counts from.
_MONTH_ALONE_RE = re.compile(r"\b(?:in|during)\s+(?:(?:early|late|mid)(?:-|\s+))?(january|february|march|april|may|"
                             r"june|july|august|september|october|november|december)\b(?!\s*(?:[0-3]?\d|(?:19|20)\d\d))",
                             re.IGNORECASE)
#: A place referred back to: "the locality", "the town", "the village" (not "the town of X").
_THE_PLACE_RE = re.compile(r"\b(?:the|that|this)\s+(?:same\s+)?(?:locality|town|village|city|area|settlement|"
                           r"neighbou?rhood)\b(?!\s+of\b)(?!['’]s)", re.IGNORECASE)
_CALL_ON_RE = re.compile(r"\bcall(?:ed|ing|s)?\s+on\s+$", re.IGNORECASE)
#: "It started yesterday evening", "The fighting began on Monday": when the incident just reported began.
_IT_STARTED_RE = re.compile(r"\W*(?:it|this|that|the\s+(?:\w+\s+)?(?:fighting|clashes|attack|battle|violence|"
                            r"shelling|assault))\s+(?:had\s+)?(?:started|began|erupted|broke\s+out)\b", re.IGNORECASE)
#: "a village near Kupiansk": an unnamed place by the town (ACLED's geo_precision 2).
_UNNAMED_NEAR_RE = re.compile(r"\b(?:a|an|one|two|three|several|nearby)\s+(?:[\w-]+\s+)?(?:villages?|towns?|"
                              r"settlements?|hamlets?|communities)\s+(?:near|outside|close\s+to)\s+(?:the\s+)?"
                              r"(?:(?:city|town)\s+of\s+)?$", re.IGNORECASE)
#: "… came under fire / attack": an incident told from the target's side.
#: The bomber of a bombing ("the first bomber", "a suicide bomber"), and the kinds of bombing a bomber commits.
_BOMBER_RE = re.compile(r"\bbombers?\b", re.IGNORECASE)
_BOMB_SUBS = frozenset({"Remote explosive/landmine/IED", "Suicide bomb"})
_CAME_UNDER_RE = re.compile(r"(?:came|come|comes|coming)\s+under\b")
#: Words of fighting or of an attacker on the ground: an "attack" told with them is no fire from afar.
_GROUND_WORDS_RE = re.compile(r"\b(?:gunmen|gunman|militants?|fighters|insurgents|rebels|jihadists|bandits|assailants|"
                              r"attackers|cells?|troops|soldiers|clash(?:es|ed)?|fighting|fought|ambush(?:ed)?|stormed|"
                              r"raided|shot|gunfire|opened\s+fire|stabbed|knife|armed\s+men|checkpoint|positions?|"
                              r"suicide|infantry|assault\s+groups?|advance[ds]?|ground\s+(?:forces|troops)|captur(?:e|ed|ing)|"
                              r"seiz(?:e|ed|ing))\b", re.IGNORECASE)
#: A compass bearing, as texts write it ("north", "south-eastern", "northwest").
_BEARING = r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?"
#: Between a place of a list and a bearing listed after it: "…, the outskirts of al-Dur and east of Samarra".
_LISTED_BEARING_GAP_RE = re.compile(rf"\s*,?\s+and\s+(?:the\s+)?(?:areas?\s+)?{_BEARING}\s+of\s+(?:the\s+)?")
#: Where a clause says only a part of the country: "in the north and northwest", "in the country's east".
_COUNTED_PLACES = (r"\b(?:two|three|four|five|six|seven|eight|nine|ten|several|multiple|\d+)\s+(?:other\s+|more\s+)?"
                   r"(?:[\w-]+\s+)?(?:capitals|towns|cities|villages|districts|provinces|bases)\b")
_VAGUE_AREA_RE = re.compile(rf"\bin\s+the\s+(?:country['’]s\s+)?(?:far\s+)?(?:{_BEARING}|centre|center)"
                            rf"(?:\s+(?:and|or)\s+(?:the\s+)?(?:{_BEARING}|centre|center))?"
                            r"\b(?!\s+of\b|\s+(?:part|side|bank|edge|outskirts)\b)"
                            # "Taliban forces captured three other northern capitals": places the next sentence
                            # names, not the last town told
                            r"|" + _COUNTED_PLACES, re.IGNORECASE)
_COUNTED_PLACES_RE = re.compile(_COUNTED_PLACES, re.IGNORECASE)
#: A relative clause hung on a place name: "Indaw town, which the militia captured on Monday".
_WHICH_AFTER_RE = re.compile(r"(?:\s+(?:town|city|village|district|base|airport))?,\s+which\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}?"
                             r"(?:captured|seized|took|overran|attacked|stormed|shelled|bombed|struck|hit|raided)\b")
#: "The strikes, targeting …": the incidents just reported, named again at a clause's start.
_PLURAL_ANAPHORA_RE = re.compile(r"\W*(?:the|these|those)\s+(?:\w+\s+)?(?:strikes|airstrikes|air\s+strikes|attacks|raids|"
                                 r"bombings|clashes|explosions)\b", re.IGNORECASE)
#: An incident told as several at once ("this triple attack", "three simultaneous attacks", "twin bombings").
_SEVERAL_INCIDENTS_RE = re.compile(r"\b(?:(?:twin|triple|simultaneous)\s+(?:[\w-]+\s+){0,2}?(?:attacks?|strikes?|raids?|"
                                   r"assaults?|bombings?|blasts?)|(?:two|three|four|five|several|multiple|coordinated|"
                                   r"a\s+series\s+of)\s+(?:[\w-]+\s+){0,2}?(?:attacks|strikes|raids|assaults|bombings|"
                                   r"blasts))\b", re.IGNORECASE)
#: Just before a reference back to the incident told: a new one that came after it.
#: What an incident coincided with, dated on its own day: "The attack coincided with the President's order to renew
#: peace talks in Havana on 26 August" (the talks' day, not the attack's).
_COINCIDED_RE = re.compile(r"\bcoincid(?:ed|es|ing)\s+with\b", re.IGNORECASE)
#: Just before a reference back to the incident told: what came before it ("prior to the attack, the army had
#: received a report on Wednesday"), not the incident itself.
#: A lead telling its incident as just happened: "fighting has broken out", "clashes have erupted".
_JUST_HAPPENED_RE = re.compile(r"\b(?:has|have)\s+(?:just\s+)?(?:broken\s+out|erupted|flared(?:\s+up)?|broke\s+out)\b"
                               # "intense fighting is reported in the city", "clashes are under way"
                               r"|\b(?:fighting|clashes|gunfire|shelling|battles?)\s+(?:is|are)\s+(?:being\s+|now\s+)?"
                               r"(?:reported|under\s?way|ongoing|raging)\b", re.IGNORECASE)
_BEFORE_WORDS = r"prior\s+to|before|ahead\s+of|in\s+the\s+run-up\s+to|days\s+before"
_PRIOR_TO_RE = re.compile(rf"\b(?:{_BEFORE_WORDS})\s+$", re.IGNORECASE)
#: ... and an incident named for the time before it ("before the strikes", "prior to the bombings").
_BEFORE_THE_RE = re.compile(rf"\b(?:{_BEFORE_WORDS})\s+(?:the|these|those|this|that)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
_AFTER_THAT_RE = re.compile(r"\b(?:after|following|since)\s+$", re.IGNORECASE)
_ANAPHORA_RE = re.compile(r"\b(?:the|this|that)\s+(?:(?:deadly|latest|suspected|drone|suicide|bomb|rocket|"
                          r"missile|air|car|twin|double)\s+)?(?:attack|strike|airstrike|air\s+strike|raid|"
                          r"bombing|blast|explosion|incident|assault|ambush|shelling|fighting|clashes|incursion|massacre|killings?|"
                          r"shooting|onslaught)\b(?!\s+(?:campaign|campaigns|raids|runs))", re.IGNORECASE)
#: Between "the attack" and the site it names: "the attack on al-Anad military base", "the strike at the airport".
_ON_SITE_GAP_RE = re.compile(r"\s+(?:on|at|against|targeting)\s+(?:the\s+)?")
#: How far the site named by a clause that refers back to an incident may lie from the town that placed it.
SITE_KM = 30.0
#: Fire from afar that ACLED codes apart from fighting on the ground.
_REMOTE_SUBS = frozenset({"Air/drone strike", "Shelling/artillery/missile attack"})
#: Between a strike and fighting told as two things at once: "a drone strike accompanied by intense clashes",
#: "heavy fighting and drone strikes".
_STRIKE_AND_FIGHT_GAP_RE = re.compile(r"\s+(?:accompanied\s+by|along\s+with|together\s+with|as\s+well\s+as|and)\s+"
                                      r"(?:(?:intense|heavy|fierce|violent|sporadic|renewed|ground)\s+)?")
#: A site an incident hits, named again later with its town: "a prison run by the rebels" … "the prison site in X".
_SITE_NOUN_RE = re.compile(r"\b(prison|hospital|market|school|mosque|church|camp|hotel|wedding|funeral|factory|"
                           r"refinery|port|airport)s?\b", re.IGNORECASE)
#: Between the site and its town: "site in the northern city of", " in ", " at ".
_SITE_IN_GAP_RE = re.compile(r"(?:\s+(?:site|compound|building|complex|facility))?\s+(?:in|at|near|outside)\s+(?:the\s+)?"
                             r"(?:[\w-]+\s+){0,2}?(?:(?:city|town|village)\s+of\s+)?$", re.IGNORECASE)
#: "… were injured in the attack on the base": the incident just told, named late in its clause.
_IN_THE_BEFORE_RE = re.compile(r"\b(?:in|during|by)\s+$")
_DIRECT_CUES = frozenset({"in", "at", "on", "near", "outside", "around", "into", "village", "town", "city",
                          "villages", "towns", "targeting", "targeted", "hit", "struck", "shelled", "stormed",
                          "attacked", "bombed", "entered", "captured", "seized", "neighbourhood", "neighborhood",
                          "district", "area", "camp", "settlement", "including"})


@dataclass
class Clause:
    """A span of one sentence that can carry one event mention."""

    start: int
    end: int
    sentence: int
    paragraph: int
    headline: bool = False
    caption: bool = False


@dataclass
class Mention:
    """One event mention: where, when, what and the clause that says so."""

    clause: Clause
    place: PlaceMention
    place_how: str
    day: date | None
    precision: str
    date_mention: DateMention | None
    date_how: str
    scores: dict[str, float]
    triggers: list[Trigger]
    own_date: bool


@dataclass
class _Group:
    mentions: list[Mention] = field(default_factory=list)
    extra_clauses: list[Clause] = field(default_factory=list)
    headlines: list[tuple[str, int, bool]] = field(default_factory=list)
    scores: dict[str, float] = field(default_factory=lambda: defaultdict(float))


class RuleExtractor:
    """Today's rules: triggers, places, dates and actors found per clause, then grouped (see module doc).

    Parameters
    ----------
    gazetteer : Gazetteer, optional
        Places to find (default: ``Gazetteer.default()``, the whole world).
    actors : ActorList, optional
        Actor list (default: ``seeds/actors.csv``).
    """

    name = "rules"

    def __init__(self, gazetteer: Any = None, actors: ActorList | None = None) -> None:
        self._gazetteer = gazetteer
        self._actors = actors

    @property
    def gazetteer(self) -> Any:
        if self._gazetteer is None:
            from geo_events.gazetteer import Gazetteer

            self._gazetteer = Gazetteer.default()
        return self._gazetteer

    def extract(self, article: ArticleInput) -> Extraction:
        """Read one article; see the module docstring for the steps."""
        prepared = prepare_text(article.text)
        out = Extraction(text=prepared.text, html_stripped=prepared.html_stripped)
        if english_ratio(prepared.text) < MIN_ENGLISH_RATIO:
            out.english = False
            out.diagnostics.append(Diagnostic("article", "no events", "the text is not English"))
            return out
        _Reading(self, article, prepared, out).run()
        return out


def _weapon_just_told(previous: Mention | None, clause: Clause, sentences: int = 1) -> str | None:
    """The remote-violence sub-type of the mention at most ``sentences`` sentences before ``clause``, else None."""
    if previous is None or clause.sentence - previous.clause.sentence > sentences:
        return None
    told = classify(dict(previous.scores))
    return told[1] if told is not None and told[1] in _WEAPON_SUBS else None


class _Reading:
    """Everything computed once for one article."""

    def __init__(self, extractor: RuleExtractor, article: ArticleInput, prepared: Any, out: Extraction) -> None:
        self.article = article
        self.prepared = prepared
        self.text = prepared.text
        self.out = out
        self.actors = extractor._actors or default_actors()
        self.gazetteer = extractor.gazetteer
        self.low = lower_same_length(self.text)
        self._starts: dict[int, list[int]] = {}
        self._claims_cache: dict[tuple[int, int], list[Any]] = {}  # clause span → its casualty claims
        self._narrative_day: tuple[date, str] | None = None  # the day the story has reached (own dates)
        self._narrative_at = -1  # where the clause that reached it starts
        self.dateline: PlaceMention | None = None  # the city of a wire dateline, when it is one
        self.title_years: frozenset[int] = frozenset()  # the years the title names (set by run)
        self.headline_sources: set[str] = set()  # capitals named as a headline's source ("…: Yerevan")
        self.newlines = [m.start() for m in re.finditer("\n", self.text)]  # paragraph of an offset: bisect

    # ------------------------------------------------------------------ the steps
    def run(self) -> None:
        text = self.text
        anchor, how = self.article.published, "publication date"
        if anchor is None:
            anchor = infer_anchor(text, self.article.url, [y for _, y in year_headings(text, self.article.title)])
            how = "latest date in the text or URL" if anchor else None
            self.out.diagnostics.append(Diagnostic(
                "article", "date anchor",
                f"no publication date; relative dates read against {anchor.isoformat()} ({how})" if anchor
                else "no publication date and no full date in the text: relative dates stay unresolved"))
        self.anchor = anchor
        self.out.anchor, self.out.anchor_source = anchor, how
        token_text = TokenText.of(text)
        self.actor_mentions = self.actors.find(token_text, text)
        self.actor_starts = frozenset(m.start for m in self.actor_mentions)
        self.alias_names = {m.alias.lower().replace("-", " "): m.actor.name for m in self.actor_mentions}
        self.clauses = self._clauses()
        self.clause_starts = [clause.start for clause in self.clauses]
        years = year_headings(text, self.article.title)
        self.title_years = frozenset(year for offset, year in years if offset < 0)  # "May 2017 Bangassou clashes"
        if self.article.published is not None and not _TIMELINE_TITLE_RE.search(self.article.title or ""):
            # a dated story's headline year is history ("Ten years after the 2014 war, …"), unless it titles a
            # timeline; its own year lines ("2014" ¶ "May 21: …") still date the entries under them
            years = [(offset, year) for offset, year in years if offset >= 0]
        written = written_dates(text, self.low) if anchor is not None and self.article.published is None else None
        self.dates = [d for d in find_dates(text, anchor, self.low, years, written) if d.kind != "dateline"]
        self._date_under_headings(anchor)
        rejected: list[Rejected] = []
        blocked = [(m.start, m.end) for m in self.actor_mentions]
        raw = find_place_candidates(text, self.gazetteer, blocked, rejected=rejected,
                                    mirrored=True if self.prepared.lost_spaces else None)
        hidden = sorted((r.start, r.end) for r in rejected if "organisation" in r.reason or "outlet" in r.reason)
        # a demonym in an actor's name says where ("Syrian Democratic Forces"); a country name inside an actor's
        # or an outlet's name does not ("Islamic State in Iraq and Syria", "Agence France Presse")
        blocked_sorted = sorted(blocked)
        countries = [c for c in find_countries(text, self.article.title)
                     if c.start < 0 or not inside_spans(hidden, c.start, c.end) and not (
                         c.kind == "name" and inside_spans(blocked_sorted, c.start, c.end))]
        countries += actor_countries(self.actor_mentions)
        self.countries = countries
        self.places = [p for p in resolve_places(text, raw, countries, rejected=rejected)
                       if not self._not_a_location(p, rejected)]
        self.places.extend(self._respelled(rejected, countries))
        for start, end, point in coordinate_places(text, self.gazetteer):
            self.places.append(PlaceMention(start, end, point, "", 1, "at", "", False, (),
                                            "coordinates written in the text, used as given"))
        capitals = self._capitals(countries)
        if capitals:  # "the Somali capital": "Somali" is not the Somali Region of Ethiopia
            self.places = [p for p in self.places if not any(c.start <= p.start < c.end for c in capitals)]
            self.places.extend(capitals)
        self.places.sort(key=lambda p: p.start)
        superseded: set[int] = set()
        unlisted = unlisted_places(text, self.places, [(s.start, s.end) for s in self.prepared.sentences],
                                   blocked_sorted, rejected, superseded, countries)
        self.places = [p for p in self.places if p.start not in superseded] + self._respelled_unlisted(unlisted, countries)
        self.places.extend(self._acronym_places(blocked_sorted))
        self.places.sort(key=lambda p: p.start)
        self._previous_place = {b.start: a for a, b in zip(self.places, self.places[1:])}
        self.role: dict[int, str] = {}
        for place in self.places:
            self.role[place.start] = self._role(place)
        self._move_unlisted()
        for item in rejected[:50]:
            self.out.diagnostics.append(Diagnostic(item.text, "not a place", item.reason, item.start, item.end))
        # names written as locations ("in the X camp") that could not be placed: their clause has a place of
        # its own, just not a known one, and must not borrow another clause's
        self.unplaced_names = sorted(r.start for r in rejected if _UNPLACED_REASON_RE.search(r.reason) and (
            _LOCATED_BEFORE_RE.search(text, max(0, r.start - 25), r.start)) and not GROUP_AFTER_RE.match(text, r.end))
        self.triggers = [t for t in find_triggers(text, low=self.low) if not self._in_a_name(t)]
        self.casualties = [m.start() for m in CASUALTY_SCANNER.finditer(self.low)]
        mentions = self._mentions()
        self._refine_areas(mentions)
        self._build(mentions)

    # ------------------------------------------------------------------ structure
    def _clauses(self) -> list[Clause]:
        text = self.text
        sentences = self.prepared.sentences
        title = (self.article.title or "").strip().casefold()
        clauses: list[Clause] = []
        line_kinds: dict[int, bool] = {}
        for index, sentence in enumerate(sentences):
            paragraph = bisect_left(self.newlines, sentence.start)
            body = sentence.text
            headline = bool(title) and body.strip().casefold() == title
            if index == 0 and not title and len(body) < 160 and body[-1:] not in ".!?\"”:":  # "…:" opens a list
                headline = True
            line_start = text.rfind("\n", 0, sentence.start) + 1
            if line_start not in line_kinds:
                line_end = text.find("\n", sentence.end)
                line = text[line_start : len(text) if line_end < 0 else line_end]
                line_kinds[line_start] = (any(k in line for k in _CAPTION_HINTS) and bool(_CAPTION_RE.search(line))) or bool(
                    _SKIP_LINE_RE.match(line)) or line.count("•") >= 3 or (
                    _is_tag_line(line) and line.strip().casefold() != title) or self._repeated_line(line_start, line) or (
                    bool(_TEASER_END_RE.search(line)))
            caption = line_kinds[line_start]
            if caption and sentence.start > line_start and text[line_start : sentence.start].strip() and (
                    _META_LINE_RE.match(text[line_start : line_start + 20])) and not _SKIP_LINE_RE.match(body):
                caption = False  # (the sentences after a metadata line's own)
            # (not the semicolons of a list after a colon: "seized three other capitals: the town of Farah …;
            # Pul-i-Khumri, the capital of …; and Faizabad …" — each item takes the verb before the colon)
            colon = body.find(": ")
            cuts = sorted({0, *[m.end() for m in _CLAUSE_CUT_RE.finditer(body) if not (
                               0 <= colon < m.start() and body[m.start()] == ";"
                               and _LIST_ITEM_START_RE.match(body, m.end()))], *self._dated_pair_cuts(body),
                           *[m.end() for m in _WHEN_AFTER_DATE_RE.finditer(body)],
                           len(body)})
            for a, b in zip(cuts, cuts[1:]):
                if b > a:
                    clauses.append(Clause(sentence.start + a, sentence.start + b, index, paragraph, headline, caption))
        return clauses

    def _site_told_again(self, clause: Clause, body: str, places: list[tuple[PlaceMention, str]],
                         sites: set[str]) -> PlaceMention | None:
        """The town a clause with no trigger places a site in ("the prison site in the city of Saada"), when the
        site is one an earlier unplaced incident hit; else None."""
        for found in _SITE_NOUN_RE.finditer(body):
            if found.group(1).lower() not in sites:
                continue
            at = clause.start + found.end()
            for place, _how in places:
                if place.rank < 3 and 0 <= place.start - at <= 60 and _SITE_IN_GAP_RE.match(self.text, at, place.start):
                    return place
        return None

    def _heads(self, heading: Clause, clause: Clause) -> bool:
        """True when ``heading`` is the one-line heading right above ``clause`` (a live blog's or a bulletin's
        entry: "Israeli strikes hit Khan Younis overnight" over the paragraph that tells it)."""
        if clause.sentence != heading.sentence + 1 or heading.paragraph == clause.paragraph:
            return False
        line = self.text[heading.start : heading.end].strip()
        return 0 < len(line) < 100 and line[-1:] not in ".!?\"”" and "\n" in self.text[heading.end : clause.start]

    @staticmethod
    def _dated_pair_cuts(body: str) -> list[int]:
        """"… launched their assault on August 5 and took control of the port on Tuesday": two incidents, each
        with its own date, joined by "and" — cut before the second verb."""
        cuts = []
        for found in [*_AND_VERB_RE.finditer(body), *_AND_THE_RE.finditer(body)]:
            # the second part's date must be its own, not the day a statement was made ("…, a monitor said on Saturday")
            if DATE_RE.search(body, 0, found.start()) and any(
                    not _STATEMENT_BEFORE_RE.search(body, max(found.end(), later.start() - 40), later.start())
                    for later in DATE_RE.finditer(body, found.end())):
                cuts.append(found.start() + 1)
        return cuts

    def _respelled(self, rejected: list[Rejected], countries: list[Any]) -> list[PlaceMention]:
        """"Lauder district" in a story about Yemen: not Lauder, Scotland (refused as a lookalike) but the Yemeni
        town it is another spelling of (Lawdar), when the text is mostly about one country and writes the name
        as a location."""
        refused = [r for r in rejected if r.reason.startswith(("only a small place in", "the text puts it in"))]
        if not refused:
            return []
        top = self._top_country(countries)
        if top is None:
            return []
        out: list[PlaceMention] = []
        for item in refused:
            if not (_LOCATED_BEFORE_RE.search(self.text, max(0, item.start - 25), item.start) or _AREA_AFTER_RE.match(
                    self.text, item.end)) or len(item.text) < 5:
                continue
            # "the town of Anjara in Aleppo western countryside": a spelling in the country of the town it lies in
            told = next((p for p in self.places if p.start > item.end and p.place.kind in ("city", "town", "village")
                         and _TOLD_IN_GAP_RE.fullmatch(self.text, item.end, p.start)), None)
            # "the northern Iraqi town of Shirqat": a looser spelling (Ash Sharqat) in the country the text owns it to
            owned = item.reason.startswith("the text puts it in")
            owner = next((c.code for c in reversed(countries) if 0 <= c.end <= item.start and item.start - c.end <= 60),
                         None) if owned else None
            found = self._respelling(item.text, owner or (told.place.country if told is not None else top))
            if found is None or self._far_from_the_text(found) or (owned and _fold_name(found.name) == (
                    _fold_name(item.text))):
                continue  # (a place of the very name the text owns elsewhere was refused for a reason: "La Victoria")
            cue_after = (_AREA_AFTER_RE.match(self.text, item.end) or re.match("", "")).group(0).strip().lower()
            out.append(PlaceMention(item.start, item.end, found, item.text.lower(), 1, "in", cue_after, True, (),
                                    f"another spelling of {found.name}, in {found.country_name}, the country the text "
                                    f"is about (not the place of that spelling elsewhere)"))
            rejected.remove(item)
        return out

    def _far_from_the_text(self, place: Any) -> bool:
        """True when ``place`` is a village outside the provinces the text names, or more than RESPELLED_KM from
        every town it names (a looser spelling so far off is another place: "the village of Tishanka" of a
        Belgorod story is not Verkhnyaya Tishanka in Voronezh)."""
        if place.kind != "village" and (place.population or 0) >= 10_000:
            return False  # (a town's looser spelling, "Naushki" for Nushki, may lie far from the story's other towns)
        provinces = {p.place.admin1 for p in self.places if p.place.kind == "admin1" and p.place.country == place.country}
        if provinces and place.admin1 not in provinces:
            return True  # (the text names the province it is in: "… in the Belgorod region")
        towns = {p.place.id: p.place for p in self.places if p.rank == 0 and p.place.kind in ("city", "town", "village")}
        # (two towns at least: a story filed from Kabul that names no other town says nothing of where Badghis is)
        return len(towns) >= 2 and all(_km(place.lat, place.lon, t.lat, t.lon) > RESPELLED_KM for t in towns.values())

    def _respelled_unlisted(self, unlisted: list[PlaceMention], countries: list[Any]) -> list[PlaceMention]:
        """An unlisted name coded only near the article's one town ("the district of Bal Murgahb" in a story
        filed from Kabul) is rather a looser spelling of a place of the country the text is about (Bala
        Murghab), when one alone fits."""
        top = self._top_country(countries)
        out: list[PlaceMention] = []
        for mention in unlisted:
            if top is None or "the only town the article names" not in mention.why:
                out.append(mention)
                continue
            name = self.text[mention.start : mention.end]
            found = self._respelling(name, top)
            if found is None or self._far_from_the_text(found):
                out.append(mention)
                continue
            out.append(PlaceMention(mention.start, mention.end, found, name.lower(), 1, mention.cue_before,
                                    mention.cue_after, True, (), f"another spelling of {found.name}, in "
                                    f"{found.country_name}, the country the text is about"))
        return out

    def _respelling(self, name: str, country: str) -> Any | None:
        """The one settlement of ``country`` that ``name`` is a close spelling of; None for none or two."""
        found = [m for m in self.gazetteer.search(name, country=country, limit=2, kind="settlement")
                 if m.score >= RESPELLED_SCORE]
        return found[0].place if len(found) == 1 else None

    def _top_country(self, countries: list[Any]) -> str | None:
        """The country the text is mostly about (60 % of its country evidence), or None."""
        weight: dict[str, float] = defaultdict(float)
        for mention in countries:
            weight[mention.code] += mention.weight
        for place in self.places:
            weight[place.place.country] += 0.5
        total = sum(weight.values())
        top = max(weight, key=weight.get) if weight else None
        return top if top is not None and weight[top] >= 0.6 * total else None

    def _acronym_places(self, blocked: list[tuple[int, int]]) -> list[PlaceMention]:
        """"University of Maiduguri (UNIMAID)" … "bombers attack UNIMAID": an acronym the text defines for a
        site of a town is that town wherever it is written again (not an actor's: "… (ISWAP)")."""
        out: list[PlaceMention] = []
        taken = {p.start for p in self.places}
        for match in _ACRONYM_RE.finditer(self.text):
            opening = match.start("abbr") - 1
            inside = [p for p in self.places if match.start() <= p.start and p.end <= opening and p.rank == 0
                      and p.proxy_start is None]
            if not inside or any(a < opening and match.start() < b for a, b in blocked):
                continue
            town, abbr = inside[-1], match.group("abbr")
            for again in re.finditer(rf"(?<![\w-]){re.escape(abbr)}(?![\w-])", self.text[match.end():]):
                start = match.end() + again.start()
                if start in taken:
                    continue
                out.append(replace(town, start=start, end=start + len(abbr), cue_before="", cue_after="",
                                   why=f"{abbr}, the acronym the text defines for {match.group('name')}, in "
                                       f"{town.place.name}"))
        return out

    def _capitals(self, countries: list[Any]) -> list[PlaceMention]:
        """"In the Somali capital", "in the capital": the capital city of the country named before "capital",
        else of the country the text points to most."""
        found = list(_CAPITAL_RE.finditer(self.text))
        if not found:
            return []
        from geo_events.gazetteer.sources import countries as country_table

        weight: dict[str, float] = defaultdict(float)
        for mention in countries:
            weight[mention.code] += mention.weight
        for place in self.places:
            weight[place.place.country] += 0.5
        top = max(weight, key=weight.get) if weight else None
        taken = [(p.start, p.end) for p in self.places]
        out: list[PlaceMention] = []
        for match in found:
            start, end = match.start("phrase"), match.end("phrase")
            who_end = match.end("who") if match.group("who") else start
            if any(a < end and start < b and not (start <= a and b <= who_end) for a, b in taken):
                continue
            code = next((m.code for m in countries if m.start == match.start("who")), None) if match.group("who") \
                else top
            if match.group("who") and code is None:
                continue  # "the regional capital", "the provincial capital": not a country's
            name = country_table().get(code or "", {}).get("capital") if code else None
            if not name:
                continue
            options = [m.place for m in self.gazetteer.lookup(name) if m.place.country == code
                       and m.place.kind in ("city", "town")]
            if not options:
                continue
            capital = max(options, key=lambda p: p.population or 0)
            out.append(PlaceMention(start, end, capital, name.lower(), 1, "in", "city", False, (),
                                    f"the capital of {capital.country_name}"))
        return out

    def _not_a_location(self, mention: PlaceMention, rejected: list[Rejected]) -> bool:
        text = self.text
        written = text[mention.start : mention.end]
        if mention.cue_after == "river" and mention.place.kind not in ("river", "region"):
            rejected.append(Rejected(mention.start, mention.end, written,
                                     f"a river the gazetteer does not list, not the {mention.place.kind} of that name"))
            return True
        if mention.cue_after in ADMIN2_CUES and mention.place.kind in SITE_PLACE_KINDS:
            # "the Shorabak district of the province": a district the gazetteer lacks, not Camp Shorabak
            rejected.append(Rejected(mention.start, mention.end, written,
                                     f"a {mention.cue_after} the gazetteer does not list, not the {mention.place.kind} "
                                     "of that name"))
            return True
        if mention.place.kind in SETTLEMENT_KINDS and _FACILITY_IN_TOWN_AFTER_RE.match(text, mention.end):
            # "the attack on the Somair mine, in the town of Arlit": the facility's own name (not Saumur, France);
            # the town after it says where
            rejected.append(Rejected(mention.start, mention.end, written, "the name of a facility in the town named after it"))
            return True
        if _WATER_OF_RE.search(text, max(0, mention.start - 20), mention.start):
            rejected.append(Rejected(mention.start, mention.end, written, "part of a sea's name (the Gulf of …)"))
            return True
        if self.dateline is not None and mention.place.kind in ("country", "admin1") and re.fullmatch(
                r",\s*", text[self.dateline.end : mention.start]) and re.match(
                r"(?:\s+[A-Z][a-z]+){0,2}\s*(?:,[^\n]{0,30}?)?(?:\([^)\n]*\)\s*)?[-–—]",
                text[mention.end : mention.end + 60]):
            # "DERNA, Libya —", "JENIN, West Bank (AP) —", "ERBIL, Kurdistan Region -": the dateline's country or
            # province
            rejected.append(Rejected(mention.start, mention.end, written, "part of a dateline: where the report was filed"))
            return True
        line_start = text.rfind("\n", 0, mention.start) + 1
        if _BYLINE_BEFORE_RE.fullmatch(text, line_start, mention.start) and re.match(r"[ \t]*(?:\n|$)", text[mention.end:]):
            # "By Ndahi Marama, Maiduguri": where the reporter writes from
            rejected.append(Rejected(mention.start, mention.end, written, "a byline: where the reporter writes from"))
            return True
        if mention.place.kind in ("city", "town") and _AGENCY_DATELINE_AFTER_RE.match(text, mention.end):
            # "… kills three soldiers, two police Cotonou, June 5 (AFP) Jun 05, 2025 Three soldiers …": a page
            # flattened to one line keeps its dateline mid-line; the agency after the date says what it is
            rejected.append(Rejected(mention.start, mention.end, written, "a dateline: where the report was filed"))
            if self.dateline is None:
                self.dateline = mention
            return True
        if (not text[line_start : mention.start].strip() or (written.isupper() and _DATELINE_PEERS_RE.fullmatch(
                text, line_start, mention.start)) or _STAMP_PREFIX_RE.fullmatch(text, line_start, mention.start)) and (
                # (its agency and date in brackets after it say so alone: "Bamako, (APP - … - 7th Aug, 2023 ) :")
                _BRACKETED_SOURCE_AFTER_RE.match(text, mention.end) or ((
                    _DATELINE_RE.match(text[mention.start :]) or (
                        written.isupper() and _DATED_DATELINE_RE.match(text, mention.start))) and (
                    written.isupper() or re.match(r"\s*(?:\([^)]*\)\s*)?[-–—]", text[mention.end : mention.end + 40])
                    or _TITLE_DATELINE_AFTER_RE.match(text, mention.end)))):
            rejected.append(Rejected(mention.start, mention.end, written, "a dateline: where the report was filed"))
            if self.dateline is None and mention.place.kind in ("city", "town"):
                self.dateline = mention
            return True
        if text[max(line_start, mention.start - 3) : mention.start].rstrip(" ").endswith(":") and (
                written in self.headline_sources or re.match(r"[ \t]*(?:$|[-–—|])", text[mention.end : mention.end + 3],
                                                             re.MULTILINE)) and (
                mention.place.kind == "country" or self._is_capital(mention.place)):
            # "Four soldiers killed after shelling by Azerbaijan: Yerevan": the headline's source, not a place
            self.headline_sources.add(written)
            rejected.append(Rejected(mention.start, mention.end, written, "a headline's source (a capital after a colon)"))
            return True
        if _MINISTRY_IN_BEFORE_RE.search(text, max(0, mention.start - 50), mention.start) and _SAID_AFTER_RE.match(
                text, mention.end):
            # "The Palestinian Ministry of Health in Ramallah said Israeli troops killed eight": where it sits
            rejected.append(Rejected(mention.start, mention.end, written, "the seat of a ministry that reported it"))
            return True
        if _OFFICE_OF_BEFORE_RE.search(text, max(0, mention.start - 60), mention.start) or _POLICE_RANGE_AFTER_RE.match(
                text, mention.end):
            # "Hassan Fanah, the intelligence commander of Mogadishu's Kahda district, was injured": who he is
            rejected.append(Rejected(mention.start, mention.end, written, "the area of someone's office, not where it happened"))
            return True
        if self._is_capital(mention.place) and _GOVERNMENT_SPEAKS_AFTER_RE.match(text, mention.end) and not (
                _IN_THE_CAPITAL_BEFORE_RE.search(text, max(0, mention.start - 40), mention.start)) and (
                mention.cue_before not in ("in", "near", "at", "outside", "around", "into", "on")):
            # "…, Baku claims 'responding to sabotage'", "Kyiv denies …": the government, whatever its actors list
            rejected.append(Rejected(mention.start, mention.end, written, "a capital standing for its government"))
            return True
        part_of = _PART_OF_BEFORE_RE.search(text, max(0, mention.start - 30), mention.start)
        if mention.start in self.actor_starts and part_of is None and not _IN_THE_CAPITAL_BEFORE_RE.search(
                text, max(0, mention.start - 40), mention.start) and not _PART_OF_CITY_BEFORE_RE.search(
                text, max(0, mention.start - 40), mention.start) and mention.cue_before not in (
                "in", "near", "at", "outside", "around", "into", "on", "town", "city", "struck", "hit", "targeted",
                "shelled", "bombed"):
            if _HIT_AFTER_RE.match(text[mention.end : mention.end + 40]) or _SITE_AFTER_RE.match(text, mention.end):
                return False  # "Damascus was hit by Israeli missiles": the city itself
            rejected.append(Rejected(mention.start, mention.end, written, "a capital standing for its government"))
            return True
        if mention.place.kind in ("city", "admin1", "country") or (mention.place.population or 0) > 500_000:
            if mention.cue_before not in ("in", "near", "at", "outside", "around", "into", "on", "targeting",
                                          "hit", "struck", "shelled", "town", "city", "village") or _CALL_ON_RE.search(
                    text, max(0, mention.start - 16), mention.start):
                after = text[mention.end : mention.end + 40]
                before = text[max(0, mention.start - 30) : mention.start]
                metonym_before = _METONYM_BEFORE_RE.search(before)
                if metonym_before and metonym_before.group(0).strip().lower() == "between" and not (
                        mention.place.kind == "country" or self._is_capital(mention.place)):
                    metonym_before = None  # "between Gao and Ansongo": a stretch of road, not talks between capitals
                if _METONYM_AFTER_RE.match(after) or metonym_before:
                    rejected.append(Rejected(mention.start, mention.end, written,
                                             "a capital or city standing for its government or a party"))
                    return True
        return False

    def _in_a_name(self, trigger: Trigger) -> bool:
        """"Sudan Liberation Movement", "Operation Inherent Resolve": a capitalised trigger word inside a
        proper name (capitalised neighbours, not at a sentence start, not in a title-case headline)."""
        text = self.text
        if not text[trigger.start : trigger.start + 1].isupper():
            return False
        line_start = text.rfind("\n", 0, trigger.start) + 1
        line = text[line_start : text.find("\n", trigger.start) if "\n" in text[trigger.start:] else len(text)]
        words = re.findall(r"[A-Za-z][\w'’-]*", line)
        if words and sum(w[0].isupper() for w in words) >= 0.7 * len(words):
            return False  # a title-case headline
        before = re.search(r"([A-Za-z][\w'’-]*)[ ]?$", text[max(line_start, trigger.start - 30) : trigger.start])
        after = re.match(r"\W*([A-Za-z][\w'’-]*)", text[trigger.end : trigger.end + 30])
        # (after a wire dateline's dash, "ERBIL, Iraq (AP) - Rockets struck …", a sentence starts too)
        sentence_start = re.search(r"(?:^|[.!?:\n]\s*|[\"“‘(]\s*|\s[-–—]\s+)$",
                                   text[max(0, trigger.start - 4) : trigger.start])
        capital_before = before is not None and before.group(1)[0].isupper() and not sentence_start and (
            before.group(1) not in _ARTICLE_WORDS)  # "An IED struck …": an article, not a name
        capital_after = after is not None and after.group(1)[0].isupper()
        return capital_before or (capital_after and not sentence_start)

    def _clause_text(self, offset: int) -> str:
        """The text of the clause holding ``offset`` ("" between clauses)."""
        index = bisect_left(self.clause_starts, offset + 1) - 1
        clause = self.clauses[index] if index >= 0 else None
        return self.text[clause.start : clause.end] if clause is not None and offset < clause.end else ""

    def _move_unlisted(self) -> None:
        """An unlisted village placed by a distance ("X, 30 km north of Djibo") sits where the text puts it."""
        by_start = {p.start: p for p in self.places}
        for i, mention in enumerate(self.places):
            if not mention.approximate or self.role.get(mention.proxy_start or -1) != "reference":
                continue
            moved = self._offset(by_start[mention.proxy_start])
            if moved.place.lat == mention.place.lat and moved.place.lon == mention.place.lon:
                continue
            place = replace(mention.place, lat=moved.place.lat, lon=moved.place.lon,
                            geometry={"type": "Point", "coordinates": [moved.place.lon, moved.place.lat]})
            self.places[i] = replace(mention, place=place, why=f"{mention.why}; at {moved.place.name} as the text says")

    def _role(self, place: PlaceMention) -> str:
        """"reference" ("40 km east of X"), "origin" ("fighters from X", "fled to X"), "context" ("the war in X")
        or "location"."""
        before = self.text[max(0, place.start - 60) : place.start]
        if _DISTANCE_FROM_RE.search(before):
            return "reference"  # "some 20 miles from Kandahar": near it, not someone from it
        if _ORIGIN_BEFORE_RE.search(before):
            return "origin"
        if (person := _PERSON_OF_BEFORE_RE.search(before)) and not (
                {w.lower() for w in person.group(1, 2)} & _NOT_PERSON_WORDS) and self._placed_later_in_sentence(place):
            return "origin"  # "Abdul Sattar of Qila Abdullah was shot dead in Quetta": his home, not the place
        if (speaker := _SPEAKER_IN_BEFORE_RE.search(before)) and (
                _SPEECH_AFTER_PLACE_RE.match(self.text, place.end) or _SPEECH_VERB_BEFORE_RE.search(
                    self.text, max(0, (speaker_at := place.start - len(before) + speaker.start()) - 30), speaker_at)):
            return "origin"  # "…,” a military officer in Maiduguri told AFP: where the speaker is, not the incident
        if _TOLD_OUTLET_IN_BEFORE_RE.search(before):
            return "origin"  # "…, told The Associated Press in the capital, Sanaa, that 70 were killed": where he spoke
        if _RESIDENT_OF_BEFORE_RE.search(before) and self._placed_before(place):
            return "origin"  # "… at the Lachi checkpost. One civilian of Lakki Marwat was also killed": his home
        if _WAR_IN_BEFORE_RE.search(before):
            return "context"  # "since the start of the war in Gaza": the war's theatre, not this incident's place
        if _ACCORD_AFTER_RE.match(self.text, place.end):
            return "context"  # "artillery banned under the Minsk agreement": an accord's name, not where
        if _BORDER_AFTER_RE.match(self.text, place.end) and _BORDER_BEFORE_RE.search(before):
            return "context"  # "communities near the Gaza border": along a border, not in the city it is named after
        if _SAID_IN_BEFORE_RE.search(before):
            return "origin"  # "…, the ministry said on Sunday in Tripoli": where the statement was made
        previous = self._previous_place.get(place.start)
        if previous is not None and self.role.get(previous.start) == "origin" and _LIST_GAP_RE.match(
                self.text[previous.end : place.start]):
            return "origin"  # "diplomats from Washington, London and Paris": all three are origins
        if _REFERENCE_BEFORE_RE.search(before):
            return "reference"
        return "location"

    def _placed_before(self, place: PlaceMention) -> bool:
        """True when a place named in the two sentences before ``place`` (or earlier in its own) is a location."""
        first = self.prepared.sentence_index(place.start) - 2
        return any(other.start < place.start and self.role.get(other.start) == "location"
                   and self.prepared.sentence_index(other.start) >= first for other in self.places)

    def _placed_later_in_sentence(self, place: PlaceMention) -> bool:
        """True when the sentence of ``place`` goes on to say where something happened ("… in X", "at X")."""
        sentence = self.prepared.sentence_at(place.start)
        end = sentence.end if sentence is not None else len(self.text)
        return any(other.start > place.end and _AT_BEFORE_RE.search(self.text, max(0, other.start - 12), other.start)
                   for other in self._in(self.places, place.end, end))

    # ------------------------------------------------------------------ mentions
    def _in(self, items: list[Any], start: int, end: int, key: Any = lambda x: x.start) -> list[Any]:
        """The items of a list sorted by offset whose offset lies in ``[start, end)`` (binary search)."""
        starts = self._starts.get(id(items))
        if starts is None or len(starts) != len(items):
            starts = [key(item) for item in items]
            self._starts[id(items)] = starts
        return items[bisect_left(starts, start) : bisect_left(starts, end)]

    def _refine_previous(self, previous: Mention, clause: Clause, places: list[tuple[PlaceMention, str]]) -> None:
        """A clause about the incident just reported ("the attack happened in X on Monday") may place and date
        it better than the clause that reported it."""
        if places and places[0][0].rank < previous.place.rank and (
                places[0][0].place.country == previous.place.place.country):
            previous.place, previous.place_how = places[0][0], "the sentence that says where the incident happened"
        dated = self._date(clause)
        if dated is not None and (not previous.own_date or (
                self._statement_date(previous.date_mention) and not self._statement_date(dated[2])) or (
                # ("… took place in Kumba in October 2020" ¶ "Around noon on 24 October 2020, men stormed the school")
                dated[1] == "day" and previous.precision != "day" and _within(dated[0], previous))):
            previous.day, previous.precision, previous.date_mention, previous.date_how = dated
            previous.own_date = True

    @cached_property
    def live_blog(self) -> bool:
        """True for a live blog: entries headed by clock times ("10:42 GMT - …"), each reported the same day."""
        return len(_LIVE_ENTRY_RE.findall(self.text)) >= 2

    def _date_under_headings(self, anchor: date | None) -> None:
        """"Tuesday, February 20, 2018" ¶ "An explosion rocked Jalalabad at around noon today": on a listing page of
        dated entries, "today", "yesterday" and weekdays are read against the entry's own date, not the page's."""
        if anchor is None:
            return
        for index, mention in enumerate(self.dates):
            if mention.kind not in ("relative", "weekday") or mention.date is None:
                continue
            heading = self._date_heading(mention.start)
            if heading is None or heading.kind != "absolute" or heading.precision != "day" or not (
                    0 < (anchor - heading.date).days <= 31):
                continue
            if mention.kind == "weekday":
                told = heading.date - timedelta(days=(heading.date.weekday() - mention.date.weekday()) % 7)
            else:
                told = heading.date + (mention.date - anchor)
            self.dates[index] = replace(mention, date=told)
            self.__dict__.pop("_date_headings", None)  # (the headings were read from the dates before this one)

    @cached_property
    def _date_headings(self) -> list[DateMention]:
        """Dates written alone on their line ("January 4", "23 May:"): the headings of a timeline's entries."""
        out = []
        for mention in self.dates:
            line_start = self.text.rfind("\n", 0, mention.start) + 1
            line_end = self.text.find("\n", mention.end)
            line = self.text[line_start : len(self.text) if line_end < 0 else line_end]
            # (a wiki page's section heading keeps its markup, "===2 May==="; its edit link is blanked by
            # text.prepare_text)
            # (its weekday may lead it: "Tuesday, February 20, 2018" over a listing page's entry)
            if mention.date is not None and _WEEKDAY_LEAD_RE.sub("", line.strip(" \t:–—-*#|=")) == mention.text.strip():
                out.append(mention)
            elif mention.date is not None and mention.kind == "absolute" and _TITLED_ENTRY_RE.fullmatch(
                    line, mention.start - line_start) and not self.text[line_start : mention.start].strip(" \t*#|") and (
                    not _STAMP_LINE_RE.search(line)):  # ("May 26, 2016 / 1:19 PM / a year ago": a page's stamp)
                # "May 13 Nangarhar Province: four civilians killed" ¶ "Four civilians were killed when …": a casualty
                # report's entry title, its day first, over the paragraph that tells it
                out.append(mention)
        return out

    @cached_property
    def _quotes(self) -> list[tuple[int, int]]:
        """The spans of direct speech (“…” or "…", within a paragraph), in text order."""
        return [(m.start(), m.end()) for m in _QUOTE_RE.finditer(self.text)]

    def _quoted(self, offset: int) -> bool:
        """True when ``offset`` lies inside direct speech."""
        index = bisect_left(self._quotes, (offset + 1, -1)) - 1
        return index >= 0 and self._quotes[index][0] <= offset < self._quotes[index][1]

    @cached_property
    def _section_headings(self) -> list[tuple[int, bool]]:
        """Short heading lines (no final stop) in text order, as ``(offset, True when the section is background:
        "Background", "Clash Background", "Context", "History")``."""
        out = []
        for found in _HEADING_LINE_RE.finditer(self.text):
            line = found.group(1).strip()
            if line and (len(line) <= 40 or _LONG_HEADING_RE.fullmatch(line)) and line[-1] not in ".!?:,;\"”":
                out.append((found.start(1), bool(_BACKGROUND_HEADING_RE.search(line))))
        return out

    def _under_background_heading(self, start: int) -> bool:
        """True when the last heading line before ``start`` opens a background section."""
        index = bisect_left(self._section_headings, (start, False)) - 1
        return index >= 0 and self._section_headings[index][1]

    def _date_heading(self, start: int) -> DateMention | None:
        """The last date heading before ``start``, if any."""
        before = self._in(self._date_headings, 0, start)
        return before[-1] if before else None

    def _statement_date(self, mention: DateMention | None) -> bool:
        """"… residents told AFP yesterday": the day a statement was made, not the incident's."""
        return mention is not None and bool(_STATEMENT_BEFORE_RE.search(
            self.text[max(0, mention.start - 40) : mention.start]) or self._talks_date(mention) or (
            _UPDATE_BEFORE_RE.search(self.text, max(0, mention.start - 14), mention.start)) or (
            _STATEMENT_OF_DAY_RE.match(self.text, mention.end))
            or _STATEMENT_VERB_AFTER_RE.match(self.text, mention.end))

    def _talks_date(self, mention: DateMention) -> bool:
        """"… after a phone call between Erdogan and Trump on Sunday": the day of talks, not of an incident."""
        return bool(_TALKS_BEFORE_RE.search(self.text, max(0, mention.start - 90), mention.start))

    def _incident_named_by_day(self) -> DateMention | None:
        """The first weekday that names an incident ("Saturday's attacks", "Sunday's bombing") within a week
        before the anchor; None when the text has none."""
        for mention in self.dates:
            if mention.kind == "weekday" and _DAYS_INCIDENT_RE.match(self.text, mention.end) and (
                    self.anchor is None or 0 <= (self.anchor - mention.date).days <= 7):
                return mention
            # "at the time of the Feb. 13 attack": a written day naming the incident, within two months
            if mention.kind == "absolute" and mention.precision == "day" and mention.date is not None and (
                    _DATED_INCIDENT_RE.match(self.text, mention.end)) and self.text[
                    max(0, mention.start - 4) : mention.start].lower() == "the " and (
                    self.anchor is None or 0 <= (self.anchor - mention.date).days <= 62):
                return mention
        return None

    @cached_property
    def _only_day(self) -> DateMention | None:
        """The one day a short story gives, in a clause that tells no incident ("gunmen were waiting for them
        Monday" before "the convoy was ambushed in X"), within a week before the anchor; None when the text
        gives no day or several."""
        captions = [(c.start, c.end) for c in self.clauses if c.caption or c.headline]
        days = [d for d in self.dates if d.precision == "day" and not self._statement_date(d)
                and not self._quoted(d.start) and not any(a <= d.start < b for a, b in captions)]
        if not days or len({d.date for d in days}) != 1 or self.anchor is None or not (
                0 <= (self.anchor - days[0].date).days <= 7):
            return None
        return days[0]

    def _first_statement_day(self) -> DateMention | None:
        """The first day a statement about the incident was made ("the ministry said on Friday"), within a
        week before the anchor; None when the text has none."""
        for mention in self.dates:
            if mention.precision == "day" and self._statement_date(mention) and (
                    self.anchor is None or 0 <= (self.anchor - mention.date).days <= 7):
                return mention
        return None

    def _first_incident_date(self, after: Clause | None, skip_statements: bool = False) -> tuple[
            date, str, DateMention | None] | None:
        """The date of the first clause after ``after`` (None: of the whole text) that reports an incident with its
        own date ("overnight US air strikes …"): what an undated lead ("strikes kill 100") is about.
        ``skip_statements``: a statement's day ("…, officials said on Wednesday") is no incident's own date."""
        for clause in self.clauses:
            if (after is not None and clause.start <= after.start) or clause.caption or clause.headline:
                continue
            if not self._in(self.triggers, clause.start, clause.end):
                continue
            own = [d for d in self._incident_dates(clause.start, clause.end) if d.precision == "day"
                   and d.date is not None
                   and not (self._statement_date(d) if skip_statements else self._talks_date(d))]
            body = self.text[clause.start : clause.end]
            if own and not _BACKGROUND_RE.search(body) and not _HABIT_RE.search(body):
                if self.anchor is None or 0 <= (self.anchor - own[0].date).days <= 7:
                    return own[0].date, own[0].precision, own[0]
        return None

    def _foreign_state_in(self, clause: Clause) -> bool:
        """True when the sentence of ``clause`` names a state's forces with no home theatre in the actor list
        (``countries`` empty: a foreign force, "Russian attacks" in Ukraine), not a government at home."""
        sentence = self.prepared.sentences[clause.sentence]
        # (not at home: "Russian Telegram channels" on "the attack on Dagestan", a republic of Russia)
        homes = {p.place.country_name for p in self._in(self.places, clause.start, clause.end) if p.place.country_name}
        return any(m.actor.kind == "state" and not m.actor.countries and not (
            homes and all(h in m.actor.name for h in homes))
                   for m in self._in(self.actor_mentions, sentence.start, sentence.end))

    @cached_property
    def _body_incident(self) -> tuple[date, str, DateMention | None] | None:
        """The day of the body's first incident told with a date of its own that is not a statement's."""
        return self._first_incident_date(None, skip_statements=True)

    def _article_weapon(self) -> str | None:
        """The remote-violence type the article keeps naming ("daily shelling"), for deaths with no weapon."""
        totals: dict[str, float] = defaultdict(float)
        weak: dict[str, int] = defaultdict(int)
        for trigger in self.triggers:
            if trigger.weight >= 4 and trigger.sub_event_type in _WEAPON_SUBS:
                totals[trigger.sub_event_type] += trigger.weight
            elif trigger.weight >= 2.5 and trigger.sub_event_type in _WEAPON_SUBS:
                weak[trigger.sub_event_type] += 1
        best = max(totals.items(), key=lambda kv: kv[1], default=None)
        fighting = sum(t.weight for t in self.triggers if t.sub_event_type == "Armed clash" and t.weight >= 3)
        if best and best[1] >= 4 and fighting <= 1.5 * best[1]:
            # (a page of clashes that hears "loud explosions" once does not kill its dead by explosives)
            return best[0]
        # "Russian strikes against …" three times and no fighting on the ground: the article's weapon too
        often = max(weak.items(), key=lambda kv: kv[1], default=None)
        if often and often[1] >= 3 and not any(t.sub_event_type == "Armed clash" and t.weight >= 3 for t in self.triggers):
            return often[0]
        return None

    @cached_property
    def title_place(self) -> PlaceMention | None:
        """The most specific place the title names when the title is not part of the text (offsets -1)."""
        title = (self.article.title or "").strip()
        if not title or title.casefold() in self.text.casefold():
            return None
        # words of an actor's name in the headline are no place ("Dawlah Islamiyah camp" is not Eslamiyeh, Iran)
        blocked = sorted((m.start, m.end) for m in self.actors.find(TokenText.of(title), title))
        raw = find_place_candidates(title, self.gazetteer, blocked)
        found = [p for p in resolve_places(title, raw, self.countries) if p.place.kind != "country"]
        if not found:
            return None
        best = min(found, key=lambda p: (p.rank, p.start))
        return replace(best, start=-1, end=-1, why=best.why + "; named in the headline")

    def _list_intro_date(self, clause: Clause) -> DateMention | None:
        """The day of the sentence introducing the list a clause is an item of ("SOHR documented the following
        on Thursday:" dates each item below it), or ``None``."""
        line_start = self.text.rfind("\n", 0, clause.start) + 1
        if not _LIST_ITEM_RE.match(self.text, line_start):
            return None
        colon = self.text.rfind(":\n", max(0, line_start - 1500), line_start)
        if colon >= 0 and "\n\n\n" not in self.text[colon:line_start]:
            intro_start = self.text.rfind("\n", 0, colon) + 1
            days = [d for d in self._in(self.dates, intro_start, colon + 1) if d.precision == "day"]
            if days:
                return days[-1]
        return self._heading_date(line_start)

    def _heading_date(self, line_start: int) -> DateMention | None:
        """The date of a heading line above a run of list items ("Daily summary — 20 March", "20 March"): a short
        line with a day's date and no sentence, with only items (or blank lines) between it and the item."""
        end = line_start - 1
        for _ in range(40):
            if end <= 0:
                return None
            start = self.text.rfind("\n", 0, end) + 1
            line = self.text[start:end]
            if line.strip() and not _LIST_ITEM_RE.match(line):
                days = [d for d in self._in(self.dates, start, end) if d.precision == "day"]
                if days and len(line.strip()) <= HEADING_CHARS and not line.rstrip().endswith("."):
                    return days[-1]
                return None
            end = start - 1
        return None

    def _recent_place(self, clause: Clause) -> PlaceMention | None:
        """The last town named before the clause, within three paragraphs: what "the city" refers to."""
        for place in reversed(self.places):
            if place.start >= clause.start:
                continue
            if len(_PARAGRAPH_START_RE.findall(self.text, place.start, clause.start)) > 3:
                return None  # (paragraphs, however many blank lines part them)
            if place.rank == 0 and self.role[place.start] == "location":
                return place
        return None

    def _repeated_line(self, line_start: int, line: str) -> bool:
        """True for a photo's text told twice on consecutive lines (its alt text, then its caption with a credit):
        "A refugee camp in Bangui, the capital …" ¶ "A refugee camp in Bangui, the capital … (AP)"."""
        own = line.strip()
        if len(own) < 20 or own[-1:] in ".!?\"”":
            return False
        before_end = line_start - 1
        before = self.text[self.text.rfind("\n", 0, max(0, before_end)) + 1 : max(0, before_end)].strip()
        after_start = line_start + len(line) + 1
        after_end = self.text.find("\n", after_start)
        after = self.text[after_start : len(self.text) if after_end < 0 else after_end].strip()
        return after.startswith(own) or (len(before) >= 20 and own.startswith(before))

    @cached_property
    def _headline_town(self) -> PlaceMention | None:
        """The first town the headline names (in the text's headline line, or in a title kept apart)."""
        for clause in self.clauses:
            if clause.headline:
                towns = [p for p in self._in(self.places, clause.start, clause.end) if p.rank == 0]
                if towns:
                    return towns[0]
        return self.title_place

    def _in_caption(self, offset: int) -> bool:
        """True when ``offset`` lies in a photo caption (or a "Read more" line, a byline)."""
        index = bisect_right(self.clause_starts, offset) - 1
        return index >= 0 and self.clauses[index].caption and offset < self.clauses[index].end

    @cached_property
    def _only_town(self) -> PlaceMention | None:
        """The one town or village the text names as a location, when it names no other (nor any it cannot place)."""
        towns = [p for p in self.places if p.rank == 0 and self.role.get(p.start) == "location"]
        if not towns or len({p.place.id for p in towns}) > 1 or self.unplaced_names:
            return None
        return towns[0]

    def _acted_apart(self, first: PlaceMention, second: PlaceMention) -> bool:
        """True when a trigger of its own stands between two places of a clause ("jets struck targets in Kirkuk
        in the late afternoon and struck the stronghold of Hawija"): two actions, so neither place is the other's
        context."""
        low, high = (first, second) if first.start < second.start else (second, first)
        sentence = self.prepared.sentences[min(self.prepared.sentence_index(low.start),
                                               len(self.prepared.sentences) - 1)]
        # (each place its own verb: "In Hajjah, the coalition launched raids on Haradh" has one, for Haradh)
        if any(t.weight >= 2.5 for t in self._in(self.triggers, sentence.start, low.start)) and any(
                t.weight >= 2.5 for t in self._in(self.triggers, low.end, high.start)):
            return True
        # or each its own day: "took the regional capital of Kidal on 14 November and Aguelhok on 20 December"
        return self._dated_list_gap(low.end, high.start)

    def _violent_setting(self, place: PlaceMention) -> bool:
        """True when the clause naming ``place`` tells of violence there ("In Derna, the air force continues to
        target …"), not of a road or a route ("they blocked access from Pemba")."""
        index = bisect_right(self.clause_starts, place.start) - 1
        if index < 0:
            return False
        named_in = self.clauses[index]
        line_start = self.text.rfind("\n", 0, place.start) + 1
        if _SETTING_RE.fullmatch(self.text, line_start, place.start) and self.text.startswith(",", place.end):
            return True  # "In Derna, …" opening its paragraph: the scene of what the paragraph tells
        return any(t.weight >= 2.5 for t in self._in(self.triggers, named_in.start, named_in.end))

    def _mentions(self) -> list[Mention]:
        self.weapon = self._article_weapon()
        self.background_spans: list[tuple[int, int]] = []
        mentions: list[Mention] = []
        orphans: list[tuple[str, date, str, DateMention | None, dict[str, float]]] = []
        orphan_sites: dict[int, set[str]] = {}  # the sites an orphan's clause names ("a prison run by the rebels")
        dateline_lead: tuple[Any, Mention] | None = None  # the lead's orphan, and its mention at the dateline
        lead_place: PlaceMention | None = None
        lead_date: tuple[date, str, DateMention | None] | None = None
        previous: Mention | None = None
        unplaced_lead: tuple[Clause, dict[str, float], list[Trigger]] | None = None
        for clause in self.clauses:
            if clause.caption:
                continue
            triggers = self._in(self.triggers, clause.start, clause.end)
            body = self.text[clause.start : clause.end]
            if triggers and (asides := [(clause.start + a.start(), clause.start + a.end())
                                        for a in _PLACE_ASIDE_RE.finditer(body)]):
                # (what a place's description tells — "also liberated in 2022" — is not the clause's incident)
                triggers = [t for t in triggers if not any(a <= t.start < b for a, b in asides)]
            # ("… had warned the Iraqi government before the strikes": the strikes already told, named for when)
            triggers = [t for t in triggers if not _BEFORE_THE_RE.search(self.text, max(clause.start, t.start - 30), t.start)]
            places = self._locations(clause)
            if triggers and (about := next((p for p in self._in(self.places, clause.start, clause.end)
                                            if p.rank < 3 and p.end <= triggers[0].start
                                            and _WHICH_AFTER_RE.match(self.text, p.end)), None)) is not None:
                # "… 30 km southwest of Indaw town, which the militia captured on Monday": what the relative clause
                # tells happened at the place it hangs on
                places = [(about, "the place the relative clause tells of")]
            if places and previous is not None and clause.sentence - previous.clause.sentence <= 2 and all(
                    (road := _ROAD_END_RE.match(self.text, p.end)) is not None
                    and previous.place.key and previous.place.key in self.low[p.start : road.end()]
                    for p, _how in places):
                # "… a strike targeting a car in Naqura … a vehicle was targeted by a strike on the Tyre-Naqura
                # road": the road's end where the incident was just reported, not its other end
                places = [(previous.place, "the end of the road the incident was just reported at")]
            if lead_place is None and places and not clause.caption:
                lead_place = places[0][0]
            casualties = self._in(self.casualties, clause.start, clause.end, key=lambda o: o)
            # a bulletin's per-town toll right after a strike or shelling it told ("Russian attacks on X Oblast
            # injured four. A man was injured in A, two women were wounded in B"): that incident's weapon
            # (the toll may follow a few sentences later, past others that tell no incident: "Two were killed by
            # Russian attacks in Kupiansk. A house was damaged, he added. In the village of Podoly, a woman was wounded")
            weapon_here = self.weapon or (_weapon_just_told(previous, clause, 3) if casualties else None)
            if casualties and (not triggers or classify(_trigger_scores(triggers)) is None) and (
                    first := _KILLED_RE.search(body) or _KILLING_RE.search(body) or (
                        places and weapon_here is not None and _WOUNDED_RE.search(body))):
                # "nine volunteers were killed in Bourzanga": a death with no weapon named (ACLED codes it
                # by its victims: a clash, or violence against civilians), also beside words that make no event
                # of their own ("… and hundreds were treated for tear gas inhalation")
                # (the article's weapon only for a death told with no trigger word at all: "an attack by ISIS cells
                # on their positions killed two" in a bulletin of air strikes is still fighting)
                weapon = weapon_here if not triggers else None
                triggers = [*triggers, Trigger(clause.start + first.start(), clause.start + first.end(),
                                               weapon or "Armed clash", 2.0)]
            if (triggers or places) and self.weapon in ("Air/drone strike", "Shelling/artillery/missile attack") and all(
                    t.weight < 3.0 for t in triggers) and (bare := _BARE_STRIKES_RE.search(body)):
                # "the strikes hit the army's air base in Kenana" in a story of drone strikes: the article's weapon,
                # not fighting on the ground
                triggers = [*triggers, Trigger(clause.start + bare.start(), clause.start + bare.end(), self.weapon, 3.0)]
            if not triggers:
                told = _TOOK_PLACE_RE.match(body) if places else None
                if told is not None:
                    # "It took place in Lower Shabelle, on the outskirts of Marka": where the incident just
                    # reported (or the lead's, which named no place) happened
                    here = min(places, key=lambda p: p[0].rank)
                    if previous is not None:
                        self._refine_previous(previous, clause, [here])
                    elif orphans and here[0].rank < 3:
                        previous = _placed_orphan(orphans.pop(), clause, here[0],
                                                  "the clause that says where the incident took place", [])
                        mentions.append(previous)
                elif places and orphans and (site := self._site_told_again(
                        clause, body, places, orphan_sites.get(id(orphans[-1]), set()))) is not None:
                    # "A Saudi-led airstrike targeting a prison killed at least 70 detainees" ¶ "rescuers went through
                    # the prison site in the northern city of Saada": where the site the incident hit is
                    previous = _placed_orphan(orphans.pop(), clause, site, "the clause that names where its site is", [])
                    mentions.append(previous)
                elif not places and previous is not None and _IT_STARTED_RE.match(body) and (
                        dated := self._date(clause)) is not None and dated[0] is not None and previous.day is not None and (
                        not previous.own_date or self._statement_date(previous.date_mention)
                        or previous.day == self.anchor) and (
                        0 < (previous.day - dated[0]).days <= 3):
                    # "Heavy fighting has erupted in X, officials told reporters on Wednesday." ¶ "“It started
                    # yesterday evening …”": the incident began the day before it was reported
                    previous.day, previous.precision, previous.date_mention, previous.date_how = dated
                    previous.own_date = True
                continue
            if any(self.low.startswith(("attack", "targeted"), t.start) for t in triggers) and all(
                    t.weight < 3.0 and t.sub_event_type in ("Armed clash", "Attack") for t in triggers) and places and (
                    not _GROUND_WORDS_RE.search(body)) and self._foreign_state_in(clause):
                # "two women were killed by Russian attacks in Kupiansk": a foreign army's "attacks" on a town, with no
                # fighting on the ground told, are fire from afar (ACLED codes them as shelling)
                triggers = [*triggers, Trigger(triggers[0].start, triggers[0].end, "Shelling/artillery/missile attack", 4.5)]
            scores = _trigger_scores(triggers)
            if casualties and max(scores.values()) < 2.0:
                for sub in list(scores):
                    scores[sub] += 1.0
            if previous is not None and _SIMILAR_RE.search(body):
                # "two children were killed by similar Russian attacks on X": the weapon of the incident before
                scores = defaultdict(float, previous.scores)
            elif _BOMBER_RE.search(body) and _weapon_just_told(previous, clause, 3) in _BOMB_SUBS and (
                    not places or all(p.place.id == previous.place.place.id for p, _ in places)):
                # "Two suicide bombers detonated an IED at a wedding venue in Gwoza … the first bomber was carrying a
                # baby when she stormed the venue": the bomber's deeds are the bombing just told, not a clash
                scores = defaultdict(float, previous.scores)
            elif triggers and all(_CAME_UNDER_RE.match(self.low, t.start) for t in triggers) and (
                    not _GROUND_WORDS_RE.search(body)) and previous is not None and _weapon_just_told(previous, clause):
                # "Russian forces launched 12 attacks on Nikopol district. The city of Marhanets also came under
                # fire": the fire just told, not fighting on the ground
                scores = defaultdict(float, previous.scores)
            if classify(dict(scores)) is None:
                refers = _ANAPHORA_RE.search(body)
                # "The presidency said in a statement on its account that the attack was perpetrated on …"
                told_that = refers is not None and refers.start() >= 50 and bool(
                    _STATEMENT_THAT_RE.search(body, 0, refers.start()))
                if previous is not None and refers is not None and (refers.start() < 50 or told_that) and not (
                        _PRIOR_TO_RE.search(body, 0, refers.start())):
                    self._refine_previous(previous, clause, places)  # "The attack happened on Monday in Huyum, …"
                elif previous is None and lead_date is None and refers is not None and refers.start() < 50 and (
                        _BEGAN_RE.search(body)) and (told := self._date(clause)) is not None and told[0] is not None:
                    # an excerpt that opens mid-story: "The attack happened shortly after morning prayers on
                    # Sunday in X …", then tells what the gunmen did: the day of the incidents that follow
                    lead_date = (told[0], told[1], told[2])
                continue
            dated = self._date(clause)
            if dated is not None and previous is not None and previous.own_date and previous.day is not None and (
                    0 <= clause.sentence - previous.clause.sentence <= 1) and (
                    _ANAPHORA_RE.match(body) or _PLURAL_ANAPHORA_RE.match(body)) and all(
                    self._statement_date(d) for d in self._in(self.dates, clause.start, clause.end)):
                # "The strikes in the city hit three units …, the coalition said in a statement released on
                # Thursday": the incident just told, on its own day, not the statement's
                dated = (previous.day, previous.precision, previous.date_mention,
                         "the incident the clause refers back to (its own day is a statement's)")
            if not casualties and not self._in(self.dates, clause.start, clause.end) and not _DAYS_APART_RE.match(
                    body) and all(
                    _PRIOR_RE.search(self.text[max(clause.start, t.start - 30) : t.start]) for t in triggers):
                continue  # "… a campaign launched after a bombing in Istanbul": an earlier incident named in passing
            sentence = self.prepared.sentences[clause.sentence]
            came_after = None if self._in(self.dates, sentence.start, sentence.end) else _CAME_DAYS_AFTER_RE.search(
                self.text, sentence.start, max(clause.end, sentence.start))
            days_before = _DAYS_COUNT.get((came_after.group("count") or "").lower()) if came_after and (
                (came_after.group("unit") or "").lower().startswith("day")) else None
            if days_before is not None and previous is not None and previous.day is not None and places and (
                    previous.precision == "day") and dated is None:
                # "This incident comes one day after a similar attack on a shelter in Kadugli": the earlier
                # incident, on the day the text counts back to from the one just told
                dated = (previous.day - timedelta(days=days_before), "day", None,
                         f"{came_after.group(0)} the incident before it")
            elif came_after is not None:
                # "The massacre came a week after gunmen killed 58 people in X": an incident already reported
                # (but "The strikes, targeting the Abs district in Hajjah, came a few hours after …": where the
                # incident just reported hit, before the earlier one it came after)
                hit = [(p, how) for p, how in places if p.start < came_after.start() and p.rank < 3]
                if hit and previous is not None and previous.day is not None and (
                        _ANAPHORA_RE.match(body) or _PLURAL_ANAPHORA_RE.match(body)):
                    for place, _how in hit:
                        mentions.append(Mention(clause, place, "where the incident the clause refers to hit",
                                                previous.day, previous.precision, previous.date_mention,
                                                previous.date_how, dict(previous.scores), triggers, False))
                self.background_spans.append((clause.start, clause.end))
                self.out.diagnostics.append(Diagnostic(body[:80], "background, not coded",
                                                       "an earlier incident the new one came after", clause.start,
                                                       clause.end))
                continue
            if not self._in(self.dates, clause.start, clause.end) and all(
                    _STATEMENT_OF_RE.search(self.text, max(clause.start, t.start - 40), t.start) for t in triggers):
                if previous is None and orphans and (here := [p for p in places if p[0].rank < 3]):
                    # "Assailants killed 18 people in a village in eastern Congo on Wednesday night … The army
                    # confirmed the attack on Baeti village": the lead's incident, placed by the clause naming it
                    # ("the attack on Baeti village": what the confirmation calls it counts too)
                    previous = _placed_orphan(orphans.pop(), clause, here[0][0],
                                              "the clause that names the incident's place", triggers)
                    mentions.append(previous)
                continue  # "the spokesman in Gusau confirmed the attack": the incident already told, not in Gusau
            pluperfect = dated is None and all(_HAD_BEFORE_RE.search(self.text, max(clause.start, t.start - 30), t.start)
                                               for t in triggers) and not _REPORTED_THAT_RE.search(
                self.text, clause.start, triggers[0].start) and not _SAID_AT_END_RE.search(
                body)  # "X said that Armenia had struck …", "… had been fighting in Sake, the sources said": reported
            if pluperfect or self._is_background(clause, body, dated) or self._only_old_or_cumulative(
                    body, clause, triggers):
                self.background_spans.append((clause.start, clause.end))
                self.out.diagnostics.append(Diagnostic(body[:80], "background, not coded",
                                                       "an earlier event or a habit, not a new incident",
                                                       clause.start, clause.end))
                continue
            future = _FUTURE_RE.search(body)
            told_past_threat = future is not None and dated is not None and bool(_RELATIVE_BEFORE_RE.search(
                body, max(0, future.start() - 25), future.start())) and any(
                t.start - clause.start - future.end() >= 15 for t in triggers)
            if (dated is None and _HABIT_RE.search(_outside_asides(body, clause.start, triggers)) and not (
                    _LATEST_RE.search(self.text, clause.start, self.prepared.sentences[clause.sentence].end))) or (
                    future is not None and not told_past_threat):
                # ("X has been one of the most bombarded towns in recent weeks, with six killed in this latest wave
                # of strikes": a habit, and the latest incident of it)
                # (a dated incident told past a threat is still news: "an explosive planted by separatists who had
                # vowed to disrupt the ceremony exploded on Sunday")
                continue
            if dated is None and not places and (previous is not None or orphans) and self._quoted(clause.start):
                # "“armed men surrounded the village and shot at people,” the mayor said": a witness telling the
                # incident just reported, not a second one (a quote naming a place or a day of its own still counts)
                self.out.diagnostics.append(Diagnostic(body[:80], "not coded", "direct speech about the incident "
                                                       "already reported", clause.start, clause.end))
                continue
            own_date = dated is not None
            if dated is None:
                earlier = [d for d in self.dates if d.start < clause.start and
                           bisect_left(self.newlines, d.start) == clause.paragraph and d.precision == "day"]
                if earlier:
                    # "… over the past day, the administration reported on May 21. Explosions were recorded in
                    # …": the incident's day, not the report's
                    incident_days = [d for d in earlier if not self._statement_date(d)]
                    last = (incident_days or earlier)[-1]
                    dated = (last.date, last.precision, last, f"an earlier date in the paragraph ('{last.text}')")
                    if (previous is not None and previous.own_date and previous.day and previous.date_mention
                            is not None and previous.clause.paragraph == clause.paragraph and previous.clause.sentence
                            == self.prepared.sentence_index(last.start) and previous.date_mention is not last
                            and last.kind in ("overnight", "relative") and previous.date_mention.kind not in (
                                "overnight", "relative")):
                        # "fought near the airport on Monday after entering the city overnight. Gunfire was also
                        # heard in X": the incident before it, on its day, not the aside's
                        dated = (previous.day, previous.precision, previous.date_mention, "the mention before it")
                elif previous is not None and previous.day is not None and previous.date_mention is not None and (
                        _ANOTHER_INCIDENT_RE.match(body)):
                    # "… separate assassinations last night. … ¶ In yet another incident, X was shot on the road
                    # between A and B": one more incident of the same report, on the day just told
                    dated = (previous.day, previous.precision, previous.date_mention,
                             f"another incident of the report before it ('{previous.date_mention.text}')")
            if dated is None and (heading := self._date_heading(clause.start)) is not None:
                # a timeline's entries under a date on its own line ("January 4" ¶ "Jets struck …")
                dated = (heading.date, heading.precision, heading, f"the date heading its entry ('{heading.text}')")
                if _CLOCK_AFTER_RE.match(self.text, heading.end) and previous is not None and previous.own_date and (
                        previous.day is not None and previous.clause.start > heading.start):
                    # a page's stamp ("2019-05-09 00:00:00 - Source: …") heads the whole page: after a lead that
                    # dates its incident ("… late on Wednesday"), a paragraph telling it again keeps that day
                    dated = (previous.day, previous.precision, previous.date_mention, "the mention before it")
            if dated is None and previous is not None and previous.day and _SAME_DAY_RE.search(body):
                # "On the same day, the bombing of a shopping centre in X …": the day of the incident just told
                dated = (previous.day, previous.precision, previous.date_mention, "the same day as the mention before it")
            if dated is None:
                if self.article.published and self.anchor is not None and (previous is None or (
                        previous.clause.headline or not previous.own_date)) and not clause.headline and (
                        _JUST_HAPPENED_RE.search(body)) and not self.live_blog:
                    # "Intense fighting has broken out near Dhoqor, about 27 km south of Beledweyne" (then, "On
                    # Thursday, … in Garas Magan", another incident): the news of the day it was reported
                    dated = (self.anchor, "day", None, "the lead's news, told as just happened: the publication day")
                elif previous is not None and previous.clause.paragraph == clause.paragraph and previous.day:
                    dated = (previous.day, previous.precision, previous.date_mention, "the mention before it")
                elif previous is not None and self._heads(previous.clause, clause) and previous.day:
                    dated = (previous.day, previous.precision, previous.date_mention, "the heading of its entry")
                elif (intro := self._list_intro_date(clause)) is not None:
                    dated = (intro.date, intro.precision, intro, f"the date of the list it belongs to ('{intro.text}')")
                elif self.anchor is not None and self.article.published and self.live_blog:
                    dated = (self.anchor, "day", None, "an entry of a live blog: the publication day")
                elif lead_date is not None and self._statement_date(lead_date[2]) and (
                        first_dated := self._body_incident) is not None and (
                        first_dated[0] is not None and lead_date[0] is not None and (
                            0 < (lead_date[0] - first_dated[0]).days <= 7)) and not (
                        # (but "… issued a statement on Thursday citing a drone attack on a base in Sinjar district"
                        # ¶ "A drone targeted the headquarters in the center of Sinjar": the lead's incident told
                        # again, on the lead's day, not Tuesday's strike on a village told after it)
                        previous is not None and previous.day == lead_date[0] and previous.own_date and places
                        and not previous.place.approximate and any(
                            p.place.id == previous.place.place.id and not p.approximate for p, _ in places)):
                    # "… attacks killed one, authorities reported early on May 26" ¶ "… in Zalizne" ¶ "troops launched
                    # 10 attacks on May 25": the day the body gives the incidents, not the day they were reported
                    dated = (*first_dated, "the first dated incident of the article (the lead gives only the day "
                                           "of the report)")
                elif lead_date is not None:
                    dated = (*lead_date, "the article's lead")
                elif (first_dated := self._first_incident_date(clause)) is not None:
                    dated = (*first_dated, "the first dated incident of the article")
                elif (named := self._incident_named_by_day()) is not None:
                    # "… Saturday's attacks are said to be the largest yet": the day the text gives the incident
                    dated = (named.date, named.precision, named, f"the day the text names the incident by ('{named.text}')")
                elif (only := self._only_day) is not None:
                    dated = (only.date, only.precision, only, f"the only day the text gives ('{only.text}')")
                elif (reported := self._first_statement_day()) is not None:
                    # "… four servicemen were killed, the ministry said on Friday": with no day of its own, an
                    # incident is coded on the day it was first reported, not on the publication date
                    dated = (reported.date, reported.precision, reported,
                             f"no incident date: the day it was reported ('{reported.text}')")
                elif self.anchor is not None:
                    dated = (self.anchor, "week" if self.article.published else "month", None,
                             "no date in the text: the publication date" if self.article.published
                             else "no date in the text: the date anchor")
                else:
                    dated = (None, "day", None, "no date and no publication date")
            day, precision, date_mention, date_how = dated
            found_anaphora = _ANAPHORA_RE.search(body)
            anaphora = found_anaphora is not None and (found_anaphora.start() < 50 or _IN_THE_BEFORE_RE.search(
                body, 0, found_anaphora.start())) and not _PRIOR_TO_RE.search(body, 0, found_anaphora.start()) and not (
                # "Less than 24 hours after that attack on Marte, the insurgents attacked three more bases in …":
                # the incident it came after, named to date a new one
                _AFTER_THAT_RE.search(body, 0, found_anaphora.start()) and any(
                    t.start - clause.start > found_anaphora.end() + 8 and t.weight >= 2.5 for t in triggers))
            if anaphora and found_anaphora is not None and own_date and self._in(
                    self.casualties, sentence.start, sentence.end, key=lambda o: o) and (
                    after := _AFTER_RE.search(body, found_anaphora.end())) is not None and (
                    later := [t for t in triggers if t.start - clause.start > after.end()]) and (
                    its_days := [d for d in self._in(self.dates, clause.start + after.end(), clause.end)
                                 if d.precision == "day" and d.date is not None]):
                # "The attack is the third in 24 hours after security forces ended a raid on a hotel in Mogadishu
                # on Sunday evening where 16 people were killed": the incident it came after, on its own day
                triggers, scores, anaphora = later, _trigger_scores(later), False
                day, precision, date_mention = its_days[0].date, its_days[0].precision, its_days[0]
                date_how = f"a date in the clause ('{its_days[0].text}')"
            if anaphora and previous is None and not clause.headline and places and orphans and not own_date:
                # "A suicide bomber blew himself up … in the Bajaur district on Sunday. The blast ripped through
                # … in Khar": the incident reported without a known place, placed by the clause that refers to it
                event_type, day, precision, date_mention, orphan_scores = orphans.pop()
                scores = defaultdict(float, orphan_scores)
                own_date, date_how = True, "the incident the clause refers back to"
                anaphora = False
            elif anaphora and previous is None and not clause.headline and not (own_date and (
                    _BEGAN_RE.search(body) or (places and not self._statement_date(date_mention)))):
                continue  # "the drone attack targeted …" in a standfirst, before the incident is reported
                # (but "The attack began on Friday when gunmen stormed …" after a toll update, and "The strike
                # killed a commander in X on Friday" with its own place and day, are its first telling)
            if anaphora and found_anaphora is not None:
                other = [t for t in triggers if not (found_anaphora.start() <= t.start - clause.start < found_anaphora.end())
                         and not _PRIOR_RE.search(self.text[max(clause.start, t.start - 30) : t.start])]
                if other and any(t.weight >= 3 for t in other) and {t.sub_event_type for t in other} != {
                        t.sub_event_type for t in triggers if t not in other}:
                    # "the shelling followed clashes …": the clashes are news, the shelling is known
                    triggers = other
                    scores = defaultdict(float)
                    for trigger in other:
                        scores[trigger.sub_event_type] += trigger.weight
                    anaphora = False
            earlier_here = [p for p in self._in(self.places, sentence.start, clause.start) if p.rank <= 1 and
                            self.role.get(p.start) == "location"] if anaphora and not places and (
                previous is not None and previous.clause.sentence != clause.sentence) else []
            if earlier_here:
                # "the army attacked Druzhkivka …, as a result of the shelling a fire began": the shelling of the
                # town the sentence names, not of the one the sentence before reported
                places = [(earlier_here[-1], "named earlier in the sentence")]
                anaphora = False
            elsewhere = bool(places) and previous is not None and all(
                p.rank == 0 and self.role.get(p.start) == "location" and haversine_km(
                    p.place.lat, p.place.lon, previous.place.place.lat, previous.place.place.lon) > PAIR_KM
                for p, _ in places)  # "the deadly bombing of a shopping centre in Kharkiv": another town's incident
            if anaphora and previous is not None and previous.place.rank == 0 and not elsewhere and (
                    not own_date or previous.day == day):
                # "the attack targeted …", "the strike hit …": more about the incident just reported, of its kind
                # ("the village hit by the incursion" after gunmen beheaded its chief is no second, armed clash)
                site = next((p for p, _ in places if p.place.kind in SITE_PLACE_KINDS and found_anaphora is not None
                             and _ON_SITE_GAP_RE.fullmatch(self.text, clause.start + found_anaphora.end(), p.start)
                             and haversine_km(p.place.lat, p.place.lon, previous.place.place.lat,
                                              previous.place.place.lon) <= SITE_KM), None)
                if site is not None and previous.place.place.kind not in SITE_PLACE_KINDS:
                    # "… a drone attack on a parade in Lahj city … injured in the attack on al-Anad military base":
                    # the site the incident hit, nearer than the town that first placed it
                    previous.place, previous.place_how = site, "the site the clause that refers back to it names"
                places = [(previous.place, "the incident the clause refers back to")]
                own_kind, before = classify(dict(scores)), classify(dict(previous.scores))
                if own_kind is not None and before is not None and own_kind[:2] == ("Battles", "Armed clash") and (
                        before[0] in ("Violence against civilians", "Explosions/Remote violence")) and own_kind[2] < 5.0:
                    # ("the attack on the base" after a drone attack on it is that strike, not fighting)
                    scores = defaultdict(float, previous.scores)
                if not own_date:
                    day, precision, date_mention, date_how = (previous.day, previous.precision,
                                                              previous.date_mention, "the incident it refers to")
            if anaphora and previous is not None and own_date and (not places or (
                    self._statement_date(previous.date_mention) and not self._statement_date(date_mention))):
                # "The attack took place on Wednesday near Tamou" (a village no gazetteer lists), "The fighting
                # erupted on Monday" after "… killed 55, the centre said on Wednesday": the incident just
                # reported, dated better than by the statement that reported it
                self._refine_previous(previous, clause, places)
                continue
            separate = bool(_SEPARATE_RE.match(body))
            if not places and separate:
                continue  # "In a separate attack, …" with no place of its own: not the place before it
            if not places and self._in(self.unplaced_names, clause.start, clause.end, key=lambda o: o):
                if own_date and day is not None and previous is not None and previous.day is not None and (
                        self._statement_date(previous.date_mention)) and 0 < (previous.day - day).days <= 7 and (
                        clause.sentence - previous.clause.sentence <= 3):
                    # "gunmen killed 23 in central Mali, officials said Sunday … killed dozens in the village of
                    # X on Friday" (a village no gazetteer lists): the incident just reported, on its own day
                    self._refine_previous(previous, clause, [])
                elif lead_date is None and own_date and day is not None and not clause.headline:
                    lead_date = (day, precision, date_mention)  # the story's day, though its place is unknown
                self.out.diagnostics.append(Diagnostic(body[:80], "no location", "the place it names is not in the "
                                                       "gazetteer and nothing beside it locates it", clause.start,
                                                       clause.end))
                continue
            if not places and own_date and day is not None and previous is not None and previous.day is not None and (
                    self._statement_date(previous.date_mention)) and not self._statement_date(date_mention) and (
                    0 < (previous.day - day).days <= 7) and clause.sentence - previous.clause.sentence <= 3 and (
                    not separate):
                # "The Army on Monday revealed that two extremists were killed in a clash in X over the weekend" ¶
                # "troops conducted the operation at about 5 a.m. Saturday that left two BIFF dead": the incident
                # just reported, on its own day, not the day it was revealed
                self._refine_previous(previous, clause, [])
                continue
            # "on July 2-3, 34 villagers died in the north and northwest": somewhere else than the towns before
            vague = not places and bool(_VAGUE_AREA_RE.search(body))
            if not places:
                if self.dateline is not None and _HERE_RE.search(body):
                    # "MARAWI CITY — A bomb exploded during Mass at the university gymnasium here on Sunday"
                    places = [(self.dateline, "the dateline's city: the clause says 'here'")]
                elif _THIS_TOWN_RE.search(body) and (this := self.dateline or self._headline_town) is not None and (
                        this.rank == 0):
                    # "Jerez, Zacatecas: Sicarios attacked …" ¶ "Hitmen attacked the house of the delegate in this
                    # municipal capital": the town the dateline or the headline names
                    places = [(this, "the town the dateline or headline names: the clause says 'this town'")]
                elif previous is not None and previous.clause.paragraph == clause.paragraph and not (
                        _COUNTED_PLACES_RE.search(body)):
                    places = [(previous.place, "the mention before it")]
                elif previous is not None and previous.clause.sentence == clause.sentence:
                    places = [(previous.place, "the same sentence")]
                elif (recent := self._recent_place(clause)) is not None and not vague and bisect_left(
                        self.newlines, recent.start) == clause.paragraph and (
                        previous is None or recent.start >= previous.clause.end) and self._violent_setting(recent):
                    # "In Derna, the air force keeps targeting the council. Airstrikes took place on 22 and 25
                    # September near the city's western gate": the town its paragraph names, not the last incident's
                    places = [(recent, "the town its paragraph names")]
                elif previous is not None and clause.paragraph - previous.clause.paragraph <= 2 and own_date and (
                        _TIMELINE_RE.match(self.text[clause.start : clause.end])):
                    places = [(previous.place, "the entry before it in a dated list")]
                elif previous is not None and previous.place.rank == 0 and _THE_PLACE_RE.search(body) and (
                        clause.paragraph - previous.clause.paragraph <= 2):
                    # "The raids in Wum …" ¶ "From Monday to Tuesday, troops raided the locality": the town just named
                    places = [(previous.place, "the place the clause refers back to")]
                elif lead_place is not None and clause.sentence <= 3 and not vague:
                    places = [(lead_place, "the article's lead")]
                elif not self.places and clause.sentence <= 3 and (titled := self.title_place) is not None:
                    # an excerpt that names its place only in the headline ("Drone strike kills four in Saada")
                    places = [(titled, "the headline (the text names no place)")]
                elif (recent := self._recent_place(clause)) is not None and (own_date or date_how.startswith(
                        "an earlier date in the paragraph") or (date_how.startswith("the date heading its entry") and (
                        precision == "day")) or (_THE_PLACE_RE.search(body) and date_how.startswith("the lead's news"))
                        ) and not vague:
                    # (and "… held a meeting with residents of Debre Markos; intense fighting is reported in the city")
                    # (a timeline's entry, "7 July" ¶ "Soldiers were attacked at a checkpoint", in the city just told)
                    places = [(recent, "the last town named before it")]
                elif previous is not None and not vague and (town := self._only_town) is not None and (
                        previous.place.place.id == town.place.id) and any(
                            t.weight >= 3 and self.low.endswith("ed", t.start, t.end) for t in triggers) and (
                        (classify(dict(scores)) or ("",))[0] == "Battles") and not _SPEECH_VERB_RE.search(body) and (
                        "statement" not in body):
                    # "… bombers struck a wedding in Gwoza town …" ¶ "The terrorists returned to the 192 Brigade but
                    # troops repelled the attack": the fighting of a story of one town, told as a deed (not "the
                    # fighting continues", nor what a statement says of the clashes), happened there
                    places = [(town, "the only town the text names")]
                else:
                    classified = classify(dict(scores))
                    if not own_date and previous is None and not mentions and not clause.headline and (
                            classified is not None) and self._in(
                            self.casualties, clause.start, clause.end, key=lambda o: o):
                        unplaced_lead = (clause, dict(scores), triggers)
                    if own_date and day is not None and classified is not None:
                        orphans.append((classified[0], day, precision, date_mention, dict(scores)))
                        orphan_sites[id(orphans[-1])] = {m.group(1).lower() for m in _SITE_NOUN_RE.finditer(body)}
                        if previous is None and clause.sentence <= 1 and not clause.headline and (
                                self._local_dateline()) and not self._names_unknown_places(clause) and not any(
                                bisect_left(self.newlines, p.start) == clause.paragraph and p.rank < 3
                                and self.role[p.start] == "location" for p in self.places):
                            # (a country or province named there — "DERNA, Libya —" — does not say where)
                            dateline_lead = (orphans[-1], Mention(
                                clause, self.dateline, "the dateline's city (the lead names no place; not a capital)",
                                day, precision, date_mention, date_how, dict(scores), triggers, own_date))
                        if lead_date is None and not clause.headline:
                            lead_date = (day, precision, date_mention)  # "eleven strikes on Tuesday:" dates a list
                    continue
            extra = _range_days(date_mention) if own_date and day is not None and precision == "day" and (
                date_mention is not None and "night" not in self.low[max(0, date_mention.start - 16) : date_mention.start]
            ) else []
            paired = self._place_days(clause, places) if own_date else {}
            for place, how in places:
                if place.start in paired:  # "hit A on Thursday and B on Saturday": each place its own day
                    told = paired[place.start]
                    mention = Mention(clause, place, how, told.date, told.precision, told,
                                      f"the day written with the place ('{told.text}')", dict(scores), triggers, True)
                else:
                    mention = Mention(clause, place, how, day, precision, date_mention, date_how, dict(scores),
                                      triggers, own_date)
                mentions.append(mention)
                for k in extra:
                    # "from Monday to Tuesday, troops raided the locality": ACLED codes one event a day
                    mentions.append(Mention(clause, place, how, day + timedelta(days=k), precision, date_mention,
                                            f"day {k + 1} of the range '{date_mention.text}'", dict(scores),
                                            triggers, own_date))
                previous = mention
            if unplaced_lead is not None and places and mentions:
                lead_clause, lead_scores, lead_triggers = unplaced_lead
                here = mentions[-1]
                if here.place.rank < 3 and clause.sentence - lead_clause.sentence <= 3 and not separate:
                    # "Ten civilians or more were killed in a rebel attack in eastern DRC, residents said." ¶ "Early
                    # today the ADF raided a quarter of Mangina …": the lead's incident, which the
                    # next sentence places (its victims say what kind of attack it was)
                    mentions.append(Mention(lead_clause, here.place, "the place the text gives the lead's incident next",
                                            here.day, here.precision, here.date_mention, here.date_how, lead_scores,
                                            lead_triggers, False))
                unplaced_lead = None
            if own_date and day is not None:
                self._narrative_day, self._narrative_at = (day, precision), clause.start
            if lead_date is None and own_date and day is not None and not clause.headline and not (
                    date_mention is not None and self._talks_date(date_mention)):
                lead_date = (day, precision, date_mention)
        if dateline_lead is not None and any(o is dateline_lead[0] for o in orphans):
            # "EL GENEINA (15 June 2023) — Fighters killed the governor of West Darfur on Wednesday": a lead naming
            # no place, filed from a provincial town (not a capital, where reports of the whole country are
            # filed), its paragraph naming none either, and no later clause telling where it happened
            orphans = [o for o in orphans if o is not dateline_lead[0]]
            mentions.insert(0, dateline_lead[1])
        # "after the Sunday evening clashes": a dated mention with no place dates the undated one it describes
        for event_type, day, precision, date_mention, _scores in orphans:
            for mention in mentions:
                classified = classify(dict(mention.scores))
                if not mention.own_date and classified is not None and classified[0] == event_type and (
                        mention.date_how.startswith("no date") or (mention.date_how in (
                            "the article's lead", "the mention before it") and (
                            date_mention is None or date_mention.start < mention.clause.start
                            or bisect_left(self.newlines, date_mention.start) == mention.clause.paragraph))):
                    # (a summary before it dates it: "Over the past day, three civilians were killed in the east" ¶
                    # "One person was killed in rocket attacks on Beryslav"; but a dated incident paragraphs later,
                    # "On Wednesday, a drone strike in X killed three", whose place the gazetteer lacks, is another
                    # incident: the lead's day stays)
                    mention.day, mention.precision, mention.date_mention = day, precision, date_mention
                    mention.date_how = f"a later mention of the same incident ('{date_mention.text if date_mention else day}')"
        # "The massacre took place in Kumba in October 2020" … "Around noon on 24 October 2020, men stormed the school"
        # (its paragraph too far from the town to be placed): the one day of that month told of an incident of
        # that kind is the day of the month's mention
        for mention in mentions:
            classified = classify(dict(mention.scores))
            days = [o for o in orphans if o[2] == "day" and classified is not None and o[0] == classified[0]
                    and mention.own_date and mention.precision in ("month", "year") and _within(o[1], mention)]
            if len({o[1] for o in days}) == 1:
                _event_type, day, precision, date_mention, _scores = days[0]
                mention.day, mention.precision, mention.date_mention = day, precision, date_mention
                mention.date_how = f"a later mention of the same incident ('{date_mention.text if date_mention else day}')"
        return mentions

    def _locations(self, clause: Clause) -> list[tuple[PlaceMention, str]]:
        """The places a clause codes at: its most specific locations (several for a list of towns)."""
        found = [p for p in self._in(self.places, clause.start, clause.end)]
        usable: list[PlaceMention] = []
        references: list[PlaceMention] = []
        for place in found:
            role = self.role[place.start]
            if role in ("origin", "context"):
                continue
            if place.cue_after in _PROVINCE_CUES and place.rank == 0 and place.cue_after != "region":
                continue  # "Yagha province" read as a village: an unknown province is context, not a location
                # ("the Sake region" with no unit of that name is the town's surroundings: coded at the town)
            if role == "reference":
                references.append(place)
                continue
            usable.append(place)
        for reference in references:
            # "… the outskirts of al-Dur and east of Samarra": a bearing listed among the places attacked is one of
            # them (coded at the town it is told from), not a point the others are measured from
            before = [p for p in usable if p.end <= reference.start]
            if before and _LISTED_BEARING_GAP_RE.fullmatch(self.text, before[-1].end, reference.start):
                usable.append(reference)
        countryside = [p for p in usable if p.cue_after == "countryside" and p.rank == 0]
        if countryside:
            # "the town of Morek in Hama northern countryside": where the town lies; alone, "arrests in the Quneitra
            # countryside" name an area around the city, no point of it (reported unplaced, as a province is)
            usable = [p for p in usable if p not in countryside] or [replace(p, place=replace(
                p.place, id=f"{p.place.id}~countryside", name=f"{p.place.name} countryside", kind="region",
                population=None)) for p in countryside[:1]]
        axes = [p for p in usable if _AXIS_AFTER_RE.match(self.text, p.end)]
        if axes and len(axes) < len(usable):
            # "In the Kupiansk direction, Russian forces attacked near X and Y": the axis names the front, X and Y
            # where the fighting was (a namesake far from the axis is not; the axis town is then the best point)
            on_front = [p for p in usable if p not in axes and any(
                _km(p.place.lat, p.place.lon, a.place.lat, a.place.lon) <= AXIS_KM for a in axes)]
            usable = on_front or axes
        proxies = {p.proxy_start for p in usable if p.proxy_start is not None}
        if proxies:  # "the villages of X and Y near Aleppo": Aleppo places them, it is not a location itself
            usable = [p for p in usable if p.start not in proxies]
        if references and references[0].rank == 0 and all(p.rank >= 3 for p in usable) and not any(
                p.cue_after in _PROVINCE_CUES for p in usable):  # ("Amran governorate, north of Sanaa": the province)
            # "two villages just south of Sidon", "a town 40 km east of Deir ez-Zor": near the reference
            # (but "the strikes in the city west of Baghdad" after a story of Falluja: that city again)
            recent = self._recent_place(clause) if _THE_TOWN_BEARING_RE.search(
                self.text, max(0, references[0].start - 40), references[0].start) else None
            if recent is not None and recent.place.id != references[0].place.id and _km(
                    recent.place.lat, recent.place.lon, references[0].place.lat, references[0].place.lon) <= ANAPHOR_KM:
                return [(recent, "the town just named, which the clause tells by its bearing from another")]
            return [(self._offset(references[0]), "near the reference point the clause gives")]
        points = [p for p in usable if p.place.kind == "point"]
        if points:  # coordinates written in the clause are the location, as given
            return [(points[0], "coordinates written in the clause")]
        # "Maarat al-Numan in northern Idlib": a place that contains another named here is context, not a location
        # ("Kherson city" is not the oblast; "near Deir ez-Zor and Al Mayadin" lists the city beside a town of its
        # province)
        # (but a list of three or more, "seven towns: Niono, Molodo, Nioro and Kayes", lists towns: the city of
        # Kayes beside a town of Kayes region)
        named = [p for p in usable if p.place.kind not in ("country", "admin1", "admin2")]
        listed = len(named) >= 3 and all(_TOWN_LIST_GAP_RE.fullmatch(self.text, a.end, b.start)
                                         for a, b in zip(named, named[1:]))
        usable = [p for p in usable if listed or "city" in (p.cue_before, p.cue_after)
                  or "town" in (p.cue_before, p.cue_after)
                  or bool(_LISTED_NEAR_RE.search(self.text, max(0, p.start - 24), p.start))
                  or not any(contains(p.place, q.place) and not (p.place.kind not in ("country", "admin1", "admin2")
                                                                 and self._acted_apart(p, q)) for q in usable)]
        usable = [p for p in usable if not self._district_of(usable, p) and not self._holds_district(usable, p)]
        labels = [p for p in usable if self._is_label(p)]
        if labels and len(labels) < len(usable):
            # "• Hodeidah: A landmine explosion in Hays killed a child": the entry's heading says which province,
            # the place it names says where
            usable = [p for p in usable if p not in labels]
        # "Gaza's Nuseirat refugee camp", "Kharkiv's Kupiansk": the place after the possessive is where, the one
        # before it says which
        owners = {p.start for p in usable for q in usable
                  if q.start > p.end and _POSSESSIVE_GAP_RE.fullmatch(self.text, p.end, q.start)
                  and _km(p.place.lat, p.place.lon, q.place.lat, q.place.lon) <= POSSESSIVE_KM}
        usable = [p for p in usable if p.start not in owners] if owners and len(owners) < len(usable) else usable
        if not usable:
            return []
        best_rank = min(p.rank for p in usable)
        if best_rank >= 3:  # province or country only: the most specific of them
            chosen = min(usable, key=lambda p: (p.rank, p.start))
            return [(chosen, "the most specific place the clause names")]
        specific = [p for p in usable if p.rank == best_rank]
        # a list of towns gives one mention each; otherwise the first direct location (or the first one)
        out = [specific[0]]
        last = specific[0]  # the list goes on from the last place named, even one already taken
        for place in specific[1:]:
            gap = self.text[last.end : place.start]
            if any(p.place.id == place.place.id for p in out):
                last = place
            elif re.fullmatch(r"\s+and\s+", gap) and BETWEEN_BEFORE_RE.search(
                    self.text, max(0, last.start - 30), last.start):
                # "in a remote area between the cities of Kirkuk and Arbil": one place between two, coded at the first
                last = place
            elif _LIST_GAP_RE.match(_LISTED_ASIDE_RE.sub("", gap).replace(";", ",")) or place.cue_before in _DIRECT_CUES or (
                    self._after_container(found, place)) or (
                    self._dated_list_gap(last.end, place.start)) or _LISTED_BEARING_GAP_RE.fullmatch(gap) or (
                    self._second_predicate(last.end, place.start)):
                out.append(place)
                last = place
        if len(out) == 1 and out[0].cue_before not in _DIRECT_CUES:
            direct = [p for p in specific if p.cue_before in _DIRECT_CUES]
            if direct:
                out = [direct[0]]
        on_road = [p for p in out if self._names_a_road(p)]
        if on_road and len(on_road) < len(out):
            # "on the Gusau-Funtua road near Tsafe": the road's towns say which road, the town near it where
            out = [p for p in out if p not in on_road]
        how = "named in the clause" if len(out) == 1 else "one of a list of places in the clause"
        return [(p, how) for p in out]

    def _second_predicate(self, start: int, end: int) -> bool:
        """True for the gap of "struck targets in A in the afternoon and struck the stronghold of B": a second verb
        of attack, joined by "and", says what happened at the next place."""
        return any(t.weight >= 2.5 and _AND_THEN_BEFORE_RE.search(self.text, max(start, t.start - 16), t.start)
                   for t in self._in(self.triggers, start, end))

    def _dated_list_gap(self, start: int, end: int) -> bool:
        """True for the gap of "hit A on Thursday and B on Saturday", "in A on the night of 25-26 April and in B":
        a day of its own, then the list goes on (each place takes its day, see ``_place_days``)."""
        days = self._in(self.dates, start, end)
        if len(days) != 1 or days[0].precision != "day" or self._statement_date(days[0]):
            return False
        rest = self.text[start : days[0].start] + " " + self.text[days[0].end : end]
        return bool(_DATED_GAP_RE.fullmatch(rest))

    def _place_days(self, clause: Clause, places: list[tuple[PlaceMention, str]]) -> dict[int, DateMention]:
        """Each place of a clause that lists places with a day each ("hit A on Thursday and B on Saturday"): the
        day written after it (before the next place), else the last one before it; {} when the clause gives one
        day or none."""
        own = [d for d in self._in(self.dates, clause.start, clause.end) if d.precision == "day" and d.date
               and not self._statement_date(d)]
        if len(places) < 2 or len({d.date for d in own}) < 2:
            return {}
        starts = sorted(p.start for p, _ in places if p.start >= clause.start)
        out: dict[int, DateMention] = {}
        for place, _how in places:
            following = [s for s in starts if s > place.start]
            stop = following[0] if following else clause.end
            after = [d for d in own if place.end <= d.start < stop]
            before = [d for d in own if d.end <= place.start]
            if after or before:
                out[place.start] = after[0] if after else before[-1]
        return out

    def _names_a_road(self, place: PlaceMention) -> bool:
        """True when the place names a road's end ("the X-Y road", "the X highway"), not where it happened."""
        return place.cue_after in ("road", "highway") or bool(_ROAD_END_RE.match(self.text, place.end))

    def _is_label(self, place: PlaceMention) -> bool:
        """True for a place that heads a list entry ("• Hodeidah: …", "Marib: …")."""
        line_start = self.text.rfind("\n", 0, place.start) + 1
        return (not self.text[line_start : place.start].strip(" \t-*•·–—") and
                self.text[place.end : place.end + 2].lstrip(" ").startswith(":"))

    def _district_of(self, usable: list[PlaceMention], place: PlaceMention) -> bool:
        """True for "Beni territory" in "on Oicha, in Beni territory": the district (named after its seat) that
        holds the place named just before it, not a second location."""
        if place.cue_after not in _DISTRICT_CUES:
            return False
        before = [p for p in usable if p.end <= place.start]
        if not before or before[-1].place.id == place.place.id:
            return False
        gap = self.text[before[-1].end : place.start]
        # (also after an apposition placing the town: "Sake, a town 27 km west of Goma in Masisi territory")
        return bool(_CONTAINER_GAP_RE.match(gap)) or bool(_APPOSITION_IN_GAP_RE.fullmatch(gap))

    def _holds_district(self, usable: list[PlaceMention], place: PlaceMention) -> bool:
        """True for Qamişlo in "the dam in Çilaxa district of Qamişlo": the city whose region holds the district
        named before it (the town is the location)."""
        before = [p for p in usable if p.end <= place.start]
        return bool(before) and before[-1].place.id != place.place.id and bool(
            _DISTRICT_OF_GAP_RE.fullmatch(self.text, before[-1].end, place.start)) and (
            before[-1].place.admin1 == place.place.admin1)

    def _after_container(self, found: list[PlaceMention], place: PlaceMention) -> bool:
        """"… near Al Qaim and Akashat in Iraq and Al Bukamal and Mayadin in Syria": a town listed right after
        the country or province that closed the list before it."""
        before = [p for p in found if p.end <= place.start]
        return bool(before) and before[-1].rank >= 3 and bool(_LIST_GAP_RE.match(self.text[before[-1].end : place.start]))

    def _offset(self, reference: PlaceMention) -> PlaceMention:
        """The reference place moved by the distance and bearing written before it ("40 km east of X")."""
        before = self.text[max(0, reference.start - 60) : reference.start]
        found = _DISTANCE_RE.search(before)
        if not found:
            return reference
        amount = float(found.group("n").replace(",", ""))
        km = amount * _UNIT_KM.get(found.group("unit").lower().split()[0], 1.0)
        # at sea ("80 nautical miles west of Hodeidah") a ship may be farther out than a village from its town
        if not 2 <= km <= (400 if found.group("unit").lower().startswith(("n", "nm")) else 150):
            return reference
        bearing = _BEARINGS[found.group("dir").lower().replace("-", "").replace("ern", "")]
        lat, lon = destination(reference.place.lat, reference.place.lon, bearing, km)
        place = replace(reference.place, id=f"{reference.place.id}@{round(km)}km{found.group('dir').lower()}",
                        name=f"{round(km)} km {found.group('dir').lower()} of {reference.place.name}", lat=lat, lon=lon,
                        kind="village", geometry={"type": "Point", "coordinates": [lon, lat]}, population=None)
        return PlaceMention(reference.start, reference.end, place, reference.key, reference.candidates,
                            "near", "", reference.fuzzy, reference.alternatives,
                            reference.why + f"; moved {round(km)} km {found.group('dir').lower()} as the text says")

    def _incident_dates(self, start: int, end: int) -> list[DateMention]:
        """The dates in ``[start, end)`` that may date an incident: not a day that names a vote, a speech or a
        meeting ("in last Sunday's vote", "Monday's statement")."""
        return [d for d in self._in(self.dates, start, end) if not _STATEMENT_OF_DAY_RE.match(self.text, d.end)
                and not _COINCIDED_RE.search(self.text, start, d.start)]

    def _date(self, clause: Clause) -> tuple[date, str, DateMention | None, str] | None:
        apart = _DAYS_APART_RE.match(self.text[clause.start : clause.end])
        if apart:  # "…, a day after the group attacked Metula": that incident is a day before the sentence's date
            sentence = self.prepared.sentences[clause.sentence]
            others = [d for d in self._in(self.dates, sentence.start, clause.start) if d.precision == "day"]
            if others:
                days = _SMALL_NUMBERS[apart.group("n").lower()] * (-1 if apart.group("rel").lower() == "after" else 1)
                try:
                    shifted = others[-1].date + timedelta(days=days)
                except OverflowError:
                    shifted = None
                if shifted is not None:
                    return shifted, "day", others[-1], f"{apart.group(0)} '{others[-1].text}'"
        own = self._incident_dates(clause.start, clause.end)
        if not own and self.low.startswith("when", clause.start):
            then = self._when_date(clause)
            if then is not None:
                return then
        later = _LATER_RE.match(self.text, clause.start, clause.end)
        if later and (not own or all(self._statement_date(d) for d in own)):
            # "Two days later, a strike in X …", "The next day …": counted from the last date (a statement's
            # date in the clause — "…, the ministry said on Wednesday" — does not date the incident)
            before = [d for d in self.dates if d.start < clause.start and d.precision == "day" and d.date]
            month = _MONTH_ALONE_RE.search(self.text, before[-1].end if before else 0, clause.start)
            if month is not None and self.anchor is not None:
                # "In mid-March, … A week later, …": later in that month, not a week after the last full date
                number = MONTH_NUMBERS[month.group(1).lower()]
                year = self.anchor.year - (1 if number > self.anchor.month else 0)
                return date(year, number, 1), "month", None, f"'{later.group(0).strip()}' after '{month.group(0)}'"
            narrative = self._narrative_day
            if before and narrative is not None and narrative[1] == "day" and self._narrative_at > before[-1].start:
                # (reached after the last date written: "Two days later, … The next day, …"; a date written after
                # it, even in a clause of no event — "On the 9th, Russia began evacuations" — is newer)
                before = [replace(before[-1], date=narrative[0])]
            if not before and self.article.published is not None and self.anchor is not None and not self.live_blog:
                # "A day earlier, a drone hit …" in a story that dates nothing before: counted from its publication
                before = [DateMention(clause.start, clause.start, self.anchor, "day", "relative",
                                      f"the publication date {self.anchor.isoformat()}")]
            if before:
                n = later.group("n")
                days = (_SMALL_NUMBERS.get(n.lower(), 0) if n and not n.isdigit() else int(n) if n else 1)
                days *= 7 if (later.group("unit") or "").startswith("week") else 1
                days *= -1 if later.group("rel") in ("earlier", "before", "prior") or (later.group("prev") or later.group("previous")) else 1
                try:
                    shifted = before[-1].date + timedelta(days=days)
                except OverflowError:
                    shifted = None
                if later.group("same"):
                    days, shifted = 0, before[-1].date
                if shifted is not None and self.article.published is not None and self.anchor is not None and (
                        shifted > self.anchor + timedelta(days=1)):
                    shifted = None  # (a day after the text was published is no incident's)
                if shifted is not None and (days or later.group("same")):
                    return shifted, "day", before[-1], f"'{later.group(0).strip()}' counted from '{before[-1].text}'"
        before_said = _PREVIOUS_DAY_RE.search(self.text, clause.start, clause.end) if own else None
        said = [d for d in own if d.precision == "day" and d.date is not None and d.end <= before_said.start()
                and _SPEECH_VERB_RE.search(self.text, clause.start, d.start)] if before_said is not None else []
        if said:
            # "The group said on Tuesday that its militants targeted fighters in X the previous day": the day before
            # the statement's
            return (said[-1].date - timedelta(days=1), "day", said[-1],
                    f"'{before_said.group(0)}', the day before '{said[-1].text}'")
        if not own:
            sentence = self.prepared.sentences[clause.sentence]
            own = self._incident_dates(sentence.start, sentence.end)
            how = "a date in the same sentence"
        else:
            how = "a date in the clause"
        if not own:
            return None
        after = _CAME_AFTER_RE.search(self.text, clause.start, clause.end)
        if after is not None and any(d.start >= after.end() for d in own):
            # "Saturday's strikes come after 15 people were killed in X on Thursday": the clause tells the
            # earlier incident, dated after the verb
            own = [d for d in own if d.start >= after.end()]
            how += " (the incident after 'come after')"
        elif (plain := _AFTER_WORD_RE.search(self.text, clause.start, clause.end)) is not None and any(
                d.start >= plain.end() for d in own) and any(d.start < plain.start() for d in own):
            triggers = self._in(self.triggers, clause.start, clause.end)
            if triggers and all(t.start >= plain.end() for t in triggers):
                # "Tension gripped Jiribam on Tuesday after forces killed ten militants in a gunfight on Monday":
                # what happened is told after "after", with its own day
                own = [d for d in own if d.start >= plain.end()]
                how += " (the incident told after 'after')"
        night = next((d for d in own if d.kind == "overnight"), None)
        reported_on = [d for d in own if d is not night and d.kind in ("weekday", "absolute") and d.precision == "day"
                       and d.date is not None and abs(d.start - night.start) > 25] if night is not None else []
        if reported_on and _REPORT_VERB_RE.search(self.text, clause.start, night.start):
            # "Also on Monday, the forces reported new overnight air strikes on X": the night before the report
            return (reported_on[0].date - timedelta(days=1), "day", night,
                    how + f" ('{night.text}', the night before '{reported_on[0].text}')")
        asides = _news_asides(self.text[clause.start : clause.end], clause.start,
                              self._in(self.triggers, clause.start, clause.end)) if len(own) > 1 else []

        def rank(d: DateMention) -> tuple[int, int, int, int]:
            before = self.text[max(0, d.start - 40) : d.start]
            statement = bool(_STATEMENT_BEFORE_RE.search(before))
            # "Troops, who launched an offensive on X last month, said on Sunday they had killed 12": the aside's
            # date is the actor's history; the news is dated by the rest of the clause, a statement's day included
            aside = any(a <= d.start < b for a, b in asides)
            return (1 if aside else 0, 1 if statement else 0, 0 if d.precision == "day" else 1,
                    abs(d.start - clause.start))
        best = min(own, key=rank)
        if best.kind == "weekday" and best.date is not None and _PREVIOUS_BEFORE_RE.search(
                self.text, max(0, best.start - 16), best.start):
            earlier = [d for d in self._in(self.dates, clause.start, best.start)
                       if d.precision == "day" and d.date is not None]
            if earlier:
                # "reopened last Saturday after an attack the previous Wednesday": the Wednesday before that Saturday
                back = (earlier[-1].date.weekday() - best.date.weekday()) % 7 or 7
                return (earlier[-1].date - timedelta(days=back), "day", best,
                        how + f" ('the previous {best.text.split()[-1]}', before '{earlier[-1].text}')")
        if best.kind in ("overnight", "relative") and best.date is not None and self.article.published:
            # "clashes erupted overnight …, the ministry said on Saturday": the night before the statement's day,
            # not before the publication's
            said = [d for d in own if d is not best and d.kind in ("weekday", "absolute") and d.precision == "day"
                    and _STATEMENT_BEFORE_RE.search(self.text, max(0, d.start - 40), d.start)]
            offset = (best.date - self.article.published).days
            if said and offset in (-1, 0) and best.text.lower().strip() in _RELATIVE_DAY_WORDS:
                shifted = said[0].date + timedelta(days=offset)
                return shifted, "day", best, how + f" ('{best.text}', counted from '{said[0].text}')"
        return best.date, best.precision, best, how + f" ('{best.text}')"

    def _when_date(self, clause: Clause) -> tuple[date, str, DateMention | None, str] | None:
        """The date written right before a "when" clause ("since January 2022, when …", "in 2014, when …")."""
        before = [d for d in self.dates if d.end <= clause.start and not self.text[d.end : clause.start].strip(" ,")]
        if before:
            return before[-1].date, before[-1].precision, before[-1], f"the date before 'when' ('{before[-1].text}')"
        year = _YEAR_BEFORE_RE.search(self.text, max(0, clause.start - 8), clause.start)
        if year is not None:  # (a year alone: an incident of that year, month precision at best)
            return date(int(year.group(1)), 1, 1), "month", None, f"the year before 'when' ('{year.group(1)}')"
        return None

    def _is_background(self, clause: Clause, body: str,
                       dated: tuple[date, str, DateMention | None, str] | None) -> bool:
        if self._under_background_heading(clause.start) and not (
                self.article.published is None and dated is not None and dated[0] is not None and dated[1] == "day"
                and self.anchor is not None and (0 <= (self.anchor - dated[0]).days <= RECENT_HISTORY_DAYS
                                                 or dated[0].year in self.title_years)):
            # a "Background" section tells what led up to the news (but an undated encyclopedia page's "History"
            # ends with the incidents it is read for: a day within a year of its latest date, or of the year its
            # title names — "May 2017 Bangassou clashes" told above the 2020 trial)
            return True
        # "… in the city of Wad Madani, which the RSF seized in December": the place's history, not the strike's
        body = _ASIDE_RE.sub(" ", body)
        # "The attack in X is the deadliest since the army began fighting militants in 2015": a record it sets, not
        # an old incident
        body = _SUPERLATIVE_SINCE_RE.sub(" ", body)
        if dated is None and _SAME_DAY_RE.search(body) and self.background_spans and (
                0 <= clause.sentence - self.prepared.sentence_index(self.background_spans[-1][0]) <= 1):
            return True  # "Earlier this week, a roadside bomb killed seven … The same day, a soldier was killed": then too
        if dated is None:
            return bool(_BACKGROUND_RE.search(body))
        day, precision, mention, _how = dated
        if self.anchor is not None and day is not None:
            age = (self.anchor - day).days
            if precision != "day" and age > 45:
                return True
            if precision == "day" and age > 45 and mention is not None and mention.kind != "absolute":
                return True
            if precision == "day" and age > 7 and mention is not None and _SINCE_CLAUSE_RE.search(
                    self.text, max(clause.start, mention.start - 80), mention.start):
                # "The fighting has grown since the US took up airstrikes again on March 15": when it all began
                return True
        if self._narrative_day is not None and (_RECENT_PAST_RE.search(body) or (
                mention is not None and _RECENT_PAST_RE.fullmatch(mention.text.strip()))) and (
                precision != "day" or mention is None):
            # (also when the day is told in an aside: "…, including two policewomen, who were abducted last month")
            # "Last week, a strike on Chernihiv killed 18", "Earlier this month, 13 Maoists were killed …" after
            # the story's own dated incident: what led up to it, not news of its own
            return True
        return bool(_BACKGROUND_RE.search(body)) and (precision != "day" or mention is None)

    def _only_old_or_cumulative(self, body: str, clause: Clause, triggers: list[Trigger]) -> bool:
        """True when every trigger of the clause lies in a war's running toll ("fighting has displaced millions")
        or the clause is about an old incident ("the 2016 truck attack", "ten years ago today")."""
        if _OLD_INCIDENT_RE.search(body) or _SINCE_DATE_TOLL_RE.match(body) or _NTH_INCIDENT_RE.search(body) or (
                _COUNTED_OVER_DAYS_RE.search(body)):
            return True
        spans = [(m.start() + clause.start, m.end() + clause.start) for m in _CUMULATIVE_RE.finditer(body)]
        return bool(spans) and all(any(a <= t.start < b for a, b in spans) for t in triggers)

    def _refine_areas(self, mentions: list[Mention]) -> None:
        """A mention placed only by its country takes a province named close by; one placed by its
        province takes a town of that province named anywhere in the text, except in background
        ("… in Russia's Bryansk region. … The village of Suzemka, where it happened …")."""
        located = {m.place.start: m.day for m in mentions}
        # a town reported "in a separate incident" / "elsewhere" is that incident's, not a detail of this one
        separate = {m.place.start for m in mentions if _SEPARATE_RE.match(self.text[m.clause.start : m.clause.end])}
        more: list[Mention] = []
        for mention in mentions:
            district = mention.place.place.kind == "admin2"
            if mention.place.rank < 3 and not district:
                continue
            if self._names_unknown_places(mention.clause):
                continue  # "… on Kafr Nabudah, Al-Habit and Kansafra in the countryside of Idlib": its own villages
            if mention.place.place.kind == "admin1" and len({
                    p.place.id for p in self._in(self.places, mention.clause.start, mention.clause.end)
                    if p.place.kind == "admin1" and self.role.get(p.start) == "location"}) >= 2:
                continue  # "attacks against Kherson, Donetsk and Kharkiv oblasts killed one": a summary of provinces
            first = mention.clause.sentence
            several = _SEVERAL_INCIDENTS_RE.search(self.text, mention.clause.start, mention.clause.end) is not None
            if mention.place.place.kind == "country" and not several:  # (several: each in its own province)
                provinces = [p for p in self.places if p.place.kind == "admin1"
                             and p.place.country == mention.place.place.country and self.role[p.start] == "location"
                             and abs(self.prepared.sentence_index(p.start) - first) <= 2]
                if provinces:
                    best = min(provinces, key=lambda p: abs(self.prepared.sentence_index(p.start) - first))
                    mention.place, mention.place_how = best, "the province named close by"
            # (a district: a town of it named within two sentences — "five bombers crossed into the Mayo-Sava
            # division on Saturday" ¶ "they were targeting the towns of Mora and Kolofata")
            reach = 2 if mention.place.place.kind == "country" or district else 10_000  # a country: only close by
            options = []
            for place in self.places:
                if place.rank != 0 or not (contains(mention.place.place, place.place) if not district else (
                        place.place.country == mention.place.place.country and haversine_km(
                            place.place.lat, place.place.lon, mention.place.place.lat, mention.place.place.lon)
                        <= DISTRICT_TOWN_KM)) or place.cue_after in ("river", "valley", "basin", "bank", "banks"):
                    continue  # "across the Dnipro river" names the river, not the city of Dnipro
                told_again = mention.place_how == "the article's lead" and located.get(place.start) == mention.day
                if place.start in located and (place.start < mention.clause.start or (
                        located[place.start] != mention.day)) and not told_again or place.start in separate:
                    continue  # an earlier incident's town, or another day's; a later one may be this incident told
                    # in detail
                index = self.prepared.sentence_index(place.start)
                # (a district's own town, named as the conflict's theatre just before: "The armed conflict in Kumbo
                # took a new twist … with several deaths registered in Bui division")
                theatre = district and self.role[place.start] == "context" and _WAR_IN_BEFORE_RE.search(
                    self.text, max(0, place.start - 40), place.start) is not None
                if abs(index - first) > reach or (self.role[place.start] != "location" and not theatre):
                    continue
                if any(a <= place.start < b for a, b in self.background_spans) or _HABIT_RE.search(
                        self._clause_text(place.start)):
                    continue
                if (place.key == mention.place.key or _fold_name(place.place.name) == _fold_name(
                        mention.place.place.name)) and place.cue_before not in _DIRECT_CUES and (
                        place.cue_after not in ("city", "town")):
                    continue  # "Sagaing civilians" after "Sagaing Region": the region again, not its capital
                # (a photo's place only when the text names no other: "A refugee camp in Bangui" under a stock
                # photo is not where the attack in the town of Alindao happened; a gallery's captions are the story)
                options.append((self._in_caption(place.start), 0 if place.cue_before in _DIRECT_CUES else 1,
                                abs(index - first), place.start, place))
            if options:
                best = min(options, key=lambda o: o[:4])[4]
                mention.place = best
                mention.place_how = "a town of the area the clause names, named elsewhere in the text"
                if several:
                    # "this triple attack on army camps in the centre of the country" ¶ "In Sévaré, in Bapho and
                    # in Niono": one incident at each town the sentence lists
                    told_with = self.prepared.sentence_index(best.start)
                    seen = {best.place.id}
                    for _caption, _rank, _apart, _start, place in sorted(options, key=lambda o: o[3]):
                        if self.prepared.sentence_index(place.start) == told_with and place.place.id not in seen:
                            seen.add(place.place.id)
                            more.append(replace(mention, place=place, scores=dict(mention.scores)))
            elif self.dateline is not None and mention.place.place.kind == "admin1" and contains(
                    mention.place.place, self.dateline.place) and not self._in(
                    self.unplaced_names, mention.clause.start, mention.clause.end, key=lambda o: o):
                # (not when the clause names its own village, one the gazetteer lacks: "stormed the town of X")
                # "QUETTA: … a suicide bombing at the railway station in the capital of Balochistan province":
                # the city the report was filed from, inside the province the clause names
                mention.place = replace(self.dateline, approximate=True)
                mention.place_how = "the dateline's city, inside the province the clause names"
        mentions.extend(more)

    def _local_dateline(self) -> bool:
        """True when the text has a dateline city that is not its country's capital."""
        return self.dateline is not None and not self._is_capital(self.dateline.place)

    @staticmethod
    def _is_capital(place: Any) -> bool:
        """True for the capital city of the place's country (by name, as the country table gives it)."""
        from geo_events.gazetteer.sources import countries as country_table

        capital = _fold_name(country_table().get(place.country, {}).get("capital") or "")
        return bool(capital) and place.kind in ("city", "town") and (_fold_name(place.name) == capital or any(
            _fold_name(name) == capital for name in place.alt_names[:20]))

    def _names_unknown_places(self, clause: Clause) -> bool:
        """True when the clause locates its incident at names no gazetteer lists ("areas in Kafr Nabudah and
        Al-Habit"): its places are those villages, not a town of the province named elsewhere."""
        known = {p.start for p in self.places} | self.actor_starts
        for found in _LOCATED_NAME_RE.finditer(self.text, clause.start, clause.end):
            if found.start("name") not in known and not is_common_word(found.group("name")):
                return True
        return False

    # ------------------------------------------------------------------ events
    def _split_double_incidents(self, mentions: list[Mention]) -> list[Mention]:
        """The mentions, each one that tells two incidents at once split in two, one per type (ACLED): a clash
        that also struck civilians ("attacked the military base and the civilian population in X") and a strike
        told with fighting ("a drone strike accompanied by intense clashes", see ``_strike_and_fighting``)."""
        out: list[Mention] = []
        for mention in mentions:
            classified = classify(dict(mention.scores))
            both = FORCE_AND_CIVILIANS_RE.search(self.text, mention.clause.start, mention.clause.end) if (
                classified is not None and classified[1] == "Armed clash") else None
            if both is not None and any(both.start() <= t.start < both.end() for t in mention.triggers):
                weight = max(3.5, *mention.scores.values())  # (two events of their own, not a weak second type)
                out.append(replace(mention, scores={**mention.scores, "Armed clash": weight}))
                out.append(replace(mention, scores={"Attack": weight}))
                continue
            pair = self._strike_and_fighting(mention)
            if pair is not None:
                strike, fighting = pair
                out.append(replace(mention, scores={strike.sub_event_type: strike.weight}, triggers=[strike]))
                out.append(replace(mention, scores={"Armed clash": max(3.5, fighting.weight)}, triggers=[fighting]))
                continue
            fights = [t for t in mention.triggers if t.sub_event_type == "Armed clash" and t.weight >= 3.0]
            seizures = [t for t in mention.triggers if t.sub_event_type == "Abduction/forced disappearance" and t.weight >= 4.0]
            if fights and seizures and fights[0].start < seizures[0].start:
                # "the army briefly battled rebels in Yei town on Thursday, leading to the abduction of six young
                # men": the fight and the abduction that followed it, two events
                out.append(replace(mention, scores={"Armed clash": max(3.5, fights[0].weight)}, triggers=fights))
                out.append(replace(mention, scores={"Abduction/forced disappearance": seizures[0].weight},
                                   triggers=seizures))
                continue
            out.append(mention)
        return out

    def _strike_and_fighting(self, mention: Mention) -> tuple[Trigger, Trigger] | None:
        """"a drone strike accompanied by intense clashes", "heavy fighting and drone strikes": fire from afar and
        fighting on the ground told together, two events (ACLED codes one per type), or None."""
        strikes = [t for t in mention.triggers if t.sub_event_type in _REMOTE_SUBS and t.weight >= 4.0]
        fights = [t for t in mention.triggers if t.sub_event_type == "Armed clash" and t.weight >= 3.0]
        for strike in strikes:
            for fight in fights:
                first, second = (strike, fight) if strike.start < fight.start else (fight, strike)
                if _STRIKE_AND_FIGHT_GAP_RE.fullmatch(self.text, first.end, second.start):
                    return strike, fight
        return None

    def _build(self, mentions: list[Mention]) -> None:
        groups: dict[tuple[str, date | None, str], _Group] = {}
        points: dict[tuple[float, float], str] = {}
        twins: list[tuple[Any, str]] = []
        for mention in self._split_double_incidents(mentions):
            classified = classify(dict(mention.scores))
            if classified is None:
                continue
            # one event per location, day and type: a place coded at another's point (a city's district coded at
            # the city, "Hawlwadag district" beside "Mogadishu") is the same location
            # (names the gazetteer lacks, coded near a town, stay apart: "the villages of X and Y near Z")
            point = mention.place.place
            same_point = point.id if mention.place.approximate or mention.place.proxy_start is not None or (
                point.kind in ("admin1", "admin2", "region", "country")) else (
                points.setdefault((round(point.lat, 2), round(point.lon, 2)), point.id))
            if point.kind in SETTLEMENT_KINDS and same_point == point.id:
                # one town that GeoNames lists twice a few km apart ("Al Fūlah" and "Al-Fulah"): one location
                twin = next((other_id for other, other_id in twins if _fold_name(other.name) == _fold_name(point.name)
                             and haversine_km(other.lat, other.lon, point.lat, point.lon) <= TWIN_KM), None)
                if twin is None:
                    twins.append((point, same_point))
                else:
                    same_point = twin
            key = (same_point, mention.day, classified[0])
            group = groups.setdefault(key, _Group())
            group.mentions.append(mention)
            for sub, score in mention.scores.items():
                group.scores[sub] += score * (0.5 if mention.clause.headline else 1.0)
        self._fold_statement_days(groups)
        self._fold_lead_placed(groups)
        _fold_month_into_day(groups)
        # fold weak second types at one place and day into the strongest one
        by_place_day: dict[tuple[str, date | None], list[tuple[str, date | None, str]]] = defaultdict(list)
        for key in groups:
            by_place_day[(key[0], key[1])].append(key)
        for keys in by_place_day.values():
            if len(keys) < 2:
                continue
            keys.sort(key=lambda k: -(classify(dict(groups[k].scores)) or ("", "", 0.0))[2])
            top = groups[keys[0]]
            area = top.mentions[0].place.rank >= 3  # a province-level report: one event, its strongest type
            for key in keys[1:]:
                strongest = max((classify(dict(m.scores)) or ("", "", 0.0))[2] for m in groups[key].mentions)
                # one crowd at one place and day is one demonstration, coded by its most serious feature
                crowd = {key[2], keys[0][2]} <= _DEMONSTRATION_TYPES
                if area or crowd or strongest < 3.0 or all(m.clause.headline for m in groups[key].mentions):
                    top.mentions.extend(groups[key].mentions)
                    for sub, score in groups[key].scores.items():
                        top.scores[sub] += score * 0.5
                    del groups[key]
        # headline-only groups repeat the lead: keep them only when nothing else was found
        # (a body that places the incident only by its province does not hide the headline's town: "Missiles
        # strike … in Erbil's Koya district" over "… struck the headquarters …" in Kurdistan)
        body_places = [g.mentions[0].place.place for g in groups.values()
                       if not all(m.clause.headline for m in g.mentions) and g.mentions[0].place.rank < 3]
        if body_places:
            for key in [k for k, g in groups.items() if all(m.clause.headline for m in g.mentions)]:
                place = groups[key].mentions[0].place.place
                if groups[key].mentions[0].place.rank < 3 and all(
                        haversine_km(place.lat, place.lon, p.lat, p.lon) > HEADLINE_APART_KM for p in body_places):
                    continue  # "13 passengers killed in Musakhail after identity check": a standfirst's own incident
                del groups[key]
        # a province-level event is dropped when a town of that province has an event that day
        specific = [(g.mentions[0].place.place, k[1]) for k, g in groups.items()
                    if g.mentions[0].place.rank < 4]
        for key in list(groups):
            place = groups[key].mentions[0].place.place
            if place.kind == "country":
                del groups[key]  # "in eastern Syria" alone is no location an event can be coded at
            elif KIND_RANK.get(place.kind, 0) >= 3 and any(
                    day == key[1] and p.country == place.country and p.admin1 == place.admin1 and p is not place
                    and KIND_RANK.get(p.kind, 0) < 3 for p, day in specific):
                del groups[key]
            elif place.kind == "admin2" and (towns := [
                    k for k, g in groups.items() if k[1] == key[1] and (p := g.mentions[0].place.place).country
                    == place.country and KIND_RANK.get(p.kind, 0) < 2
                    and haversine_km(p.lat, p.lon, place.lat, place.lon) <= DISTRICT_TOWN_KM]):
                # "a suicide bomber … at a rally in the Bajaur district … The blast ripped through a tent in Khar":
                # the district's town says where; what the district's clause told counts for the town's event
                town = groups[towns[0]]
                _move_group(groups, key, town,
                            f"the town the text names in {place.name} ({town.mentions[0].place.place.name})")
        self._attach_headline(list(groups.values()))
        self._attach_claim_clauses(list(groups.values()))
        kept: dict[_DraftKey, EventDraft] = {}
        for group in groups.values():
            draft = self._draft(group)
            if draft is None:
                continue
            key = (str(getattr(draft.place, "id", draft.place.name)), draft.event_date, draft.event_type)
            same = kept.get(key)
            if same is None:
                kept[key] = draft
                self.out.drafts.append(draft)
            else:
                _fold_draft(same, draft)

    def _fold_lead_placed(self, groups: dict[tuple[str, date | None, str], _Group]) -> None:
        """A mention placed only by the article's lead ("The aftermath of a Turkish airstrike that killed three
        fighters on August 13" under "… airstrike close to Duhok city") is the incident the body places, that day,
        near it ("… in Rashanke village, 20 km east of Duhok"), not a second one at the town the headline names."""
        for key in list(groups):
            group = groups[key]
            if key[1] is None or not all(m.place_how == "the article's lead" or m.clause.headline for m in group.mentions) or (
                    all(m.clause.headline for m in group.mentions)):
                continue
            here = group.mentions[0].place.place
            body = [k for k, g in groups.items() if k != key and k[1] == key[1] and k[2] == key[2] and not any(
                m.place_how == "the article's lead" for m in g.mentions) and haversine_km(
                here.lat, here.lon, g.mentions[0].place.place.lat, g.mentions[0].place.place.lon) <= HEADLINE_APART_KM]
            if len(body) != 1:
                continue
            _move_group(groups, key, groups[body[0]], "the place the body gives the incident")

    def _fold_statement_days(self, groups: dict[tuple[str, date | None, str], _Group]) -> None:
        """"… have seized the town, the army said on Wednesday. … took control of the port on Tuesday": the day
        a statement was made is not a second incident when the text dates the incident itself, a few days before
        (also when the statement placed it only by its country or province, or at the point of a village the
        gazetteer lacks: "killed 23 in central Mali, officials said Sunday … killed dozens in the village of X on
        Friday")."""
        for key in list(groups):
            place_id, day, event_type = key
            group = groups[key]
            if day is None or not all(self._statement_date(m.date_mention) for m in group.mentions):
                continue
            area = group.mentions[0].place
            earlier = [k for k, g in groups.items() if k[1] is not None and (
                k[0] == place_id or _holds(area, other := g.mentions[0].place) or _km(
                    area.place.lat, area.place.lon, other.place.lat, other.place.lon) < 1.0) and (
                k[2] == event_type or ({k[2], event_type} == _KILLING_TYPES
                                       and (classify(dict(g.scores)) or ("", "", 9.0))[2] < 3.0))
                       and 0 < (day - k[1]).days <= 7 and any(m.own_date and not self._statement_date(m.date_mention)
                                                              for m in g.mentions)
                       and not _other_weapons(group.scores, g.scores)
                       # (but a statement about a strike on the town itself is not Tuesday's strike on a village
                       # the gazetteer lacks, coded at the town's point: "… a drone attack in the center of Sinjar"
                       # beside "… on Tuesday, a drone targeted the village of Chumu-Khalaf in Sinjar district")
                       # (a statement's "attack on a village near Bandiagara" is that unnamed village: it folds)
                       and not (area.rank < 3 and not area.approximate and area.cue_before not in ("near", "outside")
                                and all(m.place.approximate for m in g.mentions) and not (area.start >= 0 and (
                                    _UNNAMED_NEAR_RE.search(self.text, max(0, area.start - 40), area.start))))]
            if not earlier:
                continue
            target = groups[max(earlier, key=lambda k: k[1])]
            for mention in group.mentions:
                mention.day, mention.precision = target.mentions[0].day, target.mentions[0].precision
                mention.date_how = "the incident's own date, given later in the text"
                if mention.place.place.id != target.mentions[0].place.place.id:
                    mention.place, mention.place_how = target.mentions[0].place, "the place the text gives later"
            target.mentions[:0] = group.mentions
            for sub, score in group.scores.items():
                target.scores[sub] += score
            del groups[key]

    def _attach_headline(self, groups: list[_Group]) -> None:
        """The headline says what the lead is about ("Strikes kill 100 …"): its trigger words and actors count
        for the event of the article's first dated incident (ACLED coders read the headline first)."""
        body_groups = [g for g in groups if any(not m.clause.headline for m in g.mentions)]
        if not body_groups:
            return
        lead = min(body_groups, key=lambda g: min(m.clause.start for m in g.mentions if not m.clause.headline))
        sources: list[tuple[str, int, bool]] = [
            (self.text[c.start : c.end], c.start, True) for c in self.clauses if c.headline]
        title = (self.article.title or "").strip()
        if title and not sources and title.casefold() not in self.text.casefold():
            sources.append((title, 0, False))
        for text, _offset, _valid in sources:
            for trigger in find_triggers(text):
                lead.scores[trigger.sub_event_type] += trigger.weight
        lead.headlines.extend(sources)

    def _attach_claim_clauses(self, groups: list[_Group]) -> None:
        """Casualty figures in sentences that report no incident of their own ("Reuters cited an official as
        saying over 100 had been killed") belong to the article's event, or to the event just before them."""
        if not groups:
            return
        used = {m.clause.start for g in groups for m in g.mentions}
        background = {a for a, _ in self.background_spans}
        for clause in self.clauses:
            if clause.start in used or clause.start in background or clause.caption or clause.headline:
                continue
            if not self._in(self.casualties, clause.start, clause.end, key=lambda o: o):
                continue
            body = self.text[clause.start : clause.end]
            if _BACKGROUND_RE.search(body) or _HABIT_RE.search(body):
                continue
            if len(groups) == 1:
                groups[0].extra_clauses.append(clause)
                continue
            before = [(m.clause.start, g) for g in groups for m in g.mentions
                      if m.clause.start < clause.start and m.clause.paragraph == clause.paragraph]
            if before:
                max(before, key=lambda item: item[0])[1].extra_clauses.append(clause)

    def _local_actor(self, name: str | None, votes: RoleVotes, where: Any) -> str | None:
        """A theatre's actor named only by a generic word ("government forces", "rebels", "insurgents")
        outside its theatre is that country's: "Military Forces of Mozambique", not the Syrian government."""
        home = _THEATRE_OF.get(name or "")
        country = getattr(where, "country", None)
        if home is None or not country or country == home:
            return name
        # (named only in the headline, "Rebels shell Bunia outskirts": the headline is what was written)
        written = " ".join(self.text[a:b].lower() for a, b in votes.evidence.get(name or "", [])) or (
            self.article.title or "").lower()
        if not written or _THEATRE_WORDS[home].search(written):
            return name  # "Syrian troops shelled a Lebanese village": the Syrian army itself
        if self.actors.side(name) == "government":
            return f"Military Forces of {getattr(where, 'country_name', country)}"
        return "Unidentified armed group"

    def _claims_of(self, clause: Clause) -> list[Any]:
        """The casualty claims of a clause (memoised: a clause listing several places feeds several events)."""
        cache = self._claims_cache
        found = cache.get((clause.start, clause.end))
        if found is None:
            sentence = Sentence(clause.start, clause.end, self.text[clause.start : clause.end])
            previous = self.prepared.sentences[clause.sentence - 1] if clause.sentence > 0 else None
            found = cache[(clause.start, clause.end)] = list(find_claims(
                self.text, sentence, self.article.publisher or "reporting outlet", self.alias_names, previous))
        return found

    def _draft(self, group: _Group) -> EventDraft | None:
        mentions = group.mentions
        first = min(mentions, key=lambda m: (m.clause.headline, m.clause.start))
        # (a mention that names the very day beats an earlier one that fell back on it: an infobox's "December
        # 2023" read at the anchor, beside "… and Aguelhok on December 20")
        # (and a day of the month or year a mention gives alone: see _fold_month_into_day)
        dated = first if first.precision == "day" else next((m for m in sorted(mentions, key=lambda m: m.clause.start)
                                                             if m.precision == "day" and _within(m.day, first)), first)
        votes = RoleVotes()
        claims: dict[tuple[Any, ...], Any] = {}
        spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
        clause_bodies = []
        seen_clauses: set[int] = set()
        for mention in mentions:
            clause = mention.clause
            if clause.start in seen_clauses:
                continue
            seen_clauses.add(clause.start)
            clause_bodies.append(self.text[clause.start : clause.end])
            actors_here = self._in(self.actor_mentions, clause.start, clause.end)
            pivots = [t.start for t in mention.triggers] + self._in(self.casualties, clause.start, clause.end,
                                                                     key=lambda o: o)
            weight = 0.5 if clause.headline else 1.0
            vote(self.text, clause.start, clause.end, pivots, actors_here, weight, votes)
            vote_blame(self.text, clause.start, clause.end, actors_here, weight, votes)
            for trigger in mention.triggers:
                if trigger.weight >= 3 and len(spans["event_type"]) < 3:
                    spans["event_type"].append((trigger.start, trigger.end))
            if not clause.headline:
                for claim in self._claims_of(clause):
                    key = (claim.claimant, claim.kind, claim.low, claim.high, claim.vague)
                    claims.setdefault(key, claim)
        for text, offset, valid in group.headlines:
            pivots = [t.start for t in find_triggers(text)] + [m.start() for m in CASUALTY_RE.finditer(text)]
            mentions_here = [m for m in self.actor_mentions if offset <= m.start < offset + len(text)] if valid else \
                self.actors.find(TokenText.of(text), text)
            if valid:
                vote(self.text, offset, offset + len(text), [offset + p for p in pivots], mentions_here, 1.0, votes)
            else:
                vote(text, 0, len(text), pivots, mentions_here, 1.0, votes, offset_valid=False)
        for clause in group.extra_clauses:
            for claim in self._claims_of(clause):
                claims.setdefault((claim.claimant, claim.kind, claim.low, claim.high, claim.vague), claim)
        actor1, actor2, assoc = decide(votes, self.actors)
        where = first.place.place
        actor1 = self._local_actor(actor1, votes, where)
        actor2 = self._local_actor(actor2, votes, where)
        # who takes territory decides its sub-type: any state's forces regain it, others overtake it
        side = "government" if self.actors.is_state(actor1) else self.actors.side(actor1)
        if actor1 is None and _STATE_FORCES_RE.search(" ".join(clause_bodies)):
            side = "government"  # "the army said it had retaken the town of X": a state's forces, unnamed
        classified = classify(dict(group.scores), side)
        if classified is None:
            return None
        event_type, sub_event_type, type_score = classified
        event_type, sub_event_type = _refine_type(event_type, sub_event_type, " ".join(clause_bodies))
        if actor1 is not None and actor1.startswith("Civilians") and event_type not in ("Protests", "Riots"):
            # villagers, worshippers, residents are who an attack or a strike hit, never its author
            actor1, actor2 = None, actor2 or actor1
        place_mention = first.place
        place = place_mention.place
        # a province below admin-1 ("Yatenga province", "Maguindanao del Sur") is a province-level location,
        # like an admin-1 unit; a district the text calls one ("Khyber Agency", "Kurram district") is coded at
        # its seat
        provincial = place.kind == "admin2" and place_mention.cue_after not in ADMIN2_CUES and not any(
            name.lower().endswith((" district", " agency")) for name in (place.name, *place.alt_names))
        geo_precision = 3 if place.kind in ("admin1", "country") or provincial else 2 if (
            place.kind in _AREA_KINDS or place_mention.approximate or place_mention.cue_after in ADMIN2_CUES
            or place_mention.cue_after in ("road", "highway") or (place_mention.start >= 0 and _UNNAMED_NEAR_RE.search(
                self.text, max(0, place_mention.start - 40), place_mention.start))) else (
            1 if place_mention.cue_before in _DIRECT_CUES or place_mention.cue_after in ("village", "town", "city")
            or first.place_how == "named in the clause" else 2)
        if place_mention.start >= 0:  # a place named only in the title has no span in the text
            spans["location"].append((place_mention.start, place_mention.end))
        if dated.date_mention is not None:
            spans["event_date"].append((dated.date_mention.start, dated.date_mention.end))
        for name, field_name in ((actor1, "actor1"), (actor2, "actor2")):
            spans[field_name].extend(votes.evidence.get(name or "", [])[:2])
        claim_rows = [
            {"claimant": c.claimant[:500], "kind": c.kind, "low": c.low, "high": c.high, "vague": c.vague,
             "detail": c.detail[:300] if c.detail else None, "evidence": [{"start": c.start, "end": c.end, "field": None}]}
            for c in claims.values()
        ]
        spans["claims"].extend((c.start, c.end) for c in claims.values())
        explain = {
            "place": f"{place.name} ({place.kind}, {place.country_name}): {first.place_how}; {place_mention.why}",
            "date": (f"{dated.day.isoformat() if dated.day else 'unresolved'} ({dated.precision}): {dated.date_how}"),
            "type": f"{sub_event_type}: trigger words " + ", ".join(
                sorted({self.text[t.start:t.end].lower() for m in mentions for t in m.triggers})[:6]),
            "mentions": str(len(mentions)),
        }
        if place_mention.alternatives:
            explain["other_places_of_that_name"] = "; ".join(
                f"{p.name} ({p.country_name}, {p.kind})" for p in place_mention.alternatives[:3])
        return EventDraft(place=place, event_date=dated.day, date_precision=dated.precision, event_type=event_type,
                          sub_event_type=sub_event_type, actor1=actor1, actor2=actor2, assoc_actors=assoc,
                          claims=claim_rows, geo_precision=geo_precision, spans=dict(spans), explain=explain,
                          type_score=type_score, dated_by_text=dated.own_date or dated.date_how != (
                              "no date in the text: the publication date"))


_FUNCTION_WORD_RE = re.compile(r"\b(?:the|a|an|of|in|on|at|was|were|is|are|has|have|had|by|to|with|and|said|after)\b",
                               re.IGNORECASE)


def _trigger_scores(triggers: list[Trigger]) -> defaultdict[str, float]:
    """Sub-event type → summed weight of the triggers."""
    scores: defaultdict[str, float] = defaultdict(float)
    for trigger in triggers:
        scores[trigger.sub_event_type] += trigger.weight
    return scores


#: The two types a killing told in a few words may be coded as: a weak "men killed dozens of people" told after
#: "gunmen killed 23 people" is the same incident.
_KILLING_TYPES = {"Battles", "Violence against civilians"}


def _holds(area: PlaceMention, place: PlaceMention) -> bool:
    """True when ``area`` is a country or province (rank 3 or more) and ``place``, more specific, lies in it."""
    outer, inner = area.place, place.place
    if area.rank < 3 or place.rank >= area.rank or inner.country != outer.country:
        return False
    return area.rank >= 4 or (bool(outer.admin1) and inner.admin1 == outer.admin1)


def _fold_name(name: str) -> str:
    return re.sub(r"[^a-z]", "", unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower())


def _is_tag_line(line: str) -> bool:
    """A line of keywords or tags ("Syria SDF Turkish drone strikes northeast Syria"), not a sentence."""
    stripped = line.strip()
    # a line that says when ("Israeli strikes hit Khan Younis overnight") is a headline, not tags
    return (0 < len(stripped) < 100 and stripped[-1:] not in ".!?\"”:" and not _FUNCTION_WORD_RE.search(stripped)
            and not DATE_RE.search(stripped))


_GROUP_WORD_RE = re.compile(r"\s+(?:groups?|cells?|factions?|units?|squads?|gangs?|bands?|columns?)\b", re.IGNORECASE)


_DraftKey = tuple[str, date | None, str]


_WEEKDAY_RANGE_RE = re.compile(r"\b(mon|tues|wednes|thurs|fri|satur|sun)day\s+(?:to|and|through|until)\s+"
                               r"(mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
_DAY_RANGE_RE = re.compile(r"\b([0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|–|and|to|through)\s*([0-3]?\d)(?:st|nd|rd|th)?\b")
_WEEKDAY_STEMS = ("mon", "tues", "wednes", "thurs", "fri", "satur", "sun")
#: Most days after the first that a date range gives events of their own ("7-8 October": one more).
RANGE_EXTRA_DAYS = 3


def _range_days(mention: DateMention | None) -> list[int]:
    """The days after the first that a date range or pair gives events on, as offsets ("Monday to Tuesday" [1],
    "12 to 14 March" [1, 2], "on 22 and 25 September" [3]: the two days written, not the days between; a night
    "Monday into Tuesday" []), a range up to RANGE_EXTRA_DAYS long; [] for a single day."""
    if mention is None or "night" in mention.text.lower():
        return []  # "overnight Wednesday to Thursday": one night, coded on its start
    if (weekdays := _WEEKDAY_RANGE_RE.search(mention.text)) is not None:
        first, last = (_WEEKDAY_STEMS.index(g.lower()) for g in weekdays.groups())
        days, pair = (last - first) % 7, bool(re.search(r"\band\b", weekdays.group(0), re.IGNORECASE))
    elif mention.kind == "absolute" and (numbers := _DAY_RANGE_RE.search(mention.text)) is not None:
        days, pair = int(numbers.group(2)) - int(numbers.group(1)), bool(re.search(r"\band\b", numbers.group(0)))
    else:
        return []
    if pair:
        return [days] if 0 < days <= 7 else []
    return list(range(1, days + 1)) if 0 < days <= RANGE_EXTRA_DAYS else []


def _other_weapons(first: dict[str, float], second: dict[str, float]) -> bool:
    """True when two mentions each name a weapon the other does not ("an artillery attack on a mosque" beside
    "drone strikes on the hospital"): two incidents, not one told twice."""
    def weapons(scores: dict[str, float], least: float) -> set[str]:
        return {sub for sub, score in scores.items() if sub in _WEAPON_SUBS and score >= least}

    named_a, named_b = weapons(first, 2.5), weapons(second, 2.5)
    strong = weapons(first, 4.0) | weapons(second, 4.0)
    return bool(named_a) and bool(named_b) and bool(strong) and not (named_a & named_b)


def _fold_draft(same: EventDraft, draft: EventDraft) -> None:
    """One event per place, day and event type (ACLED): gunmen who stormed a village and killed and abducted its
    people, told as two incidents, are one attack, coded by its stronger sub-event type; claims, evidence and
    actors join."""
    if draft.type_score > same.type_score:
        same.sub_event_type, same.type_score = draft.sub_event_type, draft.type_score
        same.explain["type"] = draft.explain.get("type", same.explain.get("type", ""))
    for claim in draft.claims:
        if claim not in same.claims:
            same.claims.append(claim)
    for name, found in draft.spans.items():
        spans = same.spans.setdefault(name, [])
        spans.extend(span for span in found if span not in spans)
    same.actor1, same.actor2 = same.actor1 or draft.actor1, same.actor2 or draft.actor2


def _within(day: date | None, mention: Mention) -> bool:
    """Whether ``day`` is the mention's day, or a day of the month or year it is dated to."""
    if day is None or mention.day is None:
        return False
    if mention.precision == "month":
        return (day.year, day.month) == (mention.day.year, mention.day.month)
    if mention.precision == "year":
        return day.year == mention.day.year
    return day == mention.day


def _fold_month_into_day(groups: dict[tuple[str, date | None, str], _Group]) -> None:
    """"The massacre took place in Kumba in October 2020 … Around noon on 24 October 2020, men stormed the school":
    a mention dated only by its month (or year) is the incident the text dates to a day of it at the same place and of
    the same type, when there is one such day; several days leave the month's mention a summary of its own."""
    for key in list(groups):
        place_id, day, event_type = key
        group = groups[key]
        if day is None or any(m.precision not in ("month", "year") for m in group.mentions):
            continue
        days = [k for k, g in groups.items() if k != key and k[0] == place_id and (
                    k[2] == event_type or {k[2], event_type} == _KILLING_TYPES)  # (a killing: a clash or an attack)
                and all(_within(k[1], m) for m in group.mentions) and all(m.precision == "day" for m in g.mentions)]
        if len(days) == 1:
            _move_group(groups, key, groups[days[0]], "the day the text gives the incident later")


def _move_group(groups: dict[tuple[str, date | None, str], _Group], key: tuple[str, date | None, str],
                target: _Group, how: str) -> None:
    """Fold the group at ``key`` into ``target``: its mentions take the target's place (told ``how``), its
    scores add up."""
    group = groups.pop(key)
    for mention in group.mentions:
        mention.place, mention.place_how = target.mentions[0].place, how
    target.mentions.extend(group.mentions)
    for sub, score in group.scores.items():
        target.scores[sub] += score


def _placed_orphan(orphan: tuple[str, date, str, DateMention | None, dict[str, float]], clause: Clause,
                   place: PlaceMention, how: str, triggers: list[Trigger]) -> Mention:
    """A dated incident told without a place (an "orphan"), placed by a later clause that refers back to it; the
    later clause's own trigger words count for its type."""
    _event_type, day, precision, date_mention, scores = orphan
    joined = defaultdict(float, scores)
    for sub, score in _trigger_scores(triggers).items():
        joined[sub] += score
    return Mention(clause, place, how, day, precision, date_mention, "the incident the clause refers back to",
                   dict(joined), triggers, True)


#: A count of people displaced or evacuated, not hurt ("displacing at least 6,200 people").
_DISPLACED_COUNT_RE = re.compile(r"\b(?:displac(?:ing|ed|es)|uproot(?:ing|ed)|evacuat(?:ing|ed)|sheltering|hosting)\s+"
                                 r"(?:(?:at\s+least|more\s+than|some|about|over|nearly|an\s+estimated)\s+)?"
                                 r"[\d,.]+(?:\s+(?:thousand|million))?\s+(?:[\w-]+\s+)?(?:people|persons|residents|civilians|"
                                 r"villagers|families|households)\b"
                                 # "which prompted 258 families to leave their homes"
                                 r"|\b(?:prompt(?:ed|ing)|forc(?:ed|ing)|caus(?:ed|ing)|le(?:d|ading))\s+(?:some\s+|about\s+|"
                                 r"at\s+least\s+|more\s+than\s+)?[\d,.]+(?:\s+(?:thousand|million))?\s+(?:people|persons|"
                                 r"residents|civilians|villagers|families|households)\s+to\s+(?:leave|flee|evacuate|abandon)\b",
                                 re.IGNORECASE)
#: After "N people": most of them armed ("…, including three police personnel,", "…, among them five soldiers").
_INCLUDING_COMBATANTS_RE = re.compile(r",?\s*(?:including|among\s+them)\s+(?:at\s+least\s+)?(?:\w+\s+){0,2}?"
                                      r"(?:police(?:men)?|policemen|soldiers|troops|personnel|officers|militiamen|"
                                      r"guards|servicemen|fighters|security\s+forces)\b", re.IGNORECASE)


#: Victims who bore arms (soldiers, police, fighters): an attack that killed them was a fight. Narrower than
#: ``_COMBATANT_RE`` (any armed word in a clause): a counted victim noun, so not "members" ("five members of a
#: family") nor "army".
_COMBATANT_NOUN_RE = re.compile(r"soldiers?|troops|fighters?|militants?|police(?:men)?|officers?|guards?|militia(?:men)?|"
                                r"gunmen|jihadists?|terrorists?|insurgents?|rebels?|servicemen|personnel", re.IGNORECASE)
#: ... not the attack's kind ("a terrorist attack", "a militant assault").
_ATTACK_WORD_AFTER_RE = re.compile(r"\s+(?:attacks?|assaults?|raids?|bombings?|violence|threat)\b", re.IGNORECASE)
#: An armed post as the target of an attack: those killed there are no bystanders by default.
_ARMED_TARGET_RE = re.compile(r"\b(?:attacks?|attacked|raids?|raided|assaults?|assaulted|stormed|overran)\s+(?:by\s+"
                              r"(?:[\w-]+\s+){1,3}?)?(?:on\s+)?(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,2}?(?:military|army|"
                              r"police|security|troops'?)\s+(?:[\w-]+\s+)?(?:bases?|camps?|posts?|outposts?|barracks|"
                              r"checkpoints?|stations?|garrisons?|headquarters|positions)\b", re.IGNORECASE)


def _refine_type(event_type: str, sub: str, body: str) -> tuple[str, str]:
    """ACLED's victim rule: a one-sided attack whose victims are civilians is violence against civilians;
    an "attack" on soldiers or police is a battle. The first victim noun counted in the text decides."""
    # (not the attacker counted as a group: "an insurgent group attacked …, where they killed three people")
    body = _DISPLACED_COUNT_RE.sub(" ", body)  # (nor people driven from home: "displacing at least 6,200 people")
    victims = [v for v in _VICTIM_RE.finditer(body) if not _GROUP_WORD_RE.match(body, v.end())]
    victim = victims[0] if victims else None
    civilians = victim is not None and (" ".join(victim.group("noun").lower().split()) in _CIVILIAN_NOUNS
                                        or _COMMUNITY_MEMBERS_RE.match(body, victim.end()) is not None)
    if civilians and victim is not None and victim.group("noun").lower() in ("people", "persons") and (
            _INCLUDING_COMBATANTS_RE.match(body, victim.end())):
        civilians = False  # "at least four people, including three police personnel, were killed": a fight with police
    if civilians and victim is not None and victim.group("noun").lower() in ("people", "persons") and (
            _ARMED_TARGET_RE.search(body)):
        civilians = False  # "five people were killed during a raid by armed fighters on an army base": a fight
    if civilians and any(_COMBATANT_NOUN_RE.fullmatch(v.group("noun")) and not _ATTACK_WORD_AFTER_RE.match(body, v.end())
                         for v in victims):
        civilians = False  # "the jihadists killed three civilians and 15 Malian soldiers": a battle with the army
    combatants = victim is not None and not civilians
    if victim is None:
        # (the attackers named as they act are not victims: "gunmen stormed Zaki Biam, killing people")
        civilians = bool(_CIVILIAN_RE.search(body)) and not any(
            not _ACTS_AFTER_RE.match(body, m.end()) for m in _COMBATANT_RE.finditer(body))
    if sub == "Armed clash" and civilians and not _CLASH_WORDS_RE.search(body):
        return SUB_EVENT_TYPES["Attack"], "Attack"
    if sub == "Attack" and combatants:
        return SUB_EVENT_TYPES["Armed clash"], "Armed clash"
    if sub == "Looting/property destruction" and (_KILLED_RE.search(body) or _KILLING_RE.search(body)) and not combatants:
        return SUB_EVENT_TYPES["Attack"], "Attack"  # looting is coded as such only when nobody is hurt
    return event_type, sub


def default_extractor() -> RuleExtractor:
    """Return the shared rule extractor over the default (whole-world) gazetteer."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = RuleExtractor()
    return _DEFAULT


_DEFAULT: RuleExtractor | None = None


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Equirectangular distance in km (close enough below a few hundred km)."""
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(x, math.radians(lat2 - lat1))
