// Exact words when asked (=word, ="a phrase": the unstemmed forms only,
// matched and highlighted), and spelling suggestions that prefer the closest
// correction, weighted by how often it occurs in the corpus (issue 25 item 3).
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "helpers/index_fixture.h"
#include "index/query.h"
#include "index/search.h"
#include "store/project.h"
#include "text/utf8.h"

using namespace telaah;
using namespace telaah::index;
namespace fs = std::filesystem;
using test::Docs;
using test::docs_of;

namespace {

struct Dir {
  fs::path path = fs::temp_directory_path() / ("telaah-exact-test-" + std::to_string(::getpid()));
  Dir() {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~Dir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

// One document per line of the tables below (ids 1..12 in this order).
struct ExactFixture {
  Dir dir;
  fs::path project = dir.path / "exact.telaah";
  std::unique_ptr<Index> idx;
  ExactFixture() {
    auto p = store::Project::create(project, {.create = true, .verify = true, .coder = "tester"});
    auto doc = [](const char* type, const char* lang, const char* text) {
      store::NewDocument d;
      d.source_type = type;
      d.language = lang;
      d.date = "2014-01-01";
      d.title = "Dokumen";
      d.text = text;
      d.original_name = "d.txt";
      return d;
    };
    p->add_documents(
        {
            doc("news", "en", "The team learned that the plan worked."),        // 1
            doc("news", "en", "Students learn that lesson slowly."),            // 2
            doc("news", "id", "Pemerintah bekerja sama dengan Seoul."),         // 3
            doc("news", "id", "Kerja sama itu berlanjut."),                     // 4
            doc("news", "id", "Kerjasama dagang dengan Korea."),                // 5
            doc("official", "en", "Officials learned that rules changed."),     // 6
            doc("news", "en", "We learned that early, and learn that still."),  // 7
            doc("news", "id", "Mereka bekerja sama, lalu kerja sama lagi."),    // 8
            // the spelling corpus: "bersama" far more frequent than "kerjasama"
            doc("news", "id", "Bersama bersama bersama bersama bersama bersama kerjasama."),             // 9
            doc("news", "id", "Perdagangan perdagangan pedagang berdagang."),                            // 10
            doc("news", "en", "The government and the government mission, mission, mission, mission."),  // 11
            doc("news", "en", "A vision, a vision; trade and trade."),                                   // 12
            // a compound written apart only: "tandatangan" is known by its parts
            doc("news", "id", "Tanda tangan pertama, lalu menandatangani dengan tanda tangan kedua."),  // 13
        },
        "Import");
    p.reset();
    idx = Index::open(project);
    idx->ensure_current();
  }
};

ExactFixture& fixture() {
  static ExactFixture f;
  return f;
}

Docs find(const std::string& q) {
  Query query;
  query.text = q;
  query.limit = 100;
  return docs_of(fixture().idx->search(query));
}

// The matched words of every hit, as "DOC:word|word".
std::vector<std::string> marks(const std::string& q) {
  Query query;
  query.text = q;
  query.limit = 100;
  auto& idx = *fixture().idx;
  Results r = idx.search(query);
  std::vector<std::string> out;
  for (const auto& h : r.hits) {
    const std::string text = idx.source().text(h.doc);
    const text::OffsetMap map(text);
    std::string s = std::to_string(h.doc) + ":";
    for (size_t i = 0; i < h.matches.size(); ++i)
      s += (i ? "|" : "") + std::string(text::slice_cp(text, map, h.matches[i].start, h.matches[i].end));
    out.push_back(s);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("exact words and phrases match the unstemmed forms only") {
  struct Case {
    const char* query;
    Docs expected;
  };
  const Case cases[] = {
      // English: a phrase is stemmed, an exact phrase is not
      {"\"learned that\"", {1, 2, 6, 7}},
      {"=\"learned that\"", {1, 6, 7}},
      {"=\"learn that\"", {2, 7}},
      {"=\"Learned THAT\"", {1, 6, 7}},  // case still does not matter
      {"learn", {1, 2, 6, 7}},
      {"=learned", {1, 6, 7}},
      {"=learn", {2, 7}},
      {"=learns", {}},
      // Indonesian: affixes and compounds are forms of their own
      {"\"bekerja sama\"", {3, 4, 5, 8, 9}},
      {"=\"bekerja sama\"", {3, 8}},
      {"=\"kerja sama\"", {4, 8}},
      {"=kerjasama", {5, 9}},
      {"kerjasama", {3, 4, 5, 8, 9}},
      {"=\"kerjasama dagang\"", {5}},  // a compound takes two positions
      {"=\"dengan korea\"", {5}},
      {"=bekerja", {3, 8}},
      {"=kerja", {4, 8}},
      // with filters, NOT, OR, AND
      {"=\"learned that\" type:official", {6}},
      {"=learned NOT rules", {1, 7}},
      {"learn NOT =learned", {2}},
      {"learn -=learned", {2}},
      {"=\"learned that\" OR =kerjasama", {1, 5, 6, 7, 9}},
      {"=learn =still", {7}},
      {"(=learn OR =learned) lang:en type:news", {1, 2, 7}},
  };
  for (const auto& c : cases) {
    const std::string query = c.query;
    CAPTURE(query);
    const Docs got = find(c.query);
    std::string shown;
    for (auto d : got) shown += std::to_string(d) + " ";
    CAPTURE(shown);
    CHECK(got == c.expected);
  }
}

TEST_CASE("exact queries mark only the exact words") {
  struct Case {
    const char* query;
    std::vector<std::string> expected;
  };
  const Case cases[] = {
      {"=\"learned that\"", {"1:learned that", "6:learned that", "7:learned that"}},
      {"=\"learn that\"", {"2:learn that", "7:learn that"}},
      {"\"learn that\"", {"1:learned that", "2:learn that", "6:learned that", "7:learned that|learn that"}},
      {"=learn", {"2:learn", "7:learn"}},
      {"=\"kerja sama\"", {"4:Kerja sama", "8:kerja sama"}},
      // (neighbouring matches merge into one span)
      {"\"kerja sama\" lagi", {"8:bekerja sama|kerja sama lagi"}},
      {"=\"kerja sama\" lagi", {"8:kerja sama lagi"}},
      {"=bekerja", {"3:bekerja", "8:bekerja"}},
      {"=learned NOT rules", {"1:learned", "7:learned"}},
  };
  for (const auto& c : cases) {
    const std::string query = c.query;
    CAPTURE(query);
    const auto got = marks(c.query);
    std::string shown;
    for (const auto& m : got) shown += m + " / ";
    CAPTURE(shown);
    CHECK(got == c.expected);
  }
}

TEST_CASE("the exact operator in the parser") {
  struct Case {
    const char* query;
    const char* error;  // a piece of the error, or "" when the query is fine
  };
  const Case cases[] = {
      {"=learn", ""},        {"= learn", "="}, {"=", "="},
      {"=\"\"", "no words"}, {"x=y", ""},  // inside a word '=' is a separator, as before
  };
  for (const auto& c : cases) {
    const std::string query = c.query;
    CAPTURE(query);
    Query q;
    q.text = c.query;
    if (*c.error) {
      try {
        fixture().idx->search(q);
        FAIL("no error");
      } catch (const UserError& e) {
        CHECK(std::string(e.what()).find(c.error) != std::string::npos);
      }
    } else {
      CHECK_NOTHROW(fixture().idx->search(q));
    }
  }
}

TEST_CASE("spelling suggestions prefer the closest word, then the most frequent") {
  struct Case {
    const char* typed;
    const char* expected;
  };
  const Case cases[] = {
      {"kerjsama", "kerjasama"},       // one letter missing; "bersama" (2 edits) is far more frequent
      {"kerjasma", "kerjasama"},       // a transposition counts as one edit
      {"perdagngan", "perdagangan"},   // Indonesian, a letter missing
      {"perdaganagn", "perdagangan"},  // a transposition
      {"goverment", "government"},     // English
      {"govermnent", "government"},    // a transposition
      {"mision", "mission"},           // one edit from both "mission" (4 times) and "vision" (twice)
      {"visoin", "vision"},            // a transposition beats anything two edits away
      {"bersma", "bersama"},
      {"tandatngan", "tandatangan"},  // a compound seen only as two words
      {"vission", "mission"},         // one edit from both "vision" and "mission": the more frequent wins
      {"missoin", "mission"},         // a transposition
      {"bekrja", "bekerja"},          // Indonesian, a letter missing
      {"tangn", "tangan"},
      {"perdgngan", "perdagangan"},  // two letters missing: the distance-2 search
      {"kerjasama", ""},             // known words are not corrected
  };
  for (const auto& c : cases) {
    const std::string typed = c.typed;
    CAPTURE(typed);
    Query q;
    q.text = std::string(c.typed) + " dengan";
    Results r = fixture().idx->search(q);
    CHECK(r.did_you_mean == (*c.expected ? std::string(c.expected) + " dengan" : std::string()));
  }
}

TEST_CASE("the search view's Exact words toggle: plain words and phrases become exact, nothing else changes") {
  struct Case {
    const char* typed;
    const char* exact;
    Docs expected;  // what the exact form finds in the fixture
  };
  const Case cases[] = {
      {"learned", "=learned", {1, 6, 7}},
      {"\"learned that\"", "=\"learned that\"", {1, 6, 7}},
      {"\"kerja sama\"", "=\"kerja sama\"", {4, 8}},
      {"=learn still", "=learn =still", {7}},                // already exact: left alone
      {"learned NOT rules", "=learned NOT =rules", {1, 7}},  // operators stay operators
      {"learn -learned", "=learn -=learned", {2}},           // minus before the word
      {"(learn OR learned) lang:en type:news", "(=learn OR =learned) lang:en type:news", {1, 2, 7}},
      {"\"learned that\" type:official", "=\"learned that\" type:official", {6}},  // filters untouched
      {"outlet:\"warta niaga\" bekerja", "outlet:\"warta niaga\" =bekerja", {}},   // a filter's phrase too
      {"kerja NEAR/2 lagi", "=kerja NEAR/2 =lagi", {8}},
      {"perdag* kerjasama", "perdag* =kerjasama", {}},  // a prefix* stays a prefix
  };
  for (const auto& c : cases) {
    const std::string typed = c.typed;
    CAPTURE(typed);
    CHECK(exact_words(c.typed) == c.exact);
    CHECK(find(exact_words(c.typed)) == c.expected);
  }
  CHECK_THROWS_AS(exact_words("learn AND"), QueryError);  // malformed: the same error as the query's
}
