# A real-world-shaped rulebook made by openpyxl, and a snapshot of any workbook as openpyxl reads it (JSON on stdout).
# usage: openpyxl-workbooks.py make <out.xlsx> <sheets.json> <chart|nochart>
#        openpyxl-workbooks.py dressed <out.xlsx> <sheets.json>
#        openpyxl-workbooks.py named <out.xlsx> <sheets.json>
#        openpyxl-workbooks.py tabled <out.xlsx> <sheets.json>
#        openpyxl-workbooks.py snapshot <file.xlsx>
import json
import sys

import openpyxl
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.datavalidation import DataValidation


def workbook_of(sheets_file):
    """A workbook holding the sheets of a JSON file ({name: rows}), in its order."""
    with open(sheets_file, encoding="utf-8") as f:
        sheets = json.load(f)
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    return wb


def make(out, sheets_file, chart):
    wb = workbook_of(sheets_file)
    rules = wb["Rules"]
    for cell in rules[1]:
        cell.font = Font(bold=True, color="FFFFFFFF")
        cell.fill = PatternFill("solid", fgColor="FF305496")
    rules["B2"].comment = Comment("Ask Dana before changing this rule", "Dana")
    rules.column_dimensions["B"].width = 42

    inv = wb.create_sheet("Inventory")
    inv.append(["Team", "Buckets", "Share", "Link", "Tier"])
    inv.append(["Payments", 12, None, None, "Gold"])
    inv.append(["Search", 30, None, None, "Silver"])
    inv.append(["Ledger", 8, None, None, "Bronze"])
    for r in range(2, 5):
        inv.cell(r, 3).value = f"=B{r}/SUM($B$2:$B$4)"
        inv.cell(r, 3).number_format = "0.0%"
    inv["A6"] = "Total"
    inv["B6"] = "=SUM(B2:B4)"
    inv["B6"].font = Font(bold=True, italic=True, color="FFC00000")
    inv["D2"] = "runbook"
    inv["D2"].hyperlink = "https://wiki.example.com/payments"
    inv["D3"] = "search"
    inv["D3"].hyperlink = "https://wiki.example.com/search"
    inv["A7"] = "#DIV/0!"
    inv["A8"] = "Reviewed quarterly by the platform team"
    inv.merge_cells("A8:E8")
    inv["A8"].alignment = Alignment(horizontal="center", wrap_text=True)
    inv["A1"].comment = Comment("Teams from the CMDB export", "Ops")
    tiers = DataValidation(type="list", formula1='"Gold,Silver,Bronze"', allow_blank=True)
    tiers.add("E2:E50")
    inv.add_data_validation(tiers)
    whole = DataValidation(type="whole", operator="between", formula1="0", formula2="1000", errorStyle="warning")
    whole.add("B2:B1048576")
    inv.add_data_validation(whole)
    if chart:
        bar = BarChart()
        bar.title = "Buckets per team"
        bar.add_data(Reference(inv, min_col=2, min_row=1, max_row=4), titles_from_data=True)
        bar.set_categories(Reference(inv, min_col=1, min_row=2, max_row=4))
        inv.add_chart(bar, "G2")

    lookups = wb.create_sheet("Lookups")
    lookups.append(["Tier"])
    for t in ["Gold", "Silver", "Bronze"]:
        lookups.append([t])
    lookups.sheet_state = "hidden"

    locked = wb.create_sheet("Locked")
    locked["A1"] = "Do not edit"
    locked["A1"].fill = PatternFill("solid", fgColor="FFFFFF00")
    locked.protection.sheet = True
    locked.protection.password = "audit"
    wb.save(out)


def dressed(out, sheets_file):
    """Rules and Resources both formatted as people format them: the Resources sheet a run keeps byte for byte,
    the Rules sheet it rewrites through ExcelJS; each with formats the other lacks, so their numbers differ."""
    wb = workbook_of(sheets_file)
    res = wb["Resources"]
    thin = Side(style="thin", color="FF808080")
    for cell in res[1]:
        cell.font = Font(bold=True, name="Arial", sz=12, color="FF1F3864")
        cell.fill = PatternFill("solid", fgColor="FFD9E1F2")
        cell.border = Border(bottom=thin)
    res["C2"].font = Font(italic=True, color="FF00B050")
    res["D3"].fill = PatternFill("solid", fgColor="FFFFC7CE")
    res["I1"] = "Cost"
    res["J1"] = "Reviewed"
    res["I2"] = 1234.5
    res["I2"].number_format = '#,##0.00 "EUR"'
    res["I3"] = 0.25
    res["I3"].number_format = "0.0%"
    res["J2"] = "=TODAY()"
    res["J2"].number_format = "yyyy-mm-dd"
    res["A8"] = "Exported from the CMDB"
    res["A8"].alignment = Alignment(horizontal="center", wrap_text=True)
    res.merge_cells("A8:D8")
    res.freeze_panes = "B2"
    res.column_dimensions["C"].width = 33
    res.conditional_formatting.add(
        "G2:G5",
        CellIsRule(operator="equal", formula=['"Suspended"'], fill=PatternFill("solid", bgColor="FFFFEB9C")),
    )
    tiers = DataValidation(type="list", formula1='"Finance,HR,Sales"', allow_blank=True)
    tiers.add("E2:E50")
    res.add_data_validation(tiers)

    rules = wb["Rules"]
    for cell in rules[1]:
        cell.font = Font(bold=True, color="FFFFFFFF")
        cell.fill = PatternFill("solid", fgColor="FF305496")
    rules["B3"].number_format = "@"
    rules["G2"].font = Font(bold=True, color="FFC00000")
    rules.column_dimensions["B"].width = 42
    rules.conditional_formatting.add(
        "G2:G5",
        CellIsRule(operator="equal", formula=['"Critical"'], font=Font(bold=True, color="FF9C0006")),
    )
    wb.save(out)


