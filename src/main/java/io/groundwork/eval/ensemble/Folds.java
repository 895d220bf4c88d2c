package io.groundwork.eval.ensemble;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A seeded split of items (query ids) into {@code k} folds of near-equal size: the items are
 * shuffled with the seed and dealt round-robin. The same items, k and seed give the same folds.
 * Immutable.
 */
public final class Folds {
  private final List<List<String>> folds;

  /**
   * @param items the items, each once
   * @param k folds, 2 <= k <= items
   * @param seed the shuffle's seed
   */
  public Folds(List<String> items, int k, long seed) {
    if (k < 2 || k > items.size()) {
      throw new IllegalArgumentException("k must be between 2 and the " + items.size()
          + " items, got " + k);
    }
    List<String> shuffled = new ArrayList<>(items);
    Collections.shuffle(shuffled, new Random(seed));
    List<List<String>> dealt = new ArrayList<>();
    for (int f = 0; f < k; f++) {
      dealt.add(new ArrayList<>());
    }
    for (int i = 0; i < shuffled.size(); i++) {
      dealt.get(i % k).add(shuffled.get(i));
    }
    this.folds = dealt.stream().map(List::copyOf).toList();
  }

  public int count() {
    return folds.size();
  }

  /** The held-out items of fold {@code fold}. */
  public List<String> test(int fold) {
    return folds.get(fold);
  }

  /** Every item not in fold {@code fold}. */
  public List<String> train(int fold) {
    List<String> train = new ArrayList<>();
    for (int f = 0; f < folds.size(); f++) {
      if (f != fold) {
        train.addAll(folds.get(f));
      }
    }
    return train;
  }
}
