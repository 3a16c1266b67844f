"""Victims: named people harmed by a crime, attack, accident or others' actions (SPEC "Victim").

Evidence is read from the dependency parse around every mention of a person in the
people index (``ctx.people``), with the harm words kept as data in ``models/harm_words.json``:

    "Jane Roe was stabbed"             passive subject of a harm verb      -> injured
    "Doe shot Jane Roe dead"           object of a harm verb ("dead": fatal) -> killed
    "the murder of Jane Roe"           of-object of a harm noun            -> killed
    "Jane Roe's death" / "X's murder"  possessor of a harm noun            -> killed
    "Jane Roe died after being hit"    a death with a crime/accident cause -> killed
    "Jane Roe was pronounced dead"     dead states                         -> killed
    "Jane Roe suffered stab wounds"    injuries                            -> injured
    "the victim, Jane Roe" / "victims - Jane Roe, 22, ..."  victim nouns
    "Jane Roe, who was shot, ..."      relative clauses; conjuncts and appositions share
                                       the role of the phrase they stand in

Harm told as the victim's own experience, with no harm verb (``clause_cue``):

    "Roe suffered burns / a broken jaw"       "Roe fell and broke her wrist" (weak)
    "Roe was taken to hospital" (weak)        "... with serious injuries"  "in a critical condition"
    "Roe was treated for burns"               "Roe was left fighting for her life"
    "officers found Roe with head injuries"   "Roe lost his life" (weak)   "the body of Roe" (weak)
    "Roe died in the crash / fire"            "the dead were named as A, 19, B, 21, and C"

A described victim is named in the next sentence ("A nurse was stabbed. Jane Roe, a
31-year-old nurse, ...") when the name is introduced there as its subject or with the same
noun; a named victim takes the harm of the description with their age. Subject and object
pronouns outside quotes ("She was later pronounced dead", "the man attacked her") give their
victim readings to the one gender-compatible person named just before, unless an unnamed
person stands nearer. "was not hurt" is no harm; "almost killed" is injured; "tried to kill"
is harmed.

Evidence against: the subject of an active harm verb ("Doe shot Roe"), the agent of a passive
one ("by Doe"), perpetrator nouns ("suspect Doe", "Doe, the gunman"), and being charged,
arrested, convicted ... A person is a victim when the evidence for outweighs the evidence
against, so a suspect killed by police is still a victim. Deaths count only when the sentence
gives no natural cause and the article reports some harm at all (an obituary has no victim).

Known limits: pronouns are resolved only to a named person in the same or the previous
sentence, and readings against (a pronoun charged) are not taken from them; a victim named
only in a sentence without harm words ("the shooting that claimed Jane Roe") is missed;
relatives who are themselves harmed need their own evidence; weak cues (a hospital stay, a
broken bone, a bare death) need harm somewhere in the story and no natural cause in the
sentence, so an accident story told without any harm or accident word is missed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Optional

from spacy.tokens import Doc, Span, Token

from ..records import Span as SpanRecord
from ..records import Victim
from ..rules import load_json
from .people import People, Person

HARM_RANK = {None: 0, "harmed": 1, "injured": 2, "killed": 3}


def lexicon() -> dict:
    return load_json("harm_words.json")


def worse(a: Optional[str], b: Optional[str]) -> Optional[str]:
    """The more severe of two harms: killed > injured > harmed > None."""
    return a if HARM_RANK[a] >= HARM_RANK[b] else b


@dataclass
class Evidence:
    """One reading of one mention: for (victim) or against (perpetrator)."""

    victim: bool
    harm: Optional[str]
    rule: str
    token: int
    weak: bool = False  # a death that needs a crime/accident context to count


@dataclass
class Assessment:
    person: Person
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def score(self) -> int:
        return sum(1 if e.victim else -1 for e in self.evidence)


# ------------------------------------------------------------------ word classes


def verb_harm(token: Token) -> Optional[str]:
    """The harm a verb token reports, with 'dead' / 'to death' making it fatal."""
    lex = lexicon()
    harm = lex["verbs"].get(token.lower_)
    if harm is None and token.lower_ in lex["particle_verbs"]:
        if any(c.dep_ in {"prt", "advmod", "prep"} and c.lower_ in lex["harm_particles"] for c in token.children):
            harm = lex["particle_verbs"][token.lower_]
    if harm is None or token.pos_ not in {"VERB", "AUX"} and token.tag_ not in {"VBN", "VBD", "VBG"}:
        return None
    if any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in {"never"}) for c in token.children):
        return None  # "was not hurt"
    if token.dep_ == "xcomp" and token.head.lower_ in lex["attempt_verbs"]:
        return "harmed"  # "tried to kill her", "threatened to stab him": an attempt or a threat
    if harm == "killed" and any(c.dep_ == "advmod" and c.lower_ in lex["near_miss_adverbs"] for c in token.children):
        return "injured"  # "was almost killed"
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if _fatal(token) or (nxt is not None and nxt.lower_ == "dead"):  # "shot dead X", parsed oddly
        return "killed"
    return harm


def _fatal(token: Token) -> bool:
    fatal = lexicon()["fatal_particles"]
    for child in token.children:
        if child.lower_ in fatal and child.dep_ in {"acomp", "advmod", "oprd", "xcomp", "dobj", "npadvmod", "attr"}:
            return True
        if child.dep_ == "prep" and child.lower_ == "to" and any(g.lower_ == "death" for g in child.children):
            return True
    return False


def noun_harm(token: Token) -> Optional[str]:
    lex = lexicon()
    if token.pos_ not in {"NOUN", "PROPN"} and token.tag_ not in {"NN", "NNS", "VBG"}:
        return None
    return lex["nouns"].get(token.lower_)


def is_death_word(token: Token) -> bool:
    return token.lower_ in lexicon()["weak_death_words"]


def is_death_verb(token: Token) -> bool:
    """'died', 'drowned', 'passed away'."""
    if token.lower_ in {"passed", "pass", "passes", "passing"}:
        return any(c.lower_ == "away" for c in token.children)
    return token.lower_ in lexicon()["death_verbs"]


def natural_death_sentence(sent: Span) -> bool:
    words = set(lexicon()["natural_death_words"])
    return any(t.lower_ in words for t in sent)


# ------------------------------------------------------------------ reading one mention


def _np_role(token: Token) -> Token:
    """The token whose dependency role the name's noun phrase plays: a name in apposition
    or a conjunct plays the role of the phrase it belongs to."""
    x = token
    seen = 0
    while x.dep_ in {"appos", "conj", "flat"} and x.head is not x and seen < 6:
        x = x.head
        seen += 1
    return x


def _role_words(root: Token, role: Token) -> list[Token]:
    """Nouns describing the person: 'suspect' in 'suspect Doe', 'victim' in 'the victim, Roe'."""
    words: list[Token] = []
    for t in (root, role):
        words.extend(c for c in t.children if c.dep_ in {"compound", "amod", "appos", "nmod"})
        words.append(t)
    x = root
    while x.dep_ == "appos" and x.head is not x:
        x = x.head
        words.append(x)
    return words


def _verb_group(verb: Token) -> list[Token]:
    """A verb with the conjoined verbs that share its subject ('was shot and killed')."""
    group = [verb]
    for child in verb.children:
        if child.dep_ == "conj" and child.pos_ in {"VERB", "AUX"} and not any(
                g.dep_ in {"nsubj", "nsubjpass"} for g in child.children):
            group.append(child)
    if verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"} and not any(
            c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        group.append(verb.head)  # not "A was shot dead and B was wounded": B has their own verb
    return group


def _passive(verb: Token) -> bool:
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children) or verb.tag_ == "VBN"


def read_mention(mention: Span) -> list[Evidence]:
    """What the parse says about the person named by this mention."""
    lex = lexicon()
    root = mention.root
    role = _np_role(root)
    head = role.head
    out: list[Evidence] = []
    if name_modifies_noun(mention) or not _same_line(root, head) or not _same_line(root, role):
        return out  # "the Juniper Lowell concert"; a parse across a paragraph break

    def add(victim: bool, harm: Optional[str], rule: str, weak: bool = False) -> None:
        out.append(Evidence(victim, harm, rule, root.i, weak))

    # "identified as Jane Roe": the name plays the role of what was identified
    if role.dep_ == "pobj" and head.lower_ == "as" and head.head.lower_ in lex["identify_verbs"]:
        verb = head.head
        if verb.dep_ in {"acl", "relcl"}:
            role = verb.head
        else:
            # what was identified: the object, else the passive subject ("police identified
            # the dead as ..." / "the dead were named as ...")
            kids = sorted((c for c in verb.children if c.dep_ in {"dobj", "obj", "nsubjpass", "nsubj"}),
                          key=lambda c: ["dobj", "obj", "nsubjpass", "nsubj"].index(c.dep_))
            role = kids[0] if kids else role
        role = _np_role(role)
        head = role.head
        harm = identified_harm(role)
        if harm is not None:
            add(True, harm, "identified-as")  # "the dead were named as A, B and C"

    # descriptions: "suspect Doe", "the victim, Roe", "Roe, the gunman", "survivor Roe"
    for word in _role_words(root, role):
        if mention.start <= word.i < mention.end:
            continue
        if word.lower_ in lex["perpetrator_nouns"]:
            add(False, None, "perpetrator-noun")
            break
        if word.lower_ in lex["victim_nouns"]:
            add(True, None, "victim-noun")
            break
        if word is not root and word.dep_ != "compound" and (
                word.lower_ in {"death", "deaths"} or noun_harm(word) is not None):
            # "the deaths of three victims: Ines Duarte, ..." parsed as apposition to "deaths"
            add(True, noun_harm(word) or "killed", "harm-noun-apposition")
            break
        if word.lower_ in lex["survivor_nouns"]:
            add(True, "injured", "survivor")
            break

    if not any(e.victim for e in out):
        listed = list_reading(mention)
        if listed is not None:
            add(True, listed, "harmed-list")

    dep = role.dep_
    if dep in {"nsubjpass", "dobj", "obj", "nsubj", "attr"} and head.pos_ in {"VERB", "AUX"}:
        best = None
        # a subject is shared by joined verbs ("was hit and killed"); an object is its verb's own
        for verb in (_verb_group(head) if dep in {"nsubj", "nsubjpass"} else [head]):
            if not _same_line(root, verb):
                continue
            passive = dep == "nsubjpass" or (dep == "nsubj" and _passive_aux(verb))
            reading = _verb_reading(verb, dep if dep != "nsubj" or not passive else "nsubjpass")
            # "was hit and killed": the worst harm of the joined verbs
            if reading is not None and (best is None or (reading[0] and best[0] and HARM_RANK[reading[1]] > HARM_RANK[best[1]])):
                best = reading
        if best is not None:
            add(*best)
    elif dep == "pobj" and head.dep_ in {"prep", "agent"}:
        noun = head.head
        if head.dep_ == "agent" or head.lower_ == "by":
            if verb_harm(noun) is not None or noun_harm(noun) is not None:
                add(False, None, "agent-of-harm")
        elif head.lower_ in lex["harm_particles"] and noun.lower_ in lex["particle_verbs"]:
            add(True, lex["particle_verbs"][noun.lower_], "run-over")
        elif head.lower_ in {"of", "on", "against"}:
            harm = noun_harm(noun)
            if harm is not None:
                add(True, harm, f"harm-noun-{head.lower_}")
            elif noun.lower_ in {"death", "deaths"} and head.lower_ == "of":
                add(True, "killed", "death-of", weak=True)
            elif noun.lower_ in {"body", "remains"} and head.lower_ == "of":
                add(True, "killed", "body-of", weak=True)  # "the body of Jane Roe was found"
        elif head.lower_ == "among":
            ev = _among_reading(noun)
            if ev is not None:
                add(True, ev, "among-harmed")
    elif dep == "poss":
        harm = noun_harm(head)
        if harm is not None:
            add(True, harm, "possessor-of-harm-noun")
        elif head.lower_ in {"death", "deaths", "body", "remains"}:
            add(True, "killed", "possessor-of-death", weak=True)

    # "Roe, who was shot" / "Roe, shot in the head," / "Roe, 28, a driver for the firm, who was killed"
    for clause in _clauses_of(root if role is root else role):
        subj = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        harm = verb_harm(clause)
        if clause.dep_ == "relcl":
            if subj is None or subj.lower_ not in {"who", "that"}:
                continue
            if harm is not None:
                passive = subj.dep_ == "nsubjpass"
                add(passive, harm if passive else None, "relative-clause")
            elif subj.dep_ == "nsubj" and is_death_verb(clause):
                add(True, "killed", "relative-died", weak=True)
        elif clause.dep_ == "acl" and clause.tag_ == "VBN" and harm is not None:
            add(True, harm, "participle")
    return out


_LIST_WORDS = frozenset({",", "and", "&", "(", ")", "aged", "-", "–"})
_PLURAL_PEOPLE = frozenset({"people", "persons", "men", "women", "children", "others"})


def list_reading(mention: Span) -> Optional[str]:
    """The harm of a name listed after a colon that introduces harmed people, read off the
    surface (the parser attaches such lists anywhere): 'the deaths of three victims: A, 30,
    B, 28, and C', 'the blast killed two people: A and B', 'the injured: A (30) and B'.
    Between the colon and the name only names, ages, commas and 'and' may stand."""
    lex = lexicon()
    doc = mention.doc
    start = mention.sent.start
    k = mention.start - 1
    while k > start and doc[k].text != ":":
        t = doc[k]
        if not (t.text in _LIST_WORDS or t.like_num or (t.is_title and t.is_alpha)):
            return None
        k -= 1
    if k <= start or doc[k].text != ":":
        return None
    last = doc[k - 1]
    harm: Optional[str] = None
    for t in doc[start:k]:
        if t.lower_ in lex["perpetrator_nouns"]:
            return None
        h = verb_harm(t) or noun_harm(t) or ("killed" if t.lower_ in {"death", "deaths", "dead"} else None)
        harm = worse(harm, h)
    if last.lower_ in lex["victim_nouns"] or last.lower_ in lex["survivor_nouns"]:
        return harm or ("injured" if last.lower_ in lex["survivor_nouns"] else "harmed")
    if last.lower_ in {"dead", "killed", "injured", "wounded", "hurt"}:
        return worse(harm, "injured" if last.lower_ != "dead" and last.lower_ != "killed" else "killed")
    if harm is not None and last.pos_ == "NOUN" and (last.lower_ in _PLURAL_PEOPLE or _person_noun(last)):
        return harm
    return None


def _person_noun(token: Token) -> bool:
    from .ages import describes_person  # late: ages imports this module

    return token.pos_ == "NOUN" and describes_person(token)


def identified_harm(noun: Token) -> Optional[str]:
    """The harm a phrase for the people identified states: 'the dead', 'the injured',
    'the two dead men', 'those killed', 'the people who died'."""
    lex = lexicon()
    table = lex["identified_nouns"]
    if noun.lower_ in table and noun.pos_ in {"NOUN", "ADJ", "VERB"}:
        return table[noun.lower_]
    if noun.lower_ == "they" and noun.sent.start > 0:
        return plural_harm(noun.doc[noun.sent.start - 1].sent)  # "Two men died. They were named as ..."
    for child in noun.children:
        if child.dep_ == "amod" and child.lower_ in table:
            return table[child.lower_]
        if child.dep_ in {"acl", "relcl"}:
            if is_death_verb(child):
                return "killed"
            harm = verb_harm(child)
            if harm is not None and (child.dep_ == "acl" or any(c.dep_ == "nsubjpass" for c in child.children)):
                return harm
    return None


def plural_harm(sent: Span) -> Optional[str]:
    """The worst harm a sentence reports of several people it describes: 'Two people were
    killed in the crash', 'Three men died', 'two children were injured'."""
    harm: Optional[str] = None
    if natural_death_sentence(sent):
        return None
    for verb in sent:
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None or subject.tag_ != "NNS" or not (
                subject.lower_ in {"people", "persons"} or _plural_person(subject.lower_)):
            continue
        if subject.dep_ == "nsubjpass":
            harm = worse(harm, group_harm(verb))
        elif is_death_verb(verb):
            harm = worse(harm, "killed")
    return harm


