// Carrying codings to a new version of a document (issue 24): a character
// diff (dtl, over code points) of the old and the new text, then per coded
// span the rule below. Pure text, no project: table-driven tests in
// tests/test_versions.cpp.
//
// The rule (README, "New versions of a document"):
//  1. unchanged: every character of the span is kept by the diff and they
//     stay together -> the span moves to their new offsets;
//  2. moved: otherwise, if the span's exact text occurs in the new text ->
//     the occurrence nearest to where the diff puts the span's start
//     (a paragraph moved elsewhere, its text as it was);
//  3. changed: otherwise, if the diff keeps at least half of the span's
//     characters -> from the first to the last kept one (insertions inside
//     included), listed for review;
//  4. vanished: otherwise (the coded text was deleted or rewritten) the coding
//     is kept, not removed — its code, memo and links stay — on the word
//     where the diff puts its start, and listed for review.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace telaah::ingest {

enum class Carry { unchanged, moved, changed, vanished };
const char* to_string(Carry c);

struct Span {
  int64_t start = 0, end = 0;  // code points
};

struct Carried {
  Span to;
  Carry how = Carry::unchanged;
};

// One result per span of `spans` (spans inside `old_text`), in order.
std::vector<Carried> carry_spans(const std::string& old_text, const std::string& new_text,
                                 const std::vector<Span>& spans);

}  // namespace telaah::ingest
