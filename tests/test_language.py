import pytest

from diplomap.language import detect_language, language_name, load_stopwords

CASES = [
    (
        "id",
        "Pemerintah Indonesia mengatakan bahwa perundingan dengan Malaysia gagal karena "
        "kedua negara tidak sepakat tentang perbatasan di Laut Sulawesi.",
    ),
    (
        "id",
        "Para pejabat senior AS melakukan perjalanan ke Venezuela pada Sabtu untuk "
        "melakukan pembicaraan dengan pemerintah Presiden Nicolas Maduro.",
    ),
    ("id", "Kunjungan itu pertama kali dilaporkan oleh New York Times dan kantor berita Reuters."),
    (
        "ms",
        "Kerajaan Malaysia berkata bahawa rundingan itu gagal kerana pihak Rusia enggan "
        "berunding selepas serangan tersebut.",
    ),
    (
        "id",
        "Menurut Menteri, perundingan itu gagal karena Rusia menolak berunding selepas "
        "serangan tersebut di perbatasan.",
    ),
    (
        "en",
        "The president said on Monday that the talks with Russia had failed and that "
        "sanctions would stay in place.",
    ),
    (
        "en",
        "US AS UN officials said that the AS delegation was in Jakarta for talks with the "
        "government.",
    ),
    (
        "nl",
        "De president zei maandag dat de gesprekken met Rusland zijn mislukt en dat de "
        "sancties van kracht blijven.",
    ),
    (
        "de",
        "Der Präsident sagte am Montag, dass die Gespräche mit Russland gescheitert seien "
        "und die Sanktionen in Kraft bleiben.",
    ),
    (
        "fr",
        "Le président a déclaré lundi que les pourparlers avec la Russie avaient échoué et "
        "que les sanctions resteraient en vigueur.",
    ),
    (
        "es",
        "El presidente dijo el lunes que las conversaciones con Rusia habían fracasado y "
        "que las sanciones seguirían vigentes.",
    ),
    (
        "pt",
        "O presidente disse na segunda-feira que as conversas com a Rússia fracassaram e "
        "que as sanções continuarão em vigor.",
    ),
    ("und", ""),
    ("und", "Vladimir Putin, Nicolas Maduro, Joe Biden"),
    ("und", "2022-03-05 12:00 1.500 3,5"),
    ("und", "Hello world"),
    ("und", "AS AS AS AS AS AS"),
]


@pytest.mark.parametrize(("expected", "text"), CASES)
def test_detect_language(expected, text):
    assert detect_language(text) == expected


def test_indonesian_full_of_acronyms_is_not_english():
    text = (
        "Pejabat AS dan PBB di AS mengatakan AS akan membantu. AS AS AS AS. "
        "Sementara itu, Rusia menolak usulan tersebut."
    )
    assert detect_language(text) == "id"


def test_half_and_half_is_undetermined():
    text = "The talks with the minister had failed. Pembicaraan dengan menteri itu gagal dan batal."
    assert detect_language(text) == "und"


def test_every_stopword_table_entry_is_a_lowercase_word():
    table = load_stopwords()
    assert {"id", "en", "ms", "nl", "de", "fr", "es", "pt"} <= set(table.languages)
    for word, codes in table.words.items():
        assert word.split() == [word]
        assert set(codes) <= set(table.languages)
    assert table.defer_to == {"ms": "id"}


def test_language_name():
    assert language_name("id") == "Indonesian"
    assert language_name("xx") == "xx"


def test_detection_of_a_huge_text_goes_by_its_opening():
    text = "Pemerintah Indonesia mengatakan bahwa perundingan itu gagal. " * 40_000
    assert detect_language(text + "The government said the talks had failed. " * 80_000) == "id"
