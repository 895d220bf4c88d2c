package io.groundwork.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.Cookie;
import io.groundwork.testing.Chromium;
import io.groundwork.testing.RequiresBrowser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Single sign-on against a real Keycloak ({@link KeycloakRealms}): people sign in through the
 * browser flow and programs with tokens; the groups claim filters retrieval as built-in groups
 * do; only mapped claim values grant roles; expired, forged and foreign tokens are refused; API
 * calls without credentials get 401 JSON while pages redirect to the provider; signing out ends
 * the session here and at the provider.
 */
@QuarkusTest
@TestProfile(SingleSignOnProfile.class)
@RequiresBrowser
@Tag("slow")
class SingleSignOnTest {
  private static final String CONFIDENTIAL = "sso-hr-bands.md";
  private static final String PUBLIC = "sso-canteen.md";
  private static final String QUESTION = "What is the salary range for band Q7 in Ravensworth?";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Path SCREENSHOTS = Path.of("target/screenshots");
  private static boolean uploaded;

  @TestHTTPResource("/")
  URL app;

  /** The documents: one only the hr group may read, one everyone may. Uploaded by an admin. */
  private static synchronized void documents() throws IOException, InterruptedException {
    if (uploaded) {
      return;
    }
    String admin = token("groundwork", "erin");
    upload(admin, CONFIDENTIAL, "hr", "# Ravensworth salary bands\n\nThe salary range for band Q7"
        + " in the Ravensworth office is 61,000 to 68,000 pounds a year.\n");
    upload(admin, PUBLIC, "everyone", "# Ravensworth canteen\n\nThe Ravensworth canteen serves"
        + " lentil soup every Friday and its salary-band board is by the door.\n");
    uploaded = true;
  }

  private static void upload(String token, String name, String groups, String text) {
    given().auth().oauth2(token)
        .multiPart("file", name, text.getBytes(StandardCharsets.UTF_8))
        .multiPart("groups", groups)
        .when().post("/api/ingest/uploads").then().statusCode(200)
        .body("failed.size()", equalTo(0));
  }

  private static RequestSpecification as(String token) {
    return given().auth().oauth2(token).accept(ContentType.JSON);
  }

  private static List<String> searchPaths(String token) {
    return as(token).queryParam("q", "salary range band Q7 Ravensworth").queryParam("topK", 10)
        .when().get("/api/search").then().statusCode(200)
        .extract().jsonPath().getList("results.path", String.class);
  }

  @Test
  void apiCallsWithoutValidCredentialsGetJson401AndPagesRedirectToTheProvider() {
    given().accept(ContentType.JSON).when().get("/api/search?q=salary").then().statusCode(401)
        .contentType(ContentType.JSON).body("status", equalTo(401))
        .header("WWW-Authenticate", startsWith("Bearer"));
    given().when().get("/api/me").then().statusCode(401).contentType(ContentType.JSON);
    given().when().get("/q/metrics").then().statusCode(401).contentType(ContentType.JSON);
    // The built-in demo users are off in single sign-on.
    given().auth().preemptive().basic("alice", "alice-pass").when().get("/api/me").then()
        .statusCode(401).contentType(ContentType.JSON);
    given().redirects().follow(false).when().get("/").then().statusCode(302)
        .header("Location", startsWith(KeycloakRealms.server().issuer("groundwork")
            + "/protocol/openid-connect/auth"));
  }

  @Test
  void theGroupsClaimFiltersRetrievalBeforeRanking() throws Exception {
    documents();
    String alice = token("groundwork", "alice");
    String bob = token("groundwork", "bob");
    as(alice).when().get("/api/me").then().statusCode(200).body("name", equalTo("alice"))
        .body("groups", hasItem("hr")).body("groups", hasItem("everyone"))
        .body("roles", equalTo(List.of("employee"))).body("signOutUrl", nullValue());
    assertThat(searchPaths(alice)).contains(CONFIDENTIAL);
    List<String> bobSees = searchPaths(bob);
    assertThat(bobSees).contains(PUBLIC).doesNotContain(CONFIDENTIAL);
    String answer = as(bob).contentType(ContentType.JSON).body(Map.of("question", QUESTION))
        .when().post("/api/ask").then().statusCode(200).extract().asString();
    assertThat(answer).doesNotContain("61,000").doesNotContain(CONFIDENTIAL);
    as(alice).contentType(ContentType.JSON).body(Map.of("question", QUESTION))
        .when().post("/api/ask").then().statusCode(200)
        .body("citations.path", hasItem(CONFIDENTIAL));
  }

