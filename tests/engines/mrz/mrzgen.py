"""Build MRZs with correct check digits for the tests."""

from __future__ import annotations

from bienphong.engines.mrz.checkdigits import check_char


def pad(value: str, width: int) -> str:
    assert len(value) <= width, (value, width)
    return value + "<" * (width - len(value))


def name_field(surname: str, given: str, width: int) -> str:
    raw = surname.replace(" ", "<") + ("<<" + given.replace(" ", "<") if given else "")
    return pad(raw[:width], width)


def td1(
    number: str = "D23145890",
    birth: str = "740812",
    expiry: str = "340415",
    *,
    code: str = "I<",
    state: str = "UTO",
    nationality: str = "UTO",
    sex: str = "F",
    optional: str = "",
    optional2: str = "",
    surname: str = "ERIKSSON",
    given: str = "ANNA MARIA",
) -> str:
    if len(number) > 9:
        head = number[:9] + "<" + pad(number[9:] + check_char(number) + "<" + optional, 15)
    else:
        head = pad(number, 9) + check_char(pad(number, 9)) + pad(optional, 15)
    line1 = code + pad(state, 3) + head
    part = birth + check_char(birth) + sex + expiry + check_char(expiry)
    line2 = part + pad(nationality, 3) + pad(optional2, 11)
    composite = line1[5:30] + line2[0:7] + line2[8:15] + line2[18:29]
    line2 += check_char(composite)
    return "\n".join([line1, line2, name_field(surname, given, 30)])


def _line2(number: str, nationality: str, birth: str, sex: str, expiry: str) -> str:
    return (
        pad(number, 9)
        + check_char(pad(number, 9))
        + pad(nationality, 3)
        + birth
        + check_char(birth)
        + sex
        + expiry
        + check_char(expiry)
    )


def td2(
    number: str = "D23145890",
    birth: str = "740812",
    expiry: str = "340415",
    *,
    code: str = "I<",
    state: str = "UTO",
    nationality: str = "UTO",
    sex: str = "F",
    optional: str = "",
    surname: str = "ERIKSSON",
    given: str = "ANNA MARIA",
) -> str:
    line1 = code + pad(state, 3) + name_field(surname, given, 31)
    if len(number) > 9:
        line2 = _line2(number[:9], nationality, birth, sex, expiry)
        line2 = line2[:9] + "<" + line2[10:]
        line2 += pad(number[9:] + check_char(number) + "<" + optional, 7)[:7]
    else:
        line2 = _line2(number, nationality, birth, sex, expiry) + pad(optional, 7)
    line2 += check_char(line2[0:10] + line2[13:20] + line2[21:35])
    return line1 + "\n" + line2


def td3(
    number: str = "L898902C3",
    birth: str = "740812",
    expiry: str = "340415",
    *,
    code: str = "P<",
    state: str = "UTO",
    nationality: str = "UTO",
    sex: str = "F",
    optional: str = "ZE184226B",
    optional_check: str | None = None,
    surname: str = "ERIKSSON",
    given: str = "ANNA MARIA",
) -> str:
    line1 = code + pad(state, 3) + name_field(surname, given, 39)
    opt = pad(optional, 14)
    line2 = _line2(number, nationality, birth, sex, expiry) + opt
    line2 += optional_check if optional_check is not None else check_char(opt)
    line2 += check_char(line2[0:10] + line2[13:20] + line2[21:43])
    return line1 + "\n" + line2


def visa(
    width: int = 44,
    number: str = "L8988901C",
    birth: str = "400907",
    expiry: str = "361210",
    *,
    state: str = "UTO",
    nationality: str = "XXX",
    sex: str = "F",
    optional: str = "",
    surname: str = "ERIKSSON",
    given: str = "ANNA MARIA",
) -> str:
    line1 = "V<" + pad(state, 3) + name_field(surname, given, width - 5)
    line2 = _line2(number, nationality, birth, sex, expiry) + pad(optional, width - 28)
    return line1 + "\n" + line2


def fra_cni(
    number: str = "880692310285",
    surname: str = "BERTHIER",
    given: str = "CORINNE",
    birth: str = "650705",
    sex: str = "F",
    office: str = "692031",
) -> str:
    line1 = "IDFRA" + pad(surname, 25) + office
    line2 = number + check_char(number) + pad(given.replace(" ", "<<"), 14)
    line2 += birth + check_char(birth) + sex
    line2 += check_char(line1 + line2)
    return line1 + "\n" + line2


def set_char(mrz: str, line: int, col: int, ch: str) -> str:
    """Replace the character at 1-based line/column."""
    lines = mrz.split("\n")
    row = lines[line - 1]
    lines[line - 1] = row[: col - 1] + ch + row[col:]
    return "\n".join(lines)
