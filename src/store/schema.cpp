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
      // 3 -> 4: the researcher's judgement beside the evidence (issue 21).
      // Typed links between codings (link_types: four built-in relations and
      // the user's own, with direction and colour); impediments as findings
      // (the indicators they hinder, their evidence codings); impediment
      // codings attached to indicators explicitly; cases (typed attributes,
      // member documents or spans of them); summary cells per indicator and
      // source type or case, whose text cites codings as [#ID] (a citation row
      // per live cited coding; a marker without its row is a broken citation).
      R"SQL(
CREATE TABLE link_types(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, directed INTEGER NOT NULL DEFAULT 1,
  colour TEXT NOT NULL DEFAULT '#888888', builtin INTEGER NOT NULL DEFAULT 0, CHECK(directed IN (0, 1)));
INSERT INTO link_types(name, directed, colour, builtin) VALUES ('corroborates', 0, '#59A14F', 1),
  ('contradicts', 0, '#E15759', 1), ('explains', 1, '#4E79A7', 1), ('impedes', 1, '#B07AA1', 1);
CREATE TABLE links(id INTEGER PRIMARY KEY, type_id INTEGER NOT NULL REFERENCES link_types(id),
  from_id INTEGER NOT NULL REFERENCES codings(id), to_id INTEGER NOT NULL REFERENCES codings(id),
  memo TEXT NOT NULL DEFAULT '', coder TEXT NOT NULL DEFAULT '', created TEXT NOT NULL,
  CHECK(from_id <> to_id), UNIQUE(type_id, from_id, to_id));
CREATE INDEX links_from ON links(from_id);
CREATE INDEX links_to ON links(to_id);
CREATE TABLE impediments(id INTEGER PRIMARY KEY, title TEXT NOT NULL, description TEXT NOT NULL DEFAULT '',
  coder TEXT NOT NULL DEFAULT '', created TEXT NOT NULL, modified TEXT NOT NULL);
CREATE TABLE impediment_indicators(id INTEGER PRIMARY KEY,
  impediment_id INTEGER NOT NULL REFERENCES impediments(id), code_id INTEGER NOT NULL REFERENCES codes(id),
  UNIQUE(impediment_id, code_id));
CREATE INDEX impediment_indicators_code ON impediment_indicators(code_id);
CREATE TABLE impediment_evidence(id INTEGER PRIMARY KEY,
  impediment_id INTEGER NOT NULL REFERENCES impediments(id), coding_id INTEGER NOT NULL REFERENCES codings(id),
  UNIQUE(impediment_id, coding_id));
CREATE INDEX impediment_evidence_coding ON impediment_evidence(coding_id);
CREATE TABLE coding_indicators(id INTEGER PRIMARY KEY, coding_id INTEGER NOT NULL REFERENCES codings(id),
  code_id INTEGER NOT NULL REFERENCES codes(id), UNIQUE(coding_id, code_id));
CREATE INDEX coding_indicators_code ON coding_indicators(code_id);
CREATE TABLE cases(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, description TEXT NOT NULL DEFAULT '',
  created TEXT NOT NULL);
CREATE TABLE case_attributes(id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL REFERENCES cases(id),
  name TEXT NOT NULL, type TEXT NOT NULL DEFAULT 'text', value TEXT NOT NULL, UNIQUE(case_id, name),
  CHECK(type IN ('text', 'number', 'date', 'boolean')));
CREATE TABLE case_members(id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL REFERENCES cases(id),
  doc_id INTEGER NOT NULL REFERENCES documents(id), start INTEGER, end INTEGER,
  CHECK((start IS NULL AND end IS NULL) OR (start >= 0 AND end > start)));
CREATE INDEX case_members_case ON case_members(case_id);
CREATE INDEX case_members_doc ON case_members(doc_id);
CREATE TABLE summaries(id INTEGER PRIMARY KEY, code_id INTEGER NOT NULL REFERENCES codes(id),
  source_type_id INTEGER REFERENCES source_types(id), case_id INTEGER REFERENCES cases(id),
  text TEXT NOT NULL, coder TEXT NOT NULL DEFAULT '', modified TEXT NOT NULL,
  CHECK((source_type_id IS NULL) <> (case_id IS NULL)));
CREATE INDEX summaries_code ON summaries(code_id);
CREATE TABLE summary_citations(id INTEGER PRIMARY KEY, summary_id INTEGER NOT NULL REFERENCES summaries(id),
  coding_id INTEGER NOT NULL REFERENCES codings(id), UNIQUE(summary_id, coding_id));
CREATE INDEX summary_citations_coding ON summary_citations(coding_id);
)SQL",
      // 4 -> 5: the project from the window, scans and suggestions (issues
      // 22, 24, 27). Document sets (named groups of documents the views can
      // filter by); area codings (a coding's rectangle on a page of a PDF or
      // an image, in PDF points from the page's top-left corner; the coding
      // row keeps a text span as every coding does); earlier versions of a
      // replaced document (its text readable, its codings carried by a diff);
      // word boxes of a page (from OCR with its confidence 0-100, or from a
      // text layer with confidence -1) that tie text offsets to the page
      // image; passages the researcher rejected as suggestions for a code.
      R"SQL(
CREATE TABLE doc_sets(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, memo TEXT NOT NULL DEFAULT '',
  created TEXT NOT NULL);
CREATE TABLE doc_set_members(id INTEGER PRIMARY KEY, set_id INTEGER NOT NULL REFERENCES doc_sets(id),
  doc_id INTEGER NOT NULL REFERENCES documents(id), UNIQUE(set_id, doc_id));
