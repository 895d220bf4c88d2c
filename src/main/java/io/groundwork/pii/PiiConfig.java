package io.groundwork.pii;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Map;

/**
 * Personal data redaction ({@code groundwork.pii.*}). See docs/audit.md.
 */
@ConfigMapping(prefix = "groundwork.pii")
public interface PiiConfig {
  /**
   * Built-in detectors to run, by name: {@code email}, {@code phone}, {@code iban} (mod-97
   * checked), {@code card} (Luhn checked), {@code uk-nino}, {@code us-ssn}; {@code none} for
   * none.
   */
  @WithDefault("email,phone,iban,card,uk-nino,us-ssn")
  List<String> detectors();

  /**
   * Extra detectors: {@code groundwork.pii.patterns.<kind>=<regular expression>}, e.g.
   * {@code groundwork.pii.patterns.employee-id=EMP-\\d{6}}; matches become {@code [EMPLOYEE-ID]}.
   */
  Map<String, String> patterns();

  /**
   * Redact what the audit trail stores of an answer (question, answer, quotes, verified
   * sentences); the record counts what was redacted by kind.
   */
  @WithDefault("true")
  boolean audit();

  /**
   * Mask personal data in everything sent to a language model (answering, drafting, condensing
   * follow-up questions) with numbered placeholders per value ({@code [EMAIL-1]},
   * {@code [PHONE-2]}), restored in the model's reply (streamed replies included) before it is
   * verified and shown; the answer's audit record counts what was masked by kind
   * ({@code details.llmPiiMasked}). Uses the detectors above.
   */
  @WithDefault("true")
  boolean llm();
}
