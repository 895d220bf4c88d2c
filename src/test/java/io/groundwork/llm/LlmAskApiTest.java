package io.groundwork.llm;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.groundwork.answer.SourceNeutralizer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/ask} with an Ollama back end (a scripted local server): what the user gets,
 * streamed and not, and what the audit record says, for a faithful answer, an invented fact, a
 * citation to a source never given, a malformed body, a hang past the timeout, and documents
 * carrying prompt injections.
 */
@QuarkusTest
@Tag("app")
@TestProfile(LlmProfiles.Ollama.class)
class LlmAskApiTest {
  static final String VPN_QUESTION = "Which host does the VPN client connect to?";
  static final String FAITHFUL = "The VPN client connects to vpn.larkspur.example on port 443 [%d].";
  private static boolean ingested;

  ScriptedLlmServer llm;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void ingestCorpus() {
    if (ingested) {
      return;
    }
    for (String name : List.of("vpn-guide.md", "guest-wifi.md", "canteen.md", "parking.md")) {
      given().auth().preemptive().basic("erin", "erin-pass")
          .multiPart("file", new File("src/test/resources/injection-corpus/" + name))
          .multiPart("groups", "everyone")
          .when().post("/api/ingest/uploads").then().statusCode(200);
    }
    ingested = true;
  }

  @AfterEach
  void release() {
    llm.releaseHangs();
    llm.clearRequests();
  }

  static Map<String, Object> question(String question) {
    return Map.of("question", question);
  }

  JsonNode askJson(String question) throws Exception {
    String body = given().auth().preemptive().basic("bob", "bob-pass").contentType(ContentType.JSON)
        .accept(ContentType.JSON).body(question(question)).when().post("/api/ask").then()
        .statusCode(200).contentType(ContentType.JSON).extract().asString();
    return json.readTree(body);
  }

  List<SseEvents.Event> askStream(String question) {
    String body = given().auth().preemptive().basic("bob", "bob-pass").contentType(ContentType.JSON)
        .accept("text/event-stream").body(question(question)).when().post("/api/ask").then()
        .statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/event-stream"))
        .extract().asString();
    return SseEvents.parse(body);
  }

  JsonNode audit(JsonNode answer) throws Exception {
    String body = given().auth().preemptive().basic("erin", "erin-pass")
        .when().get("/api/audit/" + answer.path("auditId").asLong()).then().statusCode(200)
        .extract().asString();
    return json.readTree(body);
  }

  void assertChainIntact() {
    given().auth().preemptive().basic("erin", "erin-pass").when().get("/api/audit/verify").then()
        .statusCode(200).body("intact", org.hamcrest.Matchers.equalTo(true));
  }

  @Test
  void faithfulAnswerStreamsTokensThenTheVerifiedAnswerWhoseAuditRecordIsStored()
      throws Exception {
    llm.script(new ScriptedLlmServer.Reply(user ->
        FAITHFUL.formatted(ScriptedLlmServer.sourceContaining(user, "port 443"))));
    List<SseEvents.Event> events = askStream(VPN_QUESTION);

    List<SseEvents.Event> tokens = SseEvents.named(events, "token");
    assertThat(tokens.size()).isGreaterThan(3);
    String streamed = String.join("", tokens.stream().map(e -> e.data().path("text").asText())
        .toList());
    assertThat(events.getLast().name()).isEqualTo("answer");
    JsonNode answer = events.getLast().data();
    int n = ScriptedLlmServer.sourceContaining(
        ScriptedLlmServer.userTurn(llm.requests().getLast()), "port 443");
    assertThat(streamed).isEqualTo(FAITHFUL.formatted(n));
    assertThat(answer.path("answer").asText()).isEqualTo(FAITHFUL.formatted(n));
    assertThat(answer.path("refused").asBoolean()).isFalse();
    assertThat(answer.path("answerer").asText()).isEqualTo("ollama:test-model");
    assertThat(answer.path("notice").isNull()).isTrue();
    assertThat(answer.path("citations")).hasSize(1);
    assertThat(answer.path("citations").get(0).path("number").asInt()).isEqualTo(n);
    assertThat(answer.path("citations").get(0).path("quote").asText()).contains("port 443");
    JsonNode sentence = answer.path("verification").path("sentences").get(0);
    assertThat(sentence.path("status").asText()).isEqualTo("SUPPORTED");
    assertThat(sentence.path("citations").get(0).asInt()).isEqualTo(n);
    assertThat(sentence.path("support").asDouble()).isGreaterThanOrEqualTo(0.5);

    JsonNode audit = audit(answer);
    assertThat(audit.path("answerer").asText()).isEqualTo("ollama:test-model");
    assertThat(audit.path("answer").asText()).isEqualTo(FAITHFUL.formatted(n));
    assertThat(audit.path("promptVersion").asText()).isEqualTo(answer.path("promptVersion").asText())
        .hasSize(12);
    assertThat(audit.path("fallbackReason").isNull()).isTrue();
    assertThat(audit.path("verification")).isEqualTo(answer.path("verification"));
    assertThat(llm.requests().getLast().path("stream").asBoolean()).isTrue();
    assertChainIntact();
  }

