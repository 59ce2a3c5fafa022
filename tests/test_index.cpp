// The search index: the query language on a small fixture corpus with exact
// expected document sets (tests/fixtures/index/corpus), snippets and
// offsets, facets, paging, synonyms, spelling; keeping the index in step with
// the project (undo/redo, a crash between the two commits, a deleted,
// foreign, corrupt or newer index, a project restored from a copy); the
// background indexer; auto-coding.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>

#include "helpers/index_fixture.h"
#include "index/autocode.h"
#include "index/query.h"
#include "index/schema.h"
#include "index/search.h"
#include "index/sync.h"
#include "index/writer.h"
#include "store/project.h"
#include "text/utf8.h"

using namespace telaah;
using namespace telaah::index;
namespace fs = std::filesystem;
using test::Docs;
using test::docs_of;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() /
           ("telaah-index-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  static int& counter() {
    static int n = 0;
    return n;
  }
};

Docs find(Index& idx, const std::string& q, bool synonyms = false) {
  Query query;
  query.text = q;
  query.limit = 100;
  query.synonyms = synonyms;
  return docs_of(idx.search(query));
}

// One fixture project, indexed once, shared by the read-only cases.
struct Fixture {
  TempDir dir;
  fs::path project = dir.path / "study.telaah";
  std::unique_ptr<Index> idx;
  Fixture() {
    test::build_index_fixture(project);
    idx = Index::open(project);
    idx->ensure_current();
  }
};

Fixture& fixture() {
  static Fixture f;
  return f;
}

}  // namespace

TEST_CASE("queries on the fixture corpus find exactly the expected documents") {
  auto& idx = *fixture().idx;
  for (const auto& c : test::kQueryCases) {
    const std::string query = c.query;
    CAPTURE(query);
    CHECK(find(idx, c.query) == c.expected);
  }
}

TEST_CASE("malformed queries say what is wrong and where") {
  auto& idx = *fixture().idx;
  struct Case {
    const char* query;
    size_t pos;        // code point of the problem
    const char* says;  // part of the message
  };
  const Case cases[] = {
      {"", 0, "empty"},
      {"\"kerja sama", 0, "unclosed quote"},
      {"Seoul \u201Ckerja sama", 6, "unclosed quote"},
      {"(Seoul OR rempah", 0, "never closed"},
      {"Seoul)", 5, "no matching ("},
      {"AND Seoul", 0, "needs something before it"},
      {"Seoul AND", 6, "needs a word, phrase or filter after it"},
      {"Seoul OR", 6, "after it"},
      {"NOT", 0, "after it"},
      {"pelatihan NEAR/x bahasa", 10, "NEAR/n"},
      {"\"kerja sama\" NEAR Seoul", 0, "NEAR joins single words"},
      {"foo:bar Seoul", 0, "unknown field 'foo:'"},
      {"Seoul title:", 6, "needs a value"},
      {"type:blog", 0, "unknown source type 'blog'"},
      {"year:20x3", 0, "not a year"},
      {"year:2015..2013", 0, "ends before it starts"},
      {"date:2013-13-45x", 0, "not a date"},
      {"code:Nonexistent", 0, "no code matches"},
      {"e*", 0, "at least two letters"},
      {"ke*ja", 2, "can only end a word"},
      {"lang:indonesian", 0, "not a language code"},
      {"()", 0, "empty parentheses"},
      {"Seoul && pelatihan", 6, "write AND instead"},
      {"— …", 0, "no words"},
  };
  for (const auto& c : cases) {
    const std::string query = c.query;
    CAPTURE(query);
    Query q;
    q.text = c.query;
    try {
      idx.search(q);
      FAIL("no error for a malformed query");
    } catch (const QueryError& e) {
      CHECK(e.pos == c.pos);
      CHECK(std::string(e.what()).find(c.says) != std::string::npos);
      CHECK(e.caret(c.query).find('^') != std::string::npos);
    }
  }
}

