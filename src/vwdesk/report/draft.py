"""A year report being edited (Qt-free): the Report screen's state.

`ReportDraft` holds the location's template and one year's prose as saved and
as edited, the messages of what was typed wrong (a sentence with an error is
kept as typed, apart from the template, until it is right), and the figures
computed for the year. It answers what the screen shows — is there anything to
save, which figures must be (re)computed, a sentence filled in, the whole
report — and never touches the database: loading, computing and saving are the
`vwdesk.app` desk's work, run off the GUI thread.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from vwdesk.report import Report
from vwdesk.report.charts import has_data
from vwdesk.report.figures import Figures
from vwdesk.report.template import (
    TypedMark,
    check_text,
    compare_keys,
    placeholders_in,
    render,
    render_sentence,
    requests_in,
    typed_marks,
)


@dataclass(frozen=True)
class Needs:
    """Which figures the draft shows: the filtered ones it asks for, and the
    plain figures it compares with the year before."""

    requests: frozenset[Any]
    previous_keys: frozenset[str]

    def __le__(self, other: Needs) -> bool:
        """Whether figures computed for `other` hold everything these need."""
        return self.requests <= other.requests and self.previous_keys <= other.previous_keys


@dataclass(frozen=True)
class SentenceResult:
    """A sentence as the report would show it: its text (None when it is
    left out) and the figures in it that were typed in."""

    text: str | None
    typed: list[TypedMark]


@dataclass(frozen=True)
class Gap:
    """A typed-in figure the report lacks, as the screen says it: the figure
    in Dutch words (with its parameters), the year it is of, and the
    sections (their indexes) whose sentences are left out for it."""

    words: str
    year: int
    sections: tuple[int, ...]


@dataclass
class ReportDraft:
    location_name: str
    municipalities: list[str]
    saved_template: dict[str, Any]
    cover_photo: bytes | None = None
    editable: bool = True
    programmes: list[str] = field(default_factory=list)  # their keys, for the figure picker
    # What the location keeps of the figures only some keep (`missing.kept_by`);
    # None: not known, every missing figure is said.
    kept: frozenset[str] | None = None
    year: int | None = None
    saved_texts: dict[str, str] = field(default_factory=dict)
    figures: Figures | None = None
    computed_for: Needs | None = None  # what the figures were computed with
    template: dict[str, Any] = field(init=False)
    texts: dict[str, str] = field(init=False, default_factory=dict)
    # Messages of what was typed wrong: a sentence id, or "prose:<section>".
    errors: dict[str, str] = field(init=False, default_factory=dict)
    # A sentence typed with an error in it, kept until it is right.
    drafts: dict[str, str] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.template = copy.deepcopy(self.saved_template)

    # --- the year ---------------------------------------------------------------
    def show_year(self, year: int, texts: dict[str, str]) -> None:
        """Another year's prose (and no figures until they are computed)."""
        self.year = year
        self.saved_texts = dict(texts)
        self.texts = dict(texts)
        self.errors = {k: v for k, v in self.errors.items() if not k.startswith("prose:")}
        self.figures = self.computed_for = None

    def texts_changed(self) -> bool:
        return self.texts != self.saved_texts

    # --- editing ----------------------------------------------------------------
    def sections(self) -> list[dict[str, Any]]:
        return self.template["sections"]

    def item(self, item_id: str) -> dict[str, Any]:
        for section in self.template["sections"]:
            for item in section["items"]:
                if item["id"] == item_id:
                    return item
        raise KeyError(item_id)

    def sentence_text(self, item_id: str) -> str:
        """What the sentence's editor shows: the text with an error as typed."""
        return self.drafts.get(item_id, self.item(item_id).get("text", ""))

    def set_sentence(self, item_id: str, text: str) -> str | None:
        """Reword a sentence; returns the message when the text is wrong (then
        the template keeps the last right text)."""
        message = check_text(text, municipalities=self.municipalities)
        if message:
            self.errors[item_id] = message
            self.drafts[item_id] = text
        else:
            self.errors.pop(item_id, None)
            self.drafts.pop(item_id, None)
            self.item(item_id)["text"] = text
        return message

    def set_prose(self, key: str, text: str) -> str | None:
        """The teamleader's text of one section for the year shown."""
        message = check_text(text, municipalities=self.municipalities)
        if message:
            self.errors["prose:" + key] = message
        else:
            self.errors.pop("prose:" + key, None)
            self.texts[key] = text
        return message

    def set_item_enabled(self, item_id: str, on: bool) -> None:
        self.item(item_id)["enabled"] = on

    def set_section_enabled(self, index: int, on: bool) -> None:
        self.template["sections"][index]["enabled"] = on

    def add_sentence(self, index: int) -> dict[str, Any]:
        """A new, empty sentence at the end of section `index`."""
        section = self.template["sections"][index]
        taken = {i["id"] for sec in self.template["sections"] for i in sec["items"]}
        number = 1
        while f"{section['key']}.eigen{number}" in taken:
            number += 1
        item = {"id": f"{section['key']}.eigen{number}", "kind": "sentence", "text": "",
                "enabled": True, "new_paragraph": True}
        section["items"].append(item)
        return item

    def replace_template(self, template: dict[str, Any]) -> None:
        """A template read from a file replaces the one edited (sentence
        errors and drafts belonged to the old one)."""
        self.template = template
        self.errors = {k: v for k, v in self.errors.items() if k.startswith("prose:")}
        self.drafts = {}

    # --- saving -----------------------------------------------------------------
    def template_changed(self) -> bool:
        return self.template != self.saved_template

    def can_save(self) -> bool:
        return self.editable and not self.errors and (self.template_changed()
                                                      or self.texts_changed())

    def has_unsaved_changes(self) -> bool:
        return self.editable and (self.template_changed() or self.texts_changed()
                                  or bool(self.drafts))

    def changed_texts(self) -> dict[str, str]:
        return {k: t for k, t in self.texts.items() if t != self.saved_texts.get(k, "")}

    def to_save(self) -> tuple[dict[str, Any] | None, dict[str, str]]:
        """A copy of what saving writes: the template when it changed (None
        otherwise) and the texts that changed. Edits made while it is written
        stay unsaved."""
        template = copy.deepcopy(self.template) if self.template_changed() else None
        return template, self.changed_texts()

    def mark_saved(self, year: int, template: dict[str, Any] | None,
                   texts: dict[str, str]) -> None:
        """What `to_save` gave was written for `year`."""
        if template is not None:
            self.saved_template = template
        if year == self.year:
            self.saved_texts = {**self.saved_texts, **texts}

    # --- figures and results ----------------------------------------------------
    def needs(self) -> Needs:
        return Needs(frozenset(requests_in(self.template, self.texts)),
                     frozenset(compare_keys(self.template, self.texts)))

    def set_figures(self, figures: Figures, needs: Needs) -> None:
        """The year's figures, computed for `needs`."""
        self.figures, self.computed_for = figures, needs

    def up_to_date(self) -> bool:
        """Whether the figures hold everything the draft shows."""
        return self.computed_for is not None and self.needs() <= self.computed_for

    def sentence_result(self, item_id: str) -> SentenceResult | None:
        """The sentence filled in; None while its figures are not computed."""
        item = self.item(item_id)
        text = item.get("text", "")
        if self.figures is None or item_id in self.errors:
            return None
        wanted = {p.request for p in placeholders_in(text) if p.request is not None}
        if not wanted <= self.computed_for.requests:
            return None
        return SentenceResult(render_sentence(item, self.figures),
                              typed_marks(text, self.figures))

    def missing(self) -> list[Gap]:
        """The typed-in figures the report lacks (their sentences are left
        out until they are typed in at Jaarcijfers), in the order the report
        uses them; of what only some locations keep, only what this one
        keeps."""
        from vwdesk.report.figure_words import in_words
        from vwdesk.report.missing import missing_figures

        if self.figures is None:
            return []
        section_of = {}
        for index, section in enumerate(self.template["sections"]):
            section_of[section["key"]] = index
            section_of.update((item["id"], index) for item in section["items"])
        return [Gap(in_words(gap.ref.key, gap.ref.params), gap.year,
                    tuple(sorted({section_of[u] for u in gap.used_in if u in section_of})))
                for gap in missing_figures(self.template, self.texts, self.figures, self.kept)]

    def report(self) -> Report:
        """The whole report as it would print now (figures must be in)."""
        if self.figures is None:
            raise ValueError("no figures yet")
        return Report(render(self.template, self.figures, self.texts, has_data), self.figures,
                      self.cover_photo)
