from __future__ import annotations

from datetime import date

import pytest

from bienphong.watchlists import services
from bienphong.watchlists.importers import EntryRow
from bienphong.watchlists.models import Instruction, ListType


def row(reference, name, birth=(None, None, None), **kwargs):
    kwargs.setdefault("instruction", Instruction.REFUSE_EXIT)
    return EntryRow(row=0, reference=reference, full_name=name, birth=birth, **kwargs)


@pytest.fixture
def watchlist(tree, users):
    wl = services.watchlist_create(
        actor=users["staff"],
        code="HX",
        name="Tạm hoãn xuất cảnh",
        list_type=ListType.EXIT_BAN,
        owner_unit=tree.command,
        default_instruction=Instruction.REFUSE_EXIT,
    )
    services.entries_import(
        actor=users["staff"],
        watchlist=wl,
        rows=[
            row(
                "HX-1",
                "Nguyễn Văn An",
                (1980, 5, 12),
                nationality="VNM",
                documents=["C1234567"],
                reason="Quyết định số 12/QĐ của Tòa án",
                instruction_note="Mời lên phòng làm việc",
            ),
            row(
                "HX-2",
                "Vương Tiểu Minh",
                (1975, None, None),
                aliases=["WANG XIAOMING"],
                nationality="CHN",
            ),
            row("HX-3", "Lê Thị Hết Hạn", (1970, 1, 1), valid_until=date(2020, 1, 1)),
        ],
    )
    return wl
