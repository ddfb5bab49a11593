package kz.appeals.intake.domain;

/**
 * The number the citizen keeps (APPK Art. 64 receipt): {@code KZ26-0001234-X}. Year of registration, a sequence,
 * and an ISO 7064 MOD 37,36 check character so that a mistyped digit or a swap of two neighbours is caught when the
 * citizen reads it out on the phone.
 */
public final class ReceiptNumber {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final int MODULUS = 36;

    public static String of(int year, long sequence) {
        String body = "KZ" + String.format("%02d", year % 100) + String.format("%07d", sequence);
        return body.substring(0, 4) + "-" + body.substring(4) + "-" + checkCharacter(body);
    }

    public static boolean isValid(String receipt) {
        if (receipt == null || !receipt.matches("KZ\\d{2}-\\d{7,}-[0-9A-Z]")) {
            return false;
        }
        String body = receipt.substring(0, receipt.length() - 2).replace("-", "");
        return checkCharacter(body) == receipt.charAt(receipt.length() - 1);
    }

    static char checkCharacter(String body) {
        int product = MODULUS;
        for (char c : body.toCharArray()) {
            int sum = (product + ALPHABET.indexOf(c)) % MODULUS;
            product = (sum == 0 ? MODULUS : sum) * 2 % (MODULUS + 1);
        }
        return ALPHABET.charAt((MODULUS + 1 - product) % MODULUS);
    }

    private ReceiptNumber() {
    }
}
