import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from bienphong.engines.screening.keys import analyse, phonetic
from bienphong.engines.screening.normalise import fold, has_marks, mrz_to_text, raw_tokens


def test_fold_diacritics_and_d() -> None:
    assert fold("Nguyễn") == "nguyen"
    assert fold("Đặng") == fold("Ðặng") == fold("DANG") == "dang"
    assert fold(unicodedata.normalize("NFD", "Hương")) == "huong"
    assert fold("Ch'en") == "chen"
    assert fold("TH1EN") == "thien"  # OCR: 1 -> i


def test_mrz_and_tokens() -> None:
    assert mrz_to_text("NGUYEN<<VAN<AN<<<<") == "NGUYEN VAN AN"
    assert [t for t, _ in raw_tokens("NGUYEN<<VAN<AN")] == ["NGUYEN", "VAN", "AN"]
    assert raw_tokens("王小明") == [("王", True), ("小", True), ("明", True)]
    assert has_marks("Văn") and not has_marks("Van")


def test_analyse_groups() -> None:
    keys, groups, raws = analyse("Wáng Xiǎomíng")
    assert keys == ["wang", "xiao", "ming"] and groups == [0, 1, 1]
    keys, groups, raws = analyse("王小明")
    assert groups == [0, 1, 1] and raws == ["王", "小明"]
    assert analyse("Pierre")[0] == ["pierre"]  # not split into pinyin
    assert analyse("Nguyen Quang")[0] == ["nguyen", "quang"]


def test_phonetic_transliterations() -> None:
    assert phonetic("aleksandr") == phonetic("alexander")
    assert phonetic("mohammed") == phonetic("muhammad") != phonetic("mahmoud")
    assert phonetic("park") == phonetic("pak") == phonetic("bak")
    assert phonetic("lee") == phonetic("yi") == phonetic("rhee")


@given(st.text(max_size=40))
def test_fold_is_ascii_and_idempotent(s: str) -> None:
    f = fold(s)
    assert f.isascii()
    assert fold(f) == f


@given(st.text(max_size=40))
def test_analyse_never_fails(s: str) -> None:
    keys, groups, raws = analyse(s)
    assert len(keys) == len(groups)
    assert all(0 <= g < len(raws) for g in groups)
