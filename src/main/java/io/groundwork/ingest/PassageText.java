package io.groundwork.ingest;

/**
 * The text a chunk is embedded as: the document title and the chunk's headings, then the chunk.
 * The title and headings travel with every chunk so that a passage is never cut off from what it
 * is about (the second chunk of an abstract still names its subject). Stateless.
 */
public final class PassageText {
  private PassageText() {}

  public static String of(String title, Chunk chunk) {
    StringBuilder text = new StringBuilder(title == null ? "" : title);
    if (!chunk.headingPath().isEmpty()) {
      text.append(" - ").append(String.join(" > ", chunk.headingPath()));
    }
    return text.append('\n').append(chunk.text()).toString();
  }
}
