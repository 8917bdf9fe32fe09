"""Translates discharge instructions into the patient's language."""
import os

from groq import Groq
from mistralai import Mistral

mistral = Mistral(api_key=os.environ["MISTRAL_API_KEY"], server_url="https://api.mistral.ai")

# Fast path for short strings in the waiting-room kiosk.
# llm-compliance-ignore LLMC002 -- kiosk pilot, non-clinical text only; expires=2026-09-30; owner=kiosk-team
groq = Groq()


def translate(text: str, language: str) -> str:
    reply = mistral.chat.complete(
        model="mistral-large-latest",
        messages=[{"role": "user", "content": f"Translate into {language}:\n{text}"}],
    )
    return reply.choices[0].message.content


def translate_short(text: str, language: str) -> str:
    reply = groq.chat.completions.create(
        model="llama-3.3-70b-versatile",
        messages=[{"role": "user", "content": f"Translate into {language}: {text}"}],
    )
    return reply.choices[0].message.content
