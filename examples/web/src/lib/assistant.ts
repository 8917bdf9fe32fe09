// The assistant panel in the clinician portal.
import { createGoogleVertex } from "@ai-sdk/google-vertex";
import Anthropic from "@anthropic-ai/sdk";
import { generateText } from "ai";

const vertex = createGoogleVertex({
  project: "northwind-clinic",
  location: "europe-west3",
});

// Added for a prototype of the appointment chatbot.
const anthropic = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });

export async function explainLabResult(result: string): Promise<string> {
  const { text } = await generateText({
    model: vertex("gemini-2.5-flash"),
    prompt: `Explain this lab result in plain language for a clinician: ${result}`,
  });
  return text;
}

export async function chat(message: string): Promise<string> {
  const reply = await anthropic.messages.create({
    model: "claude-sonnet-4-5",
    max_tokens: 400,
    messages: [{ role: "user", content: message }],
  });
  const block = reply.content[0];
  return block.type === "text" ? block.text : "";
}
