package io.groundwork.conversation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A development set of conversations: each a few questions in order, of which the last is
 * scored against the document that should be cited first and the key fact its answer should
 * hold. Read from YAML ({@code conversations: [{id, user?, turns, document, fact}]}); validated
 * when read. Immutable.
 */
public record ConversationSet(List<Case> conversations) {
  /**
   * One conversation.
   *
   * @param id unique name
   * @param user who asks (a built-in user), or null for someone in no group
   * @param turns the questions in order, at least two
   * @param document path, within the sample source, of the document the last turn should cite first
   * @param fact alternatives, one of which the last answer should contain (case-insensitive)
   */
  public record Case(String id, String user, List<String> turns, String document,
      List<String> fact) {
    public Case {
      if (id == null || id.isBlank()) {
        throw new IllegalArgumentException("a conversation needs an id");
      }
      if (turns == null || turns.size() < 2) {
        throw new IllegalArgumentException("conversation " + id + " needs at least two turns");
      }
      if (document == null || fact == null || fact.isEmpty()) {
        throw new IllegalArgumentException("conversation " + id + " needs a document and a fact");
      }
      turns = List.copyOf(turns);
      fact = List.copyOf(fact);
    }

    /** True when {@code answer} holds one of the facts. */
    public boolean hasFact(String answer) {
      String text = answer.toLowerCase(java.util.Locale.ROOT);
      return fact.stream().anyMatch(f -> text.contains(f.toLowerCase(java.util.Locale.ROOT)));
    }
  }

  public ConversationSet {
    conversations = List.copyOf(conversations);
    Set<String> ids = new HashSet<>();
    for (Case c : conversations) {
      if (!ids.add(c.id())) {
        throw new IllegalArgumentException("conversation " + c.id() + " is listed twice");
      }
    }
  }

  /** Reads a set from a YAML file. */
  public static ConversationSet load(Path file) {
    try {
      return new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .readValue(file.toFile(), ConversationSet.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("conversation set " + file + " is invalid: "
          + e.getMessage(), e);
    }
  }
}
