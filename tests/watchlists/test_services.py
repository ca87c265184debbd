"""Imports, the live index, screening, dismissals and confirmations."""

from __future__ import annotations

import io

import pytest

from bienphong.audit.models import AuditEntry
from bienphong.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from bienphong.notifications.models import Notification
from bienphong.watchlists import imports, screening, services
from bienphong.watchlists.models import HitStatus, ScreeningHit, WatchlistEntry
from bienphong.watchlists.presenters import outcome_dict

from .conftest import row

pytestmark = pytest.mark.django_db


def screen(unit, users, name, dob=None, nationality=None, document=None, who="officer_a"):
    return screening.screen_person(
        actor=users[who],
        unit=unit,
        name=name,
        dob=dob,
        nationality=nationality,
        document_number=document,
    )


def test_import_is_all_or_nothing(tree, users, watchlist):
    data = (
        "reference,full_name,date_of_birth\nN1,Phạm Văn Mới,1990\nN2,,1990\n"
        "N3,Sai Ngày,1990-02-31\n"
    ).encode()
    before = WatchlistEntry.objects.count()
    with pytest.raises(imports.ImportRejected) as rejected:
        imports.import_file(
            actor=users["staff"], watchlist=watchlist, stream=io.BytesIO(data), file_format="csv"
        )
    assert [(e.row, e.field) for e in rejected.value.row_errors] == [
        (3, "full_name"),
        (4, "date_of_birth"),
    ]
    assert WatchlistEntry.objects.count() == before


def test_import_creates_updates_and_the_index_follows(tree, users, watchlist):
    assert screening.search(name="PHAM VAN MOI", dob="1990")[1] == []
    data = (
        "reference,full_name,date_of_birth,instruction\n"
        "N1,Phạm Văn Mới,1990,refuse_exit\nHX-1,Nguyễn Văn An,1980-05-12,detain\n"
    ).encode()
    report = imports.import_file(
        actor=users["staff"], watchlist=watchlist, stream=io.BytesIO(data), file_format="csv"
    )
    assert (report.created, report.updated) == (1, 1)
    entry = WatchlistEntry.objects.get(external_id="HX-1")
    assert entry.version == 2 and entry.instruction == "detain"
    assert [o.entry.external_id for o in screening.search(name="PHAM VAN MOI", dob="1990")[1]] == [
        "N1"
    ]
    assert AuditEntry.objects.filter(event="watchlists.entry.update", object_id=str(entry.pk))


def test_only_command_staff_import(tree, users, watchlist):
    with pytest.raises(PermissionDenied):
        imports.import_file(
            actor=users["officer_a"],
            watchlist=watchlist,
            stream=io.BytesIO(b"reference,full_name\nA,B\n"),
            file_format="csv",
        )


def test_screening_raises_one_pending_hit_even_when_retried(tree, users, watchlist):
    first = screen(tree.gate_a, users, "NGUYEN<<VAN<AN", dob="1980-05-12", nationality="VNM")
    assert first.blocking
    again = screen(tree.gate_a, users, "Nguyen Van An", dob="1980-05-12", nationality="VNM")
    assert again.outcomes[0].hit.pk == first.outcomes[0].hit.pk
    assert ScreeningHit.objects.count() == 1
    assert AuditEntry.objects.filter(event="watchlists.hit.raise").count() == 1


def test_common_name_with_other_birth_date_does_not_alert(tree, users, watchlist):
    assert not screen(tree.gate_a, users, "Nguyen Van An", dob="1995-09-09").outcomes


def test_document_number_alone_is_a_hit(tree, users, watchlist):
    result = screen(tree.gate_a, users, "Someone Else", document="c 1234567")
    assert result.outcomes[0].document_match and result.blocking


def test_expired_entry_is_not_a_hit(tree, users, watchlist):
    assert not screen(tree.gate_a, users, "Le Thi Het Han", dob="1970-01-01").outcomes


def test_hanviet_and_pinyin_find_the_same_entry(tree, users, watchlist):
    for name in ("WANG XIAOMING", "Vuong Tieu Minh", "Xiaoming Wang"):
        refs = [o.entry.external_id for o in screening.search(name=name, dob="1975")[1]]
        assert refs[:1] == ["HX-2"], name


