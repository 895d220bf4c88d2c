package io.groundwork.retrieve;

/** Finds the chunks that best match a query among those the caller may read. */
public interface Retriever {
  RetrievalResult retrieve(RetrievalRequest request);
}
