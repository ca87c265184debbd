"""The `--crossings` part of `bienphong demo`: generate, then bring the rollups up to date."""

from __future__ import annotations

from typing import Any

from django.core.management.base import CommandError
from tqdm import tqdm

from . import generator, rollup


def generate_from_command(command: Any, count: int) -> None:
    from bienphong.org.models import User
    from bienphong.org.roles import Role

    if count < 0:
        raise CommandError("--crossings must be a positive number.")
    officer = User.objects.filter(memberships__role=Role.CHECKPOINT_OFFICER).order_by("pk").first()
    if officer is None:
        raise CommandError("No checkpoint officer to record the demo crossings.")
    with tqdm(total=count, unit="crossing", unit_scale=True, desc="crossings") as bar:
        try:
            result = generator.generate(crossings=count, officer_id=officer.pk, progress=bar.update)
        except generator.AlreadyGenerated as error:
            raise CommandError(str(error)) from error
    command.stdout.write(
        f"Generated {result.crossings} crossings for {result.travellers} travellers "
        f"in {result.seconds:.1f} s ({result.crossings / max(result.seconds, 0.001):,.0f}/s)."
    )
    # The rollups count settled rows only; demo rows are in the past, so settle them now.
    watermark = rollup.refresh(settle=False)
    command.stdout.write(f"Rollups refreshed up to crossing {watermark}.")
