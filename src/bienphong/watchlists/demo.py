"""Demo watchlists: a few named people officers can try, and a few hundred generated ones."""

from __future__ import annotations

import random
from datetime import date

from django.db import transaction

from bienphong.demo_names import CN_FAMILY, CN_GIVEN, VN_FAMILY, VN_GIVEN, VN_MIDDLE
from bienphong.org.demo import DemoReport
from bienphong.org.models import Unit, User

from . import services
from .importers import EntryRow
from .models import Instruction, ListType, Watchlist

LISTS = [
    ("TRUYNA", "Đối tượng truy nã (demo)", ListType.WANTED, "Bộ Công an", Instruction.DETAIN),
    (
        "CAMNC",
        "Người nước ngoài chưa cho nhập cảnh (demo)",
        ListType.ENTRY_BAN,
        "Cục Quản lý xuất nhập cảnh",
        Instruction.REFUSE_ENTRY,
    ),
    (
        "HOANXC",
        "Công dân tạm hoãn xuất cảnh (demo)",
        ListType.EXIT_BAN,
        "Tòa án, Cục Thuế",
        Instruction.REFUSE_EXIT,
    ),
    ("CAMVAN", "Danh sách cấm vận (demo)", ListType.SANCTIONS, "OpenSanctions", Instruction.REPORT),
]

# (list, reference, name, aliases, birth (y, m, d), nationality, sex, documents, note)
NAMED = [
    (
        "HOANXC",
        "HX-0001",
        "Nguyễn Văn An",
        ["NGUYEN VAN AN"],
        (1980, 5, 12),
        "VNM",
        "M",
        ["C1234567"],
        "Tạm hoãn xuất cảnh theo quyết định của Tòa án",
    ),
    (
        "TRUYNA",
        "TN-0001",
        "Vương Tiểu Minh",
        ["WANG XIAOMING", "王小明"],
        (1975, None, None),
        "CHN",
        "M",
        ["E12345678"],
        "Báo ngay chỉ huy Đồn",
    ),
    (
        "CAMNC",
        "CN-0001",
        "Aleksandr Ivanov",
        ["Alexander Ivanov"],
        (1969, 3, 2),
        "RUS",
        "M",
        [],
        "",
    ),
    ("TRUYNA", "TN-0002", "Trần Thị Bích Ngọc", [], (1991, 11, 23), "VNM", "F", [], ""),
    (
        "CAMVAN",
        "CV-0001",
        "Mohammed Al-Rashid",
        ["Muhammad al Rashid"],
        (1972, 1, 1),
        "",
        "M",
        [],
        "Danh sách trừng phạt quốc tế",
    ),
    (
        "CAMNC",
        "CN-0002",
        "Park Min-jun",
        ["Pak Min Jun", "Bak Minjun"],
        (1985, 7, None),
        "KOR",
        "M",
        ["M98765432"],
        "",
    ),
]


def _generated(count: int) -> list[tuple[str, str, str, tuple[int, int, int], str]]:
    rng = random.Random(20250101)  # noqa: S311  (deterministic demo data, not secrets)
    people = []
    for n in range(count):
        if rng.random() < 0.6:
            name = f"{rng.choice(VN_FAMILY)} {rng.choice(VN_MIDDLE)} {rng.choice(VN_GIVEN)}"
            nationality = "VNM"
        else:
            name = f"{rng.choice(CN_FAMILY)} {rng.choice(CN_GIVEN)}"
            nationality = "CHN"
        birth = (rng.randint(1950, 2004), rng.randint(1, 12), rng.randint(1, 28))
        people.append(
            (rng.choice(["HOANXC", "TRUYNA", "CAMNC"]), f"GEN-{n:05d}", name, birth, nationality)
        )
    return people


@transaction.atomic
def load(report: DemoReport) -> None:
    actor = User.objects.filter(username="thammuu.bch").first()
    owner = Unit.objects.filter(code="QN").first()
    if actor is None or owner is None:
        return
    lists = {w.code: w for w in Watchlist.objects.all()}
    for code, name, list_type, source, instruction in LISTS:
        if code in lists:
            report.unchanged += 1
            continue
        lists[code] = services.watchlist_create(
            actor=actor,
            code=code,
            name=name,
            list_type=list_type,
            owner_unit=owner,
            source=source,
            default_instruction=instruction,
        )
        report.created += 1
    rows: dict[str, list[EntryRow]] = {code: [] for code in lists}
    for code, ref, name, aliases, birth, nationality, sex, docs, note in NAMED:
        rows[code].append(
            EntryRow(
                row=0,
                reference=ref,
                full_name=name,
                aliases=aliases,
                birth=birth,
                nationality=nationality,
                gender=sex,
                documents=docs,
                reason="Dữ liệu minh họa",
                instruction=lists[code].default_instruction,
                instruction_note=note,
                valid_from=date(2024, 1, 1),
            )
        )
    for code, ref, name, birth, nationality in _generated(400):
        rows[code].append(
            EntryRow(
                row=0,
                reference=ref,
                full_name=name,
                birth=birth,
                nationality=nationality,
                reason="Dữ liệu minh họa",
                instruction=lists[code].default_instruction,
            )
        )
    for code, entries in rows.items():
        known = set(lists[code].entries.values_list("external_id", flat=True))
        fresh = [r for r in entries if r.reference not in known]
        report.unchanged += len(entries) - len(fresh)
        if fresh:
            services.entries_import(
                actor=actor, watchlist=lists[code], rows=fresh, file_name="demo"
            )
            report.created += len(fresh)
