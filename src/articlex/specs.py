"""A product's specification tables: on a product page, the facts beside the description.

Shops print a product's specifications as tables of label/value rows (a
``<th>`` naming the property, a ``<td>`` giving its value), often in a tab of
their own, away from the description that paragraph scoring finds. On a page
about one product, such tables outside the located body join it in page order.
"""

from __future__ import annotations

from lxml import html

from articlex.annex import Joining, annex, overlaps
from articlex.filters import Selection
from articlex.rules.weights import SPEC_TABLE_MIN_ROWS

_RULE = "a table of the product's specifications that the body missed (rows)"


def with_spec_tables(page: Joining) -> Selection:
    """The body's selection with the product's specification tables outside it, in page order."""
    tables = [
        table
        for table in page.tree.iter("table")
        if not overlaps(table, page.body) and _rows(table) >= SPEC_TABLE_MIN_ROWS
    ]
    chosen = set(tables)
    tables = [table for table in tables if not any(a in chosen for a in table.iterancestors("table"))]  # read once
    extras = [(table, _rows(table)) for table in tables]
    return annex(page, extras, rule=_RULE)


def _rows(table: html.HtmlElement) -> int:
    """The rows of ``table`` that pair one label cell (``<th>``) with one value cell (``<td>``)."""
    count = 0
    for row in table.iter("tr"):
        cells = [cell.tag for cell in row if cell.tag in ("th", "td")]
        if cells == ["th", "td"]:
            count += 1
    return count
