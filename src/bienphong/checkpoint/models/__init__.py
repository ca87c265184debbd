from .config import ListItem, ListKind, VisaRule
from .crossings import Crossing, Decision, Direction, Stay
from .travellers import DocumentType, TravelDocument, Traveller, TravellerMerge
from .vehicles import Vehicle, VehicleCrossing, VehiclePermit

__all__ = [
    "Crossing",
    "Decision",
    "Direction",
    "DocumentType",
    "ListItem",
    "ListKind",
    "Stay",
    "TravelDocument",
    "Traveller",
    "TravellerMerge",
    "Vehicle",
    "VehicleCrossing",
    "VehiclePermit",
    "VisaRule",
]
