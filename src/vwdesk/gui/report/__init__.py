"""The Report screen: `screen` (year, actions, status), `editor` (a
section's sentences, prose and charts), `preview` (the PDF's own pages).
The state being edited is `vwdesk.report.draft.ReportDraft`, Qt-free."""
