"""Issuer profiles: off in strict mode, enabled by name or lenient=True."""

from __future__ import annotations

import datetime as dt

from bienphong.engines.mrz import PROFILES, check_expiry, parse_mrz
from bienphong.engines.mrz.checkdigits import check_char

from .mrzgen import fra_cni, set_char, td1

REF = dt.date(2026, 11, 28)
VNM_SAMPLE = (
    "IDVNM0930470641001093047064<<2\n9301054M3301052VNM<<<<<<<<<<<8\nUNG<<HOANG<HIEP<<<<<<<<<<<<<<<"
)


def codes(items: tuple[object, ...]) -> list[str]:
    return [getattr(i, "code") for i in items]  # noqa: B009


def test_profiles_are_named() -> None:
    assert set(PROFILES) == {"FRA_CNI_1988", "PAK_CNIC", "VNM_CCCD"}


def test_french_id_card_strict_rejects_and_hints() -> None:
    result = parse_mrz(fra_cni(), reference_date=REF)
    assert not result.valid
    assert result.type == "TD2"
    hint = next(w for w in result.warnings if w.code == "profile_available")
    assert "FRA_CNI_1988" in hint.message


def test_french_id_card_with_profile() -> None:
    for kwargs in ({"profiles": ["FRA_CNI_1988"]}, {"lenient": True}):
        result = parse_mrz(fra_cni(given="JEAN PIERRE"), reference_date=REF, **kwargs)  # type: ignore[arg-type]
        assert result.valid, result.errors
        assert result.profile == "FRA_CNI_1988"
        f = result.fields
        assert (f.document_number, f.surname, f.given_names) == (
            "880692310285",
            "BERTHIER",
            "JEAN PIERRE",
        )
        assert (f.birth_date_iso, f.sex, f.expiry_date, f.nationality) == (
            "1965-07-05",
            "F",
            None,
            None,
        )
        assert f.optional_data == "692031"
        assert [c.field for c in result.checks] == ["document_number", "birth_date", "composite"]
        assert "profile_applied" in codes(result.warnings)
        assert check_expiry(result, REF) is not None  # no expiry in this MRZ: unknown


def test_french_id_card_bad_composite_reported_with_profile() -> None:
    text = fra_cni()
    last = text[-1]
    text = text[:-1] + "0123456789"[(int(last) + 1) % 10]
    result = parse_mrz(text, reference_date=REF, profiles=["FRA_CNI_1988"])
    assert result.profile == "FRA_CNI_1988"
    assert [(e.code, e.line, e.start) for e in result.errors] == [("check_digit", 2, 36)]


def _pakistan() -> str:
    line1 = "IDPAK" + "12345678" + check_char("12345678") + "3520212345671<<<"
    line2 = "850101" + check_char("850101") + "M300101" + check_char("300101") + "PAK" + "<" * 11
    icao = check_char(line1[5:30] + line2[0:7] + line2[8:15] + line2[18:29])
    line2 += "0123456789"[(int(icao) + 3) % 10]  # not the ICAO composite
    return "\n".join([line1, line2, "KHAN<<AHMED<<<<<<<<<<<<<<<<<<<"])


def test_pakistan_id_card() -> None:
    assert not parse_mrz(_pakistan(), reference_date=REF).valid
    result = parse_mrz(_pakistan(), reference_date=REF, profiles=("PAK_CNIC",))
    assert result.valid, result.errors
    assert result.fields.document_number == "12345678"
    assert result.fields.optional_data == "3520212345671"
    assert "composite_not_checked" in codes(result.warnings)
    assert "composite" not in [c.field for c in result.checks]


def test_replacing_profile_leaves_valid_icao_documents_alone() -> None:
    text = td1(code="ID", state="PAK", nationality="PAK")
    result = parse_mrz(text, reference_date=REF, lenient=True)
    assert result.valid and result.profile is None


def _vnm(number: str, birth: str = "930105", sex: str = "M", doc: str | None = None) -> str:
    optional = number + "<<" + check_char(number)
    return td1(
        doc or number[3:], birth, "330105", code="ID", state="VNM", nationality="VNM",
        sex=sex, optional=optional, surname="UNG", given="HOANG HIEP",
    )  # fmt: skip


def test_vietnam_cccd_real_shape() -> None:
    assert _vnm("001093047064") == VNM_SAMPLE
    plain = parse_mrz(VNM_SAMPLE, reference_date=REF)
    assert plain.valid and plain.fields.optional_data == "001093047064  2"
    result = parse_mrz(VNM_SAMPLE, reference_date=REF, profiles=["VNM_CCCD"])
    assert result.valid, result.errors
    assert result.profile == "VNM_CCCD"
    assert result.fields.optional_data == "001093047064"
    check = result.checks[-1]
    assert (check.field, check.given, check.computed, check.ok) == ("optional_data", "2", "2", True)


def test_vietnam_cccd_inconsistencies() -> None:
    other_doc = _vnm("001093047064", doc="093047065")
    result = parse_mrz(other_doc, reference_date=REF, profiles=["VNM_CCCD"])
    assert [(e.code, e.line, e.start, e.end) for e in result.errors] == [
        ("profile_mismatch", 1, 16, 27)
    ]
    female_code = parse_mrz(_vnm("001193047064"), reference_date=REF, lenient=True)
    assert [(e.code, e.line, e.start) for e in female_code.errors] == [("profile_mismatch", 2, 8)]
    wrong_year = parse_mrz(_vnm("001094047064"), reference_date=REF, lenient=True)
    assert [(e.code, e.line) for e in wrong_year.errors] == [("profile_mismatch", 2)]
    bad_check = set_char(VNM_SAMPLE, 1, 30, "3")
    result = parse_mrz(bad_check, reference_date=REF, lenient=True)
    assert {c.field for c in result.checks if not c.ok} == {"optional_data", "composite"}


def test_unknown_profile_names_warn() -> None:
    result = parse_mrz(VNM_SAMPLE, reference_date=REF, profiles=["NOPE", 3])  # type: ignore[list-item]
    assert result.valid
    assert codes(result.warnings) == ["unknown_profile", "unknown_profile"]
    single = parse_mrz(VNM_SAMPLE, reference_date=REF, profiles="VNM_CCCD")
    assert single.profile == "VNM_CCCD"