_IRREGULAR_PLURALS = {"men": "man", "women": "woman", "children": "child", "people": "person"}


def _plural_person(word: str) -> bool:
    """'men', 'women', 'children', 'teenagers', 'cyclists': a plural noun for people."""
    from .ages import patterns  # late: ages imports this module

    cfg = patterns()
    singular = _IRREGULAR_PLURALS.get(word) or (word[:-1] if word.endswith("s") else word)
    if any(singular.endswith(m) for m in ("man", "woman")):
        return True
    return singular in cfg["person_nouns"] or singular.endswith(tuple(cfg["person_noun_suffixes"]))


def _clauses_of(token: Token) -> list[Token]:
    """Relative and participle clauses on a name's phrase, also through its apposition
    and prepositional tail ('Roe, 28, a driver for the firm, who was killed')."""
    found: list[Token] = []
    frontier, seen = [token], 0
    while frontier and seen < 12:
        x = frontier.pop()
        seen += 1
        for child in x.children:
            if child.dep_ in {"relcl", "acl"}:
                found.append(child)
            elif child.dep_ in {"appos", "prep", "pobj", "npadvmod", "amod"} and _same_line(token, child):
                frontier.append(child)
    return found


def _passive_aux(verb: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in verb.children)


def _verb_reading(verb: Token, dep: str) -> Optional[tuple[bool, Optional[str], str, bool]]:
    """(victim, harm, rule, weak) for a name in role ``dep`` of ``verb``, else None."""
    lex = lexicon()
    word = verb.lower_
    harm = verb_harm(verb)
    if dep in {"nsubjpass", "dobj", "obj"}:
        if harm is not None:
            return True, harm, f"{dep}-of-harm-verb", False
        if dep == "nsubjpass":
            if word in lex["perpetrator_verbs"]:
                return False, None, "charged", False
            if word in {"found", "declared", "adjudged"} and any(
                    c.lower_ == "guilty" and c.dep_ in {"oprd", "acomp", "advmod", "xcomp", "attr"} for c in verb.children):
                return False, None, "found-guilty", False
            if word in lex["dead_states"] and _fatal(verb):
                return True, "killed", "pronounced-dead", False
            cue = clause_cue(verb)
            if cue is not None:
                return True, cue[0], cue[1], cue[2]
            if word in lex["injury_verbs"] or word in lex["hospital_words"]:
                return True, "injured", "hospitalised", True
            if is_death_verb(verb):
                return True, "killed", "died", True
        elif word in lex["find_verbs"]:
            # "officers found Roe with stab wounds" / "the attack left Roe with a broken nose"
            cue = clause_cue(verb, own_clause_only=True)
            if cue is not None and cue[1] == "with-injuries":
                return True, cue[0], "found-with-injuries", cue[2]
        return None
    if dep == "attr":
        # "the sole survivor was Jane Roe" / "the victim is Jane Roe"
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.lower_ in lex["victim_nouns"]:
            return True, None, "victim-was", False
        if subj is not None and subj.lower_ in lex["survivor_nouns"]:
            return True, "injured", "survivor-was", False
        return None
    # active subject
    if own_body_part_object(verb) is not None:
        return True, "injured", "hurt-own-body-part", True  # "Roe fell and broke her wrist"
    if harm is not None and not _passive(verb):
        if any(c.dep_ in {"dobj", "obj"} for c in verb.children) or word in {"shot", "stabbed", "attacked", "killed", "murdered"}:
            return False, None, "subject-of-harm-verb", False
    if word in lex["perpetrator_verbs"]:
        return False, None, "pleaded", False
    if is_death_verb(verb):
        if death_cause(verb) is not None and not natural_death_sentence(verb.sent):
            return True, "killed", "died-in-accident", False  # "died in the crash"
        return True, "killed", "died", True
    if word in lex["remain_verbs"]:
        ev = _copula_reading(verb)
        if ev is not None:
            return True, ev[0], ev[1], ev[2]
    cue = clause_cue(verb)
    if cue is not None:
        return True, cue[0], cue[1], cue[2]
    return None


