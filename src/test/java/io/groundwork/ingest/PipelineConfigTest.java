package io.groundwork.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineConfigTest {
  @TempDir
  Path dir;

  private Path write(String yaml) throws Exception {
    return Files.writeString(dir.resolve("pipeline.yaml"), yaml);
  }

  @Test
  void accessRulesGiveMatchingFilesTheirGroups() throws Exception {
    Files.createDirectories(dir.resolve("docs/hr/confidential"));
    Files.writeString(dir.resolve("docs/hr/confidential/pay.md"), "# Pay");
    Files.writeString(dir.resolve("docs/hr/leave.md"), "# Leave");
    Files.writeString(dir.resolve("docs/.hidden.md"), "x");
    PipelineConfig config = PipelineConfig.load(write("""
        sources:
          - name: docs
            path: docs
            access:
              - pattern: "hr/confidential/**"
                groups: [hr]
        """));
    SourceFiles files = new PipelineDefinition(dir.resolve("pipeline.yaml"), config).sourceFiles("docs");
    assertThat(files.list()).containsExactly("hr/confidential/pay.md", "hr/leave.md");
    assertThat(files.groupsOf("hr/confidential/pay.md")).containsExactly("hr");
    assertThat(files.groupsOf("hr/leave.md")).containsExactly("everyone");
    assertThat(config.chunking().maxTokens()).isEqualTo(256);
  }

  @Test
  void customerSafePatternsMarkTheFilesARelyToACustomerMayCite() throws Exception {
    PipelineConfig config = PipelineConfig.load(write("""
        sources:
          - name: docs
            path: docs
            customer-safe: ["support/macro-*", "product/*"]
          - name: other
            path: other
        """));
    PipelineDefinition pipeline = new PipelineDefinition(dir.resolve("pipeline.yaml"), config);
    assertThat(pipeline.isCustomerSafe("docs", "support/macro-refund.md")).isTrue();
    assertThat(pipeline.isCustomerSafe("docs", "product/faq.md")).isTrue();
    assertThat(pipeline.isCustomerSafe("docs", "product/internal/notes.md")).isFalse();
    assertThat(pipeline.isCustomerSafe("docs", "support/escalation.docx")).isFalse();
    assertThat(pipeline.isCustomerSafe("other", "product/faq.md")).isFalse();
    assertThat(pipeline.isCustomerSafe("uploads", "product/faq.md")).isFalse();
    Path blank = write("sources:\n  - name: a\n    path: x\n    customer-safe: [\" \"]\n");
    assertThatThrownBy(() -> PipelineConfig.load(blank))
        .hasMessageContaining("source 'a' has a blank customer-safe pattern");
  }

  @Test
  void brokenConfigurationIsReportedWithTheFile() throws Exception {
    Path file = write("sources:\n  - name: a\n    path: x\n  - name: a\n    path: y\n");
    assertThatThrownBy(() -> PipelineConfig.load(file))
        .hasMessage(file + ": source 'a' is defined twice");
    Path unknown = write("sources:\n  - name: a\n    pathh: x\n");
    assertThatThrownBy(() -> PipelineConfig.load(unknown)).hasMessageContaining("is invalid");
    assertThatThrownBy(() -> PipelineConfig.load(dir.resolve("missing.yaml")))
        .hasMessageContaining("does not exist");
    Path badChunking = write("sources: []\nchunking: {max-tokens: 100, overlap-tokens: 60}\n");
    assertThatThrownBy(() -> PipelineConfig.load(badChunking))
        .hasMessageContaining("overlap-tokens < max-tokens / 2");
  }
}
