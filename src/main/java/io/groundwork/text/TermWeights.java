package io.groundwork.text;

/**
 * How much a term says about what a text is about: typically its inverse document frequency in
 * the indexed corpus, so that a rare term ("PeopleHub") weighs more than a common one ("policy").
 */
@FunctionalInterface
public interface TermWeights {
  /** The weight of an analysed term, > 0. */
  double weight(String term);
}
