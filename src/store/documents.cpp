// Documents: import (as one undoable action), metadata, attributes, deletion.
// Documents are never physically deleted: deletion and the undo of an import
// flip `deleted`, so the change log never has to hold whole texts.
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "store/project.h"
#include "store/util.h"
#include "text/utf8.h"

using nlohmann::json;

namespace telaah::store {

static Document read_document(SQLite::Statement& q) {
  Document d;
  d.id = q.getColumn(0).getInt64();
  d.title = q.getColumn(1).getString();
  d.source_type_id = q.getColumn(2).getInt64();
  d.source_type = q.getColumn(3).getString();
  d.language = q.getColumn(4).getString();
  d.date = q.getColumn(5).getString();
  d.author = q.getColumn(6).getString();
  d.original_name = q.getColumn(7).getString();
  d.original_size = q.getColumn(8).getInt64();
  d.sha256 = q.getColumn(9).getString();
  d.length_cp = q.getColumn(10).getInt64();
  d.created = q.getColumn(11).getString();
  d.modified = q.getColumn(12).getString();
  return d;
}

static const char* kDocCols =
    "d.id, d.title, d.source_type_id, s.name, d.language, d.date, d.author, d.original_name, d.original_size, "
    "d.sha256, d.length_cp, d.created, d.modified FROM documents d JOIN source_types s ON s.id = d.source_type_id";

// Name, type and value of an attribute; `title` names the document in messages.
static void validate_attribute(const Attribute& attr, const std::string& title) {
  if (attr.name.empty()) throw ValidationError("an attribute of '" + title + "' has no name");
  require_text(attr.name, "an attribute name of '" + title + "'");
  require_text(attr.value, "the value of attribute '" + attr.name + "'");
  const std::string type = attr.type.empty() ? "text" : attr.type;
  if (type != "text" && type != "number" && type != "date" && type != "boolean")
    throw ValidationError("attribute type must be text, number, date or boolean, not '" + attr.type + "'");
  if (type == "number") {
    try {
      size_t used = 0;
      (void)std::stod(attr.value, &used);
      if (used != attr.value.size()) throw std::invalid_argument("");
    } catch (const std::exception&) {
      throw ValidationError("attribute '" + attr.name + "' is a number, and '" + attr.value + "' is not");
    }
  }
  if (type == "date") validate_date(attr.value, "attribute '" + attr.name + "'");
  if (type == "boolean" && attr.value != "true" && attr.value != "false")
    throw ValidationError("attribute '" + attr.name + "' is true or false, not '" + attr.value + "'");
}

Id Project::insert_document_rows(const NewDocument& in) {
  require_text(in.title, "the title of a document");
  if (is_blank(in.title)) throw ValidationError("a document needs a title");
  require_text(in.text, "the text of '" + in.title + "'");
  require_text(in.language, "the language of '" + in.title + "'");
  require_text(in.author, "the author of '" + in.title + "'");
  validate_date(in.date, "the date of '" + in.title + "'");
  for (const auto& a : in.attributes) validate_attribute(a, in.title);
  Id type = source_type_id(in.source_type);
  std::string body = text::normalise_newlines(in.text);
  std::vector<text::Block> blocks = in.blocks;
  std::vector<Page> pages = in.pages;
  if (!text::is_nfc(body)) body = text::to_nfc(body);
  // Importers hand normalised text (importer.h); if one did not, positions it
  // computed are off: paragraphs are derived again, pages kept only if they fit.
  if (body != in.text) blocks.clear();
  const int64_t len = static_cast<int64_t>(text::count_code_points(body));
  if (body != in.text) std::erase_if(pages, [&](const Page& p) { return p.start < 0 || p.start > len; });
  if (blocks.empty()) {
    blocks = text::split_paragraphs(body);
    text::mark_speaker_turns(body, blocks);
  }
  for (const auto& b : blocks)
    if (b.start < 0 || b.end > len || b.end < b.start)
      throw InternalError("importer produced a block outside the text of '" + in.title + "'");
  for (const auto& p : pages)
    if (p.start < 0 || p.start > len)
      throw InternalError("importer produced a page outside the text of '" + in.title + "'");

  const std::string now = now_iso();
  SQLite::Statement st(*db_,
                       "INSERT INTO documents(title, source_type_id, language, date, author, original_name, "
                       "original_size, sha256, length_cp, text, deleted, created, modified) "
                       "VALUES (?,?,?,?,?,?,?,?,?,?,1,?,?)");
  st.bind(1, in.title);
  st.bind(2, type);
  st.bind(3, in.language);
  st.bind(4, in.date);
  st.bind(5, in.author);
  st.bind(6, sanitise_utf8(in.original_name));  // a file name is bytes; it is only shown
  const std::string& orig = in.original_bytes.empty() ? in.text : in.original_bytes;
  st.bind(7, static_cast<int64_t>(orig.size()));
  st.bind(8, sha256_hex(orig));
  st.bind(9, len);
  st.bind(10, body);
  st.bind(11, now);
  st.bind(12, now);
  st.exec();
  const Id id = db_->getLastInsertRowid();
  SQLite::Statement ob(*db_, "INSERT INTO originals(doc_id, bytes) VALUES (?, ?)");
  ob.bind(1, id);
  ob.bind(2, orig.data(), static_cast<int>(orig.size()));
  ob.exec();
  SQLite::Statement bl(*db_, "INSERT INTO blocks(doc_id, start, end, kind, speaker, page) VALUES (?,?,?,?,?,?)");
  for (const auto& b : blocks) {
    bl.bind(1, id);
    bl.bind(2, b.start);
    bl.bind(3, b.end);
    bl.bind(4, b.kind);
    bl.bind(5, b.speaker);
    bl.bind(6, b.page);
    bl.exec();
    bl.reset();
  }
  SQLite::Statement pg(*db_, "INSERT INTO pages(doc_id, page, start) VALUES (?,?,?)");
  for (const auto& p : pages) {
    pg.bind(1, id);
    pg.bind(2, p.page);
    pg.bind(3, p.start);
    pg.exec();
    pg.reset();
  }
  if (body == in.text) insert_word_boxes(id, in.word_boxes, len);  // offsets hold only for the text as handed
  SQLite::Statement at(*db_, "INSERT INTO attributes(doc_id, name, type, value) VALUES (?,?,?,?)");
  for (const auto& a : in.attributes) {
    at.bind(1, id);
    at.bind(2, a.name);
    at.bind(3, a.type.empty() ? "text" : a.type);
    at.bind(4, a.value);
    try {
      at.exec();
    } catch (const SQLite::Exception&) {
      throw ValidationError("attribute '" + a.name + "' is given twice for '" + in.title + "'");
    }
    at.reset();
  }
  return id;
}

Id Project::add_document(const NewDocument& d) {
  return add_documents({d}, "Import " + d.title).at(0);
}

std::vector<Id> Project::add_documents(const std::vector<NewDocument>& docs, const std::string& label) {
  auto a = begin_action(label);
  std::vector<Id> ids;
  for (const auto& d : docs) {
    Id id = insert_document_rows(d);
    // Logged as "deleted 1 -> 0": undo hides the document, redo shows it again.
    a.update("documents", id, {{"deleted", 0}});
    ids.push_back(id);
  }
  a.commit();
  return ids;
}

std::vector<Document> Project::documents() const {
  std::vector<Document> out;
  SQLite::Statement q(*db_, std::string("SELECT ") + kDocCols + " WHERE d.deleted=0 ORDER BY d.id");
  while (q.executeStep()) out.push_back(read_document(q));
  return out;
}

std::vector<Document> Project::documents_page(int64_t limit, int64_t offset, const std::string& source_type) const {
  std::vector<Document> out;
  SQLite::Statement q(*db_, std::string("SELECT ") + kDocCols + " WHERE d.deleted=0" +
                                (source_type.empty() ? "" : " AND s.name=?") + " ORDER BY d.id LIMIT ? OFFSET ?");
  int i = 1;
  if (!source_type.empty()) q.bind(i++, source_type);
  q.bind(i++, limit);
  q.bind(i, std::max<int64_t>(offset, 0));
  while (q.executeStep()) out.push_back(read_document(q));
  return out;
}

std::vector<Document> Project::documents(const std::vector<Id>& ids) const {
  std::vector<Document> out;
  SQLite::Statement q(*db_, std::string("SELECT ") + kDocCols + " WHERE d.deleted=0 AND d.id=?");
  for (Id id : ids) {
    q.bind(1, id);
    if (q.executeStep()) out.push_back(read_document(q));
    q.reset();
  }
  std::sort(out.begin(), out.end(), [](const Document& a, const Document& b) { return a.id < b.id; });
  return out;
}

Document Project::document(Id id) const {
  SQLite::Statement q(*db_, std::string("SELECT ") + kDocCols + " WHERE d.deleted=0 AND d.id=?");
  q.bind(1, id);
  if (!q.executeStep()) throw NotFound("no document #" + std::to_string(id) + " in this project");
  return read_document(q);
}

std::string Project::text(Id id) const {
  SQLite::Statement q(*db_, "SELECT text FROM documents WHERE id=? AND deleted=0");
  q.bind(1, id);
  if (!q.executeStep()) throw NotFound("no document #" + std::to_string(id) + " in this project");
  return q.getColumn(0).getString();
}

std::vector<text::Block> Project::blocks(Id id) const {
  std::vector<text::Block> out;
  SQLite::Statement q(*db_, "SELECT start, end, kind, speaker, page FROM blocks WHERE doc_id=? ORDER BY start, id");
  q.bind(1, id);
  while (q.executeStep())
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getString(),
                   q.getColumn(3).getString(), q.getColumn(4).getInt()});
  return out;
}

