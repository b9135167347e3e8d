"""The outlet's home (resolve/outlets.py): URL unwrapping, the table lookup, and its use as a prior for place names."""

import pytest

from sitrep.resolve.outlets import OUTLET_HOME_RULE, OutletHome, outlet_home, outlet_host
from sitrep.resolve.toponyms import find_toponyms


@pytest.mark.parametrize("url, host", [
    ("http://web.archive.org/web/20160223205112/http://www.wsbtv.com/news/local/story/", "wsbtv.com"),
    ("https://web.archive.org/web/2014id_/http://www.ajc.com:80/news/x", "ajc.com"),
    ("http://m.startribune.com/a-story", "startribune.com"),
    ("https://amp.example-paper.com/x", "example-paper.com"),
    ("chicago.cbslocal.com/2014/03/09/story/", "chicago.cbslocal.com"),
    ("", None),
    (None, None),
    ("not a url", None),
])
def test_outlet_host_unwraps_archives_and_drops_site_prefixes(url, host):
    assert outlet_host(url) == host


def test_a_local_paper_is_at_home_in_its_state():
    home = outlet_home("http://web.archive.org/web/2014/http://www.ajc.com/news/teen-shot/")
    assert home is not None and home.country_code == "US" and home.admin1 == "Georgia" and home.town == "Atlanta"
    assert home.state == ("US", "Georgia")


def test_a_subdomain_matches_its_own_entry_before_its_parent():
    assert outlet_home("http://chicago.cbslocal.com/2014/03/09/x/").admin1 == "Illinois"
    assert outlet_home("http://philadelphia.cbslocal.com/2014/x/").admin1 == "Pennsylvania"
    national = outlet_home("http://anothercity.cbslocal.com/x/")  # the parent: a national network site
    assert national is not None and national.country_code == "US" and national.admin1 is None


def test_a_washington_outlet_is_at_home_in_the_district_under_the_gazetteers_name():
    home = outlet_home("https://www.wtop.com/dc/2014/06/x/")
    assert home.admin1 == "District of Columbia" and home.also == ("Maryland", "Virginia")


def test_a_subdomain_without_an_entry_takes_its_parents():
    assert outlet_home("http://blogs.courant.com/crime/x").admin1 == "Connecticut"


def test_a_station_domain_is_read_by_its_call_sign():
    # neither domain is in the table: the call sign they start with is (WTOC Savannah, WMC Memphis)
    assert outlet_home("http://www.wtoctv.com/story/1").admin1 == "Georgia"
    assert outlet_home("http://wmcatering.com/menu") is None  # "atering" is no call-sign suffix
    assert outlet_home("http://www.wmctv5.com/story/1").admin1 == "Tennessee"


def test_national_and_foreign_outlets_give_a_country_only():
    assert outlet_home("https://www.nytimes.com/2016/x.html") == OutletHome("nytimes.com", "US")
    assert outlet_home("http://www.bbc.co.uk/news/uk-1").country_code == "GB"


def test_an_unknown_outlet_has_no_home():
    assert outlet_home("http://www.some-unknown-blog.net/post") is None
    assert outlet_home("http://kxyz-not-a-station.org/x") is None


def _town(text, outlet=None):
    return next(t.chosen for t in find_toponyms(text, outlet=outlet) if t.text == "Columbus")


GEORGIA_STATION = OutletHome("wtvm.com", "US", "Georgia", "Columbus")


def test_outlet_state_picks_among_same_named_towns():
    text = "A man was shot and killed in Columbus on Friday night, police said."
    assert _town(text).admin1 == "Ohio"
    chosen = _town(text, GEORGIA_STATION)
    assert chosen.admin1 == "Georgia"
    assert OUTLET_HOME_RULE in chosen.rule and "wtvm.com" in chosen.rule  # the evidence says why


def test_a_state_named_in_the_text_outranks_the_outlet_home():
    text = "A man was shot and killed in Columbus, Ohio, on Friday night, police said."
    chosen = _town(text, GEORGIA_STATION)
    assert chosen.admin1 == "Ohio" and OUTLET_HOME_RULE not in chosen.rule


def test_the_outlet_home_never_becomes_a_place_the_text_does_not_name():
    import sitrep

    text = ("A man was shot and killed late Friday night, police said.\n\n"
            "Officers found the victim lying in the street. No arrests have been made.")
    extraction = sitrep.extract(text, url="http://web.archive.org/web/2016/http://www.wsbtv.com/news/local/x/")
    assert extraction.events
    assert all(event.location is None for event in extraction.events)


def test_the_pipeline_reads_the_outlet_from_the_url():
    import sitrep

    text = ("A man was shot and killed in Columbus on Friday night, police said.\n\n"
            "Officers found the victim lying in the street. No arrests have been made.")
    ohio = sitrep.extract(text).events[0].location
    georgia = sitrep.extract(text, url="http://www.ledger-enquirer.com/news/local/crime/article1.html").events[0].location
    assert ohio.admin1 == "Ohio"
    assert georgia.admin1 == "Georgia" and OUTLET_HOME_RULE in georgia.rule


def test_a_us_outlets_story_reads_a_bare_foreign_namesake_at_home():
    import sitrep

    text = ("A man was shot and killed in Chelsea on Friday night, police said.\n\n"
            "No arrests have been made.")
    assert sitrep.extract(text).events[0].location.country_code == "GB"
    at_home = sitrep.extract(text, url="http://www.bostonglobe.com/metro/2016/x.html").events[0].location
    assert at_home.admin1 == "Massachusetts" and OUTLET_HOME_RULE in at_home.rule


