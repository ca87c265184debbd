"""Reading and validating watchlist files row by row."""

from __future__ import annotations

import io
import json

from openpyxl import Workbook

from bienphong.watchlists.importers import parse_birth, read_rows, validate_row


def rows_of(data: bytes, fmt: str):
    return list(read_rows(io.BytesIO(data), fmt))


def test_csv_with_bom_and_every_error_reported():
    text = (
        "\ufeffreference,full_name,date_of_birth,nationality,sex,instruction,valid_from,valid_until\n"
        "R1,Nguyễn Văn An,1980-05-12,VNM,M,refuse_exit,,\n"
        ",Không Mã,1990,VNM,M,,,\n"
        "R3,Ngày Sai,1980-13-01,Atlantis,Q,teleport,2026-02-30,\n"
        "R4,Hạn Ngược,12/05/1980,Việt Nam,F,,2026-01-01,2025-01-01\n"
    ).encode()
    results = [validate_row(n, raw, "report") for n, raw in rows_of(text, "csv")]
    assert results[0][0].birth == (1980, 5, 12) and results[0][1] == []
    assert [(e.row, e.field) for e in results[1][1]] == [(3, "reference")]
    assert {e.field for e in results[2][1]} == {
        "date_of_birth",
        "nationality",
        "sex",
        "instruction",
        "valid_from",
    }
    assert [e.field for e in results[3][1]] == ["valid_until"]


def test_xlsx_rows():
    book = Workbook()
    sheet = book.active
    sheet.append(["reference", "full_name", "date_of_birth", "aliases"])
    sheet.append(["X1", "Trần Văn Bình", 1975, "TRAN VAN BINH; Tran Binh"])
    sheet.append([None, None, None, None])
    buffer = io.BytesIO()
    book.save(buffer)
    rows = rows_of(buffer.getvalue(), "xlsx")
    assert len(rows) == 1
    row, errors = validate_row(*rows[0], "report")
    assert errors == [] and row.birth == (1975, None, None)
    assert row.aliases == ["TRAN VAN BINH", "Tran Binh"]


def test_followthemoney_person_lines():
    lines = [
        {
            "id": "os-1",
            "schema": "Person",
            "properties": {
                "name": ["Ivan Petrov"],
                "alias": ["Иван Петров"],
                "birthDate": ["1970-02"],
                "nationality": ["ru"],
                "gender": ["male"],
                "passportNumber": ["72 1234567"],
            },
        },
        {"id": "os-2", "schema": "Company", "properties": {"name": ["ACME"]}},
    ]
    data = ("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n{broken\n").encode()
    rows = rows_of(data, "ftm")
    person, errors = validate_row(*rows[0], "report")
    assert errors == []
    assert person.nationality == "RUS" and person.gender == "M"
    assert person.birth == (1970, 2, None) and person.documents == ["721234567"]
    assert rows[1][1] == {"__skip__": True}
    assert validate_row(*rows[2], "report")[1][0].field == "__all__"


def test_partial_birth_dates():
    assert parse_birth("1980") == (1980, None, None)
    assert parse_birth("1980-05") == (1980, 5, None)
    assert parse_birth("1/2/1980") == (1980, 2, 1)
    assert parse_birth("1980-02-30") is None
    assert parse_birth("1800") is None
    assert parse_birth("") == (None, None, None)
