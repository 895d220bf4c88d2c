package io.groundwork.answer.type;

/**
 * An entity found in a text.
 *
 * @param type what it is
 * @param start offset of its first character in the text
 * @param end offset after its last character
 * @param text the covered text
 */
public record Entity(EntityType type, int start, int end, String text) {
  public Entity {
    if (type == null || text == null) {
      throw new IllegalArgumentException("type and text must not be null");
    }
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("invalid span [" + start + ", " + end + ")");
    }
  }
}
