package io.groundwork.bench;

import io.groundwork.eval.BeirDataset;
import io.groundwork.eval.Evaluation;
import io.groundwork.eval.Evaluation.Ranker;
import io.groundwork.eval.Evaluation.Run;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Two retrieval systems run side by side over the same judged queries. Stateless. */
final class PairedRuns {
  private PairedRuns() {}

  /**
   * Runs two systems over the same judged queries for a side-by-side latency comparison. Both
   * first answer every query once unmeasured (so that the JIT compiler has settled both code
   * paths, not only the one that happened to run second); then each query goes to both systems
   * back to back, the first of the pair alternating, so that whatever else the machine is doing
   * falls on both alike.
   *
   * @return the run of {@code first}, then that of {@code second}
   */
  static List<Run> run(BeirDataset dataset, Ranker first, Ranker second) {
    List<String> ids = Evaluation.judgedQueries(dataset);
    for (String id : ids) {
      first.rank(dataset.queries().get(id));
      second.rank(dataset.queries().get(id));
    }
    Ranker[] rankers = {first, second};
    List<Map<String, List<String>>> rankings = List.of(new LinkedHashMap<>(),
        new LinkedHashMap<>());
    double[][] latencies = new double[2][ids.size()];
    for (int i = 0; i < ids.size(); i++) {
      String query = dataset.queries().get(ids.get(i));
      for (int turn = 0; turn < 2; turn++) {
        int system = (i + turn) % 2;
        long t0 = System.nanoTime();
        List<String> ranking = rankers[system].rank(query);
        latencies[system][i] = (System.nanoTime() - t0) / 1e6;
        rankings.get(system).put(ids.get(i), ranking);
      }
    }
    return List.of(new Run(rankings.get(0), latencies[0]), new Run(rankings.get(1), latencies[1]));
  }
}
