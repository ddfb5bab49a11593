package kz.appeals.intake.open311.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** Marks an appeal as filed through Open311: with which key, and the media_url the client sent. */
@Entity
@Table(name = "open311_origin")
public class Open311Origin {

    @Id
    @Column(name = "appeal_id")
    public UUID appealId;

    @Column(name = "api_key_id", nullable = false)
    public UUID apiKeyId;

    @Column(name = "media_url")
    public String mediaUrl;
}
