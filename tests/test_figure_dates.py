"""Each figure's days: when it was first published on the site and last changed (from the git history
of the data) and when someone last checked it against its source (a field of the record), in the
downloads and in a table row's citation."""

from __future__ import annotations

import csv
import datetime
import io
import json

from data_history import git
from memory import dataset, figure, page
from nkexports.downloads import download_files
from nkexports.figure_dates import figure_dates
from test_site import REAL


def _day(repo, ref: str) -> str:
    return git(repo, "log", "-1", "--format=%cs", ref)


def test_a_figure_dates_from_the_commit_that_wrote_it_and_the_last_that_changed_it(repo):
    dates = figure_dates(repo)
    base, head = _day(repo, "base"), _day(repo, "head")
    edited = dates["total-exports-kotra-2019"]  # the head changed its amount
    assert (edited.added, edited.changed) == (base, head)
    assert (dates["testland-share-2021"].added, dates["testland-share-2021"].changed) == (head, head)
    untouched = dates["total-exports-kotra-2020"]
    assert (untouched.added, untouched.changed) == (base, base)


def test_no_dates_outside_a_git_checkout(tmp_path):
    (tmp_path / "data").mkdir()
    assert figure_dates(tmp_path) == {}


def test_the_day_a_figure_was_last_checked_is_in_the_downloads():
    data = dataset(page("coal", figure("coal-2020", product="coal", last_verified="2026-01-02"),
                        figure("coal-2019", product="coal", period=2019)))
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(download_files(data, "1")["downloads/observations.csv"]))}
    assert rows["coal-2020"]["last_verified"] == "2026-01-02" and rows["coal-2019"]["last_verified"] == ""


def test_every_figure_of_the_real_site_has_its_days_in_order(real_site):
    today = datetime.date.today().isoformat()
    rows = list(csv.DictReader((real_site / "downloads" / "observations.csv").open(encoding="utf-8", newline="")))
    assert {row["id"] for row in rows} == {o.id for o in REAL.observations}
    for row in rows:
        assert row["first_published"] <= row["last_changed"] <= today, row["id"]
        stated = REAL.observation_by_id[row["id"]].last_verified
        assert row["last_verified"] == (stated or ""), row["id"]


def test_a_rows_citation_carries_the_figures_days(real_site):
    rows = {row["id"]: row for row in csv.DictReader((real_site / "downloads" / "observations.csv").open(encoding="utf-8"))}
    entries = json.loads((real_site / "categories" / "coal" / "figure-citations.json").read_text(encoding="utf-8"))
    html = (real_site / "categories" / "coal" / "index.html").read_text(encoding="utf-8")
    assert entries
    for anchor, entry in entries.items():
        figure_id = html.split(f'data-cite="{anchor}" data-figure="', 1)[1].split('"', 1)[0]
        days = entry["days"]
        assert (days["added"], days["changed"]) == (rows[figure_id]["first_published"], rows[figure_id]["last_changed"])
        assert days["verified"] == (rows[figure_id]["last_verified"] or None)
