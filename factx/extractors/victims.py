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

Evidence against: the subject of an active harm verb ("Doe shot Roe"), the agent of a passive
one ("by Doe"), perpetrator nouns ("suspect Doe", "Doe, the gunman"), and being charged,
arrested, convicted ... A person is a victim when the evidence for outweighs the evidence
against, so a suspect killed by police is still a victim. Deaths count only when the sentence
gives no natural cause and the article reports some harm at all (an obituary has no victim).

Known limits: pronouns ("he was shot") are not resolved to names; a victim named only in a
sentence without harm words ("the shooting that claimed Jane Roe") is missed; relatives who
are themselves harmed need their own evidence.
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
    if _fatal(token):
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
    if verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
        group.append(verb.head)
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
        return out  # "the Floyd Mayweather pupil"; a parse across a paragraph break

    def add(victim: bool, harm: Optional[str], rule: str, weak: bool = False) -> None:
        out.append(Evidence(victim, harm, rule, root.i, weak))

    # "identified as Jane Roe": the name plays the role of what was identified
    if role.dep_ == "pobj" and head.lower_ == "as" and head.head.lower_ in lex["identify_verbs"]:
        verb = head.head
        if verb.dep_ in {"acl", "relcl"}:
            role = verb.head
        else:
            role = next((c for c in verb.children if c.dep_ in {"nsubjpass", "nsubj", "dobj"}), role)
        role = _np_role(role)
        head = role.head

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
        if word.lower_ in lex["survivor_nouns"]:
            add(True, "injured", "survivor")
            break

    dep = role.dep_
    if dep in {"nsubjpass", "dobj", "obj", "nsubj", "attr"} and head.pos_ in {"VERB", "AUX"}:
        for verb in _verb_group(head):
            if not _same_line(root, verb):
                continue
            passive = dep == "nsubjpass" or (dep == "nsubj" and _passive_aux(verb))
            reading = _verb_reading(verb, dep if dep != "nsubj" or not passive else "nsubjpass")
            if reading is not None:
                add(*reading)
                break
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

    # "Roe, who was shot" / "Roe, shot in the head," / "Roe, 28, pilot of the plane, who was killed"
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


def _clauses_of(token: Token) -> list[Token]:
    """Relative and participle clauses on a name's phrase, also through its apposition
    and prepositional tail ('Roe, 28, second in command of the plane, who was killed')."""
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
            if word in lex["dead_states"] and _fatal(verb):
                return True, "killed", "pronounced-dead", False
            if word in lex["injury_verbs"] or word in lex["hospital_words"]:
                return True, "injured", "hospitalised", True
            if is_death_verb(verb):
                return True, "killed", "died", True
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
    if harm is not None and not _passive(verb):
        if any(c.dep_ in {"dobj", "obj"} for c in verb.children) or word in {"shot", "stabbed", "attacked", "killed", "murdered"}:
            return False, None, "subject-of-harm-verb", False
    if word in lex["perpetrator_verbs"]:
        return False, None, "pleaded", False
    if is_death_verb(verb):
        return True, "killed", "died", True
    if word in lex["injury_verbs"] and any(
            c.dep_ in {"dobj", "obj"} and c.lower_ in lex["injury_objects"] for c in verb.children):
        return True, "injured", "suffered-injuries", False
    if word in lex["remain_verbs"]:
        ev = _copula_reading(verb)
        if ev is not None:
            return True, ev[0], ev[1], ev[2]
    return None


def _same_line(a: Token, b: Token) -> bool:
    """The parser sometimes links words across a paragraph break; such links are not read."""
    start, end = sorted((a.idx, b.idx))
    return "\n" not in a.doc.text[start:end]


def name_modifies_noun(mention: Span) -> bool:
    """The name is used as a modifier: 'the Ariane Grande concert', 'Mayweather (right) pupil'."""
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
        if child.dep_ == "acomp" and child.lower_ in lex["condition_words"]:
            return "injured", "condition", False
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
        for t in doc
    )


def harm_nearby(doc: Doc, sent: Span) -> bool:
    """A death is a crime's or an accident's when its sentence, or the one before, names
    harm: 'died after being hit', 'was stabbed ... He died in hospital'."""
    lex = lexicon()
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    for t in doc[start:sent.end]:
        if (t.lower_ in lex["verbs"] and verb_harm(t) is not None) or t.lower_ in lex["nouns"] \
                or t.lower_ in lex["injury_objects"] or t.lower_ in lex["victim_nouns"]:
            return True
    return False


def assess(doc: Doc, people: People) -> list[Assessment]:
    """Evidence for and against every named person."""
    harm_context = article_reports_harm(doc)
    out = []
    for person in people:
        a = Assessment(person)
        for mention in person.mentions:
            for ev in read_mention(mention):
                if ev.weak and ev.harm == "killed":
                    sent = doc[ev.token].sent
                    if not harm_context or natural_death_sentence(sent):
                        continue
                    if ev.rule in {"died", "relative-died"} and not harm_nearby(doc, sent):
                        continue  # "her partner had died 18 months ago"
                a.evidence.append(ev)
        out.append(a)
    return out


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


def extract(doc: Doc, ctx) -> Iterator[Victim]:
    """Yield one Victim per named person the story reports as harmed."""
    for a in assess(doc, ctx.people):
        if not is_victim(a):
            continue
        rules = sorted({e.rule for e in a.evidence if e.victim})
        yield Victim(name=a.person.name, age=_age_of(a.person, ctx), harm=harm_of(a.evidence) or "harmed",
                     mentions=_mention_records(a.person), rule=",".join(rules))
