package io.groundwork.retrieve;

/**
 * How {@link HybridRetriever} ranks: which searches run, how their rankings are fused and with
 * what weights. Immutable; {@code with*} methods return changed copies.
 *
 * @param mode which searches run
 * @param fusion how the BM25 and vector rankings combine in {@link Mode#HYBRID} mode
 * @param candidates candidates each search contributes (at least top-k)
 * @param rrfK reciprocal-rank fusion constant k
 * @param textWeight weight of the BM25 ranking in the fusion
 * @param vectorWeight weight of the vector ranking in the fusion
 */
public record RetrievalSettings(Mode mode, Fusion fusion, int candidates, int rrfK,
    double textWeight, double vectorWeight) {

  /** Which searches a retrieval runs. */
  public enum Mode { BM25, DENSE, HYBRID }

  /**
   * How two rankings combine: {@code RRF} sums {@code w / (k + rank)}; {@code WEIGHTED} sums
   * {@code w * s'} where {@code s'} is the search's score min-max normalised over its candidates
   * (a chunk one search did not return contributes 0 from it).
   */
  public enum Fusion { RRF, WEIGHTED }

  public RetrievalSettings {
    if (mode == null || fusion == null) {
      throw new IllegalArgumentException("mode and fusion must not be null");
    }
    if (candidates < 1) {
      throw new IllegalArgumentException("candidates must be >= 1, got " + candidates);
    }
    if (rrfK < 0) {
      throw new IllegalArgumentException("rrfK must be >= 0, got " + rrfK);
    }
    if (textWeight < 0 || vectorWeight < 0) {
      throw new IllegalArgumentException("weights must be >= 0, got text " + textWeight
          + ", vector " + vectorWeight);
    }
  }

  /** The settings of {@code groundwork.retrieval.*}. */
  public static RetrievalSettings of(RetrievalConfig config) {
    return new RetrievalSettings(config.mode(), config.fusion(), config.candidates(),
        config.rrfK(), config.textWeight(), config.vectorWeight());
  }

  public RetrievalSettings withMode(Mode newMode) {
    return new RetrievalSettings(newMode, fusion, candidates, rrfK, textWeight, vectorWeight);
  }

  public RetrievalSettings withFusion(Fusion newFusion) {
    return new RetrievalSettings(mode, newFusion, candidates, rrfK, textWeight, vectorWeight);
  }

  public RetrievalSettings withWeights(double newTextWeight, double newVectorWeight) {
    return new RetrievalSettings(mode, fusion, candidates, rrfK, newTextWeight, newVectorWeight);
  }

  public RetrievalSettings withCandidates(int newCandidates) {
    return new RetrievalSettings(mode, fusion, newCandidates, rrfK, textWeight, vectorWeight);
  }

  public RetrievalSettings withRrfK(int newRrfK) {
    return new RetrievalSettings(mode, fusion, candidates, newRrfK, textWeight, vectorWeight);
  }

  /** One line naming every setting, for reports. */
  public String describe() {
    return "mode=" + mode.name().toLowerCase() + " fusion=" + fusion.name().toLowerCase()
        + " candidates=" + candidates + " rrf-k=" + rrfK + " text-weight=" + textWeight
        + " vector-weight=" + vectorWeight;
  }
}
