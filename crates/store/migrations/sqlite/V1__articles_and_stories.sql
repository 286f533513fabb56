-- Stories, articles and full-text search over articles.
CREATE TABLE stories (
    id          TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    founded_by  TEXT NOT NULL,
    created_at  TEXT NOT NULL
);

CREATE TABLE articles (
    id                        TEXT PRIMARY KEY,
    path                      TEXT,
    url                       TEXT,
    title                     TEXT NOT NULL,
    lead                      TEXT,
    body                      TEXT NOT NULL,
    source_domain             TEXT,
    authors                   TEXT NOT NULL,  -- JSON array
    categories                TEXT NOT NULL,  -- JSON array
    image                     TEXT,
    featured                  INTEGER,
    language                  TEXT,
    published_at              TEXT,           -- RFC 3339, UTC
    published_at_approximate  INTEGER NOT NULL,
    format                    TEXT NOT NULL,
    content_hash              TEXT NOT NULL,
    duplicate_of              TEXT REFERENCES articles(id),
    story_id                  TEXT REFERENCES stories(id),
    extra                     TEXT NOT NULL,  -- JSON object
    ingested_at               TEXT NOT NULL
);

CREATE INDEX articles_by_content_hash ON articles(content_hash);
CREATE INDEX articles_by_story ON articles(story_id);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, lead, body,
    content = 'articles', content_rowid = 'rowid',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, lead, body)
    VALUES (new.rowid, new.title, coalesce(new.lead, ''), new.body);
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, lead, body)
    VALUES ('delete', old.rowid, old.title, coalesce(old.lead, ''), old.body);
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, lead, body)
    VALUES ('delete', old.rowid, old.title, coalesce(old.lead, ''), old.body);
    INSERT INTO articles_fts(rowid, title, lead, body)
    VALUES (new.rowid, new.title, coalesce(new.lead, ''), new.body);
END;
