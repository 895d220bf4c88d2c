package io.groundwork.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@QuarkusMainTest
@Tag("slow")
class CliTest {
  @Test
  void ingestPrintsASummaryAndFailsOnBadFiles(QuarkusMainLauncher launcher) {
    LaunchResult result = launcher.launch("ingest", "src/test/resources/bad-files");
    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.getOutput())
        .contains("ingested 1, unchanged 0, failed 3, removed 0")
        .contains("failed: ")
        .contains("malformed.pdf: malformed PDF")
        .contains("empty.txt: file is empty")
        .contains("photo.bin: unsupported file type application/octet-stream");
  }

  @Test
  @Launch(value = {"ask", "Where is the bike storage?", "--user", "mallory"}, exitCode = 1)
  void askRejectsUnknownUsers(LaunchResult result) {
    assertThat(result.getErrorOutput()).contains("unknown user 'mallory'; known users: ");
  }

  @Test
  void askRefusesWhenNothingIsIndexed(QuarkusMainLauncher launcher) {
    LaunchResult result = launcher.launch("ask", "What is the VPN host name?", "--user", "bob");
    assertThat(result.exitCode()).isZero();
    assertThat(result.getOutput()).contains("The knowledge base does not answer this question")
        .contains("audit record ");
  }
}
