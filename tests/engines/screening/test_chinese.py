from bienphong.engines.screening import chinese


def test_tables_from_libraries() -> None:
    assert "wang" in chinese.hanviet_table()["vuong"]
    assert "xiao" in chinese.hanviet_table()["tieu"]
    assert chinese.wade_giles_table()["hsiao"] == frozenset({"xiao"})
    assert "zhang" in chinese.wade_giles_table()["chang"]
    assert "wang" in chinese.cantonese_table()["wong"]
    assert "chen" in chinese.cantonese_table()["chan"]
    assert chinese.char_hanviet("王") == "Vương"


def test_jyutping_to_hk() -> None:
    assert "cheung" in chinese.jyutping_to_hk("zoeng1")
    assert "wong" in chinese.jyutping_to_hk("wong4")
    assert "ng" in chinese.jyutping_to_hk("ng4")


def test_segment() -> None:
    assert chinese.segment("xiaoming") == ("xiao", "ming")
    assert chinese.segment("guoqiang") == ("guo", "qiang")
    assert chinese.segment("nguyen") == ("nguyen",)
    assert chinese.segment("chiang") == ("chiang",)  # a Wade-Giles syllable
    assert chinese.segment("pierre") == ("pierre",)
