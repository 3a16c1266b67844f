"""Victims, general coverage: the many ways news reports harm, and who is not a victim.

Every sentence here is invented for the test; none comes from a dev or held-out article.
"""

from __future__ import annotations

import pytest



# ------------------------------------------------------------------ injuries as experience

@pytest.mark.parametrize("text, expected", [
    ("Marta Kowalski suffered burns to her hands when the heater exploded.", {("Marta Kowalski", "injured")}),
    ("Declan Foy suffered a broken jaw and a concussion in the assault.", {("Declan Foy", "injured")}),
    ("Hassan Ali suffered head injuries in the collision.", {("Hassan Ali", "injured")}),
    ("Yusuf Demir sustained stab wounds to his back during the brawl.", {("Yusuf Demir", "injured")}),
    ("Irene Blom fell and broke her hip when a robber snatched her handbag.", {("Irene Blom", "injured")}),
    ("Colm Reddy was taken to hospital with serious injuries after the crash.", {("Colm Reddy", "injured")}),
    ("Piotr Nowak was airlifted to hospital after the crash.", {("Piotr Nowak", "injured")}),
    ("Gail Summers was treated for smoke inhalation after the blaze.", {("Gail Summers", "injured")}),
    ("Rory Dunne is in a serious but stable condition after the shooting.", {("Rory Dunne", "injured")}),
    ("Officers found Seamus Kelly lying in the road with serious head injuries.", {("Seamus Kelly", "injured")}),
    ("Niamh Carr was left fighting for her life after the attack.", {("Niamh Carr", "injured")}),
    ("Oscar Lind was hospitalised with a fractured skull after the fight.", {("Oscar Lind", "injured")}),
    ("Dmitri Volkov, 40, and his passenger, Ines Duarte, 36, were taken to hospital after the collision.",
     {("Dmitri Volkov", "injured"), ("Ines Duarte", "injured")}),
])
def test_injury_cues(victims_of, text, expected):
    assert victims_of(text) == expected


# ------------------------------------------------------------------ deaths

@pytest.mark.parametrize("text, expected", [
    ("Edwin Marsh was found dead in his flat after a fire.", {("Edwin Marsh", "killed")}),
    ("Lucia Ferraro died in the crash on the coast road.", {("Lucia Ferraro", "killed")}),
    ("Owen Gallagher lost his life in the explosion at the plant.", {("Owen Gallagher", "killed")}),
    ("Megan Hart was fatally injured when her car left the road.", {("Megan Hart", "killed")}),
    ("The body of Jonas Berg was recovered from the lake after a boating accident.", {("Jonas Berg", "killed")}),
    ("Ada Quinn's killing has shocked the village.", {("Ada Quinn", "killed")}),
    ("Tributes have been paid to Kyle Bent, who was killed in a collision on Friday.", {("Kyle Bent", "killed")}),
    ("Saul Regan was shot and killed outside a bar.", {("Saul Regan", "killed")}),
    ("Patrick Oduya died in hospital two days after he was stabbed.", {("Patrick Oduya", "killed")}),
])
def test_death_cues(victims_of, text, expected):
    assert victims_of(text) == expected


# ------------------------------------------------------------------ other harm

@pytest.mark.parametrize("text, expected", [
    ("Brian Cole was mugged as he walked home from work.", {("Brian Cole", "harmed")}),
    ("Sophie Lang was sexually assaulted on a late train.", {("Sophie Lang", "harmed")}),
    ("Tariq Aziz was kidnapped from his car and held for two days.", {("Tariq Aziz", "harmed")}),
    ("Helen Park was threatened with a knife by a masked man.", {("Helen Park", "harmed")}),
    ("Vera Olsen was carjacked at a petrol station.", {("Vera Olsen", "harmed")}),
    ("Leo Brandt was bitten by a dog in the park.", {("Leo Brandt", "injured")}),
    ("Nora Quist was mauled by a bull on her farm.", {("Nora Quist", "injured")}),
    ("Ana Souza was trafficked to Britain as a teenager.", {("Ana Souza", "harmed")}),
    ("Ewan Holt was beaten with a baseball bat.", {("Ewan Holt", "harmed")}),
    ("Jill Marks was abused by her stepfather for years.", {("Jill Marks", "harmed")}),
    ("Kemal Aydin was raped by a stranger in 2019.", {("Kemal Aydin", "harmed")}),
])
def test_other_harm(victims_of, text, expected):
    assert victims_of(text) == expected


# ------------------------------------------------------------------ lists named by identification verbs

