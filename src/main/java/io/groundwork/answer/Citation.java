package io.groundwork.answer;

/**
 * A numbered reference from an answer to the exact passage that supports it.
 *
 * @param number the number used in the answer text, {@code [number]}
 * @param documentId the cited document
 * @param title the document's title
 * @param path the document's path within its source
 * @param chunkId the chunk holding the passage
 * @param start offset of the cited passage in the document text
 * @param end end offset of the cited passage in the document text
 * @param page 1-based page of the passage, 0 when the format has no pages
 * @param quote the cited passage, exactly the document text between start and end
 * @param url where to read the passage highlighted in its document
 */
public record Citation(
    int number, String documentId, String title, String path, String chunkId, int start, int end,
    int page, String quote, String url) {}
