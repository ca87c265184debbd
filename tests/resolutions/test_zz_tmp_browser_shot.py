import pytest

pytestmark = [pytest.mark.django_db(transaction=True)]


def test_shot(live_server, page):
    from bienphong.web.demo import load_demo
    from bienphong.resolutions.models import Resolution, Proposal, Movement

    load_demo()
    r = Resolution.objects.get()
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", "thammuu.bch")
    page.fill("#id_password", "Demo-ThamMuu-2026")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}/resolutions/{r.pk}/")
    page.screenshot(path="/tmp/dash.png", full_page=True)
    page.goto(
        f"{live_server.url}/resolutions/proposals/{Proposal.objects.filter(state='decided').first().pk}/"
    )
    page.screenshot(path="/tmp/prop.png", full_page=True)
    page.goto(f"{live_server.url}/resolutions/movements/{Movement.objects.get().pk}/")
    page.screenshot(path="/tmp/mov.png", full_page=True)
    page.goto(f"{live_server.url}/resolutions/{r.pk}/progress.pdf?unit=QN")
