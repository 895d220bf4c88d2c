package io.groundwork.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundwork.eval.AnswerEvaluation;
import io.groundwork.eval.AnswerEvaluation.Outcome;
import io.groundwork.eval.DevSet;
import io.groundwork.eval.DevSet.DevQuestion;
import io.groundwork.ingest.IngestionListener;
import io.groundwork.ingest.IngestionReport;
import io.groundwork.ingest.IngestionService;
import io.groundwork.ingest.PipelineConfig.SourceConfig;
import io.groundwork.ingest.SourceFiles;
import io.groundwork.qa.AskRequest;
import io.groundwork.qa.QuestionAnswering;
import io.groundwork.security.UserDirectory;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The dev set through the language-model path: the documents of a seeded sample of the dev set
 * (and some others) ingested into a data directory of its own, the sample asked through
 * {@link QuestionAnswering} with an Ollama back end (a scripted local server), and scored by the same {@link AnswerEvaluation} as
 * the extractive answerer. The scripted model answers as a faithful model would: it quotes the
 * sentence of the numbered source that states the question's key fact and cites that source, or
 * replies with the refusal when no source it was given states it.
 */
@QuarkusTest
@TestProfile(DevSetLlmPathTest.ScriptedOllamaOwnData.class)
@Tag("slow")
class DevSetLlmPathTest {
  private static final Logger LOG = Logger.getLogger(DevSetLlmPathTest.class);
  static final long SEED = 20_251_204L;
  static final int SAMPLE = 40;

