// Reviewers' comments kept as codings of "Imported comments" (comments.h).
#include "ingest/comments.h"

#include <algorithm>

#include "store/errors.h"

namespace telaah::ingest {

std::pair<int64_t, int64_t> comment_span(const Comment& c, const std::vector<text::Block>& blocks) {
  if (c.start < c.end) return {c.start, c.end};
  // A point: the block that holds it (a point at a block's end belongs to
  // that block), else the nearest block before it, else the first.
  const text::Block* best = nullptr;
  for (const auto& b : blocks) {
    if (b.end <= b.start) continue;
    if (b.start <= c.start && c.start <= b.end) return {b.start, b.end};
    if (b.end <= c.start) best = &b;
  }
  if (!best)
    for (const auto& b : blocks)
      if (b.end > b.start) return {b.start, b.end};
  if (best) return {best->start, best->end};
  return {0, 0};
}

std::string comment_memo(const Comment& c, const std::string& format) {
  std::string m = format == "docx" ? "Word comment" : "Comment";
  if (!c.author.empty()) m += " by " + c.author;
  if (!c.date.empty()) m += " (" + c.date + ")";
  return m + ": " + c.text;
}

size_t add_comment_codings(store::Project& p, store::Id doc, const std::vector<text::Block>& blocks,
                           const std::vector<Comment>& comments, const std::string& format, const std::string& file) {
  std::vector<store::Coding> cs;
  for (const auto& c : comments) {
    const auto [start, end] = comment_span(c, blocks);
    if (start >= end) continue;
    store::Coding k;
    k.doc = doc;
    k.start = start;
    k.end = end;
    k.memo = comment_memo(c, format);
    k.origin = "import: " + file + " (comment)";
    cs.push_back(std::move(k));
  }
  if (cs.empty()) return 0;
  store::Id code = 0;
  for (const auto& c : p.codes())
    if (!c.parent && c.name == kCommentsCode) code = c.id;
  if (!code) {
    store::Code c;
    c.name = kCommentsCode;
    c.colour = "#9E9E9E";
    c.definition =
        "Reviewers' comments from imported Word (DOCX) and OpenDocument (ODT) files: each coding is the commented "
        "passage, and its memo is the comment (author, date, text). Not evidence: not an indicator.";
    code = p.add_code(c);
  }
  for (auto& k : cs) k.code = code;
  p.add_codings(cs, "Import comments of " + file);
  return cs.size();
}

}  // namespace telaah::ingest
