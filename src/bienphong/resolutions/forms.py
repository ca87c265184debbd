"""Forms of the authoring screens: they parse input; the services decide and audit."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from bienphong.errors import Conflict, PermissionDenied, ValidationFailed

from .indicators import registry
from .models import Area, Criterion, Document, Milestone, Movement, Resolution, Target

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ResolutionForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Resolution
        fields = ["code", "title", "issuing_body", "term_start", "term_end", "issued_on", "summary"]
        widgets = {"issued_on": DATE, "summary": forms.Textarea(attrs={"rows": 2})}


class AreaForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Area
        fields = ["kind", "code", "title", "weight", "order"]


class TargetForm(forms.ModelForm):  # type: ignore[type-arg]
    indicator = forms.ChoiceField(label=_("indicator"), required=False)

    class Meta:
        model = Target
        fields = [
            "code",
            "title",
            "area",
            "measure_unit",
            "baseline",
            "target_value",
            "direction",
            "deadline",
            "indicator",
        ]
        widgets = {"deadline": DATE}

    def __init__(self, *args: Any, resolution: Resolution, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = resolution.areas.all()  # type: ignore[attr-defined]
        self.fields["indicator"].choices = [  # type: ignore[attr-defined]
            ("", pgettext_lazy("resolutions", "— reported by hand —")),
            *registry.choices(),
        ]


class DocumentForm(forms.ModelForm):  # type: ignore[type-arg]
    unit = forms.ChoiceField(label=pgettext_lazy("resolutions", "Unit"))

    class Meta:
        model = Document
        fields = ["kind", "number", "issued_on", "signer", "title"]
        widgets = {"issued_on": DATE}

    def __init__(self, *args: Any, units: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if units is None:
            del self.fields["unit"]
        else:
            self.fields["unit"].choices = [(u.code, u.name) for u in units]  # type: ignore[attr-defined]
            self.order_fields(["unit"])


class MilestoneForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Milestone
        fields = ["title", "due"]
        widgets = {"due": DATE}


class MovementForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Movement
        fields = ["title", "start", "end", "description"]
        widgets = {"start": DATE, "end": DATE, "description": forms.Textarea(attrs={"rows": 2})}


class CriterionForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Criterion
        fields = ["code", "name", "kind", "max_points"]


class ProgramForm(forms.Form):
    title = forms.CharField(label=pgettext_lazy("resolutions", "Title"), max_length=300)
    parent = forms.TypedChoiceField(
        label=_("Superior's program"), coerce=int, required=False, empty_value=None
    )


class ItemForm(forms.Form):
    code = forms.CharField(label=pgettext_lazy("resolutions", "Code"), max_length=30)
    title = forms.CharField(label=pgettext_lazy("resolutions", "Title"), max_length=300)
    parent = forms.TypedChoiceField(
        label=_("Implements the superior's item"), coerce=int, required=False, empty_value=None
    )
    area = forms.TypedChoiceField(
        label=pgettext_lazy("resolutions", "Area"), coerce=int, required=False, empty_value=None
    )
    weight = forms.DecimalField(label=pgettext_lazy("resolutions", "Weight"), initial=1)
    solutions = forms.CharField(
        label=_("Solutions"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class TaskForm(forms.Form):
    item = forms.TypedChoiceField(label=pgettext_lazy("resolutions", "Program item"), coerce=int)
    title = forms.CharField(label=pgettext_lazy("resolutions", "Title"), max_length=300)
    owner = forms.ChoiceField(label=pgettext_lazy("resolutions", "Owner"))
    start = forms.DateField(label=_("Start"), widget=DATE)
    deadline = forms.DateField(label=pgettext_lazy("resolutions", "Deadline"), widget=DATE)
    weight = forms.DecimalField(label=pgettext_lazy("resolutions", "Weight"), initial=1)


class RegistrationForm(forms.Form):
    unit = forms.ChoiceField(label=pgettext_lazy("resolutions", "Unit"))


def run(form: forms.BaseForm, call: Callable[[dict[str, Any]], Any]) -> bool:
    """Validate ``form`` and call the service; its errors land on the form's fields."""
    if not form.is_valid():
        return False
    try:
        call(dict(form.cleaned_data))
    except (ValidationFailed, Conflict, PermissionDenied) as error:
        fields = (
            error.fields
            if isinstance(error, ValidationFailed) and error.fields
            else {"__all__": [str(error.message)]}
        )
        for field, messages in fields.items():
            for message in messages:
                form.add_error(field if field in form.fields else None, message)
        return False
    return True
