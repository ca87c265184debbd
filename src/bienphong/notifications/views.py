from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from bienphong.org.scoping import request_user
from bienphong.web.decorators import internal_view

from . import services
from .models import Notification


@internal_view()
def notification_list(request: HttpRequest) -> HttpResponse:
    notes = Notification.objects.filter(recipient=request_user(request))[:200]
    return render(request, "notifications/list.html", {"notes": notes})


@require_POST
@internal_view()
def mark_all_read(request: HttpRequest) -> HttpResponse:
    services.mark_read(actor=request_user(request))
    return redirect("notifications")
