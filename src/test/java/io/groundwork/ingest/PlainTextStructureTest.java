package io.groundwork.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextStructureTest {
  @Test
  void recoversHeadingsParagraphsAndListItems() {
    PlainTextStructure s = PlainTextStructure.of("""
        # VPN Setup
        Install the **Cisco** client
        from the portal.

        ## Steps
        - Open the app
        - Sign in

        Office Guide
        ============
        Text.
        """);
    assertThat(s.text()).isEqualTo("""
        VPN Setup
        Install the Cisco client from the portal.
        Steps
        - Open the app
        - Sign in
        Office Guide
        Text.""");
    assertThat(s.headings()).extracting(Heading::text)
        .containsExactly("VPN Setup", "Steps", "Office Guide");
    assertThat(s.headings()).extracting(Heading::level).containsExactly(1, 2, 1);
    Heading steps = s.headings().get(1);
    assertThat(s.text().substring(steps.start())).startsWith("Steps");
  }
}
