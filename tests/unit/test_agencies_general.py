"""Agencies round 2: state and federal bodies, offices, local government, courts named in many
ways, emergency services, corrections, national forces. Invented sentences and places only."""

from __future__ import annotations

import pytest


def found(facts) -> list[tuple[str, str | None]]:
    return [(a.name, a.kind) for a in facts.agencies]


@pytest.mark.parametrize("text, expected", [
    # US state bureaus and state police: pattern for any state, gazetteer rows for acronyms
    ("The North Carolina State Bureau of Investigation is reviewing the shooting.",
     [("North Carolina State Bureau of Investigation", "police")]),
    ("The Minnesota Bureau of Criminal Apprehension arrived on Tuesday.", [("Minnesota Bureau of Criminal Apprehension", "police")]),
    ("The Iowa Division of Criminal Investigation assisted local deputies.", [("Iowa Division of Criminal Investigation", "police")]),
    ("A Washington State Patrol trooper stopped the van.", [("Washington State Patrol", "police")]),
    ("Troopers from the Ohio State Highway Patrol closed the road.", [("Ohio State Highway Patrol", "police")]),
    ("The New Jersey State Police said the driver was speeding.", [("New Jersey State Police", "police")]),
    # federal agencies
    ("The National Weather Service issued a flood warning for the valley.", [("National Weather Service", "government")]),
    ("The NTSB and the FAA are investigating the crash.", [("NTSB", "government"), ("FAA", "government")]),
    ("The Pentagon said two soldiers were hurt.", [("Pentagon", "government")]),
    ("The US Marshals arrested him in a motel outside Dayton.", [("US Marshals", "police")]),
    ("FEMA teams and the Texas National Guard arrived on Tuesday.", [("FEMA", "government"), ("Texas National Guard", "military")]),
    # elected officers' offices
    ("The State Auditor's Office found that $40,000 was missing.", [("State Auditor's Office", "government")]),
    ("The Harbor County Comptroller's Office released the audit.", [("Harbor County Comptroller's Office", "government")]),
    ("The Fenwick County Public Defender's Office represents him.", [("Fenwick County Public Defender's Office", "justice")]),
    # local government
    ("The Dorrit County Commission voted to suspend the clerk.", [("Dorrit County Commission", "government")]),
    ("The Alder County Board of Supervisors met on Monday night.", [("Alder County Board of Supervisors", "government")]),
    ("Members of the Fenwick County Board of Commissioners approved the budget.",
     [("Fenwick County Board of Commissioners", "government")]),
    ("The Ashgrove City Council approved the settlement.", [("Ashgrove City Council", "government")]),
    ("The Millbrook Town Commission meets on Tuesdays.", [("Millbrook Town Commission", "government")]),
    # courts: dotted jurisdictions, "Court of X", provincial and territorial courts
    ("He appeared in B.C. Provincial Court on Monday.", [("B.C. Provincial Court", "justice")]),
    ("A judge of the N.S. Supreme Court dismissed the appeal.", [("N.S. Supreme Court", "justice")]),
    ("The Supreme Court of Queensland refused bail.", [("Supreme Court of Queensland", "justice")]),
    ("The Provincial Court of Manitoba heard the case.", [("Provincial Court of Manitoba", "justice")]),
    ("The Court of Appeal rejected the bid.", [("Court of Appeal", "justice")]),
    ("The Local Court of NSW fined him $500.", [("Local Court of NSW", "justice")]),
    ("He appeared at the Court of Québec in Montreal.", [("Court of Québec", "justice")]),
    ("The Court of King's Bench of Alberta ruled on Friday.", [("Court of King's Bench of Alberta", "justice")]),
    ("The 9th Circuit Court of Appeals upheld the ruling.", [("9th Circuit Court of Appeals", "justice")]),
    ("An inquest at Eastbridge Coroners' Court heard he died of head injuries.", [("Eastbridge Coroners' Court", "justice")]),
    ("He appeared at Inverbrae Sheriff Court on Monday.", [("Inverbrae Sheriff Court", "justice")]),
    ("The Yukon Territorial Court set a trial date.", [("Yukon Territorial Court", "justice")]),
    # emergency services
    ("Ashgrove County Fire-Rescue crews pulled two people from the water.", [("Ashgrove County Fire-Rescue", "emergency")]),
    ("The Alder County Fire Protection District said the fire started in a shed.",
     [("Alder County Fire Protection District", "emergency")]),
    ("Paramedics from the Westmoor Ambulance Service treated the driver.", [("Westmoor Ambulance Service", "emergency")]),
    ("Crews from the Kestrel Valley Fire and Rescue Service sent four engines.",
     [("Kestrel Valley Fire and Rescue Service", "emergency")]),
    # corrections, medical examiners, health
    ("The Florida Department of Corrections said the inmate died in his cell.",
     [("Florida Department of Corrections", "justice")]),
    ("The Harlow County Medical Examiner's Office identified the man.", [("Harlow County Medical Examiner's Office", "justice")]),
    ("The Health Service Executive said the hospital was under pressure.", [("Health Service Executive", "health")]),
    # possessive place names, police air units
    ("The Prince George's County Police Department said two men were shot.",
     [("Prince George's County Police Department", "police")]),
    ("The Westshire Police Air Support Unit helped find the man.", [("Westshire Police Air Support Unit", "police")]),
    # place names ending in "City"
    ("The Bay Harbor City Police Department said three people were hurt.",
     [("Bay Harbor City Police Department", "police")]),
    ("Rapid Falls City Fire Department crews arrived.", [("Rapid Falls City Fire Department", "emergency")]),
    ("He appeared in Port Ellis City Municipal Court.", [("Port Ellis City Municipal Court", "justice")]),
    ("Crews left at dawn. Lake Ardmore City police said he was shot.", [("Lake Ardmore City police", "police")]),
    ("He was sentenced at the Crown Court at Kestrelford on Friday.", [("Crown Court at Kestrelford", "justice")]),
    # public health and NHS commissioning bodies, prosecutors named by their office
    ("Ashgrove Public Health said two cases were confirmed.", [("Ashgrove Public Health", "health")]),
    ("Western Downs Local Health District said the patient was stable.",
     [("Western Downs Local Health District", "health")]),
    ("The Kestrel Integrated Care Board apologised to the family.", [("Kestrel Integrated Care Board", "health")]),
    ("The Alder County Prosecuting Attorney's Office filed charges.",
     [("Alder County Prosecuting Attorney's Office", "justice")]),
    ("The Ninth Circuit Solicitor's Office will prosecute the case.", [("Ninth Circuit Solicitor's Office", "justice")]),
    # a body's name that continues into another organisation's is that organisation's
    ("The Kent Police Federation criticised the cuts, but Kent Police said they were needed.",
     [("Kent Police", "police")]),
    # a loose "X police" cut from a longer place name is not a force
    ("A Port Ellis Bay Area police officer was charged. Alder Vale Police said he was suspended.",
     [("Alder Vale Police", "police")]),
    # sentences dense with names are not headlines
    ("The Alder State Police and the Bayou Parish Sheriff's Office responded.",
     [("Alder State Police", "police"), ("Bayou Parish Sheriff's Office", "police")]),
    # districts of federal prosecutors; police and crime commissioners are not the force
    ("The U.S. Attorney's Office for the Western District of Alderia charged him.",
     [("U.S. Attorney's Office for the Western District of Alderia", "justice")]),
    ("The Westshire Police and Crime Commissioner called for calm.",
     [("Westshire Police and Crime Commissioner", "government")]),
    # place names with inner capitals
    ("He was held at the McArdle County Jail overnight.", [("McArdle County Jail", "justice")]),
    ("The DeWitt Falls Police Department said two men fled.", [("DeWitt Falls Police Department", "police")]),
    # national forces (optional in the gold, but named bodies)
    ("The Ukrainian military said it had shot down two drones.", [("Ukrainian military", "military")]),
    ("The Kenyan navy rescued six fishermen.", [("Kenyan navy", "military")]),
    # UK, Australia, Canada, Ireland
    ("British Transport Police said the man was hit by a train.", [("British Transport Police", "police")]),
    ("The Crown Office and Procurator Fiscal Service said the case would go to trial.",
     [("Crown Office and Procurator Fiscal Service", "justice")]),
    ("HM Prison and Probation Service said it would review the release.", [("HM Prison and Probation Service", "justice")]),
    ("The National Police Air Service helicopter tracked the car.", [("National Police Air Service", "police")]),
    ("The County Court of Victoria heard the plea.", [("County Court of Victoria", "justice")]),
    ("The Ontario Provincial Police and the RCMP searched the lake.",
     [("Ontario Provincial Police", "police"), ("RCMP", "police")]),
    ("The Sûreté du Québec said the crash happened at 3am.", [("Sûreté du Québec", "police")]),
    ("Gardaí said the driver died at the scene.", [("Gardaí", "police")]),
])
def test_finds_round_two_agencies(extract_text, text, expected):
    assert found(extract_text(text)) == expected


