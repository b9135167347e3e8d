"""Language check: confident non-English is rejected, short or ambiguous text passes, answers are stable."""

from __future__ import annotations

from fixtures.ingest_inputs import english_article

from sitrep.ingest.language import MIN_CHARS_FOR_LANGUAGE, check_language, detect_language
from sitrep.model import Origin

ORIGIN = Origin("file", "x.txt")
FRENCH = ("Le gouvernement a annoncé mardi que dix personnes avaient été tuées dans une attaque contre un marché "
          "du nord du pays. La police a indiqué que l'engin explosif était caché dans une charrette près de "
          "l'entrée principale, et que les blessés avaient été transportés vers l'hôpital de la ville.")
SPANISH = ("Las autoridades locales informaron el martes que al menos diez personas murieron en un ataque contra "
           "un mercado en el norte del país. Según la policía, el artefacto explosivo estaba escondido en un carro "
           "cerca de la entrada principal del mercado y los heridos fueron trasladados al hospital.")


def test_english_passes():
    assert check_language(english_article(5), ORIGIN) is None
    assert detect_language(english_article(5)).language == "en"


def test_french_and_spanish_are_rejected_with_the_detected_language():
    rejected = check_language(FRENCH, ORIGIN)
    assert (rejected.stage, rejected.reason) == ("language", "not_english")
    assert rejected.detail.startswith("detected: fr")
    assert check_language(SPANISH, ORIGIN).detail.startswith("detected: es")


def test_short_text_is_never_rejected_on_a_guess():
    for text in ("Reuters", "Kabul, Afghanistan", "Mogadishu (AP) —", "Dix morts", FRENCH[: MIN_CHARS_FOR_LANGUAGE - 1]):
        assert check_language(text, ORIGIN) is None
    assert not detect_language("Reuters").reliable


def test_text_without_letters_is_not_rejected():
    assert check_language("12345 67 89 --- !!!", ORIGIN) is None
    assert check_language("", ORIGIN) is None


def test_detection_is_deterministic():
    text = english_article(9)[:MIN_CHARS_FOR_LANGUAGE + 20]
    assert len({detect_language(text) for _ in range(5)}) == 1


def test_english_function_word_fast_path_does_not_fire_on_other_languages():
    from sitrep.ingest.language import ENGLISH_WORD_SHARE, _LETTERS, english_word_share

    assert english_word_share(_LETTERS.findall(english_article(3))) >= ENGLISH_WORD_SHARE
    for text in (FRENCH, SPANISH):
        assert english_word_share(_LETTERS.findall(text)) < ENGLISH_WORD_SHARE / 3
