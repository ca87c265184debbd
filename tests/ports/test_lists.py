"""Readers and row validation: every bad row and cell at once, in either language."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.utils import translation
from openpyxl import Workbook

from bienphong.errors import ValidationFailed
from bienphong.ports import lists
from bienphong.ports.lists import CREW, PASSENGER

TODAY = dt.date(2026, 11, 28)

HEADER = "family_name,given_names,rank,nationality,birth_date,sex,doc_type,doc_number,doc_expiry"


def csv_bytes(*lines):
    return ("\n".join([HEADER, *lines]) + "\n").encode("utf-8")


def test_official_name_transliterates_and_keeps_the_original():
    assert lists.official_name("Nguyễn Văn Đức") == "NGUYEN VAN DUC"
    assert lists.official_name("  trần   thị  HOA ") == "TRAN THI HOA"
    assert lists.official_name("王小明") == "WANG XIAO MING"
    assert lists.official_name("O'Brien-Smith") == "O BRIEN SMITH"
    report = lists.validate_rows(
        CREW,
        lists.read_csv(CREW, csv_bytes("Nguyễn,Văn Đức,Thuyền trưởng,VNM,01/02/1970,M,P,C123,")),
        on_date=TODAY,
    )
    assert report.ok, report.errors
    person = report.people[0]
    assert (person["family_name"], person["given_names"]) == ("Nguyễn", "Văn Đức")
    assert person["official_name"] == "NGUYEN VAN DUC"


def test_nationality_codes_and_country_names():
    rows = lists.read_csv(
        CREW,
        csv_bytes(
            "Lê,An,Master,Việt Nam,1970-01-01,M,P,A1,",
            "Park,Ji Hoon,AB,Hàn Quốc,01/01/1980,M,P,A2,",
            "Wang,Ming,OS,CHN,01/01/1980,F,S,A3,",
            "Smith,John,OS,Atlantis,01/01/1980,M,P,A4,",
        ),
    )
    report = lists.validate_rows(CREW, rows, on_date=TODAY)
    assert [p["nationality"] for p in report.people[:3]] == ["VNM", "KOR", "CHN"]
    assert [(e.row, e.column) for e in report.errors] == [(5, "nationality")]


def test_every_bad_row_and_cell_is_reported_at_once():
    rows = lists.read_csv(
        CREW,
        csv_bytes(
            "Lê,An,AB,VNM,31/02/1970,Q,P,A1,01/01/2020",  # not master first, bad date, sex, expired
            "Hoàng,Bình,Master,XX,01/01/1980,M,Z,A 2,",  # bad nationality, doc type
            ",Chưa,OS,VNM,,M,P,A1,",  # no family name, no birth date, duplicate document
        ),
    )
    report = lists.validate_rows(CREW, rows, on_date=TODAY)
    found = {(e.row, e.column) for e in report.errors}
    assert found == {
        (2, "birth_date"),
        (2, "sex"),
        (2, "doc_expiry"),
        (3, "nationality"),
        (3, "doc_type"),
        (3, "rank"),
        (4, "family_name"),
        (4, "birth_date"),
        (4, "doc_number"),
    }
    messages = {(e.row, e.column): e.message for e in report.errors}
    assert messages[(3, "rank")] == str(lists.E_MASTER_FIRST)
    assert messages[(4, "doc_number")] == str(lists.E_DUPLICATE) % {"row": 2}
    with pytest.raises(lists.ListInvalid) as caught:
        report.raise_if_errors()
    assert "crew.2.birth_date" in caught.value.fields


def test_messages_follow_the_language():
    rows = lists.read_csv(CREW, csv_bytes("Lê,An,Master,VNM,1970-01-01,Q,P,A1,"))
    with translation.override("vi"):
        vi = lists.validate_rows(CREW, rows, on_date=TODAY).errors[0].message
    with translation.override("en"):
        en = lists.validate_rows(CREW, rows, on_date=TODAY).errors[0].message
    assert en == "Sex must be M, F or X."
    assert vi != en and "M, F" in vi


def test_semicolon_csv_with_bom_and_template_headers():
    data = lists.template_csv(CREW).decode("utf-8").replace(",", ";").encode("utf-8")
    report = lists.validate_rows(CREW, lists.read_csv(CREW, data), on_date=TODAY)
    assert report.ok and report.people[0]["official_name"] == "NGUYEN VAN AN"


def test_unknown_headers_are_refused():
    with pytest.raises(ValidationFailed) as caught:
        lists.read_csv(CREW, b"foo,bar\n1,2\n")
    assert "file" in caught.value.fields


def test_xlsx_template_round_trip_and_date_cells():
    report = lists.validate_rows(
        PASSENGER, lists.read_xlsx(PASSENGER, lists.template_xlsx(PASSENGER)), on_date=TODAY
    )
    assert report.ok, report.errors
    book = Workbook()
    sheet = book.active
    sheet.append([label for _key, label in lists.CREW_COLUMNS])
    sheet.append(
        [
            "Phạm",
            "Thu",
            "Master",
            "VNM",
            dt.datetime(1981, 3, 4),
            "Quảng Ninh",
            "F",
            "P",
            "B7654321",
            "VNM",
            dt.datetime(2030, 1, 1),
            "",
        ]
    )
    out = io.BytesIO()
    book.save(out)
    report = lists.validate_rows(CREW, lists.read_xlsx(CREW, out.getvalue()), on_date=TODAY)
    assert report.ok, report.errors
    assert report.people[0]["birth_date"] == dt.date(1981, 3, 4)
    assert report.people[0]["row"] == 2


def test_bad_xlsx_is_a_validation_error():
    with pytest.raises(ValidationFailed):
        lists.read_xlsx(CREW, b"not a workbook")


def test_passenger_ports_and_transit():
    rows = lists.rows_from_people(
        PASSENGER,
        [
            {
                "family_name": "Kim",
                "nationality": "KOR",
                "birth_date": "01/01/1990",
                "sex": "F",
                "doc_type": "P",
                "doc_number": "M1",
                "embark_port": "KR PUS",
                "disembark_port": "VNHLG",
                "transit": "Y",
            },
            {
                "family_name": "Lee",
                "nationality": "KOR",
                "birth_date": "01/01/1990",
                "sex": "F",
                "doc_type": "P",
                "doc_number": "M2",
                "embark_port": "Busan KR",
                "transit": "maybe",
            },
        ],
    )
    report = lists.validate_rows(PASSENGER, rows, on_date=TODAY)
    assert report.people[0]["embark_port"] == "KRPUS" and report.people[0]["transit"] is True
    assert {(e.row, e.column) for e in report.errors} == {(2, "embark_port"), (2, "transit")}


PAXLST = """UNA:+.? '
UNB+UNOA:4+AGENT+VNBP+261128:0420+1'
UNH+1+PAXLST:D:05B:UN:IATA'
BGM+250'
NAD+MS+++DAI LY QN'
TDT+20+V123'
LOC+125+CNSHA'
LOC+87+VNCLN'
NAD+FM+++NGUYEN:VAN MINH'
ATT+2++M'
DTM+329:750512'
NAT+2+VNM'
EMP+1+MAS:110:111:MASTER'
DOC+P:110:111+C1000001'
DTM+36:20311231'
LOC+91+VNM'
NAD+FM+++PARK:JI HOON'
ATT+2++M'
DTM+329:19800315'
NAT+2+KOR'
EMP+1+AB:110:111:ABLE SEAMAN'
DOC+P:110:111+M12345678'
DTM+36:301231'
LOC+91+KOR'
NAD+FL+++PASSENGER:NOT CREW'
CNT+41:2'
UNT+25+1'
UNZ+1+1'
"""


def test_paxlst_crew():
    rows = lists.read_upload(CREW, "crew.edi", PAXLST.encode())
    assert [r.values["family_name"] for r in rows] == ["NGUYEN", "PARK"]
    report = lists.validate_rows(CREW, rows, on_date=TODAY)
    assert report.ok, report.errors
    first, second = report.people
    assert first["birth_date"] == dt.date(1975, 5, 12)
    assert first["doc_expiry"] == dt.date(2031, 12, 31)
    assert first["rank"] == "MASTER"
    assert second["nationality"] == "KOR" and second["doc_number"] == "M12345678"
    assert second["doc_expiry"] == dt.date(2030, 12, 31)


def test_paxlst_passengers_only_take_fl():
    rows = lists.read_paxlst(PASSENGER, PAXLST.encode())
    assert [r.values["family_name"] for r in rows] == ["PASSENGER"]


def test_garbage_paxlst_is_a_validation_error():
    with pytest.raises(ValidationFailed):
        lists.read_paxlst(CREW, b"UNB+this is ' not ? closed")


def test_empty_list():
    report = lists.validate_rows(CREW, [], on_date=TODAY)
    assert [e.column for e in report.errors] == ["file"]
