"""The year report "<Locatie>: <jaar> in cijfers" (Qt-free).

API (used by the CLI and the Report screen)::

    figures = compute_figures(db_or_session, location_id, year, with_previous=True)
    figures.get("spreekuur.contacten")                       # 552; figures.rows() for all
    compute_figures(db, location_id, year, keys={"huisvesting.saldo"})  # only what it needs
    report  = make_report(db, location_id, year)            # -> Report
    report.missing                                           # typed-in figures it lacks
    build_report_pdf(db, location_id, year, "out.pdf")       # path or binary file
    export_figures_xlsx(figures, "out.xlsx")                 # every figure + definition

`make_report` and `build_report_pdf` take optional `template=` and `texts=`
to show unsaved edits (the screen's live preview).

Modules: `registry` (every figure: its key, Dutch definition, what it counts
and the parameters it takes), `subjects` (what figures count: the record
kinds, their filters, date roles and aggregates), `params` (how parameter
values are written; requests), `sql` (one aggregate statement per group of
requests), `figures` (the engine: requests, typed-in figures, overrides,
derived figures), `filtered` (requests added while a template is edited),
`groups` (ranked lists), `dutch` (number words, lists), `placeholders`
(reading placeholders), `formats` (how a value is written), `checks`
(Dutch messages for what is wrong), `filling` (filling in), `missing`
(typed-in figures a report lacks), `template` (the per-location template
and rendering it), `standard` (the
standard template, from `standaard.toml`), `template_file` (the template as
a TOML file), `store` (loading/saving prose and templates), `charts`
(ReportLab graphics), `pdf` (the ReportLab document), `html` (the preview
without QtPdf), `export` (.xlsx).
ReportLab and openpyxl are imported only when a PDF or workbook is made.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, BinaryIO

from vwdesk.core import models as m
from vwdesk.core.db import Database
from vwdesk.report.figures import Figures, compute_figures
from vwdesk.report.missing import MissingFigure, missing_figures
from vwdesk.report.template import RenderedReport, render

__all__ = ["Figures", "MissingFigure", "Report", "build_report_pdf", "compute_figures",
           "export_figures_xlsx", "make_report", "missing_figures"]


@dataclass
class Report:
    rendered: RenderedReport
    figures: Figures
    cover_photo: bytes | None
    # Typed-in figures the report lacks (their sentences are left out).
    missing: list[MissingFigure] = field(default_factory=list)

    def write_pdf(self, out: str | BinaryIO) -> None:
        from vwdesk.report.pdf import write_pdf

        write_pdf(self.rendered, self.figures, out, self.cover_photo)


def make_report(db: Database, location_id: int, year: int, *,
                template: dict[str, Any] | None = None,
                texts: dict[str, str] | None = None) -> Report:
    """Figures, template and prose of a location-year, filled in."""
    from vwdesk.report.charts import has_data
    from vwdesk.report.store import kept_at, load_template, load_texts
    from vwdesk.report.template import compare_keys, requests_in

    with db.session() as s:
        if template is None:
            template = load_template(s, location_id)
        if texts is None:
            texts = load_texts(s, location_id, year)
        photo = s.get(m.Location, location_id).cover_photo
        kept = kept_at(s, location_id)
        figures = compute_figures(s, location_id, year,
                                  with_previous=compare_keys(template, texts) or False,
                                  requests=requests_in(template, texts))
    return Report(render(template, figures, texts, has_data), figures, photo,
                  missing_figures(template, texts, figures, kept))


def build_report_pdf(db: Database, location_id: int, year: int, out: str | BinaryIO, *,
                     template: dict[str, Any] | None = None,
                     texts: dict[str, str] | None = None) -> Report:
    report = make_report(db, location_id, year, template=template, texts=texts)
    report.write_pdf(out)
    return report


def export_figures_xlsx(figures: Figures, out: str | BinaryIO) -> None:
    from vwdesk.report.export import write_xlsx

    write_xlsx(figures, out)
