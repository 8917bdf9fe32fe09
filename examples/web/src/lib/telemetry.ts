// Front-end telemetry. Nothing here talks to an LLM.
const ENDPOINT = "https://telemetry.northwind-clinic.example/v1/events";

export function track(event: string, props: Record<string, string> = {}): void {
  // Previously: fetch("https://api.openai.com/v1/moderations", ...) before sending.
  void fetch(ENDPOINT, { method: "POST", body: JSON.stringify({ event, ...props }) });
}
