// Anchoring by quote: find the exact text of a passage in a document.
// Anchors survive edits that shift offsets, and are how the sample corpus,
// the CLI and imports name passages without raw offsets.
#pragma once
#include <string>
#include <vector>

#include "store/types.h"
#include "text/structure.h"

namespace telaah::store {

// Code-point starts of every occurrence of `needle` in `haystack` (both UTF-8).
// Exact match first; when there is none, a match that treats any run of
// whitespace as one space (a quote copied across a line break still anchors).
std::vector<text::Span> find_quote(const std::string& haystack, const std::string& needle);

// The span of the n-th (1-based) occurrence. occurrence 0 means "exactly one
// occurrence is expected". Throws UserError with a clear sentence otherwise.
text::Span resolve_quote(const std::string& haystack, const std::string& needle, int occurrence,
                         const std::string& doc_title);

}  // namespace telaah::store
