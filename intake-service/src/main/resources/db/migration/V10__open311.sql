-- Open311 GeoReport v2 clients. The key itself is shown once when issued; only its SHA-256 is kept (a random
-- 256-bit key needs no slow hash), so a leaked table does not leak working keys.
create table open311_api_key (
    id          uuid primary key,
    key_hash    varchar(64)  not null unique,
    client_name varchar(100) not null,
    issued_at   timestamptz  not null,
    issued_by   varchar(128) not null,
    revoked_at  timestamptz,
    revoked_by  varchar(128)
);

-- Which key filed an appeal through Open311, and the media_url it sent: the standard carries a bare URL, which
-- does not make an attachment (no media type, size or checksum), so it is kept here and shown back as media_url.
create table open311_origin (
    appeal_id  uuid primary key references appeal (id),
    api_key_id uuid not null references open311_api_key (id),
    media_url  varchar(2048)
);
