package io.groundwork.pii;

import java.util.List;
import java.util.Map;

/** The detector settings of the PII tests, for tests of other packages. */
public final class PiiFixtureTestAccess {
  private PiiFixtureTestAccess() {}

  /** Every built-in detector and the fixture's {@code employee-id} pattern. */
  public static PiiConfig config() {
    return PiiFixtureTest.config(List.of("email", "phone", "iban", "card", "uk-nino", "us-ssn"),
        Map.of("employee-id", "EMP-\\d{6}"));
  }
}
