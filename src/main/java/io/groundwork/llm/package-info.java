/**
 * Language-model back ends: the typed {@code groundwork.llm.*} settings and the CDI wiring of
 * LangChain4j's {@link dev.langchain4j.model.chat.ChatModel} and
 * {@link dev.langchain4j.model.chat.StreamingChatModel} for Ollama or any OpenAI-compatible
 * endpoint (vLLM, llama.cpp server, ...). With {@code groundwork.llm.provider=none} (the
 * default) no model is built and answers stay extractive.
 */
package io.groundwork.llm;
