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
import statistics
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
    "王:7 李:7 张:6.8 刘:5.4 陈:4.5 杨:3.1 黄:2.2 赵:2 吴:2 周:1.9 徐:1.3 孙:1.2 马:1.2 朱:1.2 胡:1.1 "
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
    "Белов Медведев Антонов Тарасов Жуков Баранов Филиппов Комаров Давыдов Беляев Герасимов Богданов "
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
        "a b v g d e e zh z i i k l m n o p r s t u f kh ts ch sh shch ie y  e iu ia".split(" "),
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


_TRAD = dict(zip("张刘陈杨黄赵吴孙马郭罗郑梁谢许韩冯邓彭叶苏卢钟谭陆贾韦伟丽强军艳杰涛兰华辉建国红玲飞鹏浩凯帅晓东亮翔鑫庆云颖蕾诗鸿学龙宁", "張劉陳楊黃趙吳孫馬郭羅鄭梁謝許韓馮鄧彭葉蘇盧鍾譚陸賈韋偉麗強軍艷傑濤蘭華輝建國紅玲飛鵬浩凱帥曉東亮翔鑫慶雲穎蕾詩鴻學龍寧", strict=True))  # noqa: E501


def py(chars: str, style: pypinyin.Style = pypinyin.Style.NORMAL) -> list[str]:
    return [s.replace("ü", "u").replace("v", "u") for s in pypinyin.lazy_pinyin(chars, style=style)]
