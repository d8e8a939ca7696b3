package org.run78.domain.aggregation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.run78.domain.donation.Donation;

/**
 * Splits a batch into chunks that each fit one atomic write: a marker per donation, one
 * update per distinct user, and one delta item, within the store's limit of actions.
 */
public final class Chunking {
    private Chunking() {}

    public static List<List<Donation>> split(List<Donation> donations, int maxActions) {
        if (maxActions < 3) {
            throw new IllegalArgumentException("a chunk needs room for at least one donation");
        }
        List<List<Donation>> chunks = new ArrayList<>();
        List<Donation> current = new ArrayList<>();
        Set<String> users = new HashSet<>();
        for (Donation d : donations) {
            int usersAfter = users.size() + (users.contains(d.userId()) ? 0 : 1);
            if (!current.isEmpty() && current.size() + 1 + usersAfter + 1 > maxActions) {
                chunks.add(current);
                current = new ArrayList<>();
                users = new HashSet<>();
            }
            current.add(d);
            users.add(d.userId());
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }
}
