package kz.appeals.intake.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One disclosure of an applicant's personal data, kept for the auditor. */
@Entity
@Table(name = "personal_data_read")
public class PersonalDataRead {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "appeal_id", nullable = false)
    public UUID appealId;

    /** The reading account's reference (token subject), never a personal name. */
    @Column(nullable = false)
    public String reader;

    @Column(name = "reader_roles", nullable = false)
    public String readerRoles;

    @Column(name = "reader_kato")
    public String readerKato;

    @Column(name = "read_at", nullable = false)
    public Instant readAt;
}
