"""The public health-declaration page: no sign-in, three languages, rate-limited.

The page's language is its own (``?lang=vi|en|zh``), independent of the staff UI's
language switch: travellers are not users and settings' LANGUAGES stays vi/en. Chinese
comes from this app's ``locale/zh_Hans`` catalogue.
"""

from __future__ import annotations

from typing import Any

import segno
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.csrf import csrf_protect

from bienphong.errors import ValidationFailed

from . import codes, ratelimit, services
from .inputs import gate_choices
from .models import Category, Direction, Disease, DocumentType, HealthDeclaration, Source, Symptom

# Page language -> Django language code.
LANGUAGES = {"vi": "vi", "en": "en", "zh": "zh-hans"}
LANGUAGE_NAMES = [("vi", "Tiếng Việt"), ("en", "English"), ("zh", "中文")]
SESSION_KEY = "health_declared_codes"
VACCINATION_ROWS = 3


def page_language(request: HttpRequest) -> str:
    chosen = (request.POST.get("lang") or request.GET.get("lang") or "").strip().lower()
    if chosen in LANGUAGES:
        return chosen
    accept = request.headers.get("Accept-Language", "").lower()
    first = accept.split(",")[0].strip() if accept else ""
    if first.startswith("zh"):
        return "zh"
    if first.startswith("en"):
        return "en"
    return "vi"


def form_data(post: Any) -> dict[str, Any]:
    """The submitted form as the validator expects it."""
    data: dict[str, Any] = {key: post.get(key, "") for key in post}
    data["symptoms"] = post.getlist("symptoms")
    data["vaccinations"] = [
        {"disease": post.get(f"vaccine_{i}", ""), "date": post.get(f"vaccine_date_{i}", "")}
        for i in range(1, VACCINATION_ROWS + 1)
    ]
    return data


def form_context(post: Any, errors: dict[str, list[str]]) -> dict[str, Any]:
    rows = [
        {
            "index": i,
            "disease": post.get(f"vaccine_{i}", "") if post else "",
            "date": post.get(f"vaccine_date_{i}", "") if post else "",
        }
        for i in range(1, VACCINATION_ROWS + 1)
    ]
    return {
        "form": post or {},
        "checked_symptoms": post.getlist("symptoms") if post else [],
        "errors": errors,
        "general_errors": errors.get("__all__", []),
        "error_count": sum(len(v) for v in errors.values()),
        "document_types": DocumentType.choices,
        "directions": Direction.choices,
        "categories": Category.choices,
        "symptoms": Symptom.choices,
        "diseases": Disease.choices,
        "gates": gate_choices(),
        "vaccination_rows": rows,
        "consent_purpose": services.consent_purpose(),
    }


def qr_svg(code: str) -> str:
    """The code as a QR code, inline SVG (generated here: no script, no CDN)."""
    return str(segno.make(code, error="m").svg_inline(scale=5, title=codes.display(code)))


@csrf_protect
def declare(request: HttpRequest) -> HttpResponse:
    lang = page_language(request)
    with translation.override(LANGUAGES[lang]):
        errors: dict[str, list[str]] = {}
        status = 200
        post = request.POST if request.method == "POST" else None
        if post is not None:
            try:
                ratelimit.check(ratelimit.client_address(request))
                declaration = services.declaration_submit(
                    actor=None, data=form_data(post), source=Source.ONLINE, language=lang
                )
            except ratelimit.RateLimited as error:
                errors, status = {"__all__": [str(error.message)]}, 429
            except ValidationFailed as error:
                errors, status = error.fields, 400
            else:
                remembered = list(request.session.get(SESSION_KEY, []))[-19:]
                request.session[SESSION_KEY] = [*remembered, declaration.code]
                url = reverse("health_declared", args=[declaration.code])
                return redirect(f"{url}?lang={lang}")
        context = form_context(post, errors)
        context.update(lang=lang, languages=LANGUAGE_NAMES, public=True)
        response = render(request, "health/declare.html", context, status=status)
    response["Content-Language"] = LANGUAGES[lang]
    return response


def declared(request: HttpRequest, code: str) -> HttpResponse:
    """The printable receipt: only in the browser session that submitted it."""
    lang = page_language(request)
    if code not in request.session.get(SESSION_KEY, []):
        raise Http404
    declaration = HealthDeclaration.objects.select_related("gate").filter(code=code).first()
    if declaration is None:
        raise Http404
    with translation.override(LANGUAGES[lang]):
        response = render(
            request,
            "health/declared.html",
            {
                "declaration": declaration,
                "qr": qr_svg(declaration.code),
                "lang": lang,
                "languages": LANGUAGE_NAMES,
                "symptom_labels": dict(Symptom.choices),
            },
        )
    response["Content-Language"] = LANGUAGES[lang]
    return response
