/**
 * Embeddings: the in-process ONNX embedding models bundled with LangChain4j, chosen by
 * configuration, with each model's query/passage conventions and its own tokenizer.
 */
package io.groundwork.embed;
