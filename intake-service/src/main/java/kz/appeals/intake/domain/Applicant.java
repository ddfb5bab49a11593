package kz.appeals.intake.domain;

/** The person who filed an appeal. Lives only inside intake, and only sealed at rest. */
public record Applicant(String iin, String fullName, String phone, String email) {
}
