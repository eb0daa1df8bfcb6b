"""Ties from the constructions news text uses, in Indonesian and English."""

from __future__ import annotations

import pytest

from diplomap.analysis import analyse
from diplomap.reader import read_text


def ties_of(text: str, lang: str) -> set[tuple[str, str, str]]:
    """(source, target, type) for directed ties; undirected ones in both orders."""
    out = set()
    for tie in analyse(read_text(text, language=lang)).ties:
        out.add((tie.source, tie.target, tie.type))
        if not tie.directed:
            out.add((tie.target, tie.source, tie.type))
    return out


def pairs_of(text: str, lang: str) -> set[frozenset[str]]:
    return {frozenset((s, t)) for s, t, _ in ties_of(text, lang)}


PRESENT = [
    # coordination: every backer backs the one backed
    (
        "id",
        "Presiden Maduro bertahan berkat dukungan Rusia, China, dan Kuba.",
        {("RUS", "VEN", "support"), ("CHN", "VEN", "support"), ("CUB", "VEN", "support")},
    ),
    (
        "en",
        "Russia, China and Iran backed the government of Venezuela.",
        {("RUS", "VEN", "support"), ("CHN", "VEN", "support"), ("IRN", "VEN", "support")},
    ),
    # passives: the one acted on stands first
    (
        "id",
        "Iran yang mendapat sanksi Amerika Serikat menjual minyak.",
        {("USA", "IRN", "sanction")},
    ),
    ("id", "Ukraina diserang Rusia pada bulan Februari.", {("RUS", "UKR", "attack")}),
    ("en", "Ukraine was attacked by Russia in February.", {("RUS", "UKR", "attack")}),
    # people stand for their country; meeting is mutual
    ("id", "Putin dan Xi Jinping membahas perdagangan.", {("RUS", "CHN", "talks")}),
    ("en", "Biden and Macron discussed trade on Monday.", {("USA", "FRA", "talks")}),
    # between X and Y
    (
        "id",
        "Para menteri membahas kerja sama antara Jepang dan Korea Selatan.",
        {("JPN", "KOR", "talks")},
    ),
    ("en", "Talks between India and Pakistan resumed in Geneva.", {("IND", "PAK", "talks")}),
    # nouns and their agents
    ("en", "US sanctions on Cuba remain in place.", {("USA", "CUB", "sanction")}),
    ("en", "Russia's invasion of Ukraine shocked Europe.", {("RUS", "UKR", "attack")}),
    (
        "en",
        "Maduro survived with the support of Russia and China.",
        {("RUS", "VEN", "support"), ("CHN", "VEN", "support")},
    ),
    ("id", "Sanksi Uni Eropa terhadap Belarus diperluas.", {("EU", "BLR", "sanction")}),
    # -nya and its: the agent was named just before
    (
        "id",
        "Rusia memperkuat pasukan di perbatasan dan invasinya ke Ukraina berlanjut.",
        {("RUS", "UKR", "attack")},
    ),
    # relations
    (
        "id",
        "Israel, sekutu dekat Amerika Serikat, menolak kritik itu.",
        {("ISR", "USA", "alliance")},
    ),
    (
        "en",
        "Israel, a close ally of the United States, rejected the report.",
        {("ISR", "USA", "alliance")},
    ),
    # negated sanctions are still sanctions
    ("id", "Uni Eropa tidak akan mencabut sanksi terhadap Belarus.", {("EU", "BLR", "sanction")}),
    ("en", "Washington will not lift sanctions on Caracas.", {("USA", "VEN", "sanction")}),
    # both countries: the last two named
    (
        "id",
        "Amerika Serikat menuduh Iran mendanai milisi. "
        "Kedua negara memutuskan hubungan diplomatik pada 1980.",
        {("USA", "IRN", "accusation"), ("USA", "IRN", "rejection")},
    ),
    (
        "en",
        "Washington accused Tehran of funding militias. The two countries cut ties in 1980.",
        {("USA", "IRN", "accusation"), ("USA", "IRN", "rejection")},
    ),
    ("en", "Turkey threatened Greece with military action.", {("TUR", "GRC", "threat")}),
    ("id", "Turki mengancam Yunani dengan aksi militer.", {("TUR", "GRC", "threat")}),
    ("en", "Japan sent humanitarian aid to the Philippines.", {("JPN", "PHL", "aid")}),
    ("id", "Jepang mengirimkan bantuan kemanusiaan ke Filipina.", {("JPN", "PHL", "aid")}),
    ("en", "Egypt and Israel signed a peace treaty in 1979.", {("EGY", "ISR", "agreement")}),
    (
        "id",
        "Mesir dan Israel menandatangani perjanjian damai pada 1979.",
        {("EGY", "ISR", "agreement")},
    ),
    # the one who receives stands first; "from" names the giver
    (
        "en",
        "Kyiv received military aid from Britain and Poland.",
        {("GBR", "UKR", "aid"), ("POL", "UKR", "aid")},
    ),
    ("id", "Kyiv menerima bantuan militer dari Inggris.", {("GBR", "UKR", "aid")}),
    # a negator in the previous conjunct does not negate the next one
    (
        "id",
        "Beijing menuduh Manila masuk tanpa izin dan memperingatkan Filipina.",
        {("CHN", "PHL", "threat")},
    ),
    ("id", "Filipina memanggil duta besar China di Manila.", {("PHL", "CHN", "accusation")}),
    # "the three countries": the last three named
    (
        "en",
        "Egypt, Sudan and Ethiopia met in Cairo. The United States hosted talks with "
        "the three countries in 2019.",
        {("USA", "EGY", "talks"), ("USA", "SDN", "talks"), ("USA", "ETH", "talks")},
    ),
    (
        "id",
        "Mesir, Sudan, dan Ethiopia bertemu di Kairo. Amerika Serikat menengahi "
        "ketiga negara pada 2019.",
        {("USA", "EGY", "talks"), ("USA", "SDN", "talks"), ("USA", "ETH", "talks")},
    ),
    # a pronoun stands for the last person named
    (
        "id",
        "Menteri Luar Negeri AS Antony Blinken tiba di Riyadh. Ia memperingatkan Iran.",
        {("USA", "IRN", "threat")},
    ),
    # one subject, two verbs joined by "dan"
    (
        "id",
        "Sudan menolak peran Kenya dan menuduh Presiden William Ruto berpihak.",
        {("SDN", "KEN", "rejection"), ("SDN", "KEN", "accusation")},
    ),
    # a sanction held out is a threat
    ("en", "Washington is ready to impose sanctions on Sudan.", {("USA", "SDN", "threat")}),
    # an aside set off by commas is read past
    (
        "en",
        "Germany, whose navy patrols the Baltic, held talks with Poland.",
        {("DEU", "POL", "talks")},
    ),
    # a relative clause with its own subject acts on the party before it
    ("en", "Cyprus, which Turkey refuses to recognise, protested.", {("TUR", "CYP", "rejection")}),
    # "the junta" stands for the country it was named beside before
    (
        "id",
        "Pemimpin junta Min Aung Hlaing berpidato di Naypyidaw. "
        "Sepekan kemudian, junta mengusir duta besar Thailand.",
        {("MMR", "THA", "rejection")},
    ),
    (
        "en",
        "Myanmar's junta hosted a regional forum. "
        "A week later the junta expelled Thailand's ambassador.",
        {("MMR", "THA", "rejection")},
    ),
    # a ministry named alone is the dateline country's
    (
        "en",
        "Japan protests\nTOKYO – Chinese ships entered disputed waters on Sunday. "
        "The foreign ministry summoned China's ambassador on Monday.",
        {("JPN", "CHN", "accusation")},
    ),
    (
        "id",
        "Indonesia memprotes\nJAKARTA – Kapal-kapal China memasuki perairan Natuna. "
        "Kementerian Luar Negeri memanggil duta besar China pada Senin.",
        {("IDN", "CHN", "accusation")},
    ),
    # calling something by a word of blame accuses whoever is named in it, or after "by"
    ("en", "Tokyo called Beijing's patrols an escalation.", {("JPN", "CHN", "accusation")}),
    (
        "en",
        "Moscow called the drills a provocation by the United States.",
        {("RUS", "USA", "accusation")},
    ),
    (
        "id",
        "Korea Selatan menyebut peluncuran rudal Korea Utara sebagai provokasi.",
        {("KOR", "PRK", "accusation")},
    ),
    (
        "id",
        "Jepang menilai langkah China melanggar hukum internasional.",
        {("JPN", "CHN", "accusation")},
    ),
    # a host or mediator talks with each side, and the sides with each other
    (
        "en",
        "Oman hosted talks between Iran and Saudi Arabia.",
        {("OMN", "IRN", "talks"), ("OMN", "SAU", "talks"), ("IRN", "SAU", "talks")},
    ),
    (
        "id",
        "Qatar menjadi tuan rumah perundingan antara Ethiopia dan Eritrea.",
        {("QAT", "ETH", "talks"), ("QAT", "ERI", "talks"), ("ETH", "ERI", "talks")},
    ),
    (
        "id",
        "Perundingan itu dimediasi oleh Mesir dan Qatar, yang menjadi tuan rumah "
        "pembicaraan antara Ethiopia dan Eritrea.",
        {("QAT", "ETH", "talks"), ("EGY", "ERI", "talks")},
    ),
    # a broker talks with each side of the deal it brokered; the deal is the sides' own
    (
        "en",
        "Saudi Arabia and Iran signed a deal brokered by China.",
        {("CHN", "SAU", "talks"), ("CHN", "IRN", "talks"), ("SAU", "IRN", "agreement")},
    ),
    (
        "en",
        "China brokered talks between Saudi Arabia and Iran.",
        {("CHN", "SAU", "talks"), ("CHN", "IRN", "talks"), ("SAU", "IRN", "talks")},
    ),
    (
        "id",
        "Perundingan antara Rusia dan Ukraina ditengahi oleh Turki.",
        {("TUR", "RUS", "talks"), ("TUR", "UKR", "talks"), ("RUS", "UKR", "talks")},
    ),
    (
        "id",
        "China menjadi perantara antara Arab Saudi dan Iran.",
        {("CHN", "SAU", "talks"), ("CHN", "IRN", "talks"), ("SAU", "IRN", "talks")},
    ),
    # a party inside a relative clause with its own act is not the first cue's side
    (
        "id",
        "Arab Saudi dan Iran menandatangani kesepakatan yang ditengahi China di Beijing.",
        {("CHN", "SAU", "talks"), ("CHN", "IRN", "talks"), ("SAU", "IRN", "agreement")},
    ),
    (
        "id",
        "Arab Saudi dan Iran sepakat berdamai dalam kesepakatan yang ditengahi China.",
        {("CHN", "SAU", "talks"), ("CHN", "IRN", "talks"), ("SAU", "IRN", "agreement")},
    ),
    (
        "id",
        "Indonesia mengecam serangan yang dilakukan Israel terhadap Gaza.",
        {("IDN", "ISR", "accusation"), ("ISR", "PSE", "attack")},
    ),
    # a reported demand: the speaker on the party that must act
    (
        "en",
        "A senior British minister reiterated that Libya must hand over the suspects.",
        {("GBR", "LBY", "accusation")},
    ),
    (
        "en",
        "Russia must withdraw its troops, the French president said.",
        {("FRA", "RUS", "accusation")},
    ),
    (
        "id",
        "Indonesia menegaskan bahwa Myanmar harus membebaskan tahanan politik.",
        {("IDN", "MMR", "accusation")},
    ),
    (
        "id",
        "Israel harus menghentikan operasi di Gaza, kata Presiden Turki.",
        {("TUR", "ISR", "accusation")},
    ),
    # a threat with no object of its own is aimed at the party of its condition
    (
        "en",
        "Russia threatened to quit the arms talks if the United States deploys new missiles.",
        {("RUS", "USA", "threat")},
    ),
    (
        "id",
        "China mengancam akan membalas jika AS mengirim kapal ke Selat Taiwan.",
        {("CHN", "USA", "threat")},
    ),
    # a vow to hit back is aimed at the one other party named
    (
        "en",
        "India strikes Pakistan after Kashmir bombing as Islamabad vows to retaliate.",
        {("IND", "PAK", "attack"), ("PAK", "IND", "threat")},
    ),
    (
        "id",
        "India menyerang Pakistan, dan Islamabad bersumpah akan membalas.",
        {("IND", "PAK", "attack"), ("PAK", "IND", "threat")},
    ),
    # talks hosted with their sides unnamed are the story's talks: the host meets each side
    (
        "en",
        "Saudi Arabia and Iran agreed to restore ties. "
        "Previous rounds of dialogue hosted by Iraq and Oman narrowed the gaps.",
        {("IRQ", "SAU", "talks"), ("IRQ", "IRN", "talks"), ("OMN", "SAU", "talks")},
    ),
    (
        "en",
        "Oman hosted earlier talks. Saudi Arabia and Iran agreed to restore ties.",
        {("OMN", "SAU", "talks"), ("OMN", "IRN", "talks")},
    ),
    (
        "id",
        "Arab Saudi dan Iran sepakat memulihkan hubungan. "
        "Putaran dialog sebelumnya yang dimediasi Irak dan Oman gagal.",
        {("IRQ", "SAU", "talks"), ("OMN", "IRN", "talks")},
    ),
    (
        "id",
        "Arab Saudi dan Iran sepakat memulihkan hubungan. "
        "Oman menjadi tuan rumah perundingan sebelumnya.",
        {("OMN", "SAU", "talks"), ("OMN", "IRN", "talks")},
    ),
    # an act held out on a condition is a threat
    (
        "en",
        "Nigeria said it will withdraw its force from Chad unless the junta holds elections.",
        {("NGA", "TCD", "threat")},
    ),
    (
        "en",
        "The US will impose sanctions on Iran unless it halts enrichment.",
        {("USA", "IRN", "threat")},
    ),
    (
        "id",
        "AS akan menjatuhkan sanksi kepada Iran kecuali jika Teheran berhenti.",
        {("USA", "IRN", "threat")},
    ),
    # cooperation turned down did not happen; the refusal did
    ("en", "Pakistan rejected an offer of talks from India.", {("PAK", "IND", "rejection")}),
    ("id", "Pakistan menolak tawaran perundingan dari India.", {("PAK", "IND", "rejection")}),
    (
        "en",
        "Iran rejected calls to cut ties and signed a trade deal with Iraq.",
        {("IRN", "IRQ", "agreement")},
    ),
    # deploying, blocking, restoring relations, offering to mediate
    ("id", "China mengerahkan kapal perang ke dekat Taiwan.", {("CHN", "TWN", "threat")}),
    ("id", "Turki memblokir keanggotaan Swedia di NATO.", {("TUR", "SWE", "rejection")}),
    ("en", "Turkey blocked Sweden's bid to join NATO.", {("TUR", "SWE", "rejection")}),
    ("en", "China blocked imports from Australia.", {("CHN", "AUS", "sanction")}),
    ("id", "China memblokir impor dari Australia.", {("CHN", "AUS", "sanction")}),
    (
        "id",
        "Arab Saudi memulihkan hubungan diplomatik dengan Suriah.",
        {("SAU", "SYR", "agreement")},
    ),
    ("en", "Saudi Arabia restored diplomatic relations with Syria.", {("SAU", "SYR", "agreement")}),
    # ramming a boat is an attack; hosting a base is an alliance, not talks
    ("en", "China's coast guard rammed a Philippine supply boat.", {("CHN", "PHL", "attack")}),
    (
        "id",
        "Kapal penjaga pantai China menabrak kapal pasokan Filipina.",
        {("CHN", "PHL", "attack")},
    ),
    ("en", "Qatar, which hosts a US air base, mediated a deal.", {("QAT", "USA", "alliance")}),
    ("en", "Washington approved a large arms sale to Taiwan.", {("USA", "TWN", "aid")}),
    # 'kelompok', 'group' before a name is a title, not the name's own governor
    (
        "id",
        "Amerika Serikat dan Inggris melancarkan serangan udara terhadap kelompok Houthi di Yaman.",
        {("USA", "YEM", "attack"), ("GBR", "YEM", "attack")},
    ),
    # each other: accusations traded, borders closed
    (
        "id",
        "Thailand dan Kamboja saling tuding atas bentrokan di perbatasan.",
        {("THA", "KHM", "accusation")},
    ),
    (
        "en",
        "Thailand and Cambodia traded accusations over the border clash.",
        {("THA", "KHM", "accusation")},
    ),
    ("id", "Polandia menutup perbatasannya dengan Belarus.", {("POL", "BLR", "sanction")}),
    ("en", "Poland closed its border with Belarus.", {("POL", "BLR", "sanction")}),
    # a joint exercise of two named parties is theirs, whoever talks about it
    (
        "id",
        "Korea Utara menyebut latihan gabungan AS dan Korea Selatan sebagai latihan perang.",
        {("USA", "KOR", "alliance")},
    ),
    # exchanging fire is fighting each other
    ("en", "Pakistan and Afghanistan exchanged fire at the border.", {("PAK", "AFG", "attack")}),
    (
        "id",
        "Pasukan Pakistan dan Afghanistan terlibat baku tembak di perbatasan.",
        {("PAK", "AFG", "attack")},
    ),
    # missiles fired at a base hit its owner; suspending talks rejects
    (
        "id",
        "Iran menembakkan rudal balistik ke pangkalan militer AS di Irak.",
        {("IRN", "USA", "attack")},
    ),
    ("en", "Iran fired ballistic missiles at a US base in Iraq.", {("IRN", "USA", "attack")}),
    (
        "id",
        "Uni Eropa menangguhkan perundingan dagang dengan Israel.",
        {("EU", "ISR", "rejection")},
    ),
    ("id", "AS menangguhkan bantuan militer ke Mesir.", {("USA", "EGY", "sanction")}),
    ("id", "Menlu Sugiono bertemu Menlu Jepang di Tokyo.", {("IDN", "JPN", "talks")}),
    # branding a party terrorist is a sanction
    (
        "en",
        "The US designated the Houthis a terrorist organization.",
        {("USA", "YEM", "sanction")},
    ),
    (
        "en",
        "Washington designated Cuba a state sponsor of terrorism.",
        {("USA", "CUB", "sanction")},
    ),
    ("id", "AS menetapkan Houthi sebagai organisasi teroris.", {("USA", "YEM", "sanction")}),
    # refusing to meet still rejects
    ("id", "Iran menolak bertemu delegasi AS.", {("IRN", "USA", "rejection")}),
    # pulling troops back gives way; pulling out of a pact rejects it
    ("en", "Russia withdrew its troops from the Ukrainian border.", {("RUS", "UKR", "agreement")}),
    (
        "en",
        "The United States withdrew from the nuclear deal with Iran.",
        {("USA", "IRN", "rejection")},
    ),
    (
        "id",
        "Malaysia menawarkan diri menjadi penengah antara Thailand dan Kamboja.",
        {("MYS", "THA", "talks"), ("MYS", "KHM", "talks")},
    ),
    # the one accused does the act the accusation names
    (
        "en",
        "Israel accused Iran of funding Hezbollah.",
        {("ISR", "IRN", "accusation"), ("IRN", "LBN", "aid")},
    ),
    ("id", "Israel menuduh Iran mendanai Hizbullah.", {("IRN", "LBN", "aid")}),
    (
        "en",
        "Riyadh accused Tehran of arming the Houthi rebels.",
        {("SAU", "IRN", "accusation"), ("IRN", "YEM", "aid")},
    ),
    (
        "en",
        "Britain condemned Russia's attack on Ukraine's sovereignty.",
        {("GBR", "RUS", "accusation"), ("RUS", "UKR", "attack")},
    ),
    (
        "en",
        "Japan, a close US ally, protested to China.",
        {("JPN", "USA", "alliance"), ("JPN", "CHN", "accusation")},
    ),
    (
        "en",
        "Blinken, speaking at a meeting in Phnom Penh, Cambodia, called China's reaction "
        "a significant escalation.",
        {("USA", "CHN", "accusation")},
    ),
    ("en", "In Beijing, China announced sanctions on Taiwan.", {("CHN", "TWN", "sanction")}),
    # 'between' a few words after the cue; talks mediated with unnamed sides are the story's
    (
        "id",
        "Gencatan senjata kemanusiaan selama empat hari antara Israel dan Hamas mulai berlaku. "
        "Kesepakatan itu tercapai setelah perundingan alot berminggu-minggu yang dimediasi "
        "Qatar, Mesir, dan Amerika Serikat.",
        {("ISR", "PSE", "agreement"), ("QAT", "ISR", "talks"), ("EGY", "PSE", "talks")},
    ),
    # a mutual defence treaty and joint patrols ally; water cannon attacks; a supply ship
    # supplies no one
    (
        "id",
        "Ia mengingatkan bahwa Perjanjian Pertahanan Bersama AS-Filipina 1951 berlaku.",
        {("USA", "PHL", "alliance")},
    ),
    (
        "id",
        "Australia dan Filipina menggelar patroli maritim bersama di Laut China Selatan.",
        {("AUS", "PHL", "alliance")},
    ),
    (
        "en",
        "China used water cannon against a Philippine supply ship.",
        {("CHN", "PHL", "attack")},
    ),
    # 'the leaders of X and Y' act; 'US-brokered' brokers; sealing a border sanctions
    (
        "en",
        "The leaders of Armenia and Azerbaijan signed a joint declaration on Friday.",
        {("ARM", "AZE", "agreement")},
    ),
    ("en", "The president of France met the chancellor of Germany.", {("FRA", "DEU", "talks")}),
    (
        "en",
        "Armenia and Azerbaijan signed a US-brokered peace declaration.",
        {("ARM", "AZE", "agreement"), ("ARM", "USA", "talks"), ("AZE", "USA", "talks")},
    ),
    (
        "en",
        "Ankara sealed its border with Armenia in 1993.",
        {("TUR", "ARM", "sanction")},
    ),
    # 'its defence ministry' is the ministry of the sentence before's subject
    (
        "en",
        "LIMA (Reuters) – North Korea denounced the drill. Its defence ministry accused "
        "Washington of dragging its allies into a confrontation.",
        {("PRK", "USA", "accusation")},
    ),
    (
        "en",
        "Biden met Ishiba on the sidelines of the Asia-Pacific Economic Cooperation summit.",
        {("USA", "JPN", "talks")},
    ),
    # after a word of receiving, 'aid' is the noun: the giver is after 'from'
    ("en", "Kyiv received aid from Germany.", {("DEU", "UKR", "aid")}),
    # Indonesian appositions too; being in contact is talks
    (
        "id",
        "China, sekutu terdekat Kamboja di kawasan, menyatakan telah menjalin komunikasi "
        "dengan Phnom Penh dan Bangkok.",
        {("CHN", "KHM", "alliance"), ("CHN", "KHM", "talks"), ("CHN", "THA", "talks")},
    ),
    (
        "en",
        "Beijing said it had been in contact with Phnom Penh and Bangkok.",
        {("CHN", "KHM", "talks"), ("CHN", "THA", "talks")},
    ),
    # a statement rejected in the next sentence is its speaker's
    (
        "en",
        "Biden said the US would defend the Philippines. Beijing rejected the remarks.",
        {("CHN", "USA", "rejection")},
    ),
    (
        "id",
        "Washington berdiri bersama Filipina dan mengecam tindakan China. Pernyataan itu "
        "ditolak mentah-mentah oleh Beijing.",
        {("CHN", "USA", "rejection")},
    ),
    # an apposition is no list
    (
        "en",
        "The Philippines, a U.S. treaty ally, is locked in its own maritime dispute with China.",
        {("PHL", "USA", "alliance")},
    ),
    # a backer supports; thanks for 'their firm support' are thanks for support
    ("en", "Egypt is seen as Sudan's closest regional backer.", {("EGY", "SDN", "support")}),
    (
        "id",
        "Di luar kawasan, China tetap menjadi penopang utama Naypyidaw.",
        {("CHN", "MMR", "support")},
    ),
    (
        "en",
        "Taiwan thanked Washington and Tokyo for their firm support.",
        {("USA", "TWN", "support"), ("JPN", "TWN", "support")},
    ),
    # blaming an act told just before without its doer blames its doer
    (
        "en",
        "The United States and Britain carried out strikes against Houthi targets in Yemen. "
        "Iran's foreign ministry spokesman condemned the strikes.",
        {("IRN", "USA", "accusation"), ("IRN", "GBR", "accusation")},
    ),
    # the subject carries over 'and' past auxiliaries and adverbs
    (
        "en",
        "Cairo signed a military protocol with Somalia and has since shipped weapons to Mogadishu.",
        {("EGY", "SOM", "agreement"), ("EGY", "SOM", "aid")},
    ),
    (
        "en",
        "Iran rejected the offer and later accused the US of lying.",
        {("IRN", "USA", "accusation")},
    ),
    # recognising a country's sovereignty supports it
    (
        "en",
        "The United States recognised the sovereignty and territorial integrity of Somalia.",
        {("USA", "SOM", "support")},
    ),
    # airspace closed and trade halted are sanctions; missiles that hit a country attack it
    ("en", "Niger closed its airspace to French aircraft.", {("NER", "FRA", "sanction")}),
    ("en", "Pakistan halted all trade with India.", {("PAK", "IND", "sanction")}),
    (
        "id",
        "Pakistan membalas dengan menutup wilayah udaranya bagi maskapai India.",
        {("PAK", "IND", "sanction")},
    ),
    (
        "id",
        "Pertempuran memuncak ketika rudal India menghantam sejumlah pangkalan udara Pakistan.",
        {("IND", "PAK", "attack")},
    ),
    # standing with a party supports it; releasing its prisoners is an agreement
    ("id", "Indonesia akan terus berdiri bersama rakyat Palestina.", {("IDN", "PSE", "support")}),
    (
        "id",
        "Hamas akan membebaskan 13 sandera, sementara Israel akan melepaskan 39 tahanan Palestina.",
        {("ISR", "PSE", "agreement")},
    ),
    # weapons fired toward or into a country attack it
    (
        "en",
        "The Houthis attacked ships. The group has also fired drones and missiles toward the "
        "Israeli port city of Eilat.",
        {("YEM", "ISR", "attack")},
    ),
    ("en", "Hezbollah fired rockets into northern Israel.", {("LBN", "ISR", "attack")}),
    # 'X-backed Y': X supports Y; ordering a party to leave rejects it
    ("en", "The Iran-backed Houthis attacked ships in the Red Sea.", {("IRN", "YEM", "support")}),
    (
        "en",
        "Burkina Faso's military rulers ordered French special forces to leave the country.",
        {("BFA", "FRA", "rejection")},
    ),
    (
        "id",
        "Junta Niger memerintahkan duta besar Prancis meninggalkan negara itu.",
        {("NER", "FRA", "rejection")},
    ),
    # navies by their ships' prefixes; a lawsuit; a claim never recognised
    (
        "id",
        "Kapal pengawas perikanan Vietnam menabrak kapal perang KRI Tjiptadi-381.",
        {("VNM", "IDN", "attack")},
    ),
    (
        "id",
        "Putusan itu menjawab gugatan Filipina terhadap China.",
        {("PHL", "CHN", "accusation")},
    ),
    (
        "id",
        "Indonesia tidak pernah akan mengakui klaim sembilan garis putus-putus China.",
        {("IDN", "CHN", "rejection")},
    ),
    # 'the group' is the armed group named last, standing for its country
    (
        "en",
        "Saudi Arabia fought the Houthis. Riyadh held talks with the group.",
        {("SAU", "YEM", "talks")},
    ),
    (
        "id",
        "Israel menyerang Hamas di Gaza. Mesir kemudian berunding dengan kelompok itu di Kairo.",
        {("EGY", "PSE", "talks")},
    ),
    # in Indonesian press a ministry named alone is Indonesia's, wherever the dateline
    (
        "id",
        "MOSKOW, KOMPAS.com – Prabowo bertemu Putin. Kementerian Pertahanan kemudian "
        "menandatangani kontrak pembelian jet tempur dengan Prancis.",
        {("IDN", "FRA", "agreement")},
    ),
    (
        "en",
        "India signed a contract with France for 36 Rafale jets.",
        {("IND", "FRA", "agreement")},
    ),
    # a negated word of undoing leaves the tie standing
    ("en", "The US will not lift sanctions on Iran.", {("USA", "IRN", "sanction")}),
    ("id", "AS tidak akan mencabut sanksi terhadap Iran.", {("USA", "IRN", "sanction")}),
    ("en", "Washington did not end its support for Kyiv.", {("USA", "UKR", "support")}),
    (
        "id",
        "Prabowo bertemu Menteri Pertahanan Rusia Andrei Belousov. Kedua menteri sepakat "
        "memperluas latihan militer bersama.",
        {("IDN", "RUS", "agreement")},
    ),
    # ... or the accusation of the sentence or two before
    (
        "en",
        "China accused the Philippines of provocations. Manila denied the charge.",
        {("PHL", "CHN", "rejection")},
    ),
    (
        "id",
        "Kementerian Luar Negeri Filipina menuduh China bertindak agresif. Beijing membantah "
        "telah bertindak berlebihan.",
        {("CHN", "PHL", "rejection")},
    ),
    # aid or supplies suspended, paused or cut off are a sanction, not aid
    (
        "en",
        "France suspended all development aid and budget support to Niamey.",
        {("FRA", "NER", "sanction")},
    ),
    (
        "en",
        "Washington has paused some assistance programmes to Niger.",
        {("USA", "NER", "sanction")},
    ),
    ("en", "Nigeria cut off electricity exports to Niger.", {("NGA", "NER", "sanction")}),
    ("id", "Nigeria menghentikan pasokan listrik ke Niger.", {("NGA", "NER", "sanction")}),
    (
        "id",
        "Prancis menangguhkan seluruh bantuan pembangunan untuk Niger.",
        {("FRA", "NER", "sanction")},
    ),
    ("en", "ECOWAS has imposed sweeping sanctions on Niger.", {("ECOWAS", "NER", "sanction")}),
    # a denial with no party for object rejects whoever accuses the one who denies
    (
        "en",
        "Washington accused Tehran of supplying drones, a charge Iran denies.",
        {("USA", "IRN", "accusation"), ("IRN", "USA", "rejection")},
    ),
    (
        "en",
        "Mali accused France of supplying weapons to jihadists, which France denied.",
        {("MLI", "FRA", "accusation"), ("FRA", "MLI", "rejection")},
    ),
    (
        "en",
        "Seoul accused Pyongyang of firing missiles, but North Korea denied the charge.",
        {("KOR", "PRK", "accusation"), ("PRK", "KOR", "rejection")},
    ),
    (
        "en",
        "Bamako accused Paris of violating its airspace, accusations France rejected as baseless.",
        {("MLI", "FRA", "accusation"), ("FRA", "MLI", "rejection")},
    ),
    (
        "id",
        "AS menuduh Iran memasok drone ke Rusia, tuduhan yang dibantah Teheran.",
        {("USA", "IRN", "accusation"), ("IRN", "USA", "rejection"), ("IRN", "RUS", "aid")},
    ),
    (
        "id",
        "China menuduh Filipina memprovokasi, namun Manila membantahnya.",
        {("CHN", "PHL", "accusation"), ("PHL", "CHN", "rejection")},
    ),
    # what follows 'that' is what the accusation says, not whom it targets
    (
        "en",
        "Iran denied US accusations that it supplied drones to Russia.",
        {("IRN", "USA", "rejection"), ("USA", "IRN", "accusation")},
    ),
    (
        "id",
        "Iran membantah tuduhan AS bahwa pihaknya memasok drone ke Rusia.",
        {("IRN", "USA", "rejection")},
    ),
    # the one thanked gave
    ("en", "Kenya thanked Japan for its humanitarian aid.", {("JPN", "KEN", "aid")}),
    # ... and the one thanking does the next act
    (
        "en",
        "Japan thanked the US for its support and criticized China.",
        {("USA", "JPN", "support"), ("JPN", "CHN", "accusation")},
    ),
    (
        "id",
        "Jepang berterima kasih kepada AS atas dukungannya dan mengkritik China.",
        {("USA", "JPN", "support"), ("JPN", "CHN", "accusation")},
    ),
    (
        "id",
        "Pemerintah Filipina berterima kasih kepada Jepang atas bantuan kemanusiaan itu.",
        {("JPN", "PHL", "aid")},
    ),
    # taking one side together
    ("id", "Mesir dan Sudan satu suara menolak proyek itu.", {("EGY", "SDN", "support")}),
    ("en", "Egypt and Sudan spoke with one voice on the dam.", {("EGY", "SDN", "support")}),
    # "their foreign ministers": the two countries just named
    (
        "en",
        "Japan and South Korea signed a trade pact. "
        "Their foreign ministers will meet in Seoul next month.",
        {("JPN", "KOR", "talks")},
    ),
    (
        "id",
        "Jepang dan Korea Selatan menandatangani pakta dagang. "
        "Menteri luar negeri mereka akan bertemu di Seoul.",
        {("JPN", "KOR", "talks")},
    ),
    # "..., a move condemned by X": X condemns what the sentence's subject did
    (
        "en",
        "Russia recognised two breakaway regions of Georgia in 2008, a move condemned by Germany.",
        {("DEU", "RUS", "accusation")},
    ),
    (
        "id",
        "Rusia mengakui dua wilayah separatis Georgia pada 2008, langkah yang dikecam oleh Jerman.",
        {("DEU", "RUS", "accusation")},
    ),
    # an -ing form after "and" is a verb sharing the subject
    (
        "en",
        "China protested, accusing Japan of meddling and warning Taiwan against independence.",
        {("CHN", "JPN", "accusation"), ("CHN", "TWN", "threat")},
    ),
    # "no agreement" is no agreement, but still talks
    ("en", "Talks brought no agreement between India and Pakistan.", {("IND", "PAK", "talks")}),
    ("en", "Turkey refuses to recognise Cyprus.", {("TUR", "CYP", "rejection")}),
    ("id", "Turki menolak mengakui Siprus.", {("TUR", "CYP", "rejection")}),
    # after a passive, 'and' carries on with its subject, not with who acted on it
    (
        "en",
        "Iran was criticised by Israel and warned Saudi Arabia.",
        {("IRN", "SAU", "threat")},
    ),
    ("id", "Iran dikecam oleh Israel dan memperingatkan Arab Saudi.", {("IRN", "SAU", "threat")}),
    # breaking off, revoking, ordering out and withdrawing are rejections
    (
        "en",
        "Mali and Niger cut diplomatic ties with Ukraine on Sunday.",
        {("MLI", "UKR", "rejection"), ("NER", "UKR", "rejection")},
    ),
    (
        "en",
        "Niger revoked a military cooperation agreement with the United States.",
        {("NER", "USA", "rejection")},
    ),
    ("en", "Bamako ordered French forces out.", {("MLI", "FRA", "rejection")}),
    ("en", "Burkina Faso gave French forces a month to leave.", {("BFA", "FRA", "rejection")}),
    ("en", "Mali fell out with France in 2021.", {("MLI", "FRA", "rejection")}),
    ("en", "Algeria responded by closing its airspace to Mali.", {("DZA", "MLI", "sanction")}),
    (
        "id",
        "Mali memanggil pulang duta besarnya dari Aljazair.",
        {("MLI", "DZA", "rejection")},
    ),
    # "the three juntas" are the last three countries named
    (
        "en",
        "Mali, Burkina Faso and Niger left ECOWAS. The three juntas signed a defence pact.",
        {("BFA", "MLI", "agreement"), ("BFA", "NER", "agreement"), ("MLI", "NER", "agreement")},
    ),
    (
        "id",
        "Mali, Burkina Faso dan Niger keluar dari ECOWAS. Ketiga junta menandatangani pakta.",
        {("BFA", "MLI", "agreement"), ("BFA", "NER", "agreement"), ("MLI", "NER", "agreement")},
    ),
    # a number with thousands separators does not cut the way to the one given to
    (
        "en",
        "Putin promised to send 25,000 to 50,000 tonnes of grain each to Burkina Faso and Mali.",
        {("RUS", "BFA", "aid"), ("RUS", "MLI", "aid")},
    ),
    (
        "id",
        "Rusia berjanji mengirim 25.000 hingga 50.000 ton gandum gratis ke Burkina Faso dan Mali.",
        {("RUS", "BFA", "aid"), ("RUS", "MLI", "aid")},
    ),
    # sending an envoy, a delegation or a letter is talking
    ("en", "India sent a delegation to Moscow.", {("IND", "RUS", "talks")}),
    ("id", "India mengirim delegasi ke Moskow.", {("IND", "RUS", "talks")}),
    ("en", "Biden sent a letter to Xi Jinping.", {("USA", "CHN", "talks")}),
    ("id", "Indonesia mengirim surat kepada China.", {("IDN", "CHN", "talks")}),
    # a body of states beside 'ally' says what kind of ally; the possessive names whose
    (
        "en",
        "Greece, Turkey's neighbour and NATO ally, bought jets.",
        {("GRC", "TUR", "alliance")},
    ),
    # a participle after a comma shares its clause's subject; 'it' is the other party before
    (
        "en",
        "Finland joined last April, but Ankara kept Stockholm waiting, accusing it of leniency.",
        {("TUR", "SWE", "accusation")},
    ),
    (
        "en",
        "After Kyiv helped the rebels, Mali cut ties with Ukraine, accusing it of terrorism.",
        {("MLI", "UKR", "accusation")},
    ),
    (
        "id",
        "Mali memutus hubungan dengan Ukraina dan Niger, dan menuduh mereka mendukung teroris.",
        {("MLI", "UKR", "accusation")},
    ),
    # a buyer gets from the seller
    (
        "en",
        "Greece is expected to buy F-35 stealth jets from the United States.",
        {("USA", "GRC", "aid")},
    ),
    ("id", "Yunani akan membeli jet F-35 dari Amerika Serikat.", {("USA", "GRC", "aid")}),
    # an attack with no other object hits the country it happens in
    ("en", "Turkey said Israel struck targets in Syria.", {("ISR", "SYR", "attack")}),
    ("en", "France condemned Russia's strikes in Ukraine.", {("RUS", "UKR", "attack")}),
    ("id", "Turki mengatakan Israel menyerang sasaran di Suriah.", {("ISR", "SYR", "attack")}),
    ("id", "Serangan Turki di Suriah utara menewaskan warga.", {("TUR", "SYR", "attack")}),
    # a response to attacks: the responder suffered them
    (
        "id",
        "Biden menyebutnya respons langsung atas serangan Houthi terhadap pelayaran.",
        {("YEM", "USA", "attack")},
    ),
    # 'ketiganya' are the three named last, not the country of the city they met in
    (
        "id",
        "Presiden AS Joe Biden, Perdana Menteri Jepang Shigeru Ishiba dan Presiden Korsel "
        "Yoon Suk Yeol bertemu di sela KTT APEC di Lima, Peru. Ketiganya mengecam Korea Utara.",
        {("USA", "JPN", "talks"), ("USA", "PRK", "accusation"), ("KOR", "PRK", "accusation")},
    ),
    # a party before a preposition is no doer of the noun after it
    (
        "en",
        "Uganda sent troops to Congo under an agreement with Kinshasa.",
        {("UGA", "COD", "agreement")},
    ),
    # 'one of X's supporters' set off by commas says who the name is
    (
        "en",
        "Belgium, one of Congo's most vocal supporters in Europe, expelled Rwanda's envoys.",
        {("BEL", "COD", "support"), ("BEL", "RWA", "rejection")},
    ),
    # recalling envoys from X in protest rejects and protests against X
    (
        "en",
        "Mali, Burkina Faso and Niger recalled their ambassadors from Algiers in protest.",
        {("MLI", "DZA", "rejection"), ("MLI", "DZA", "accusation"), ("NER", "DZA", "accusation")},
    ),
    (
        "id",
        "Mali, Burkina Faso dan Niger memanggil pulang duta besarnya dari Aljir sebagai protes.",
        {("MLI", "DZA", "rejection"), ("MLI", "DZA", "accusation"), ("NER", "DZA", "accusation")},
    ),
    # 'ia'/'he' is the first person of the sentence before it, its likely subject
    (
        "id",
        "Menlu Retno Marsudi bertemu Presiden Rusia Vladimir Putin. Ia kemudian mengecam AS.",
        {("IDN", "USA", "accusation")},
    ),
    (
        "en",
        "Foreign Minister Retno Marsudi met Russian President Vladimir Putin. "
        "She later criticised the United States.",
        {("IDN", "USA", "accusation")},
    ),
    (
        "en",
        "Prabowo flew to Washington to meet Joe Biden, then to Rio, where he also met "
        "Brazilian President Lula da Silva.",
        {("IDN", "BRA", "talks")},
    ),
    # congratulating is backing
    (
        "id",
        'Jubir China mengatakan Beijing "menyambut dan mengucapkan selamat" kepada Indonesia.',
        {("CHN", "IDN", "support")},
    ),
    ("en", "China congratulated Indonesia on joining BRICS.", {("CHN", "IDN", "support")}),
    # approving a country's bid to join backs it
    ("en", "Turkey's parliament approved Sweden's bid to join NATO.", {("TUR", "SWE", "support")}),
    ("id", "Parlemen Turki menyetujui keanggotaan Swedia di NATO.", {("TUR", "SWE", "support")}),
    # 'X's partner in the EU': the EU is where, X is whose
    (
        "en",
        "Viktor Orban is the Kremlin's closest partner in the European Union.",
        {("HUN", "RUS", "alliance")},
    ),
    # a cue right after 'but'/'tetapi' shares the sentence's subject; a threat whose
    # 'that' names its own side is aimed at the party of its condition
    (
        "id",
        "Misi Iran untuk PBB menyatakan persoalan itu selesai, tetapi memperingatkan bahwa "
        "respons Iran akan lebih keras jika Israel kembali menyerang.",
        {("IRN", "ISR", "threat")},
    ),
    (
        "en",
        "Iran's UN mission said the matter was concluded but warned that Iran's response "
        "would be harsher if Israel attacked again.",
        {("IRN", "ISR", "threat")},
    ),
    # 'the three countries' named in their own sentence just before
    (
        "en",
        "Marcos will meet Joe Biden and Fumio Kishida in Washington at the first trilateral "
        "summit of the three countries.",
        {("USA", "JPN", "talks"), ("PHL", "USA", "talks")},
    ),
    # 'cooperation' is a noun: a 'cooperation agreement' is no object of an act
    (
        "en",
        "Turkey signed a 10-year defence and economic cooperation agreement with Mogadishu.",
        {("TUR", "SOM", "agreement")},
    ),
    # calling a country an ally makes it one
    (
        "id",
        'China, yang menyebut Pakistan sebagai sekutu "segala cuaca", menyesalkan serangan India.',
        {("CHN", "PAK", "alliance")},
    ),
    (
        "en",
        "China, which calls Pakistan its all-weather ally, said India's strikes were regrettable.",
        {("CHN", "PAK", "alliance")},
    ),
    # a country's adjective, a title and a name are one party
    (
        "en",
        "US President Joe Biden met South Korean President Yoon Suk Yeol and Japanese Prime "
        "Minister Shigeru Ishiba on the sidelines of the summit.",
        {("USA", "KOR", "talks"), ("USA", "JPN", "talks")},
    ),
    # after 'and', the subject is the clause's head, not a party inside what was said
    (
        "en",
        "Beijing has said it is not aware of any North Korean deployment to Russia and has "
        "repeatedly accused Washington of forming small circles.",
        {("CHN", "USA", "accusation")},
    ),
    # conveying concerns to, summoning an envoy: protests
    ("en", "Japan said it had conveyed its concerns to Beijing.", {("JPN", "CHN", "accusation")}),
    ("id", "Jepang menyampaikan keprihatinan kepada China.", {("JPN", "CHN", "accusation")}),
    (
        "id",
        "Pemerintah Filipina memanggil wakil kepala misi Kedutaan Besar China di Manila untuk "
        "memprotes penggunaan meriam air.",
        {("PHL", "CHN", "accusation")},
    ),
    # 'the strikes' are the strikes told before, not the other attacks in between
    (
        "en",
        "The United States and Britain launched strikes on Yemen. The Houthis then attacked "
        "ships of Greece and Liberia. Iran condemned the strikes.",
        {("IRN", "USA", "accusation"), ("IRN", "GBR", "accusation")},
    ),
    # a warning with no object is aimed at the foe its doer last clashed with
    (
        "en",
        "Egypt accused Ethiopia of stealing its water. President Abdel Fattah al-Sisi warned "
        "that all options remain open.",
        {("EGY", "ETH", "threat")},
    ),
    (
        "id",
        "Mesir menuduh Ethiopia mencuri airnya. Presiden Abdel Fattah al-Sisi memperingatkan "
        "bahwa semua opsi tetap terbuka.",
        {("EGY", "ETH", "threat")},
    ),
    # those who sign or agree something together have talked
    (
        "en",
        "Armenia and Azerbaijan signed a joint declaration on Friday.",
        {("ARM", "AZE", "talks")},
    ),
    (
        "id",
        "India dan Pakistan menyepakati gencatan senjata pada Sabtu.",
        {("IND", "PAK", "talks")},
    ),
    # a sanction announced for later is a threat too
    (
        "en",
        "Washington will impose new sanctions on Iran in the coming days.",
        {("USA", "IRN", "threat"), ("USA", "IRN", "sanction")},
    ),
    (
        "id",
        "Washington akan menjatuhkan sanksi baru terhadap Iran dalam beberapa hari ke depan.",
        {("USA", "IRN", "threat"), ("USA", "IRN", "sanction")},
    ),
    # calling an act dangerous or a betrayal blames its doer
    (
        "id",
        'Canberra menyebut manuver kapal China itu "berbahaya dan mengganggu stabilitas".',
        {("AUS", "CHN", "accusation")},
    ),
    (
        "en",
        "Kenya's foreign affairs secretary called Russia's withdrawal \"a stab in the back\".",
        {("KEN", "RUS", "accusation")},
    ),
    # who does 'the same' does the act just told, to the same target
    (
        "id",
        "Washington akan menjatuhkan sanksi baru terhadap Iran, sementara London menyatakan "
        "tengah menyiapkan langkah serupa.",
        {("GBR", "IRN", "sanction")},
    ),
    (
        "id",
        "Departemen Keuangan AS menjatuhkan sanksi terhadap pejabat Korut dan Rusia. Jepang "
        "mengumumkan langkah serupa pekan lalu.",
        {("JPN", "PRK", "sanction"), ("JPN", "RUS", "sanction")},
    ),
    (
        "en",
        "The United States imposed sanctions on Russia. Japan followed suit on Friday.",
        {("JPN", "RUS", "sanction")},
    ),
    # ethnic cleansing and genocide are attacks; the one accused of them did them
    ("id", "Pasukan Serbia melakukan pembersihan etnis di Montenegro.", {("SRB", "MNE", "attack")}),
    (
        "en",
        "South Africa accused Israel of genocide in Gaza.",
        {("ZAF", "ISR", "accusation"), ("ISR", "PSE", "attack")},
    ),
    # 'Turkey's neighbour and NATO ally' set off by commas says who Greece is
    (
        "en",
        "Greece, Turkey's neighbour and NATO ally, is expected to get approval to buy F-35 "
        "stealth jets from the United States.",
        {("USA", "GRC", "aid")},
    ),
    # 'our ally, the Philippines': the one named after the comma is the speaker's ally
    (
        "id",
        'Miller mengatakan Washington "berdiri bersama sekutu kami, Filipina" dan mengecam '
        "tindakan China.",
        {("USA", "PHL", "alliance"), ("USA", "CHN", "accusation")},
    ),
    (
        "en",
        'Washington said it "stands with our ally, the Philippines" against China.',
        {("USA", "PHL", "alliance")},
    ),
    # declaring support for a country's sovereignty backs it
    ("id", "Australia menyatakan dukungan bagi kedaulatan Filipina.", {("AUS", "PHL", "support")}),
    # barrages are attacks; drills around a country and encircling it are threats
    (
        "en",
        "Russia launched a massive missile barrage on Ukraine's energy grid.",
        {("RUS", "UKR", "attack")},
    ),
    ("en", "China conducted military drills around Taiwan.", {("CHN", "TWN", "threat")}),
    (
        "id",
        "Kapal-kapal China mengepung Taiwan dalam latihan militer besar-besaran.",
        {("CHN", "TWN", "threat")},
    ),
    # a rebuke drawn from X is X's; shipments are aid; cutting supplies is a sanction
    (
        "en",
        "Washington approved a $2 billion arms sale to Taiwan, drawing a rebuke from Beijing.",
        {("USA", "TWN", "aid"), ("CHN", "USA", "accusation")},
    ),
    ("en", "Cuba thanked Mexico for its oil shipments.", {("MEX", "CUB", "aid")}),
    ("en", "Algeria cut gas supplies to Spain.", {("DZA", "ESP", "sanction")}),
    # tariffs are sanctions; the party past 'terhadap' suffers them
    (
        "id",
        "Tiongkok menjatuhkan tarif tambahan terhadap produk Amerika Serikat.",
        {("CHN", "USA", "sanction")},
    ),
    (
        "id",
        "Malaysia dan Indonesia menggelar latihan militer bersama.",
        {("MYS", "IDN", "alliance")},
    ),
    # an attack on a country's land hits that country
    ("id", "Ukraina menyerang kilang minyak di wilayah Rusia.", {("UKR", "RUS", "attack")}),
    # a sentence opens with a noun; a passive heads its relative clause; several who
    # sign something by passive sign it between them
    (
        "en",
        "Sanctions imposed by Washington on Caracas have crippled the oil sector.",
        {("USA", "VEN", "sanction")},
    ),
    (
        "en",
        "Ukraine, which has been invaded by Russia, asked Germany for more tanks.",
        {("RUS", "UKR", "attack")},
    ),
    (
        "en",
        "The deal, mediated by Qatar, was signed by Israel and Hamas.",
        {("ISR", "PSE", "agreement"), ("QAT", "ISR", "talks")},
    ),
    # calls, receptions and purchases
    (
        "en",
        "President Biden spoke by phone with Chinese leader Xi Jinping on Tuesday.",
        {("USA", "CHN", "talks")},
    ),
    (
        "id",
        "Presiden Prabowo menerima Menlu China Wang Yi di Istana Merdeka.",
        {("IDN", "CHN", "talks")},
    ),
    ("en", "India continued buying Russian oil.", {("RUS", "IND", "aid")}),
    ("id", "India terus membeli minyak Rusia meski ditekan AS.", {("RUS", "IND", "aid")}),
    # importing from X is X's supply, in a relative clause too
    (
        "en",
        "Egypt and Lebanon, which import most of their wheat from Ukraine, said the deal "
        "could ease food prices.",
        {("UKR", "EGY", "aid"), ("UKR", "LBN", "aid")},
    ),
    # 'both governments' a party acts on are others than the parties of its own sentence
    (
        "en",
        "Pakistan and Afghanistan clashed on the border. Qatar, which hosts the Taliban's "
        "office, said it was in contact with both governments.",
        {("QAT", "PAK", "talks"), ("QAT", "AFG", "talks")},
    ),
    # mediators between two sides talk with each; working together with X backs X
    (
        "id",
        "Qatar dan Mesir selama ini menjadi mediator perundingan tidak langsung antara Israel "
        "dan Hamas.",
        {("QAT", "ISR", "talks"), ("EGY", "PSE", "talks")},
    ),
    (
        "id",
        "Washington akan kembali bekerja sama dengan Qatar dan Mesir untuk mengupayakan "
        "gencatan senjata.",
        {("USA", "QAT", "support"), ("USA", "EGY", "support")},
    ),
    # 'rezim Zionis' is Israel
    (
        "id",
        'Iran menyambut baik berakhirnya "agresi rezim Zionis" terhadap Lebanon.',
        {("ISR", "LBN", "attack")},
    ),
    # 'by phone' names no doer; trading strikes is done together
    (
        "en",
        "Iranian Foreign Minister Abbas Araghchi spoke by phone on Friday with his Pakistani "
        "counterpart Ishaq Dar.",
        {("IRN", "PAK", "talks")},
    ),
    (
        "en",
        "Iran and Pakistan traded missile and drone strikes on each other's territory.",
        {("IRN", "PAK", "attack"), ("PAK", "IRN", "attack")},
    ),
    # condemning 'it' after an attack blames whoever attacked
    (
        "en",
        "Israel struck targets in Syria on Sunday. Jordan, which borders both countries, "
        "condemned it as a breach of international law.",
        {("JOR", "ISR", "accusation")},
    ),
    # 'its ally' is the ally of the clause's subject, not of a place passed through
    ("en", "Iran sent weapons through Iraq to its ally Hezbollah.", {("IRN", "LBN", "alliance")}),
    # a mercenary force of a state stands for it
    ("en", "The Wagner Group helped Mali fight insurgents.", {("RUS", "MLI", "aid")}),
]


