"""Officials round 3: dotted rank abbreviations, 'in Charge' titles, organisations only from
the text's link or a role of the same kind (invented sentences)."""

from __future__ import annotations

import pytest


def _official(facts, name):
    return next((o for o in facts.officials if o.name == name), None)


@pytest.mark.parametrize("text, name, title, org", [
    ("Brockton Police Lt. Dana Price said the station had been robbed twice.",
     "Dana Price", "Brockton Police Lt.", "Brockton Police"),
    ("Cpl. Ivan Petrov said the road near the Kelso RCMP post was closed.",
     "Ivan Petrov", "Cpl.", "RCMP"),
    ("Crown prosecutor Ada Lind told Kelso Provincial Court the driver had fled the scene.",
     "Ada Lind", "Crown prosecutor", None),
])
def test_rank_abbreviations_and_title_links(extract_text, text, name, title, org):
    o = _official(extract_text(text), name)
    assert o is not None
    assert (o.title, o.organization) == (title, org)


@pytest.mark.parametrize("text, name", [
    # a Scottish sheriff sits in a court: no police force, no court by inference
    ("Sheriff Ewan Rae said at Dunmore Sheriff Court that the sentence must deter others. "
     "Police Scotland said the inquiry was closed.", "Ewan Rae"),
    # a school superintendent is no police officer
    ("School district Superintendent Mara Veld said classes would resume on Monday. "
     "Harlow Police said two men were held.", "Mara Veld"),
    # a detective inspector takes no court
    ("Detective Inspector Moira Kell said the victim had been brave. The case went to "
     "Dunmore Sheriff Court.", "Moira Kell"),
    # a local councillor is not linked to a council the story names elsewhere
    ("Local councillor Siobhan Daly said the village was in shock. Westvale County Council "
     "said the road would be resurfaced.", "Siobhan Daly"),
])
def test_no_organisation_of_another_kind(extract_text, text, name):
    o = _official(extract_text(text), name)
    assert o is not None and o.organization is None


def test_sheriff_takes_the_sheriffs_office(extract_text):
    text = ("Deputies from the Harlan County Sheriff's Office shot a man on Monday. "
            "\"They had no choice,\" Sheriff Dale Brewer told reporters.")
    o = _official(extract_text(text), "Dale Brewer")
    assert o is not None and o.organization == "Harlan County Sheriff's Office"


def test_medical_examiner_is_no_police_rank(extract_text):
    text = ("Deputy medical examiner Rui Costa said the wounds were fatal. "
            "Brockton Police said the man was arrested.")
    o = _official(extract_text(text), "Rui Costa")
    assert o is not None and o.organization is None


@pytest.mark.parametrize("text, name, official", [
    # a plane's captain texting his family speaks as a private person
    ("'Are you safe?' the boy asked captain Ivo Marek, 41, who flew the cargo plane. "
     "'Yes, we landed,' Marek replied.", "Ivo Marek", False),
    # a police captain of the force the article names speaks in his role
    ("Dunmore Police said two men were held.\n\nCapt. Ivo Marek said both men were in custody.",
     "Ivo Marek", True),
])
def test_captain_is_official_only_for_a_body(extract_text, text, name, official):
    assert (_official(extract_text(text), name) is not None) == official


@pytest.mark.parametrize("title, private", [
    ("captain", True), ("Capt.", True), ("Police Captain", False), ("Detective Sergeant", False),
    ("Sgt.", False),
])
def test_private_role(title, private):
    from factx.extractors.officials import private_role

    assert private_role(title) == private


def test_title_inside_a_name_keeps_its_dot(extract_text):
    o = _official(extract_text("Dunmore Police said two men were held.\n\n"
                               "Capt. Ivo Marek said both men were in custody."), "Ivo Marek")
    assert o is not None and o.title == "Capt." and o.organization == "Dunmore Police"


@pytest.mark.parametrize("text, name, org", [
    # a constituency after 'MP for' is a place, whatever the model tags it
    ("The MP for Brackenfield and Oake, Colin Harte, told the Gazette: \"This is a false "
     "economy.\"", "Colin Harte", None),
    ("Kira Holm, the MSP for Westdale and Lorne, said: \"The bill will pass next week.\"",
     "Kira Holm", None),
])
def test_constituency_is_no_organisation(extract_text, text, name, org):
    o = _official(extract_text(text), name)
    assert o is not None and o.organization == org


def test_title_naming_its_body_wins_over_a_longer_description(extract_text):
    text = ("Emails show that Dockside Guild President Ray Obi saw the footage in April.\n\n"
            "The head of the dock workers' union, Ray Obi, said: \"I never saw that video before June.\"")
    o = _official(extract_text(text), "Ray Obi")
    assert o is not None and (o.title, o.organization) == ("Dockside Guild President", "Dockside Guild")