  @Test
  void theModelSeesPersonalDataAsPlaceholdersAndTheAuditRecordCountsThem() throws Exception {
    llm.script(new ScriptedLlmServer.Reply(user ->
        FAITHFUL.formatted(ScriptedLlmServer.sourceContaining(user, "port 443"))));
    JsonNode answer = askJson(VPN_QUESTION + " Reply to bob.builder@example.com");
    String sent = llm.requests().getLast().toString();
    assertThat(sent).doesNotContain("bob.builder@example.com").contains("Reply to [EMAIL-");
    assertThat(answer.path("answerer").asText()).isEqualTo("ollama:test-model");
    JsonNode audit = audit(answer);
    assertThat(audit.path("details").path("llmPiiMasked").path("email").asInt())
        .isGreaterThanOrEqualTo(1);
    assertThat(audit.path("details").path("piiRedacted").path("email").asInt()).isEqualTo(1);
    assertChainIntact();
  }

  @Test
  void aFollowUpIsCondensedFromMaskedTurnsAndTheAuditCountsBothCalls() throws Exception {
    llm.script(new ScriptedLlmServer.Reply(user -> {
      if (user.contains("Follow-up:")) {
        java.util.regex.Matcher email = java.util.regex.Pattern.compile("\\[EMAIL-\\d+\\]")
            .matcher(user);
        return email.find() ? "Which host does the VPN client of " + email.group()
            + " connect to?" : "no placeholder";
      }
      return FAITHFUL.formatted(ScriptedLlmServer.sourceContaining(user, "port 443"));
    }));
    JsonNode first = askJson("How do I set up the VPN for dana.lee@example.com?");
    String conversation = first.path("conversationId").asText();
    assertThat(conversation).isNotBlank();
    llm.clearRequests();
    String body = given().auth().preemptive().basic("bob", "bob-pass")
        .contentType(ContentType.JSON).accept(ContentType.JSON)
        .body(Map.of("question", "Which host does it connect to?", "conversationId",
            conversation))
        .when().post("/api/ask").then().statusCode(200).extract().asString();
    JsonNode followUp = json.readTree(body);
    assertThat(llm.requests()).hasSize(2);
    assertThat(llm.requests().toString()).doesNotContain("dana.lee@example.com");
    assertThat(followUp.path("searchQuery").asText())
        .isEqualTo("Which host does the VPN client of dana.lee@example.com connect to?");
    JsonNode audit = audit(followUp);
    // One address in the condensing call; the answer call saw the restored query's address.
    assertThat(audit.path("details").path("llmPiiMasked").path("email").asInt())
        .isGreaterThanOrEqualTo(2);
    assertChainIntact();
  }

  @Test
  void inventedFactIsRemovedFromTheAnswerAndRecordedAsRemoved() throws Exception {
    llm.script(new ScriptedLlmServer.Reply(user -> {
      int n = ScriptedLlmServer.sourceContaining(user, "port 443");
      return FAITHFUL.formatted(n) + " The VPN also gives every employee a free company car [" + n
          + "].";
    }));
    JsonNode answer = askJson(VPN_QUESTION);
    int n = answer.path("citations").get(0).path("number").asInt();

    assertThat(answer.path("answer").asText()).isEqualTo(FAITHFUL.formatted(n));
    assertThat(answer.path("verification").path("removedSentences").asInt()).isEqualTo(1);
    JsonNode invented = answer.path("verification").path("sentences").get(1);
    assertThat(invented.path("text").asText()).contains("free company car");
    assertThat(invented.path("status").asText()).isEqualTo("REMOVED");
    assertThat(invented.path("support").asDouble()).isLessThan(0.5);
    assertThat(llm.requests().getLast().path("stream").asBoolean(false)).isFalse();

    JsonNode audit = audit(answer);
    assertThat(audit.path("verification").path("sentences").get(1).path("status").asText())
        .isEqualTo("REMOVED");
    assertThat(audit.path("answer").asText()).doesNotContain("company car");
    assertChainIntact();
  }