@pytest.mark.parametrize("text", [
    # titles, the Crown as a party, outlets, companies, charities
    "Crown prosecutor Anne Leblanc told the court the driver had been drinking.",
    "The Crown argued the sentence was too lenient.",
    "He told the Post that he was innocent.",
    "The Salvation Army and the Red Cross set up a shelter.",
    "Tesco and Barclays Bank donated to the appeal.",
    # nationality words as modifiers, or not nationalities
    "The plane crashed near the Dornvik military air base.",
    "The Ukrainian military base was hit overnight.",
    # ambiguous acronyms stay out without a police cue
    "He suffered a TBI in the crash.",
    "She gave a speech to the RNC in August.",
    "The City Police said nothing.",
    "She lives in Port Ellis City with her son.",
    "The Yale Public Health Society met on Monday.",
    "The Kent Police Federation said officers were exhausted.",
    "The Ashgrove Police Benevolent Association endorsed the mayor.",
    "She studied at the Harwell School of Public Health.",
    "They chanted ProtectKidsNot Police outside the town hall.",
    # generic heads alone
    "He will appear in Provincial Court next month.",
    "The County Commission meets on Tuesday.",
])
def test_round_two_negatives(extract_text, text):
    assert found(extract_text(text)) == []


def test_state_bureau_acronym_defined_and_reused(extract_text):
    text = ("Agents from the Georgia Bureau of Investigation (GBI) took over the case. "
            "The GBI said the deputy fired twice.")
    facts = extract_text(text)
    assert [a.name for a in facts.agencies] == ["Georgia Bureau of Investigation"]
    assert facts.agencies[0].acronym == "GBI"


def test_weak_state_acronym_needs_a_police_cue(extract_text):
    assert [a.name for a in extract_text("TBI agents arrested the man on Friday.").agencies] == ["TBI"]
    facts = extract_text("The Tennessee Bureau of Investigation said the TBI would review it.")
    assert [(a.name, a.aliases) for a in facts.agencies] == [("Tennessee Bureau of Investigation", ["TBI"])]


def test_lower_case_state_police_names_the_state_force(extract_text):
    facts = extract_text("A spokesman for Connecticut state police said the road was closed.")
    assert [a.name for a in facts.agencies] == ["Connecticut state police"]
