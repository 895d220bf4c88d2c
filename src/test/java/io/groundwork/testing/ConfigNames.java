package io.groundwork.testing;

/**
 * Property names as SmallRye Config derives them from {@code @ConfigMapping} methods, for the
 * tests that read the mappings (the configuration reference, the deployment manifests' checks).
 */
public final class ConfigNames {
  private ConfigNames() {}

  /** The property name SmallRye Config's kebab-case strategy gives a method. */
  public static String kebab(String name) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c)) {
        if (i > 0 && !Character.isUpperCase(name.charAt(i - 1))) {
          out.append('-');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** {@code prefix.segment}, where an empty prefix or segment adds no dot. */
  public static String join(String prefix, String segment) {
    if (prefix.isEmpty()) {
      return segment;
    }
    return segment.isEmpty() ? prefix : prefix + "." + segment;
  }
}
