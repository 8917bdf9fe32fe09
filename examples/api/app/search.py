"""Semantic search over clinical guidelines (no patient data is embedded)."""
from openai import OpenAI

# Local embedding server for the guideline index.
local = OpenAI(base_url="http://localhost:11434/v1", api_key="ollama")

# Re-ranking still goes to OpenAI directly.
reranker = OpenAI()


def embed(texts: list[str]) -> list[list[float]]:
    result = local.embeddings.create(model="nomic-embed-text", input=texts)
    return [d.embedding for d in result.data]


def rerank(query: str, passages: list[str]) -> list[str]:
    prompt = "Order these passages by relevance to: " + query + "\n" + "\n".join(passages)
    reply = reranker.chat.completions.create(model="gpt-4.1-mini", messages=[{"role": "user", "content": prompt}])
    return reply.choices[0].message.content.splitlines()
