// Project documents -> index passages (see schema.h for the layout).
#include "index/writer.h"

#include <algorithm>
#include <set>

#include "index/schema.h"
#include "text/utf8.h"

namespace telaah::index {

std::string index_dir_for(const std::string& project_path) {
  return project_path + "-index";
}

std::optional<DocInput> read_document(ProjectSource& src, Id id) {
  auto meta = src.document(id);
  if (!meta) return std::nullopt;
  DocInput in;
  in.meta = std::move(*meta);
  in.text = src.text(id);
  in.blocks = src.blocks(id);
  in.codings = src.codings(id);
  return in;
}

std::string date_key(const std::string& date) {
  if (date.size() < 4) return {};
  std::string k = date.substr(0, 4);
  k += date.size() >= 7 ? date.substr(5, 2) : "00";
  k += date.size() >= 10 ? date.substr(8, 2) : "00";
  return k;
}

std::string passage_id_term(Id doc, size_t block) {
  return std::string(kIdPrefix) + std::to_string(doc) + ":" + std::to_string(block);
}

std::string doc_term(Id doc) {
  return std::string(kDocPrefix) + std::to_string(doc);
}

namespace {

// Makes the passages of a document one at a time and hands each to `take`, so
// that a long document never has all its passages in memory at once.
template <class Take>
void each_passage(const DocInput& in, Stemmers& stemmers, Vocabulary* vocab, Take&& take) {
  const DocMeta& m = in.meta;
  const Lang lang = lang_from_code(m.lang);
  const std::string type = fold_case(m.type), lc_lang = fold_case(m.lang), dkey = date_key(m.date);
  const std::string year = m.date.size() >= 4 ? m.date.substr(0, 4) : "";
  const std::string outlet = m.outlet.empty() ? m.author : m.outlet;
  const std::string people = m.outlet.empty() ? m.author : m.outlet + "\n" + m.author;
  text::OffsetMap map(in.text);
  std::vector<Token> scratch;
  const int64_t len = static_cast<int64_t>(map.size_cp());
  for (size_t k = 0; k < in.blocks.size(); ++k) {
    const auto& b = in.blocks[k];
    if (b.end <= b.start || b.start >= len) continue;
    Passage p;
    p.id_term = passage_id_term(m.id, k);
    Xapian::Document& d = p.doc;
    d.add_boolean_term(p.id_term);
    d.add_boolean_term(doc_term(m.id));
    if (!type.empty()) d.add_boolean_term(kTypePrefix + type);
    if (!lc_lang.empty()) d.add_boolean_term(kLangPrefix + lc_lang);
    std::set<Id> codes;
    for (const auto& c : in.codings)
      if (c.start < b.end && c.end > b.start) codes.insert(c.code);
    std::string code_list;
    for (Id c : codes) {
      d.add_boolean_term(kCodePrefix + std::to_string(c));
      code_list += (code_list.empty() ? "" : " ") + std::to_string(c);
    }
    // Free-text fields, under their own prefixes and without positions (see index_text).
    index_text(d, m.title, lang, kTitlePrefix, 0, stemmers, scratch);
    if (!people.empty()) index_text(d, people, lang, kOutletPrefix, 0, stemmers, scratch);
    if (!b.speaker.empty()) index_text(d, b.speaker, lang, kSpeakerPrefix, 0, stemmers, scratch);
    index_text(d, text::slice_cp(in.text, map, b.start, std::min(b.end, len)), lang, "", 1, stemmers, scratch, vocab);
    d.add_value(kDate, dkey);
    d.add_value(kDoc, Xapian::sortable_serialise(static_cast<double>(m.id)));
    d.add_value(kStart, Xapian::sortable_serialise(static_cast<double>(b.start)));
    d.add_value(kFacets, std::to_string(m.id) + kFacetSep + m.type + kFacetSep + year + kFacetSep + lc_lang +
                             kFacetSep + outlet + kFacetSep + code_list);
    d.set_data(std::to_string(std::min(b.end, len)) + " " + std::to_string(k));
    take(std::move(p), static_cast<size_t>(std::min(b.end, len) - b.start));
  }
}

}  // namespace

void make_passages(const DocInput& in, Stemmers& stemmers, std::vector<Passage>& out, Vocabulary* vocab) {
  out.clear();
  each_passage(in, stemmers, vocab, [&](Passage&& p, size_t) { out.push_back(std::move(p)); });
}

void write_document(Xapian::WritableDatabase& db, const DocInput& in, Stemmers& stemmers, bool fresh,
                    Vocabulary* vocab) {
  // Memory per document is bounded: passages go to the database as they are
  // made, and a long document is committed every kDocumentFlushChars of its
  // text (harmless: the index's recorded revision changes only at the end, so
  // an interruption replays the document, and replace_document makes that
  // idempotent).
  size_t since_commit = 0;
  auto maybe_commit = [&](size_t chars) {
    since_commit += chars;
    if (since_commit >= kDocumentFlushChars) {
      db.commit();
      since_commit = 0;
    }
  };
  if (fresh) {
    each_passage(in, stemmers, vocab, [&](Passage&& p, size_t chars) {
      db.add_document(p.doc);
      maybe_commit(chars);
    });
    return;
  }
  std::set<std::string> keep;
  each_passage(in, stemmers, vocab, [&](Passage&& p, size_t chars) {
    db.replace_document(p.id_term, p.doc);
    keep.insert(p.id_term);
    maybe_commit(chars);
  });
  // Passages the document no longer has (its structure changed).
  std::vector<Xapian::docid> stale;
  const std::string dt = doc_term(in.meta.id);
  for (auto it = db.postlist_begin(dt); it != db.postlist_end(dt); ++it) {
    Xapian::Document d = db.get_document(*it);
    auto t = d.termlist_begin();
    t.skip_to(kIdPrefix);
    if (t == d.termlist_end() || (*t).rfind(kIdPrefix, 0) != 0 || !keep.count(*t)) stale.push_back(*it);
  }
  for (auto id : stale) db.delete_document(id);
}

void delete_document(Xapian::WritableDatabase& db, Id doc) {
  db.delete_document(doc_term(doc));
}

}  // namespace telaah::index
