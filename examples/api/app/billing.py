"""Drafts billing letters. The Bedrock region comes from the deployment environment."""
import os

import boto3

# S3 holds the generated PDFs; its region is not an LLM setting.
s3 = boto3.client("s3", region_name="eu-west-1")
bedrock = boto3.client("bedrock-runtime", region_name=os.environ["BILLING_BEDROCK_REGION"])


def draft_letter(invoice: dict) -> str:
    response = bedrock.converse(
        modelId="eu.amazon.nova-pro-v1:0",
        messages=[{"role": "user", "content": [{"text": f"Draft a polite billing letter for {invoice}"}]}],
    )
    text = response["output"]["message"]["content"][0]["text"]
    s3.put_object(Bucket="northwind-letters", Key=f"{invoice['id']}.txt", Body=text.encode())
    return text
