"""Words that are never place names on their own: English function words and conflict-news vocabulary.

A query equal to one of these (after ``normalize``) matches nothing, and gazetteer names equal to one are
not indexed, so "the", "said", "army" or "border" never become villages of the same spelling or one typo
away. The list is hand-made from the vocabulary of conflict reporting; real place names that are also
English words and matter here ("Hit" in Iraq, "Sur") are deliberately absent.
"""

from __future__ import annotations

_WORDS = """
a an the and or of in on at to from by for with as is was were be been being are has have had it its this
that these those there their they them he she his her we our you your who whom which what when where why
how not no nor but if than then so such also very more most less many much some any all each other into
onto over under after before about above below near between among during against without within along
across around through toward towards upon said says say saying told tells according reported reports report
reporting reportedly added stated statement statements announced claimed claims claim confirmed denied
army armies forces force troops soldiers soldier fighters fighter militants militant militia militias
rebels rebel jihadists jihadist insurgents gunmen group groups faction factions coalition alliance allies
ally regime government governments state states official officials source sources spokesman spokeswoman
commander commanders leader leaders minister ministry president prime defence defense security police
intelligence military monitor observatory activists activist residents resident witnesses witness locals
local civilians civilian people person persons men women children families family members member
killed kill kills killing dead death deaths died die wounded injured injuries casualties toll bodies
attack attacks attacked attacking strike strikes struck airstrike airstrikes air raid raids bombing bombings
bombardment shelling shelled shell shells fire fired firing clashes clash clashed battle battles fighting
fought fight offensive operation operations campaign advance advanced advancing retreat retreated
withdrew withdrawal withdrawn captured capture seized seize recaptured liberated liberation besieged siege
ceasefire truce agreement deal talks negotiations control controlled controls held hold holding positions
position front frontline frontlines line lines pocket pockets enclave area areas region regions zone zones
territory territories province provinces provincial governorate countryside city cities town towns village
villages district districts neighbourhood neighborhood suburb suburbs outskirts centre center east west
north south eastern western northern southern central northeast northwest southeast southwest
river rivers bank banks valley valleys desert mountain mountains mount hill hills plain plains lake sea
road roads highway bridge bridges border borders crossing crossings checkpoint checkpoints tunnel tunnels
oil gas field fields oilfield oilfields gasfield plant plants facility facilities refinery pipeline station
base bases camp camps airport airbase airfield prison hospital hospitals school schools mosque mosques
church market markets headquarters building buildings house houses home homes farm farms
vehicle vehicles convoy convoys tanks artillery helicopter helicopters aircraft plane planes jet jets
warplane warplanes drone drones rocket rockets missile missiles mortar mortars weapon weapons ammunition
explosion explosions blast blasts mine mines bomb bombs car truck trucks
monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow tonight morning evening
night day days week weeks month months year years january february march april may june july august
september october november december
news media agency press article update updates video photo footage image images
humanitarian aid refugees refugee displaced united nations council international world global
syrian iraqi turkish russian iranian american us u s un
kurdish kurds kurd arab arabs arabic islamic islam isis isil daesh sdf ypg pkk fsa tfsa
tal tell jabal jebel
"""

STOPWORDS: frozenset[str] = frozenset(_WORDS.split())

#: Zipf frequency (wordfreq, English) from which a one-word query is a common English word: it then
#: matches only exactly, and only a major place or one the caller's context points to ("Mission", "Young"
#: and "War" are towns too). From ``FAMILIAR_ZIPF`` on, a word gets no typo tolerance ("ambush").
COMMON_ZIPF = 4.0
FAMILIAR_ZIPF = 3.3


def common_english_words(min_zipf: float = FAMILIAR_ZIPF) -> dict[str, float]:
    """Return English words of at least ``min_zipf`` (wordfreq) and their Zipf frequency, rounded to 0.1;
    empty without ``wordfreq``. Read once, when the gazetteer index is built (wordfreq loads in ~0.5 s)."""
    try:
        from wordfreq import top_n_list, zipf_frequency
    except ImportError:  # an optional refinement: the stop list still applies
        return {}
    words: dict[str, float] = {}
    for word in top_n_list("en", 40_000):
        zipf = zipf_frequency(word, "en")
        if zipf < min_zipf:
            break
        if word.isalpha():
            words[word] = round(zipf, 1)
    return words


__all__ = ["COMMON_ZIPF", "FAMILIAR_ZIPF", "STOPWORDS", "common_english_words"]
