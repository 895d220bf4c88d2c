package io.groundwork.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.groundwork.testing.Chromium;
import io.groundwork.testing.RequiresBrowser;
import io.groundwork.testing.Screenshots;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The web page in a real browser: a user signs in (HTTP basic auth), asks a question over
 * documents this test uploads, sees the answer with its citations, follows a citation and lands
 * on the document view with the cited sentence highlighted.
 */
@QuarkusTest
@RequiresBrowser
@Tag("slow")
class WebPageBrowserTest {
  /** Facts no other test uploads, so that the answer can only come from these documents. */
  private static final Map<String, String> DOCUMENTS = Map.of(
      "browser-greenhouse.md", "# Rooftop greenhouse\n\nThe rooftop greenhouse of the Ravensworth"
          + " building is watered every Tuesday by the facilities team. Visitors need a yellow"
          + " badge to enter it.\n",
      "browser-archive.md", "# Records archive\n\nThe Ravensworth records archive keeps paper"
          + " contracts for eleven years before they are shredded.\n",
      "browser-shuttle.md", "# Staff shuttle\n\nThe Ravensworth staff shuttle leaves the railway"
          + " station every twenty minutes from seven in the morning.\n");

  @TestHTTPResource("/")
  URL home;

  private static void upload(String name, String text) {
    given().auth().preemptive().basic("erin", "erin-pass")
        .multiPart("file", name, text.getBytes(StandardCharsets.UTF_8))
        .multiPart("groups", "everyone")
        .when().post("/api/ingest/uploads").then().statusCode(200)
        .body("failed.size()", equalTo(0));
  }

  @Test
  void askSeeTheCitedAnswerAndFollowACitationToTheHighlightedSentence() {
    DOCUMENTS.forEach(WebPageBrowserTest::upload);
    try (Playwright playwright = Chromium.playwright();
        Browser browser = Chromium.launch(playwright);
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
            .setHttpCredentials("alice", "alice-pass"))) {
      Page page = context.newPage();
      page.navigate(home.toString());
      PlaywrightAssertions.assertThat(page.locator("#me")).containsText("alice");

      page.locator("#question").fill("How often is the rooftop greenhouse watered?");
      page.locator("#ask-form button[type=submit]").click();

      Locator answer = page.locator("#answer");
      PlaywrightAssertions.assertThat(page.locator("#meta")).containsText("audit record");
      PlaywrightAssertions.assertThat(answer).containsText("every Tuesday");
      PlaywrightAssertions.assertThat(answer.locator("a.cite").first())
          .hasText(Pattern.compile("\\[\\d+\\]"));
      Locator firstCitation = page.locator("#citations li").first();
      PlaywrightAssertions.assertThat(firstCitation).containsText("browser-greenhouse.md");
      String quote = firstCitation.locator("blockquote").innerText().trim();
      assertThat(quote).contains("every Tuesday");

      answer.locator("a.cite").first().click();
      page.waitForURL(Pattern.compile(".*/view\\.html\\?.*"));
      PlaywrightAssertions.assertThat(page.locator("#title")).hasText("Rooftop greenhouse");
      Locator cited = page.locator("mark#cited");
      PlaywrightAssertions.assertThat(cited).isVisible();
      PlaywrightAssertions.assertThat(cited).hasText(quote);
      PlaywrightAssertions.assertThat(page.locator("#document"))
          .containsText("Visitors need a yellow badge");
    }
  }

  @Test
  void theNavigationShowsEachPersonTheWorkspacesTheirRolesAllow() throws Exception {
    try (Playwright playwright = Chromium.playwright();
        Browser browser = Chromium.launch(playwright)) {
      try (BrowserContext bob = browser.newContext(new Browser.NewContextOptions()
          .setHttpCredentials("bob", "bob-pass"))) {
        Page page = bob.newPage();
        page.navigate(home.toString());
        PlaywrightAssertions.assertThat(page.locator("nav.workspaces a")).hasText(new String[] {"Ask"});
        PlaywrightAssertions.assertThat(page.locator("#me")).containsText("bob");
      }
      try (BrowserContext erin = browser.newContext(new Browser.NewContextOptions()
          .setHttpCredentials("erin", "erin-pass").setViewportSize(390, 844))) {
        Page page = erin.newPage();
        page.navigate(home.toString());
        PlaywrightAssertions.assertThat(page.locator("nav.workspaces a"))
            .hasText(new String[] {"Ask", "Audit", "Admin"});
        PlaywrightAssertions.assertThat(page.locator("#me")).containsText("auditor, admin");
        page.locator("nav.workspaces a[data-workspace=admin]").click();
        page.waitForURL(Pattern.compile(".*/admin\\.html"));
        PlaywrightAssertions.assertThat(page.locator("nav.workspaces a[aria-current=page]"))
            .hasText("Admin");
        PlaywrightAssertions.assertThat(page.locator("#source option")).containsText(
            new String[] {"samples"});
        Screenshots.save(page, "admin-phone");
      }
    }
  }
}
