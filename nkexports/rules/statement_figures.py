"""A statement types no figure: each is [[id]], printed from its record, and each figure of a fact
is stated somewhere, so that a number on a page is always the number in the data."""

from ..dataset import written_observations
from ..problems import Problem, dotted
from ..statements import PLAIN_NUMBER, Figure, Plain, figure_ids, parts, typed_numbers
from ..suggest import did_you_mean

PLACEHOLDER_FIX = ("write the figure as an observation of the fact (or refer to the one that exists) and put "
                   "[[its-id]] here; a number that is no figure (11 member states) is written [[plain:11]]")


def check(docs, today):
    known = {observation.id for _, _, observation in written_observations(docs)}
    stated: set[str] = set()
    for doc in docs.of("category", "partner", "topic"):
        for where, fact in doc.items("facts"):
            statement = fact.get("statement")
            if not isinstance(statement, str):
                continue
            at = where + ("statement",)
            line = doc.yaml.line(at)
            for number in typed_numbers(statement):
                yield Problem(doc.yaml.path, line, dotted(at), f"the number '{number}' is typed into the statement",
                              PLACEHOLDER_FIX)
            for part in parts(statement):
                if isinstance(part, Figure) and part.id not in known:
                    yield Problem(doc.yaml.path, line, dotted(at),
                                  f"[[{part.id}]] names no figure{did_you_mean(part.id, known)}",
                                  "use the id of an observation in a fact or of a series point")
                if isinstance(part, Plain) and not PLAIN_NUMBER.fullmatch(part.number):
                    yield Problem(doc.yaml.path, line, dotted(at), f"[[plain:{part.number}]] holds no plain number",
                                  "write [[plain:]] around digits only, e.g. [[plain:11]]")
            stated.update(figure_ids(statement))
    for doc, where, observation in written_observations(docs):
        if doc.kind.name != "series" and observation.id not in stated:
            yield Problem(doc.yaml.path, doc.yaml.line(where), dotted(where),
                          f"figure '{observation.id}' is given in no statement",
                          f"write [[{observation.id}]] where the statement gives it, or remove the figure")
