"""Start an export from a list screen, watch its progress, download it, list my exports."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from bienphong.errors import ValidationFailed
from bienphong.org.scoping import request_user
from bienphong.web.decorators import internal_view

from . import registry, services


@require_POST
@internal_view()
def start(request: HttpRequest) -> HttpResponse:
    actor = request_user(request)
    post = request.POST
    try:
        job = services.export_start(
            actor=actor,
            list_name=post.get("list", ""),
            file_format=post.get("format", ""),
            params=QueryDict(post.get("query", "")),
            purpose=post.get("purpose", ""),
        )
    except ValidationFailed as error:
        for field, msgs in error.fields.items():
            messages.error(request, f"{field}: {' '.join(msgs)}")
        back = request.headers.get("Referer", "")
        if back and url_has_allowed_host_and_scheme(back, {request.get_host()}):
            return redirect(back)
        return redirect("exports")
    return redirect("exports_job", job_id=job.pk)


@require_GET
@internal_view()
def job_detail(request: HttpRequest, job_id: int) -> HttpResponse:
    job = services.job_get(actor=request_user(request), pk=job_id)
    entry = registry.all_by_name().get(job.list_name)
    context = {"job": job, "entry": entry}
    if request.headers.get("HX-Request"):
        return render(request, "exports/_progress.html", context)
    return render(request, "exports/job.html", context)


@require_GET
@internal_view()
def download(request: HttpRequest, job_id: int) -> HttpResponse:
    return services.file_response(actor=request_user(request), pk=job_id)  # type: ignore[return-value]


@require_GET
@internal_view()
def job_list(request: HttpRequest) -> HttpResponse:
    actor = request_user(request)
    jobs = list(services.jobs_for(actor=actor)[:100])
    titles = {e.name: e.title for e in registry.all_lists()}
    for job in jobs:
        job.title = titles.get(job.list_name, job.list_name)  # type: ignore[attr-defined]
    running = any(not job.finished for job in jobs)
    return render(request, "exports/list.html", {"jobs": jobs, "running": running})
