import random

import pytest

from diplomap.sentences import abbreviation_rules, load_abbreviations, split_sentences

CASES = [
    ("id", "Satu kalimat.", ["Satu kalimat."]),
    ("id", "Kalimat satu. Kalimat dua.", ["Kalimat satu.", "Kalimat dua."]),
    (
        "id",
        "Judul tanpa titik\n\nIsi pertama. Isi kedua.",
        ["Judul tanpa titik", "Isi pertama.", "Isi kedua."],
    ),
    (
        "id",
        "Baris satu\nbaris dua tanpa huruf besar",
        ["Baris satu", "baris dua tanpa huruf besar"],
    ),
    (
        "id",
        "Sanksi itu dijatuhkan oleh AS. Beberapa analis setuju.",
        ["Sanksi itu dijatuhkan oleh AS.", "Beberapa analis setuju."],
    ),
    (
        "id",
        "Pejabat tiba di AS. Rusia menolak.",
        ["Pejabat tiba di AS.", "Rusia menolak."],
    ),
    (
        "id",
        "Kata sumber yang akrab. dengan masalah ini.",
        ["Kata sumber yang akrab. dengan masalah ini."],
    ),
    (
        "id",
        "Presiden Joe R. Biden bertemu Dr. Rahman dan Sdr. Budi.",
        ["Presiden Joe R. Biden bertemu Dr. Rahman dan Sdr. Budi."],
    ),
    (
        "id",
        "Jend. Andika Perkasa hadir. Kol. Budi juga.",
        ["Jend. Andika Perkasa hadir.", "Kol. Budi juga."],
    ),
    (
        "id",
        "Sebanyak 1.500 tentara dan 3.5 ton bantuan tiba. Harga naik 2,5 persen.",
        ["Sebanyak 1.500 tentara dan 3.5 ton bantuan tiba.", "Harga naik 2,5 persen."],
    ),
    (
        "id",
        "Mereka membawa beras, gula, dll. Selain itu ada obat.",
        ["Mereka membawa beras, gula, dll.", "Selain itu ada obat."],
    ),
    (
        "id",
        "Mereka membawa beras, gula, dll. ke Gaza. Bantuan tiba.",
        ["Mereka membawa beras, gula, dll. ke Gaza.", "Bantuan tiba."],
    ),
    (
        "id",
        "Negara itu menyatakan “kekhawatiran atas memburuknya krisis” di sana. Kuba juga.",
        ["Negara itu menyatakan “kekhawatiran atas memburuknya krisis” di sana.", "Kuba juga."],
    ),
    (
        "id",
        "“Kami tidak akan mundur.” Presiden lalu pergi.",
        ["“Kami tidak akan mundur.”", "Presiden lalu pergi."],
    ),
    (
        "id",
        "“Mengapa?” tanya dia. “Karena perang!” jawabnya.",
        ["“Mengapa?” tanya dia.", "“Karena perang!” jawabnya."],
    ),
    ("id", "Apakah damai? Tidak! Belum.", ["Apakah damai?", "Tidak!", "Belum."]),
    ("id", "Dia ragu... Lalu setuju.", ["Dia ragu...", "Lalu setuju."]),
    ("id", "Dia ragu… lalu setuju.", ["Dia ragu… lalu setuju."]),
    ("id", "Pasal No. 5 berlaku. Hal. 12 dibaca.", ["Pasal No. 5 berlaku.", "Hal. 12 dibaca."]),
    (
        "id",
        "Rapat pada 5 Maret. 2022 adalah tahun sulit.",
        ["Rapat pada 5 Maret.", "2022 adalah tahun sulit."],
    ),
    (
        "id",
        "Pemerintah RI (Indonesia). Malaysia menolak.",
        ["Pemerintah RI (Indonesia).", "Malaysia menolak."],
    ),
    (
        "en",
        "The U.S. Navy sailed. Sanctions were imposed by the U.S. But Russia refused.",
        ["The U.S. Navy sailed.", "Sanctions were imposed by the U.S.", "But Russia refused."],
    ),
    (
        "en",
        "The U.S. State Department and the U.K. Foreign Office agreed.",
        ["The U.S. State Department and the U.K. Foreign Office agreed."],
    ),
    # a hyphened prefix does not hide the abbreviation
    (
        "en",
        "A visit by then-U.S. House Speaker Nancy Pelosi angered China.",
        ["A visit by then-U.S. House Speaker Nancy Pelosi angered China."],
    ),
    (
        "en",
        "Mr. Smith met Gen. Lee in Washington D.C. on Monday.",
        ["Mr. Smith met Gen. Lee in Washington D.C. on Monday."],
    ),
    (
        "en",
        "Martin Luther King Jr. spoke. He left.",
        ["Martin Luther King Jr. spoke.", "He left."],
    ),
    (
        "en",
        "Exports of oil, gas etc. The ban starts today.",
        ["Exports of oil, gas etc.", "The ban starts today."],
    ),
    ("en", "Acme Inc. Chief Jane Doe resigned.", ["Acme Inc. Chief Jane Doe resigned."]),
    (
        "en",
        'He said "we will talk." Then he left. "Really?" she asked.',
        ['He said "we will talk."', "Then he left.", '"Really?" she asked.'],
    ),
    (
        "en",
        "It cost $1.5 billion (about 3.2 percent). Officials agreed.",
        ["It cost $1.5 billion (about 3.2 percent).", "Officials agreed."],
    ),
    ("en", "Talks ended on Jan. 5 in Geneva.", ["Talks ended on Jan. 5 in Geneva."]),
    ("en", "Wait!!! What?! OK.", ["Wait!!!", "What?!", "OK."]),
    ("en", "  Leading and trailing spaces.   ", ["Leading and trailing spaces."]),
    ("en", "", []),
    ("en", " \n\n \t ", []),
    ("en", "No final stop", ["No final stop"]),
    ("fr", "M. Macron est venu. Il est parti.", ["M. Macron est venu.", "Il est parti."]),
]


