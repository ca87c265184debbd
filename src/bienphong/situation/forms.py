"""Forms of the situation screens: plain inputs, in tab order, for keyboard entry."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bienphong.org.models import Unit

from .models import IncidentKind, PeriodKind
from .models.incidents import CrossingDirection
from .services import incidents as services
from .services.incidents import RECORDING_UNIT_TYPES


def _split_lines(text: str, width: int) -> list[list[str]]:
    rows = []
    for line in (text or "").splitlines():
        if line.strip():
            parts = [p.strip() for p in line.split(";")]
            rows.append((parts + [""] * width)[:width])
    return rows


class IncidentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=IncidentKind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    occurred_at = forms.DateTimeField(
        label=_("Occurred at"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    unit = forms.ModelChoiceField(label=_("Recording unit"), queryset=Unit.objects.none())
    place = forms.CharField(label=_("Place"), max_length=300)
    latitude = forms.DecimalField(
        label=_("Latitude"), required=False, max_digits=9, decimal_places=6
    )
    longitude = forms.DecimalField(
        label=_("Longitude"), required=False, max_digits=9, decimal_places=6
    )
    people_count = forms.IntegerField(label=_("People involved"), required=False, min_value=0)
    direction = forms.ChoiceField(
        label=_("Direction"), required=False, choices=[("", "—"), *CrossingDirection.choices]
    )
    goods = forms.CharField(label=_("Goods"), required=False, max_length=300)
    quantity = forms.DecimalField(
        label=_("Quantity"), required=False, max_digits=14, decimal_places=3
    )
    unit_of_measure = forms.CharField(label=_("Unit of measure"), required=False, max_length=32)
    estimated_value_vnd = forms.IntegerField(
        label=_("Estimated value (VND)"), required=False, min_value=0
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    actions_taken = forms.CharField(
        label=_("Actions taken"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    people = forms.CharField(
        label=_("People involved (one a line: name; document; nationality; role)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    vehicles = forms.CharField(
        label=_("Vehicles (one a line: plate; country VNM/CHN; description)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["unit"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = units.filter(unit_type__in=RECORDING_UNIT_TYPES)
        self.fields["kind"].widget.attrs["autofocus"] = True

    def to_data(self) -> services.IncidentIn:
        d = self.cleaned_data
        occurred = d["occurred_at"]
        if occurred is not None and timezone.is_naive(occurred):
            occurred = timezone.make_aware(occurred)
        return services.IncidentIn(
            kind=d["kind"],
            title=d["title"],
            occurred_at=occurred,
            unit=d["unit"],
            place=d["place"],
            latitude=d["latitude"],
            longitude=d["longitude"],
            description=d["description"],
            actions_taken=d["actions_taken"],
            people_count=d["people_count"],
            direction=d["direction"],
            goods=d["goods"],
            quantity=d["quantity"],
            unit_of_measure=d["unit_of_measure"],
            estimated_value_vnd=d["estimated_value_vnd"],
            people=[services.PersonIn(*row) for row in _split_lines(d["people"], 4)],
            vehicles=[services.VehicleIn(*row) for row in _split_lines(d["vehicles"], 3)],
        )

    @staticmethod
    def initial_from(incident: Any) -> dict[str, Any]:
        initial = {name: getattr(incident, name) for name in services.EDITABLE_FIELDS}
        initial["occurred_at"] = timezone.localtime(incident.occurred_at).strftime("%Y-%m-%dT%H:%M")
        initial["people"] = "\n".join(
            f"{p.name}; {p.document}; {p.nationality}; {p.role}" for p in incident.people.all()
        )
        initial["vehicles"] = "\n".join(
            f"{v.plate}; {v.country}; {v.description}" for v in incident.vehicles.all()
        )
        return initial


class ReportCreateForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=Unit.objects.none())
    period_kind = forms.ChoiceField(label=_("Period"), choices=PeriodKind.choices)
    period_start = forms.DateField(
        label=_("Period start"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["unit"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = units.filter(unit_type__in=("command", "post"))


class NarrativeForm(forms.Form):
    situation_inside = forms.CharField(
        label=_("Situation inside the border"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    situation_outside = forms.CharField(
        label=_("Situation outside the border"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    notable_events = forms.CharField(
        label=_("Notable events"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    proposals = forms.CharField(
        label=_("Proposals"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
