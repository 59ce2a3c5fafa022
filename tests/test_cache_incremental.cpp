// The window's project cache follows the change log (ProjectCache::update)
// instead of reloading everything on each revision. Property: after any
// sequence of actions, undos and redos, the incrementally updated cache
// equals a cache loaded from scratch.
#include <doctest/doctest.h>

#include <random>
#include <sstream>

#include "helpers/temp_dir.h"
#include "store/project.h"
#include "store/stats.h"
#include "ui/shell/project_cache.h"

using namespace telaah;
using store::Id;

namespace {

// Everything the cache holds, as text: two caches are equal when this is.
std::string dump(const ui::ProjectCache& c) {
  std::ostringstream o;
  o << "rev " << c.revision << "\n";
  for (const auto& d : c.docs) {
    const auto& m = d.doc;
    o << "doc " << m.id << " " << m.title << "|" << m.source_type_id << "|" << m.source_type << "|" << m.language << "|"
      << m.date << "|" << m.author << "|" << m.original_name << "|" << m.original_size << "|" << m.sha256 << "|"
      << m.length_cp << "|" << m.created << "|" << m.modified << " codings " << d.codings << "\n";
    for (const auto& a : d.attributes) o << "  attr " << a.name << "=" << a.type << ":" << a.value << "\n";
    for (const auto& [code, n] : d.per_code) o << "  code " << code << " " << n << "\n";
  }
  for (const auto& ci : c.codes)
    o << "code " << ci.code.id << " " << ci.path << " parent " << (ci.code.parent ? *ci.code.parent : 0) << " ord "
      << ci.code.ord << " kind " << store::to_string(ci.code.kind) << " colour " << ci.colour << " depth " << ci.depth
      << " count " << ci.count << " total " << ci.total << " children " << ci.has_children << "\n";
  for (const auto& k : c.coders) o << "coder " << k.id << " " << k.name << "\n";
  for (const auto& t : c.source_types) o << "type " << t.id << " " << t.name << " " << t.colour << "\n";
  return o.str();
}

std::string text_of(int i) {
  std::string t;
  for (int p = 0; p < 3; ++p)
    t += "Paragraf " + std::to_string(p) + " dokumen " + std::to_string(i) + ": kerja sama kota kembar.\n\n";
  return t;
}

}  // namespace

