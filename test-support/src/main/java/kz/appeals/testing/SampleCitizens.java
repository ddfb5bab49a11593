package kz.appeals.testing;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

/** Synthetic applicants for tests and load: IINs that pass the official checksum, belonging to nobody real. */
public final class SampleCitizens {

    /** A KATO settlement code of the bundled SAMPLE territory (region 99). */
    public static final String SAMPLE_SETTLEMENT = "991021001";
    /** Its rural district, whose akim's office answers. */
    public static final String SAMPLE_RURAL_DISTRICT = "991021000";

    /** A random valid IIN of someone born in the 1900s or 2000s. */
    public static String randomIin() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (true) {
            LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(365 * 65));
            int centuryDigit = (birth.getYear() >= 2000 ? 5 : 3) + random.nextInt(2);
            String first11 = String.format("%02d%02d%02d%d%04d", birth.getYear() % 100, birth.getMonthValue(),
                    birth.getDayOfMonth(), centuryDigit, random.nextInt(10_000));
            int check = weighted(first11, 1) % 11;
            if (check == 10) {
                check = weighted(first11, 3) % 11;
            }
            if (check != 10) {
                return first11 + check;
            }
        }
    }

    /** True when the 12 digits pass the IIN checksum (whatever the birth date they encode). */
    public static boolean isValidIin(String digits) {
        if (digits == null || !digits.matches("\\d{12}")) {
            return false;
        }
        int check = weighted(digits, 1) % 11;
        if (check == 10) {
            check = weighted(digits, 3) % 11;
        }
        return check != 10 && check == digits.charAt(11) - '0';
    }

    /** Weights start, start+1, ... wrapping after 11 back to 1 (the two passes of the IIN algorithm). */
    private static int weighted(String digits, int firstWeight) {
        int sum = 0;
        for (int i = 0; i < 11; i++) {
            sum += (digits.charAt(i) - '0') * ((firstWeight - 1 + i) % 11 + 1);
        }
        return sum;
    }

    public static String randomPhone() {
        return "+7701" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }

    /** A complete, valid appeal body for POST /api/v1/appeals about a settlement. */
    public static String appealJson(String katoCode, String iin) {
        return appealJson(katoCode, iin, "roads", "{\"defect\":\"pothole\"}");
    }

    /**
     * The same in another category; {@code attributesJson} is the JSON object of that category's attributes
     * (GET /api/v1/categories), which must hold its required ones.
     */
    public static String appealJson(String katoCode, String iin, String categoryCode, String attributesJson) {
        return """
                {"appealType":"APPLICATION","categoryCode":"%s",
                 "description":"Ауылдағы жолда үлкен шұңқыр бар, жөндеуді сұраймын.",
                 "language":"kk","location":{"katoCode":"%s"},"channel":"egov",
                 "applicant":{"iin":"%s","fullName":"Сынақ Азамат","phone":"%s"},
                 "attachments":[],"attributes":%s}""".formatted(categoryCode, katoCode, iin, randomPhone(),
                attributesJson);
    }

    private SampleCitizens() {
    }
}
