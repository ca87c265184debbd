"""Vietnamese unless the user switched language.

Django's LocaleMiddleware follows the browser's Accept-Language, which on most
gate workstations says English; the product is Vietnamese first, so the web UI
follows only the switch (a cookie). API clients may ask with Accept-Language.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers

SUPPORTED = {code for code, _name in settings.LANGUAGES}


class LanguageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        is_api = request.path.startswith("/api/")
        if chosen not in SUPPORTED:
            chosen = (
                translation.get_language_from_request(request) if is_api else settings.LANGUAGE_CODE
            )
        translation.activate(chosen)
        request.LANGUAGE_CODE = chosen
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie", "Accept-Language") if is_api else ("Cookie",))
        response.headers.setdefault("Content-Language", chosen)
        return response