TEST_CASE("the incremental cache equals a full reload after 1,000 random actions with undo and redo") {
  test::TempDir dir("cache-incremental");
  store::OpenOptions o;
  o.create = true;
  o.coder = "ana";
  auto p = store::Project::create(dir / "p.telaah", o);
  std::vector<store::NewDocument> batch;
  for (int i = 0; i < 12; ++i) {
    store::NewDocument d;
    d.title = "Doc " + std::to_string(i);
    d.source_type = i % 3 == 0 ? "interview" : i % 3 == 1 ? "news" : "official";
    d.text = text_of(i);
    d.date = "2015-0" + std::to_string(1 + i % 9);
    if (i % 2) d.attributes.push_back({"outlet", "text", "Kompas"});
    batch.push_back(d);
  }
  p->add_documents(batch, "Import");
  std::vector<Id> codes;
  for (int i = 0; i < 6; ++i) {
    store::Code c;
    c.name = "Code " + std::to_string(i);
    if (i >= 2) c.parent = codes[static_cast<size_t>(i % 2)];
    codes.push_back(p->add_code(c));
  }

  ui::ProjectCache inc;
  inc.reload(*p);
  std::mt19937 rng(20261207);
  auto pick = [&](size_t n) { return static_cast<size_t>(rng() % n); };
  int applied = 0, failed = 0, updates = 0, partial = 0;
  for (int step = 0; step < 1000; ++step) {
    const auto docs = p->documents();
    const auto all_codes = p->codes();
    const auto codings = p->codings();
    const int kind = static_cast<int>(rng() % 100);
    try {
      if (kind < 30 && !docs.empty() && !all_codes.empty()) {  // code a passage
        const auto& d = docs[pick(docs.size())];
        store::Coding c;
        c.doc = d.id;
        c.code = all_codes[pick(all_codes.size())].id;
        c.start = static_cast<int64_t>(pick(static_cast<size_t>(d.length_cp - 1)));
        c.end = c.start + 1 + static_cast<int64_t>(pick(static_cast<size_t>(d.length_cp - c.start)));
        if (rng() % 4 == 0) p->set_coder(rng() % 2 ? "ana" : "budi");
        p->add_coding(c);
      } else if (kind < 40 && !codings.empty()) {
        p->remove_coding(codings[pick(codings.size())].id);
      } else if (kind < 45 && !codings.empty()) {
        p->set_stance(codings[pick(codings.size())].id, rng() % 2 ? store::Stance::supports : store::Stance::neutral);
      } else if (kind < 48 && !codings.empty()) {
        const auto& c = codings[pick(codings.size())];
        p->set_coding_span(c.id, c.start, c.end + (c.end < p->document(c.doc).length_cp ? 1 : 0));
      } else if (kind < 52 && !docs.empty()) {
        p->rename_document(docs[pick(docs.size())].id, "Renamed " + std::to_string(step));
      } else if (kind < 55 && !docs.empty()) {
        p->set_document_field(docs[pick(docs.size())].id, "source_type", rng() % 2 ? "news" : "interview");
      } else if (kind < 59 && !docs.empty()) {
        p->set_attribute(docs[pick(docs.size())].id, {"outlet", "text", "Outlet " + std::to_string(step % 5)});
      } else if (kind < 61 && !docs.empty()) {
        const auto& d = docs[pick(docs.size())];
        if (!p->attributes(d.id).empty()) p->remove_attribute(d.id, "outlet");
      } else if (kind < 64 && docs.size() > 3) {
        p->delete_document(docs[pick(docs.size())].id);
      } else if (kind < 67) {
        store::NewDocument d;
        d.title = "New " + std::to_string(step);
        d.source_type = "news";
        d.text = text_of(step);
        p->add_documents({d}, "Import one");
      } else if (kind < 70) {
        store::Code c;
        c.name = "Added " + std::to_string(step);
        if (!all_codes.empty() && rng() % 2) c.parent = all_codes[pick(all_codes.size())].id;
        p->add_code(c);
      } else if (kind < 72 && !all_codes.empty()) {
        store::Code c = all_codes[pick(all_codes.size())];
        c.name = "Edited " + std::to_string(step);
        c.colour = rng() % 2 ? "#112233" : "#AABBCC";
        p->edit_code(c);
      } else if (kind < 74 && all_codes.size() > 1) {
        const auto& c = all_codes[pick(all_codes.size())];
        std::optional<Id> parent;
        if (rng() % 2) parent = all_codes[pick(all_codes.size())].id;
        p->move_code(c.id, parent, static_cast<int>(pick(3)));
      } else if (kind < 75 && all_codes.size() > 2) {
        p->merge_codes(all_codes[pick(all_codes.size())].id, all_codes[pick(all_codes.size())].id);
      } else if (kind < 76 && all_codes.size() > 3) {
        p->delete_code(all_codes[pick(all_codes.size())].id);
      } else if (kind < 90) {
        p->undo();
      } else {
        p->redo();
      }
      ++applied;
    } catch (const UserError&) {
      ++failed;  // nothing to undo, a move under itself, ...: changes nothing
    }
    if (rng() % 3 == 0 || step == 999) {  // sometimes several revisions at once
      const auto delta = inc.update(*p);
      partial += !delta.full;
      ++updates;
      ui::ProjectCache fresh;
      fresh.reload(*p);
      REQUIRE_MESSAGE(dump(inc) == dump(fresh), "after step " << step);
    }
  }
  MESSAGE(applied << " actions applied, " << failed << " refused, " << updates << " updates, " << partial
                  << " incremental");
  CHECK(applied > 700);
  CHECK(partial == updates);  // a small project never needs the full reload
}

