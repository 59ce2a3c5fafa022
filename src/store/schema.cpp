// The schema of the project file as a list of forward migrations. Append a
// migration to change it; never edit a shipped one (a copy of the project is
// taken before migrating, and each step is one transaction that checks the
// foreign keys before it commits).
#include "store/schema.h"

#include "store/project.h"

namespace telaah::store {

const std::vector<std::string>& migrations() {
  static const std::vector<std::string> m = {
      // 0 -> 1: the initial schema
      R"SQL(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE settings(id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, value TEXT NOT NULL);
CREATE TABLE source_types(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, colour TEXT NOT NULL,
  ord INTEGER NOT NULL DEFAULT 0);
CREATE TABLE documents(id INTEGER PRIMARY KEY, title TEXT NOT NULL,
  source_type_id INTEGER NOT NULL REFERENCES source_types(id),
  language TEXT NOT NULL DEFAULT '', date TEXT NOT NULL DEFAULT '', author TEXT NOT NULL DEFAULT '',
  original_name TEXT NOT NULL DEFAULT '', original_size INTEGER NOT NULL DEFAULT 0,
  sha256 TEXT NOT NULL DEFAULT '', length_cp INTEGER NOT NULL, text TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0, created TEXT NOT NULL, modified TEXT NOT NULL);
CREATE INDEX documents_sha ON documents(sha256);
CREATE TABLE originals(doc_id INTEGER PRIMARY KEY REFERENCES documents(id), bytes BLOB NOT NULL);
CREATE TABLE blocks(id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL REFERENCES documents(id),
  start INTEGER NOT NULL, end INTEGER NOT NULL, kind TEXT NOT NULL, speaker TEXT NOT NULL DEFAULT '',
  page INTEGER NOT NULL DEFAULT 0);
CREATE INDEX blocks_doc ON blocks(doc_id, start);
CREATE TABLE pages(id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL REFERENCES documents(id),
  page INTEGER NOT NULL, start INTEGER NOT NULL);
CREATE INDEX pages_doc ON pages(doc_id, page);
CREATE TABLE attributes(id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL REFERENCES documents(id),
  name TEXT NOT NULL, type TEXT NOT NULL DEFAULT 'text', value TEXT NOT NULL, UNIQUE(doc_id, name));
CREATE TABLE codes(id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES codes(id), name TEXT NOT NULL,
  colour TEXT NOT NULL, definition TEXT NOT NULL DEFAULT '', inclusion TEXT NOT NULL DEFAULT '',
  exclusion TEXT NOT NULL DEFAULT '', example TEXT NOT NULL DEFAULT '', kind TEXT NOT NULL DEFAULT 'code',
  ord INTEGER NOT NULL DEFAULT 0, aliases TEXT NOT NULL DEFAULT '[]');
CREATE INDEX codes_parent ON codes(parent_id, ord);
CREATE TABLE coders(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE codings(id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL REFERENCES documents(id),
  code_id INTEGER NOT NULL REFERENCES codes(id), coder_id INTEGER NOT NULL REFERENCES coders(id),
  start INTEGER NOT NULL, end INTEGER NOT NULL, stance TEXT NOT NULL DEFAULT 'neutral',
  memo TEXT NOT NULL DEFAULT '', origin TEXT NOT NULL DEFAULT '', created TEXT NOT NULL, modified TEXT NOT NULL,
  CHECK(start >= 0 AND end > start), CHECK(stance IN ('supports','contradicts','neutral')));
CREATE INDEX codings_doc ON codings(doc_id, start);
CREATE INDEX codings_code ON codings(code_id);
CREATE TABLE memos(id INTEGER PRIMARY KEY, kind TEXT NOT NULL, target_id INTEGER NOT NULL DEFAULT 0,
  title TEXT NOT NULL DEFAULT '', body TEXT NOT NULL DEFAULT '', created TEXT NOT NULL, modified TEXT NOT NULL);
CREATE TABLE overrides(id INTEGER PRIMARY KEY, code_id INTEGER NOT NULL REFERENCES codes(id),
  dimension TEXT NOT NULL DEFAULT 'type', column_a TEXT NOT NULL DEFAULT '', column_b TEXT NOT NULL DEFAULT '',
  label TEXT NOT NULL, memo TEXT NOT NULL, created TEXT NOT NULL);
CREATE TABLE evaluations(id INTEGER PRIMARY KEY, code_id INTEGER NOT NULL UNIQUE REFERENCES codes(id),
  rating TEXT NOT NULL, justification TEXT NOT NULL DEFAULT '', evidence TEXT NOT NULL DEFAULT '[]',
  modified TEXT NOT NULL);
CREATE TABLE change_log(rev INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, coder TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL, target INTEGER NOT NULL DEFAULT 0, label TEXT NOT NULL, changes TEXT NOT NULL,
  docs TEXT NOT NULL DEFAULT '[]', codebook INTEGER NOT NULL DEFAULT 0, state INTEGER NOT NULL DEFAULT 0);
INSERT INTO source_types(name, colour, ord) VALUES ('interview', '#4E79A7', 0), ('news', '#F28E2B', 1),
  ('official', '#59A14F', 2);
)SQL",
      // 1 -> 2: the text moves to the end of the documents row, so listing
      // documents and every join on them reads the small columns without
      // walking the overflow pages of long texts; the file says it is a
      // Telaah project (application_id); the redo stack and memo lookups get
      // indexes (a new action no longer scans the whole change log).
      R"SQL(
CREATE TABLE documents_v2(id INTEGER PRIMARY KEY, title TEXT NOT NULL,
  source_type_id INTEGER NOT NULL REFERENCES source_types(id),
  language TEXT NOT NULL DEFAULT '', date TEXT NOT NULL DEFAULT '', author TEXT NOT NULL DEFAULT '',
  original_name TEXT NOT NULL DEFAULT '', original_size INTEGER NOT NULL DEFAULT 0,
  sha256 TEXT NOT NULL DEFAULT '', length_cp INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0, created TEXT NOT NULL, modified TEXT NOT NULL,
  text TEXT NOT NULL);
INSERT INTO documents_v2(id, title, source_type_id, language, date, author, original_name, original_size, sha256,
  length_cp, deleted, created, modified, text)
  SELECT id, title, source_type_id, language, date, author, original_name, original_size, sha256,
  length_cp, deleted, created, modified, text FROM documents;
DROP TABLE documents;
ALTER TABLE documents_v2 RENAME TO documents;
CREATE INDEX documents_sha ON documents(sha256);
CREATE INDEX change_log_undone ON change_log(rev) WHERE kind='do' AND state=1;
CREATE INDEX memos_target ON memos(kind, target_id);
CREATE INDEX attributes_name ON attributes(name, value);
PRAGMA application_id=1414283592;
)SQL",
      // 2 -> 3: the audit trail of overrides and ratings: the automatic value
      // (label, status or suggested rating) when the researcher made or last
      // confirmed the judgement, who made it, and when it was confirmed. An
      // override whose automatic value has changed since is stale. Rows from
      // before keep '' (not recorded) and are never called stale.
      R"SQL(
ALTER TABLE overrides ADD COLUMN automatic TEXT NOT NULL DEFAULT '';
ALTER TABLE overrides ADD COLUMN coder TEXT NOT NULL DEFAULT '';
ALTER TABLE overrides ADD COLUMN confirmed TEXT NOT NULL DEFAULT '';
ALTER TABLE evaluations ADD COLUMN automatic TEXT NOT NULL DEFAULT '';
ALTER TABLE evaluations ADD COLUMN coder TEXT NOT NULL DEFAULT '';
ALTER TABLE evaluations ADD COLUMN confirmed TEXT NOT NULL DEFAULT '';
)SQL",
  };
  return m;
}

static_assert(kApplicationId == 1414283592, "migration 1 -> 2 writes kApplicationId as a literal");

std::function<void(int)>& migration_test_hook() {
  static std::function<void(int)> hook;
  return hook;
}

}  // namespace telaah::store
