"""Name pools for generated demo data (the watchlist demo and the crossings generator):
common Vietnamese family, middle and given names with their diacritics, and common
Chinese family and given names in pinyin."""

from __future__ import annotations

VN_FAMILY = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Võ", "Phan", "Đặng", "Bùi", "Đỗ", "Hồ",
    "Ngô", "Dương", "Lý", "Đinh", "Lương",
]  # fmt: skip
VN_MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Ngọc", "Quang", "Thanh", "Hữu", "Xuân", "Thu"]
VN_GIVEN = [
    "An", "Bình", "Châu", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hùng", "Hương",
    "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Phong", "Quân", "Sơn", "Tâm", "Thảo",
    "Trang", "Tuấn", "Yến",
]  # fmt: skip
CN_FAMILY = [
    "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun",
    "Ma", "Zhu", "Hu", "Guo", "Lin", "He",
]  # fmt: skip
CN_GIVEN = [
    "Wei", "Fang", "Na", "Xiuying", "Min", "Jing", "Lei", "Qiang", "Jun", "Yang", "Yong",
    "Yan", "Jie", "Tao", "Ming", "Chao", "Hui", "Xiaoming", "Jianguo", "Lihua", "Haiyan",
]  # fmt: skip