def texts(text: str, language: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text, language)]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_split_sentences(language, text, expected):
    assert texts(text, language) == expected


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_spans_cover_every_non_space_character_once(language, text, expected):
    sentences = split_sentences(text, language)
    assert [s.index for s in sentences] == list(range(len(sentences)))
    covered = [0] * len(text)
    for s in sentences:
        assert s.start < s.end
        assert text[s.start : s.end] == text[s.start : s.end].strip()
        for i in range(s.start, s.end):
            covered[i] += 1
    for ch, n in zip(text, covered, strict=True):
        assert n in (0, 1) if ch.isspace() else n == 1


def check_partition(text: str, language: str) -> None:
    sentences = split_sentences(text, language)
    covered = [0] * len(text)
    previous_end = 0
    for s in sentences:
        assert previous_end <= s.start < s.end
        assert text[s.start : s.end] == text[s.start : s.end].strip()
        assert "\n" not in text[s.start : s.end]
        covered[s.start : s.end] = [1] * (s.end - s.start)
        previous_end = s.end
    assert all(n == 1 for ch, n in zip(text, covered, strict=True) if not ch.isspace())


@pytest.mark.parametrize("seed", range(20))
def test_random_text_is_partitioned(seed):
    rng = random.Random(seed)
    pieces = ["AS", "U.S", "Dr", "dll", "R", "a", "Kata", "The", "1.500", "3", "“", "”", '"', "("]
    pieces += [".", ".", "?", "!", "…", "...", " ", " ", " ", "\n", "\n\n", "\t", "\u00a0", "–"]
    text = "".join(rng.choice(pieces) for _ in range(400))
    check_partition(text, rng.choice(["id", "en", "fr"]))


def test_headline_is_sentence_zero():
    text = "Presiden Rusia Vladimir Putin\n\nWASHINGTON DC, AS – Para pejabat tiba. Mereka bertemu."
    sentences = split_sentences(text, "id")
    assert (sentences[0].start, sentences[0].end) == (0, len("Presiden Rusia Vladimir Putin"))
    assert len(sentences) == 3


def test_unknown_language_uses_english_rules():
    assert abbreviation_rules("xx") == abbreviation_rules("en")
    assert "Jend" in abbreviation_rules("id").titles
    assert "Jend" not in abbreviation_rules("en").titles


def test_abbreviation_file_holds_only_words():
    blocks = load_abbreviations()
    assert {"common", "id", "en"} <= set(blocks)
    for block in blocks.values():
        assert set(block) <= {"titles", "abbreviations", "countries", "starters"}
        for words in block.values():
            assert all(isinstance(w, str) and w and not w.endswith(".") for w in words)
    assert "No" in blocks["common"]["titles"]


def test_long_token_without_spaces_is_split():
    text = "a." * 100_000 + " Next."
    assert texts(text, "en")[-1] == "Next."
