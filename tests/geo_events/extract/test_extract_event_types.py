"""ACLED type and sub-type from trigger words (geo_events.extract.event_types)."""

from __future__ import annotations

from collections import defaultdict

import pytest

from geo_events.extract.event_types import classify, find_triggers
from geo_events.taxonomy import SUB_EVENT_TYPES


def classify_text(text: str, attacker_side: str | None = None):
    scores: dict[str, float] = defaultdict(float)
    for trigger in find_triggers(text):
        scores[trigger.sub_event_type] += trigger.weight
    return classify(scores, attacker_side)


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("Coalition air strikes hit the town.", "Air/drone strike"),
        ("A Turkish drone strike killed three.", "Air/drone strike"),
        ("Four men were killed in a drone raid on the refugee camp.", "Air/drone strike"),
        ("Artillery shelling killed seven.", "Shelling/artillery/missile attack"),
        ("A suicide bomber blew himself up at a checkpoint.", "Suicide bomb"),
        ("A roadside bomb exploded next to a patrol.", "Remote explosive/landmine/IED"),
        ("Fierce clashes erupted between the two sides.", "Armed clash"),
        ("A man threw a grenade at a shop.", "Grenade"),
        ("A suspected sarin attack killed dozens.", "Chemical weapon"),
        ("Hundreds protested in the square.", "Peaceful protest"),
        ("Police fired tear gas to disperse the protest.", "Protest with intervention"),
        ("Gunmen abducted a council member.", "Abduction/forced disappearance"),
        ("Police detained 15 suspects in raids.", "Arrests"),
        ("Herders shot six displaced women and a child.", "Attack"),  # people shot who are no fighters
        ("Soldiers shot dead two militants.", "Armed clash"),  # fighters shot by the other side
        ("A young man was shot dead by soldiers near the checkpoint.", "Attack"),  # soldiers shot no one here
        ("A bomb attack took place at the market.", "Remote explosive/landmine/IED"),
        ("Thirty civilians were massacred by the rebels.", "Attack"),
        ("The army said its aircraft destroyed a terrorist logistics base.", "Air/drone strike"),
    ],
)
def test_sub_event_types(text: str, sub: str) -> None:
    result = classify_text(text)
    assert result is not None
    event_type, got_sub, _ = result
    assert got_sub == sub
    assert SUB_EVENT_TYPES[got_sub] == event_type


def test_territory_depends_on_who_takes_it() -> None:
    assert classify_text("Troops recaptured the town.", "government")[1] == "Government regains territory"
    assert classify_text("Fighters captured the town.", "isis")[1] == "Non-state actor overtakes territory"


def test_a_demonstration_is_coded_by_its_most_serious_feature() -> None:
    assert classify_text("Hundreds protested and stormed the governor's office.")[1] == "Violent demonstration"
    assert classify_text("Police opened fire on protesters at the rally.")[1] == "Excessive force against protesters"


def test_storming_is_a_riot_only_at_a_demonstration() -> None:
    assert classify_text("Islamic State fighters stormed the prison.")[1] == "Armed clash"
    assert classify_text("Protesters stormed the governor's office.")[1] == "Violent demonstration"


def test_no_trigger_no_event() -> None:
    assert classify_text("The ministers met to discuss the constitution.") is None


def test_fighting_force_is_not_a_battle() -> None:
    assert classify_text("They have proven an effective fighting force.") is None


def test_a_precision_strike_is_an_air_strike_and_a_labour_strike_is_not() -> None:
    assert classify_text("A precision strike near the town killed a senior commander.")[1] == "Air/drone strike"
    assert classify_text("Dock workers went on strike in the port.")[1] != "Air/drone strike"


def test_whoever_attacked_a_town_reports_an_incident() -> None:
    from geo_events.extract.event_types import find_triggers

    strong = [t for t in find_triggers("A deputy said that Azerbaijan has attacked the town of Kapan.") if t.weight >= 2.5]
    assert [t.sub_event_type for t in strong] == ["Armed clash"]
    weak = [t for t in find_triggers("Critics say the minister attacked the plan.") if t.weight >= 2.5]
    assert weak == []


@pytest.mark.parametrize("text", [
    "Bandits killed three in Shinkafi, Zamfara.",  # raiders who kill, victims not named: people, not fighters
    "Suspected herdsmen killed three in Bassa.",
    "Kidnappers shot two travellers near Abuja.",
])
def test_raiders_who_kill_attack_civilians(text: str) -> None:
    assert classify_text(text)[:2] == ("Violence against civilians", "Attack")


def test_attacks_by_an_armed_group_are_an_incident() -> None:
    assert classify_text("Several simultaneous attacks by jihadists have occurred north of Bamako.") is not None
    assert classify_text("An attack by JNIM hit the town.") is not None
    assert classify_text("The minister's attacks on the plan drew criticism.") is None  # words, no armed group


def test_launching_an_attack_on_a_place_is_an_incident() -> None:
    text = "The El Hilu faction of the SPLM-N launched an intensive attack on Kadugli on Monday."
    assert classify_text(text)[:2] == ("Battles", "Armed clash")


def test_a_fight_between_families_is_a_communal_clash() -> None:
    text = "A fight between two farming families in the village ended with the use of firearms."
    assert classify_text(text)[:2] == ("Battles", "Armed clash")
    assert classify_text("The fight between the two parties over the budget continued.") is None


@pytest.mark.parametrize("text", [
    "Islamist fighters capture the central town of Konna.",
    "Militants seize Iraq's second biggest city Mosul as troops flee.",
])
def test_a_timelines_present_tense_takes_a_town(text: str) -> None:
    assert classify_text(text)[:2] == ("Battles", "Non-state actor overtakes territory")


def test_a_plan_to_seize_a_town_takes_none() -> None:
    found = classify_text("The rebels vowed to seize the city of Goma.")
    assert found is None or found[1] != "Non-state actor overtakes territory"


@pytest.mark.parametrize("text", [
    "A pipe bomb was thrown into a ranger outpost in the district.",
    "Attackers hurled a crude bomb at the police post.",
])
def test_a_thrown_bomb_is_a_grenade_attack(text: str) -> None:
    assert classify_text(text)[:2] == ("Explosions/Remote violence", "Grenade")


def test_drones_launched_targeting_a_base_are_a_drone_strike() -> None:
    from geo_events.extract.event_types import find_triggers
    text = "Pro-Iran groups launched drones targeting a US outpost on Monday."
    assert {t.sub_event_type for t in find_triggers(text)} == {"Air/drone strike"}