std::vector<Page> Project::pages(Id id) const {
  std::vector<Page> out;
  SQLite::Statement q(*db_, "SELECT page, start FROM pages WHERE doc_id=? ORDER BY page");
  q.bind(1, id);
  while (q.executeStep()) out.push_back({q.getColumn(0).getInt(), q.getColumn(1).getInt64()});
  return out;
}

std::vector<Attribute> Project::attributes(Id id) const {
  std::vector<Attribute> out;
  SQLite::Statement q(*db_, "SELECT name, type, value FROM attributes WHERE doc_id=? ORDER BY name");
  q.bind(1, id);
  while (q.executeStep())
    out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString()});
  return out;
}

std::string Project::original_bytes(Id id) const {
  SQLite::Statement q(*db_, "SELECT bytes FROM originals WHERE doc_id=?");
  q.bind(1, id);
  if (!q.executeStep()) throw NotFound("no original file stored for document #" + std::to_string(id));
  auto c = q.getColumn(0);
  return std::string(static_cast<const char*>(c.getBlob()), static_cast<size_t>(c.getBytes()));
}

void Project::rename_document(Id id, const std::string& title) {
  require_text(title, "the new title");
  if (is_blank(title)) throw ValidationError("a document needs a title");
  document(id);
  auto a = begin_action("Rename document to " + title);
  a.update("documents", id, {{"title", title}, {"modified", now_iso()}});
  a.commit();
}