# ------------------------------------------------------------------ harm told as experience


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in verb.children)


def _clause_verbs(verb: Token, depth: int = 0) -> Iterator[Token]:
    """The verb and the subjectless verbs hanging from it that tell more about its
    subject: 'was left [fighting for her life]', 'was taken to hospital, [suffering] from
    burns'. A verb with an object of its own ('leaving him with ...') tells about someone
    else and is not followed."""
    yield verb
    if depth >= 2:
        return
    for child in verb.children:
        if child.dep_ in {"xcomp", "advcl", "conj"} and child.pos_ in {"VERB", "AUX"} \
                and not _has_subject(child) and not any(c.dep_ in {"dobj", "obj"} for c in child.children) \
                and child.lower_ not in lexicon()["find_verbs"]:
            yield from _clause_verbs(child, depth + 1)


def _with_conjuncts(token: Token) -> list[Token]:
    out = [token]
    for child in token.children:
        if child.dep_ == "conj":
            out.extend(_with_conjuncts(child))
    return out


def is_injury_noun(noun: Token) -> bool:
    """'injuries', 'stab wounds', 'burns', 'a broken jaw', 'a fractured skull'."""
    lex = lexicon()
    if noun.pos_ not in {"NOUN", "PROPN", "ADJ", "VERB"}:
        return False
    if noun.lower_ in lex["injury_objects"]:
        return True
    return noun.lower_ in lex["body_parts"] and any(
        c.dep_ in {"amod", "compound"} and c.lower_ in lex["injury_adjectives"] for c in noun.children)