@pytest.mark.parametrize(("lang", "text", "expected"), PRESENT)
def test_construction_yields_tie(lang, text, expected):
    assert expected <= ties_of(text, lang)


ABSENT = [
    # a call to cooperate, a negated modal or one's own country is no demand
    (
        "en",
        "Japan said that the United States and China should resume talks.",
        ("JPN", "USA", "accusation"),
    ),
    (
        "id",
        "Jepang mengatakan AS dan China harus melanjutkan perundingan.",
        ("JPN", "CHN", "accusation"),
    ),
    ("en", "Iran should not be blamed for the blast, Russia said.", ("RUS", "IRN", "accusation")),
    (
        "en",
        "Biden said the United States must stay strong, Japan noted.",
        ("JPN", "USA", "accusation"),
    ),
    # a list does not name one party twice: the second is the next clause's subject
    (
        "id",
        "India menyerang Pakistan, dan Islamabad bersumpah akan membalas.",
        ("IND", "PAK", "threat"),
    ),
    # a vow to hit back with two other parties named has no one target
    (
        "en",
        "Iran vowed to retaliate after Israel struck its consulate in Syria.",
        ("IRN", "SYR", "threat"),
    ),
    # hosting something other than talks is no talks with the story's pair
    (
        "en",
        "Saudi Arabia and Iran agreed to restore ties. Qatar hosted the World Cup.",
        ("QAT", "SAU", "talks"),
    ),
    (
        "id",
        "Arab Saudi dan Iran sepakat memulihkan hubungan. Qatar menjadi tuan rumah Piala Dunia.",
        ("QAT", "IRN", "talks"),
    ),
    # 'between' belongs to the nearest cue: the offer is Malaysia's, not the two sides' deal
    (
        "en",
        "Malaysia offered to mediate between Thailand and Cambodia.",
        ("THA", "KHM", "agreement"),
    ),
    ("en", "Qatar, which hosts a US air base, mediated a deal.", ("QAT", "USA", "talks")),
    # a deal the speakers only talk about is not theirs
    (
        "en",
        "Egypt and Lebanon, which import wheat from Ukraine, said the deal could ease prices.",
        ("EGY", "LBN", "agreement"),
    ),
    (
        "id",
        "Mesir dan Lebanon mengatakan kesepakatan itu dapat menurunkan harga pangan.",
        ("EGY", "LBN", "agreement"),
    ),
    # the dateline's country is where the story was filed, not a party to it
    (
        "en",
        "Grain deal signed\nISTANBUL, Turkey – Russia and Ukraine signed an agreement on Friday.",
        ("TUR", "RUS", "agreement"),
    ),
    (
        "id",
        "Gandum\nISTANBUL, Turki – Rusia dan Ukraina menandatangani kesepakatan.",
        ("TUR", "UKR", "agreement"),
    ),
    # what a sanction is over was not done by the one who imposes it
    (
        "en",
        "Beijing imposed sanctions on US defence firms over arms sales to Taiwan.",
        ("CHN", "TWN", "aid"),
    ),
    (
        "id",
        "Amerika Serikat dan Inggris melancarkan serangan udara terhadap kelompok Houthi di Yaman.",
        ("YEM", "USA", "attack"),
    ),
    (
        "id",
        "Korea Utara menyebut latihan gabungan AS dan Korea Selatan sebagai latihan perang.",
        ("USA", "PRK", "alliance"),
    ),
    # a hostile act declined did not happen, and declining it rejects no one
    ("en", "India refused to condemn Russia's invasion of Ukraine.", ("IND", "RUS", "rejection")),
    ("id", "India menolak mengecam invasi Rusia ke Ukraina.", ("IND", "RUS", "rejection")),
    ("id", "India menolak mengecam invasi Rusia ke Ukraina.", ("IND", "RUS", "accusation")),
    # a warship is no war
    ("id", "China mengerahkan kapal perang ke dekat Taiwan.", ("TWN", "CHN", "attack")),
    # the accuser does not do what it accuses another of
    ("en", "Israel accused Iran of funding Hezbollah.", ("ISR", "LBN", "aid")),
    ("id", "Israel menuduh Iran mendanai Hizbullah.", ("ISR", "LBN", "aid")),
    (
        "en",
        "France suspended all development aid and budget support to Niamey.",
        ("FRA", "NER", "support"),
    ),
    ("en", "Washington has paused some assistance programmes to Niger.", ("USA", "NER", "aid")),
    ("en", "Nigeria cut off electricity exports to Niger.", ("NGA", "NER", "aid")),
    # 'the group' after an international body is no country
    ("en", "NATO met on Monday. Later Russia attacked the group.", ("RUS", "NATO", "attack")),
    # 'in Phnom Penh, Cambodia,' says where, and Cambodia does not speak
    (
        "en",
        "Blinken, speaking at a meeting in Phnom Penh, Cambodia, called China's reaction "
        "a significant escalation.",
        ("KHM", "CHN", "accusation"),
    ),
    ("en", "China used water cannon against a Philippine supply ship.", ("CHN", "PHL", "aid")),
    (
        "id",
        "Filipina memprotes penggunaan meriam air oleh China terhadap kapal pemasok Filipina.",
        ("CHN", "PHL", "aid"),
    ),
    # a cue word inside a name is part of the name; a possessive's allies are unnamed
    (
        "en",
        "Biden met Ishiba on the sidelines of the Asia-Pacific Economic Cooperation summit.",
        ("JPN", "APEC", "support"),
    ),
    (
        "en",
        "LIMA (Reuters) – North Korea denounced the drill. Its defence ministry accused "
        "Washington of dragging its allies into a confrontation.",
        ("PRK", "USA", "alliance"),
    ),
    (
        "en",
        "LIMA (Reuters) – North Korea denounced the drill. Its defence ministry accused "
        "Washington of dragging its allies into a confrontation.",
        ("PER", "USA", "accusation"),
    ),
    ("en", "Kyiv received aid from Germany.", ("UKR", "DEU", "aid")),
    (
        "en",
        "Iran rejected the offer and later accused the US of lying.",
        ("IRN", "USA", "rejection"),
    ),
    # a cue inside an apposition reaches no further than the apposition
    (
        "id",
        "Thailand, sekutu lama AS dalam perjanjian pertahanan, dan Kamboja sama-sama tengah "
        "bernegosiasi.",
        ("KHM", "THA", "agreement"),
    ),
    # an act that ends before ', and' has no object after it
    (
        "id",
        "Iran memperingatkan bahwa responsnya akan keras jika Israel kembali menyerang, dan "
        "meminta AS untuk menjauh.",
        ("ISR", "USA", "attack"),
    ),
    # blaming 'the attack' that the sentences before do not tell blames no one named later
    (
        "id",
        "Presiden AS Joe Biden mengutuk serangan itu dan mengatakan pasukan AS telah membantu "
        "Israel.",
        ("USA", "ISR", "accusation"),
    ),
    # a cue's gap never runs past a comma
    (
        "en",
        "Germany suspended the talks, and Russia sent aid to Syria.",
        ("DEU", "SYR", "sanction"),
    ),
    # a relation word's phrase ends at a comma or another act
    ("en", "Japan, a close US ally, protested to China.", ("USA", "CHN", "alliance")),
    ("en", "Japan, a close US ally, protested to China.", ("USA", "CHN", "accusation")),
    (
        "en",
        "Washington along with its allies demanded that Hamas renounce its armed struggle.",
        ("USA", "PSE", "alliance"),
    ),
    # what 'X-backed' describes is its object, and nothing further on
    ("en", "Russia-backed separatists shelled Ukrainian positions.", ("RUS", "UKR", "support")),
    # a party whose sovereignty or people are at stake is not what a cue blames
    (
        "en",
        "Iran condemned the strikes as a clear violation of Yemen's sovereignty.",
        ("IRN", "YEM", "accusation"),
    ),
    (
        "en",
        "Washington condemned the attack on the people of Ukraine.",
        ("USA", "UKR", "accusation"),
    ),
    (
        "id",
        "Iran mengecam serangan itu sebagai pelanggaran kedaulatan Yaman.",
        ("IRN", "YEM", "accusation"),
    ),
    # a sanction not imposed is none
    ("en", "The EU did not impose sanctions on Russia.", ("EU", "RUS", "sanction")),
    (
        "id",
        "Namun, Jakarta tidak ikut menjatuhkan sanksi terhadap Moskow.",
        ("IDN", "RUS", "sanction"),
    ),
    # those who warn of a war are not its sides
    (
        "en",
        "Mali and Burkina Faso warned that an intervention in Niger would be a declaration of war.",
        ("MLI", "BFA", "attack"),
    ),
    # the accusation a denial answers is not made again by the party before the denial
    (
        "en",
        "Riyadh has long accused Tehran of arming the Houthi rebels, a charge Iran denies.",
        ("YEM", "IRN", "accusation"),
    ),
    (
        "id",
        "AS menuduh Iran memasok drone ke Rusia, tuduhan yang dibantah Teheran.",
        ("IRN", "RUS", "rejection"),
    ),
    (
        "en",
        "Iran denied US accusations that it supplied drones to Russia.",
        ("USA", "RUS", "accusation"),
    ),
    # cooperation turned down did not happen
    ("en", "Pakistan rejected an offer of talks from India.", ("IND", "PAK", "talks")),
    ("id", "Pakistan menolak tawaran perundingan dari India.", ("IND", "PAK", "talks")),
    # ... but an act of its own after 'and' did
    (
        "en",
        "Iran rejected calls to cut ties and signed a trade deal with Iraq.",
        ("IRN", "IRQ", "rejection"),
    ),
    # an act held out on a condition is no longer the act itself
    (
        "en",
        "The US will impose sanctions on Iran unless it halts enrichment.",
        ("USA", "IRN", "sanction"),
    ),
    # a condition in another clause is not the threat's target
    (
        "en",
        "Russia threatened to quit, and the talks collapsed after Japan left.",
        ("RUS", "JPN", "threat"),
    ),
    # a party inside a relative clause with its own act is not the cue's side
    (
        "id",
        "Arab Saudi dan Iran menandatangani kesepakatan yang ditengahi China di Beijing.",
        ("SAU", "CHN", "agreement"),
    ),
    (
        "id",
        "Arab Saudi dan Iran sepakat berdamai dalam kesepakatan yang ditengahi China.",
        ("CHN", "SAU", "agreement"),
    ),
    # the one thanked is not the subject of the next act
    (
        "en",
        "Japan thanked the US for its support and criticized China.",
        ("USA", "CHN", "accusation"),
    ),
    # the broker of a deal is not one of its parties
    ("en", "Saudi Arabia and Iran signed a deal brokered by China.", ("CHN", "SAU", "agreement")),
    # a failed act is not that act
    ("id", "India dan Pakistan tidak mencapai kesepakatan.", ("IND", "PAK", "agreement")),
    ("en", "Japan and South Korea failed to reach an agreement.", ("JPN", "KOR", "agreement")),
    ("en", "Germany did not attack Poland.", ("DEU", "POL", "attack")),
    ("en", "Germany didn't attack Poland.", ("DEU", "POL", "attack")),
    # a cue word inside a name is no cue
    ("id", "Kenya menghadiri pertemuan Forum Dukungan Sudan.", ("SDN", "KEN", "support")),
    ("en", "Washington is ready to impose sanctions on Sudan.", ("USA", "SDN", "sanction")),
    # a participle used as an adjective is no act
    ("en", "Ukraine accused Russia of taking grain from occupied areas.", ("UKR", "RUS", "attack")),
    ("en", "Talks brought no agreement between India and Pakistan.", ("IND", "PAK", "agreement")),
    # a refused act is not that act
    ("en", "Turkey refuses to recognise Cyprus.", ("TUR", "CYP", "support")),
    ("id", "Turki menolak mengakui Siprus.", ("TUR", "CYP", "support")),
    # restoring relations is an agreement, not an alliance
    (
        "en",
        "Iran and Saudi Arabia agreed to restore diplomatic relations.",
        ("IRN", "SAU", "alliance"),
    ),
    # a noun another cue acts on takes no side from that cue's subject
    ("en", "Iran condemned the strikes on Syria.", ("IRN", "SYR", "attack")),
    ("id", "Iran mengecam serangan udara terhadap Suriah.", ("IRN", "SYR", "attack")),
    ("en", "Iran was criticised by Israel and warned Saudi Arabia.", ("ISR", "SAU", "threat")),
    # a word of blame for an act on a country blames its doer, not the country
    ("en", "Germany called any strike on Ukraine illegal.", ("DEU", "UKR", "accusation")),
    ("id", "Jerman menyebut serangan terhadap Ukraina ilegal.", ("DEU", "UKR", "accusation")),
    # what follows 'and' and another act is that act's object
    ("en", "Japan welcomed US aid and criticized China.", ("JPN", "CHN", "aid")),
    ("id", "Jepang menyambut baik bantuan AS dan mengkritik China.", ("JPN", "CHN", "aid")),
    # the other party past another act is that act's
    (
        "id",
        "Ethiopia memasok listrik ke warganya dan kembali menolak tuntutan Mesir.",
        ("ETH", "EGY", "aid"),
    ),
    # "..., a move condemned by X" blames the subject, not the one acted on
    (
        "en",
        "Russia recognised two breakaway regions of Georgia in 2008, a move condemned by Germany.",
        ("DEU", "GEO", "accusation"),
    ),
    (
        "id",
        "Rusia mengakui dua wilayah separatis Georgia pada 2008, langkah yang dikecam oleh Jerman.",
        ("DEU", "GEO", "accusation"),
    ),
    # revoking an agreement of cooperation is no cooperation; being made to leave is no deal
    (
        "en",
        "Niger revoked a military cooperation agreement with the United States.",
        ("NER", "USA", "alliance"),
    ),
    (
        "en",
        "Niger forced the United States to withdraw its soldiers.",
        ("NER", "USA", "agreement"),
    ),
    ("id", "Uni Eropa akan mencabut sanksi terhadap Belarus.", ("EU", "BLR", "rejection")),
    ("en", "India sent a delegation to Moscow.", ("IND", "RUS", "aid")),
    (
        "en",
        "Israel struck targets in Syria on Sunday. Jordan, which borders both countries, "
        "condemned it as a breach of international law.",
        ("JOR", "SYR", "accusation"),
    ),
    ("en", "Iran sent weapons through Iraq to its ally Hezbollah.", ("IRQ", "LBN", "alliance")),
    (
        "en",
        "Turkey accused Israel of an occupier mentality toward Syria.",
        ("ISR", "SYR", "attack"),
    ),
    # in a headline that capitalises every word, capitals join no list
    (
        "id",
        "Gencatan Senjata Israel-Hizbullah Berlaku, RI Pastikan Pasukan Garuda Tetap di Lebanon",
        ("ISR", "IDN", "agreement"),
    ),
    (
        "en",
        "Egypt and Lebanon, which import most of their wheat from Ukraine, said the deal "
        "could ease food prices.",
        ("EGY", "LBN", "aid"),
    ),
    (
        "en",
        "The deal, mediated by Qatar, was signed by Israel and Hamas.",
        ("ISR", "QAT", "agreement"),
    ),
    ("id", "Indonesia menerima bantuan dari Jepang.", ("IDN", "JPN", "talks")),
    (
        "id",
        "Tiongkok menjatuhkan tarif tambahan terhadap produk Amerika Serikat.",
        ("USA", "CHN", "sanction"),
    ),
    ("en", "Algeria cut gas supplies to Spain.", ("DZA", "ESP", "aid")),
    # a pledge is no meeting: only what is done together is also talks
    (
        "en",
        "Germany pledged 500 million euros in military aid to Ukraine.",
        ("DEU", "UKR", "talks"),
    ),
    (
        "id",
        'Miller mengatakan Washington "berdiri bersama sekutu kami, Filipina" dan mengecam '
        "tindakan China.",
        ("PHL", "CHN", "accusation"),
    ),
    (
        "en",
        "Greece, Turkey's neighbour and NATO ally, is expected to get approval to buy F-35 "
        "stealth jets from the United States.",
        ("USA", "TUR", "aid"),
    ),
    ("en", "South Africa accused Israel of genocide in Gaza.", ("ZAF", "PSE", "attack")),
    (
        "en",
        "The United States imposed sanctions on Russia. Japan followed suit.",
        ("JPN", "USA", "sanction"),
    ),
    ("en", "Washington imposed new sanctions on Iran.", ("USA", "IRN", "threat")),
    ("en", "Washington will not lift its sanctions on Iran.", ("USA", "IRN", "threat")),
    # a friend is no foe
    (
        "en",
        "Egypt and Sudan held talks. Egypt warned that all options remain open.",
        ("EGY", "SDN", "threat"),
    ),
    # the country of the city where they met is none of 'the three leaders'
    (
        "en",
        "Biden met Yoon and Ishiba in the Peruvian capital. The three leaders condemned North "
        "Korea.",
        ("PER", "PRK", "accusation"),
    ),
    (
        "en",
        "The United States and Britain launched strikes on Yemen. The Houthis then attacked "
        "ships of Greece and Liberia. Iran condemned the strikes.",
        ("IRN", "YEM", "accusation"),
    ),
    # 'the group' is the armed group that led the sentence before, not the last one named
    (
        "en",
        "The Houthis have attacked ships linked to Israel, whose offensive against Hamas goes "
        "on. The group also fired missiles toward Israel.",
        ("PSE", "ISR", "attack"),
    ),
    # an attack aimed at ships hits no country named elsewhere in the sentence
    (
        "id",
        "Serangan kelompok Houthi Yaman terhadap kapal-kapal dagang di Laut Merah mulai "
        "memukul eksportir Indonesia.",
        ("YEM", "IDN", "attack"),
    ),
    (
        "en",
        "Houthi attacks on merchant ships in the Red Sea have started to hurt Indonesian "
        "exporters.",
        ("YEM", "IDN", "attack"),
    ),
    (
        "en",
        "Beijing has said it is not aware of any North Korean deployment to Russia and has "
        "repeatedly accused Washington of forming small circles.",
        ("PRK", "USA", "accusation"),
    ),
    # a deployment is no threat by its word alone
    (
        "en",
        "The allies condemned North Korean troop deployment to Russia.",
        ("PRK", "RUS", "threat"),
    ),
    # a crowd that signs or meets together is a gathering, not a tie between each two
    (
        "en",
        "At a Mercosur summit, Brazil, Argentina, Paraguay and Uruguay signed a statement.",
        ("BRA", "ARG", "agreement"),
    ),
    (
        "id",
        "Dalam KTT Mercosur, Brasil, Argentina, Paraguay dan Uruguay bertemu di Rio.",
        ("BRA", "ARG", "talks"),
    ),
    # the hosts of talks 'between both sides' are not those sides
    (
        "id",
        "Sudan dan Mesir bertemu. Kesepakatan itu dicapai melalui mediasi Arab Saudi dan "
        "Amerika Serikat, yang menjadi tuan rumah perundingan antara kedua pihak.",
        ("SAU", "USA", "talks"),
    ),
    # who says that an attack would be covered did not attack; a hyphened pair qualifies
    (
        "en",
        "The United States said that attacks on Philippine vessels would invoke the treaty.",
        ("USA", "PHL", "attack"),
    ),
    (
        "id",
        "Ia mengingatkan bahwa Pasal IV Perjanjian Pertahanan Bersama AS-Filipina berlaku "
        "bagi serangan bersenjata terhadap kapal Filipina.",
        ("PHL", "USA", "attack"),
    ),
    # an embassy's country is whose it is, not who struck
    (
        "id",
        "Garda Revolusi Iran menyebut operasi itu balasan atas serangan udara terhadap "
        "kompleks kedutaan Iran di Damaskus, Suriah.",
        ("IRN", "SYR", "attack"),
    ),
    (
        "en",
        "Viktor Orban is the Kremlin's closest partner in the European Union.",
        ("RUS", "EU", "alliance"),
    ),
    (
        "en",
        "Foreign Minister Retno Marsudi met Russian President Vladimir Putin. "
        "She later criticised the United States.",
        ("RUS", "USA", "accusation"),
    ),
    # a commemoration is no warning
    (
        "id",
        "Prabowo menjadi tamu kehormatan pada peringatan Hari Republik India di New Delhi.",
        ("IND", "IDN", "threat"),
    ),
    (
        "en",
        "Mali, Burkina Faso and Niger recalled their ambassadors from Algiers in protest.",
        ("DZA", "MLI", "accusation"),
    ),
    # the body a summit is named for is where they met, not whom they met
    (
        "en",
        "Joe Biden, Fumio Kishida and Yoon Suk Yeol met on the sidelines of the APEC summit.",
        ("USA", "APEC", "talks"),
    ),
    (
        "id",
        "Presiden AS Joe Biden, Perdana Menteri Jepang Shigeru Ishiba dan Presiden Korsel "
        "Yoon Suk Yeol bertemu di sela KTT APEC di Lima, Peru. Ketiganya mengecam Korea Utara.",
        ("PER", "PRK", "accusation"),
    ),
    # a denial is of what was said, not of whom it was said
    (
        "id",
        "China membantah tuduhan Barat bahwa pihaknya memasok senjata kepada Rusia.",
        ("CHN", "RUS", "rejection"),
    ),
    (
        "en",
        "China denied Western claims that it supplied weapons to Russia.",
        ("CHN", "RUS", "rejection"),
    ),
    # 'kata dia' after a quote is who speaks, not a party of what is said
    (
        "id",
        'Menlu China Wang Yi tiba di Jakarta. "Indonesia mendukung setiap upaya damai," kata dia.',
        ("IDN", "CHN", "support"),
    ),
    (
        "en",
        'Wang Yi arrived in Jakarta. "Indonesia backs every peace effort," he said.',
        ("IDN", "CHN", "support"),
    ),
    (
        "en",
        "Greece is expected to buy F-35 stealth jets from the United States.",
        ("GRC", "USA", "aid"),
    ),
    # a name hyphened to 'born', 'made' only describes
    (
        "en",
        "Ankara condemned a Koran burning by an Iraqi-born man as a hate crime.",
        ("TUR", "IRQ", "accusation"),
    ),
    ("en", "Ukraine fired US-made missiles at Russia.", ("USA", "RUS", "attack")),
    # 'fighters' is no act of fighting
    ("en", "Sweden hosted Kurdish fighters from Turkey.", ("SWE", "TUR", "attack")),
    # an act the sentence is about did not befall its subject
    (
        "en",
        "Sweden lifted an embargo on Turkey over a Turkish offensive against Kurdish fighters.",
        ("TUR", "SWE", "attack"),
    ),
    ("en", "France condemned Russia's strikes in Ukraine.", ("RUS", "FRA", "attack")),
    (
        "en",
        "Finland joined last April, but Ankara kept Stockholm waiting, accusing it of leniency.",
        ("FIN", "SWE", "accusation"),
    ),
    ("en", "Greece, Turkey's neighbour and NATO ally, bought jets.", ("TUR", "NATO", "alliance")),
    ("id", "Turki, sekutu NATO, mengecam Swedia.", ("TUR", "NATO", "alliance")),
    ("id", "India mengirim delegasi ke Moskow.", ("IND", "RUS", "aid")),
]