def named(out, sheets_file):
    """Print areas and titles on Rules and Resources, and a name of the whole workbook, as openpyxl writes them."""
    from openpyxl.workbook.defined_name import DefinedName

    wb = workbook_of(sheets_file)
    for name, area in (("Rules", "A1:J5"), ("Resources", "A1:E5")):
        wb[name].print_area = area
        wb[name].print_title_rows = "1:1"
    wb.defined_names.append(DefinedName("Owner_List", attr_text="Owners!$A$2:$A$10"))
    wb.save(out)


def tabled(out, sheets_file):
    """The Resources sheet formatted as an Excel table (Format as Table) with a link in it, beside a user sheet
    holding a table of its own: the first a run keeps byte for byte, the second ExcelJS rewrites."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.table import Table, TableStyleInfo

    wb = workbook_of(sheets_file)
    res = wb["Resources"]
    res["B2"].hyperlink = "https://console.example.com/buckets/b2"
    res["B2"].style = "Hyperlink"
    table = Table(displayName="Inventory", ref=f"A1:{get_column_letter(res.max_column)}{res.max_row}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium9", showRowStripes=True)
    res.add_table(table)
    teams = wb.create_sheet("Teams")
    for row in (["Team", "Lead"], ["Payments", "Ana"], ["Search", "Bo"]):
        teams.append(row)
    teams.add_table(Table(displayName="Teams", ref="A1:B3"))
    wb.save(out)


def colour(c):
    return None if c is None else str(c.rgb) if c.type == "rgb" else f"{c.type}:{c.value}"


def snapshot(file):
    wb = openpyxl.load_workbook(file)
    out = []
    for ws in wb.worksheets:
        cells = {}
        for row in ws.iter_rows():
            for c in row:
                if c.value is None and c.comment is None and c.hyperlink is None and not c.has_style:
                    continue
                v = c.value
                cells[c.coordinate] = {
                    "value": v if v is None or isinstance(v, (str, int, float, bool)) else str(v),
                    "font": [c.font.b, c.font.i, colour(c.font.color), c.font.name, c.font.sz],
                    "border": [c.border.bottom.style, colour(c.border.bottom.color)],
                    "fill": [c.fill.fill_type, colour(c.fill.fgColor)],
                    "format": c.number_format,
                    "align": [c.alignment.horizontal, c.alignment.wrap_text],
                    "comment": c.comment.text if c.comment else None,
                    "link": c.hyperlink.target if c.hyperlink else None,
                }
        out.append(
            {
                "name": ws.title,
                "state": ws.sheet_state,
                "protected": bool(ws.protection.sheet),
                "merges": sorted(str(m) for m in ws.merged_cells.ranges),
                "validations": sorted(
                    [str(dv.sqref), dv.type, dv.operator, dv.formula1, dv.formula2, dv.errorStyle]
                    for dv in ws.data_validations.dataValidation
                ),
                "charts": [type(ch).__name__ for ch in ws._charts],
                "tables": sorted(
                    [t.displayName, t.ref, t.tableStyleInfo.name if t.tableStyleInfo else None]
                    for t in ws.tables.values()
                ),
                "freeze": ws.freeze_panes,
                "conditional": sorted(
                    [
                        str(cf.sqref),
                        rule.type,
                        rule.operator,
                        rule.formula,
                        None if rule.dxf is None else [
                            None if rule.dxf.font is None else [rule.dxf.font.b, colour(rule.dxf.font.color)],
                            None if rule.dxf.fill is None else [colour(rule.dxf.fill.bgColor), colour(rule.dxf.fill.fgColor)],
                        ],
                    ]
                    for cf in ws.conditional_formatting
                    for rule in cf.rules
                ),
                "widths": {k: d.width for k, d in ws.column_dimensions.items() if d.customWidth},
                "cells": cells,
            }
        )
    print(json.dumps(out, default=str))


if __name__ == "__main__":
    if sys.argv[1] == "make":
        make(sys.argv[2], sys.argv[3], sys.argv[4] == "chart")
    elif sys.argv[1] == "dressed":
        dressed(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "named":
        named(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "tabled":
        tabled(sys.argv[2], sys.argv[3])
    else:
        snapshot(sys.argv[2])