TEST_CASE("hits carry snippets and the code-point offsets of every match") {
  auto& idx = *fixture().idx;
  for (const char* qs : {"pelatihan", "kerjasama", "Seoul", "\"kerja sama\"", "trad*"}) {
    CAPTURE(qs);
    Query q;
    q.text = qs;
    Results r = idx.search(q);
    REQUIRE(!r.hits.empty());
    for (const auto& h : r.hits) {
      const std::string text = idx.source().text(h.doc);
      text::OffsetMap map(text);
      REQUIRE(!h.matches.empty());
      for (const auto& m : h.matches) {
        std::string word = fold_case(std::string(text::slice_cp(text, map, m.start, m.end)));
        // every match is a word the query asked for, at its exact place
        bool ok = word.find("pelatihan") == 0 || word.find("kerja") != std::string::npos || word == "seoul" ||
                  word.rfind("trad", 0) == 0;
        CHECK_MESSAGE(ok, "match '" << word << "' in doc " << h.doc);
      }
      REQUIRE(!h.snippet_marks.empty());
      text::OffsetMap sm(h.snippet);
      for (const auto& m : h.snippet_marks)  // the snippet's marks are the same words
        CHECK(std::string(text::slice_cp(h.snippet, sm, m.start, m.end)) ==
              std::string(text::slice_cp(text, map, h.snippet_start + m.start, h.snippet_start + m.end)));
      CHECK(h.start <= h.snippet_start);
      CHECK(marked_snippet(h).find('[') != std::string::npos);
    }
  }
  // Document 5 has "pelatihan" in three turns: all are reported, in order.
  Query q;
  q.text = "pelatihan doc:5";
  Results r = idx.search(q);
  REQUIRE(r.hits.size() == 1);
  CHECK(r.hits[0].passages.size() == 3);
  CHECK(r.hits[0].matches.size() == 3);
  CHECK(std::is_sorted(r.hits[0].matches.begin(), r.hits[0].matches.end(),
                       [](auto& a, auto& b) { return a.start < b.start; }));
  // "kerja sama" written apart is one highlighted span
  q.text = "kerjasama doc:1";
  r = idx.search(q);
  REQUIRE(r.hits.size() == 1);
  REQUIRE(r.hits[0].matches.size() == 1);
  const std::string t1 = idx.source().text(1);
  text::OffsetMap m1(t1);
  CHECK(std::string(text::slice_cp(t1, m1, r.hits[0].matches[0].start, r.hits[0].matches[0].end)) == "kerja sama");
}

