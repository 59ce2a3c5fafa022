// Reviewers' comments of an imported file (Word comments, ODT annotations)
// kept in the project. A memo in Telaah belongs to the project, a document
// or a code, not to a span, so a comment becomes what a researcher finds on
// the commented text: a coding of the code "Imported comments" on the span
// the comment is anchored on, by the coder who imports, with the comment
// (author, date, text) as the coding's memo. A comment without a range (a
// point) is anchored on its paragraph.
#pragma once
#include <string>
#include <vector>

#include "ingest/importer.h"
#include "store/project.h"

namespace telaah::ingest {

// The top-level code that holds imported comments (made on first use).
inline constexpr const char* kCommentsCode = "Imported comments";

// The span a comment is kept on: its anchored range, or the block (paragraph)
// that holds a point. {0, 0} when the text has no block to hold it.
std::pair<int64_t, int64_t> comment_span(const Comment& c, const std::vector<text::Block>& blocks);

// The memo of a comment's coding: "Word comment by Rina (2016-04-22): text".
std::string comment_memo(const Comment& c, const std::string& format);

// Adds one coding per comment of document `doc` (joins the caller's action).
// Returns how many were kept; comments with no span are left out.
size_t add_comment_codings(store::Project& p, store::Id doc, const std::vector<text::Block>& blocks,
                           const std::vector<Comment>& comments, const std::string& format, const std::string& file);

}  // namespace telaah::ingest
