"""Routes incoming patient messages to the right care team."""
import json

import boto3

# The triage model was first deployed next to the US call centre.
bedrock = boto3.client("bedrock-runtime", region_name="us-east-1")

TEAMS = ["cardiology", "dermatology", "general", "urgent"]


def triage(message: str) -> str:
    response = bedrock.converse(
        modelId="anthropic.claude-3-5-haiku-20241022-v1:0",
        messages=[{"role": "user", "content": [{"text": f"Pick one of {TEAMS} for: {message}"}]}],
    )
    answer = response["output"]["message"]["content"][0]["text"].strip().lower()
    return answer if answer in TEAMS else "general"


def triage_batch(messages: list[str]) -> str:
    return json.dumps([triage(m) for m in messages])