namespace {

// Three short documents whose matches are known by hand (positions are
// words, counted from 1 in each paragraph):
//   1 (id) Misi1 dagang2 Jakarta3 membahas4 perdagangan5 rempah6 dengan7 Seoul8
//          Dagang1 bukan2 misi3 utama4 misi5 dagang6 kedua7 batal8
//          Para1 pedagang2 menunggu3 misi4 berikutnya5
//   2 (en) The trade mission discussed trading rules with Seoul officials. / Trade mission members traded spices.
//   3 (id) Pemerintah bekerja sama dengan Seoul; kerjasama itu berlanjut.   (kerjasama: two positions)
struct SpanFixture {
  TempDir dir;
  fs::path project = dir.path / "spans.telaah";
  std::unique_ptr<Index> idx;
  SpanFixture() {
    auto p = store::Project::create(project, {.create = true, .verify = true, .coder = "tester"});
    auto doc = [](const char* lang, const char* text) {
      store::NewDocument d;
      d.source_type = "news";
      d.language = lang;
      d.date = "2014-01-01";
      d.title = "Berita";
      d.text = text;
      d.original_name = "d.txt";
      return d;
    };
    p->add_documents(
        {doc("id",
             "Misi dagang Jakarta membahas perdagangan rempah dengan Seoul.\n\n"
             "Dagang bukan misi utama; misi dagang kedua batal.\n\n"
             "Para pedagang menunggu misi berikutnya."),
         doc("en",
             "The trade mission discussed trading rules with Seoul officials.\n\nTrade mission members traded spices."),
         doc("id", "Pemerintah bekerja sama dengan Seoul; kerjasama itu berlanjut.")},
        "Import");
    p->load_codebook(nlohmann::json::parse(R"({"codes":[{"name":"Trade"}]})"));
    p.reset();
    idx = Index::open(project);
    idx->ensure_current();
  }
};

SpanFixture& span_fixture() {
  static SpanFixture f;
  return f;
}

// Each hit as "DOC: passage | passage", the matches in [brackets].
std::vector<std::string> marked_passages(Index& idx, const Results& r) {
  std::vector<std::string> out;
  for (const auto& h : r.hits) {
    const std::string text = idx.source().text(h.doc);
    const text::OffsetMap map(text);
    std::string s = std::to_string(h.doc) + ":";
    for (size_t i = 0; i < h.passages.size(); ++i) {
      const auto& p = h.passages[i];
      s += i ? " | " : " ";
      int64_t at = p.start;
      for (const auto& m : h.matches) {
        if (m.start < p.start || m.end > p.end) continue;
        s += std::string(text::slice_cp(text, map, at, m.start)) + "[" +
             std::string(text::slice_cp(text, map, m.start, m.end)) + "]";
        at = m.end;
      }
      s += text::slice_cp(text, map, at, p.end);
    }
    out.push_back(s);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("match offsets are the spans that satisfy the query") {
  auto& idx = *span_fixture().idx;
  struct Case {
    const char* query;
    std::vector<std::string> expected;
  };
  const Case cases[] = {
      // a phrase: its words where they stand together, as one span; not the
      // same stems elsewhere in the passage ("perdagangan", the first "Dagang")
      {"\"misi dagang\"",
       {"1: [Misi dagang] Jakarta membahas perdagangan rempah dengan Seoul. | Dagang bukan misi utama; [misi dagang] "
        "kedua batal."}},
      {"\"trade missions\"",
       {"2: The [trade mission] discussed trading rules with Seoul officials. | [Trade mission] members traded "
        "spices."}},
      // a prefix* inside a phrase: only where the phrase matched
      {"\"misi dag*\"",
       {"1: [Misi dagang] Jakarta membahas perdagangan rempah dengan Seoul. | Dagang bukan misi utama; [misi dagang] "
        "kedua batal."}},
      // compounds: "kerja sama" finds "bekerja sama" and "kerjasama" (one word, two positions)
      {"\"kerja sama\"", {"3: Pemerintah [bekerja sama] dengan Seoul; [kerjasama] itu berlanjut."}},
      {"\"sama dengan\"", {"3: Pemerintah bekerja [sama dengan] Seoul; kerjasama itu berlanjut."}},
      {"\"sama itu\"", {"3: Pemerintah bekerja sama dengan Seoul; [kerjasama itu] berlanjut."}},
      // NEAR/n: words at most n positions apart, in any order; the others not
      {"dagang NEAR/2 batal", {"1: Dagang bukan misi utama; misi [dagang] kedua [batal]."}},
      {"batal NEAR/3 misi", {"1: Dagang bukan misi utama; [misi] dagang kedua [batal]."}},
      {"batal NEAR/1 misi", {}},
      // AND: every word of the query, in the passages that have them all
      {"misi rempah", {"1: [Misi] dagang Jakarta membahas perdagangan [rempah] dengan Seoul."}},
      {"(rempah OR batal) misi",
       {"1: [Misi] dagang Jakarta membahas perdagangan [rempah] dengan Seoul. | Dagang bukan [misi] utama; [misi] "
        "dagang kedua [batal]."}},
      // NOT: the excluded words never count, nor do passages that have them
      {"misi NOT rempah",
       {"1: Dagang bukan [misi] utama; [misi] dagang kedua batal. | Para pedagang menunggu [misi] berikutnya."}},
      {"dagang NOT \"misi dagang\"", {"1: Para [pedagang] menunggu misi berikutnya."}},
      {"rempah -Jakarta", {}},
      // wildcards: where a surface form or a stem starts with the prefix
      {"perdag*", {"1: Misi dagang Jakarta membahas [perdagangan] rempah dengan Seoul."}},
      {"trad*",
       {"2: The [trade] mission discussed [trading] rules with Seoul officials. | [Trade] mission members [traded] "
        "spices."}},
      // stemmed forms: every word with the query word's stem
      {"perdagangan",
       {"1: Misi [dagang] Jakarta membahas [perdagangan] rempah dengan Seoul. | [Dagang] bukan misi utama; misi "
        "[dagang] kedua batal. | "
        "Para [pedagang] menunggu misi berikutnya."}},
      {"traded",
       {"2: The [trade] mission discussed [trading] rules with Seoul officials. | [Trade] mission members [traded] "
        "spices."}},
      {"kerjasama", {"3: Pemerintah [bekerja sama] dengan Seoul; [kerjasama] itu berlanjut."}},
  };
  auto p = store::Project::open(span_fixture().project);
  const store::Id code = p->resolve_code("Trade");
  for (const auto& c : cases) {
    const std::string query = c.query;
    CAPTURE(query);
    Query q;
    q.text = c.query;
    q.limit = 100;
    const Results r = idx.search(q);
    auto lines = [](const std::vector<std::string>& v) {
      std::string s;
      for (const auto& x : v) s += x + "\n";
      return s;
    };
    CHECK(lines(marked_passages(idx, r)) == lines(c.expected));
    // The snippet marks the same spans ...
    for (const auto& h : r.hits)
      for (const auto& m : h.snippet_marks) {
        const Match at{h.snippet_start + m.start, h.snippet_start + m.end};
        CHECK(std::any_of(h.matches.begin(), h.matches.end(),
                          [&](const Match& x) { return x.start == at.start && x.end == at.end; }));
      }
    // ... and auto-coding at scope "hit" codes exactly them.
    std::vector<std::pair<store::Id, Match>> want, got;
    for (const auto& h : r.hits)
      for (const auto& m : h.matches) want.push_back({h.doc, m});
    for (const auto& s : autocode_plan(idx, c.query, Scope::hit, code)) got.push_back({s.doc, Match{s.start, s.end}});
    auto same = [](const auto& a, const auto& b) {
      return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](const auto& x, const auto& y) {
               return x.first == y.first && x.second.start == y.second.start && x.second.end == y.second.end;
             });
    };
    auto by_place = [](const auto& x, const auto& y) {
      return std::tie(x.first, x.second.start) < std::tie(y.first, y.second.start);
    };
    std::sort(want.begin(), want.end(), by_place);
    CHECK(same(want, got));
  }
}

TEST_CASE("queries with only filters or only NOT parts") {
  auto& idx = *fixture().idx;
  auto search = [&](const std::string& text) {
    Query q;
    q.text = text;
    q.limit = 100;
    return idx.search(q);
  };
  auto has_note = [](const Results& r, const std::string& part) {
    return std::any_of(r.notes.begin(), r.notes.end(),
                       [&](const std::string& n) { return n.find(part) != std::string::npos; });
  };
  // Filters alone: every matching document, newest first, nothing to mark.
  Results r = search("type:official");
  CHECK(docs_of(r) == Docs{6, 7});
  CHECK_FALSE(r.marks);
  CHECK(r.hits.size() == 2);
  CHECK(r.hits[0].doc == 6);  // 2015 before 2011
  for (const auto& h : r.hits) {
    CHECK(h.matches.empty());
    CHECK(h.snippet_marks.empty());
    CHECK(!h.snippet.empty());
    CHECK(h.passages.size() == 2);
  }
  CHECK_FALSE(has_note(r, "NOT applies per passage"));
  // NOT alone: the passages without the word (a document counts when one of
  // its passages lacks it), said in a note; none of them has the word.
  for (const char* q : {"NOT Seoul", "-Seoul", "NOT Seoul type:official", "type:official -Seoul"}) {
    CAPTURE(std::string(q));
    r = search(q);
    CHECK_FALSE(r.marks);
    CHECK(has_note(r, "NOT applies per passage"));
    REQUIRE(!r.hits.empty());
    for (const auto& h : r.hits) {
      CHECK(h.matches.empty());
      const std::string text = idx.source().text(h.doc);
      const text::OffsetMap map(text);
      for (const auto& p : h.passages)
        CHECK(fold_case(std::string(text::slice_cp(text, map, p.start, p.end))).find("seoul") == std::string::npos);
    }
  }
  CHECK(docs_of(search("NOT Seoul")) == Docs{1, 2, 3, 4, 5, 6, 7});         // each has a passage without "Seoul"
  CHECK(docs_of(search("NOT Seoul NOT Korea")) == Docs{2, 3, 4, 5, 6, 7});  // d1's second paragraph has Korea
  CHECK(docs_of(search("type:official -Seoul")) == Docs{6, 7});
  // A query with words is not "negative only", and marks its words.
  r = search("pelatihan NOT Seoul");
  CHECK(r.marks);
  CHECK_FALSE(has_note(r, "NOT applies per passage"));
  // Auto-coding a query without words: by paragraph or document, but at
  // scope hit or sentence it says why it cannot (it has no words to mark).
  const store::Id code = store::Project::open(fixture().project)->resolve_code("Process/Programme continuity");
  for (const char* q : {"type:official", "NOT Seoul", "title:pelatihan"})
    for (Scope scope : {Scope::hit, Scope::sentence}) {
      CAPTURE(std::string(q));
      try {
        autocode_plan(idx, q, scope, code);
        FAIL("no error");
      } catch (const UserError& e) {
        CHECK(std::string(e.what()).find("no words to find") != std::string::npos);
        CHECK(std::string(e.what()).find("by paragraph or by document") != std::string::npos);
      }
    }
  auto plan = autocode_plan(idx, "type:official", Scope::paragraph, code);
  CHECK(plan.size() == 4);  // two paragraphs each in d6 and d7
  plan = autocode_plan(idx, "type:official -Seoul", Scope::paragraph, code);
  REQUIRE(plan.size() == 3);  // not d6's first paragraph, which names Seoul
  CHECK(plan[0].quote == "Laporan ini tidak memuat evaluasi dampak pelatihan.");
  CHECK(plan[0].already_coded);
  CHECK(autocode_plan(idx, "type:official -Seoul", Scope::document, code).size() == 2);
}

TEST_CASE("ranking, date order, paging, passages and facets") {
  auto& idx = *fixture().idx;
  Query q;
  q.text = "Seoul";
  q.limit = 100;
  q.facets = true;
  Results all = idx.search(q);
  CHECK(docs_of(all) == Docs{1, 2, 3, 4, 5, 6});
  CHECK(all.total == 6);
  for (size_t i = 1; i < all.hits.size(); ++i) CHECK(all.hits[i - 1].score >= all.hits[i].score);
  auto facet = [](const std::vector<FacetValue>& f, const std::string& v) {
    for (const auto& x : f)
      if (x.value == v) return x.count;
    return int64_t(0);
  };
  CHECK(facet(all.facets.source_type, "news") == 4);
  CHECK(facet(all.facets.source_type, "interview") == 1);
  CHECK(facet(all.facets.source_type, "official") == 1);
  CHECK(facet(all.facets.language, "en") == 2);
  CHECK(facet(all.facets.year, "2015") == 3);
  CHECK(facet(all.facets.outlet, "Kabar Pesisir") == 1);
  CHECK(facet(all.facets.code, "Input/Legal infrastructure") == 1);  // the coded passage of document 2

  q.facets = false;
  q.sort = Query::Sort::date_newest;
  Results by_date = idx.search(q);
  for (size_t i = 1; i < by_date.hits.size(); ++i) CHECK(by_date.hits[i - 1].date >= by_date.hits[i].date);
  q.sort = Query::Sort::date_oldest;
  Results oldest = idx.search(q);
  CHECK(oldest.hits.front().doc == 3);  // 2012

  q.sort = Query::Sort::relevance;
  q.limit = 4;
  q.offset = 0;
  Docs page1 = docs_of(idx.search(q));
  q.offset = 4;
  Docs page2 = docs_of(idx.search(q));
  CHECK(page1.size() == 4);
  CHECK(page2.size() == 2);
  std::set<store::Id> both(page1.begin(), page1.end());
  both.insert(page2.begin(), page2.end());
  CHECK(both.size() == 6);

  q.offset = 0;
  q.limit = 100;
  q.text = "pelatihan";
  q.by_document = false;  // one hit per passage
  Results passages = idx.search(q);
  CHECK(passages.hits.size() == 5);  // d5: three turns, d6: two paragraphs
}

TEST_CASE("synonyms and did-you-mean") {
  auto& idx = *fixture().idx;
  CHECK(find(idx, "cooperation") == Docs{3, 4});
  CHECK(find(idx, "cooperation", true) == Docs{1, 2, 3, 4, 5});  // + kerjasama, kerja sama
  CHECK(find(idx, "kerjasama", true) == Docs{1, 2, 3, 4, 5});
  CHECK(find(idx, "\"legal infrastructure\"", true) == Docs{});  // the codebook labels are synonyms, not text here
  Query q;
  q.text = "pelatihn Seoul";
  Results r = idx.search(q);
  CHECK(r.hits.empty());
  CHECK(r.did_you_mean == "pelatihan Seoul");
  q.text = "pelatihan";
  CHECK(idx.search(q).did_you_mean.empty());
}

// --- keeping the index in step with the project -------------------------

namespace {

store::Id add_doc(store::Project& p, const std::string& title, const std::string& text,
                  const std::string& lang = "id") {
  store::NewDocument d;
  d.title = title;
  d.source_type = "news";
  d.language = lang;
  d.date = "2016-01-01";
  d.text = text;
  return p.add_document(d);
}

int64_t passages(const fs::path& project) {
  Xapian::Database db(index_dir_for(project.string()));
  return db.get_doccount();
}

}  // namespace

TEST_CASE("the index follows every project change, undo and redo included") {
  TempDir dir;
  const fs::path project = dir.path / "p.telaah";
  test::build_index_fixture(project);
  auto idx = Index::open(project);
  CHECK(!idx->ready());
  CHECK(inspect_index(project).problem.find("no search index") != std::string::npos);
  SyncReport r = idx->ensure_current();
  CHECK(r.action == SyncReport::Action::rebuilt);
  CHECK(idx->ready());
  CHECK(!idx->stale());
  CHECK(passages(project) == 16);
  CHECK(idx->ensure_current().action == SyncReport::Action::none);

  store::Id d8 = 0;
  {
    auto p = store::Project::open(project);
    d8 = add_doc(*p, "Berita baru", "Kerjasama perdagangan diperluas.\n\nPameran di Seoul.");
  }
  CHECK(idx->stale());
  CHECK(inspect_index(project).behind());
  r = idx->ensure_current();
  CHECK(r.action == SyncReport::Action::caught_up);
  CHECK(r.documents == 1);
  CHECK(find(*idx, "pameran") == Docs{d8});
  CHECK(passages(project) == 18);

  {  // coding, renaming a document's title, undo, redo
    auto p = store::Project::open(project);
    test::code_quote(*p, d8, "Process/Programme continuity", "Pameran di Seoul.");
    p->rename_document(d8, "Pameran dagang");
  }
  idx->ensure_current();
  CHECK(find(*idx, "code:Process pameran") == Docs{d8});
  CHECK(find(*idx, "title:pameran") == Docs{d8});
  {
    auto p = store::Project::open(project);
    p->undo();  // the rename
    p->undo();  // the coding
  }
  idx->ensure_current();
  CHECK(find(*idx, "code:Process pameran") == Docs{});
  CHECK(find(*idx, "title:pameran") == Docs{});
  {
    auto p = store::Project::open(project);
    p->redo();
    p->delete_document(3);
  }
  idx->ensure_current();
  CHECK(find(*idx, "code:Process pameran") == Docs{d8});
  CHECK(find(*idx, "cooperation") == Docs{4});
  {
    auto p = store::Project::open(project);
    p->undo();  // the deletion
  }
  idx->ensure_current();
  CHECK(find(*idx, "cooperation") == Docs{3, 4});
  CHECK(passages(project) == 18);  // replace_document: nothing doubled
  CHECK(check_index(project).empty());
}

TEST_CASE("divergence is detected and repaired") {
  TempDir dir;
  const fs::path project = dir.path / "p.telaah";
  const std::string index = index_dir_for(project.string());
  test::build_index_fixture(project);
  sync_index(project);

  SUBCASE("a crash between the project commit and the index commit") {
    // The project commits; the index writer got as far as writing the
    // passages but not the commit that records the revision.
    store::Id d8 = 0;
    {
      auto p = store::Project::open(project);
      d8 = add_doc(*p, "Terlambat", "Pameran dagang di Seoul.");
    }
    {
      ProjectSource src(project);
      Stemmers st(IdStemmerKind::dictionary);
      Xapian::WritableDatabase db(index, Xapian::DB_OPEN);
      write_document(db, *read_document(src, d8), st);
      db.commit();  // without the new revision in the metadata
    }
    CHECK(inspect_index(project).behind());
    CHECK(check_index(project).size() == 1);
    SyncReport r = sync_index(project);
    CHECK(r.action == SyncReport::Action::caught_up);
    CHECK(passages(project) == 17);  // the half-written passage was replaced, not doubled
    CHECK(inspect_index(project).current());
  }
  SUBCASE("the index is deleted") {
    fs::remove_all(index);
    CHECK(check_index(project).front().find("no search index") != std::string::npos);
    CHECK(sync_index(project).action == SyncReport::Action::rebuilt);
    CHECK(passages(project) == 16);
  }
  SUBCASE("the index is damaged") {
    for (const auto& e : fs::directory_iterator(index))
      if (e.path().extension() == ".glass") {
        std::ofstream out(e.path(), std::ios::binary | std::ios::trunc);
        out << "not a xapian table";
      }
    CHECK(!inspect_index(project).problem.empty());
    auto idx = Index::open(project);
    CHECK(!idx->ready());  // never searched
    CHECK(sync_index(project).action == SyncReport::Action::rebuilt);
    idx->refresh();
    CHECK(find(*idx, "kerjasama") == Docs{1, 2, 5});
  }
  SUBCASE("the project is restored from an older copy") {
    const fs::path copy = dir.path / "copy.telaah";
    fs::copy_file(project, copy);
    {
      auto p = store::Project::open(project);
      add_doc(*p, "Sesudah salinan", "Pameran dagang di Seoul.");
    }
    sync_index(project);
    fs::copy_file(copy, project, fs::copy_options::overwrite_existing);  // the backup comes back
    IndexStatus st = inspect_index(project);
    CHECK(st.problem.find("older than its search index") != std::string::npos);
    CHECK(sync_index(project).action == SyncReport::Action::rebuilt);
    auto idx = Index::open(project);
    CHECK(find(*idx, "pameran") == Docs{});
  }
  SUBCASE("the restored copy has moved on to the same revision by another path") {
    const fs::path copy = dir.path / "copy.telaah";
    fs::copy_file(project, copy);
    {
      auto p = store::Project::open(project);
      add_doc(*p, "Jalan A", "Pameran dagang di Seoul.");
    }
    sync_index(project);
    fs::copy_file(copy, project, fs::copy_options::overwrite_existing);
    {
      auto p = store::Project::open(project);
      add_doc(*p, "Jalan B", "Festival budaya di Jakarta.");
    }
    CHECK(inspect_index(project).problem.find("history differs") != std::string::npos);
    sync_index(project);
    auto idx = Index::open(project);
    CHECK(find(*idx, "pameran") == Docs{});
    CHECK(find(*idx, "festival").size() == 1);
  }
  SUBCASE("the index belongs to another project") {
    const fs::path other = dir.path / "other.telaah";
    {
      auto p = store::Project::create(other, {.create = true, .verify = true, .coder = "tester"});
      add_doc(*p, "Lain", "Dokumen proyek lain tentang pameran.");
    }
    sync_index(other);
    fs::remove_all(index);
    fs::copy(index_dir_for(other.string()), index, fs::copy_options::recursive);
    CHECK(inspect_index(project).problem.find("another project") != std::string::npos);
    auto idx = Index::open(project);
    CHECK(!idx->ready());
    CHECK(sync_index(project).action == SyncReport::Action::rebuilt);
    idx->refresh();
    CHECK(find(*idx, "pameran") == Docs{});
    CHECK(find(*idx, "kerjasama") == Docs{1, 2, 5});
  }
  SUBCASE("the Indonesian stemmer is switched") {
    {
      auto p = store::Project::open(project);
      p->set_setting("stemmer_id", "snowball");
    }
    CHECK(inspect_index(project).problem.find("stemmer changed") != std::string::npos);
    CHECK(sync_index(project).action == SyncReport::Action::rebuilt);
    auto idx = Index::open(project);
    CHECK(find(*idx, "kerjasama") != Docs{1, 2, 5});  // Snowball's over-stripping, as the issue says
    CHECK(find(*idx, "perdagangan") == Docs{1, 2});
  }
}

TEST_CASE("an indexer killed in the middle of a rebuild leaves a usable index") {
  TempDir dir;
  const fs::path project = dir.path / "big.telaah";
  test::build_index_fixture(project);
  sync_index(project);
  {  // enough text that a rebuild takes a while
    auto p = store::Project::open(project);
    std::vector<store::NewDocument> docs;
    for (int i = 0; i < 3000; ++i) {
      store::NewDocument d;
      d.title = "Berita " + std::to_string(i);
      d.source_type = "news";
      d.language = "id";
      std::string t;
      for (int k = 0; k < 40; ++k)
        t += "Kerjasama perdagangan kota kembar nomor " + std::to_string(i * 40 + k) + " berjalan. ";
      d.text = t + "\n\nPelatihan pegawai dilanjutkan.";
      docs.push_back(std::move(d));
    }
    p->add_documents(docs, "Import many");
  }
  pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    try {
      sync_index(project, {.threads = 1, .force_rebuild = true});
    } catch (...) {
    }
    ::_exit(0);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  ::kill(child, SIGKILL);
  int status = 0;
  ::waitpid(child, &status, 0);
  // The old index is intact (behind, not broken); the next sync repairs it.
  IndexStatus st = inspect_index(project);
  CHECK(st.readable);
  CHECK(st.problem.empty());
  SyncReport r = sync_index(project);
  CHECK(r.action != SyncReport::Action::none);
  CHECK(inspect_index(project).current());
  auto idx = Index::open(project);
  Query q;
  q.text = "pelatihan pegawai";
  CHECK(idx->search(q).total == 3001);                    // 3000 generated + document 5
  for (const auto& e : fs::directory_iterator(dir.path))  // no leftovers of the killed rebuild
    CHECK(e.path().filename().string().find(".new-") == std::string::npos);
}

TEST_CASE("the background indexer reports progress and can be cancelled") {
  TempDir dir;
  const fs::path project = dir.path / "bg.telaah";
  test::build_index_fixture(project);
  {
    BackgroundIndexer bg(project);
    bg.start();
    for (int i = 0; i < 600 && bg.running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    REQUIRE(!bg.running());
    CHECK(bg.error().empty());
    REQUIRE(bg.report());
    CHECK(bg.report()->action == SyncReport::Action::rebuilt);
    CHECK(bg.progress().done == 7);
    CHECK(bg.progress().total == 7);
    CHECK(bg.progress().stage == Stage::done);
  }
  {  // cancelled before it starts work: the existing index stays as it was
    BackgroundIndexer bg(project, {.force_rebuild = true});
    bg.start();
    bg.cancel();
    while (bg.running()) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    CHECK((bg.error().find("cancelled") != std::string::npos || bg.report().has_value()));
    CHECK(inspect_index(project).current());
  }
  {  // a second writer is told the index is busy, in a sentence
    const std::string lock = index_dir_for(project.string()) + ".lock";
    int fd = ::open(lock.c_str(), O_RDWR | O_CREAT, 0600);
    REQUIRE(fd >= 0);
    REQUIRE(::flock(fd, LOCK_EX | LOCK_NB) == 0);
    CHECK_THROWS_WITH_AS(sync_index(project), doctest::Contains("another Telaah process"), IndexBusy);
    BackgroundIndexer bg(project);
    bg.start();
    while (bg.running()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    CHECK(bg.error().find("another Telaah process") != std::string::npos);
    ::flock(fd, LOCK_UN);
    ::close(fd);
  }
}

TEST_CASE("auto-coding from a search is one undoable action with its query recorded") {
  TempDir dir;
  const fs::path project = dir.path / "auto.telaah";
  test::build_index_fixture(project);
  auto idx = Index::open(project);
  idx->ensure_current();
  auto p = store::Project::open(project);
  const store::Id code = p->resolve_code("Process/Programme continuity");

  struct Case {
    Scope scope;
    std::vector<std::string> quotes;
  };
  const Case cases[] = {
      {Scope::hit, {"pelatihan", "pelatihan", "pelatihan", "Pelatihan", "pelatihan"}},
      {Scope::sentence,
       {"Informan C: Kerjasamanya baik, tetapi pelatihan pegawai masih kurang.",
        "Pewawancara: Apakah ada pelatihan bahasa Korea?", "Informan C: Tidak ada pelatihan bahasa untuk kami.",
        "Pelatihan vokasi bagi siswa SMK diselenggarakan di Seoul selama dua minggu.",
        "Laporan ini tidak memuat evaluasi dampak pelatihan."}},
      {Scope::document,
       {test::read_file(test::kIndexCorpus / "d5.txt"), test::read_file(test::kIndexCorpus / "d6.txt")}},
  };
  for (const auto& c : cases) {
    const std::string scope = to_string(c.scope);
    CAPTURE(scope);
    auto plan = autocode_plan(*idx, "pelatihan", c.scope, code);
    std::vector<std::string> quotes;
    for (const auto& s : plan) quotes.push_back(s.quote);
    CHECK(quotes == c.quotes);
  }
  // The paragraph already coded with this code (document 6, paragraph 2) is skipped.
  auto plan = autocode_plan(*idx, "pelatihan", Scope::paragraph, code);
  CHECK(plan.size() == 5);
  CHECK(std::count_if(plan.begin(), plan.end(), [](auto& s) { return s.already_coded; }) == 1);

  const int64_t rev = p->revision();
  const size_t before = p->codings().size();
  auto ids = autocode_apply(*p, plan, code, "pelatihan");
  CHECK(ids.size() == 4);
  CHECK(p->revision() == rev + 1);  // one action
  for (auto id : ids) CHECK(p->coding(id).origin == "search: pelatihan");
  p->undo();
  CHECK(p->codings().size() == before);
  CHECK(autocode_apply(*p, {}, code, "x").empty());
  CHECK_THROWS_AS(scope_from_string("page"), ValidationError);
}
