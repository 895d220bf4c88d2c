package io.groundwork.pii;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Builds the redactors from {@link PiiConfig}: the audit trail's and the language model's. */
@ApplicationScoped
public class PiiRedactors {
  /** The redactor of what the audit trail stores. */
  @Produces
  @ApplicationScoped
  @Named("audit")
  PiiRedactor audit(PiiConfig config) {
    return config.audit() ? of(config) : PiiRedactor.none();
  }

  /** The detectors whose finds are masked in what is sent to a language model. */
  @Produces
  @ApplicationScoped
  @Named("llm")
  PiiRedactor llm(PiiConfig config) {
    return config.llm() ? of(config) : PiiRedactor.none();
  }

  /**
   * The redactor {@code config} describes.
   *
   * @throws IllegalArgumentException for an unknown detector or an invalid pattern
   */
  public static PiiRedactor of(PiiConfig config) {
    List<PiiDetector> detectors = new ArrayList<>();
    List<String> names = config.detectors().stream().map(String::strip).toList();
    if (!(names.size() == 1 && names.get(0).equals("none"))) {
      for (String name : names) {
        if (!Detectors.BUILT_IN.containsKey(name)) {
          throw new IllegalArgumentException("groundwork.pii.detectors: unknown detector '" + name
              + "'; known: " + String.join(", ", Detectors.ORDER) + ", or none");
        }
      }
      for (String name : Detectors.ORDER) {
        if (names.contains(name)) {
          detectors.add(Detectors.BUILT_IN.get(name));
        }
      }
    }
    config.patterns().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
        .forEach(e -> {
          try {
            detectors.add(0, new PatternDetector(e.getKey(), Pattern.compile(e.getValue()),
                s -> true));
          } catch (PatternSyntaxException ex) {
            throw new IllegalArgumentException("groundwork.pii.patterns." + e.getKey()
                + " is not a valid regular expression: " + ex.getDescription());
          }
        });
    return new PiiRedactor(detectors);
  }
}
