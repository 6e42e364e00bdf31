"""Allowed values of the enumerated fields, as stored and as written in the
exchange workbook (`spec/exchange.md`), with their Dutch labels for the UI."""

ROLES = ("vrijwilliger", "teamleider", "beheerder")
GENDERS = ("m", "v", "x")
# How the codes read in a form or on a client's page.
GENDER_LABELS = {"m": "man", "v": "vrouw", "x": "anders / onbekend"}
INTAKES = ("regulier", "nareiziger", "hervestiger", "zelf", "gva")
DWELLING_TYPES = ("eengezins", "alleenstaande", "kamer")
# A dwelling that is not a regular one (empty: regular).
DWELLING_STATUSES = ("tijdelijk", "sloop", "woningdeling")
CONTACT_KINDS = ("spreekuur", "juridisch", "mb", "intake")
DOSSIER_KINDS = ("gezinshereniging", "naturalisatie", "verlenging", "asiel", "overig")
DOSSIER_OUTCOMES = ("herenigd", "ingewilligd", "afgewezen", "ingetrokken", "overgedragen")
TRAJECTORY_KINDS = ("mb-jaar-1", "mb-jaar-2", "zelfmelder")
COUPLING_RESULTS = ("afgerond", "gestopt", "ingetrokken")
VOLUNTEER_KINDS = ("vrijwilliger", "stagiair", "betaald")
YEAR_FIGURE_MODES = ("invoer", "vervangt", "naast")

# The topic list a new database starts with (spec/exchange.md).
DEFAULT_TOPICS = (
    "financiën", "brieven", "huisvesting", "gezondheid", "werk", "onderwijs",
    "inburgering", "toeslagen", "belastingen", "schulden", "gezinshereniging",
    "naturalisatie", "verblijfsvergunning", "reisdocumenten", "asielprocedure",
    "terugkeer", "overig",
)

# The coupling programmes a new location gets; a location can add its own.
DEFAULT_PROGRAMMES = (("wegwijs", "Wegwijs"), ("taalcoach", "Taalcoach"))

# The team whose volunteers the organisatie section counts by default.
DEFAULT_ORGANISATION_TEAM = "mb-juridisch"
