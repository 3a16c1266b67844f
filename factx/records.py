"""Pydantic models of the factx record (see SPEC.md, "The record").

Field names are the contract with users: add fields freely, never rename or drop one.
"""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1"

Harm = Literal["killed", "injured", "harmed"]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(Record):
    """A stretch of the article text: ``text[start:end] == surface``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Victim(Record):
    name: str
    age: Optional[int] = None
    harm: Optional[Harm] = None
    mentions: list[Span] = Field(default_factory=list)
    rule: Optional[str] = Field(default=None, description="which rule found this victim")


class Age(Record):
    name: str
    age: int
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str = Field(description="the age expression as written")


class DateFact(Record):
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    value: Optional[str] = None
    type: Literal["DATE", "TIME"] = "DATE"


AgencyKind = Literal[
    "police", "justice", "watchdog", "government", "emergency", "military", "health",
    "international", "other",
]


class Agency(Record):
    name: str
    acronym: Optional[str] = None
    aliases: list[str] = Field(default_factory=list)
    kind: Optional[AgencyKind] = None
    mentions: list[Span] = Field(default_factory=list)


class Quote(Record):
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    direct: bool = True
    speaker: Optional[str] = None
    speaker_start: Optional[int] = None
    speaker_end: Optional[int] = None


class Official(Record):
    name: str
    title: Optional[str] = None
    organization: Optional[str] = None
    quotes: list[int] = Field(default_factory=list, description="indexes into quotes")
    mentions: list[Span] = Field(default_factory=list)


class ArticleFacts(Record):
    schema_version: str = SCHEMA_VERSION
    source: str
    reference_date: Optional[str] = None
    reference_date_source: Optional[Literal["option", "article"]] = None
    victims: list[Victim] = Field(default_factory=list)
    ages: list[Age] = Field(default_factory=list)
    dates: list[DateFact] = Field(default_factory=list)
    agencies: list[Agency] = Field(default_factory=list)
    officials: list[Official] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)


def json_schema() -> dict:
    """The JSON Schema of one output record."""
    return ArticleFacts.model_json_schema(mode="serialization")