@pytest.mark.parametrize("text, expected", [
    ("The victims have been named as Arjun Mehta, 44, Lotte Visser, 39, and Bruno Costa, 51.",
     {("Arjun Mehta", "harmed"), ("Lotte Visser", "harmed"), ("Bruno Costa", "harmed")}),
    ("After the fire, the coroner identified the dead as Edith Crane, 78; her grandson, Milo Crane, 9; "
     "and Victor Osei, 55.",
     {("Edith Crane", "killed"), ("Milo Crane", "killed"), ("Victor Osei", "killed")}),
    ("Three people died in the crash. Those killed were named as Dana Reyes and Paulo Mendes.",
     {("Dana Reyes", "killed"), ("Paulo Mendes", "killed")}),
    ("The injured were identified as Tomas Ruiz, 23, and Hana Sato, 30.",
     {("Tomas Ruiz", "injured"), ("Hana Sato", "injured")}),
])
def test_identified_lists(victims_of, text, expected):
    assert victims_of(text) == expected


# ------------------------------------------------------------------ an unnamed victim named in the next sentence

@pytest.mark.parametrize("text, expected", [
    ("A nurse was stabbed in a hospital car park on Monday night. Carla Benson, a 31-year-old nurse, "
     "had just finished her shift.", {("Carla Benson", "injured")}),
    ("A pensioner was punched and robbed outside a post office. Arthur Fenwick, 82, had gone to "
     "collect his pension.", {("Arthur Fenwick", "harmed")}),
])
def test_cataphora(victims_of, text, expected):
    assert victims_of(text) == expected


@pytest.mark.parametrize("text", [
    # the named person in the next sentence is an officer or a suspect
    "A man was stabbed in the city centre. Det Insp Ray Cole said inquiries were continuing.",
    "A woman was attacked in a park on Sunday. Liam Gray, 25, has been charged with assault.",
])
def test_cataphora_negatives(victims_of, text):
    assert victims_of(text) == set()


# ------------------------------------------------------------------ shared surnames

def test_shared_surname_title_gender(victims_of):
    text = ("Colin Royle, 52, and his wife Janet Royle, 49, lived in Bolton. "
            "Mrs Royle was assaulted repeatedly over ten years. "
            "Mr Royle admitted the offences and was jailed.")
    assert victims_of(text) == {("Janet Royle", "harmed")}


def test_shared_surname_pronoun_after_title(victims_of):
    text = ("Gordon Pell, 60, denied abusing his wife, Moira Pell. "
            "Mrs Pell told the court she was punched in the face.")
    assert victims_of(text) == {("Moira Pell", "harmed")}


# ------------------------------------------------------------------ worst harm wins

@pytest.mark.parametrize("text, expected", [
    ("A 15-year-old boy was shot and killed on Friday. Police identified the victim as Andre Lyons, 15.",
     {("Andre Lyons", "killed")}),
    ("Maya Fenn was stabbed. She was later pronounced dead in hospital.", {("Maya Fenn", "killed")}),
])
def test_worst_harm(victims_of, text, expected):
    assert victims_of(text) == expected


# ------------------------------------------------------------------ not victims

@pytest.mark.parametrize("text", [
    # natural deaths and illness
    "Walter Finch, the former mayor, died peacefully in his sleep aged 91.",
    "Doris Ellery died in hospital after a long illness.",
    "Keith Morrow was taken to hospital after suffering a heart attack at home.",
    # perpetrators and suspects
    "Dean Fry broke the victim's jaw with a single punch.",
    "Carl Moss threatened staff with a knife and robbed the shop.",
    "Robber Jake Hill was jailed for mugging three pensioners.",
    "Gary Lomax stole two million dollars from the county, prosecutors said.",
    # relatives and officials speaking about unnamed victims
    "Her brother, Sean Doyle, said she suffered terrible injuries.",
    "Sgt Paul Ames said the man suffered a broken arm.",
    # unnamed people
    "A woman in her 60s was taken to hospital with burns.",
    "The dead have not yet been named.",
    # a list named by an identification verb that is not about harm
    "The new trustees were named as Alan Borg and Rita Vance.",
    # a sports injury
    "Striker Lewis Crane was named in the squad despite a knee injury.",
])
def test_not_victims(victims_of, text):
    assert victims_of(text) == set()


# ------------------------------------------------------------------ pronouns

@pytest.mark.parametrize("text, expected", [
    ("Paramedics tried to save Mr Tolland but he died at the scene of the stabbing.", {("Tolland", "killed")}),
    ("Police named the woman as Freya Lund. She had been stabbed several times.", {("Freya Lund", "injured")}),
])
def test_pronoun_harm(victims_of, text, expected):
    assert victims_of(text) == expected


@pytest.mark.parametrize("text", [
    # the only earlier name is a possessor or a modifier
    "Officers spoke to Dan Reid's neighbour. She was taken to hospital with cuts.",
    # gender does not fit
    "Lisa Grant found the man in the street. He had been stabbed.",
    # inside quotation marks
    'Tom Hale lives next door. "She was beaten badly," he said.',
    # an official with a rank
    "Det Supt Anna Webb spoke to reporters. She said a man had been stabbed.",
])
def test_pronoun_negatives(victims_of, text):
    assert victims_of(text) == set()