  @Test
  void onlyMappedClaimValuesGrantRoles() throws Exception {
    // bob holds a Keycloak realm role named "admin", which no mapping names.
    String bob = token("groundwork", "bob");
    as(bob).when().get("/api/me").then().statusCode(200)
        .body("roles", equalTo(List.of("employee"))).body("groups", equalTo(List.of("everyone")));
    as(bob).when().get("/api/audit").then().statusCode(403).contentType(ContentType.JSON);
    as(bob).when().get("/api/ingest/sources").then().statusCode(403);
    given().auth().oauth2(bob).redirects().follow(false).when().get("/audit.html").then()
        .statusCode(403);
    String erin = token("groundwork", "erin");
    as(erin).when().get("/api/me").then().statusCode(200)
        .body("roles", containsInAnyOrder("admin", "auditor", "employee"))
        .body("workspaces.name", equalTo(List.of("ask", "audit", "admin")));
    as(erin).when().get("/api/audit").then().statusCode(200);
    as(erin).when().get("/api/ingest/sources").then().statusCode(200);
    String sam = token("groundwork", "sam");
    as(sam).when().get("/api/me").then().statusCode(200)
        .body("roles", containsInAnyOrder("agent", "employee")).body("groups", hasItem("support"));
    as(sam).when().get("/api/audit").then().statusCode(403);
  }

  @Test
  void expiredForgedAndForeignTokensAreRefused() throws Exception {
    String bob = token("groundwork", "bob");
    PrivateKey realmKey = KeycloakRealms.realmKey().getPrivate();
    // Control: the realm's key, re-signing bob's claims unchanged, makes a token that is accepted.
    as(resign(bob, claims -> { }, realmKey)).when().get("/api/me").then().statusCode(200)
        .body("name", equalTo("bob"));

    String expired = resign(bob, claims -> {
      long past = Instant.now().minusSeconds(3600).getEpochSecond();
      claims.put("iat", past - 300).put("exp", past);
    }, realmKey);
    refused(expired);
    String moreGroups = forgeWithoutSigning(bob, claims -> claims.putArray("groups").add("hr"));
    refused(moreGroups);
    String otherKey = resign(bob, claims -> claims.putArray("groups").add("hr"),
        KeycloakRealms.rsaKey().getPrivate());
    refused(otherKey);
    String otherRealm = token("elsewhere", "bob");
    refused(otherRealm);
    refused("not-a-token");
  }

  private static void refused(String token) {
    as(token).when().get("/api/search?q=salary").then().statusCode(401)
        .contentType(ContentType.JSON).body("status", equalTo(401))
        .body("results", nullValue());
  }

