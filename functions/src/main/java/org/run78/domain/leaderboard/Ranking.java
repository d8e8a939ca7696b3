package org.run78.domain.leaderboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

/** Standard competition ranking: highest first, 1-based, ties share a rank (1, 1, 3). */
public final class Ranking {
    private Ranking() {}

    public interface Ranked<T, R> {
        R apply(T item, int rank);
    }

    public static <T, R> List<R> rank(List<T> items, ToLongFunction<T> score, Ranked<T, R> toRanked) {
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparingLong(score).reversed());
        List<R> ranked = new ArrayList<>(sorted.size());
        int rank = 0;
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < sorted.size(); i++) {
            long value = score.applyAsLong(sorted.get(i));
            if (i == 0 || value != previous) {
                rank = i + 1;
            }
            previous = value;
            ranked.add(toRanked.apply(sorted.get(i), rank));
        }
        return ranked;
    }
}
