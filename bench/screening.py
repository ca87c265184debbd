"""Screening benchmark: our engine vs a brute-force rapidfuzz baseline.

    uv run python bench/screening.py --sizes 100000,1000000 --seed 1

Generates (fixed seed) a watchlist, ~half Vietnamese, a third Chinese, the rest
Russian/Korean/Arabic/Western, and labelled queries: positives in every variant the
issue lists and negatives (near misses: same name other birth date, similar names,
unlisted travellers). Pinned to one core.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

import pycantonese
import pypinyin
from anyascii import anyascii
from rapidfuzz import fuzz, process, utils
from tqdm import tqdm

from bienphong.engines.screening import build_index, warm
from bienphong.engines.screening.chinese import char_hanviet, jyutping_to_hk

# ---------------------------------------------------------------- name pools
VN_FAMILY = (
    "Nguyễn:38 Trần:11 Lê:9.5 Phạm:7 Hoàng:4 Huỳnh:3 Phan:4.5 Vũ:3 Võ:3 Đặng:2 Bùi:2 Đỗ:1.4 "
    "Hồ:1.3 Ngô:1.3 Dương:1 Lý:0.5 Đinh:0.8 Trương:0.6 Lâm:0.5 Mai:0.5 Cao:0.4 Tô:0.3 Hà:0.4 "
    "Lương:0.4 Tạ:0.3 Đoàn:0.5 Vương:0.2 Quách:0.2 Kiều:0.2 Thái:0.2 La:0.1 Triệu:0.2 Chu:0.2 "
    "Lưu:0.3 Tăng:0.1 Mạc:0.1 Từ:0.1 Phùng:0.2 Khúc:0.05 Âu:0.05 Giáp:0.05 Nông:0.1"
)
VN_MIDDLE_M = "Văn:40 Hữu:6 Đức:8 Minh:6 Quốc:5 Thanh:4 Công:4 Đình:4 Xuân:3 Trọng:2 Mạnh:2 Gia:2"
VN_MIDDLE_F = "Thị:50 Ngọc:6 Thanh:4 Thu:4 Hồng:3 Kim:3 Minh:2 Phương:2 Bảo:2 Mỹ:1 Diệu:1"
VN_GIVEN_M = (
    "An Anh Bảo Bình Cường Công Dũng Dương Đạt Đông Đức Giang Hải Hào Hiếu Hiển Hoà Hoàng Hùng "
    "Huy Hưng Khang Khánh Khoa Khôi Kiên Lâm Long Lộc Luân Minh Nam Nghĩa Nhân Phát Phong Phúc "
    "Phước Quân Quang Quý Sang Sơn Tài Tâm Tân Thái Thành Thắng Thiện Thịnh Thông Tiến Toàn Trí "
    "Trung Tú Tuấn Tùng Vinh Việt Vũ Duy Hiệp Lực Nhật Thuận Tường Vĩnh Cảnh Chiến Định Hậu"
)
VN_GIVEN_F = (
    "An Anh Bích Chi Dung Duyên Giang Hà Hạnh Hằng Hiền Hoa Hoà Huệ Hương Hường Lan Liên Linh "
    "Loan Ly Mai My Nga Ngân Ngọc Nguyệt Nhung Oanh Phương Quyên Quỳnh Thảo Thanh Thoa Thu Thuỷ "
    "Thư Trang Trinh Tuyết Uyên Vân Vy Xuân Yến Hảo Diệp Khuê Lệ Mơ Nhàn Sương Tâm Thắm Trâm"
)
CN_SURNAMES = (
    "王:7 李:7 张:6.8 刘:5.4 陈:4.5 杨:3.1 黄:2.2 赵:2 吴:2 周:1.9 徐:1.3 孙:1.2 马:1.2 朱:1.2 胡:1.1 "  # noqa: E501
    "郭:1 何:0.9 高:0.9 林:0.9 罗:0.9 郑:0.8 梁:0.8 谢:0.6 宋:0.6 唐:0.6 许:0.5 韩:0.5 冯:0.5 "
    "邓:0.5 曹:0.5 彭:0.5 曾:0.4 肖:0.4 田:0.4 董:0.4 袁:0.4 潘:0.4 于:0.4 蒋:0.4 蔡:0.4 余:0.3 "
    "杜:0.3 叶:0.3 程:0.3 苏:0.3 魏:0.3 吕:0.3 丁:0.3 任:0.3 沈:0.3 姚:0.3 卢:0.3 姜:0.3 崔:0.2 "
    "钟:0.2 谭:0.2 陆:0.2 汪:0.2 范:0.2 金:0.2 石:0.2 廖:0.2 贾:0.2 夏:0.2 韦:0.2 方:0.2 白:0.2"
)
CN_GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华文辉建国志红玲飞鹏宇浩凯俊帅晨欣婷雪琳倩晶梅燕"
    "玉萍健斌波宁海龙林峰新春金小东亮晓翔鑫博振家佳嘉子思雨梓怡泽轩宏德成贵福荣生永庆云毅慧丹颖蕾琪昊"
    "天诗悦瑞鸿立安和正光明学智勤彬"
)
RU_FIRST_M = "Александр Дмитрий Сергей Андрей Алексей Максим Иван Михаил Николай Владимир Евгений Юрий Олег Павел Игорь Артём Виктор Григорий"  # noqa: E501
RU_FIRST_F = "Анна Ольга Татьяна Наталья Елена Ирина Светлана Мария Екатерина Юлия Ксения Анастасия Людмила Валентина Дарья"  # noqa: E501
RU_SURNAMES = (
    "Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров Морозов Волков "
    "Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев Макаров Никитин "
    "Захаров Зайцев Соловьёв Борисов Яковлев Григорьев Романов Воробьёв Сергеев Кузьмин Фролов "
    "Александров Дмитриев Королёв Гусев Киселёв Ильин Максимов Поляков Сорокин Виноградов Ковалёв "
    "Белов Медведев Антонов Тарасов Жуков Баранов Филиппов Комаров Давыдов Беляев Герасимов Богданов "  # noqa: E501
    "Осипов Сидоров Матвеев Титов Марков Миронов Крылов Куликов Карпов Власов Мельников Денисов "
    "Щербаков Назаров Калинин Исаев Чернышёв Быков Маслов Родионов Коновалов Лазарев Воронин Климов"
)
KR_SURNAMES = (
    "Kim/Gim Lee/Yi/Rhee/I Park/Pak/Bak Choi/Choe Jung/Jeong/Chung Kang/Gang Cho/Jo Yoon/Yun "
    "Jang/Chang Lim/Im Han Oh/O Seo/Suh Shin/Sin Kwon/Gwon Hwang Ahn/An Song Jeon/Chun/Jun Hong "
    "Moon/Mun Yang Son/Sohn Bae/Pae Baek/Paik/Paek Heo/Hur Yoo/Yu/Ryu Nam Noh/Roh/No"
)
KR_SYLLABLES = (
    "min jun/joon seo/suh yeon/yun/yon ji/chi hoon/hun hyun/hyeon woo/wu young/yeong/yong eun/un "
    "jae/chae sung/seong soo/su hee/hui kyung/kyeong/gyeong ho jin/chin hye won sang dong tae "
    "na ra bin ha chan seok/suk il gi/ki"
)
AR_GIVEN = (
    "Muhammad/Mohammed/Mohamed/Mohammad/Muhammed Ahmad/Ahmed Mahmoud/Mahmud "
    "Hussein/Husain/Hussain/Husayn Hassan/Hasan Ali Omar/Umar Abdullah/Abdallah Khalid/Khaled "
    "Youssef/Yusuf/Yousef Ibrahim/Ebrahim Mustafa/Mostafa Saeed/Said/Sayed Karim/Kareem "
    "Tariq/Tarek/Tareq Hamza/Hamzah Bilal Walid/Waleed Jamal/Gamal Rashid/Rasheed Faisal/Faysal "
    "Fatima/Fatma/Fatimah Aisha/Aicha/Ayesha Maryam/Mariam Zainab/Zeinab Nour/Noor Layla/Leila"
)
AR_FAMILY = (
    "Al-Masri/Almasri/El-Masry Haddad Khoury/Khouri/Khuri Nasser/Nasir/Naser Saleh/Salih Abbas "
    "Hamdan Mansour/Mansur Aziz Rahman/Rehman Qureshi/Kureishi/Qurashi Farouk/Farooq/Faruk "
    "Suleiman/Sulaiman/Soliman Othman/Osman/Uthman Hashemi/Hashimi Darwish/Darwich Jaber/Jabir "
    "Al-Amin/Alamin/El-Amin Bakr/Bakir Shalabi/Chalabi Tamimi/Al-Tamimi"
)
WE_FIRST = (
    "John Michael David James Robert William Thomas Daniel Paul Mark Peter Richard Andrew "
    "Christopher Matthew George Stephen Sarah Emma Anna Maria Laura Julia Sophie Elizabeth "
    "Catherine Anne Claire Hans Jürgen Pierre François José Luis Giovanni Marco Lars Piotr"
)
WE_LAST = (
    "Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Moore Martin Jackson "
    "Thompson White Harris Clark Lewis Robinson Walker Young Allen King Wright Scott Hill Green "
    "Adams Baker Nelson Carter Mitchell Roberts Turner Phillips Campbell Parker Evans Edwards "
    "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Hoffmann Dubois Durand Lefèbvre "
    "Moreau Laurent García Martínez Rodríguez López González Pérez Rossi Russo Ferrari Esposito "
    "Bianchi Romano Jensen Nielsen Hansen Johansson Karlsson Nilsson Kowalski Nowak Horváth "
    "Kovács Nagy O'Brien O'Connor MacDonald"
)


def weighted(spec: str) -> tuple[list[str], list[float]]:
    items = [p.rsplit(":", 1) for p in spec.split()]
    return [i[0] for i in items], [float(i[1]) for i in items]


def zipf(items: list[str], s: float = 0.9) -> tuple[list[str], list[float]]:
    return items, [1 / (r + 1) ** s for r in range(len(items))]


def groups(spec: str) -> list[list[str]]:
    return [g.split("/") for g in spec.split()]


def fold(s: str) -> str:
    s = s.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


# ---------------------------------------------------------------- transliteration
_ICAO = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        [
            "a",
            "b",
            "v",
            "g",
            "d",
            "e",
            "e",
            "zh",
            "z",
            "i",
            "i",
            "k",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "f",
            "kh",
            "ts",
            "ch",
            "sh",
            "shch",
            "ie",
            "y",
            "",
            "e",
            "iu",
            "ia",
        ],
        strict=True,
    )
)
_BGN = dict(_ICAO, е="e", ё="yo", й="y", ъ="", ю="yu", я="ya")


def translit(cyr: str, system: str) -> str:
    out = []
    low = cyr.lower()
    for i, ch in enumerate(low):
        table = _ICAO if system == "icao" else _BGN
        r = table.get(ch, ch)
        if system != "icao" and ch in "её" and (i == 0 or low[i - 1] in "аеёиоуыэюяьъ"):
            r = "ye" if ch == "е" else "yo"
        out.append(r)
    s = "".join(out)
    if system == "popular":
        s = s.replace("ks", "x").replace("iy", "y").replace("yy", "y").replace("ev", "ev")
        s = s.replace("dmitriy", "dmitry").replace("aleksandr", "alexander")
    return s.title()


def cantonese(chars: str) -> list[str]:
    out = []
    for ch in chars:
        trad = _TRAD.get(ch, ch)
        jp = pycantonese.characters_to_jyutping(trad)
        syl = jp[0][1].split()[0] if jp and jp[0][1] else None
        if syl is None:
            return []
        out.append(jyutping_to_hk(syl)[0])
    return out


_TRAD = dict(
    zip(
        "张刘陈杨黄赵吴孙马郭罗郑梁谢许韩冯邓彭叶苏卢钟谭陆贾韦伟丽强军艳杰涛兰华辉建国红玲飞鹏浩凯帅晓东亮翔鑫庆云颖蕾诗鸿学龙宁",
        "張劉陳楊黃趙吳孫馬郭羅鄭梁謝許韓馮鄧彭葉蘇盧鍾譚陸賈韋偉麗強軍艷傑濤蘭華輝建國紅玲飛鵬浩凱帥曉東亮翔鑫慶雲穎蕾詩鴻學龍寧",
        strict=True,
    )
)


def py(chars: str, style: pypinyin.Style = pypinyin.Style.NORMAL) -> list[str]:
    return [s.replace("ü", "u").replace("v", "u") for s in pypinyin.lazy_pinyin(chars, style=style)]


# ---------------------------------------------------------------- people
@dataclass
class Person:
    culture: str
    parts: dict[str, Any]
    dob: tuple[int, int, int]
    gender: str
    nat: str
    key: tuple[Any, ...] = field(default=())


class Gen:
    """Seeded generator of listed people, list entries and labelled queries."""

    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)
        self.vn_fam = weighted(VN_FAMILY)
        self.vn_mid = {"M": weighted(VN_MIDDLE_M), "F": weighted(VN_MIDDLE_F)}
        self.vn_given = {"M": zipf(VN_GIVEN_M.split()), "F": zipf(VN_GIVEN_F.split())}
        self.cn_fam = weighted(CN_SURNAMES)
        self.cn_given = zipf(list(CN_GIVEN), 0.6)
        self.ru_first = {"M": zipf(RU_FIRST_M.split()), "F": zipf(RU_FIRST_F.split())}
        self.ru_sur = zipf(RU_SURNAMES.split(), 0.7)
        self.kr_fam = zipf([str(i) for i in range(len(groups(KR_SURNAMES)))], 1.0)
        self.kr_syl = groups(KR_SYLLABLES)
        self.ar_given = groups(AR_GIVEN)
        self.ar_fam = groups(AR_FAMILY)
        self.we_first = zipf(WE_FIRST.split(), 0.5)
        self.we_last = zipf(WE_LAST.split(), 0.5)

    def pick(self, pool: tuple[list[str], list[float]]) -> str:
        return self.r.choices(pool[0], pool[1])[0]

    def culture(self) -> str:
        x = self.r.random()
        for c, p in (("vn", 0.5), ("cn", 0.83), ("ru", 0.88), ("kr", 0.93), ("ar", 0.97)):
            if x < p:
                return c
        return "we"

    def person(self, culture: str | None = None) -> Person:
        r = self.r
        c = culture or self.culture()
        g = r.choice("MF")
        dob = (r.randint(1945, 2006), r.randint(1, 12), r.randint(1, 28))
        parts: dict[str, Any]
        if c == "vn":
            mid = [self.pick(self.vn_mid[g])] if r.random() < 0.9 else []
            if r.random() < 0.15:
                mid.append(self.pick(self.vn_mid[g]))
            parts = {
                "fam": self.pick(self.vn_fam),
                "mid": mid,
                "given": self.pick(self.vn_given[g]),
            }
        elif c == "cn":
            n = 1 if r.random() < 0.3 else 2
            parts = {
                "fam": self.pick(self.cn_fam),
                "given": "".join(self.pick(self.cn_given) for _ in range(n)),
            }
        elif c == "ru":
            parts = {
                "first": self.pick(self.ru_first[g]),
                "sur": self.pick(self.ru_sur) + ("а" if g == "F" else ""),
            }
        elif c == "kr":
            parts = {
                "fam": int(self.pick(self.kr_fam)),
                "syl": [r.randrange(len(self.kr_syl)) for _ in range(2)],
            }
        elif c == "ar":
            parts = {
                "given": r.randrange(len(self.ar_given)),
                "father": r.randrange(25),
                "fam": r.randrange(len(self.ar_fam)),
            }
        else:
            parts = {"first": self.pick(self.we_first), "last": self.pick(self.we_last)}
        nat = {
            "vn": "VNM",
            "cn": "CHN",
            "ru": "RUS",
            "kr": "KOR",
            "ar": r.choice(["EGY", "SYR", "JOR", "IRQ"]),
            "we": r.choice(["GBR", "DEU", "FRA", "USA", "ITA"]),
        }[c]
        p = Person(c, parts, dob, g, nat)
        p.key = canonical(p)
        return p

    # -- list side
    def entry(self, eid: str, p: Person) -> dict[str, Any]:
        r = self.r
        name = render(p, "list", r)
        aliases = []
        if p.culture == "cn" and r.random() < 0.4:
            aliases.append(p.parts["fam"] + p.parts["given"])
        if p.culture == "ru" and r.random() < 0.3:
            aliases.append(f"{p.parts['sur']} {p.parts['first']}")
        if p.culture == "vn" and r.random() < 0.1:
            aliases.append(fold(render(p, "list", r)).upper())
        y, m, d = p.dob
        x = r.random()
        if x < 0.75:
            dob = f"{y:04d}-{m:02d}-{d:02d}"
        elif x < 0.8:
            dob = f"{y:04d}-{m:02d}"
        elif x < 0.88:
            dob = f"{y:04d}"
        elif x < 0.95:
            dob = f"{y:04d}-01-01"
        else:
            dob = ""
        return {
            "id": eid,
            "name": name,
            "aliases": aliases,
            "dob": dob,
            "nationality": p.nat,
            "gender": p.gender,
            "list": r.choice(["wanted", "no-entry", "no-exit", "sanctions"]),
        }


def canonical(p: Person) -> tuple[Any, ...]:
    q = p.parts
    if p.culture == "vn":
        return ("vn", fold(q["fam"]).lower(), fold(q["given"]).lower())
    if p.culture == "cn":
        syl = tuple(sorted(py(q["fam"] + q["given"])))  # derived: for `order_free`
        return ("cn", "".join(py(q["fam"])), "".join(py(q["given"])), syl)
    if p.culture == "ru":
        return ("ru", q["first"], q["sur"])
    if p.culture == "kr":
        return ("kr", q["fam"], tuple(q["syl"]))
    if p.culture == "ar":
        return ("ar", q["given"], q["father"], q["fam"])
    return ("we", fold(q["first"]).lower(), fold(q["last"]).lower())


VARIANTS = {
    "vn": [
        "passport",
        "mrz",
        "diacritics",
        "nfd",
        "mangled",
        "d_stroke",
        "order",
        "middle_missing",
        "middle_added",
        "typo",
        "ocr",
    ],
    "cn": [
        "pinyin_joined",
        "pinyin_split",
        "hyphen",
        "tones",
        "order",
        "wade_giles",
        "cantonese",
        "characters",
        "hanviet",
        "hanviet_ascii",
        "typo",
    ],
    "ru": ["translit_bgn", "translit_popular", "cyrillic", "order", "typo"],
    "kr": ["romanisation", "joined", "order", "typo"],
    "ar": ["spelling", "order", "typo"],
    "we": ["passport", "order", "typo", "ocr"],
}
_TONES = "\u0300\u0301\u0303\u0309\u0323"


def typo(s: str, r: random.Random) -> str:
    toks = s.split(" ")
    cand = [i for i, t in enumerate(toks) if len(t) >= 4] or [
        max(range(len(toks)), key=lambda i: len(toks[i]))
    ]
    i = r.choice(cand)
    t = toks[i]
    j = r.randrange(1, len(t)) if len(t) > 1 else 0
    op = r.choice("sdit")
    letter = r.choice("aeiounmrtlshgk")
    letter = letter.upper() if t.isupper() else letter
    if op == "s":
        t = t[:j] + letter + t[j + 1 :]
    elif op == "d":
        t = t[:j] + t[j + 1 :]
    elif op == "i":
        t = t[:j] + letter + t[j:]
    elif j + 1 < len(t):
        t = t[:j] + t[j + 1] + t[j] + t[j + 2 :]
    toks[i] = t
    return " ".join(toks)


def render(p: Person, variant: str, r: random.Random) -> str:
    q = p.parts
    if p.culture == "vn":
        fam, mid, given = q["fam"], list(q["mid"]), q["given"]
        if variant == "middle_missing":
            mid = []
        if variant == "middle_added":
            mid = [*mid, r.choice(["Văn", "Thị", "Minh", "Ngọc", "Hữu", "Thanh"])]
        full = " ".join([fam, *mid, given])
        if variant == "list":
            return full if r.random() < 0.7 else fold(full).upper()
        if variant in ("passport", "middle_missing", "middle_added"):
            return fold(full).upper()
        if variant == "mrz":
            return fold(fam).upper() + "<<" + "<".join(fold(x).upper() for x in [*mid, given])
        if variant == "nfd":
            return unicodedata.normalize("NFD", full)
        if variant == "mangled":
            d = unicodedata.normalize("NFD", full)
            marks = [i for i, c in enumerate(d) if c in _TONES]
            if marks:
                i = r.choice(marks)
                d = d[:i] + r.choice([t for t in _TONES if t != d[i]] + [""]) + d[i + 1 :]
            return unicodedata.normalize("NFC", d)
        if variant == "d_stroke":
            return full.replace("Đ", r.choice("DÐ")).replace("đ", "d")
        if variant == "order":
            return fold(" ".join([*mid, given, fam])).upper()
        if variant == "typo":
            return typo(fold(full).upper() if r.random() < 0.5 else full, r)
        if variant == "ocr":
            return ocr(fold(full).upper(), r)
        return full
    if p.culture == "cn":
        fam, given = q["fam"], q["given"]
        pf, pg = py(fam), py(given)
        if variant == "list":
            return f"{pf[0].title()} {''.join(pg).title()}"
        if variant == "pinyin_joined":
            return f"{pf[0]} {''.join(pg)}".upper()
        if variant == "pinyin_split":
            return " ".join([*pf, *pg]).upper()
        if variant == "hyphen":
            return f"{pf[0].title()} {'-'.join(pg).title()}"
        if variant == "tones":
            t = py(fam + given, pypinyin.Style.TONE)
            return f"{t[0].title()} {''.join(t[1:]).title()}"
        if variant == "order":
            return f"{''.join(pg).title()} {pf[0].title()}"
        if variant == "wade_giles":
            w = [
                s.replace("ü", "u").replace("v", "u")
                for s in pypinyin.lazy_pinyin(fam + given, style=pypinyin.Style.WADEGILES)
            ]
            return f"{w[0].title()} {'-'.join(w[1:]).capitalize()}"
        if variant == "cantonese":
            c = cantonese(fam + given)
            if not c:
                return render(p, "wade_giles", r)
            return (
                f"{c[0].title()} {'-'.join(c[1:]).title()}"
                if r.random() < 0.5
                else " ".join(c).upper()
            )
        if variant == "characters":
            return fam + given
        if variant in ("hanviet", "hanviet_ascii"):
            hv = " ".join(char_hanviet(ch) or "?" for ch in fam + given)
            return hv if variant == "hanviet" else fold(hv).upper()
        if variant == "typo":
            return typo(f"{pf[0]} {''.join(pg)}".upper(), r)
    if p.culture == "ru":
        first, sur = q["first"], q["sur"]
        if variant == "list":
            return f"{translit(first, 'icao')} {translit(sur, 'icao')}"
        if variant == "cyrillic":
            return f"{sur} {first}"
        system = {"translit_bgn": "bgn", "translit_popular": "popular"}.get(variant, "icao")
        name = f"{translit(first, system)} {translit(sur, system)}"
        if variant == "order":
            return f"{translit(sur, 'icao')} {translit(first, 'icao')}".upper()
        return typo(name, r) if variant == "typo" else name
    if p.culture == "kr":
        fams = groups(KR_SURNAMES)[q["fam"]]
        syls = [groups(KR_SYLLABLES)[i] for i in q["syl"]]
        if variant == "list":
            return f"{fams[0]} {syls[0][0].title()}-{syls[1][0]}"
        f = r.choice(fams) if variant != "typo" else fams[0]
        s = (
            [r.choice(x) for x in syls]
            if variant in ("romanisation", "joined")
            else [x[0] for x in syls]
        )
        given = "".join(s).title() if variant == "joined" else f"{s[0].title()}-{s[1]}"
        if variant == "order":
            return f"{given} {f}".upper()
        return typo(f"{f} {given}", r) if variant == "typo" else f"{f} {given}"
    if p.culture == "ar":
        g, fa, fm = AR_GROUPS(q["given"]), AR_GROUPS(q["father"]), groups(AR_FAMILY)[q["fam"]]
        if variant == "list":
            return f"{g[0]} {fa[0]} {fm[0]}"
        pick = (lambda x: r.choice(x)) if variant == "spelling" else (lambda x: x[0])
        name = f"{pick(g)} {pick(fa)} {pick(fm)}"
        if variant == "order":
            return f"{fm[0]} {g[0]} {fa[0]}".upper()
        return typo(name, r) if variant == "typo" else name
    first, last = q["first"], q["last"]
    if variant == "list":
        return f"{first} {last}"
    if variant == "passport":
        return fold(f"{last} {first}").upper()
    if variant == "order":
        return f"{last}, {first}"
    if variant == "ocr":
        return ocr(fold(f"{first} {last}").upper(), r)
    return typo(f"{first} {last}", r)


def AR_GROUPS(i: int) -> list[str]:
    return groups(AR_GIVEN)[i]


def ocr(s: str, r: random.Random) -> str:
    pos = [i for i, c in enumerate(s) if c in "OISB"]
    if not pos:
        return typo(s, r)
    i = r.choice(pos)
    return s[:i] + {"O": "0", "I": "1", "S": "5", "B": "8"}[s[i]] + s[i + 1 :]


# ---------------------------------------------------------------- queries
@dataclass
class Query:
    name: str
    dob: str
    nat: str
    person: Person
    target: str | None  # entry id a positive must alert on; None for negatives
    groups: tuple[str, ...]


def parse(d: str) -> tuple[int, int, int]:
    p = [int(x) for x in d.split("-")] if d else []
    y, m, d = [*p, 0, 0, 0][:3]
    return y, m, d


def compatible(listed: str, true: tuple[int, int, int]) -> bool:
    """Would a careful officer accept this list date for this person?"""
    if not listed:
        return True
    y, m, d = parse(listed)
    if y != true[0]:
        return False
    if (m, d) == (1, 1) or not m:
        return True
    return m == true[1] and (not d or d == true[2])


def query_dob(dob: tuple[int, int, int], r: random.Random) -> tuple[str, str]:
    y, m, d = dob
    x = r.random()
    if x < 0.15 and d <= 12 and d != m:
        return f"{y:04d}-{d:02d}-{m:02d}", "dob_swap"
    if x < 0.3:
        s = list(f"{y:04d}{m:02d}{d:02d}")
        for _ in range(20):
            i = r.choice([2, 3, 5, 7])
            new = s.copy()
            new[i] = r.choice([c for c in "0123456789" if c != s[i]])
            yy, mm, dd = int("".join(new[:4])), int("".join(new[4:6])), int("".join(new[6:]))
            if 1 <= mm <= 12 and 1 <= dd <= 28 and yy <= 2010:
                return f"{yy:04d}-{mm:02d}-{dd:02d}", "dob_one_digit"
    return f"{y:04d}-{m:02d}-{d:02d}", "dob_exact"


def make_queries(
    gen: Gen,
    listed: list[Person],
    entries: list[dict[str, Any]],
    truth: dict[tuple[Any, ...], list[int]],
    n_pos: int,
    n_neg: int,
) -> list[Query]:
    r = gen.r
    out: list[Query] = []
    for _ in range(n_pos):
        i = r.randrange(len(listed))
        p = listed[i]
        variant = r.choice(VARIANTS[p.culture])
        if (
            variant == "d_stroke"
            and "Đ" not in p.parts["fam"] + "".join(p.parts["mid"]) + p.parts["given"]
        ):
            variant = "diacritics"
        if variant == "middle_missing" and not p.parts["mid"]:
            variant = "passport"
        dob, dcode = query_dob(p.dob, r)
        x = r.random()
        nat = p.nat if x < 0.8 else ("" if x < 0.9 else "USA")
        grp = [
            f"culture:{p.culture}",
            f"variant:{p.culture}:{variant}",
            dcode,
            f"listdob:{dob_form(entries[i]['dob'])}",
        ]
        if variant in ("characters", "hanviet", "hanviet_ascii", "wade_giles", "cantonese"):
            grp.append(
                "hard:"
                + {"characters": "chinese_characters", "hanviet_ascii": "hanviet"}.get(
                    variant, variant if variant == "hanviet" else "old_romanisation"
                )
            )
        out.append(Query(render(p, variant, r), dob, nat, p, entries[i]["id"], tuple(grp)))
    kinds = ["near_same_name_other_dob", "near_similar_name", "unlisted"]
    while len(out) < n_pos + n_neg:
        kind = r.choice(kinds)
        if kind == "unlisted":
            p = gen.person()
        else:
            src = listed[r.randrange(len(listed))]
            p = Person(src.culture, dict(src.parts), src.dob, src.gender, src.nat)
            if kind == "near_same_name_other_dob":
                y = src.dob[0]
                ny = r.choice(
                    [
                        v
                        for v in range(1945, 2007)
                        if abs(v - y) >= 3
                        and sum(a != b for a, b in zip(str(v), str(y), strict=True)) > 1
                    ]
                )
                p.dob = (ny, r.randint(1, 12), r.randint(1, 28))
            else:
                other = gen.person(src.culture)
                for k in ("given", "first", "syl"):
                    if k in p.parts:
                        p.parts[k] = other.parts[k]
            p.key = canonical(p)
            if p.key == src.key and kind == "near_similar_name":
                continue
        if any(compatible(entries[j]["dob"], p.dob) for j in truth.get(p.key, ())):
            continue  # actually listed: not a negative
        variant = "passport" if p.culture in ("vn", "we") else r.choice(VARIANTS[p.culture][:3])
        dob = f"{p.dob[0]:04d}-{p.dob[1]:02d}-{p.dob[2]:02d}"
        out.append(
            Query(
                render(p, variant, r),
                dob,
                p.nat,
                p,
                None,
                (f"negative:{kind}", f"negculture:{p.culture}"),
            )
        )
    r.shuffle(out)
    return out


def dob_form(d: str) -> str:
    if not d:
        return "missing"
    if d.endswith("-01-01"):
        return "placeholder"
    return {4: "year", 7: "year_month"}.get(len(d), "full")


# ---------------------------------------------------------------- running
def rss_mb() -> tuple[float, float]:
    vals = {}
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(("VmRSS", "VmHWM")):
                k, v = line.split(":")
                vals[k] = int(v.split()[0]) / 1024
    return vals["VmRSS"], vals["VmHWM"]


class Baseline:
    """Brute force: rapidfuzz token_sort_ratio over every name and alias, date gate."""

    CUTOFF = 85

    def __init__(self, entries: list[dict[str, Any]]) -> None:
        self.choices: list[str] = []
        self.owner: list[int] = []
        for i, e in enumerate(entries):
            for nm in [e["name"], *e["aliases"]]:
                self.choices.append(utils.default_process(anyascii(nm)))
                self.owner.append(i)
        self.entries = entries

    def search(self, name: str, dob: str) -> list[tuple[str, bool]]:
        q = utils.default_process(anyascii(name))
        res = process.extract(
            q,
            self.choices,
            scorer=fuzz.token_sort_ratio,
            processor=None,
            limit=20,
            score_cutoff=self.CUTOFF,
        )
        year = dob[:4]
        out: dict[str, bool] = {}
        for _c, _s, idx in res:
            e = self.entries[self.owner[idx]]
            out[e["id"]] = out.get(e["id"], False) or (not e["dob"] or e["dob"][:4] == year)
        return list(out.items())


@dataclass
class Result:
    lat: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)  # CPU time: robust to a busy machine
    hit: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    neg: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    extra: int = 0
    n_pos: int = 0


RARE = 5  # a name listed at most this many times is "rare" for the labels below


def order_free(key: tuple[Any, ...]) -> tuple[Any, ...]:
    """A Chinese name as the multiset of its syllables: "Chen Liqiang" and "Li Chenqiang"
    are the same name once the order is free, and order variants are positives here."""
    return ("cn", key[3]) if key and key[0] == "cn" else key


def one_error(listed: str, query: str) -> bool:
    """Is the query date what the listed date becomes after one data-entry error (the
    errors positives get: one digit, or day and month swapped)?"""
    if not listed:
        return False
    ly, lm, ld = parse(listed)
    qy, qm, qd = parse(query)
    if not lm or (lm, ld) == (1, 1):  # the list knows the year only
        return sum(a != b for a, b in zip(f"{ly:04d}", f"{qy:04d}", strict=True)) == 1
    if not ld:
        return (
            sum(a != b for a, b in zip(f"{ly:04d}{lm:02d}", f"{qy:04d}{qm:02d}", strict=True)) == 1
        )
    if (ly, lm, ld) == (qy, qd, qm):
        return True
    a, b = f"{ly:04d}{lm:02d}{ld:02d}", f"{qy:04d}{qm:02d}{qd:02d}"
    return sum(x != y for x, y in zip(a, b, strict=True)) == 1


def justified(
    q: Query, e: dict[str, Any], keys: list[tuple[Any, ...]], idx: int, counts: Counter[Any]
) -> bool:
    """Is this alert right? Same person (name and a compatible date), or a query that
    cannot be told apart from a listed person: the same name in another order, or a
    rare name (listed <= RARE times) whose listed date is one entry error away from
    the query date, exactly what that listed person with a typo would produce. For a
    common name a one-error date agreement stays a false alert."""
    same = keys[idx] == q.person.key or order_free(keys[idx]) == order_free(q.person.key)
    if not same:
        return False
    if compatible(e["dob"], q.person.dob):
        return True
    return counts[keys[idx]] <= RARE and one_error(e["dob"], q.dob)


def evaluate(
    name: str,
    fn: Any,
    queries: list[Query],
    entries: list[dict[str, Any]],
    keys: list[tuple[Any, ...]],
    slot: dict[str, int],
) -> Result:
    res = Result()
    counts = Counter(keys)
    for q in tqdm(queries, desc=f"queries {name}", unit="q", file=sys.stderr, mininterval=2):
        t, c = time.perf_counter(), time.thread_time()
        alerts = fn(q)
        res.cpu.append((time.thread_time() - c) * 1000)
        res.lat.append((time.perf_counter() - t) * 1000)
        bad = any(
            not justified(q, entries[slot[a]], keys, slot[a], counts)
            for a in alerts
            if a != q.target
        )
        if q.target is not None:
            res.n_pos += 1
            ok = q.target in alerts
            res.extra += bad
            for g in ("overall", *q.groups):
                res.hit[g][0] += ok
                res.hit[g][1] += 1
        else:
            for g in ("overall", *q.groups):
                res.neg[g][0] += bad
                res.neg[g][1] += 1
    return res


def pct(vals: list[float], p: float) -> float:
    s = sorted(vals)
    return s[min(len(s) - 1, round(p / 100 * (len(s) - 1)))]


def report(label: str, res: Result) -> dict[str, float]:
    hit, neg = res.hit, res.neg
    recall = hit["overall"][0] / max(1, hit["overall"][1])
    far = neg["overall"][0] / max(1, neg["overall"][1])
    out = {
        "recall": recall,
        "false_alert_rate": far,
        "p50": pct(res.lat, 50),
        "p95": pct(res.lat, 95),
        "p99": pct(res.lat, 99),
        "cpu_p50": pct(res.cpu, 50),
        "cpu_p95": pct(res.cpu, 95),
        "cpu_p99": pct(res.cpu, 99),
    }
    print(f"\n== {label}: {hit['overall'][1]} positive, {neg['overall'][1]} negative queries")
    print(
        f"recall {recall:.4f}   false-alert rate {far:.4f}   "
        f"extra unjustified alerts on positives {res.extra}"
    )
    print(
        f"latency ms p50 {out['p50']:.2f}  p95 {out['p95']:.2f}  p99 {out['p99']:.2f}  "
        f"max {max(res.lat):.1f} (wall clock)"
    )
    print(
        f"latency ms p50 {out['cpu_p50']:.2f}  p95 {out['cpu_p95']:.2f}  p99 {out['cpu_p99']:.2f}  "
        f"max {max(res.cpu):.1f} (CPU time of the query thread)"
    )
    for prefix in ("culture:", "hard:", "dob_", "listdob:", "variant:"):
        rows = sorted(k for k in hit if k.startswith(prefix))
        print(
            "  "
            + "  ".join(
                f"{k.removeprefix(prefix)}={hit[k][0] / hit[k][1]:.3f}({hit[k][1]})" for k in rows
            )
        )
    rows = sorted(k for k in neg if k != "overall")
    print(
        "  false alerts: "
        + "  ".join(f"{k.split(':', 1)[1]}={neg[k][0] / neg[k][1]:.3f}({neg[k][1]})" for k in rows)
    )
    return out


def run_size(
    size: int, seed: int, n_pos: int, n_neg: int, n_base: int, save_dir: str | None
) -> tuple[dict[str, float], dict[str, float], dict[str, float]]:
    gen = Gen(seed * 1_000_003 + size)
    listed: list[Person] = []
    entries: list[dict[str, Any]] = []
    truth: dict[tuple[Any, ...], list[int]] = defaultdict(list)
    for i in tqdm(
        range(size), desc=f"generate {size:,}", unit="entry", file=sys.stderr, mininterval=2
    ):
        p = gen.person()
        listed.append(p)
        entries.append(gen.entry(f"E{i}", p))
        truth[p.key].append(i)
    keys = [p.key for p in listed]
    slot = {e["id"]: i for i, e in enumerate(entries)}
    queries = make_queries(gen, listed, entries, truth, n_pos, n_neg)
    cultures = Counter(p.culture for p in listed)
    print(
        f"\n######## {size:,} entries, seed {seed}: "
        + ", ".join(f"{c} {n / size:.0%}" for c, n in sorted(cultures.items()))
    )
    gc.collect()
    rss0, _ = rss_mb()
    t = time.perf_counter()
    index = build_index(
        tqdm(entries, desc=f"build {size:,}", unit="entry", file=sys.stderr, mininterval=2)
    )
    build_s = time.perf_counter() - t
    gc.collect()
    gc.freeze()  # as a server does after loading: no GC pauses over the index
    rss1, hwm = rss_mb()
    print(
        f"engine build {build_s:.1f} s; index memory (RSS growth) {rss1 - rss0:.0f} MB; "
        f"process RSS {rss1:.0f} MB, peak {hwm:.0f} MB"
    )
    if save_dir:
        path = os.path.join(save_dir, f"screening-{size}.idx")
        t = time.perf_counter()
        index.save(path)
        save_s = time.perf_counter() - t
        from bienphong.engines.screening import load_index

        t = time.perf_counter()
        load_index(path)
        print(
            f"saved {os.path.getsize(path) / 2**20:.0f} MB in {save_s:.1f} s, "
            f"loaded in {time.perf_counter() - t:.1f} s"
        )
        gc.collect()

    held = [index]
    del index

    def ours(q: Query) -> list[str]:
        # Every alert comes back whatever the limit; 10 more hits is what the app asks
        # for (`watchlists.screening.SEARCH_LIMIT`).
        return [h.entry_id for h in held[0].search(q.name, q.dob, q.nat, limit=10) if h.alert]

    res = evaluate("engine", ours, queries, entries, keys, slot)
    mine = report(f"engine @ {size:,}", res)
    held.clear()  # free the index before the baseline is measured
    gc.collect()
    rss0, _ = rss_mb()
    t = time.perf_counter()
    base = Baseline(entries)
    bbuild = time.perf_counter() - t
    rss1, _ = rss_mb()
    sub = queries[:n_base]
    print(
        f"\nbaseline build {bbuild:.1f} s; memory {rss1 - rss0:.0f} MB; runs on the first "
        f"{len(sub)} of {len(queries)} queries (brute force is slow)"
    )

    def brute(q: Query) -> list[str]:
        return [eid for eid, alert in base.search(q.name, q.dob) if alert]

    bres = evaluate("baseline", brute, sub, entries, keys, slot)
    theirs = report(f"baseline @ {size:,} (subset)", bres)
    return mine, theirs, {"build_s": build_s, "baseline_build_s": bbuild}


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--sizes", default="100000,1000000")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--positives", type=int, default=4000)
    ap.add_argument("--negatives", type=int, default=2000)
    ap.add_argument("--baseline-queries", default="600,150", help="per size, comma separated")
    ap.add_argument("--save-dir", default=None, help="also time save/load of the index here")
    ap.add_argument("--cpu", type=int, default=0, help="the one core to pin to")
    ap.add_argument("--no-pin", action="store_true")
    ap.add_argument(
        "--quick", action="store_true", help="10,000 entries and 600 queries (a smoke run)"
    )
    args = ap.parse_args()
    if args.quick:
        args.sizes, args.positives, args.negatives, args.baseline_queries = "10000", 400, 200, "50"
    if not args.no_pin and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {args.cpu})
    print(f"pinned to CPUs {sorted(os.sched_getaffinity(0))}; python {sys.version.split()[0]}")
    t = time.perf_counter()
    warm()
    print(f"language tables built in {time.perf_counter() - t:.1f} s")
    sizes = [int(s) for s in args.sizes.split(",")]
    nb = [int(s) for s in args.baseline_queries.split(",")]
    summary = []
    for k, size in enumerate(sizes):
        mine, theirs, info = run_size(
            size, args.seed, args.positives, args.negatives, nb[min(k, len(nb) - 1)], args.save_dir
        )
        summary.append((size, mine, theirs, info))
    print(
        "\n######## targets at 1,000,000: recall >= 0.97, false alerts <= 0.02, "
        "p95 <= 5 ms, p99 <= 10 ms"
    )
    for size, mine, theirs, info in summary:
        print(
            f"{size:>9,}: engine recall {mine['recall']:.4f} FAR {mine['false_alert_rate']:.4f} "
            f"p50/p95/p99 {mine['p50']:.2f}/{mine['p95']:.2f}/{mine['p99']:.2f} ms "
            f"build {info['build_s']:.0f} s | baseline recall {theirs['recall']:.4f} "
            f"FAR {theirs['false_alert_rate']:.4f} "
            f"p50/p95/p99 {theirs['p50']:.1f}/{theirs['p95']:.1f}/{theirs['p99']:.1f} ms"
        )
        print(
            f"{'':>9}  CPU-time p50/p95/p99: engine "
            f"{mine['cpu_p50']:.2f}/{mine['cpu_p95']:.2f}/{mine['cpu_p99']:.2f} ms | baseline "
            f"{theirs['cpu_p50']:.1f}/{theirs['cpu_p95']:.1f}/{theirs['cpu_p99']:.1f} ms"
        )
    print("\n######## ratios (baseline / engine; recall and false alerts engine / baseline)")
    for size, mine, theirs, _info in summary:
        far = (
            theirs["false_alert_rate"] / mine["false_alert_rate"]
            if mine["false_alert_rate"]
            else float("inf")
        )
        print(
            f"{size:>9,}: speed p50 x{theirs['p50'] / mine['p50']:.0f}, "
            f"p95 x{theirs['p95'] / mine['p95']:.0f}, p99 x{theirs['p99'] / mine['p99']:.0f}; "
            f"recall x{mine['recall'] / max(theirs['recall'], 1e-9):.2f}; "
            f"false alerts baseline/engine x{far:.1f}"
        )


if __name__ == "__main__":
    main()
