// New versions of a document (issue 24): the old text stays readable in
// document_versions, the document takes the new text with its paragraphs,
// pages and word boxes, and its codings move to the spans the caller worked
// out (ingest/version_diff.h) — all one undoable action. Every row is
// changed through the action's logged insert/update/remove, so undo and redo
// replay it; the search index follows the change log like after any edit.
// The original file kept in `originals` stays the first import's, and so do
// the document's original_name, original_size and sha256 that describe it
// (`originals` has no row id the change log could replay, and check()
// verifies the stored file against that hash): the new version's text is
// kept, its file is not.
#include <SQLiteCpp/SQLiteCpp.h>

#include <map>
#include <nlohmann/json.hpp>

#include "store/project.h"
#include "store/util.h"
#include "text/structure.h"
#include "text/utf8.h"

using nlohmann::json;

namespace telaah::store {

int Project::replace_document(Id doc, const NewDocument& in, const std::vector<MovedCoding>& moved,
                              const std::string& label) {
  const Document old = document(doc);  // NotFound for a deleted or unknown document
  require_text(in.text, "the text of the new version");
  std::string body = text::normalise_newlines(in.text);
  if (!text::is_nfc(body)) body = text::to_nfc(body);
  const bool as_handed = body == in.text;
  const auto len = static_cast<int64_t>(text::count_code_points(body));
  if (len == 0) throw ValidationError("the new version of '" + old.title + "' has no text");
  std::vector<text::Block> blocks = as_handed ? in.blocks : std::vector<text::Block>{};
  if (blocks.empty()) {
    blocks = text::split_paragraphs(body);
    text::mark_speaker_turns(body, blocks);
  }
  std::map<Id, MovedCoding> to;
  for (const auto& m : moved) {
    if (m.start < 0 || m.end <= m.start || m.end > len)
      throw InternalError("a coding was carried outside the new text of '" + old.title + "'");
    to[m.coding] = m;
  }
  const auto codings_now = codings(CodingFilter{doc, {}, {}, {}, {}});
  for (const auto& c : codings_now)
    if (!to.count(c.id)) throw InternalError("coding #" + std::to_string(c.id) + " was not carried to the new version");

  auto a = begin_action(label);
  int version = 1;
  {
    SQLite::Statement q(*db_, "SELECT COALESCE(MAX(version), 0) + 1 FROM document_versions WHERE doc_id=?");
    q.bind(1, doc);
    if (q.executeStep()) version = q.getColumn(0).getInt();
  }
  const std::string old_text = text(doc);
  const std::string now = now_iso();
  a.insert("document_versions", {{"doc_id", doc},
                                 {"version", version},
                                 {"original_name", old.original_name},
                                 {"sha256", old.sha256},
                                 {"length_cp", old.length_cp},
                                 {"replaced", now},
                                 {"text", old_text}});
  a.update("documents", doc, {{"text", body}, {"length_cp", len}, {"modified", now}});
  // Paragraphs, pages, word boxes: the old rows go, the new ones come (logged both ways).
  // A transcript's sync points belong to its old text (media.h): they go with it.
  for (const char* table : {"blocks", "pages", "word_boxes", "sync_points"}) {
    std::vector<Id> ids;
    SQLite::Statement q(*db_, std::string("SELECT id FROM ") + table + " WHERE doc_id=? ORDER BY id");
    q.bind(1, doc);
    while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
    for (Id id : ids) a.remove(table, id);
  }
  for (const auto& b : blocks) {
    if (b.start < 0 || b.end > len || b.end < b.start)
      throw InternalError("the new version of '" + old.title + "' has a block outside its text");
    a.insert("blocks", {{"doc_id", doc},
                        {"start", b.start},
                        {"end", b.end},
                        {"kind", b.kind},
                        {"speaker", b.speaker},
                        {"page", b.page}});
  }
  if (as_handed) {
    for (const auto& p : in.pages)
      if (p.start >= 0 && p.start <= len) a.insert("pages", {{"doc_id", doc}, {"page", p.page}, {"start", p.start}});
    for (const auto& w : in.word_boxes)
      if (w.start >= 0 && w.end > w.start && w.end <= len)
        a.insert("word_boxes", {{"doc_id", doc},
                                {"start", w.start},
                                {"end", w.end},
                                {"page", w.page},
                                {"x", w.x},
                                {"y", w.y},
                                {"w", w.w},
                                {"h", w.h},
                                {"confidence", w.confidence}});
  }
  for (const auto& c : codings_now) {
    const auto& m = to[c.id];
    if (m.start != c.start || m.end != c.end)
      a.update("codings", c.id, {{"start", m.start}, {"end", m.end}, {"modified", now}});
  }
  a.commit();
  return version;
}

std::vector<DocumentVersion> Project::document_versions(Id doc) const {
  std::vector<DocumentVersion> out;
  SQLite::Statement q(*db_,
                      "SELECT id, doc_id, version, original_name, sha256, replaced, length_cp FROM document_versions "
                      "WHERE doc_id=? ORDER BY version");
  q.bind(1, doc);
  while (q.executeStep()) {
    DocumentVersion v;
    v.id = q.getColumn(0).getInt64();
    v.doc = q.getColumn(1).getInt64();
    v.version = q.getColumn(2).getInt();
    v.original_name = q.getColumn(3).getString();
    v.sha256 = q.getColumn(4).getString();
    v.replaced = q.getColumn(5).getString();
    v.length_cp = q.getColumn(6).getInt64();
    out.push_back(std::move(v));
  }
  return out;
}

std::string Project::version_text(Id doc, int version) const {
  SQLite::Statement q(*db_, "SELECT text FROM document_versions WHERE doc_id=? AND version=?");
  q.bind(1, doc);
  q.bind(2, version);
  if (!q.executeStep())
    throw NotFound("document #" + std::to_string(doc) + " has no version " + std::to_string(version));
  return q.getColumn(0).getString();
}

}  // namespace telaah::store
