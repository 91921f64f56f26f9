package org.certhub.correlation;

import java.util.List;

/**
 * What an answer may carry of the blind reveals it would make: every reveal is either shown or
 * withheld (its viewer's daily budget was spent before it).
 *
 * @param shown the reveals the answer may show as blind entries
 * @param withheld the reveals it must leave out
 * @param budget the daily budget that withheld them
 */
public record BlindDisclosure(List<BlindReveal> shown, List<BlindReveal> withheld, int budget) {

    public BlindDisclosure {
        shown = List.copyOf(shown);
        withheld = List.copyOf(withheld);
    }

    /** Everything shown: nothing was asked, or blind reveals are not limited. */
    public static BlindDisclosure all(List<BlindReveal> reveals, int budget) {
        return new BlindDisclosure(reveals, List.of(), budget);
    }

    /** Whether the blind entry of {@code owner}'s sighting of this value may be shown. */
    public boolean shows(String owner, String valueType, String value) {
        return shown.stream().anyMatch(reveal -> reveal.of(owner, valueType, value));
    }

    /** Whether the answer would have carried a reveal past the budget. */
    public boolean budgetSpent() {
        return !withheld.isEmpty();
    }

    /**
     * For paths that must not answer partially (lookups): throws the {@code 429} problem when a
     * reveal was withheld. Listings may instead show {@link #shown()} only.
     */
    public BlindDisclosure orThrowWhenBudgetSpent() {
        if (budgetSpent()) {
            throw BlindMatchBudgetSpentException.now(budget);
        }
        return this;
    }
}
