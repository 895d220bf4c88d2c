package io.groundwork.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import io.groundwork.index.IndexedChunk;
import io.groundwork.retrieve.RetrievedChunk;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import io.groundwork.pii.Detectors;
import io.groundwork.pii.PiiDetector;
import org.junit.jupiter.api.Test;

class ContextPackerTest {
  private static final PromptLibrary PROMPTS = PromptLibrary.load(Path.of("prompts"));
  private static final HuggingFaceTokenCountEstimator TOKENS = new HuggingFaceTokenCountEstimator();

  private static RetrievedChunk chunk(String doc, String text) {
    return new RetrievedChunk(new IndexedChunk(doc + "-0", doc, "s", doc + ".md", "Title " + doc,
        "", text, 10, 10 + text.length(), 0, Set.of("everyone")), 0.03, 1, 1);
  }

  private static String sentences(String topic, int count) {
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= count; i++) {
      text.append("Fact ").append(i).append(" about ").append(topic)
          .append(" is written down in this sentence for the record. ");
    }
    return text.toString().strip();
  }

  @Test
  void maskingPersonalDataNeverTouchesAFence() {
    ContextPacker packer = new ContextPacker(PROMPTS, TOKENS, 4096, 512, 6, new Random(11));
    List<RetrievedChunk> chunks = List.of(chunk("a", "Alpha is first."));
    for (int i = 0; i < 2000; i++) {
      String boundary = packer.pack("What is alpha?", chunks).boundary();
      for (String fence : List.of("<<<SOURCE 1 " + boundary + ">>>",
          "<<<END SOURCE 12 " + boundary + ">>>")) {
        for (PiiDetector detector : Detectors.BUILT_IN.values()) {
          assertThat(detector.find(fence)).as("%s in %s", detector, fence).isEmpty();
        }
      }
    }
  }

  @Test
  void numbersAndFencesEverySourceWithAFreshBoundary() {
    ContextPacker packer = new ContextPacker(PROMPTS, TOKENS, 4096, 512, 6, new Random(7));
    List<RetrievedChunk> chunks = List.of(chunk("a", "Alpha is first."), chunk("b", "Beta next."));
    PackedContext first = packer.pack("What is alpha?", chunks);
    PackedContext second = packer.pack("What is alpha?", chunks);

    assertThat(first.boundary()).matches("[a-z]{16}").isNotEqualTo(second.boundary());
    assertThat(first.user())
        .contains("<<<SOURCE 1 " + first.boundary() + ">>>\nTitle: Title a\nAlpha is first.\n"
            + "<<<END SOURCE 1 " + first.boundary() + ">>>")
        .contains("<<<SOURCE 2 " + first.boundary() + ">>>")
        .contains("Question: What is alpha?")
        .doesNotContain("{{");
    assertThat(first.system()).contains(PROMPTS.template("refusal")).doesNotContain("{{");
    assertThat(first.citations()).extracting(Citation::number).containsExactly(1, 2);
    assertThat(first.citations().getFirst().quote()).isEqualTo("Alpha is first.");
    assertThat(first.droppedSources()).isZero();
  }

  @Test
  void sourcesStopAtTheBudgetAndTheLastOneIsCutAtASentence() {
    int context = 1100;
    int answer = 256;
    ContextPacker packer = new ContextPacker(PROMPTS, TOKENS, context, answer, 6, new Random(1));
    List<RetrievedChunk> chunks = List.of(chunk("a", sentences("alpha", 12)),
        chunk("b", sentences("beta", 12)), chunk("c", sentences("gamma", 12)),
        chunk("d", sentences("delta", 12)));
    PackedContext packed = packer.pack("What about beta?", chunks);

    assertThat(packed.estimatedTokens()).isLessThanOrEqualTo(context - answer);
    assertThat(packed.truncatedSources()).isEqualTo(1);
    assertThat(packed.citations().size()).isBetween(2, 3);
    assertThat(packed.droppedSources()).isEqualTo(4 - packed.citations().size());
    Citation last = packed.citations().getLast();
    assertThat(last.quote()).endsWith("for the record.");
    assertThat(last.end() - last.start()).isEqualTo(last.quote().length());
    assertThat(last.quote().length()).isLessThan(sentences("x", 12).length());
  }

  @Test
  void aBudgetThatCannotHoldTheSourcesIsAClearError() {
    ContextPacker packer = new ContextPacker(PROMPTS, TOKENS, 600, 500, 6);
    assertThatThrownBy(() -> packer.pack("What?", List.of(chunk("a", "Alpha."))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("raise groundwork.llm.context-tokens");
  }
}
