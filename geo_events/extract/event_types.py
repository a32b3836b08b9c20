"""ACLED event type and sub-event type from what the text says happened.

Each rule is a pattern of trigger words with a weight for one sub-event type. Triggers found in a
sentence add ``weight × sentence weight`` (the headline and lead count most); the sub-event with the
highest total wins. "captured / seized / retook" become *Government regains territory* when the
attacker is a state force or its allies and *Non-state actor overtakes territory* otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from geo_events.extract.matcher import PrefixScanner, lower_same_length
from geo_events.taxonomy import SUB_EVENT_TYPES

#: "shot (dead) (at least) two …" up to whom: the words the victims are named by come after it (not "shot dead by").
_SHOT_WHOM = r"shot\s+(?:and\s+(?:killed|wounded|injured)\s+|dead\s+)?(?:at\s+least\s+)?(?:(?!by\s)[\w-]+\s+){0,2}?"
_RULES: tuple[tuple[str, float, str], ...] = (
    # "the Saudi-led coalition launched, Saturday, a series of raids on …": a coalition's raids are from the air
    # (first, so that "warplanes launched several raids" is read whole, not as "warplanes" and a ground raid)
    ("Air/drone strike", 4.0, r"(?:coalition|warplanes|jets|aircraft|air\s+force)\s+(?:launched|carried\s+out|conducted|staged)"
     r"\b[^.;\n]{0,30}?\braids"
     r"|air\s*strikes?|air\s*raids?|airstrikes?|air\s+attacks?|drone\s+strikes?|drone\s+attacks?|drone\s+raids?"
     r"|warplanes?|war\s+planes?|fighter\s+jets?|jets?\s+(?:bombed|struck|hit|pounded)|helicopter\s+gunships?"
     r"|aerial\s+(?:bombardment|bombing|attack)s?|bombing\s+raids?|barrel\s+bombs?|airstrike"
     r"|(?:guided|glide|gliding)\s+(?:aerial\s+)?bombs?|aerial\s+bombs?"
     r"|debris\s+(?:from|of)\s+(?:an?\s+|the\s+)?(?:downed\s+|intercepted\s+)?drones?"
     r"|jets?\s+dropped|dropped\s+(?:(?:two|three|four|several|\d+)\s+)?(?:barrel\s+|cluster\s+)?bombs"
     # armed groups' small drones ("dropped explosives from drones on X", "drone-dropped grenades")
     r"|(?:dropped|dropping|drop)\s+(?:[\w-]+\s+){0,2}?(?:explosives?|grenades?|bombs?|munitions?)\s+(?:from|with|using)\s+"
     r"(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:drones?|quadr?o?copters?|copters?)|drone-dropped|(?:explosive|kamikaze|fpv)[- ]drones?"
     # "an explosive device was dropped from a quadrocopter on the building"
     r"|(?:dropped|dropping)\s+(?:from|by)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:drones?|quadr?o?copters?|copters?|uavs?)"
     r"|quadr?o?copters?"
     r"|explosives?[- ](?:laden|packed|loaded|carrying)\s+drones?|drones?\s+(?:laden|packed|loaded)\s+with\s+explosives"
     # "attacked the headquarters in Safad with suicide drones"
     r"|with(?<!armed\swith)\s+(?:(?:a|an|two|three|several|\d+)\s+)?(?:suicide|kamikaze|explosive|attack|armed|fpv|"
     r"one-way(?:\s+attack)?)[- ]drones?"
     # "Russian troops hit Nikopol and the Marhanets community with drones"
     r"|(?:attacked|struck|hit|targeted|shelled)\b[^.;\n]{0,80}?\bwith(?<!armed\swith)\s+(?:(?:a|an|two|three|several|\d+)\s+)?"
     r"drones\b"
     r"|(?:fired|launched)\s+(?:an?\s+|two\s+|three\s+|four\s+|five\s+|several\s+|multiple\s+|dozens\s+of\s+|\d+\s+)?"
     r"(?:attack\s+|explosive\s+|suicide\s+|kamikaze\s+)?drones?\s+(?:at|on|towards?|toward|against|targeting|into)"
     r"|drones?\s+(?:targeted|struck|hit|attacked|bombed|fired|dropped)|(?:targeted|struck|hit|attacked)\s+by\s+(?:an?\s+)?"
     r"(?:[\w-]+\s+){0,2}(?:drones?|warplanes?|aircraft|jets?)|(?:aircraft|planes|helicopters?)"
     # ("planes, reportedly of Israeli origin, hit targets": an aside between the planes and what they did)
     r"(?:\s*,\s*(?:reportedly|believed|thought|apparently|allegedly|said|probably|likely)\b[^,.;\n]{0,40},)?\s+(?:hit|struck|bombed|"
     r"attacked|targeted|pounded|fired\s+on)"
     r"|(?:jet\s+fighters|fighter\s+jets|warplanes|gunships?)\s+(?:hit|struck|bombed|attacked|targeted|pounded|fired\s+on)"
     # a military release's "its aircraft destroyed a terrorist base near X"
     r"|(?:its|our|military|air\s+force)\s+(?:aircraft|planes|drones|helicopters)\s+(?:destroyed|struck|hit|"
     r"targeted|neutrali[sz]ed)"),
    # "A raid hit a house adjacent to the palace": a raid that hits something is an air raid
    ("Air/drone strike", 4.0, r"raids?\s+(?:hit|struck|destroyed|flattened|levelled|leveled)"),
    # a strike release's "one strike engaged an ISIS tactical unit", "two strikes destroyed a cache"
    ("Air/drone strike", 4.0, r"(?<!general\s)(?<!hunger\s)(?<!labour\s)(?<!labor\s)strikes?\s+"
     r"(?:engaged|destroyed|damaged|struck|targeted|suppressed)"),
    ("Air/drone strike", 2.5, r"(?<!general\s)(?<!hunger\s)(?<!\bon\s)(?<!labour\s)(?<!labor\s)strikes?(?!\s+action)"
     r"|struck|bombings?|bombed|bombardment|bombarded|pounded"),
    # a timeline's "2016 Mosul massacre": a massacre is violence against civilians
    ("Attack", 3.0, r"massacres?|(?:were|was|been)\s+massacred"
     # "the January 28 killing of four farmers near X": a killing told by its victims
     r"|killings?\s+of\s+(?:at\s+least\s+)?(?:[\w-]+\s+){0,2}?(?:civilians|villagers|farmers|residents|herders|"
     r"women|children|worshippers|people|passengers|fishermen|traders|students|displaced\s+people)\b"),
    # "the mayor … was found dead inside a car …, his body riddled with bullets": a killing known by its victim
    ("Attack", 3.0, r"(?:was|were|been)\s+found\s+(?:shot\s+|murdered\s+|stabbed\s+)?dead|riddled\s+with\s+bullets"),
    # "the bodies of seven men were discovered in the city of X", "found the bodies of five people, bound": a
    # killing known by its victims, coded where they were found
    ("Attack", 3.0, r"bod(?:y|ies)\s+of\s+(?:[\w-]+\s+){0,4}?(?:men|women|people|persons|civilians|victims|youths|"
     r"migrants|farmers|villagers|man|woman|boys|girls)\b[^.;!?]{0,40}?\b(?:were|was|had\s+been|have\s+been)\s+"
     r"(?:discovered|found|dumped|recovered|left)"
     r"|(?:discovered|found|recovered)\s+(?:the\s+)?bod(?:y|ies)\s+of\s+(?:[\w-]+\s+){0,4}?(?:men|women|people|"
     r"persons|civilians|victims|youths|migrants|farmers|villagers|man|woman)\b"),
    ("Shelling/artillery/missile attack", 4.0, r"shelling|shelled|shells|shell|artillery|mortars?|rocket\s+(?:fire|attacks?)"
     r"|rockets?\s+(?:fired|hit|landed|struck)|fired\s+(?:rockets|missiles|shells)|missile\s+(?:attacks?|strikes?)"
     r"|ballistic\s+missiles?|cruise\s+missiles?|anti-?ship\s+(?:ballistic\s+|cruise\s+)?missiles?|howitzers?|katyusha|(?:missiles?|rockets?|shells?)\s+(?:hit|struck|landed|slammed|fell)"
     r"|(?<!the\s)bombs?\s+(?:fell|landed|slammed)"),  # ("the bombs fell": the strike just told)
    ("Shelling/artillery/missile attack", 2.0, r"missiles?|rockets?|projectiles?"),
    # the weapon of an attack: "attacked a police post in Bannu with rockets", "… with mortar shells" (not the
    # arms a force carries: "gunmen armed with rocket-propelled grenades")
    ("Shelling/artillery/missile attack", 4.0, r"with(?<!armed\swith)\s+(?:(?:a|an|two|three|several|\d+)\s+)?"
     r"(?:(?:barrages?|salvos?|volleys?|hail)\s+of\s+)?(?:[\w-]+\s+)?(?:rockets?|missiles?|mortars?|mortar\s+"
     r"(?:shells|rounds|bombs)|artillery(?:\s+fire)?)\b(?!-)"),
    # a state bulletin's "army units targeted terrorists' positions near X" (no weapon named: fire from afar)
    ("Shelling/artillery/missile attack", 2.5, r"targeted\s+(?:the\s+)?(?:[\w-]+(?:'s?|’s?)?\s+){0,2}(?:positions?|hideouts?|"
     r"gatherings?|dens|fortifications|headquarters|launch(?:ing)?\s+pads?)"),
    ("Suicide bomb", 7.0, r"(?<!including\s)(?<!including\ssome\s)(?<!among\sthem\s)suicide\s+(?:bomb(?:er|ers|ing|ings)?|attack(?:er|ers|s)?|(?:car|truck|lorry|vehicle|motorcycle|motorbike)\s+"
     r"bomb(?:s|er|ers|ing|ings)?|blast|vest|explosion)"
     # (not "a suicide bomber training centre was destroyed", "suicide bombers were killed": the target)
     r"(?!\s+(?:training|camps?|cent(?:re|er)s?|factor(?:y|ies)|cells?|networks?|were\s+(?:killed|arrested|captured)))"
     r"|s?vbieds?|blew\s+(?:himself|herself|themselves)\s+up|explosives?[- ]laden\s+vest"
     # "the camps were attacked by kamikaze vehicles packed with explosives"
     r"|kamikaze\s+(?:vehicles?|cars?|trucks?|lorr(?:y|ies)|motorcycles?|bombers?)"),
    ("Remote explosive/landmine/IED", 5.0, r"roadside\s+bombs?|ieds?|improvised\s+explosive|land\s*mines?|(?:car|truck|lorry|bicycle)\s+bombs?"
     r"|explosives?[- ]laden\s+(?:motorcycle|motorbike|car|vehicle|truck|lorry|bicycle|cart)s?"
     r"|detonated\s+(?:an?\s+)?(?:explosive|bomb|device|ied)s?"
     r"|booby[- ]trap(?:ped|s)?|explosive\s+devices?|explosives\s+(?:were\s+)?(?:triggered|detonated|exploded)|bomb\s+(?:exploded|went\s+off|blast)|explosions?|blasts?"
     r"|motorcycle\s+bombs?|sticky\s+bombs?|mines?\s+(?:exploded|blast)|unexploded\s+ordnance"
     # "a bomb planted on a motorcycle exploded", "a device hidden in a cart went off"
     r"|bombs?\s+(?:planted|hidden|placed|attached|strapped|concealed)"
     r"|(?:hit|struck|ran\s+over|drove\s+over|stepped\s+on|triggered)\s+(?:an?\s+)?(?:land\s*)?mines?"
     # the victim's vehicle that "struck an explosive device" (not a device struck as a target: see below)
     r"|(?:hit|struck|ran\s+over|drove\s+over|stepped\s+on|triggered)\s+(?:an?\s+)?(?:roadside\s+bomb|ied|"
     r"(?:improvised\s+)?explosive\s+device)"),
    ("Remote explosive/landmine/IED", 2.5, r"exploded|went\s+off"),
    # "a bomb attack took place at the market": a bomb, no bomber named
    # (not "barrel bomb attacks": bombs dropped from the air)
    ("Remote explosive/landmine/IED", 4.5, r"(?<!barrel\s)(?<!cluster\s)(?<!aerial\s)(?<!glide\s)(?<!guided\s)bomb(?:ing)?\s+attacks?"),
    # "a bomb killed 12 people at a market", "bombs ripped through …": the device did it (an air force's bombs
    # are told by their planes, which outweigh this)
    ("Remote explosive/landmine/IED", 4.0, r"(?<!barrel\s)(?<!cluster\s)(?<!aerial\s)bombs?\s+(?:killed|kills|wounded|"
     r"injured|ripped|tore|hit|struck|targeted|exploded|detonated)"),
    # incoming fire as front-line bulletins report it ("explosions were recorded in five communities")
    ("Shelling/artillery/missile attack", 6.0, r"explosions?\s+(?:were|was)\s+(?:also\s+|again\s+|later\s+)?(?:recorded|heard|reported)"),
    # (not the arms the attackers carried: "six men with guns and grenades … opened fire")
    ("Grenade", 5.0, r"(?<!guns\sand\s)(?<!rifles\sand\s)(?<!weapons\sand\s)(?<!with\s)grenades?(?!\s+and\s+(?:guns|rifles))"),
    # a thrown bomb is a grenade attack as ACLED codes it ("a pipe bomb was thrown into the outpost")
    ("Grenade", 5.5, r"(?:pipe\s+)?bombs?\s+(?:was|were)\s+(?:thrown|hurled|lobbed|tossed)|(?:threw|hurled|lobbed|tossed)\s+"
     r"(?:an?\s+|two\s+|three\s+)?(?:pipe\s+|home-?made\s+|crude\s+)?bombs?"),
    ("Remote explosive/landmine/IED", 5.0, r"pipe\s+bombs?"),
    ("Chemical weapon", 7.0, r"chemical\s+(?:attack|weapons?|agents?)|chlorine|sarin|nerve\s+agent|toxic\s+gas|poison\s+gas"),
    ("Armed clash", 3.0, r"clash(?:es|ed|ing)?|fighting(?!\s+(?:force|forces|group|groups|season|chance|spirit|positions?|vehicles?|units?|age|men|terrorism|terror|extremism|crime|corruption|drugs|poverty|disease)\b)|fought|battles?|battled|firefights?|gunfights?|gun\s+battles?|ambush(?:ed)?"
     r"|skirmish(?:es)?|exchanged\s+fire|exchange\s+of\s+fire|offensive|counter-?attack(?:ed|s)?|assault(?:s|ed)?"
     r"|engag(?:ed|ing)|infiltration\s+attempt|repelled|repulsed|repel(?:s|ling)?|repuls(?:e|es|ing)"
     # "Boko Haram infiltrated our base in Ngwom yesterday"
     r"|infiltrated\s+(?:(?:our|the|a|an|their|its)\s+)?(?:[\w-]+\s+)?(?:base|camp|barracks|post|outpost|positions?|"
     r"garrison|lines)\b"
     # a ground push as front-line bulletins tell it ("tried to break through our defences near X")
     r"|incursions?|(?:tried|attempted|trying|attempting)\s+to\s+break\s+through|broke\s+through"
     # the calque of French military releases: "units neutralised about ten terrorists"
     r"|neutrali[sz](?:ed|ing)\s+(?:some\s+|about\s+|around\s+|at\s+least\s+|more\s+than\s+|over\s+|nearly\s+|"
     r"dozens\s+of\s+|\w+\s+)?(?:\w+\s+)?"
     r"(?:terrorists|assailants|attackers|insurgents|militants|jihadists|fighters|bandits|enemies|elements)"),
    # military releases: "troops made contact with bandits", "30 armed bandits were neutralised"
    ("Armed clash", 3.0, r"(?:made|established)\s+contact\s+with\s+(?:the\s+)?(?:[\w-]+\s+)?(?:bandits|terrorists|militants|"
     r"insurgents|enemy|rebels|attackers|gunmen|criminals)"
     r"|(?:terrorists|bandits|militants|insurgents|attackers|assailants|jihadists|criminals)\s+(?:were|had\s+been|"
     r"have\s+been)\s+neutrali[sz]ed"),
    # fighters shot by the other side ("soldiers shot dead two militants", "shot three policemen"; more than a
    # bare "shot dead", which tells no side)
    ("Armed clash", 4.5, _SHOT_WHOM +
     r"(?:militants|fighters|insurgents|terrorists|rebels|bandits|jihadists|soldiers|troops|policemen|"
     r"police\s+officers|officers|militiamen|gunmen|a\s+soldier|a\s+policeman|a\s+police\s+officer)\b"),
    ("Armed clash", 2.0, r"under\s+fire|gunfire|exchange\s+of\s+gunfire"),
    # small-arms fire on a post, as Latin American reporting tells it ("police stations were harassed with bursts of
    # rifles and explosives", "rifle bursts and loud explosions were heard"): gunmen fire, the blasts go with it
    ("Armed clash", 7.0, r"(?:rifle|gun|machine-?gun)\s+bursts|bursts\s+of\s+(?:rifles?|gunfire|(?:automatic|machine-?gun|"
     r"rifle)\s+fire)|(?:were|was)\s+harassed\s+with|harassment\s+of\s+(?:the\s+)?(?:police|military|army)"),
    ("Armed clash", 3.0, r"shoot-?outs?|hostilities|(?:tanks|troops|forces|fighters|units)\s+(?:pushed|pressed|broke)\s+into"),
    # a place or a unit that "came under attack" / "came under heavy fire": an incident told from the target's side
    ("Armed clash", 2.5, r"(?:came|come|comes|coming)\s+under\s+(?:[\w-]+\s+){0,2}?(?:attacks?|fire)"),
    # Philippine military usage: "an armed encounter with NPA rebels", "killed in an encounter between …"
    ("Armed clash", 3.0, r"(?:armed\s+|brief\s+|fierce\s+|running\s+)?encounters?\s+(?:with|between|in|at|near|against)"
     r"|armed\s+encounters?"
     # "the encounter that broke out in Sitio Bugne", "another encounter ensued in Sitio Buyoron"
     r"|encounters?\s+(?:that\s+|which\s+)?(?:broke\s+out|ensued|erupted|occurred|happened|took\s+place)"
     # "troops encountered around 70 Abu Sayyaf members at X": met them in a fight
     r"|encountered\s+(?:(?:around|about|some|nearly|at\s+least)\s+)?(?:\d+\s+|an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?"
     r"(?:members|rebels|militants|gunmen|fighters|insurgents|terrorists|bandits|group|band|enemy)\b"),
    ("Armed clash", 3.0, r"raided|stormed|overwhelmed|invaded|invading(?!\s+(?:forces|troops|army|armies|soldiers|"
     r"russians?|enemy))"),
    ("Armed clash", 2.0, r"raids?"),
    ("Armed clash", 1.5, r"attack(?:ed|s)?|fighters\s+opened\s+fire|opened\s+fire|targeted"),
    # fire opened on armed men ("opened fire on the Malian UN security guards"): a fight
    ("Armed clash", 3.0, r"opened\s+fire\s+(?:at|on|upon)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:guards|soldiers|troops|"
     r"police(?:men)?|officers|security\s+forces|peacekeepers|gendarmes|checkpoint|patrol)\b"),
    # (an armed group that "is attacking" a town: counted only when worded as an incident, see _reports_an_incident)
    ("Armed clash", 0.5, r"attacking"),
    # fire opened on people, whoever fired ("… intruded into the village and opened fire at three persons")
    ("Attack", 3.5, r"opened\s+fire\s+(?:at|on|upon)\s+(?:\w+\s+){0,2}?(?:persons|people|civilians|villagers|"
     r"residents|worshippers|passengers|farmers|women|children|mourners|shoppers)\b"
     # "fired automatic weapons at a synagogue and a church": gunmen at a place of worship or of civilians
     r"|(?:opened\s+fire|fired(?:\s+(?:automatic\s+)?(?:weapons|rifles|guns|shots))?)\s+(?:at|on|upon|into)\s+(?:an?\s+|the\s+)?"
     r"(?:[\w-]+\s+)?(?:synagogues?|churche?s?|mosques?|temples?|schools?|markets?|hospitals?|homes|houses|"
     r"worshippers|shoppers|wedding|funeral)\b"),
    # "armed men staged terrorist attacks in the cities of X and Y": attacks told as such (victims decide the type)
    ("Armed clash", 2.5, r"terrorist\s+attacks?|(?:staged|carried\s+out)\s+(?:a\s+)?(?:series\s+of\s+)?(?:armed\s+|"
     r"coordinated\s+|simultaneous\s+)?attacks?"
     # "opened fire on a street post of the road patrol service"
     r"|(?:opened\s+fire|fired)\s+(?:at|on|upon)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:police|patrol|traffic|road|"
     r"street|security)\s+(?:[\w-]+\s+)?(?:posts?|officers|patrols?|stations?|checkpoints?|vehicles?)\b"),
    # "civilians died in the Turkish aggression on Qamishli": an attack on the places named, the weapon unsaid
    ("Armed clash", 2.5, r"aggression\s+(?:on|against)\b"),
    # "a fight between two families that ended with the use of firearms": a communal clash
    ("Armed clash", 3.0, r"(?:fight|fights|gunfight|shootout)\s+between\s+(?:two\s+|rival\s+)?(?:[\w-]+\s+)?"
     r"(?:families|clans|tribes|groups|factions|gangs|militias|communities)"),
    # "the SPLM-N launched an intensive attack on Kadugli": whoever launches an attack on a place, it happened
    ("Armed clash", 2.5, r"launched\s+(?:an?\s+|the\s+|several\s+|two\s+|three\s+|multiple\s+|a\s+series\s+of\s+)?"
     r"(?:(?!air|drone|rocket|missile|artillery|barrel|bomb|mortar|shell)[\w-]+\s+){0,2}?(?:attacks?|assaults?|raids?)\s+"
     r"(?:on|against|in)\b"),
    # "forcing government troops to pull out of the district centre": ground taken in the fight
    ("Non-state actor overtakes territory", 4.0, r"forc(?:ing|ed)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:forces|troops|soldiers|"
     r"army|police|policemen|fighters|militants|rebels)\s+to\s+(?:withdraw|retreat|pull\s+back|flee)\s+from"),
    # the target's side, passive like "was attacked": "a police station in X was targeted on Thursday" (a weapon,
    # when named, weighs more: "was targeted by a drone")
    ("Armed clash", 2.5, r"(?:was|were)\s+(?:(?:again|also|reportedly|allegedly)\s+)?targeted"),
    # a front-line bulletin's "Russian forces attacked near X", "continued attacks towards Y": ground fighting
    # (and "attacked northeast of Pokrovsk", a front-line bulletin's bearing from a town)
    ("Armed clash", 3.0, r"(?:attacked|attacks|assaults|advanced|advances)\s+(?:near|towards?|in\s+the\s+direction\s+of"
     r"|(?:(?:north|south)-?(?:east|west)|north|south|east|west)(?:ern)?\s+of)"),
    # an attack on an armed post ("attacked a military base", "attacked army positions", "attacked a convoy"): fighting
    # an attack aimed at soldiers ("the attacks targeted troops stationed at …", "attacked soldiers guarding …")
    # (forces "attacked" fought; forces "targeted" may have been hit from the air: "the drone attack targeted …")
    ("Armed clash", 3.0, r"attack(?:ed|s)?\s+(?:\w+\s+){0,2}?(?:troops|soldiers|policemen|police\s+officers|"
     r"security\s+forces|servicemen|peacekeepers|militiamen)\b"),
    ("Armed clash", 2.5, r"targeted\s+(?:\w+\s+){0,2}?(?:troops|soldiers|policemen|police\s+officers|"
     r"security\s+forces|servicemen|peacekeepers|militiamen)\b"),
    # an attack on a post of armed forces is fighting of its own, not a weak second type of the day's other incident
    ("Armed clash", 3.0, r"(?:attack(?:ed|s|ing)?\s+(?:on\s+)?|assault(?:ed|s|ing)?\s+(?:on\s+)?|"
     # "a raid by armed fighters on an army base"
     r"raid(?:s|ed)?\s+(?:by\s+(?:[\w-]+\s+){1,3}?)?(?:on\s+)?|"
     r"(?:fired|firing|opened\s+fire)\s+(?:on|at|upon)\s+)"
     r"(?:an?\s+|the\s+|two\s+|three\s+|several\s+|\d+\s+)?"
     r"(?:[\w'-]+\s+){0,3}?(?:\([\w' -]{1,30}\)\s+)?(?:(?:military|army|security|police|troops')\s+(?:[\w-]+\s+)?(?:camps?|posts?|stations?)"
     r"|bases?|outposts?|(?:army\s+|military\s+)?positions|checkpoints?|check-?posts?|convoys?|barracks|police\s+stations?|patrols?"
     r"|garrisons?"
     # "attacked the army's regional headquarters in Gao" (not a party's: "headquarters of the KDP")
     r"|(?:(?:military|army|army's|army’s|police|security|regional|command|brigade|battalion|division(?:al)?|"
     r"sector|operational|northern|southern|eastern|western)\s+){1,2}headquarters)\b"),
    ("Armed clash", 0.6, r"advance(?:d)?|besieged"),
    # a ground push ("tanks advanced deeper into the Shaboura neighbourhood")
    ("Armed clash", 2.5, r"tanks?\s+(?:advanced|pushed|rolled|moved|thrust)\s+(?:deeper\s+|further\s+)?(?:into|towards?)"),
    ("Armed clash", 2.0, r"outflanked|encircled|surrounded\s+(?:the|their)"),
    ("Armed clash", 3.0, r"snipers?|sniper\s+fire"),
    ("Attack", 4.0, r"executed|execution|massacred\s+civilians|(?:gunmen|(?:armed|unidentified|masked)\s+men|(?:armed\s+)?miscreants|assailants|bandits|herdsmen|herders|kidnappers|(?:cattle\s+)?rustlers|gang\s+members)\s+(?:killed|shot|opened\s+fire)|shot\s+dead|shot\s+and\s+(?:killed|injured|wounded)|(?:was|were)\s+gunned\s+down"
     r"|(?:killed|shot|gunned\s+down|shot\s+to\s+death)\s+by\s+(?:\w+\s+){0,2}?(?:gunmen|armed\s+men|assailants)"
     r"|stabbed|behead(?:ed|ing|ings)|lynched|murdered|assassinat(?:ed|ion)"
     # "his throat was slit using a sharp object", "slit the throats of two shepherds"
     r"|throats?\s+(?:was|were|had\s+been)\s+(?:slit|cut|slashed)|(?:slit|cut|slashed)\s+(?:\w+\s+){0,2}?throats?"
     # "two people died after being shot", "a farmer was shot in the head"
     r"|(?:after|when|were|was)\s+(?:being\s+|reported(?:ly)?\s+)?(?:fatally\s+)?shot(?!\s+down)|fatally\s+(?:shot|stabbed)"
     r"|shot\s+to\s+death"),
    # armed men storming a place of civilians ("stormed the South Hospital", "raided a school"): violence
    # against civilians, though fighters or guards may be there too (a mob attacking churches stays a mob)
    ("Attack", 4.5, r"(?:stormed|raided)\s+(?:an?\s+|the\s+)?(?:[\w'-]+\s+){0,3}?(?:hospitals?|clinics?|"
     r"schools?|mosques?|churches|church|markets?|wedding|funeral|displacement\s+camps?|idp\s+camps?)\b"),
    # a civilian office-holder killed ("killed the governor of West Darfur", "shot dead a village headman")
    ("Attack", 3.0, r"(?:killed|shot|gunned\s+down|abducted\s+and\s+killed)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}?"
     r"(?:governor|mayor|imam|judge|headman|village\s+(?:head|chief|elder)|councillor|lawmaker|journalist|"
     r"traditional\s+(?:ruler|leader)|chief\s+of\s+the\s+village)\b"),
    # people burned alive ("set the house on fire, burning the victims alive"): a massacre
    # (someone burned them: not "the four were burnt alive in their car" by a strike)
    ("Attack", 4.5, r"(?<!were\s)(?<!was\s)(?<!been\s)(?:burn(?:ing|ed|t)|burnt)\s+(?:(?:the|their|\d+|some|several|many)\s+)?"
     r"(?:[\w-]+\s+){0,2}?alive\b"),
    # an ambush on a home or a family is an attack on civilians ("militants ambushed a house near X, killing 11")
    ("Attack", 4.0, r"ambush(?:ed|es|ing)?\s+(?:on\s+)?(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:house|home|family|families|"
     r"wedding|funeral)\b"),
    # raiders who attack villages or their people (not a position or a convoy)
    ("Attack", 2.5, r"(?:attack(?:ed|s|ing)?|raid(?:ed|s|ing)?)\s+(?:on\s+)?(?:(?:several|two|three|four|five|the|a|\d+)\s+)?"
     r"(?:(?!(?:damaged|destroyed|hit|left|forced|killed|wounded|injured)\s)\w+\s+)?"  # ("attacks damaged houses")
     r"(?:villages?|villagers|civilians|residents|farmers|worshippers|displaced\s+people|herders|shepherds|homes?|houses?"
     r"|famil(?:y|ies)"
     # "three Boko Haram raids on communities", "attacked Bolakla, a village"
     r"|communities|community)\b"
     r"|attack(?:ed|s|ing)?\s+[\w'’-]+(?:\s+[\w'’-]+)?,\s+an?\s+(?:[\w-]+\s+)?(?:village|community|hamlet)\b"),
    # people shot who are no fighters ("herders shot six displaced women and a child", "shot dead two farmers")
    ("Attack", 3.5, _SHOT_WHOM +
     r"(?:civilians|women|children|villagers|residents|farmers|displaced|worshippers|students|pupils|passengers|"
     r"traders|a\s+child|a\s+woman|a\s+girl|a\s+boy|a\s+resident|a\s+farmer|a\s+trader)\b"),
    # the same told from the victims' side ("villagers in X were attacked", "worshippers were targeted")
    ("Attack", 3.0, r"(?:villagers|civilians|residents|worshippers|farmers|displaced\s+people|herders|shepherds|"
     r"passengers|travell?ers|mourners|pilgrims)\s+(?:[\w-]+\s+){0,3}?(?:were|was|had\s+been)\s+"
     r"(?:(?:again|also|reportedly|allegedly)\s+)?(?:targeted|attacked)"),
    # a camp of displaced people or refugees is civilians, not an army camp
    ("Attack", 3.0, r"attack(?:ed|s|ing)?\s+(?:on\s+)?(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:idp|displacement|displaced|refugee)s?\s+camps?"
     r"|attack(?:ed|s|ing)?\s+(?:on\s+)?(?:an?\s+|the\s+)?camps?\s+(?:for|of|housing|sheltering)\s+(?:the\s+)?"
     r"(?:displaced|refugees|idps)"),
    ("Abduction/forced disappearance", 5.0, r"kidnaps?(?!\s+victims?)|kidnapp(?:ed|ing|ings)(?!\s+victims?)|abducts?|abduct(?:ed|ing|ion|ions)|forcibly\s+disappeared|took\s+(?:\w+\s+){0,3}hostages?"),
    ("Sexual violence", 6.0, r"raped|rape|sexual\s+(?:violence|assault)"),
    # (not a government's protest: "lodging a note of protest with Ankara's ambassador", "a formal protest")
    ("Peaceful protest", 4.0, r"(?<!note\sof\s)(?<!notes\sof\s)(?<!formal\s)(?<!diplomatic\s)(?<!official\s)(?<!strong\s)"
     r"protest(?:ed|ers|ors|s|ing)?(?!\s+(?:note|letter)s?\b)(?!\s+(?:with|to)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?"
     r"(?:ambassadors?|embass(?:y|ies)|envoys?|charg[ée]|foreign\s+ministry|government)\b)"
     r"|demonstrat(?:ed|ion|ions|ors)|rall(?:y|ied|ies)|marched|sit-in"
     r"|(?:took|take|taking|takes)\s+to\s+the\s+streets"
     # a strike of workers, not of aircraft
     r"|(?:(?<=general\s)|(?<=hunger\s)|(?<=labour\s)|(?<=labor\s)|(?<=nationwide\s)|(?<=workers\s)|(?<=workers'\s)"
     r"|(?<=\bon\s))strikes?|strike\s+action|staged\s+a\s+(?:\w+\s+)?strike|strikers"),
    ("Protest with intervention", 5.0, r"arrested\s+(?:\w+\s+){0,4}?at\s+(?:an?\s+|the\s+)?(?:\w+\s+)?(?=rally|protest|"
     r"demonstration|march|sit-in)"),
    ("Protest with intervention", 5.0, r"tear\s*gas|water\s+cannons?|dispersed|rubber\s+bullets|arrested\s+(?:dozens\s+of\s+)?protesters"),
    ("Excessive force against protesters", 7.0, r"(?:opened\s+fire|fired|shot)\s+(?:on|at|into)\s+(?:the\s+)?(?:protesters|demonstrators|crowd)"
     r"|live\s+(?:rounds|ammunition|bullets)\s+(?:at|on|into)\s+(?:the\s+)?(?:protesters|demonstrators|crowds?)"
     r"|(?:killed|shot\s+dead)\s+(?:\w+\s+){0,2}(?:protesters|demonstrators)"),
    # a crowd is evidence of a demonstration, not an event by itself ("police dispersed the crowd with tear gas")
    ("Peaceful protest", 0.5, r"crowds?"),
    # rioters are a demonstration of their own (a riot needs one: see ``classify``)
    ("Peaceful protest", 0.5, r"riot(?:s|ers|ing|ed)?(?!\s+(?:police|policemen|gear|squads?|control|officers|troops|"
     r"units?|forces|shields))"),
    ("Violent demonstration", 5.0, r"riot(?:s|ers|ing|ed)?(?!\s+(?:police|policemen|gear|squads?|control|officers|"
     r"troops|units?|forces|shields))|torch(?:ed)?|set\s+fire\s+to|stormed|hurled\s+stones|threw\s+stones"
     r"|threw\s+(?:rocks|molotov|petrol\s+bombs|fireworks|bottles|firebombs)|(?:stone|rock)[- ](?:throwing|pelting)|set\s+(?:[\w-]+\s+){1,3}ablaze|(?:protesters|demonstrators|protesting\s+[\w-]+|rioters|rival\s+supporters)\s+"
     r"(?:clashed|clash|fought|battled)|clash(?:ed|es)?\s+with\s+(?:the\s+)?(?:riot\s+)?(?:police|security\s+forces)"),
    # (not "troops accompanied by armed local vigilantes": a militia; a lynching vigilante crowd is a mob)
    ("Mob violence", 6.0, r"mob|vigilante\s+(?:mob|justice|crowd)s?"
     # rival crowds with no demonstration told: "supporters of the two candidates clashed with stones"
     r"|supporters\s+(?:of\s+(?:[\w-]+\s+){1,4})?(?:clashed|fought|battled)"),
    ("Arrests", 4.0, r"arrest(?:ed|s)?|detain(?:ed|s)|detention\s+campaign|rounded\s+up|raid(?:ed)?\s+(?:and\s+)?arrest"),
    ("Agreement", 4.0, r"agreement|ceasefire|cease-fire|truce|deal\s+(?:was\s+)?(?:signed|reached)|reconciliation\s+deal"
     r"|prisoner\s+(?:swap|exchange)"),
    ("Government regains territory", 5.0, r"recaptur(?:ed|e|ing)|retook|retaking|regained|retaken|took\s+back|liberat(?:ed|ion)"
     r"|took\s+over|full\s+control|control\s+of"),
    # raiders enter the village they attack, an army the town it takes: entering alone is weak evidence
    ("Government regains territory", 2.5, r"entered"),
    # (not what is seized or captured from a fighter: "seized their weapons", "captured two militants")
    ("Non-state actor overtakes territory", 5.0, r"(?:captured|seized)(?!\s+(?:(?:their|the|a|an|his|its|large|huge|"
     r"several|some|two|three|four|five|six|\d+)\s+)?(?:[\w-]+\s+)?(?:weapons?|arms|ammunition|rifles?|guns?|"
     r"drugs?|explosives?|vehicles?|motorcycles?|motorbikes?|documents|phones|cash|money|items|equipment|materials?|"
     r"fighters?|militants?|soldiers?|rebels?|members?|suspects?|insurgents?|people|civilians|gunmen|jihadists|"
     r"terrorists?|hostages?|alive)\b)"
     r"|took\s+control|overran|overrun|taken\s+control|fell\s+to|swept\s+(?:into|through)"
     # "X has fallen on October 26th to the RSF", "the city fell under RSF control again"
     r"|fallen\s+(?:on\s+[\w ]{3,20}?\s+|again\s+)?to\b|fell\s+(?:again\s+)?under\s+(?:the\s+)?(?:(?:[\w-]+\s+){0,2}?control\b|(?:rsf|m23|taliban|"
     r"rebels?|militants?|insurgents?|jihadists?|houthis?|al-shabaab|isis|isil|daesh|wagner)\b)"
     # "capturing much of it by Saturday", "seizing most of the city"
     r"|(?:capturing|seizing)\s+(?:much|most|all|parts?|large\s+parts|swathes|control)\s+of\b"
     # "encircling the city of Lyman before capturing it on 1 October" (not "a bid for capturing it")
     r"|(?<!for\s)(?<!at\s)(?:capturing|seizing)\s+(?:it|them)\b"
     # "the SDF had taken the village of al-Suwar", "took the town of X"
     r"|(?:(?<=had\s)|(?<=has\s)|(?<=have\s))taken\s+(?:the\s+)?(?:[\w-]+\s+)?(?:villages?|towns?|city|base|airport)\b"
     r"|took\s+(?:the\s+)?(?:[\w-]+\s+)?(?:villages?|towns?|city)\s+of\b"
     # "Mocimboa da Praia was occupied by insurgents this morning"
     r"|(?:(?<=was\s)|(?<=were\s)|(?<=been\s))occupied\s+by"),
    # a timeline's present tense: "militants seize Iraq's second biggest city Mosul", "rebels capture the central
    # town of Konna" (not a plan: "march on the capital to seize it", "attempt to capture the refinery")
    ("Non-state actor overtakes territory", 4.0, r"(?<!to\s)(?:seizes?|captures?)\s+(?:control\s+of\s+)?(?:the\s+)?"
     r"(?:[\w'’-]+\s+){0,4}?(?:city|town|village|hometown|area|region|province|district|capital|base|airport|"
     r"oil\s+hub|stronghold)\b"),
    # "forces on Monday took El-Dhere town", "took the strategic rebel-held village": a named place taken (not
    # "took refuge in the town", "took the children to the city")
    ("Non-state actor overtakes territory", 4.0, r"took\s+(?!(?:part|place|refuge|shelter|cover|aim|photos?|pictures?|"
     r"him|her|them|us|me|people|residents|civilians|children|women|families|hostages?|up)\b)"
     r"(?:(?!(?:to|in|into|from|at|on|with|for|by|near)\b)[\w'’-]+\s+){1,4}?(?:city|towns?|villages?|hometown|"
     # "took the Bala Hissar fortress, a hilltop army position"
     r"stronghold|base|airport|district|fortress|fort|garrison|barracks|outpost|checkpoint|hilltop)\b"),
    # "troops pushed the Taliban from the city's centre", "drove the militants out of X": ground won back
    ("Government regains territory", 4.0, r"(?:pushed|drove|forced|chased|expelled|ousted)\s+(?:back\s+)?(?:the\s+)?"
     r"(?:[\w'’-]+\s+){0,3}?(?:militants|insurgents|rebels|fighters|jihadists|taliban|terrorists|attackers|"
     r"militia|enemy|al-shabaab|shabaab|houthis|isis|isil|daesh)\s+(?:back\s+)?(?:out\s+of|from)\b"),
    # "Russian Army took Gori": weak alone ("took part", "took office"); an incident after an armed subject
    ("Non-state actor overtakes territory", 1.0, r"took(?!\s+(?:part|place|office|power|over|back|control|hold|"
     r"refuge|shelter|cover|responsibility|note|steps?|action|a|an|the|his|her|their|its|it|them|him)\b)"),
    # (a person handed over to a court, the police or a family is no territory: "a former leader … was handed over
    # to the International Criminal Court")
    ("Non-violent transfer of territory", 5.0, r"withdrew\s+from|handed\s+over(?!\s+to\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
     r"(?:courts?|police|authorities|prosecutors?|famil(?:y|ies)|relatives|icc|custody|justice|tribunal|"
     r"international\s+committee|red\s+cross|unhcr|unicef))|withdrawal\s+from|pulled\s+out\s+of"),
    ("Looting/property destruction", 4.0, r"looted|looting|bulldozed|demolished|razed|torched\s+(?:homes|houses|villages?)"),
    # arson that often comes with a killing ("… killed 30 people and set fire to homes"): the killing decides
    ("Looting/property destruction", 2.0, r"torched|(?:set|setting|sets)\s+(?:fire\s+to|ablaze)\s+(?:\w+\s+){0,2}(?:homes|houses|vehicles|cars|"
     r"shops|fields|crops|villages?)|(?:burned|burnt)\s+(?:down\s+)?(?:\w+\s+){0,2}(?:homes?|houses?|villages?)"
     r"|(?:homes?|houses?|huts?|shops?)\s+(?:was|were|had\s+been)\s+(?:burned|burnt|torched|set\s+ablaze|set\s+on\s+fire)"),
    ("Headquarters or base established", 5.0, r"(?:set\s+up|established|built)\s+(?:a\s+)?(?:new\s+)?(?:base|outpost|headquarters)"),
)
_COMPILED = tuple((sub, weight, re.compile(rf"\b(?:{pattern})\b")) for sub, weight, pattern in _RULES)
#: First letters of every trigger's first word: only word starts beginning so are tried.
TRIGGER_STEMS = (
    "air", "dron", "targ", "hit", "warp", "war", "figh", "jet", "heli", "aeri", "bomb", "barr", "strik", "struc", "pound", "shel", "lorr", "bicy", "drop", "burn",
    "arti", "mort", "rock", "fire", "miss", "ball", "crui", "howi", "katy", "suic", "vbie", "svbi", "blew", "expl",
    "road", "ied", "impr", "land", "car", "boob", "moto", "stic", "mine", "unex", "blas", "gren", "chem", "chlo",
    "sari", "nerv", "toxi", "pois", "clas", "foug", "batt", "gunf", "gun", "ambu", "skir", "exch", "offe", "coun",
    "assa", "enga", "infi", "repe", "repu", "unde", "atta", "snip", "outf", "enci", "surr", "adva", "open", "exec", "mass", "gunm", "shot", "stab",
    "behe", "lync", "murd", "assa", "kidn", "abdu", "forc", "rape", "sexu", "prot", "demo", "rall", "marc", "sit",
    "tear", "wate", "disp", "rubb", "arre", "kill", "riot", "torc", "set", "stor", "hurl", "thre", "mob", "vigi",
    "deta", "roun", "raid", "agre", "ceas", "truc", "deal", "reco", "pris", "recap", "reto", "rega", "reta", "took",
    "push", "chas", "expe", "oust", "bodi", "body", "disc", "foun", "quad", "copt", "ridd",
    "libe", "ente", "full", "cont", "capt", "seiz", "over", "take", "fell", "fall", "withd", "hand", "pull", "loot", "bull",
    "razed", "esta", "buil", "shell", "rocket", "missile", "besi", "overw", "proj", "guid", "glid", "debr", "deto",
    "swep", "plan", "tank", "live", "anti", "riva", "inva", "ston", "crow", "incu", "trie", "atte", "tryi", "brok", "kami", "fpv", "laun", "home", "hous", "huts", "shop", "stag", "supp", "went", "ran", "drov", "step", "trig", "neut",
    "enco", "arme", "brie", "fier", "runn", "occu", "came", "come", "hostil", "shoo", "with", "tank", "troo", "forc", "unit", "tak", "afte", "when", "were", "was", "fata",
    "vill", "civi", "resi", "wors", "farm", "herd", "shep", "pass", "trav", "mour", "pilg",
    "made", "terr", "band", "mili", "insu", "jiha", "crim", "its", "our", "coal", "airc", "rifl", "burs", "mach", "hara", "aggr", "pipe", "thr", "tos", "lob", "misc",
)
_SCANNER = PrefixScanner(re.compile("x"), TRIGGER_STEMS)


def _first_chars(pattern: str) -> set[str] | None:
    """Return the characters a match of ``pattern`` can start with (None: any character)."""
    from re import _constants as c  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]

    def first(items: list) -> set[str] | None:
        out: set[str] = set()
        for op, arg in items:
            if op is c.AT:
                continue
            if op is c.LITERAL:
                return out | {chr(arg)}
            if op is c.IN:
                chars = set()
                for kind, value in arg:
                    if kind is c.LITERAL:
                        chars.add(chr(value))
                    elif kind is c.RANGE:
                        chars.update(chr(v) for v in range(value[0], value[1] + 1))
                    else:
                        return None
                return out | chars
            if op is c.BRANCH:
                for branch in arg[1]:
                    sub = first(list(branch))
                    if sub is None:
                        return None
                    out |= sub
                return out
            if op is c.SUBPATTERN:
                sub = first(list(arg[-1]))
                return None if sub is None else out | sub
            if op in (c.MAX_REPEAT, c.MIN_REPEAT):
                low, _high, body = arg
                sub = first(list(body))
                if sub is None:
                    return None
                out |= sub
                if low > 0:
                    return out
                continue
            return None
        return None  # the pattern may match the empty string

    return first(list(_parser.parse(pattern)))


_BY_FIRST_CHAR: dict[str, list[tuple[str, float, re.Pattern[str]]]] = {}
_ANY_START: list[tuple[str, float, re.Pattern[str]]] = []
for _rule in _COMPILED:
    _chars = _first_chars(_rule[2].pattern)
    if _chars is None:
        _ANY_START.append(_rule)
    else:
        for _char in _chars:
            _BY_FIRST_CHAR.setdefault(_char, []).append(_rule)
#: Sub-event types that describe violence with a clear event; the others need stronger evidence.
VIOLENT_SUBS = frozenset(
    {"Air/drone strike", "Shelling/artillery/missile attack", "Suicide bomb", "Remote explosive/landmine/IED",
     "Grenade", "Chemical weapon", "Armed clash", "Attack", "Abduction/forced disappearance", "Sexual violence"}
)
#: Demonstration sub-types, most serious first.
#: ACLED: demonstrators who use violence make a riot whatever force met them; force on a peaceful crowd comes next.
_PROTEST_ESCALATION = ("Violent demonstration", "Excessive force against protesters", "Protest with intervention",
                       "Peaceful protest")
_DEMONSTRATION_SUBS = ("Peaceful protest", "Protest with intervention", "Excessive force against protesters")
#: A non-violent type wins only when its score exceeds this multiple of the best violent one.
NON_VIOLENT_MARGIN = 1.5
#: Smallest total score that counts as an event.
MIN_SCORE = 2.0


@dataclass(frozen=True)
class Trigger:
    """One trigger word occurrence: span in the text, sub-event type it points to, weight."""

    start: int
    end: int
    sub_event_type: str
    weight: float


_PASSIVE_BEFORE_RE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:also\s+|again\s+|reportedly\s+|allegedly\s+|then\s+)?$")
_PASSIVE_ATTACK_WEIGHT = 2.5
#: Plural nouns for the men of a non-state armed group or of none ("militants", "gunmen"): one list for every test below
#: that asks whether an armed group is the actor.
_ARMED_MEN = ("militants|rebels|insurgents|jihadists|gunmen|bandits|assailants|attackers|terrorists|extremists|"
              "separatists|guerrillas|militiamen|fighters")
#: ... and the words for groups and bands of them.
_ARMED_BANDS = r"gangs?|militias?|armed\s+men|armed\s+groups?"
#: An armed group that attacks something ("rebels attack a base", "jihadists attacked the town", "gunmen attacked
#: Monguno"): the attack is an incident (a politician who "attacked the plan" is no armed subject).
_ARMED_SUBJECT_RE = re.compile(rf"\b(?:forces|troops|army|soldiers|{_ARMED_MEN}|{_ARMED_BANDS})\s+(?:\([^)\n]{{1,20}}\)\s+)?"
                                 # "the armed group known as Jaish al-Adl attacked"
                                 r"(?:(?:known\s+as|called|named)\s+(?:the\s+)?(?:[\w'’-]+\s+){1,4})?$")
#: Between a subject and "attacking": "are (also) attacking", "were still attacking"; a named group as that subject
#: ("the Taliban are attacking"); and a place after it ("attacking in Nad Ali district").
_PROGRESSIVE_BEFORE_RE = re.compile(r"\s+(?:are|were|is|was)\s+(?:also\s+|still\s+|now\s+|again\s+)?$")
_NAMED_SUBJECT_RE = re.compile(r"\b[Tt]he\s+[A-Z][\w'’-]+$")
_IN_AFTER_RE = re.compile(r"\s+(?:in|near|around)\s+")
#: A pronoun subject ("they attacked"), and an armed group named shortly before it that it stands for.
_THEY_BEFORE_RE = re.compile(r"\bthey\s+(?:also\s+|then\s+|later\s+|again\s+)?$")
_ARMED_WORD_RE = re.compile(rf"\b(?:{_ARMED_MEN})\b")
_PLACE_OBJECT_RE = re.compile(r"\s+(?:the\s+)?(?:[\w'’-]+\s+)?(?:towns?|city|cities|villages?|settlements?|home\s?town|"
                              r"birthplace|stronghold)\s+of\b")  # ("attacked the president's hometown of Damara")
_OBJECT_AFTER_RE = re.compile(r"\s+(?:the|a|an|two|three|four|five|six|seven|eight|nine|ten|several|multiple|dozens|\d+)\b")
_NAME_AFTER_RE = re.compile(r"\s+[A-Z]")
_ADVANCE_AFTER_RE = re.compile(r"\s+(?:(?:about\s+|some\s+|up\s+to\s+)?[\d.,]+\s*(?:km|kilomet(?:er|re)s?|miles?|metres|meters)\s+)?"
                               r"(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of|near|towards?|into|on|"
                               r"in\s+the\s+direction\s+of|in\s+the\s+(?:[\w-]+\s+){1,2}(?:direction|axis|sector)|"
                               r"(?:to\s+)?the\s+outskirts\s+of)\b")
_CHARGED_RE = re.compile(
    r"\b(?:(?:sentenced|convicted|found\s+guilty|charged|indicted|acquitted|jailed|tried|prosecuted|on\s+trial)\b"
    r"[^.;!?]{0,60}\b(?:for|of|over|with)|accus(?:ed|ing|e)\s+each\s+other\s+of|traded\s+(?:accusations|blame)\s+(?:of|for|over))"
    r"\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}$")
#: An earlier incident counted back to ("two and a half years after the clashes in X", "on the anniversary of the
#: massacre", "months after the attack"): a reference, no incident of its own (days apart are read elsewhere).
_LONG_AFTER_RE = re.compile(r"\b(?:(?:years?|months?|weeks?|decades?)\s+(?:after|since)|anniversary\s+of)\s+"
                            r"(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}$")
_UNAGREED_RE = re.compile(r"\b(?:call(?:ed|s|ing)?\s+for|urg(?:ed|es|ing)|demand(?:ed|s|ing)?|push(?:ed|es|ing)?\s+for|"
                          r"press(?:ed|es|ing)?\s+for|appeal(?:ed|s)?\s+for|reject(?:ed|s|ing)?|no\s+sign\s+of|"
                          r"hopes?\s+(?:of|for)|talks\s+(?:on|about|over)|aim(?:ed|s|ing)?\s+at|seek(?:s|ing)?|sought|towards?|negotiat(?:e|ed|es|ing)|discuss(?:ed|es|ing)?|"
                          r"proposals?\s+for|efforts?\s+(?:to\s+reach|for)|"
                          # "in response to their breaches of the de-escalation zone agreement": an old one broken
                          r"breach(?:es|ed|ing)?\s+of|violat(?:ions?|ed|ing)(?:\s+of)?|under|within|despite|"
                          r"the\s+terms\s+of|"
                          # "vowed to confront the regime if they abandon the agreement": one quit is none made
                          r"abandon(?:s|ed|ing)?|withdr(?:ew|aw|awn|awing|aws)\s+from|pull(?:ed|s|ing)?\s+out\s+of|"
                          r"quit(?:s|ting)?|scrap(?:s|ped|ping)?|tore\s+up|"
                          # "urged both sides to agree a nationwide ceasefire"
                          r"(?:urg|call|press|push)(?:ed|es|ing|s)?\s+(?:\w+\s+){1,3}to\s+(?:agree|reach|accept|respect|sign|"
                          r"observe|restore|work\s+towards?)(?:\s+(?:on|to))?)\s+(?:an?\s+|the\s+)?(?:[\x22“'‘]?[\w-]+[\x22”'’]?\s+){0,3}$")
_CIVIL_SUBJECT_RE = re.compile(r"\b(?:aid|trucks?|lorries|convoys?|supplies|food|fuel|medicine|delegations?|"
                               r"journalists|reporters|inspectors|monitors|envoys?|residents|refugees|families|people|"
                               r"displaced|returnees|shipments?|ambulances?|teams?)\s+(?:\w+\s+){0,2}$")
_DEVICE_SUBS = frozenset({"Remote explosive/landmine/IED", "Suicide bomb"})
_DROPPED_AFTER_RE = re.compile(r"\s+(?:was|were|had\s+been)\s+dropped\b")
_WEAPON_FOUND_AFTER_RE = re.compile(r"(?:[\w\s-]{0,40}?\s)?(?:positions?|launchers?|pieces?|systems?|caches?|depots?)\s+"
                                    r"(?:were|was|had\s+been|have\s+been)\s+(?:discovered|found|seized|spotted|"
                                    r"located|uncovered)\b")
_DEVICE_TARGET_RE = re.compile(r"\b(?:destroy(?:ed|ing|s)?|struck|targeted|seized|found|discovered|dismantled|defused|"
                               r"cleared|neutrali[sz]ed|disposed\s+of)\s+(?:(?:an?|two|three|several|\d+|the|one|"
                               r"isil|isis|daesh|enemy|a\s+large)\s+)*(?:[\w-]+\s+){0,2}$")

#: Before an attack that did not happen: "prevented a series of blasts", "foiled a planned attack", "thwarted bombings".
#: (not "troops thwarted an attack on the base": an attack fought off is a clash)
_FOILED_BEFORE_RE = re.compile(r"\b(?:prevent(?:ed|s|ing)?|foil(?:ed|s|ing)?|avert(?:ed|s|ing)?)\s+"
                               r"(?:from\s+)?(?:an?\s+|the\s+|two\s+|three\s+|several\s+|\d+\s+)?(?:series\s+of\s+|"
                               r"number\s+of\s+)?(?:(?:planned|possible|potential|major|suicide|terrorist|bomb|car|"
                               r"twin)\s+){0,2}$")
#: A weapon the strike hit, not the one it came from: "two strikes destroyed an ISIL mortar system", "engaged an
#: ISIS rocket team", "struck artillery positions".
_WEAPON_TARGET_RE = re.compile(r"\b(?:destroy(?:ed|ing|s)?|struck|targeted|engaged|hit|damaged|suppressed|seized|"
                               r"captured)\s+(?:(?:an?|two|three|four|five|several|\d+|the|one|isil|isis|daesh|enemy|"
                               r"its|their)\s+)*(?:[\w-]+\s+)?$")
_WEAPON_NOUN_RE = re.compile(r"(?:mortars?|artillery|rockets?|missiles?|howitzers?|katyushas?)$")


def _reports_an_incident(trigger: Trigger, text: str, low: str, start: int) -> bool:
    """True when a weak attack or advance word tells an incident: "the prison was (also) attacked", an armed
    group that "attacked the town" / "attack a base" / "attacked Monguno", "forces advanced south of X"."""
    before = max(start, trigger.start - 36)  # (room for "armed groups (NSAGs) ")
    if low.startswith("attacked", trigger.start) and _PASSIVE_BEFORE_RE.search(
            low, max(start, trigger.start - 20), trigger.start):
        return True
    if low.startswith("took", trigger.start) and _ARMED_SUBJECT_RE.search(low, before, trigger.start) and (
            _NAME_AFTER_RE.match(text, trigger.end)):
        return True  # "Russian Army took Gori": a town taken
    if low.startswith("attacked", trigger.start) and _PLACE_OBJECT_RE.match(low, trigger.end):
        return True  # "Azerbaijan has attacked the town of Kapan": whoever attacks a town, it is an incident
    if low.startswith("attack", trigger.start) and _BY_ARMED_RE.match(text, trigger.end):
        return True  # "simultaneous attacks by jihadists have occurred north of Bamako", "an attack by JNIM"
    if (low.startswith("attack", trigger.start) and trigger.end - trigger.start in (6, 8)) or (
            low.startswith("targeted", trigger.start) and trigger.end - trigger.start == 8):
        # (and "Russian forces targeted Zaporizhzhia Oblast 144 times", "militants targeted a checkpoint"; and "they
        # attacked Macomia" right after the insurgents' ambush was told)
        armed = bool(_ARMED_SUBJECT_RE.search(low, before, trigger.start)) or bool(
            _THEY_BEFORE_RE.search(low, before, trigger.start) and _ARMED_WORD_RE.search(
                low, max(0, trigger.start - 250), trigger.start))
        return armed and bool(_OBJECT_AFTER_RE.match(low, trigger.end) or _NAME_AFTER_RE.match(text, trigger.end))
    if low.startswith("attacking", trigger.start) and trigger.end - trigger.start == 9 and (
            aux := _PROGRESSIVE_BEFORE_RE.search(low, before, trigger.start)) is not None:
        # "the insurgents are also attacking Kunduz", "the Taliban are attacking in Nad Ali"
        subject = bool(_ARMED_SUBJECT_RE.search(low, before, aux.start() + 1)) or bool(
            _NAMED_SUBJECT_RE.search(text, before, aux.start()))
        return subject and bool(_OBJECT_AFTER_RE.match(low, trigger.end) or _NAME_AFTER_RE.match(text, trigger.end)
                                or _IN_AFTER_RE.match(low, trigger.end))
    if low.startswith("advance", trigger.start):  # a push on the front (a bulletin's ground fighting)
        return bool(_ARMED_SUBJECT_RE.search(low, before, trigger.start)) and bool(
            _ADVANCE_AFTER_RE.match(low, trigger.end))
    return False


#: After "attack(s)": who carried it out, an armed group ("attacks by jihadists", "an attack by al-Shabaab").
_BY_ARMED_RE = re.compile(r"s?\s+by\s+(?:(?:suspected|armed|the|alleged|unidentified|unknown)\s+)*(?:(?:[\w-]+\s+)?"
                          rf"(?:{_ARMED_MEN}|{_ARMED_BANDS})\b|[A-Z])")
_CIVILIAN_OBJECT_RE = re.compile(r"\s+(?:(?:at\s+least|more\s+than|about|some)\s+)?(?:[\w-]+\s+){0,3}?"
                                 r"(?:villages?|communities|villagers|civilians|residents|homes|houses|markets?|"
                                 r"worshippers|farmers|mosques?|churches?)\b")


#: One attack on two targets, a force and civilians ("attacked at once the army base and the civilian
#: population in X", "attacked soldiers and villagers"): ACLED codes a clash and an attack on civilians.
_FORCE_TARGET = (r"(?:(?:military|army|police|gendarmerie)\s+)?(?:bases?|posts?|outposts?|camps?|barracks|garrisons?|"
                 r"checkpoints?|positions?|soldiers|troops|policemen|gendarmes|police\s+stations?)")
_CIVILIAN_TARGET = (r"(?:civilians?|civilian\s+population|(?:local\s+)?population|villagers|residents|inhabitants|"
                    r"worshippers|displaced\s+people|(?:the\s+)?(?:nearby\s+)?(?:village|town|market)s?)")
_TARGET_GAP = r"\s+(?:both\s+)?(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}?"
FORCE_AND_CIVILIANS_RE = re.compile(
    r"\b(?:attack(?:ed|s|ing)?|assault(?:ed|s)?|raided|stormed|targeted|struck)(?:\s+simultaneously)?" + _TARGET_GAP
    + rf"(?:{_FORCE_TARGET}\s+(?:and|as\s+well\s+as)\s+(?:the\s+)?(?:[\w-]+\s+)?{_CIVILIAN_TARGET}|"
    rf"{_CIVILIAN_TARGET}\s+(?:and|as\s+well\s+as)\s+(?:the\s+)?(?:[\w-]+\s+)?{_FORCE_TARGET})\b", re.IGNORECASE)

#: Who only ever strikes on the ground ("gunmen struck a checkpoint"), and armed groups that do so when the target is
#: a village or its people ("jihadists struck three villages"; their drones and rockets have words of their own).
_JUNTA_OBJECT_RE = re.compile(r"\s+(?:the\s+)?(?:military\s+)?(?:junta|regime)(?:['’]s)?\s+(?:troops'?\s+)?(?:positions|posts|"
                              r"outposts|bases|camps|checkpoints|garrisons|battalions?|headquarters)\b")
_GROUND_SUBJECT_RE = re.compile(r"\b(?:gunmen|attackers|assailants|bandits|gangs?|militiamen|armed\s+men)\s+$")
_GROUP_SUBJECT_RE = re.compile(r"\b(?:militants|jihadists|insurgents|fighters|rebels|terrorists|extremists|"
                               r"separatists|militias?)\s+$")


def _ground_strike(trigger: Trigger, low: str, start: int) -> Trigger | None:
    """A ground force's "struck": an attack on civilians (villages, residents …) or an armed clash; None when
    the subject may have struck from the air."""
    before = max(start, trigger.start - 36)  # (room for "armed groups (NSAGs) ")
    civilian = _CIVILIAN_OBJECT_RE.match(low, trigger.end) is not None
    if _JUNTA_OBJECT_RE.match(low, trigger.end):
        # "the alliance's armies struck junta positions in …": the regime's posts, hit by those fighting it
        return replace(trigger, sub_event_type="Armed clash", weight=_PASSIVE_ATTACK_WEIGHT)
    if _GROUND_SUBJECT_RE.search(low, before, trigger.start) or (
            civilian and _GROUP_SUBJECT_RE.search(low, before, trigger.start)):
        return replace(trigger, sub_event_type="Attack" if civilian else "Armed clash", weight=_PASSIVE_ATTACK_WEIGHT)
    return None


def find_triggers(text: str, start: int = 0, end: int | None = None, low: str | None = None) -> list[Trigger]:
    """Return every event trigger in ``text[start:end]`` (offsets into ``text``; ``low``: its lower case)."""
    stop = len(text) if end is None else end
    low = lower_same_length(text) if low is None else low
    found: list[Trigger] = []
    for position in _SCANNER.positions(low, start, stop):
        for sub, weight, pattern in (*_BY_FIRST_CHAR.get(low[position], ()), *_ANY_START):
            match = pattern.match(low, position, stop)
            if match is not None:
                found.append(Trigger(match.start(), match.end(), sub, weight))
    # a ceasefire called for or rejected is no agreement
    found = [t for t in found if t.sub_event_type != "Agreement"
             or not _UNAGREED_RE.search(low, max(start, t.start - 40), t.start)]
    # aid trucks or delegations that "entered" a place took no territory
    found = [t for t in found if low[t.start : t.end] != "entered"
             or not _CIVIL_SUBJECT_RE.search(low, max(start, t.start - 40), t.start)]
    # a weak "attacked" / "advanced" worded as an incident of its own counts as one
    found = [replace(t, weight=_PASSIVE_ATTACK_WEIGHT) if t.weight < _PASSIVE_ATTACK_WEIGHT
             and _reports_an_incident(t, text, low, start) else t for t in found]
    # gunmen or attackers who "struck" a village or a post came on the ground: an attack or a clash, not an air strike
    found = [_ground_strike(t, low, start) or t if t.sub_event_type == "Air/drone strike" and t.weight < 4.0
             and low.startswith(("struck", "strike"), t.start) else t for t in found]
    # the charge of a trial ("sentenced … for the murder of civilians") and mutual blame ("accused each other of
    # attacking civilians") name no incident of their own
    found = [t for t in found if not _CHARGED_RE.search(low, max(start, t.start - 90), t.start)
             and not _LONG_AFTER_RE.search(low, max(start, t.start - 50), t.start)]
    # an attack that was prevented, foiled or thwarted did not happen ("prevented from a series of blasts")
    found = [t for t in found if not _FOILED_BEFORE_RE.search(low, max(start, t.start - 60), t.start)]
    # an explosive device that was destroyed, found or defused is a target, not the weapon used
    found = [t for t in found if t.sub_event_type not in _DEVICE_SUBS
             or not _DEVICE_TARGET_RE.search(low, max(start, t.start - 45), t.start)]
    # "an explosive device was dropped from a quadrocopter": the drone's munition, not a planted bomb
    found = [t for t in found if t.sub_event_type not in _DEVICE_SUBS or not _DROPPED_AFTER_RE.match(low, t.end)]
    # a weapon the strike hit: "two strikes destroyed an ISIL mortar system"
    found = [t for t in found if t.sub_event_type != "Shelling/artillery/missile attack"
             or not _WEAPON_NOUN_RE.match(low, t.start, t.end)
             or not _WEAPON_TARGET_RE.search(low, max(start, t.start - 45), t.start)]
    # weapons found, not fired: "three artillery and six mortar positions were discovered near X"
    found = [t for t in found if not _WEAPON_FOUND_AFTER_RE.match(low, t.end)]
    # a longer, more specific trigger hides the weak ones inside it ("air strikes" hides "strikes")
    found.sort(key=lambda t: (t.start, -(t.end - t.start), -t.weight))
    kept: list[Trigger] = []
    for trigger in found:
        same_span = kept and (trigger.start, trigger.end) == (kept[-1].start, kept[-1].end)
        if kept and not same_span and trigger.start < kept[-1].end and trigger.weight <= kept[-1].weight and not (
                trigger.sub_event_type in _DEMONSTRATION_SUBS and kept[-1].sub_event_type == "Violent demonstration"):
            continue  # (but "protesters" in "protesters clashed with …" still says there was a demonstration)
        kept.append(trigger)
    return kept


def classify(scores: dict[str, float], attacker_side: str | None = None) -> tuple[str, str, float] | None:
    """Return ``(event_type, sub_event_type, score)`` for accumulated trigger scores, or None.

    Parameters
    ----------
    scores : dict
        Sub-event type → summed weight.
    attacker_side : str | None
        Side of ``actor1`` ("government", "coalition", …) to tell who takes territory.
    """
    if not scores:
        return None
    if not any(scores.get(sub, 0.0) > 0 for sub in ("Peaceful protest", "Excessive force against protesters")):
        # force used on a demonstration needs one: tear gas fired during a raid or a settlers' attack is not a
        # protest ("protesters", "a rally", "crowds" say there is one)
        scores = {sub: s for sub, s in scores.items() if sub != "Protest with intervention"}
    if not any(scores.get(sub, 0.0) > 0 for sub in _DEMONSTRATION_SUBS):
        # rioting needs a demonstration: "fighters stormed the prison" is not a riot (a mob needs none)
        scores = {sub: s for sub, s in scores.items() if sub != "Violent demonstration"}
    violent = [(s, sub) for sub, s in scores.items() if sub in VIOLENT_SUBS]
    other = [(s, sub) for sub, s in scores.items() if sub not in VIOLENT_SUBS]
    best_violent = max(violent, default=(0.0, ""))
    best_other = max(other, default=(0.0, ""))
    # violence wins unless the other development clearly dominates (a protest, a capture, an arrest)
    score, sub = best_other if best_other[0] > NON_VIOLENT_MARGIN * best_violent[0] else best_violent
    if score < MIN_SCORE:
        return None
    if sub == "Remote explosive/landmine/IED" and scores.get("Suicide bomb", 0.0) >= MIN_SCORE:
        sub = "Suicide bomb"  # "two suicide bombers detonated an improvised explosive device (IED)": who carried it
    if sub in _PROTEST_ESCALATION and scores.get("Looting/property destruction", 0.0) >= MIN_SCORE:
        sub = "Violent demonstration"  # demonstrators who loot or burn make a riot
    if sub in _PROTEST_ESCALATION:
        # ACLED: a demonstration is coded by its most serious feature (force used on it, violence by it)
        for stronger in _PROTEST_ESCALATION:
            if scores.get(stronger, 0.0) >= MIN_SCORE:
                sub = stronger
                break
    if sub in ("Government regains territory", "Non-state actor overtakes territory"):
        state_like = attacker_side in ("government", "iraq", "israel") or attacker_side == "opposition-state"
        sub = "Government regains territory" if state_like else "Non-state actor overtakes territory"
    return SUB_EVENT_TYPES[sub], sub, score