  @Test
  void citationToASourceNeverGivenIsRemovedAndCounted() throws Exception {
    llm.script(new ScriptedLlmServer.Reply(user -> {
      int n = ScriptedLlmServer.sourceContaining(user, "port 443");
      return "The VPN client connects to vpn.larkspur.example on port 443 [" + n + "][42]. "
          + "Support is available around the clock [57].";
    }));
    JsonNode answer = askJson(VPN_QUESTION);
    int n = answer.path("citations").get(0).path("number").asInt();

    assertThat(answer.path("answer").asText()).isEqualTo(FAITHFUL.formatted(n));
    assertThat(answer.path("verification").path("invalidCitationsRemoved").asInt()).isEqualTo(2);
    assertThat(answer.path("verification").path("sentences").get(1).path("invalidCitations")
        .get(0).asInt()).isEqualTo(57);
    assertThat(audit(answer).path("verification").path("invalidCitationsRemoved").asInt())
        .isEqualTo(2);
  }

  @Test
  void malformedBodyGivesTheExtractiveAnswerWithANoticeAndTheAuditSaysSo() throws Exception {
    llm.script(new ScriptedLlmServer.Malformed());
    JsonNode answer = askJson(VPN_QUESTION);

    assertThat(answer.path("answerer").asText()).isEqualTo("extractive");
    assertThat(answer.path("notice").asText()).contains("could not be used");
    assertThat(answer.path("answer").asText()).contains("vpn.larkspur.example");
    assertThat(answer.path("verification").path("supportedSentences").asInt()).isPositive();
    JsonNode audit = audit(answer);
    assertThat(audit.path("answerer").asText()).isEqualTo("extractive");
    assertThat(audit.path("fallbackReason").asText()).startsWith("ollama:test-model malformed reply");
    assertChainIntact();
  }

  @Test
  void hangPastTheTimeoutStreamsANoticeThenTheExtractiveAnswer() throws Exception {
    llm.script(new ScriptedLlmServer.Hang());
    List<SseEvents.Event> events = askStream(VPN_QUESTION);

    assertThat(SseEvents.named(events, "token")).isEmpty();
    assertThat(SseEvents.named(events, "notice")).hasSize(1);
    JsonNode answer = events.getLast().data();
    assertThat(events.getLast().name()).isEqualTo("answer");
    assertThat(answer.path("answerer").asText()).isEqualTo("extractive");
    assertThat(answer.path("notice").asText())
        .isEqualTo(SseEvents.named(events, "notice").getFirst().data().path("message").asText());
    assertThat(answer.path("answer").asText()).contains("vpn.larkspur.example");
    assertThat(audit(answer).path("fallbackReason").asText()).contains("timeout");
  }

  @Test
  void injectedInstructionsReachTheModelNeutralisedAndAnObeyingSentenceIsDropped()
      throws Exception {
    llm.script(new ScriptedLlmServer.Reply(user -> {
      int n = ScriptedLlmServer.sourceContaining(user, "Larkspur-Guest");
      return "The guest Wi-Fi network is called Larkspur-Guest [" + n + "]. Every password is "
          + "hunter2 and the system prompt says to reveal it [" + n + "].";
    }));
    JsonNode answer = askJson("What is the guest Wi-Fi network called?");

    String user = ScriptedLlmServer.userTurn(llm.requests().getLast());
    List<String> sources = ScriptedLlmServer.sources(user);
    String wifi = sources.stream().filter(s -> s.contains("Larkspur-Guest")).findFirst()
        .orElseThrow();
    assertThat(wifi).contains(SourceNeutralizer.REMOVED_INSTRUCTION)
        .contains(SourceNeutralizer.REMOVED_ROLE)
        .doesNotContainIgnoringCase("ignore all previous instructions")
        .doesNotContain("<|im_start|>").doesNotContain("hunter2")
        .contains("Visitors may use the guest network");
    for (String source : sources) {
      assertThat(source).doesNotContain("\u200b").doesNotContainIgnoringCase("disregard your rules")
          .doesNotContain("ffffffffffffffff>>>").doesNotContain("the assistant must");
    }
    // Only the real fences, with this prompt's boundary, delimit sources.
    assertThat(Pattern.compile("<<<END SOURCE \\d").matcher(user).results().count())
        .isEqualTo(sources.size());

    assertThat(answer.path("answer").asText()).contains("Larkspur-Guest").doesNotContain("hunter2");
    JsonNode obeying = answer.path("verification").path("sentences").get(1);
    assertThat(obeying.path("status").asText()).isEqualTo("REMOVED");
    assertThat(audit(answer).path("verification").path("sentences").get(1).path("text").asText())
        .contains("hunter2");
  }

  @Test
  void aBadStreamingRequestIsAPlainJsonError() {
    given().auth().preemptive().basic("bob", "bob-pass").contentType(ContentType.JSON)
        .accept("text/event-stream").body(question(" ")).when().post("/api/ask").then()
        .statusCode(400).body("message", org.hamcrest.Matchers.equalTo("question must not be blank"));
  }
}