@pytest.mark.parametrize(("lang", "text", "missing"), ABSENT)
def test_construction_yields_no_such_tie(lang, text, missing):
    assert missing not in ties_of(text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("id", "India dan Pakistan tidak mencapai kesepakatan."),
        ("en", "Japan and South Korea failed to reach an agreement."),
    ],
)
def test_failed_agreement_is_talks(lang, text):
    assert any(t == "talks" for _, _, t in ties_of(text, lang))


UNTIED = [
    # a place or a topic is not a party
    ("id", "Jepang dan Australia membahas situasi di Myanmar.", frozenset({"JPN", "MMR"})),
    ("en", "Japan and Australia discussed the situation in Myanmar.", frozenset({"AUS", "MMR"})),
    # only the attacker is tied to the attacked
    (
        "id",
        "Rusia menyerang Ukraina, sementara Jerman dan Prancis menyatakan keprihatinan.",
        frozenset({"DEU", "UKR"}),
    ),
    (
        "en",
        "Russia attacked Ukraine, while Germany and France voiced concern.",
        frozenset({"FRA", "UKR"}),
    ),
    (
        "en",
        "Russia attacked Ukraine, while Germany and France voiced concern.",
        frozenset({"FRA", "RUS"}),
    ),
    # a word of blame about a place accuses no one there
    ("en", "Japan called the violence in Myanmar unacceptable.", frozenset({"JPN", "MMR"})),
    ("id", "Jepang menyebut kekerasan di Myanmar tidak dapat diterima.", frozenset({"JPN", "MMR"})),
    # co-hosts do not talk with each other by hosting
    ("en", "Previous rounds of dialogue were hosted by Iraq and Oman.", frozenset({"IRQ", "OMN"})),
    ("id", "Irak dan Oman menjadi tuan rumah dialog itu.", frozenset({"IRQ", "OMN"})),
    # a party in an opening phrase is no subject
    (
        "en",
        "For China, the deal is a win that the United States cannot match.",
        frozenset({"CHN", "USA"}),
    ),
    # nor one before a clause with its own subject
    (
        "en",
        "Turkey said it was safe, and aid agencies warned that Greece lacked capacity.",
        frozenset({"TUR", "GRC"}),
    ),
]


