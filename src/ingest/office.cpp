// Shared output step of the DOCX and ODT readers (see office.h).
#include "ingest/office.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "text/utf8.h"

namespace telaah::ingest::office {

void push_paragraph(std::vector<Para>& out, const std::string& kind, const std::string& text) {
  std::string t = text;
  if (kind != "row") std::replace(t.begin(), t.end(), '\t', ' ');
  if (kind != "p" && kind != "li") {  // a heading or row with a line break stays one block
    std::replace(t.begin(), t.end(), '\n', ' ');
    out.push_back({kind, t});
    return;
  }
  // A manual line break (Shift+Enter) often separates speaker turns in transcripts.
  size_t pos = 0;
  while (pos <= t.size()) {
    size_t nl = t.find('\n', pos);
    out.push_back({kind, t.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos)});
    pos = nl == std::string::npos ? t.size() + 1 : nl + 1;
  }
}

int heading_level_from_style_name(std::string n) {
  std::transform(n.begin(), n.end(), n.begin(), [](unsigned char c) { return std::tolower(c); });
  // ODF encodes spaces in style names as _20_.
  std::string decoded;
  for (size_t i = 0; i < n.size(); ++i) {
    if (n.compare(i, 4, "_20_") == 0) {
      decoded += ' ';
      i += 3;
    } else {
      decoded += n[i];
    }
  }
  n = decoded;
  if (n == "title") return 1;
  if (n == "subtitle") return 2;
  for (const char* prefix : {"heading ", "heading"}) {
    const std::string pre = prefix;
    if (n.size() == pre.size() + 1 && n.compare(0, pre.size(), pre) == 0 && n.back() >= '1' && n.back() <= '9')
      return std::min(6, n.back() - '0');
  }
  return 0;
}

namespace {

constexpr char32_t kMarkBase = 0xF0000;

std::string encode(char32_t c) {
  std::string o;
  o += static_cast<char>(0xF0 | (c >> 18));
  o += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
  o += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
  o += static_cast<char>(0x80 | (c & 0x3F));
  return o;
}

struct Mark {
  size_t comment;
  bool end;
  size_t byte;  // offset in the paragraph text without marks
};

// Takes the anchor marks of `n` comments out of `s`.
std::string strip_marks(const std::string& s, size_t n, std::vector<Mark>& marks) {
  marks.clear();
  if (n == 0 || s.find('\xF3') == std::string::npos) return s;  // U+F0000.. starts with F3
  std::string out;
  for (size_t i = 0; i < s.size();) {
    const size_t at = i;
    const char32_t c = text::decode_next(s, i);
    if (c >= kMarkBase && c < kMarkBase + 2 * std::min(n, kMaxAnchored)) {
      marks.push_back({(c - kMarkBase) / 2, ((c - kMarkBase) % 2) == 1, out.size()});
      continue;
    }
    out.append(s, at, i - at);
  }
  return out;
}

// Code points that append_block keeps of a paragraph's first `bytes` bytes.
int64_t kept_cp(const std::string& para, size_t bytes, bool row) {
  std::string c = clean_text(para.substr(0, bytes));
  size_t b = 0;
  while (b < c.size() && (c[b] == ' ' || c[b] == '\n' || c[b] == '\r' || (!row && c[b] == '\t'))) ++b;
  return static_cast<int64_t>(text::count_code_points(text::to_nfc(std::string_view(c).substr(b))));
}

}  // namespace

std::string anchor_mark(size_t k, bool end) {
  if (k >= kMaxAnchored) return "";
  return encode(kMarkBase + static_cast<char32_t>(2 * k + (end ? 1 : 0)));
}

void emit(Extracted& e, const std::vector<Para>& paras, const std::vector<Note>& notes, const std::string& name,
          std::vector<Comment> comments) {
  std::vector<std::optional<int64_t>> starts(comments.size()), ends(comments.size());
  std::vector<size_t> waiting;  // comments whose start lies in a paragraph that left no block
  auto add = [&](const std::string& raw, const std::string& kind) {
    std::vector<Mark> marks;
    const std::string t = strip_marks(raw, comments.size(), marks);
    const size_t before = e.blocks.size();
    append_block(e, t, kind);
    const bool added = e.blocks.size() > before;
    if (added) {
      for (size_t k : waiting) starts[k] = e.blocks.back().start;
      waiting.clear();
    }
    for (const auto& m : marks) {
      if (m.comment >= comments.size()) continue;
      auto& slot = m.end ? ends[m.comment] : starts[m.comment];
      if (slot) continue;  // the first mark counts
      if (added) {
        const auto& b = e.blocks.back();
        slot = std::min(b.end, b.start + kept_cp(t, m.byte, kind == "row"));
      } else if (m.end) {
        slot = e.blocks.empty() ? 0 : e.blocks.back().end;
      } else {
        waiting.push_back(m.comment);
      }
    }
  };
  for (const auto& p : paras) add(p.text, p.kind);
  mark_turns(e);
  for (const auto& n : notes)
    for (size_t k = 0; k < n.paras.size(); ++k) {
      std::string t = n.paras[k];
      t.erase(0, t.find_first_not_of(" \t"));  // Word puts a space after the note's own number
      add(k == 0 ? n.marker + " " + t : t, "p");
    }
  if (!notes.empty())
    e.notes.push_back(std::to_string(notes.size()) + " footnote(s) appended at the end, marked [n] in the text");
  const int64_t len = e.blocks.empty() ? 0 : e.blocks.back().end;
  for (size_t k = 0; k < comments.size(); ++k) {
    auto& c = comments[k];
    c.start = starts[k].value_or(ends[k].value_or(len));
    c.end = std::max(c.start, ends[k].value_or(c.start));
  }
  if (!comments.empty()) {
    text::OffsetMap m(e.text);
    for (const auto& c : comments) {
      std::string note = e.format == "docx" ? "Word comment" : "Comment";
      if (!c.author.empty()) note += " by " + c.author;
      if (!c.date.empty()) note += " (" + c.date + ")";
      const std::string quote(text::slice_cp(e.text, m, static_cast<size_t>(c.start), static_cast<size_t>(c.end)));
      if (!quote.empty()) note += " on \u201C" + text::one_line(quote, 60, "\u2026") + "\u201D";
      note += ": " + text::one_line(c.text, 200, "\u2026");
      e.notes.push_back(note);
    }
  }
  e.comments = std::move(comments);
  finish(e, name);
}

}  // namespace telaah::ingest::office