def is_hospital_noun(noun: Token) -> bool:
    """'hospital', 'Leeds General Infirmary', 'the ICU', 'a trauma center'."""
    lex = lexicon()
    if noun.lower_ in lex["hospital_nouns"]:
        return True
    return noun.lower_ in {"center", "centre", "unit"} and any(
        c.dep_ in {"compound", "amod"} and c.lower_ in lex["hospital_center_modifiers"] for c in noun.children)


def _preps(token: Token) -> Iterator[tuple[Token, Token]]:
    """(preposition, object) pairs on a token, also one prepositional step further down
    ('taken to hospital [with injuries]' parsed onto 'hospital')."""
    for prep in token.children:
        if prep.dep_ != "prep":
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            for obj in _with_conjuncts(pobj):
                yield prep, obj
                for inner in obj.children:
                    if inner.dep_ == "prep" and inner.lower_ in {"with", "for"}:
                        for inner_obj in inner.children:
                            if inner_obj.dep_ == "pobj":
                                yield from ((inner, o) for o in _with_conjuncts(inner_obj))


def _condition(noun: Token) -> bool:
    """'a critical condition', 'a serious but stable condition'."""
    words = lexicon()["condition_words"]
    if noun.lower_ != "condition":
        return False
    mods = [m for c in noun.children if c.dep_ in {"amod", "compound"} for m in _with_conjuncts(c)]
    return any(m.lower_ in words for m in mods)


def clause_cue(verb: Token, own_clause_only: bool = False) -> Optional[tuple[str, str, bool]]:
    """Harm the clause of ``verb`` tells about its subject without a harm verb:
    (harm, rule, weak), the strongest cue found, else None.

        "suffered burns / a broken jaw / head injuries"   -> injured
        "was taken / flown / rushed to hospital"           -> injured (weak)
        "... with serious injuries", "in a critical condition", "treated for burns"
        "was left fighting for his life"                   -> injured
        "lost his life"                                    -> killed (weak)
    """
    lex = lexicon()
    found: list[tuple[str, str, bool]] = []
    verbs = [verb] if own_clause_only else list(_clause_verbs(verb))
    for v in verbs:
        word = v.lower_
        if word in lex["injury_verbs"]:
            objects = [c for c in v.children if c.dep_ in {"dobj", "obj", "conj", "attr"}]
            if any(is_injury_noun(o) for c in objects for o in _with_conjuncts(c)):
                found.append(("injured", "suffered-injuries", False))
        if word in lex["death_loss_verbs"] and any(
                c.dep_ in {"dobj", "obj"} and c.lower_ in lex["life_nouns"] for c in v.children):
            found.append(("killed", "lost-life", True))
        for prep, obj in _preps(v):
            p = prep.lower_
            if p in {"with", "from"} and is_injury_noun(obj) and word in lex["injury_with_verbs"]:
                found.append(("injured", "with-injuries", False))
            elif p == "for" and word in lex["treatment_verbs"]:
                found.append(("injured", "treated-for", not is_injury_noun(obj)))
            elif p == "for" and word in lex["life_fight_verbs"] and obj.lower_ in lex["life_nouns"]:
                found.append(("injured", "fighting-for-life", False))
            elif p in {"to", "in", "into", "at"} and is_hospital_noun(obj) and (
                    word in lex["hospital_transport_verbs"] or word in lex["treatment_verbs"]):
                found.append(("injured", "taken-to-hospital", True))
            elif p == "in" and _condition(obj):
                found.append(("injured", "condition", False))
    if not found:
        return None
    return min(found, key=lambda f: (f[2], -HARM_RANK[f[0]]))