@pytest.mark.parametrize(("lang", "text", "pair"), UNTIED)
def test_sharing_a_sentence_is_not_a_tie(lang, text, pair):
    assert pair not in pairs_of(text, lang)


def test_one_tie_per_pair_and_type_keeps_every_evidence():
    text = "Rusia menyerang Ukraina. Serangan Rusia terhadap Ukraina berlanjut."
    ties = [t for t in analyse(read_text(text, language="id")).ties if t.type == "attack"]
    assert len(ties) == 1
    assert [e.sentence for e in ties[0].evidence] == [0, 1]
    assert ties[0].directed


def test_evidence_cue_offsets_point_at_the_cue():
    article = read_text("Iran mengecam Israel atas serangan itu.", language="id")
    result = analyse(article)
    tie = next(t for t in result.ties if t.type == "accusation")
    ev = tie.evidence[0]
    assert result.article.text[ev.start : ev.end] == ev.cue == "mengecam"


def test_mutual_tie_is_undirected():
    tie = next(iter(analyse(read_text("Putin dan Erdogan bertemu di Sochi.", language="id")).ties))
    assert not tie.directed
    assert tie.evidence[0].mutual


def test_media_are_never_parties():
    text = "Reuters melaporkan bahwa Iran mengecam Israel."
    assert all("REUTERS" not in (s, t) for s, t, _ in ties_of(text, "id"))
