"""A source's address opens the host it shows: read as a browser reads it (see weburl)."""

from ..docset import walk_strings
from ..problems import Problem, dotted
from ..schema import pattern_matches, pattern_of
from ..weburl import UnsafeAddress, parse_web_address

URL_FIELDS = {"url", "archived_url"}


def check(docs, today):
    well_formed = pattern_of("url")
    for doc in docs.docs:
        for where, text in walk_strings(doc.data):
            if not (where and where[-1] in URL_FIELDS) or not pattern_matches(well_formed, text):
                continue  # the schema words what is wrong with an address of the wrong form
            try:
                parse_web_address(text)
            except UnsafeAddress as unsafe:
                yield Problem(doc.yaml.path, doc.yaml.line(where), dotted(where), f"the address {unsafe.what}", unsafe.fix)