void Project::set_document_field(Id id, const std::string& field, const std::string& value) {
  document(id);
  require_text(value, "the new " + field);
  json cols;
  if (field == "source_type")
    cols["source_type_id"] = source_type_id(value);
  else if (field == "date") {
    validate_date(value);
    cols["date"] = value;
  } else if (field == "language" || field == "author" || field == "title") {
    if (field == "title" && is_blank(value)) throw ValidationError("a document needs a title");
    cols[field] = value;
  } else
    throw ValidationError("unknown document field '" + field + "' (use title, language, date, author, source_type)");
  cols["modified"] = now_iso();
  auto a = begin_action("Set " + field + " of document #" + std::to_string(id));
  a.update("documents", id, cols);
  a.commit();
}

void Project::set_attribute(Id doc, const Attribute& attr) {
  Document d = document(doc);
  validate_attribute(attr, d.title);
  const std::string type = attr.type.empty() ? "text" : attr.type;
  auto a = begin_action("Set attribute " + attr.name);
  SQLite::Statement q(*db_, "SELECT id FROM attributes WHERE doc_id=? AND name=?");
  q.bind(1, doc);
  q.bind(2, attr.name);
  if (q.executeStep())
    a.update("attributes", q.getColumn(0).getInt64(), {{"type", type}, {"value", attr.value}});
  else
    a.insert("attributes", {{"doc_id", doc}, {"name", attr.name}, {"type", type}, {"value", attr.value}});
  a.commit();
}

void Project::remove_attribute(Id doc, const std::string& name) {
  document(doc);
  SQLite::Statement q(*db_, "SELECT id FROM attributes WHERE doc_id=? AND name=?");
  q.bind(1, doc);
  q.bind(2, name);
  if (!q.executeStep()) throw NotFound("document #" + std::to_string(doc) + " has no attribute '" + name + "'");
  Id id = q.getColumn(0).getInt64();
  q.reset();
  auto a = begin_action("Remove attribute " + name);
  a.remove("attributes", id);
  a.commit();
}

void Project::delete_document(Id id) {
  Document d = document(id);
  auto a = begin_action("Delete document " + d.title);
  // Its memberships of document sets go with it (undo brings them back).
  SQLite::Statement m(*db_, "SELECT id FROM doc_set_members WHERE doc_id=? ORDER BY id");
  m.bind(1, id);
  std::vector<Id> rows;
  while (m.executeStep()) rows.push_back(m.getColumn(0).getInt64());
  for (Id r : rows) a.remove("doc_set_members", r);
  a.update("documents", id, {{"deleted", 1}});
  a.commit();
}

std::optional<Id> Project::find_document_by_sha256(const std::string& sha) const {
  SQLite::Statement q(*db_, "SELECT id FROM documents WHERE sha256=? AND deleted=0 ORDER BY id LIMIT 1");
  q.bind(1, sha);
  if (q.executeStep()) return q.getColumn(0).getInt64();
  return std::nullopt;
}

Id Project::resolve_document(const std::string& ref) const {
  if (auto id = parse_id(ref)) {
    document(*id);
    return *id;
  }
  if (!ref.empty() &&
      std::all_of(ref.begin(), ref.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
    throw NotFound("no document #" + ref + " in this project");
  for (const char* col : {"title", "original_name"}) {
    SQLite::Statement q(*db_, std::string("SELECT id FROM documents WHERE deleted=0 AND ") + col + "=?");
    q.bind(1, ref);
    std::vector<Id> hits;
    while (q.executeStep()) hits.push_back(q.getColumn(0).getInt64());
    if (hits.size() == 1) return hits[0];
    if (hits.size() > 1)
      throw UserError("'" + ref + "' names " + std::to_string(hits.size()) + " documents; use the document number");
  }
  throw NotFound("no document '" + ref + "' in this project (use its number, title or file name; see 'telaah docs')");
}

}  // namespace telaah::store
