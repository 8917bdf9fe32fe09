from dataclasses import dataclass


@dataclass
class VisitNote:
    patient_id: str
    text: str
