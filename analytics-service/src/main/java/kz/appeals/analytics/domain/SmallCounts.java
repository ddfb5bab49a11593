package kz.appeals.analytics.domain;

/**
 * Open data is published for anyone, and most rural districts have a few thousand residents: a count of one to four
 * appeals (or a rate, median or index computed from so few) can point at the person behind it — the only appeal
 * deemed refused in a village, the one rating. Such a count is published as {@link #SUPPRESSED} and a figure computed
 * from one is left empty; zero and five or more are published as they are. This is the usual small-cell rule of
 * official statistics (a minimum cell size of five); the authorised metrics API keeps the exact figures.
 */
public final class SmallCounts {

    /** The smallest count published as a number, zero aside. */
    public static final int THRESHOLD = 5;
    /** What a suppressed count reads as in the open data. */
    public static final String SUPPRESSED = "<" + THRESHOLD;

    private SmallCounts() {
    }

    /** True for a count (or weighted count) above zero and below {@link #THRESHOLD}. */
    public static boolean identifying(Number count) {
        return count != null && count.doubleValue() > 0 && count.doubleValue() < THRESHOLD;
    }
}