def own_body_part_object(verb: Token) -> Optional[Token]:
    """'broke her wrist', 'burned his hands': the subject hurt their own body part."""
    lex = lexicon()
    if verb.lower_ not in lex["break_verbs"] or verb.pos_ not in {"VERB", "AUX"}:
        return None
    for child in verb.children:
        if child.dep_ in {"dobj", "obj"} and child.lower_ in lex["body_parts"] and any(
                c.dep_ == "poss" and c.lower_ in {"his", "her", "their", "my"} for c in child.children):
            return child
    return None


def death_cause(verb: Token) -> Optional[Token]:
    """'died in the crash / from stab wounds / after the attack / of his injuries',
    'succumbed to her injuries', 'died after he was knocked down': the harm that caused a death."""
    lex = lexicon()
    for prep, obj in _preps(verb):
        if prep.lower_ not in {"in", "from", "after", "during", "following", "of", "when", "at", "to"}:
            continue
        if obj.lower_ in lex["accident_nouns"] or noun_harm(obj) is not None or is_injury_noun(obj) \
                or obj.lower_ in lex["nouns"]:
            return obj
        if obj.tag_ == "VBG" and verb_harm(obj) is not None:
            return obj  # "died after being hit"
    for clause in verb.children:
        # "died after he was knocked down by a bus" / "died when she was struck"
        if clause.dep_ == "advcl" and verb_harm(clause) is not None and any(
                c.dep_ in {"mark", "advmod"} and c.lower_ in {"after", "when", "as", "following"}
                for c in clause.children):
            return clause
    return None


def _same_line(a: Token, b: Token) -> bool:
    """The parser sometimes links words across a paragraph break; such links are not read."""
    lo, hi = sorted((a.i, b.i))
    return "\n" not in a.doc[lo:hi].text_with_ws  # Doc.text would rebuild the whole text


def name_modifies_noun(mention: Span) -> bool:
    """The name is used as a modifier: 'the Juniper Lowell concert', 'Lowell (right) fans'."""
    doc = mention.doc
    j = mention.end
    if j < len(doc) and doc[j].text == "(":
        k = j + 1
        while k < len(doc) and k - j <= 4 and doc[k].text != ")":
            k += 1
        j = k + 1
    if j >= len(doc):
        return False
    nxt = doc[j]
    return nxt.pos_ == "NOUN" and nxt.text.islower() and not (j + 1 < len(doc) and doc[j + 1].text == ",")


def _copula_reading(verb: Token) -> Optional[tuple[str, str, bool]]:
    """'Roe was dead' / 'Roe was the victim' / 'Roe was among three people shot'."""
    lex = lexicon()
    for child in verb.children:
        if child.dep_ in {"acomp", "attr"} and child.lower_ == "dead":
            return "killed", "was-dead", True
        if child.dep_ == "attr" and child.lower_ in lex["victim_nouns"]:
            return "harmed", "was-victim", False
        if child.dep_ == "prep" and child.lower_ == "among":
            for pobj in child.children:
                harm = _among_reading(pobj)
                if harm is not None:
                    return harm, "among-harmed", False
        if child.dep_ == "acomp" and child.lower_ in lex["condition_words"] and not any(child.children):
            return "injured", "condition", False  # "is critical", not "was critical of"
        if child.dep_ == "prep" and child.lower_ in {"in", "on"}:
            for pobj in child.children:
                if pobj.lower_ == "condition" and any(a.lower_ in lex["condition_words"] for a in pobj.children):
                    return "injured", "condition", False
                if pobj.lower_ in lex["hospital_words"]:
                    return "injured", "in-hospital", True
    return None


def _among_reading(noun: Token) -> Optional[str]:
    """'three people shot' / 'the victims' / 'the dead'."""
    if noun.lower_ in lexicon()["victim_nouns"]:
        return "harmed"
    if noun.lower_ == "dead":
        return "killed"
    for child in noun.children:
        if child.dep_ in {"acl", "relcl", "amod"}:
            harm = verb_harm(child) or lexicon()["verbs"].get(child.lower_)
            if harm is not None:
                return harm
    return None


# ------------------------------------------------------------------ the article


def article_reports_harm(doc: Doc) -> bool:
    """Whether the story reports harm by a crime, attack or accident anywhere."""
    lex = lexicon()
    return any(
        (t.lower_ in lex["verbs"] and verb_harm(t) is not None) or t.lower_ in lex["nouns"]
        or t.lower_ in lex["accident_nouns"] or t.lower_ in lex["harm_context_nouns"]
        for t in doc
    )


def reported_self_harm(doc: Doc, people: People) -> list[tuple[Person, Evidence]]:
    """'Roe said he was assaulted' / 'Roe says photographer assaulted him': a pronoun in what
    a named person says is that person, unless the speaker speaks in a role (a titled
    officer, a relative)."""
    lex = lexicon()
    out = []
    for pron in doc:
        dep = lex["pronouns"].get(pron.lower_)
        if dep is None or pron.dep_ not in {"nsubjpass", "dobj"}:
            continue
        verb = pron.head
        if verb.dep_ != "ccomp" or verb.head.lower_ not in lex["speech_verbs"] and verb.head.lower_ not in {"say", "tell"}:
            continue
        speaker = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        person = people.at_token(speaker.i) if speaker is not None else None
        if person is None or _speaks_in_role(people, speaker):
            continue
        reading = _verb_reading(verb, pron.dep_)
        if reading is not None and reading[0]:
            out.append((person, Evidence(True, reading[1], "said-of-self", pron.i, reading[3])))
    return out


_QUOTE_MARKS = frozenset('"“”‘’')