CREATE INDEX doc_set_members_doc ON doc_set_members(doc_id);
CREATE TABLE coding_areas(id INTEGER PRIMARY KEY, coding_id INTEGER NOT NULL UNIQUE REFERENCES codings(id),
  page INTEGER NOT NULL, x REAL NOT NULL, y REAL NOT NULL, w REAL NOT NULL, h REAL NOT NULL,
  CHECK(page >= 0 AND x >= 0 AND y >= 0 AND w > 0 AND h > 0));
CREATE TABLE document_versions(id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL REFERENCES documents(id),
  version INTEGER NOT NULL, original_name TEXT NOT NULL DEFAULT '', sha256 TEXT NOT NULL DEFAULT '',
  length_cp INTEGER NOT NULL, replaced TEXT NOT NULL, text TEXT NOT NULL, UNIQUE(doc_id, version));
CREATE TABLE word_boxes(id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL REFERENCES documents(id),
  start INTEGER NOT NULL, end INTEGER NOT NULL, page INTEGER NOT NULL, x REAL NOT NULL, y REAL NOT NULL,
  w REAL NOT NULL, h REAL NOT NULL, confidence INTEGER NOT NULL DEFAULT -1,
  CHECK(start >= 0 AND end > start AND confidence BETWEEN -1 AND 100));
CREATE INDEX word_boxes_doc ON word_boxes(doc_id, start);
CREATE TABLE suggestion_rejections(id INTEGER PRIMARY KEY, code_id INTEGER NOT NULL REFERENCES codes(id),
  doc_id INTEGER NOT NULL REFERENCES documents(id), start INTEGER NOT NULL, end INTEGER NOT NULL,
  coder TEXT NOT NULL DEFAULT '', created TEXT NOT NULL, CHECK(start >= 0 AND end > start),
  UNIQUE(code_id, doc_id, start, end));
CREATE INDEX suggestion_rejections_code ON suggestion_rejections(code_id);
)SQL",
      // 5 -> 6: near-duplicate documents (issue 23). A group of documents the
      // researcher reviewed: status 'duplicates' (the same article published
      // again: triangulation counts the group as one document, see
      // triangulation.duplicates) or 'distinct' (reviewed, kept apart: never
      // proposed again); the similarity the detector measured when it was
      // reviewed.
      R"SQL(
CREATE TABLE duplicate_groups(id INTEGER PRIMARY KEY, status TEXT NOT NULL, similarity REAL NOT NULL DEFAULT 0,
  coder TEXT NOT NULL DEFAULT '', created TEXT NOT NULL, CHECK(status IN ('duplicates', 'distinct')));
CREATE TABLE duplicate_members(id INTEGER PRIMARY KEY, group_id INTEGER NOT NULL REFERENCES duplicate_groups(id),
  doc_id INTEGER NOT NULL REFERENCES documents(id), UNIQUE(group_id, doc_id));
CREATE INDEX duplicate_members_doc ON duplicate_members(doc_id);
)SQL",
      // 6 -> 7: recordings, content-analysis dictionaries and ratings that
      // cite summaries (issues 28, 23 and 21). A media file kept in the
      // project's folder (path relative to the project file, its hash, size
      // and duration) and the documents that transcribe it (a transcript is a
      // document like any other; a recording not yet transcribed is a
      // document with empty text); sync points tie a transcript's text offset
      // (code points) to a time in the recording; a media coding's time span
      // (its coding row keeps the text span of the transcript it covers, as
      // area codings do). A dictionary is a named term list (words, phrases,
      // wildcards; terms sharing a nonzero syn group are synonyms), optionally
      // for one indicator. A rating's justification can cite summary cells
      // (its codings stay in evaluations.evidence).
      R"SQL(
CREATE TABLE media(id INTEGER PRIMARY KEY, kind TEXT NOT NULL, path TEXT NOT NULL,
  original_name TEXT NOT NULL DEFAULT '', sha256 TEXT NOT NULL, size INTEGER NOT NULL,
  duration_ms INTEGER NOT NULL DEFAULT 0, created TEXT NOT NULL,
  CHECK(kind IN ('audio', 'video')), CHECK(size >= 0 AND duration_ms >= 0));
CREATE TABLE document_media(id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL UNIQUE REFERENCES documents(id),
  media_id INTEGER NOT NULL REFERENCES media(id));
CREATE INDEX document_media_media ON document_media(media_id);
CREATE TABLE sync_points(id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL REFERENCES documents(id),
  pos INTEGER NOT NULL, time_ms INTEGER NOT NULL, CHECK(pos >= 0 AND time_ms >= 0), UNIQUE(doc_id, pos));
CREATE TABLE coding_media(id INTEGER PRIMARY KEY, coding_id INTEGER NOT NULL UNIQUE REFERENCES codings(id),
  start_ms INTEGER NOT NULL, end_ms INTEGER NOT NULL, CHECK(start_ms >= 0 AND end_ms > start_ms));
CREATE TABLE dictionaries(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, code_id INTEGER REFERENCES codes(id),
  memo TEXT NOT NULL DEFAULT '', created TEXT NOT NULL, modified TEXT NOT NULL);
CREATE TABLE dictionary_terms(id INTEGER PRIMARY KEY, dictionary_id INTEGER NOT NULL REFERENCES dictionaries(id),
  term TEXT NOT NULL, language TEXT NOT NULL DEFAULT '', syn INTEGER NOT NULL DEFAULT 0,
  UNIQUE(dictionary_id, term, language));
CREATE TABLE rating_citations(id INTEGER PRIMARY KEY, code_id INTEGER NOT NULL REFERENCES codes(id),
  summary_id INTEGER NOT NULL REFERENCES summaries(id), UNIQUE(code_id, summary_id));
CREATE INDEX rating_citations_summary ON rating_citations(summary_id);
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
