package io.groundwork.eval;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A development set of questions over one ingestion source, as people ask them, each with the
 * documents that answer it and the key fact an answer must contain; or with no document, when
 * nothing in the source answers it. A question asked by several users is one entry per user
 * (id {@code base@user}), so the same question can be asked by a user who may read its
 * document and by one who may not. Immutable.
 *
 * <p>File form (YAML):
 *
 * <pre>
 * source: samples
 * questions:
 *   - id: leave-uk-days
 *     question: "how many days holiday do I get in the UK?"
 *     user: bob                       # or users: [alice, bob]
 *     documents: [hr/leave-policy.md] # any of them counts as the right source
 *     facts: ["27 days"]              # any of them in the answer counts as the key fact
 *     tags: [paraphrase]
 *   - id: dog-leeds
 *     question: "Can I bring my dog into the Leeds office?"
 *     user: bob                       # no documents: nothing answers it
 * </pre>
 *
 * @param file where the set was read from
 * @param source the ingestion source whose documents the questions are about
 * @param questions the questions, one per asking user, in file order
 */
public record DevSet(Path file, String source, List<DevQuestion> questions) {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  public DevSet {
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException(file + ": the dev set names its source");
    }
    if (questions == null || questions.isEmpty()) {
      throw new IllegalArgumentException(file + ": the dev set has no questions");
    }
    questions = List.copyOf(questions);
    Set<String> ids = new HashSet<>();
    for (DevQuestion q : questions) {
      if (!ids.add(q.id())) {
        throw new IllegalArgumentException(file + ": question id '" + q.id() + "' is used twice");
      }
    }
  }

  /**
   * One question asked by one user.
   *
   * @param id unique id in the set
   * @param question the question as the user types it
   * @param user the built-in user who asks
   * @param documents paths (within the source) of the documents that answer it; empty when
   *     nothing in the source answers it
   * @param facts alternatives, one of which a right answer contains (case and spacing ignored);
   *     empty exactly when {@code documents} is
   * @param tags free labels for reading results by kind (paraphrase, typo, short, howto, ...)
   */
  public record DevQuestion(String id, String question, String user, List<String> documents,
      List<String> facts, List<String> tags) {
    public DevQuestion {
      documents = List.copyOf(documents);
      facts = List.copyOf(facts);
      tags = List.copyOf(tags);
    }

    /** True when some document of the source answers the question. */
    public boolean answerable() {
      return !documents.isEmpty();
    }
  }

  record Entry(String id, String question, String user, List<String> users,
      List<String> documents, List<String> facts, List<String> tags) {}

  record FileForm(String source, List<Entry> questions) {}

  /** Reads and checks a dev set file. */
  public static DevSet load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no such file: " + file);
    }
    FileForm form;
    try {
      form = new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .readValue(Files.readString(file), FileForm.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read dev set " + file + ": " + e.getMessage(), e);
    }
    if (form == null || form.questions() == null) {
      throw new IllegalArgumentException(file + ": the dev set has no questions");
    }
    List<DevQuestion> questions = new ArrayList<>();
    int index = 0;
    for (Entry entry : form.questions()) {
      index++;
      String where = file + ": question " + index;
      if (entry == null) {
        throw new IllegalArgumentException(where + " is empty");
      }
      if (entry.id() == null || !ID.matcher(entry.id()).matches()) {
        throw new IllegalArgumentException(where + ": id must be letters, digits, '.', '_' or"
            + " '-', got " + (entry.id() == null ? "none" : "'" + entry.id() + "'"));
      }
      where = file + ": question '" + entry.id() + "'";
      if (entry.question() == null || entry.question().isBlank()) {
        throw new IllegalArgumentException(where + " has no question text");
      }
      List<String> users = users(entry, where);
      List<String> documents = strings(entry.documents(), where, "documents");
      List<String> facts = strings(entry.facts(), where, "facts");
      if (documents.isEmpty() != facts.isEmpty()) {
        throw new IllegalArgumentException(where + ": an answerable question names both its"
            + " documents and its facts; an unanswerable one names neither");
      }
      List<String> tags = strings(entry.tags(), where, "tags");
      for (String user : users) {
        String id = users.size() == 1 && entry.user() != null ? entry.id() : entry.id() + "@" + user;
        questions.add(new DevQuestion(id, entry.question().strip(), user, documents, facts, tags));
      }
    }
    return new DevSet(file, form.source(), questions);
  }

  private static List<String> users(Entry entry, String where) {
    if ((entry.user() == null) == (entry.users() == null)) {
      throw new IllegalArgumentException(where + ": give either user or users");
    }
    List<String> users = entry.user() != null ? List.of(entry.user())
        : strings(entry.users(), where, "users");
    if (users.isEmpty() || users.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException(where + ": users must not be empty or blank");
    }
    if (new HashSet<>(users).size() != users.size()) {
      throw new IllegalArgumentException(where + ": a user is listed twice");
    }
    return users;
  }

  private static List<String> strings(List<String> values, String where, String field) {
    if (values == null) {
      return List.of();
    }
    for (String value : values) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(where + ": " + field + " must not contain blanks");
      }
    }
    return values.stream().map(String::strip).toList();
  }
}
