package io.groundwork.draft;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.groundwork.ingest.IngestionService;
import io.groundwork.testing.Chromium;
import io.groundwork.testing.RequiresBrowser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The Drafts page in a real browser: the agent pastes a ticket, reads the draft beside it with
 * its asks (one not covered), follows a citation to the highlighted source, edits the reply and
 * approves it; the approval shows with its audit record and the draft is listed as approved.
 * Screenshots at desktop and phone width go to target/screenshots.
 */
@QuarkusTest
@TestProfile(DraftingProfile.class)
@RequiresBrowser
@Tag("slow")
class DraftsBrowserTest {
  @TestHTTPResource("/drafts.html")
  URL drafts;

  @Inject
  IngestionService ingestion;

  @Test
  void draftEditAndApproveATicket() {
    DraftingProfile.ingestSamples(ingestion);
    try (Playwright playwright = Chromium.playwright();
        Browser browser = Chromium.launch(playwright);
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
            .setHttpCredentials("sam", "sam-pass").setViewportSize(1280, 900))) {
      Page page = context.newPage();
      page.navigate(drafts.toString());
      PlaywrightAssertions.assertThat(page.locator("#me")).containsText("sam");
      PlaywrightAssertions.assertThat(page.locator("nav.workspaces a[aria-current=page]"))
          .hasText("Drafts");

      page.locator("#subject").fill("Locked out and a sponsorship");
      page.locator("#customer-name").fill("Dana");
      page.locator("#ticket-body").fill("Hi,\nHow long does the account lock last after too many"
          + " wrong passwords?\nAlso, would you sponsor our office football team?\nThanks, Dana");
      page.locator("#draft-button").click();

      // Drafting answers every ask: on a loaded machine this takes far longer than a question.
      PlaywrightAssertions.assertThat(page.locator("#draft-view")).isVisible(
          new LocatorAssertions.IsVisibleOptions().setTimeout(180_000));
      PlaywrightAssertions.assertThat(page.locator("#ticket-text")).containsText("football team");
      PlaywrightAssertions.assertThat(page.locator("#asks li.ask-covered")).hasCount(1);
      PlaywrightAssertions.assertThat(page.locator("#asks li.ask-uncovered"))
          .containsText("football");
      Locator draft = page.locator("#draft-text");
      PlaywrightAssertions.assertThat(draft).containsText("Hi Dana,");
      PlaywrightAssertions.assertThat(draft).containsText("30 minutes");
      PlaywrightAssertions.assertThat(draft.locator("a.cite").first())
          .hasText(Pattern.compile("\\[\\d+\\]"));
      screenshots(page, "drafts");

      // A citation opens the source with the cited passage highlighted.
      String quote = page.locator("#draft-citations li blockquote").first().innerText().strip();
      Page source = context.newPage();
      source.navigate(drafts.toString().replace("/drafts.html", "")
          + draft.locator("a.cite").first().getAttribute("href"));
      PlaywrightAssertions.assertThat(source.locator("mark#cited")).hasText(quote);
      assertThat(source.locator("#document").innerText()).contains("Flow");
      source.close();

      String edited = page.locator("#final-text").inputValue()
          .replace("Hi Dana,", "Hi Dana, sorry for the trouble.");
      page.locator("#final-text").fill(edited);
      page.locator("#approve-button").click();
      PlaywrightAssertions.assertThat(page.locator("#draft-status")).hasText("approved",
          new LocatorAssertions.HasTextOptions().setTimeout(60_000));
      PlaywrightAssertions.assertThat(page.locator("#approve-status"))
          .containsText(Pattern.compile("Approved - audit record \\d+"));
      PlaywrightAssertions.assertThat(page.locator("#approve-button")).isDisabled();
      PlaywrightAssertions.assertThat(page.locator("#final-text"))
          .hasValue(edited.strip());
      PlaywrightAssertions.assertThat(page.locator("#recent tbody tr").first())
          .containsText("approved");
      page.setViewportSize(390, 844);
      screenshots(page, "drafts-approved");
    }
  }

  private static void screenshots(Page page, String name) {
    int width = page.viewportSize().width;
    page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
        .setPath(Path.of("target/screenshots", name + "-" + width + ".png")));
  }
}
