package io.groundwork.answer;

import io.groundwork.text.TermAnalyzer;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Words that people and company documents use for the same thing ("outside firm" and "external
 * retainer", "hotline" and "phone", "minimum" and "at least"), as a small hand-made lexicon of
 * workplace vocabulary: each analysed term of a group maps to the group's first term, so that a
 * question and a sentence match whichever word each uses. Deliberately small and general; a
 * synonym that is wrong in some document costs less than a paraphrase that never matches.
 * Immutable and thread-safe.
 */
final class TermSynonyms {
  private static final List<String> GROUPS = List.of(
      "external outside outsourced third-party",
      "phone telephone hotline helpline",
      "vendor firm supplier provider agency contractor retainer",
      "minimum least",
      "maximum most",
      "limit limits cap caps ceiling",
      "manager boss",
      "laptop computer notebook",
      "salary wage wages remuneration",
      "holiday holidays vacation",
      "sick sickness illness ill",
      "start begin commence",
      "buy purchase procure",
      "price cost fee fees",
      "allowed permitted allow permit",
      "employee employees staff worker workers personnel",
      "customer customers client clients",
      "issue issues finding findings vulnerability vulnerabilities",
      "help support assist",
      "fix remediate remediation resolve",
      "pet pets dog dogs cat cats animal animals",
      "child children kid kids",
      "bike bicycle cycle cycling",
      "doctor gp physician",
      "job role position",
      "email e-mail",
      "cancel terminate",
      "extra additional",
      "answer answers reply replies respond responds response responses",
      // Numbers in words or digits ("after 5 years", "after five full years").
      "1 one", "2 two", "3 three", "4 four", "5 five", "6 six", "7 seven", "8 eight", "9 nine",
      "10 ten", "11 eleven", "12 twelve", "20 twenty", "30 thirty", "100 hundred",
      // Currencies as people say them and as documents write them ("5 pound coffee", "GBP 10").
      "gbp pound pounds sterling quid",
      "eur euro euros",
      "usd dollar dollars",
      "approve approves approved approval authorise authorises authorised authorisation"
          + " authorize authorizes authorized authorization signoff");

  private final Map<String, String> canonical;

  TermSynonyms(TermAnalyzer analyzer) {
    Map<String, String> map = new HashMap<>();
    for (String group : GROUPS) {
      List<String> terms = analyzer.terms(group);
      if (terms.isEmpty()) {
        continue;
      }
      for (String term : terms) {
        map.putIfAbsent(term, terms.getFirst());
      }
    }
    this.canonical = Map.copyOf(map);
  }

  /** The group representative of {@code term}, or the term itself. */
  String canonical(String term) {
    return canonical.getOrDefault(term, term);
  }

  /** {@code terms} mapped to their representatives, in order, without repeats. */
  Set<String> canonical(Collection<String> terms) {
    Set<String> out = new LinkedHashSet<>();
    for (String term : terms) {
      out.add(canonical(term));
    }
    return out;
  }
}