  /** The scripted Ollama server, and the sample corpus alone in a data directory of its own. */
  public static class ScriptedOllamaOwnData implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("groundwork.data-dir", "target/test-data/devset-llm-" + java.util.UUID.randomUUID());
    }

    @Override
    public List<TestResourceEntry> testResources() {
      // A generous timeout: a fallback here would be the machine's load, not the path's behaviour.
      return List.of(new TestResourceEntry(ScriptedLlmResource.class,
          Map.of("provider", "ollama", "timeout", "60s")));
    }
  }

  ScriptedLlmServer llm;

  @Inject
  IngestionService ingestion;

  @Inject
  QuestionAnswering qa;

  @Inject
  UserDirectory users;

  @Test
  void theDevSetIsScoredThroughTheLanguageModelPath() throws IOException {
    DevSet set = DevSet.load(Path.of("ingestion/eval/devset/questions.yaml"));
    List<DevQuestion> sample = new ArrayList<>(set.questions());
    Collections.shuffle(sample, new Random(SEED));
    sample = sample.subList(0, SAMPLE);
    LOG.infof("dev set through the LLM path: %d questions, seed %d", SAMPLE, SEED);

    // The documents the sample is about, and every tenth other one as distractors: the source's
    // own access rules, a fraction of its ingestion time.
    SourceFiles samples = ingestion.pipeline().sourceFiles(set.source());
    Set<String> documents = new TreeSet<>();
    sample.forEach(q -> documents.addAll(q.documents()));
    List<String> all = samples.list();
    for (int i = 0; i < all.size(); i += 10) {
      documents.add(all.get(i));
    }
    SourceConfig config = samples.source();
    IngestionReport report = ingestion.runSource(new SourceFiles(new SourceConfig(config.name(),
        config.path(), List.copyOf(documents), config.exclude(), config.defaultGroups(),
        config.access()), samples.root()), "test", IngestionListener.NONE);
    assertThat(report.failed()).isEmpty();
    assertThat(report.ingested()).isEqualTo(documents.size());

    String refusal = Files.readString(Path.of("prompts/refusal.txt")).strip();
    Map<String, DevQuestion> byText = new ConcurrentHashMap<>();
    sample.forEach(q -> byText.put(q.question(), q));
    // Questions are asked one at a time: the script's last decision belongs to the question
    // being asked (the same text asked by two users can be grounded for one and not the other).
    java.util.concurrent.atomic.AtomicBoolean lastGrounded =
        new java.util.concurrent.atomic.AtomicBoolean();
    Set<String> grounded = ConcurrentHashMap.newKeySet();
    llm.script(new ScriptedLlmServer.Reply(user -> {
      DevQuestion question = byText.values().stream().filter(q -> user.contains(q.question()))
          .findFirst().orElseThrow(() -> new AssertionError("no dev set question in:\n" + user));
      List<String> sources = ScriptedLlmServer.sources(user);
      for (int i = 0; i < sources.size(); i++) {
        String sentence = sentenceStating(sources.get(i), question.facts());
        if (sentence != null) {
          lastGrounded.set(true);
          return sentence + " [" + (i + 1) + "]";
        }
      }
      return refusal;
    }));

    AnswerEvaluation evaluation = new AnswerEvaluation(samples,
        name -> users.find(name).orElseThrow());
    AnswerEvaluation.Results results = evaluation.run(sample, (caller, question) -> {
      lastGrounded.set(false);
      var result = qa.ask(caller, AskRequest.of(question));
      if (lastGrounded.get()) {
        grounded.add(caller.name() + ": " + question);
      }
      return result;
    });
    AnswerEvaluation.Figures f = results.figures();
    LOG.infof("LLM path: key facts %.4f, right source first %.4f, refusal precision %.4f, recall"
            + " %.4f, leaks %d, p50 %.0f ms, p95 %.0f ms", f.keyFactRate(), f.rightSourceFirstRate(),
        f.refusalPrecision(), f.refusalRecall(), f.leaks(), f.latencyP50Millis(),
        f.latencyP95Millis());

    assertThat(f.questions()).isEqualTo(SAMPLE);
    assertThat(f.answerable() + f.unanswerable() + f.forbidden()).isEqualTo(SAMPLE);
    assertThat(f.answerable()).isPositive();
    assertThat(f.unanswerable() + f.forbidden()).isPositive();
    assertThat(f.leaks()).isZero();
    assertThat(f.retrievedLeaks()).isZero();
    assertThat(f.fallbacks()).isZero();
    for (Outcome o : results.outcomes()) {
      String id = o.question().id();
      assertThat(o.answerer()).as(id).isEqualTo("ollama:test-model");
      if (grounded.contains(o.question().user() + ": " + o.question().question())) {
        // A quoted sentence with its citation survives verification and states the fact.
        assertThat(o.refused()).as("%s -> %s", id, o.answer()).isFalse();
        assertThat(o.factFound()).as("%s -> %s", id, o.answer()).isTrue();
      } else {
        assertThat(o.refused()).as("%s -> %s", id, o.answer()).isTrue();
      }
      if (o.kind() != AnswerEvaluation.Kind.ANSWERABLE) {
        // Nothing the asker may read states the fact: the model never saw it, and refused.
        assertThat(o.refused()).as("%s -> %s", id, o.answer()).isTrue();
      }
    }
    long answerableGrounded = results.outcomes().stream()
        .filter(o -> o.kind() == AnswerEvaluation.Kind.ANSWERABLE)
        .filter(o -> grounded.contains(o.question().user() + ": " + o.question().question()))
        .count();
    assertThat(f.keyFacts()).isEqualTo((int) answerableGrounded);
    assertThat(f.refusalRecall()).isEqualTo(1.0);
    assertThat(f.refusalsWrong()).isEqualTo(f.answerable() - (int) answerableGrounded);
  }

  /** The line or sentence of {@code source} that states one of {@code facts}, or null. */
  static String sentenceStating(String source, List<String> facts) {
    for (String line : source.split("\\n")) {
      for (String sentence : line.split("(?<=[.!?])\\s+(?=[A-Z])")) {
        if (!sentence.isBlank() && AnswerEvaluation.containsFact(sentence, facts)) {
          return sentence.strip();
        }
      }
    }
    return null;
  }
}
