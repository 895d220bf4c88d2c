package io.groundwork.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import io.groundwork.embed.Embedder;
import io.groundwork.embed.EmbeddingModelSpec;
import io.groundwork.index.IndexedChunk;
import io.groundwork.retrieve.RetrievedChunk;
import dev.langchain4j.model.output.Response;
import io.groundwork.text.TermAnalyzer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractiveAnswererTest {
  private static ExtractiveAnswerer answerer;

  @BeforeAll
  static void loadModel(@TempDir Path prompts) throws Exception {
    Files.writeString(prompts.resolve("refusal.txt"), "Not in the knowledge base.");
    Files.writeString(prompts.resolve("extractive-answer.txt"), "From the knowledge base:");
    Embedder embedder = new Embedder(EmbeddingModelSpec.BGE_SMALL_EN_V15_Q,
        new BgeSmallEnV15QuantizedEmbeddingModel(), new HuggingFaceTokenCountEstimator(), 16);
    answerer = ExtractiveAnswerer.builder().embedder(embedder).terms(new TermAnalyzer())
        .weights(term -> 1.0).prompts(PromptLibrary.load(prompts)).build();
  }

  private static RetrievedChunk chunk(String doc, int start, String text) {
    return new RetrievedChunk(new IndexedChunk(doc + "-0", doc, "s", doc + ".md", "Title " + doc,
        "Heading", text, start, start + text.length(), 0, Set.of("everyone")), 0.03, 1, 1);
  }

  @Test
  void citesTheSentenceThatAnswersWithDocumentOffsets() {
    String vpn = "Heading\nThe VPN client is Cisco Secure Client. It connects to vpn.larkspur.example "
        + "on port 443. Support hours are 8:00 to 18:00.";
    String other = "Printers are on every floor. Colour printing needs a cost code.";
    Answer answer = answerer.answer(new AnswerRequest("Which host does the VPN client connect to?",
        List.of(chunk("vpn", 100, vpn), chunk("print", 0, other))));
    assertThat(answer.refused()).isFalse();
    Citation first = answer.citations().stream()
        .filter(c -> c.quote().equals("It connects to vpn.larkspur.example on port 443."))
        .findFirst().orElseThrow(() -> new AssertionError("not cited: " + answer.text()));
    assertThat(first.documentId()).isEqualTo("vpn");
    int local = vpn.indexOf(first.quote());
    assertThat(first.start()).isEqualTo(100 + local);
    assertThat(first.end()).isEqualTo(100 + local + first.quote().length());
    assertThat(answer.text()).startsWith("From the knowledge base:")
        .contains("It connects to vpn.larkspur.example on port 443. [" + first.number() + "]");
    assertThat(answer.citations()).extracting(Citation::number)
        .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1,
            answer.citations().size()).boxed().toList());
  }

  @Test
  void refusesWhenTheChunksDoNotAnswer() {
    Answer answer = answerer.answer(new AnswerRequest(
        "What is the recipe for the lasagna served in the canteen?",
        List.of(chunk("print", 0, "Printers are on every floor. Colour printing needs a cost code."))));
    assertThat(answer.refused()).isTrue();
    assertThat(answer.citations()).isEmpty();
    assertThat(answer.text()).isEqualTo("Not in the knowledge base.");
  }

  @Test
  void refusesWithoutChunks() {
    assertThat(answerer.answer(new AnswerRequest("Anything?", List.of())).refused()).isTrue();
  }

  @Test
  void aFactQuestionIsAnsweredByTheSentenceThatStatesTheFact() {
    String absence = "Long-term absence\nThis may include a referral to occupational health.";
    String provider = "Occupational health\nLarkspur's occupational health provider is Medivale "
        + "Occupational Health.";
    // The sentence chosen, whatever the calibrated threshold makes of these made-up
    // retrieval scores.
    Answer answer = answerer.assess(new AnswerRequest(
        "Which occupational health provider do we refer employees to?",
        List.of(chunk("absence", 0, absence), chunk("provider", 0, provider)))).proposed();
    assertThat(answer).isNotNull();
    assertThat(answer.citations().getFirst().quote()).contains("Medivale");
  }

  @Test
  void specificMeansANumberOrNameTheQuestionDoesNotAlreadySay() {
    Set<String> question = Set.of("which", "vpn", "client", "do", "we", "use");
    assertThat(ExtractiveAnswerer.specific("The VPN client is Cisco Secure Client.", question))
        .isTrue();
    assertThat(ExtractiveAnswerer.specific("Claims are paid within 60 days.", question)).isTrue();
    assertThat(ExtractiveAnswerer.specific("Use the VPN client when travelling.", question))
        .isFalse();
    assertThat(ExtractiveAnswerer.specific("Everyone uses the VPN client.", question)).isFalse();
  }

  /**
   * A model under which a text's cosine similarity to the question is that of the key of
   * {@code cosines} the text starts with (keys are no prefix of one another; the question: 1).
   */
  private static EmbeddingModel model(Map<String, Double> cosines) {
    return new EmbeddingModel() {
      @Override
      public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        return Response.from(segments.stream().map(segment -> {
          double cosine = segment.text().endsWith("?") ? 1 : cosines.entrySet().stream()
              .filter(e -> segment.text().startsWith(e.getKey())).findFirst().orElseThrow()
              .getValue();
          float[] vector = {(float) cosine, (float) Math.sqrt(1 - cosine * cosine)};
          return Embedding.from(vector);
        }).toList());
      }

      @Override
      public int dimension() {
        return 2;
      }
    };
  }

  private static ExtractiveAnswerer answerer(Path prompts, Map<String, Double> cosines)
      throws Exception {
    Files.writeString(prompts.resolve("refusal.txt"), "Not in the knowledge base.");
    Files.writeString(prompts.resolve("extractive-answer.txt"), "From the knowledge base:");
    Embedder embedder = new Embedder(EmbeddingModelSpec.BGE_SMALL_EN_V15_Q, model(cosines),
        new HuggingFaceTokenCountEstimator(), 16);
    // The scripted model gives single words no meaning: no near terms from it.
    return ExtractiveAnswerer.builder().embedder(embedder).terms(new TermAnalyzer())
        .weights(term -> 1.0).nearTermCosine(1).prompts(PromptLibrary.load(prompts)).build();
  }

  @Test
  void theSentenceAloneDecidesBetweenSentencesThatShareTheirContext(@TempDir Path prompts)
      throws Exception {
    // Both sentences contain the question's terms and, with their title, embed alike.
    ExtractiveAnswerer shared = answerer(prompts, Map.of(
        "Title reception", 0.9, "Visitors sign in", 0.9, "Visitors sign out", 0.3));
    String text = "Visitors sign in at the front desk. Visitors sign out at the rear door.";
    // The sentence chosen, whatever the calibrated threshold makes of these scripted scores.
    Answer answer = shared.assess(new AnswerRequest("Where do visitors sign in?",
        List.of(chunk("reception", 0, text)))).proposed();
    assertThat(answer).isNotNull();
    assertThat(answer.citations()).extracting(Citation::quote)
        .containsExactly("Visitors sign in at the front desk.");
  }

  @Test
  void theSentenceInItsContextDecidesWhichDocumentAnswers(@TempDir Path prompts)
      throws Exception {
    // Alone, the Lisbon sentence is closer; with its title, the Leeds one ("Title leeds").
    ExtractiveAnswerer titled = answerer(prompts, Map.of(
        "Title leeds", 0.9, "Title lisbon", 0.8, "Visitors sign in at the front", 0.5,
        "Visitors sign in at reception", 0.8));
    // The sentence chosen, whatever the calibrated threshold makes of these scripted scores.
    Answer answer = titled.assess(new AnswerRequest("Where do visitors sign in?", List.of(
        chunk("lisbon", 0, "Visitors sign in at reception."),
        chunk("leeds", 0, "Visitors sign in at the front desk.")))).proposed();
    assertThat(answer).isNotNull();
    assertThat(answer.citations().getFirst().documentId()).isEqualTo("leeds");
  }

  private static RetrievedChunk chunk(String doc, String heading, int start, String text,
      double score) {
    return new RetrievedChunk(new IndexedChunk(doc + "-" + start, doc, "s", doc + ".md",
        "Title " + doc, heading, text, start, start + text.length(), 0, Set.of("everyone")),
        score, 1, 1);
  }

  @Test
  void aWhoIsQuestionIsNeverAnsweredBySentenceWithoutAName() {
    String limits = "Approval limits\nAbove GBP 50,000: the budget holder, the CFO and the CEO.";
    String team = "Executive team\n- Harriet Okafor, Chief Executive Officer\n"
        + "- Tomas Ferreira, Chief Financial Officer\n- Sunita Bhatt, Chief People Officer";
    Answer answer = answerer.answer(new AnswerRequest("Who is our CFO?", List.of(
        chunk("orders", "Approval limits", 0, limits, 1.2),
        chunk("overview", "Executive team", 0, team, 0.8))));
    assertThat(answer.refused()).isFalse();
    assertThat(answer.citations().getFirst().quote()).contains("Tomas Ferreira");
    assertThat(answer.citations()).extracting(Citation::quote)
        .noneMatch(q -> q.contains("the budget holder, the CFO"));

    Answer withoutNames = answerer.answer(new AnswerRequest("Who is our CFO?",
        List.of(chunk("orders", "Approval limits", 0, limits, 1.2))));
    assertThat(withoutNames.refused()).isTrue();
  }

  @Test
  void prefersThePhoneNumberNextToTheQuestionsWords() {
    String contacts = "Escalation contacts\n"
        + "- Security on-call: PagerDuty service SEC-Oncall, which also rings the security duty"
        + " phone +44 113 496 0777.\n"
        + "- External incident response retainer: Blackfell Cyber, hotline +44 20 7946 0319,"
        + " 4-hour on-site response.\n"
        + "- General Counsel, Aisling Moran: mobile +44 7700 900 227.";
    Answer answer = answerer.answer(new AnswerRequest(
        "What's the phone number for the outside firm that helps us with security incidents?",
        List.of(chunk("playbook", "Escalation contacts", 0, contacts, 2.0))));
    assertThat(answer.refused()).isFalse();
    assertThat(answer.citations().getFirst().quote()).contains("+44 20 7946 0319");
  }

  @Test
  void aProcedureIsAnsweredByItsSectionWithEveryStepInOrder() {
    String report = "How to report an email\nIn Outlook, select the message and click the Report"
        + " Phish button in the toolbar. The message is removed from your inbox.";
    String clicked = "If you clicked or entered your password\n"
        + "Do not panic, and do not try to fix it yourself.\n"
        + "Change your password immediately at the self-service reset page.\n"
        + "Call the IT service desk and say that you may have entered your password into a"
        + " phishing page.\n"
        + "Report the message with Report Phish as well.";
    Answer answer = answerer.answer(new AnswerRequest(
        "I clicked a link in a phishing email and typed my password, what now?", List.of(
            chunk("phishing", "Reporting phishing > If you clicked or entered your password", 500,
                clicked, 2.0),
            chunk("phishing", "Reporting phishing > How to report an email", 100, report, 1.4))));
    assertThat(answer.refused()).isFalse();
    assertThat(answer.citations()).extracting(Citation::quote).containsExactly(
        "Do not panic, and do not try to fix it yourself.",
        "Change your password immediately at the self-service reset page.",
        "Call the IT service desk and say that you may have entered your password into a"
            + " phishing page.",
        "Report the message with Report Phish as well.");
  }

  @Test
  void aRunningPageHeaderNeverAnswers() {
    String page = "Penetration Test Findings Summary - Q2 2025 - Page 1 of 2\n"
        + "Kestrel reported 17 findings: 0 critical, 3 high, 6 medium, 5 low and 3 informational.\n"
        + "Penetration Test Findings Summary - Q2 2025 - Page 2 of 2";
    RetrievedChunk pentest = new RetrievedChunk(new IndexedChunk("p-0", "pentest", "s",
        "pentest.pdf", "Penetration Test Findings Summary - Q2 2025", "", page, 0, page.length(),
        1, Set.of("security")), 2.0, 1, 1);
    // The sentence it would cite, whatever the confidence model (fitted on a real corpus) makes
    // of a one-passage retrieval.
    Answer answer = answerer.assess(new AnswerRequest(
        "How many high-severity issues did this year's penetration test turn up?",
        List.of(pentest))).proposed();
    assertThat(answer).isNotNull();
    assertThat(answer.refused()).isFalse();
    assertThat(answer.citations()).extracting(Citation::quote)
        .containsExactly("Kestrel reported 17 findings: 0 critical, 3 high, 6 medium, 5 low and 3"
            + " informational.");
  }

  @Test
  void aShortRuleWithAValueAnswers() {
    String rules = "Password rules\nAt least 14 characters. We recommend a passphrase of three or"
        + " four unrelated words.\nYour last 10 passwords cannot be reused.";
    // The sentence chosen, whatever the calibrated threshold makes of these made-up
    // retrieval scores.
    Answer answer = answerer.assess(new AnswerRequest(
        "What's the minimum length for a new password?",
        List.of(chunk("reset", "Resetting your password > Password rules", 0, rules, 1.8))))
        .proposed();
    assertThat(answer).isNotNull();
    assertThat(answer.text()).contains("At least 14 characters.");
  }

  @Test
  void aQuestionAboutSomethingNoPassageMentionsIsRefusedWithTheClosestPassages(@TempDir Path dir)
      throws Exception {
    // Weights as an index gives them: words the office guide uses are common, others rare.
    Files.writeString(dir.resolve("refusal.txt"), "Not in the knowledge base.");
    Files.writeString(dir.resolve("extractive-answer.txt"), "From the knowledge base:");
    Set<String> common = Set.of("offic", "allow", "leed", "bring");
    ExtractiveAnswerer answerer = ExtractiveAnswerer.builder()
        .embedder(new Embedder(EmbeddingModelSpec.BGE_SMALL_EN_V15_Q,
            new BgeSmallEnV15QuantizedEmbeddingModel(), new HuggingFaceTokenCountEstimator(), 16))
        .terms(new TermAnalyzer()).weights(term -> common.contains(term) ? 1.0 : 4.0)
        .prompts(PromptLibrary.load(dir)).build();
    String office = "Office rules\nPersonal deliveries to the office are not allowed. Visitors"
        + " sign in at reception and wear a badge.";
    Answer answer = answerer.answer(new AnswerRequest(
        "Am I allowed to bring my dog into the Leeds office?",
        List.of(chunk("leeds", "Leeds office > Office rules", 0, office, 1.8))));
    assertThat(answer.refused()).isTrue();
    assertThat(answer.citations()).isEmpty();
    assertThat(answer.text()).isEqualTo("Not in the knowledge base.");
    assertThat(answer.closestPassages()).isNotEmpty()
        .allMatch(c -> c.documentId().equals("leeds"));
  }

  @Test
  void aSentenceAboutAnotherPlaceDoesNotAnswer() {
    String caps = "Hotel rate limits\nLeeds and other UK cities: GBP 130 per night.\n"
        + "Lisbon and Porto: EUR 160 per night.\nAll other cities: the travel desk decides.";
    Answer lisbon = answerer.assess(new AnswerRequest("hotel cap per night in lisbon",
        List.of(chunk("travel", "Travel policy > Hotel rate limits", 0, caps, 1.8)))).proposed();
    assertThat(lisbon).isNotNull();
    assertThat(lisbon.citations()).isNotEmpty()
        .noneMatch(c -> c.quote().contains("Leeds"));
    assertThat(lisbon.citations().getFirst().quote()).contains("EUR 160");
    // No passage is about Germany: the UK's and Portugal's entitlements are not candidates.
    String leave = "Annual leave\nFull-time employees in the UK receive 27 days of paid annual"
        + " leave.\nFull-time employees in Portugal receive 25 working days of paid annual leave.";
    ExtractiveAnswerer.Assessed germany = answerer.assess(new AnswerRequest(
        "how many vacation days do employees in Germany get",
        List.of(chunk("leave", "Leave policy > Annual leave", 0, leave, 1.8))));
    assertThat(germany.answer().refused()).isTrue();
    assertThat(germany.proposed() == null ? List.<Citation>of() : germany.proposed().citations())
        .noneMatch(c -> c.quote().contains("UK") || c.quote().contains("Portugal"));
  }

  @Test
  void theRefusalThresholdIsTheConfidenceModelsUnlessConfigured() {
    assertThat(answerer.minConfidence()).isEqualTo(ConfidenceModel.standard().threshold());
  }

  @Test
  void theOrderOfEqualChunksDoesNotChangeTheAnswer() {
    String contacts = "Contacts\n- Payroll: payroll@larkspur.example, extension 4410.\n"
        + "- Service desk: +44 113 496 0400, extension 4357.";
    String other = "Printing\nPrinters are on every floor. Colour printing needs a cost code.";
    List<RetrievedChunk> chunks = new java.util.ArrayList<>(List.of(
        chunk("contacts", "Contacts", 0, contacts, 1.0),
        chunk("print", "Printing", 0, other, 1.0)));
    String expected = null;
    java.util.Random random = new java.util.Random(42);
    for (int round = 0; round < 4; round++) {
      java.util.Collections.shuffle(chunks, random);
      Answer answer = answerer.answer(new AnswerRequest("What is the service desk phone number?",
          chunks));
      assertThat(answer.refused()).isFalse();
      String first = answer.citations().getFirst().quote();
      assertThat(first).contains("+44 113 496 0400");
      expected = expected == null ? first : expected;
      assertThat(first).isEqualTo(expected);
    }
  }

  @Test
  void oneEditApartIsATypo() {
    assertThat(ExtractiveAnswerer.withinOneEdit("pasword", "password")).isTrue();
    assertThat(ExtractiveAnswerer.withinOneEdit("paswsord", "password")).isTrue();
    assertThat(ExtractiveAnswerer.withinOneEdit("pswrd", "password")).isFalse();
    assertThat(ExtractiveAnswerer.withinOneEdit("recieve", "receive")).isTrue();
    assertThat(ExtractiveAnswerer.withinOneEdit("dog", "dot")).isFalse();
  }

  @Test
  void amountsInShorthandAreSpelledOutAsDocumentsWriteThem() {
    assertThat(ExtractiveAnswerer.amountsSpelledOut("who signs a payment over 250k or 1.5m?"))
        .isEqualTo("who signs a payment over 250,000 or 1.5 million?");
    assertThat(ExtractiveAnswerer.amountsSpelledOut("the 5km walk and 4000k")).isEqualTo(
        "the 5km walk and 4000k");
  }

  @Test
  void anEmailAddressTheAskerAddsIsNotPartOfTheQuestion() {
    assertThat(ExtractiveAnswerer.withoutEmails("What is served? Reply to bob.builder@example.com"))
        .isEqualTo("What is served? Reply to  ");
    String canteen = "The Whitby canteen serves kedgeree every Thursday morning.";
    Answer answer = answerer.answer(new AnswerRequest(
        "What does the Whitby canteen serve on Thursday? Reply to bob.builder@example.com",
        List.of(chunk("canteen", "Whitby canteen", 0, canteen, 1.8))));
    assertThat(answer.refused()).isFalse();
    assertThat(answer.citations()).extracting(Citation::quote).containsExactly(canteen);
  }

  @Test
  void aShortSentenceAfterAnotherOnItsLineIsCitedWithItsListItem() {
    String text = "Errors\n- \"Login denied\": you chose the wrong group. Pick LARK-STAFF.\n"
        + "- No prompt arrives: open the app.";
    Answer answer = answerer.answer(new AnswerRequest(
        "VPN says login denied, what group do I pick?", List.of(chunk("vpn", 0, text))));
    assertThat(answer.citations()).extracting(Citation::quote)
        .contains("Pick LARK-STAFF.");
  }
}
