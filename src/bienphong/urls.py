from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path
from django.views.generic import RedirectView

from bienphong.api import api
from bienphong.audit import views as audit_views
from bienphong.notifications import views as notification_views
from bienphong.org import views as org_views
from bienphong.web import views as web_views

urlpatterns = [
    path("", web_views.home, name="home"),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("units/", org_views.unit_list, name="units"),
    path("units/<str:code>/", org_views.unit_detail, name="unit_detail"),
    path("account/tokens/", org_views.token_list, name="tokens"),
    path("account/tokens/<int:token_id>/revoke/", org_views.token_revoke, name="token_revoke"),
    path("audit/", audit_views.entry_list, name="audit"),
    path("notifications/", notification_views.notification_list, name="notifications"),
    path("notifications/read/", notification_views.mark_all_read, name="notifications_read"),
    path("watchlists/", include("bienphong.watchlists.urls")),
    path("health/", include("bienphong.health.urls")),
    path("checkpoint/", include("bienphong.checkpoint.urls")),
    path("resolutions/", include("bienphong.resolutions.urls")),
    path("ports/", include("bienphong.ports.urls")),
    path("command/", include("bienphong.command.urls")),
    path("situation/", include("bienphong.situation.urls")),
    path("exports/", include("bienphong.exports.urls")),
    path("admin/", admin.site.urls),
    path("api/docs", RedirectView.as_view(url="/api/v1/docs", permanent=False), name="api_docs"),
    path("api/v1/", api.urls),
    # Anything else under /api/ answers in the API's error shape.
    re_path(r"^api/", web_views.not_found),
]

handler403 = "bienphong.web.views.forbidden"
handler404 = "bienphong.web.views.not_found"
handler500 = "bienphong.web.views.server_error"
