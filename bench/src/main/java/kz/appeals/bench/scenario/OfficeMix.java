package kz.appeals.bench.scenario;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * What the simulated offices do with the appeals routed to them, in percent: answer within the term, extend the term
 * (the head's reasoned decision) and then answer, or ignore the appeal until the term lapses and it is escalated;
 * and how many applicants rate an answer. The default is the shape analytics-replay simulates: 85 % answered on
 * time, 7 % extended, 8 % ignored, half of the answers rated.
 */
public record OfficeMix(int onTimePercent, int extendedPercent, int ignoredPercent, int ratedPercent) {

    public enum Behaviour { ON_TIME, EXTENDED, IGNORED }

    public static final OfficeMix NATIONAL = new OfficeMix(85, 7, 8, 50);

    public OfficeMix {
        for (int percent : new int[]{onTimePercent, extendedPercent, ignoredPercent, ratedPercent}) {
            if (percent < 0 || percent > 100) {
                throw new IllegalArgumentException("percentages must be 0..100, got " + percent);
            }
        }
        if (onTimePercent + extendedPercent + ignoredPercent != 100) {
            throw new IllegalArgumentException("on time, extended and ignored must add up to 100, got "
                    + (onTimePercent + extendedPercent + ignoredPercent));
        }
    }

    /**
     * @param mix   {@code ON_TIME,EXTENDED,IGNORED} percentages, e.g. {@code 85,7,8}
     * @param rated percentage of answers the applicant rates
     * @throws IllegalArgumentException naming the option
     */
    public static OfficeMix parse(String mix, String rated) {
        int[] parts;
        try {
            parts = Arrays.stream(mix.split(",", -1)).map(String::trim).mapToInt(Integer::parseInt).toArray();
        } catch (NumberFormatException e) {
            parts = new int[0];
        }
        if (parts.length != 3) {
            throw new IllegalArgumentException("--office-mix takes three percentages ON_TIME,EXTENDED,IGNORED such as "
                    + "85,7,8, got '" + mix + "'");
        }
        int ratedPercent;
        try {
            ratedPercent = Integer.parseInt(rated.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--rated must be a percentage, got '" + rated + "'");
        }
        try {
            return new OfficeMix(parts[0], parts[1], parts[2], ratedPercent);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--office-mix/--rated: " + e.getMessage());
        }
    }

    public Behaviour behaviour(SplittableRandom random) {
        int draw = random.nextInt(100);
        if (draw < onTimePercent) {
            return Behaviour.ON_TIME;
        }
        return draw < onTimePercent + extendedPercent ? Behaviour.EXTENDED : Behaviour.IGNORED;
    }

    public boolean rates(SplittableRandom random) {
        return random.nextInt(100) < ratedPercent;
    }
}
