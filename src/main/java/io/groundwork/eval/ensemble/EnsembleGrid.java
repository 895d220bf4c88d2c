package io.groundwork.eval.ensemble;

import java.util.ArrayList;
import java.util.List;

/**
 * The configurations an ensemble is chosen among: for a family of sources (BM25 and/or vector
 * searches of named models), every combination of BM25 parameters, fusion (reciprocal rank with
 * equal weights, or weighted normalised scores with each vector search's weight from
 * {@code vectorWeights}, BM25 weighing 1) and document aggregation. Immutable.
 *
 * @param bm25Parameters (k1, b) pairs
 * @param vectorWeights weights a vector search may have relative to BM25 (or to the first model
 *     when there is no BM25)
 * @param aggregations how chunk scores become document scores
 * @param rrfK the reciprocal-rank constant
 */
public record EnsembleGrid(List<float[]> bm25Parameters, List<Double> vectorWeights,
    List<ChunkAggregation> aggregations, int rrfK) {

  public EnsembleGrid {
    if (bm25Parameters.isEmpty() || vectorWeights.isEmpty() || aggregations.isEmpty()) {
      throw new IllegalArgumentException("every axis of the grid needs at least one value");
    }
    bm25Parameters = List.copyOf(bm25Parameters);
    vectorWeights = List.copyOf(vectorWeights);
    aggregations = List.copyOf(aggregations);
  }

  /**
   * One point of the grid.
   *
   * @param bm25 whether BM25 takes part
   * @param models vector searches, by model id
   * @param fusion how the sources' rankings combine (irrelevant with one source)
   * @param weights one weight per source: BM25's first when it takes part, then the models'
   * @param k1 BM25's term-frequency saturation
   * @param b BM25's length normalisation
   * @param aggregation chunk scores to document scores
   */
  public record Configuration(boolean bm25, List<String> models, RankFusion fusion,
      List<Double> weights, float k1, float b, ChunkAggregation aggregation) {
    public Configuration {
      models = List.copyOf(models);
      weights = List.copyOf(weights);
      if (weights.size() != models.size() + (bm25 ? 1 : 0)) {
        throw new IllegalArgumentException("one weight per source expected");
      }
    }

    /** The sources, e.g. {@code bm25 + bge-small-en-v1.5}. */
    public String sources() {
      List<String> names = new ArrayList<>();
      if (bm25) {
        names.add("bm25");
      }
      names.addAll(models);
      return String.join(" + ", names);
    }

    /** Every setting, e.g. {@code bm25(k1=0.9,b=0.4) + bge-small-en-v1.5 weighted 1:2 max}. */
    public String label() {
      List<String> names = new ArrayList<>();
      if (bm25) {
        names.add(String.format(java.util.Locale.ROOT, "bm25(k1=%s,b=%s)", k1, b));
      }
      names.addAll(models);
      String fusing = weights.size() < 2 ? ""
          : fusion.method() == RankFusion.Method.RRF ? " " + fusion
          : " weighted " + String.join(":", weights.stream().map(EnsembleGrid::number).toList());
      return String.join(" + ", names) + fusing + " " + aggregation;
    }
  }

  /** Every configuration of the family with (or without) BM25 and the vector searches of {@code models}. */
  public List<Configuration> family(boolean bm25, List<String> models) {
    if (!bm25 && models.isEmpty()) {
      throw new IllegalArgumentException("a family needs at least one source");
    }
    List<float[]> parameters = bm25 ? bm25Parameters : List.of(new float[] {1.2f, 0.75f});
    int sources = models.size() + (bm25 ? 1 : 0);
    List<RankFusion> fusions = new ArrayList<>();
    List<List<Double>> weightings = new ArrayList<>();
    if (sources == 1) {
      fusions.add(new RankFusion(RankFusion.Method.WEIGHTED, rrfK));
      weightings.add(List.of(1.0));
    } else {
      fusions.add(new RankFusion(RankFusion.Method.RRF, rrfK));
      weightings.add(java.util.Collections.nCopies(sources, 1.0));
      // The first source weighs 1; every other takes each weight of the axis.
      for (List<Double> rest : combinations(sources - 1)) {
        List<Double> weights = new ArrayList<>();
        weights.add(1.0);
        weights.addAll(rest);
        fusions.add(new RankFusion(RankFusion.Method.WEIGHTED, rrfK));
        weightings.add(weights);
      }
    }
    List<Configuration> configurations = new ArrayList<>();
    for (float[] kb : parameters) {
      for (int f = 0; f < fusions.size(); f++) {
        for (ChunkAggregation aggregation : aggregations) {
          configurations.add(new Configuration(bm25, models, fusions.get(f), weightings.get(f),
              kb[0], kb[1], aggregation));
        }
      }
    }
    return configurations;
  }

  private List<List<Double>> combinations(int length) {
    List<List<Double>> all = new ArrayList<>();
    all.add(List.of());
    for (int i = 0; i < length; i++) {
      List<List<Double>> longer = new ArrayList<>();
      for (List<Double> prefix : all) {
        for (double weight : vectorWeights) {
          List<Double> next = new ArrayList<>(prefix);
          next.add(weight);
          longer.add(next);
        }
      }
      all = longer;
    }
    return all;
  }

  static String number(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }
}
