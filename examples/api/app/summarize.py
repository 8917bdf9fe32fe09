"""Visit-note summaries for clinicians, generated with Claude on Amazon Bedrock."""
from anthropic import AnthropicBedrock

from .models import VisitNote

MODEL_ID = "eu.anthropic.claude-sonnet-4-5-20250929-v1:0"

client = AnthropicBedrock(aws_region="eu-central-1")


def summarize(note: VisitNote) -> str:
    message = client.messages.create(
        model=MODEL_ID,
        max_tokens=600,
        messages=[{"role": "user", "content": f"Summarise for the chart:\n{note.text}"}],
    )
    return message.content[0].text