def pronoun_antecedent(people: People, pron: Token) -> Optional[Person]:
    """The named person a 'he'/'she'/'him'/'her' outside quotation marks stands for: the one
    gender-compatible person named earlier in its sentence, else in the sentence before
    (a subject when several fit). Officials with a title and relatives in a role are
    passed over. None when it is not clear."""
    from .speaker_gender import compatible, person_gender, word_gender

    doc = pron.doc
    sent = pron.sent
    if any(t.text in _QUOTE_MARKS or t.text == "'" for t in doc[sent.start:sent.end]):
        return None
    speech = _reported_by(pron)
    if speech is not None and any(
            c.dep_ == "nsubj" and (people.at_token(c.i) is not None or _person_word(c) or c.pos_ == "PRON")
            for c in speech.children):
        return None  # "Roe said she saw a man who had hit her": a person's account, not resolved
    gender = word_gender(pron.text)
    spans = [(sent.start, pron.i)]
    if sent.start > 0:
        prev = doc[sent.start - 1].sent
        if not any(t.text in _QUOTE_MARKS for t in prev):
            spans.append((prev.start, prev.end))
    strict = pron.dep_ in {"dobj", "obj"}  # an object pronoun needs a known, matching gender
    for n, (start, end) in enumerate(spans):
        found: list[tuple[Person, Token]] = []
        blocked = False
        for i in range(start, end):
            person = people.at_token(i)
            if person is None and _person_word(doc[i]) and not _in_apposition_to_name(people, doc[i]) \
                    and compatible(gender, word_gender(doc[i].text)):
                # "Roe tried to revive the boy but he ...": a nearer person, unnamed
                found, blocked = [], True
                continue
            if person is None or (found and found[-1][0] is person and people.at_token(i - 1) is person):
                continue
            mention = people.mention_at(i) or doc[i:i + 1]
            root = mention.root
            if name_modifies_noun(mention) or (
                    root.dep_ == "compound" and not mention.start <= root.head.i < mention.end):
                continue  # "the Roe family", "the Leeds father": not what 'he' picks up
            if root.dep_ == "poss" and (gender is None or person_gender(person) != gender
                                        or _person_word(root.head)):
                continue  # "Roe's car", "Roe's grandmother": a possessor only when the gender says so
            if strict and person_gender(person) != gender:
                continue
            if pron.dep_ in {"dobj", "obj"} and _np_role(mention.root).dep_ == "nsubj" \
                    and _np_role(mention.root).head is pron.head:
                continue  # "Roe hit her": not Roe
            if not compatible(gender, person_gender(person)) or (
                    not _courtesy_titled(mention) and _speaks_in_role(people, doc[i])):
                continue
            found.append((person, doc[i]))
        if n == 0 and blocked and not found:
            return None  # the nearer person in the pronoun's own sentence has no name
        distinct = [p for k, (p, _) in enumerate(found) if all(q is not p for q, _ in found[:k])]
        if len(distinct) == 1:
            return distinct[0]
        if len(distinct) > 1:
            subjects = [p for p, t in found
                        if _np_role((people.mention_at(t.i) or t.doc[t.i:t.i + 1]).root).dep_ in {"nsubj", "nsubjpass"}]
            subjects = [p for k, p in enumerate(subjects) if all(q is not p for q in subjects[:k])]
            return subjects[0] if len(subjects) == 1 else None
    return None


def _person_word(token: Token) -> bool:
    """A common noun for a person ('the boy', 'his son', 'the gunman'), or a pronoun of
    the other kind, which stands between a name and a later pronoun."""
    from .ages import patterns

    lex = lexicon()
    if token.pos_ != "NOUN":
        return False
    word = token.lower_
    return word in patterns()["person_nouns"] or word in lex["relation_nouns"] \
        or word in lex["perpetrator_nouns"] or word in lex["victim_nouns"]


def _in_apposition_to_name(people: People, token: Token) -> bool:
    """'Jane Roe, a nurse,' / 'her son, John Roe,': the noun describes a named person."""
    if token.dep_ == "appos" and people.at_token(token.head.i) is not None:
        return True
    if any(c.dep_ in {"appos", "compound"} and people.at_token(c.i) is not None for c in token.children):
        return True
    return token.dep_ == "compound" and people.at_token(token.head.i) is not None


def _reported_by(token: Token) -> Optional[Token]:
    """The speech verb whose reported clause holds the token ('X said she ...'), else None."""
    lex = lexicon()
    x, seen = token.head, 0
    while seen < 8:
        if x.dep_ == "ccomp" and x.head.lower_ in lex["speech_verbs"]:
            return x.head
        if x.head is x:
            return None
        x, seen = x.head, seen + 1
    return None


def _courtesy_titled(mention: Span) -> bool:
    """'Mr Roe', 'Mrs Roe': a courtesy title, not an official's rank."""
    doc = mention.doc
    return mention.start > 0 and doc[mention.start - 1].lower_ in lexicon()["courtesy_titles"]


def pronoun_harm(doc: Doc, people: People) -> list[tuple[Person, Evidence]]:
    """'Roe was stabbed. She was later pronounced dead' / 'the man attacked her': victim
    readings of a subject or object pronoun, given to its antecedent (readings against
    are not taken from pronouns)."""
    lex = lexicon()
    out = []
    for pron in doc:
        subject = pron.lower_ in {"he", "she"} and pron.dep_ in {"nsubj", "nsubjpass"}
        obj = pron.lower_ in {"him", "her"} and pron.dep_ in {"dobj", "obj"}
        if not (subject or obj):
            continue
        person = pronoun_antecedent(people, pron)
        if person is None:
            continue
        for ev in read_mention(doc[pron.i:pron.i + 1]):
            if ev.victim:
                out.append((person, Evidence(True, ev.harm, f"pronoun:{ev.rule}", pron.i, ev.weak)))
    return out


def _speaks_in_role(people: People, token: Token) -> bool:
    from .people import titles

    lex = lexicon()
    mention = people.mention_at(token.i)
    if mention is None:
        return True
    doc = token.doc
    if mention.start > 0 and doc[mention.start - 1].lower_ in titles():
        return True
    words = _role_words(mention.root, _np_role(mention.root))
    return any(w.lower_ in lex["relation_nouns"] or w.lower_ in titles() for w in words
               if not mention.start <= w.i < mention.end)


def harm_nearby(doc: Doc, sent: Span) -> bool:
    """A death is a crime's or an accident's when its sentence, or the one before, names
    harm: 'died after being hit', 'was stabbed ... He died in hospital'."""
    lex = lexicon()
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    for t in doc[start:sent.end]:
        if ((t.lower_ in lex["verbs"] or t.lower_ in lex["particle_verbs"]) and verb_harm(t) is not None) \
                or t.lower_ in lex["nouns"] \
                or t.lower_ in lex["injury_objects"] or t.lower_ in lex["victim_nouns"] \
                or t.lower_ in lex["accident_nouns"] or t.lower_ in lex["harm_context_nouns"]:
            return True
    return False


