// Paragraphs, sentences, words and speaker turns of a normalised text.
// All positions are code points, 0-based, end exclusive.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace telaah::text {

struct Span {
  int64_t start = 0, end = 0;
  bool contains(int64_t p) const { return p >= start && p < end; }
};

// A block of the document: paragraph, heading, list item, table row; with the
// speaker of a transcript turn and the PDF page it starts on (0 = unknown).
struct Block {
  int64_t start = 0, end = 0;
  std::string kind = "p";  // p | h1..h6 | li | row | turn
  std::string speaker;     // for turns: "Informan B", "Pewawancara"
  int page = 0;
};

// Paragraphs separated by blank lines; a text without blank lines gets one
// paragraph per non-empty line. Leading/trailing whitespace is excluded.
std::vector<Block> split_paragraphs(std::string_view text);

// Sentences inside [span.start, span.end): ., ? or ! (optionally followed by
// closing quotes/brackets) then whitespace; abbreviations (No., Rp., Dr., dll.,
// e.g., i.e., St., Jl.) and decimals do not end a sentence.
std::vector<Span> split_sentences(std::string_view text, Span within);

// The word around a code point (letters, digits, apostrophes, hyphens inside words).
Span word_at(std::string_view text, int64_t cp);

// Speaker at the start of a paragraph: "Name:", "NAME:", "[00:01:23] Name:".
// Returns the speaker name (without time stamp) or empty. The label must be on
// the first line, start with a capital, have at most five words and no
// sentence punctuation; header and prose labels ("Tanggal:", "Catatan:",
// "Sumber:", "Note:" ...) are not speakers.
std::string detect_speaker(std::string_view paragraph);

// Assign kind="turn" and the speaker to paragraphs that open with a speaker
// label, when at least two paragraphs do (one labelled paragraph is prose).
void mark_speaker_turns(std::string_view text, std::vector<Block>& blocks);

// Is the code point a letter or digit (Unicode, via ICU)?
bool is_word_char(char32_t c);

}  // namespace telaah::text
