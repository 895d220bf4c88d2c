package io.groundwork.testing;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The browser that browser tests drive: Debian's chromium at {@link #PATH}, launched headless by
 * Playwright, which never downloads a browser of its own. Tests that use it are annotated
 * {@link RequiresBrowser}.
 */
public final class Chromium {
  /** Where Debian's {@code chromium} package installs the browser. */
  public static final Path PATH = Path.of("/usr/bin/chromium");

  private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--no-first-run");

  private Chromium() {}

  /** Null when the browser is there, else one line: what is missing and how to get it. */
  public static String missing() {
    return Files.isExecutable(PATH) ? null
        : "Chromium not found at " + PATH + ": apt-get install chromium, or run bash .ci/run";
  }

  /** Playwright, told never to download a browser. */
  public static Playwright playwright() {
    return Playwright.create(new Playwright.CreateOptions()
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
  }

  /** A headless chromium from {@link #PATH}; closed with its {@link Playwright}. */
  public static Browser launch(Playwright playwright) {
    return playwright.chromium().launch(new BrowserType.LaunchOptions()
        .setExecutablePath(PATH).setHeadless(true).setArgs(ARGS));
  }
}
