package io.groundwork.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.microsoft.playwright.APIResponse;
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
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The web page in a real browser: a user signs in (HTTP basic auth), asks a question over
 * documents this test uploads, sees the answer with its citations grouped by document and its
 * verification in plain words, follows a citation and lands on the passage view with the cited
 * sentence highlighted in the document's structure (headings, list, table), downloads the
 * original file, and goes back to the same answer. Screenshots at desktop and phone width are
 * written to {@code target/screenshots/}.
 */
@QuarkusTest
@RequiresBrowser
@Tag("slow")
class WebPageBrowserTest {
  /** Facts no other test uploads, so that the answer can only come from these documents. */
  private static final Map<String, String> DOCUMENTS = Map.of(
      "browser-greenhouse.md", "# Rooftop greenhouse\n\nThe rooftop greenhouse of the Ravensworth"
          + " building is watered every Tuesday by the facilities team. Visitors need a yellow"
          + " badge to enter it.\n\n## Beds\n\n- Tomatoes grow in the north bed.\n"
          + "- Basil grows in the south bed.\n\n| Bed | Crop |\n|---|---|\n| North | Tomatoes |\n",
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
      Locator firstCitation = page.locator("#citations li.source").first();
      PlaywrightAssertions.assertThat(firstCitation).containsText("browser-greenhouse.md");
      String quote = firstCitation.locator("blockquote").first().innerText().trim();
      assertThat(quote).contains("every Tuesday");
      // One entry per cited document, each listing its passages.
      List<String> cited = page.locator("#citations li.source .source-path").allInnerTexts();
      assertThat(cited).doesNotHaveDuplicates();
      assertThat(page.locator("#citations li.passage").count())
          .isEqualTo(answer.locator("a.cite").count());
      Locator verification = page.locator("#verification-summary");
      if (verification.isVisible()) {
        PlaywrightAssertions.assertThat(verification)
            .hasText(Pattern.compile(".*(checked against (its|their) sources?|confirmed).*"));
      }
      String meta = page.locator("#meta").innerText();
      Screenshots.atDesktopAndPhoneWidth(page, "answer");

      answer.locator("a.cite").first().click();
      page.waitForURL(Pattern.compile(".*/view\\.html\\?.*"));
      PlaywrightAssertions.assertThat(page.locator("#title")).hasText("Rooftop greenhouse");
      Locator mark = page.locator("mark#cited");
      PlaywrightAssertions.assertThat(mark).isVisible();
      PlaywrightAssertions.assertThat(mark).hasText(quote);
      PlaywrightAssertions.assertThat(page.locator("#document"))
          .containsText("Visitors need a yellow badge");
      // The document in its structure: headings, a list, a table.
      PlaywrightAssertions.assertThat(page.locator("#document h4.doc-heading")).hasText("Beds");
      PlaywrightAssertions.assertThat(page.locator("#document ul li").nth(1))
          .hasText("Basil grows in the south bed.");
      PlaywrightAssertions.assertThat(page.locator("#document table th").first()).hasText("Bed");
      PlaywrightAssertions.assertThat(page.locator("#document table td").nth(1))
          .hasText("Tomatoes");
      Screenshots.atDesktopAndPhoneWidth(page, "passage");

      Locator original = page.locator("#original");
      PlaywrightAssertions.assertThat(original).isVisible();
      APIResponse download = page.request().get((String) original.evaluate("a => a.href"));
      assertThat(download.status()).isEqualTo(200);
      assertThat(new String(download.body(), StandardCharsets.UTF_8))
          .isEqualTo(DOCUMENTS.get("browser-greenhouse.md"));

      // Back to the answer: the same answer (same audit record), not asked again.
      page.locator("#back").click();
      page.waitForURL(Pattern.compile(".*/\\?q=.*"));
      PlaywrightAssertions.assertThat(page.locator("#question"))
          .hasValue("How often is the rooftop greenhouse watered?");
      PlaywrightAssertions.assertThat(page.locator("#answer")).containsText("every Tuesday");
      PlaywrightAssertions.assertThat(page.locator("#meta")).hasText(meta);
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