def assess(doc: Doc, people: People) -> list[Assessment]:
    """Evidence for and against every named person."""
    harm_context = article_reports_harm(doc)
    said = reported_self_harm(doc, people) + pronoun_harm(doc, people)
    out = []
    for person in people:
        a = Assessment(person)
        a.evidence.extend(ev for p, ev in said
                          if p is person and (not ev.weak or weak_evidence_holds(doc, ev, harm_context)))
        for mention in person.mentions:
            for ev in read_mention(mention):
                if ev.weak and not weak_evidence_holds(doc, ev, harm_context):
                    continue
                a.evidence.append(ev)
        out.append(a)
    return out


def weak_evidence_holds(doc: Doc, ev: Evidence, harm_context: bool) -> bool:
    """A bare death, hospital stay or broken bone counts only in a story that reports harm,
    in a sentence that gives no natural cause ('after a heart attack'); a bare death also
    needs harm in its own or the previous sentence."""
    sent = doc[ev.token].sent
    if not harm_context or natural_death_sentence(sent):
        return False
    rule = ev.rule.split(":")[-1]
    if ev.harm == "killed" and rule in {"died", "relative-died", "lost-life"} and not harm_nearby(doc, sent):
        return False  # "her partner had died 18 months ago"
    return True


def harm_of(evidence: list[Evidence]) -> Optional[str]:
    harm: Optional[str] = None
    for ev in evidence:
        if ev.victim:
            harm = worse(harm, ev.harm)
    return harm


def _age_of(person: Person, ctx) -> Optional[int]:
    for age in ctx.ages:
        if age.name == person.name:
            return age.age
    return None


def _mention_records(person: Person) -> list[SpanRecord]:
    return [SpanRecord(start=m.start_char, end=m.end_char, text=m.text) for m in person.mentions]


def weight(ev: Evidence) -> float:
    """How much one reading counts: being killed or injured outweighs one 'charged' (a
    suspect shot dead by police is a victim); a bare death or hospital stay counts half."""
    if not ev.victim:
        return -1.0
    if ev.weak:
        return 0.5
    return 2.0 if ev.harm in {"killed", "injured"} else 1.0


def is_victim(a: Assessment) -> bool:
    """Some evidence for, and more for than against."""
    if not any(e.victim for e in a.evidence):
        return False
    return sum(weight(e) for e in a.evidence) > 0


# ------------------------------------------------------------------ unnamed victims


@dataclass(frozen=True)
class UnnamedVictim:
    """'a 17-year-old boy was shot dead': a harmed person the text describes but does not name."""

    token: int
    harm: Optional[str]
    age: Optional[int]
    age_tokens: Optional[tuple[int, int]] = None  # where the age is written


def _description_age(noun: Token) -> tuple[Optional[int], Optional[tuple[int, int]]]:
    """The age in a description and its tokens: 'a 17-year-old boy', 'a teenager, 17,'."""
    from .ages import year_old_at  # late: ages imports this module

    doc = noun.doc
    for t in noun.subtree:
        if t.i > noun.i + 3:
            break
        expr = year_old_at(doc, t.i)
        if expr is not None and expr.end <= noun.i + 1:
            return expr.age, (expr.start, expr.end)
    j = noun.i + 1
    if j + 2 < len(doc) and doc[j].text == "," and doc[j + 1].text.isdigit() and doc[j + 2].text in {",", "."}:
        value = int(doc[j + 1].text)
        if 0 < value <= 120:
            return value, (j + 1, j + 2)
    return None, None


def find_unnamed_victims(doc: Doc, people: People) -> list[UnnamedVictim]:
    """People described ('a 12-year-old girl', 'the bicyclist') as the ones harmed."""
    from .ages import describes_person

    out: list[UnnamedVictim] = []
    for verb in doc:
        harm = verb_harm(verb)
        if harm is None:
            continue
        for child in verb.children:
            passive_subject = child.dep_ == "nsubjpass"
            if not (passive_subject or child.dep_ in {"dobj", "obj"}):
                continue
            if people.at_token(child.i) is not None or child.pos_ in {"PRON", "PROPN"}:
                continue
            if not describes_person(child) or child.lower_ in lexicon()["perpetrator_nouns"]:
                continue
            # "a boy was shot and killed": the worst harm of the joined verbs
            group = group_harm(verb) if passive_subject else harm
            out.append(UnnamedVictim(child.i, worse(harm, group), *_description_age(child)))
        if not any(c.dep_ in {"dobj", "obj", "nsubjpass"} for c in verb.children):
            noun = _object_after(verb)
            if noun is not None and people.at_token(noun.i) is None and describes_person(noun) \
                    and noun.lower_ not in lexicon()["perpetrator_nouns"]:
                out.append(UnnamedVictim(noun.i, "killed" if _fatal(verb) else harm, *_description_age(noun)))
    return out


def group_harm(verb: Token) -> Optional[str]:
    """The worst harm the verbs joined to ``verb`` report of their shared subject
    ('was shot and killed', 'was stabbed and pronounced dead')."""
    lex = lexicon()
    harm: Optional[str] = None
    for v in _verb_group(verb):
        h = verb_harm(v)
        if h is None and ((v.lower_ in lex["dead_states"] and _fatal(v)) or is_death_verb(v)):
            h = "killed"
        harm = worse(harm, h)
    return harm


def link_next_sentence(doc: Doc, people: People, others: list[Assessment],
                       unnamed: list[UnnamedVictim], ages: dict[int, Optional[int]]
                       ) -> list[tuple[Assessment, UnnamedVictim]]:
    """A described victim named in the next sentence: 'A nurse was stabbed on Monday. Jane
    Roe, a 31-year-old nurse, ...'. The named person is introduced there (first mention),
    as its subject or with the same noun ('nurse'), is not a suspect, an official or a
    relative, and fits the description's gender and age."""
    from .speaker_gender import compatible, person_gender, word_gender

    lex = lexicon()
    out: list[tuple[Assessment, UnnamedVictim]] = []
    taken: set[int] = set()
    for u in unnamed:
        noun = doc[u.token]
        sent = noun.sent
        if sent.end >= len(doc):
            continue
        nxt = doc[sent.end].sent
        for a in others:
            first = a.person.first_mention
            if id(a.person) in taken or not nxt.start <= first.start < nxt.end:
                continue
            if any(not e.victim for e in a.evidence) or _speaks_in_role(people, first.root):
                continue
            stated = ages.get(id(a.person))
            if stated is not None and u.age is not None and stated != u.age:
                continue
            if not compatible(word_gender(noun.text), person_gender(a.person)):
                continue
            role = _np_role(first.root)
            words = {w.lower_ for w in _role_words(first.root, role) if not first.start <= w.i < first.end}
            same_noun = noun.lower_ in words
            # a subject continues the described victim only when the victim was the subject
            # ("A man was stabbed. Jane Roe ..."), not the object of someone described
            # ("A man admitted a crash that killed a cyclist. John Doe, 31, entered the plea")
            subject = role.dep_ in {"nsubj", "nsubjpass"} and role.head.lower_ not in lex["speech_verbs"] \
                and noun.dep_ == "nsubjpass"
            if same_noun or subject:
                out.append((a, u))
                taken.add(id(a.person))
                break
    return out