  @Test
  void signInThroughTheBrowserAskAndSignOut() throws Exception {
    documents();
    Files.createDirectories(SCREENSHOTS);
    // The host Keycloak runs on, so that the browser holds both parties' cookies for one host.
    String home = "http://127.0.0.1:" + app.getPort() + "/";
    try (Playwright playwright = Chromium.playwright();
        Browser browser = Chromium.launch(playwright);
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
            .setViewportSize(1280, 900))) {
      Page page = context.newPage();
      page.navigate(home);
      String issuer = KeycloakRealms.server().issuer("groundwork");
      page.waitForURL(Pattern.compile(Pattern.quote(issuer) + "/protocol/openid-connect/auth.*"));
      page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("sso-sign-in-1280.png")));
      page.locator("#username").fill("alice");
      page.locator("#password").fill("alice-pass");
      page.locator("#kc-login").click();

      page.waitForURL(home);
      PlaywrightAssertions.assertThat(page.locator("#me")).containsText("alice");
      PlaywrightAssertions.assertThat(page.locator("#me")).containsText("groups: hr");
      PlaywrightAssertions.assertThat(page.locator("#me a.sign-out")).hasAttribute("href", "/logout");
      page.locator("#question").fill(QUESTION);
      page.locator("#ask-form button[type=submit]").click();
      PlaywrightAssertions.assertThat(page.locator("#meta")).containsText("audit record");
      PlaywrightAssertions.assertThat(page.locator("#answer")).containsText("61,000");
      PlaywrightAssertions.assertThat(page.locator("#citations li").first())
          .containsText(CONFIDENTIAL);
      page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("sso-signed-in-1280.png")));
      page.setViewportSize(390, 844);
      page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("sso-signed-in-390.png"))
          .setFullPage(true));
      assertThat(context.request().get(home + "api/me").status()).isEqualTo(200);
      List<Cookie> sessionCookies = context.cookies(home).stream()
          .filter(cookie -> cookie.name.startsWith("q_session")).toList();
      assertThat(sessionCookies).isNotEmpty();

      List<String> signOut = new CopyOnWriteArrayList<>();
      page.onResponse(response -> signOut.add(response.status() + " " + response.url()
          + " -> " + response.headers().get("location")));
      page.locator("#me a.sign-out").click();
      try {
        // The provider sends the browser back with the state of the logout request.
        page.waitForURL(Pattern.compile(Pattern.quote(home + "signed-out.html")
            + "\\?state=[\\w-]+"));
      } catch (PlaywrightException e) {
        page.screenshot(new Page.ScreenshotOptions()
            .setPath(SCREENSHOTS.resolve("sso-sign-out-failed.png")));
        throw new AssertionError("sign-out did not reach the signed-out page; at " + page.url()
            + " after " + signOut, e);
      }
      PlaywrightAssertions.assertThat(page.locator("h2")).hasText("You have signed out");
      assertThat(context.request().get(home + "api/me").status()).isEqualTo(401);
      // A copy of the session cookie taken before signing out no longer signs anyone in.
      try (BrowserContext replay = browser.newContext()) {
        replay.addCookies(sessionCookies);
        assertThat(replay.request().get(home + "api/me").status()).isEqualTo(401);
        Page replayed = replay.newPage();
        replayed.navigate(home);
        replayed.waitForURL(
            Pattern.compile(Pattern.quote(issuer) + "/protocol/openid-connect/auth.*"));
      }
      // The provider's session has ended too: the next visit asks for the password again.
      page.locator("#sign-in").click();
      page.waitForURL(Pattern.compile(Pattern.quote(issuer) + "/protocol/openid-connect/auth.*"));
      PlaywrightAssertions.assertThat(page.locator("#password")).isVisible();
      page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("sso-sign-in-390.png")));
    }
  }

  /** An access token of {@code user} (password {@code <user>-pass}) from {@code realm}. */
  static String token(String realm, String user) throws IOException, InterruptedException {
    Map<String, String> form = Map.of("grant_type", "password", "client_id",
        KeycloakRealms.CLIENT_ID, "client_secret", KeycloakRealms.SECRET, "username", user,
        "password", user + "-pass", "scope", "openid");
    String body = form.entrySet().stream().map(e -> e.getKey() + "="
        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(
            KeycloakRealms.server().issuer(realm) + "/protocol/openid-connect/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body()).get("access_token").asText();
  }

  private interface ClaimsEdit {
    void apply(ObjectNode claims);
  }

  /** {@code token} with its claims edited and signed again with {@code key} (RS256). */
  private static String resign(String token, ClaimsEdit edit, PrivateKey key) throws Exception {
    String[] parts = token.split("\\.");
    String signed = parts[0] + "." + edited(parts[1], edit);
    return signed + "." + base64(sign(signed, key));
  }

  /** {@code token} with its claims edited and the original signature kept. */
  private static String forgeWithoutSigning(String token, ClaimsEdit edit) throws IOException {
    String[] parts = token.split("\\.");
    return parts[0] + "." + edited(parts[1], edit) + "." + parts[2];
  }

  private static String edited(String payload, ClaimsEdit edit) throws IOException {
    ObjectNode claims = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(payload));
    edit.apply(claims);
    return base64(JSON.writeValueAsBytes(claims));
  }

  private static byte[] sign(String content, PrivateKey key) throws GeneralSecurityException {
    Signature signature = Signature.getInstance("SHA256withRSA");
    signature.initSign(key);
    signature.update(content.getBytes(StandardCharsets.US_ASCII));
    return signature.sign();
  }

  private static String base64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
