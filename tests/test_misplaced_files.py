"""A page file in another kind's folder is told to move, not to lose the fields of its own kind."""

from __future__ import annotations

import shutil

from helpers import problems_in


def test_a_partner_among_categories_is_told_to_move(fixture_copy):
    shutil.move(fixture_copy / "partners" / "otherland.yaml", fixture_copy / "categories" / "otherland.yaml")
    assert problems_in(fixture_copy) == [
        "data/categories/otherland.yaml:1: (file): this looks like a partner file, not a category file: its fields "
        "are those of partner.schema.json; move it to data/partners/"]


def test_a_category_among_partners_is_told_to_move(fixture_copy):
    shutil.move(fixture_copy / "categories" / "test-cloth.yaml", fixture_copy / "partners" / "test-cloth.yaml")
    (fixture_copy / "partners" / "test-cloth.yaml").write_text(
        (fixture_copy / "partners" / "test-cloth.yaml").read_text().replace("title:", 'hs_codes: ["61"]\ntitle:'))
    assert problems_in(fixture_copy) == [
        "data/partners/test-cloth.yaml:1: (file): this looks like a category file, not a partner file: its fields "
        "are those of category.schema.json; move it to data/categories/"]


def test_a_field_of_no_other_kind_is_still_an_unknown_field(fixture_copy):
    path = fixture_copy / "categories" / "test-cloth.yaml"
    path.write_text(path.read_text().replace("title:", "regoin: Nowhere\ntitle:"))
    [problem] = problems_in(fixture_copy)
    assert problem.startswith("data/categories/test-cloth.yaml:3: regoin: unknown field 'regoin'")