def _object_after(verb: Token) -> Optional[Token]:
    """The object of an active verb the parser attached elsewhere: 'shot dead a 17-year-old
    boy' -> boy. Only 'a'/'an'/'the' phrases right after the verb (and 'dead')."""
    doc = verb.doc
    j = verb.i + 1
    if j < len(doc) and doc[j].lower_ in lexicon()["fatal_particles"]:
        j += 1
    if j >= len(doc) or doc[j].lower_ not in {"a", "an", "the"}:
        return None
    for k in range(j + 1, min(len(doc), j + 8)):
        t = doc[k]
        if t.pos_ == "NOUN" and t.dep_ != "compound" and t.lower_ not in {"year", "years", "month", "months", "day", "days"}:
            return t
        if t.pos_ in {"VERB", "AUX", "ADP", "PUNCT"} and t.text not in {"-"}:
            return None
    return None


def link_unnamed(victims: list[Assessment], others: list[Assessment], unnamed: list[UnnamedVictim],
                 ages: dict[int, Optional[int]]
                 ) -> tuple[list[Assessment], dict[int, str], dict[int, UnnamedVictim]]:
    """Join described victims to named people.

    - a named person (not a suspect) whose stated age is a described victim's age is that
      victim ('A 30-year-old man was stabbed ... John Roe, 30, ...');
    - when the story names a single victim, the descriptions are that victim: the harm is
      the worst described, and a lone described age is theirs when nobody else has it.
    Returns the victims, harm upgrades and ages by person id.
    """
    harms: dict[int, str] = {}
    new_ages: dict[int, UnnamedVictim] = {}
    victims = list(victims)
    # "An 18-year-old was shot dead and a 17-year-old wounded ... the victims, A, 18, and
    # B, 17": a named victim takes the harm of the description with their age
    ages_told = [u.age for u in unnamed if u.age is not None]
    for a in victims:
        age = ages.get(id(a.person))
        if age is not None and ages_told.count(age) == 1:
            u = next(u for u in unnamed if u.age == age)
            harms[id(a.person)] = worse(harm_of(a.evidence), u.harm) or "harmed"
    for a in others:
        age = ages.get(id(a.person))
        if age is None or any(not e.victim for e in a.evidence):
            continue
        matching = [u for u in unnamed if u.age == age]
        if matching:
            victims.append(a)
            harm = None
            for u in matching:
                harm = worse(harm, u.harm)
            harms[id(a.person)] = harm or "harmed"
    if len(victims) == 1 and unnamed:
        a = victims[0]
        harm = harm_of(a.evidence)
        for u in unnamed:
            harm = worse(harm, u.harm)
        harms[id(a.person)] = harm or "harmed"
        stated = {v for v in ages.values() if v is not None}
        described = [u for u in unnamed if u.age is not None and u.age not in stated]
        if ages.get(id(a.person)) is None and len({u.age for u in described}) == 1:
            new_ages[id(a.person)] = described[0]
    return victims, harms, new_ages


def _with_named_next(doc: Doc, people: People, victims: list[Assessment], others: list[Assessment],
                     unnamed: list[UnnamedVictim], ages: dict[int, Optional[int]]
                     ) -> tuple[list[Assessment], list[Assessment]]:
    """Victims and others after linking described victims to the name in the next sentence."""
    linked = link_next_sentence(doc, people, others, unnamed, ages)
    for a, u in linked:
        a.evidence.append(Evidence(True, u.harm, "described-before", u.token))
    moved = {id(a) for a, _ in linked}
    return victims + [a for a, _ in linked], [a for a in others if id(a) not in moved]


def find_victims(doc: Doc, ctx) -> list[tuple[Assessment, Optional[str], Optional[int]]]:
    """(assessment, harm, age) per victim, in order of first mention."""
    assessed = assess(doc, ctx.people)
    ages = {id(a.person): _age_of(a.person, ctx) for a in assessed}
    victims = [a for a in assessed if is_victim(a)]
    others = [a for a in assessed if not is_victim(a)]
    unnamed = find_unnamed_victims(doc, ctx.people)
    victims, others = _with_named_next(doc, ctx.people, victims, others, unnamed, ages)
    victims, harms, new_ages = link_unnamed(victims, others, unnamed, ages)
    victims.sort(key=lambda a: a.person.first_mention.start)
    out = []
    for a in victims:
        key = id(a.person)
        harm = harms.get(key) or harm_of(a.evidence) or "harmed"
        described = new_ages.get(key)
        out.append((a, harm, ages.get(key) or (described.age if described else None)))
    return out


def described_victim_ages(doc: Doc, people: People, stated: dict[int, int]) -> list[tuple[Person, UnnamedVictim]]:
    """Ages that only a description gives: the story's single named victim and 'a
    17-year-old boy was shot dead' (``stated``: the ages already found, by person id)."""
    assessed = assess(doc, people)
    ages = {id(a.person): stated.get(id(a.person)) for a in assessed}
    victims = [a for a in assessed if is_victim(a)]
    others = [a for a in assessed if not is_victim(a)]
    unnamed = find_unnamed_victims(doc, people)
    victims, others = _with_named_next(doc, people, victims, others, unnamed, ages)
    _, _, new_ages = link_unnamed(victims, others, unnamed, ages)
    by_id = {id(a.person): a.person for a in assessed}
    return [(by_id[key], u) for key, u in new_ages.items() if u.age_tokens is not None]


def extract(doc: Doc, ctx) -> Iterator[Victim]:
    """Yield one Victim per named person the story reports as harmed."""
    for a, harm, age in find_victims(doc, ctx):
        rules = sorted({e.rule for e in a.evidence if e.victim}) or ["described-victim"]
        yield Victim(name=a.person.name, age=age, harm=harm, mentions=_mention_records(a.person),
                     rule=",".join(rules))
