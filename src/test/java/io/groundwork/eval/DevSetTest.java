package io.groundwork.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.groundwork.eval.DevSet.DevQuestion;
import io.groundwork.ingest.PipelineConfig;
import io.groundwork.ingest.PipelineDefinition;
import io.groundwork.ingest.SourceFiles;
import io.groundwork.security.Caller;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevSetTest {
  static final Path QUESTIONS = Path.of("ingestion/eval/devset/questions.yaml");
  static final Path PIPELINE = Path.of("ingestion/pipeline.yaml");
  /** The demo users of src/main/resources/users.yaml and their groups. */
  static final Map<String, Caller> USERS = Map.of(
      "alice", new Caller("alice", Set.of("hr")), "bob", new Caller("bob", Set.of()),
      "carol", new Caller("carol", Set.of("finance")),
      "dave", new Caller("dave", Set.of("security")),
      "erin", new Caller("erin", Set.of("auditor", "admin")));

  @TempDir
  Path dir;

  static AnswerEvaluation evaluation() {
    SourceFiles samples = new PipelineDefinition(PIPELINE.toAbsolutePath(),
        PipelineConfig.load(PIPELINE)).sourceFiles("samples");
    return new AnswerEvaluation(samples, name -> {
      Caller caller = USERS.get(name);
      if (caller == null) {
        throw new IllegalArgumentException("unknown user '" + name + "'");
      }
      return caller;
    });
  }

  @Test
  void theCheckedInSetHasWhatTheSampleCorpusNeedsMeasured() {
    DevSet set = DevSet.load(QUESTIONS);
    AnswerEvaluation evaluation = evaluation();
    evaluation.check(set); // every document exists, every user is known

    Map<AnswerEvaluation.Kind, Long> kinds = set.questions().stream()
        .collect(Collectors.groupingBy(evaluation::kind, Collectors.counting()));
    assertThat(set.questions()).hasSizeGreaterThanOrEqualTo(150);
    assertThat(kinds.get(AnswerEvaluation.Kind.UNANSWERABLE)).isGreaterThanOrEqualTo(25);
    // Confidential questions asked by a member of the group and by someone outside it.
    List<DevQuestion> confidential = set.questions().stream()
        .filter(q -> q.documents().stream().anyMatch(d -> d.contains("/confidential/"))).toList();
    assertThat(confidential.stream().filter(q -> evaluation.kind(q) == AnswerEvaluation.Kind.ANSWERABLE))
        .hasSizeGreaterThanOrEqualTo(20);
    assertThat(confidential.stream().filter(q -> evaluation.kind(q) == AnswerEvaluation.Kind.FORBIDDEN))
        .hasSizeGreaterThanOrEqualTo(20);
    assertThat(set.questions()).allSatisfy(q -> {
      if (q.answerable()) {
        assertThat(q.facts()).as(q.id()).isNotEmpty();
      }
    });
  }

  @Test
  void everyKeyFactIsWrittenInOneOfItsTextDocuments() throws IOException {
    // For documents stored as text (md, txt, html) the key fact must be quoted from the
    // document, so that a miss is the answerer's and not the set's; binary documents are
    // generated from ingestion/tools/sources, checked there.
    DevSet set = DevSet.load(QUESTIONS);
    Path samples = Path.of("ingestion/samples");
    Path sources = Path.of("ingestion/tools/sources");
    Map<String, String> generated = new java.util.HashMap<>();
    try (var files = Files.list(sources)) {
      for (Path source : files.toList()) {
        String text = Files.readString(source);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("output: (\\S+)").matcher(text);
        if (m.find()) {
          generated.put(m.group(1), text);
        }
      }
    }
    for (DevQuestion q : set.questions()) {
      if (!q.answerable()) {
        continue;
      }
      StringBuilder texts = new StringBuilder();
      for (String document : q.documents()) {
        String text = generated.containsKey(document) ? generated.get(document)
            : Files.readString(samples.resolve(document));
        texts.append(text.replace("&gt;", ">").replace("&lt;", "<").replace("&amp;", "&"))
            .append('\n');
      }
      assertThat(AnswerEvaluation.containsFact(texts.toString(), q.facts()))
          .as("a key fact of %s appears in %s", q.id(), q.documents()).isTrue();
    }
  }

  @Test
  void aQuestionAskedByTwoUsersIsTwoQuestions() throws IOException {
    Path file = dir.resolve("set.yaml");
    Files.writeString(file, """
        source: samples
        questions:
          - {id: band, question: "L5 range?", users: [alice, bob], documents: [hr/a.pdf], facts: ["78,000"]}
          - {id: dog, question: "  Dogs allowed? ", user: bob}
        """);
    DevSet set = DevSet.load(file);
    assertThat(set.questions()).extracting(DevQuestion::id)
        .containsExactly("band@alice", "band@bob", "dog");
    assertThat(set.questions().get(2).question()).isEqualTo("Dogs allowed?");
    assertThat(set.questions().get(2).answerable()).isFalse();
    assertThat(set.questions().get(2).tags()).isEmpty();
  }

  @Test
  void badFilesAreRejectedWithTheReason() throws IOException {
    assertThatThrownBy(() -> DevSet.load(dir.resolve("none.yaml")))
        .hasMessage("no such file: " + dir.resolve("none.yaml"));
    assertRejected("""
        source: samples
        questions:
          - {id: a, question: "q", user: bob, documents: [x.md]}
        """, ": question 'a': an answerable question names both its documents and its facts;"
        + " an unanswerable one names neither");
    assertRejected("""
        source: samples
        questions:
          - {id: a, question: "q", user: bob, users: [alice]}
        """, ": question 'a': give either user or users");
    assertRejected("""
        source: samples
        questions:
          - {id: a, question: "q", user: bob}
          - {id: a, question: "r", user: bob}
        """, ": question id 'a' is used twice");
    assertRejected("""
        source: samples
        questions:
          - {id: "a b", question: "q", user: bob}
        """, ": question 1: id must be letters, digits, '.', '_' or '-', got 'a b'");
    assertRejected("""
        questions:
          - {id: a, question: "q", user: bob}
        """, ": the dev set names its source");
  }

  @Test
  void unknownDocumentsAndUsersAreFoundBeforeAnyQuestionIsAsked() throws IOException {
    Path file = dir.resolve("set.yaml");
    Files.writeString(file, """
        source: samples
        questions:
          - {id: a, question: "q", user: bob, documents: [hr/no-such-policy.md], facts: [x]}
        """);
    assertThatThrownBy(() -> evaluation().check(DevSet.load(file))).hasMessage(
        "question 'a': hr/no-such-policy.md is not a file of source 'samples'");
    Files.writeString(file, """
        source: samples
        questions:
          - {id: a, question: "q", user: mallory}
        """);
    assertThatThrownBy(() -> evaluation().check(DevSet.load(file)))
        .hasMessage("unknown user 'mallory'");
  }

  private void assertRejected(String yaml, String message) throws IOException {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, yaml);
    assertThatThrownBy(() -> DevSet.load(file)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage(file + message);
  }
}
