"""argparse in Dutch: its own words in `--help` and its error messages.

argparse marks its words for gettext, but gettext picks the catalogue by the
environment's language (LANGUAGE, LC_ALL, LANG), which a Windows PC does not
set; vwdesk's command line is Dutch on every PC. So the help uses argparse's
own hooks: a HelpFormatter for "usage:", Dutch titles for the two default
groups, and our own -h/--help. An error message reaches `error()` already
filled in, so it is translated there from a catalogue of argparse's message
ids (the same ids a gettext catalogue would hold), filled in again with the
Dutch text.
"""

from __future__ import annotations

import argparse
import re

EXIT_USER_ERROR = 2

USAGE_PREFIX = "gebruik: "
POSITIONALS_TITLE = "argumenten"
OPTIONALS_TITLE = "opties"
HELP_TEXT = "toon deze hulp en stop"

# argparse's messages a user can cause (message id -> Dutch), from
# argparse.py of Python 3.11-3.13, with its %r written as %s: the filled-in parts.
_MESSAGES = {
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "invalid choice: %(value)s (choose from %(choices)s)":
        "ongeldige keuze: %(value)s (kies uit %(choices)s)",
    "invalid %(type)s value: %(value)s": "ongeldige waarde (%(type)s): %(value)s",
    "expected one argument": "verwacht één waarde",
    "expected at most one argument": "verwacht hoogstens één waarde",
    "expected at least one argument": "verwacht minstens één waarde",
    "expected %s argument": "verwacht %s waarde",
    "expected %s arguments": "verwacht %s waarden",
    "ambiguous option: %(option)s could match %(matches)s":
        "onduidelijke optie: %(option)s kan %(matches)s zijn",
    "not allowed with argument %s": "niet samen met argument %s",
    "one of the arguments %s is required": "een van deze argumenten is nodig: %s",
    "ignored explicit argument %s": "waarde genegeerd: %s",
    "unexpected option string: %s": "onverwachte optie: %s",
}
# The nested one: an argument's message is itself one of the above.
_NESTED = "message"


def _numbered(text: str) -> str:
    """'%s' -> '%(_0)s', '%(_1)s', ... so every filled-in part has a name."""
    counter = iter(range(100))
    return re.sub(r"%[sr]", lambda _m: f"%(_{next(counter)})s", text)


def _pattern(msgid: str) -> re.Pattern[str]:
    pieces = re.split(r"%\((\w+)\)s", _numbered(msgid))
    regex = "".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.+?)" for i, p in enumerate(pieces))
    return re.compile(regex + r"\Z", re.DOTALL)


_CATALOGUE = [(_pattern(msgid), _numbered(dutch)) for msgid, dutch in _MESSAGES.items()]


def translate(message: str) -> str:
    """argparse's English `message` in Dutch (unchanged if it is none of its
    own, e.g. a message of our own argument types, already Dutch)."""
    for pattern, dutch in _CATALOGUE:
        match = pattern.match(message)
        if match is not None:
            values = match.groupdict()
            if _NESTED in values:
                values[_NESTED] = translate(values[_NESTED])
            return dutch % values
    return message


class DutchHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # noqa: D102 - argparse's API
        super().add_usage(usage, actions, groups, USAGE_PREFIX if prefix is None else prefix)


class DutchArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose help and errors are Dutch; an error is one line
    on stderr with exit status 2."""

    def __init__(self, *args, add_help: bool = True, **kwargs) -> None:
        kwargs.setdefault("formatter_class", DutchHelpFormatter)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = POSITIONALS_TITLE
        self._optionals.title = OPTIONALS_TITLE
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                              help=HELP_TEXT)

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USER_ERROR, f"vwdesk: {translate(message)}. Zie `vwdesk --help`.\n")
