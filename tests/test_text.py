from bienphong.text import name_key, strip_diacritics


def test_name_key_ignores_order_diacritics_and_mrz_fillers():
    assert name_key("Nguyễn Văn Đức") == name_key("DUC<<NGUYEN<VAN") == "DUC NGUYEN VAN"
    assert name_key("Ðặng  thị-Hà") == "DANG HA THI"


def test_strip_diacritics_keeps_case():
    assert strip_diacritics("Đồng Văn") == "Dong Van"