@pytest.mark.parametrize("text, expected", [
    ("Carol Dunn, 70, was asleep at home when a burglar attacked her.", {("Carol Dunn", "harmed")}),
    ("Mark Rudd admitted that he had controlled Hannah Cole's money and assaulted her.", {("Hannah Cole", "harmed")}),
])
def test_object_pronoun_harm(victims_of, text, expected):
    assert victims_of(text) == expected


@pytest.mark.parametrize("text", [
    # no female antecedent: the man himself is not 'her'
    "Owen Marsh was jailed after he repeatedly assaulted her.",
    # the subject of the harm verb is not its object
    "Brenda Vale hit him with a chair.",
])
def test_object_pronoun_negatives(victims_of, text):
    assert victims_of(text) == set()


@pytest.mark.parametrize("text", [
    # an unnamed person stands between the name and the pronoun
    "Ben Ford tried to revive the boy but he was pronounced dead at the scene.",
    # a named person's own account of someone else
    "Ruth Gale, who lives nearby, said she saw a man kick the door. She said he had been stabbed.",
    # a title word cut off from its name is no person
    "Officers found the body of Sgt. Bryn Tallis in a river.",
])
def test_pronoun_and_name_negatives(victims_of, text):
    assert all(name not in {"Ben Ford", "Ruth Gale", "Sgt"} for name, _ in victims_of(text))


def test_reported_by_police_pronoun(victims_of):
    text = "Sarah Mitchell was walking home on Friday. Police said she was punched and robbed by two men."
    assert victims_of(text) == {("Sarah Mitchell", "harmed")}


@pytest.mark.parametrize("text", [
    "Winger Cole Ashby has had a frustrating season with injuries since joining the club.",
    "Cole Ashby is recovering from a serious ankle injury and will miss the derby.",
])
def test_sports_injuries_are_not_harm(victims_of, text):
    assert victims_of(text) == set()


@pytest.mark.parametrize("text, expected", [
    ("Hugo Brandt was hit by a van and almost killed.", {("Hugo Brandt", "injured")}),
    ("Alma Ritter was in the car but was not hurt.", set()),
    # a possessor's relative is what the pronoun picks up
    ("Tessa Moran's grandmother was also hurt in the crash. She suffered a broken hip.", set()),
    # a nearer unnamed person in the pronoun's own sentence
    ("Maria Lenz found her son in the garden. A neighbour tried to help but she was pushed away.", set()),
])
def test_hedges_and_nearer_people(victims_of, text, expected):
    assert victims_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an attempt or a threat is harm, not a killing
    ("Prosecutors said Neil Raines tried to kill Karen Lowe with a hammer.", {("Karen Lowe", "harmed")}),
    ("The man threatened to stab Ivan Petrov outside the shop.", {("Ivan Petrov", "harmed")}),
    # each named victim takes the harm of the description with their age
    ("A 19-year-old man was shot dead and a 16-year-old boy was wounded in the attack. Police identified "
     "the victims as Dwayne Porter, 19, and Luis Abreu, 16.",
     {("Dwayne Porter", "killed"), ("Luis Abreu", "injured")}),
])
def test_attempts_and_described_harms(victims_of, text, expected):
    assert victims_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Sarah Mitchell succumbed to her injuries on Saturday.", {("Sarah Mitchell", "killed")}),
    ("Henry Lowe, 81, died after he was knocked down by a bus.", {("Henry Lowe", "killed")}),
    # 'they' named after a sentence about the people harmed
    ("Four men were injured in the explosion. They were named as Paul Dwyer, 45, and Tom Kelly, 38.",
     {("Paul Dwyer", "injured"), ("Tom Kelly", "injured")}),
    ("Two women died in the fire. They were identified as Joan Webb and Mary Cole.",
     {("Joan Webb", "killed"), ("Mary Cole", "killed")}),
    # ... but not after arrests or natural deaths
    ("Three people were arrested. They were named as Paul Dwyer and Tom Kelly.", set()),
    ("Two sisters died of cancer within a year. They were named as Joan Webb and Mary Cole.", set()),
])
def test_death_causes_and_plural_they(victims_of, text, expected):
    assert victims_of(text) == expected


def test_shared_surname_by_role(victims_of, nlp):
    from factx.extractors.people import find_people

    text = ("Duncan Farrow, 51, was found guilty of abusing his wife Elspeth Farrow. "
            "Farrow was jailed for three years. Farrow was assaulted at least twice a week, the court heard.")
    people = {p.name: [m.start_char for m in p.mentions] for p in find_people(nlp(text))}
    jailed, assaulted = text.index("Farrow was jailed"), text.index("Farrow was assaulted")
    assert jailed in people["Duncan Farrow"]
    assert assaulted in people["Elspeth Farrow"]
    assert victims_of(text) == {("Elspeth Farrow", "harmed")}


def test_other_gender_noun_does_not_block_pronoun(victims_of):
    text = ("Jane Wilson, 45, was travelling with her husband when the crash happened. "
            "She suffered a broken leg.")
    assert victims_of(text) == {("Jane Wilson", "injured")}
