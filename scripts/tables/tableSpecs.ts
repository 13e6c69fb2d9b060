// The eight generated tables: which genai-prices provider and which LiteLLM entries feed each.

/** How one built-in table is drawn from the catalogs. */
export interface TableSpec {
  /** The table id. */
  readonly id: string;
  /** The `provider` of its models. */
  readonly provider: string;
  readonly label: string;
  /** The genai-prices v2 provider id whose records (and fallbacks) price it. */
  readonly genaiProvider: string;
  /** LiteLLM `litellm_provider` values whose entries belong to it. */
  readonly litellmProviders: readonly string[];
  /** The prefix LiteLLM puts before the ids the provider's API uses (stripped). */
  readonly litellmPrefix: string;
  /** The provider's public price page. */
  readonly pricingPage: string;
}

export const TABLE_SPECS: readonly TableSpec[] = [
  {
    id: "openai",
    provider: "openai",
    label: "OpenAI API list prices",
    genaiProvider: "openai",
    litellmProviders: ["openai", "text-completion-openai"],
    litellmPrefix: "",
    pricingPage: "https://platform.openai.com/docs/pricing",
  },
  {
    id: "anthropic",
    provider: "anthropic",
    label: "Anthropic API list prices",
    genaiProvider: "anthropic",
    litellmProviders: ["anthropic"],
    litellmPrefix: "",
    pricingPage: "https://www.anthropic.com/pricing#api",
  },
  {
    id: "google",
    provider: "google",
    label: "Google Gemini API list prices",
    genaiProvider: "google",
    litellmProviders: ["gemini"],
    litellmPrefix: "gemini/",
    pricingPage: "https://ai.google.dev/gemini-api/docs/pricing",
  },
  {
    id: "google-vertex",
    provider: "google-vertex",
    label: "Google Vertex AI list prices",
    genaiProvider: "google",
    litellmProviders: [
      "vertex_ai-language-models",
      "vertex_ai-anthropic_models",
      "vertex_ai-embedding-models",
      "vertex_ai",
    ],
    litellmPrefix: "vertex_ai/",
    pricingPage: "https://cloud.google.com/vertex-ai/generative-ai/pricing",
  },
  {
    id: "aws-bedrock",
    provider: "aws-bedrock",
    label: "Amazon Bedrock list prices",
    genaiProvider: "aws",
    litellmProviders: ["bedrock", "bedrock_converse"],
    litellmPrefix: "bedrock/",
    pricingPage: "https://aws.amazon.com/bedrock/pricing/",
  },
  {
    id: "azure-openai",
    provider: "azure-openai",
    label: "Azure OpenAI list prices (global deployments)",
    genaiProvider: "azure",
    litellmProviders: ["azure", "azure_text"],
    litellmPrefix: "azure/",
    pricingPage:
      "https://azure.microsoft.com/en-us/pricing/details/cognitive-services/openai-service/",
  },
  {
    id: "mistral",
    provider: "mistral",
    label: "Mistral API list prices",
    genaiProvider: "mistral",
    litellmProviders: ["mistral"],
    litellmPrefix: "mistral/",
    pricingPage: "https://mistral.ai/pricing#api-pricing",
  },
  {
    id: "xai",
    provider: "xai",
    label: "xAI API list prices",
    genaiProvider: "x-ai",
    litellmProviders: ["xai"],
    litellmPrefix: "xai/",
    pricingPage: "https://docs.x.ai/docs/models",
  },
];

/** LiteLLM `mode`s of the models the tables hold: chat/text, reasoning and embedding. */
export const TEXT_MODES: readonly string[] = ["chat", "responses", "completion", "embedding"];