def test_a_us_outlets_story_keeps_a_town_abroad_when_the_text_names_its_country():
    import sitrep

    text = ("A soldier was shot and killed in Norfolk, England, on Friday, officials said.\n\n"
            "No arrests have been made.")
    place = sitrep.extract(text, url="http://www.bostonglobe.com/world/2016/x.html").events[0].location
    assert place.country_code == "GB"


def test_a_market_reaching_into_other_states_shares_its_prior_with_them():
    home = outlet_home("http://www.nbcnewyork.com/news/local/x.html")
    assert ("US", "New Jersey") in home.states and home.state == ("US", "New York")
    text = "Five people were shot at a home in Newark early Sunday, police said."
    newark = next(t.chosen for t in find_toponyms(text, outlet=home) if t.text == "Newark")
    assert newark.admin1 == "New Jersey"


LAS_VEGAS_STATION = OutletHome("ktnv.com", "US", "Nevada", "Las Vegas")


def test_a_small_town_outside_the_outlets_market_loses_its_reading():
    text = "A man was shot at a bar in Gates Mills on Friday, police said."
    assert next(t.chosen for t in find_toponyms(text) if t.text == "Gates Mills").admin1 == "Ohio"
    dropped = next(t for t in find_toponyms(text, outlet=LAS_VEGAS_STATION) if t.text == "Gates Mills")
    assert dropped.chosen is None  # the name stays a toponym, with no far-away coordinates


def test_a_small_town_outside_the_market_stays_when_the_text_names_its_state():
    text = "A man was shot at a bar in Gates Mills, Ohio, on Friday, police said."
    kept = next(t for t in find_toponyms(text, outlet=LAS_VEGAS_STATION) if t.text == "Gates Mills")
    assert kept.chosen is not None and kept.chosen.admin1 == "Ohio"


def test_a_headline_town_dropped_by_the_market_rule_takes_the_bodys_reading():
    import sitrep

    # regression: the headline's own reading of the town is dropped (no state cue in the headline) while the body,
    # which names its state, keeps it; the headline town then takes the body's reading with the headline's span
    text = ("Man shot at bar in Gates Mills\n\n"
            "A man was shot at a bar in Gates Mills, Ohio, on Friday night, police said.\n\n"
            "No arrests have been made.")
    extraction = sitrep.extract(text, title="Man shot at bar in Gates Mills",
                                url="http://www.ktnv.com/news/local/x.html")
    place = extraction.events[0].location
    assert place.admin1 == "Ohio"


def test_the_home_state_outranks_the_other_states_of_its_market():
    station = OutletHome("wdam.com", "US", "Mississippi", "Hattiesburg", also=("Alabama", "Louisiana"))
    text = "A child was accidentally shot in Marion County on Sunday, the sheriff said."
    county = next(t.chosen for t in find_toponyms(text, outlet=station) if t.text == "Marion County")
    assert county.admin1 == "Mississippi"


def test_a_call_sign_is_never_a_place():
    from sitrep.resolve.outlets import is_call_sign

    assert is_call_sign("KSLA") and is_call_sign("WSMV")
    assert not is_call_sign("Ksla") and not is_call_sign("KSLAX") and not is_call_sign("PARIS")
    text = "Two people were shot Sunday night, KSLA News 12 reported."
    assert not any(t.text == "KSLA" for t in find_toponyms(text))


def test_a_small_town_abroad_in_a_local_story_loses_its_reading_unless_the_text_names_its_country():
    text = "An officer fired at a gunman near Bellagio on Saturday, police said."
    assert next(t for t in find_toponyms(text) if t.text == "Bellagio").chosen.country_code == "IT"
    dropped = next(t for t in find_toponyms(text, outlet=LAS_VEGAS_STATION) if t.text == "Bellagio")
    assert dropped.chosen is None
    named = "An officer fired at a gunman near Bellagio, Italy, on Saturday, police said."
    kept = next(t for t in find_toponyms(named, outlet=LAS_VEGAS_STATION) if t.text == "Bellagio")
    assert kept.chosen is not None and kept.chosen.country_code == "IT"


def test_a_json_lines_record_carries_its_url_to_the_outlet_prior(tmp_path):
    import json

    from sitrep.ingest.jsonl import read_jsonl
    from sitrep.pipeline import extract_document

    body = ("A man was shot and killed in Columbus on Friday night, police said.\n\n"
            "Officers found the victim lying in the street. No arrests have been made.")
    path = tmp_path / "pages.jsonl"
    path.write_text(json.dumps({"id": "p1", "text": body, "url": "http://www.wtvm.com/story/1/man-shot"}) + "\n",
                    encoding="utf-8")
    (document,) = list(read_jsonl(path))
    place = extract_document(document).events[0].location
    assert place.admin1 == "Georgia" and OUTLET_HOME_RULE in place.rule


def test_a_call_sign_that_is_also_a_big_citys_name_stays_a_place():
    text = "KOTA, India — Two people were shot dead in KOTA on Monday, police said."
    assert any(t.text == "KOTA" and t.chosen is not None and t.chosen.country_code == "IN"
               for t in find_toponyms(text))
