// libFuzzer: the search query language (lexer, parser, Xapian query builder).
// Every input is either a query or a QueryError with a position inside it;
// nesting is bounded (index::kMaxQueryDepth), so no input overflows the stack.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "index/analyzer.h"
#include "index/query.h"
#include "text/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace telaah;
  const std::string q(reinterpret_cast<const char*>(data), size);
  static index::Stemmers stemmers(index::IdStemmerKind::snowball);
  try {
    index::QueryNode n = index::parse_query(q);
    index::describe(n);
    index::QueryContext ctx{stemmers};
    ctx.source_types = {"interview", "news", "official"};
    ctx.codes = {{1, std::nullopt, "Input", "Input", {"Masukan"}}, {2, 1, "Legal", "Input/Legal", {}}};
    index::build_query(q, ctx);
  } catch (const index::QueryError& e) {
    // The caret must point into the query (code points).
    if (e.pos > text::count_code_points(q) + 1) std::abort();
  } catch (const UserError&) {
  }
  return 0;
}
