"""Officials: quoted people in a role, their title and organisation (sentences written here)."""

from __future__ import annotations

import pytest

from factx.extractors.officials import has_role


def officials(facts):
    return {o.name: (o.title, o.organization) for o in facts.officials}


@pytest.mark.parametrize("text, name, title", [
    ("Acting Deputy Commissioner Jane Moss said: \"We are sorry.\"", "Jane Moss",
     "Acting Deputy Commissioner"),
    ("Regional director Tom Hale said: \"The review is complete.\"", "Tom Hale", "Regional director"),
    ("Leeds Mayor Sam Rowe said: \"The city is in mourning.\"", "Sam Rowe", "Leeds Mayor"),
    ("Jack Long, the area coroner for North Kent, said: \"The death was accidental.\"", "Jack Long",
     "area coroner for North Kent"),
    ("Her lawyer, Ruth Bell, said: \"My client denies the charge.\"", "Ruth Bell", "lawyer"),
    ("Judge Alan Price said the sentence must deter others.", "Alan Price", "Judge"),
])
def test_titles(extract_text, text, name, title):
    found = officials(extract_text(text))
    assert name in found, found
    assert found[name][0] == title


@pytest.mark.parametrize("text", [
    "A taxi driver, Omar Reid, said: \"She walked into the road.\"",
    "Her friend Lily Dean said: \"She loved to dance.\"",
    "Neighbour Pete Hart said: \"We heard shouting.\"",
    "Detective Anne Cole arrested the man on Friday.",  # not quoted
])
def test_not_officials(extract_text, text):
    assert officials(extract_text(text)) == {}


def test_acronym_in_title_gives_organisation(extract_text):
    facts = extract_text("WXA president Carl Ng said: \"We mourn a great fighter.\"")
    assert officials(facts)["Carl Ng"] == ("WXA president", "WXA")


def test_official_quotes_index_into_quotes(extract_text):
    facts = extract_text("Sheriff Dale Frost said: \"Stay indoors.\"\n\n\"The storm is close.\"\n")
    official = facts.officials[0]
    assert [facts.quotes[i].speaker for i in official.quotes] == ["Dale Frost", "Dale Frost"]
    for m in official.mentions:
        assert m.text == "Dale Frost"


@pytest.mark.parametrize("words, expected", [
    (["regional", "director"], True), (["Mayor"], True), (["taxi", "driver"], False),
    (["friend"], False),
])
def test_has_role(words, expected):
    assert has_role(words) is expected


def test_inverted_attribution_with_an_of_title(extract_text):
    text = ("The NYPD is searching for the gunman.\n\n"
            "\"He had his whole life ahead of him,\" said NYPD Chief of Detectives Alan Ruiz.\n")
    found = officials(extract_text(text))
    assert found.get("Alan Ruiz", (None,))[0] == "NYPD Chief of Detectives"


@pytest.mark.parametrize("text, name, title", [
    # reported speech with an object, no that-clause: still a quoted official
    ("Police Commissioner Dara Quinn has announced the suspension of two officers.", "Dara Quinn",
     "Police Commissioner"),
    ("Sheriff Dale Frost confirmed the arrest of a second man on Tuesday.", "Dale Frost", "Sheriff"),
])
def test_official_in_reported_speech_with_an_object(extract_text, text, name, title):
    facts = extract_text(text)
    assert any(not q.direct and q.speaker == name for q in facts.quotes)
    assert officials(facts).get(name, (None,))[0] == title


def test_mayor_speaks_for_the_city(extract_text):
    text = ("The City of Rivertown will review its policing.\n\n"
            "Mayor Tessa Bright said: \"Every officer will wear a camera.\"\n")
    assert officials(extract_text(text)).get("Tessa Bright") == ("Mayor", "City of Rivertown")


def test_private_person_announcing_is_not_an_official(extract_text):
    facts = extract_text("Jenny Marsh announced the birth of her daughter on Facebook.")
    assert officials(facts) == {}