TEST_CASE("the document list's version moves when the list changes, not when only counts do") {
  test::TempDir dir("cache-version");
  store::OpenOptions o;
  o.create = true;
  auto p = store::Project::create(dir / "p.telaah", o);
  store::NewDocument d;
  d.title = "A";
  d.text = text_of(1);
  const Id doc = p->add_document(d);
  store::Code c;
  c.name = "X";
  const Id code = p->add_code(c);
  ui::ProjectCache cache;
  cache.update(*p);
  const uint64_t v0 = cache.docs_version;
  store::Coding k;
  k.doc = doc;
  k.code = code;
  k.start = 0;
  k.end = 5;
  p->add_coding(k);
  auto delta = cache.update(*p);
  CHECK_FALSE(delta.full);
  CHECK(delta.docs == std::vector<Id>{doc});
  CHECK(cache.docs_version == v0);  // only the count moved
  CHECK(cache.doc(doc)->codings == 1);
  CHECK(cache.code(code)->count == 1);
  p->rename_document(doc, "B");
  cache.update(*p);
  CHECK(cache.docs_version != v0);
  CHECK(cache.doc(doc)->doc.title == "B");
  CHECK_FALSE(cache.update(*p).any());  // nothing new
}

TEST_CASE("counts from the indexes equal counting the loaded lists") {
  test::TempDir dir("cache-counts");
  store::OpenOptions o;
  o.create = true;
  auto p = store::Project::create(dir / "p.telaah", o);
  std::vector<Id> docs;
  for (int i = 0; i < 6; ++i) {
    store::NewDocument d;
    d.title = "D" + std::to_string(i);
    d.source_type = i < 4 ? "news" : "interview";
    d.text = text_of(i);
    docs.push_back(p->add_document(d));
  }
  store::Code a;
  a.name = "A";
  const Id ca = p->add_code(a);
  store::Code b;
  b.name = "B";
  b.parent = ca;
  const Id cb = p->add_code(b);
  // Codings on six documents, then two documents hidden: their codings no longer count.
  for (size_t i = 0; i < docs.size(); ++i)
    for (int k = 0; k <= static_cast<int>(i % 3); ++k) {
      store::Coding c;
      c.doc = docs[i];
      c.code = k % 2 ? cb : ca;
      c.start = k;
      c.end = k + 3;
      p->add_coding(c);
    }
  p->delete_document(docs[1]);  // news, 2 codings (A, B)
  p->delete_document(docs[5]);  // interview, 3 codings (A, B, A)
  const auto counts = store::project_counts(*p);
  // Hand-counted: codings per document 1,2,3,1,2,3 = 12; hidden 2 + 3 -> 7 live;
  // A: docs 0,2,3,4 -> 1+2+1+1 = 5; B: docs 2,4 -> 1+1 = 2.
  CHECK(counts.documents.live == 4);
  CHECK(counts.documents.hidden == std::vector<Id>{docs[1], docs[5]});
  CHECK(counts.documents.by_type.at(p->source_type_id("news")) == 3);
  CHECK(counts.documents.by_type.at(p->source_type_id("interview")) == 1);
  CHECK(counts.codings == 7);
  CHECK(counts.codings == static_cast<int64_t>(p->codings().size()));
  CHECK(counts.codings_by_code.at(ca) == 5);
  CHECK(counts.codings_by_code.at(cb) == 2);
  CHECK(counts.codes == 2);
  // A page of the document list.
  const auto page = p->documents_page(2, 1);
  REQUIRE(page.size() == 2);
  CHECK(page[0].id == docs[2]);
  CHECK(page[1].id == docs[3]);
  CHECK(p->documents_page(10, 0, "interview").size() == 1);
  CHECK(p->documents_page(-1).size() == 4);
}
