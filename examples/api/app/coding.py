"""Suggests ICD-10 codes for a visit, using Gemini on Vertex AI in the EU."""
from google import genai

client = genai.Client(vertexai=True, project="northwind-clinic", location="europe-west4")


def suggest_codes(visit_text: str) -> list[str]:
    response = client.models.generate_content(
        model="gemini-2.5-flash",
        contents=f"List ICD-10 codes, one per line, for:\n{visit_text}",
    )
    return [line.strip() for line in response.text.splitlines() if line.strip()]
