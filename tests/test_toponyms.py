"""Toponym detection and disambiguation, with and without a spaCy parse."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.resolve import toponym_readings as readings
from sitrep.resolve import toponyms as top
from sitrep.resolve.toponyms import find_toponyms

SEED_LIKE = (
    "The Syrian ministry of defence says a pilot survived a crash near Damascus. Isis said on Wednesday it hit "
    "the jet in the Qalamoun region, in East Qalamoun, north-east of Damascus. Russian and Syrian jets struck "
    "Deir Ezzor later."
)


@pytest.fixture(scope="module")
def nlp():
    from sitrep.nlp import load_pipeline

    return load_pipeline()


def _by_text(found):
    return {t.text: t for t in found}


def test_public_api_is_listed():
    for name in top.__all__:
        assert hasattr(top, name)


@pytest.mark.parametrize("use_doc", [False, True])
def test_seed_places_are_found_and_resolved(nlp, use_doc):
    found = _by_text(find_toponyms(SEED_LIKE, nlp(SEED_LIKE) if use_doc else None))
    assert found["Damascus"].chosen.country_code == "SY"
    assert found["Qalamoun"].chosen.admin1 == "Rif Dimashq"
    east = found["East Qalamoun"].chosen
    assert east.country == "Syria" and east.precision in (2, 3)
    deir = found["Deir Ezzor"].chosen
    assert (deir.name, deir.country_code, deir.feature) == ("Deir ez-Zor", "SY", "city")
    for not_a_place in ("Syrian", "Russian", "Isis", "Wednesday"):
        assert not_a_place not in found


def test_qalamoun_found_although_spacy_calls_it_a_date(nlp):
    text = "Officials said the jet struck their positions in the Qalamoun region on Wednesday."
    assert "Qalamoun" in _by_text(find_toponyms(text, nlp(text)))


def test_damascus_follows_country_context():
    syria = _by_text(find_toponyms("Rebels in Homs and Aleppo fought as Damascus sent troops."))
    assert syria["Damascus"].chosen.country_code == "SY"
    oregon = _by_text(find_toponyms("Police in Portland, Oregon and Gresham said Damascus, Oregon, is quiet."))
    assert oregon["Damascus"].chosen.country_code == "US"


@pytest.mark.parametrize(("text", "name", "country"), [
    # West Bank towns conflict news names, which a same-named village abroad outranked on population alone
    ("Troops raided Jenin overnight.", "Jenin", "PS"),
    ("Troops raided Bethlehem overnight.", "Bethlehem", "PS"),
    ("Police clashed with miners in Bethlehem in the Free State, South Africa.", "Bethlehem", "ZA"),
])
def test_west_bank_towns_and_their_namesakes(text, name, country):
    assert _by_text(find_toponyms(text))[name].chosen.country_code == country


def test_country_hint_breaks_ties():
    plain = _by_text(find_toponyms("He moved to Georgia last year."))["Georgia"].chosen.country_code
    hinted = _by_text(find_toponyms("He moved to Georgia last year.", country_hint="GE"))["Georgia"].chosen
    assert plain in ("US", "GE") and hinted.country_code == "GE"


def test_comma_admin_pattern_picks_the_named_state():
    found = _by_text(find_toponyms("A man from Alexandria, La., was arrested."))
    assert found["Alexandria"].chosen.admin1 == "Louisiana"


def test_admin_suffix_selects_the_area():
    found = _by_text(find_toponyms("Clashes continued in Idlib province and Donetsk oblast."))
    assert found["Idlib province"].chosen.feature == "admin1"
    assert found["Donetsk oblast"].chosen.country_code == "UA"


def test_demonyms_are_not_places():
    assert find_toponyms("Syrian and Russian forces denied it.") == []


def test_unknown_village_named_by_pattern_is_kept_unresolved():
    found = _by_text(find_toponyms("Gunmen stormed the village of Zqxwarbeh at dawn."))
    assert found["Zqxwarbeh"].chosen is None and found["Zqxwarbeh"].source == "pattern"


def test_person_names_are_vetoed_by_the_parse(nlp):
    text = "Coach Darren Ripley said the team from Richmond, Va., won again. Ripley smiled."
    found = _by_text(find_toponyms(text, nlp(text)))
    assert "Ripley" not in found and "Richmond" in found


def test_empty_text_gives_nothing():
    assert find_toponyms("") == [] and find_toponyms("   \n") == []


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(list("aDz ,.-'’\nÉé") + ["Damascus", " in ", "Deir Ezzor", "U.S.", "Ga.",
                                                          " village of ", "Syrian", "Idlib", " province"]),
                max_size=20).map("".join))
def test_find_toponyms_never_crashes_and_spans_match(text):
    for toponym in find_toponyms(text):
        assert 0 <= toponym.start < toponym.end <= len(text)
        assert text[toponym.start:toponym.end] == toponym.text


@pytest.mark.parametrize(
    "text, name",
    [
        ("Two policemen were shot at a checkpoint in Dera Ismail Khan district.", "Dera Ismail Khan"),
        ("Air strikes hit positions in Omdurman on Tuesday morning.", "Omdurman"),
        ("Fighters overran a base outside the town of Pauktaw after days of fighting.", "Pauktaw"),
    ],
)
def test_parser_mislabels_do_not_hide_places_the_text_places(nlp, text, name):
    found = _by_text(find_toponyms(text, nlp(text)))
    assert name in found and found[name].chosen is not None


def test_demonyms_stay_out_without_the_rules_file(tmp_path, monkeypatch):
    monkeypatch.setattr(readings, "DEMONYMS_PATH", tmp_path / "missing.csv")
    readings.load_demonyms.cache_clear()
    try:
        assert readings.load_demonyms() == {}
        assert find_toponyms("Syrian and Russian jets struck Aleppo.")[0].text == "Aleppo"
        assert len(find_toponyms("Syrian and Russian jets struck Aleppo.")) == 1
    finally:
        readings.load_demonyms.cache_clear()