def test_dismissal_is_remembered_until_the_entry_changes(tree, users, watchlist):
    hit = screen(tree.gate_a, users, "Nguyen Van An", dob="1980-05-12").outcomes[0].hit
    with pytest.raises(ValidationFailed):
        services.hit_decide(actor=users["officer_a"], hit=hit, decision="dismissed", reason=" ")
    services.hit_decide(
        actor=users["officer_a"],
        hit=hit,
        decision="dismissed",
        reason="Khác người: ảnh và quê quán khác",
    )
    again = screen(tree.gate_a, users, "Nguyễn Văn An", dob="1980-05-12")
    assert not again.blocking and again.outcomes[0].previously_dismissed
    # The person's data change (a nationality is now known): screened afresh.
    assert screen(tree.gate_a, users, "Nguyen Van An", dob="1980-05-12", nationality="VNM").blocking
    # The entry changes: screened afresh too.
    services.entries_import(
        actor=users["staff"],
        watchlist=watchlist,
        rows=[
            row(
                "HX-1",
                "Nguyễn Văn An",
                (1980, 5, 12),
                nationality="VNM",
                documents=["C1234567"],
                reason="Gia hạn",
                instruction_note="Mời lên phòng làm việc",
            )
        ],
    )
    assert screen(tree.gate_a, users, "Nguyen Van An", dob="1980-05-12").blocking


def test_confirmation_notifies_the_post_commander_and_is_final(tree, users, watchlist):
    hit = screen(tree.gate_a, users, "Nguyen Van An", dob="1980-05-12").outcomes[0].hit
    services.hit_decide(
        actor=users["officer_a"],
        hit=hit,
        decision="confirmed",
        reason="Trùng khớp ảnh, số hộ chiếu",
    )
    note = Notification.objects.get(recipient=users["commander_a"])
    assert "Nguyen Van An" in note.body and note.url.endswith(f"/{hit.pk}/")
    with pytest.raises(Conflict):
        services.hit_decide(actor=users["officer_a"], hit=hit, decision="dismissed", reason="x")
    assert ScreeningHit.objects.get(pk=hit.pk).status == HitStatus.CONFIRMED


def test_other_post_cannot_decide_and_auditor_is_read_only(tree, users, watchlist):
    hit = screen(tree.gate_a, users, "Nguyen Van An", dob="1980-05-12").outcomes[0].hit
    with pytest.raises(NotFound):
        services.hit_decide(actor=users["officer_b"], hit=hit, decision="confirmed", reason="x")
    with pytest.raises(PermissionDenied):
        services.hit_decide(actor=users["auditor"], hit=hit, decision="confirmed", reason="x")


def test_checkpoint_sees_the_instruction_not_the_file(tree, users, watchlist):
    outcome = screen(tree.gate_a, users, "Nguyen Van An", dob="1980-05-12").outcomes[0]
    officer_view = outcome_dict(outcome, files=False)["listed"]
    assert officer_view["instruction"] == "refuse_exit"
    assert officer_view["instruction_note"] == "Mời lên phòng làm việc"
    assert "reason" not in officer_view and "watchlist" not in officer_view
    assert outcome_dict(outcome, files=True)["listed"]["reason"].startswith("Quyết định")


def test_deactivated_entry_leaves_the_index(tree, users, watchlist):
    entry = WatchlistEntry.objects.get(external_id="HX-2")
    services.entry_deactivate(actor=users["staff"], entry=entry, reason="Đã xóa truy nã")
    assert not screening.search(name="Wang Xiaoming", dob="1975")[1]


@pytest.mark.django_db(transaction=True)
def test_import_job_runs_in_the_background_with_progress(tree, users, watchlist, settings):
    import time

    from django.core.files.uploadedfile import SimpleUploadedFile

    from bienphong.watchlists.models import ImportJob

    settings.BIENPHONG_INLINE_JOBS = False
    rows = "".join(f"BG{i},Ngô Văn Nền {i},1970\n" for i in range(2500))
    upload = SimpleUploadedFile("big.csv", ("reference,full_name,date_of_birth\n" + rows).encode())
    job = imports.start_job(
        actor=users["staff"], watchlist=watchlist, upload=upload, file_format="csv"
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if job.state in (ImportJob.State.DONE, ImportJob.State.FAILED):
            break
        time.sleep(0.1)
    assert job.state == ImportJob.State.DONE, job.errors
    assert (job.total, job.processed, job.created) == (2500, 2500, 2500)
