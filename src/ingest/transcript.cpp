// Transcripts with time: SRT and WebVTT cues, and timestamps inside the text
// of plain, DOCX and ODT transcripts (transcript.h; the forms are in README).
#include "ingest/transcript.h"

#include <algorithm>

#include "text/utf8.h"

namespace telaah::ingest {

namespace {

std::string lower_ext(const std::string& name) {
  const size_t dot = name.find_last_of('.'), slash = name.find_last_of('/');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  std::string ext = name.substr(dot + 1);
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext;
}

std::string decoded(const std::string& name, std::string_view bytes, const ImportOptions& opt, Extracted& e) {
  std::string s = decode_to_utf8(bytes, opt.encoding, name, &e.notes);
  if (s.find('\0') != std::string::npos) throw ImportError(name + ": contains NUL bytes; this is not a transcript");
  return text::to_nfc(clean_text(text::normalise_newlines(s)));
}

std::vector<std::string_view> lines_of(std::string_view s) {
  std::vector<std::string_view> out;
  size_t b = 0;
  while (b <= s.size()) {
    size_t e = s.find('\n', b);
    if (e == std::string_view::npos) e = s.size();
    out.push_back(s.substr(b, e - b));
    b = e + 1;
  }
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Markup inside a cue: <v Name> becomes "Name: ", other tags and {\..} go,
// the four entities WebVTT needs are decoded.
std::string cue_text(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    if (s[i] == '<') {
      const size_t e = s.find('>', i);
      if (e == std::string_view::npos) break;
      std::string_view tag = s.substr(i + 1, e - i - 1);
      if (tag.size() > 2 && tag[0] == 'v' && (tag[1] == ' ' || tag[1] == '.')) {
        const size_t sp = tag.find(' ');
        if (sp != std::string_view::npos) out += std::string(trim(tag.substr(sp + 1))) + ": ";
      }
      i = e + 1;
      continue;
    }
    if (s[i] == '{' && i + 1 < s.size() && s[i + 1] == '\\') {
      const size_t e = s.find('}', i);
      if (e != std::string_view::npos) {
        i = e + 1;
        continue;
      }
    }
    if (s[i] == '&') {
      static const std::pair<const char*, const char*> ents[] = {
          {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&nbsp;", " "}};
      bool hit = false;
      for (const auto& [k, v] : ents)
        if (s.substr(i).starts_with(k)) {
          out += v;
          i += std::string_view(k).size();
          hit = true;
          break;
        }
      if (hit) continue;
    }
    out += s[i++];
  }
  return out;
}

// "00:00:01,000 --> 00:00:04,000 settings": start and end, or false.
bool cue_times(std::string_view line, int64_t& start, int64_t& end) {
  const size_t arrow = line.find("-->");
  if (arrow == std::string_view::npos) return false;
  std::string_view a = trim(line.substr(0, arrow)), b = trim(line.substr(arrow + 3));
  b = b.substr(0, b.find_first_of(" \t"));
  auto s = text::parse_clock(a), e = text::parse_clock(b);
  if (!s || !e) return false;
  start = *s;
  end = *e;
  return true;
}

// Cues (SRT or WebVTT blocks) into paragraphs with a sync point at each start
// and, where the cue ends before the next begins, at its end.
Transcript from_cues(const std::string& name, std::string_view body, bool vtt) {
  Transcript t;
  t.doc.format = vtt ? "vtt" : "srt";
  auto lines = lines_of(body);
  size_t i = 0;
  if (vtt) {
    if (lines.empty() || !trim(lines[0]).starts_with("WEBVTT"))
      throw ImportError(name + ": a WebVTT file starts with the line WEBVTT");
    i = 1;
  }
  int64_t last_time = -1;
  bool out_of_order = false;
  while (i < lines.size()) {
    while (i < lines.size() && trim(lines[i]).empty()) ++i;
    if (i >= lines.size()) break;
    const size_t first = i;
    std::vector<std::string_view> block;
    while (i < lines.size() && !trim(lines[i]).empty()) block.push_back(lines[i++]);
    std::string_view head = trim(block[0]);
    if (vtt && (head.starts_with("NOTE") || head == "STYLE" || head == "REGION")) continue;
    size_t k = 0;
    int64_t start = 0, end = 0;
    if (!cue_times(block[0], start, end)) {
      if (block.size() < 2 || !cue_times(block[1], start, end))
        throw ImportError(name + ": line " + std::to_string(first + 1) + " is not a cue (" +
                          (vtt ? "[id] then 00:01.000 --> 00:04.000" : "a number then 00:00:01,000 --> 00:00:04,000") +
                          ")");
      k = 1;
    }
    std::string para;
    for (size_t j = k + 1; j < block.size(); ++j) {
      if (!para.empty()) para += ' ';
      para += std::string(trim(block[j]));
    }
    para = std::string(trim(cue_text(para)));
    if (para.empty()) continue;
    if (start < last_time) out_of_order = true;
    last_time = std::max(last_time, start);
    const size_t before = t.doc.blocks.size();
    append_block(t.doc, para);
    if (t.doc.blocks.size() == before) continue;
    const auto& b = t.doc.blocks.back();
    t.sync.push_back({b.start, start});
    if (end > start) t.sync.push_back({b.end, end});
  }
  if (out_of_order) t.doc.notes.push_back("cues out of time order: the earlier times after a later one are not used");
  // A cue that ends after the next one starts: its end point is dropped so times keep growing.
  std::vector<text::SyncPoint> kept;
  for (const auto& p : t.sync)
    if (kept.empty() || (p.pos > kept.back().pos && p.time_ms >= kept.back().time_ms)) kept.push_back(p);
  t.sync = std::move(kept);
  mark_turns(t.doc);
  t.doc.title = stem_of(name);
  finish(t.doc, name);
  return t;
}

// A timestamp token at byte i of `line`: its length and time, or 0.
size_t token_at(std::string_view line, size_t i, bool line_start, int64_t& ms) {
  const char open = line[i];
  const char close = open == '[' ? ']' : open == '(' ? ')' : open == '#' ? '#' : 0;
  if (close) {
    const size_t e = line.find(close, i + 1);
    if (e == std::string_view::npos || e - i > 14) return 0;
    auto t = text::parse_clock(line.substr(i + 1, e - i - 1));
    if (!t) return 0;
    ms = *t;
    return e - i + 1;
  }
  if (!line_start || open < '0' || open > '9') return 0;
  // A bare clock only at the start of a line and with hours (h:mm:ss): "10:30" in a sentence is a time of day.
  size_t e = i;
  while (e < line.size() && e - i < 14 &&
         ((line[e] >= '0' && line[e] <= '9') || line[e] == ':' || line[e] == '.' || line[e] == ','))
    ++e;
  while (e > i && (line[e - 1] == '.' || line[e - 1] == ',')) --e;
  std::string_view c = line.substr(i, e - i);
  if (std::count(c.begin(), c.end(), ':') != 2) return 0;
  if (e < line.size() && line[e] != ' ' && line[e] != '\t') return 0;
  auto t = text::parse_clock(c);
  if (!t) return 0;
  ms = *t;
  return e - i;
}

struct Piece {
  std::string text;                    // cleaned, one line
  std::vector<text::SyncPoint> marks;  // positions within text
};

// Takes the tokens out of one line of a paragraph.
Piece strip_line(std::string_view line) {
  Piece p;
  bool start = true;
  for (size_t i = 0; i < line.size();) {
    int64_t ms = 0;
    const size_t n = token_at(line, i, start, ms);
    if (!n) {
      if (line[i] != ' ' && line[i] != '\t') start = false;
      const char c = line[i] == '\t' ? ' ' : line[i];
      if (!(c == ' ' && (p.text.empty() || p.text.back() == ' '))) p.text += c;
      ++i;
      continue;
    }
    size_t j = i + n;
    while (j < line.size() && (line[j] == ' ' || line[j] == '\t')) ++j;
    int64_t pos;
    if (j < line.size() && line[j] == ':') {  // "Speaker (00:01:23): ..." : the time of the turn
      while (!p.text.empty() && p.text.back() == ' ') p.text.pop_back();
      pos = 0;
    } else {
      if (j >= line.size())
        while (!p.text.empty() && p.text.back() == ' ') p.text.pop_back();
      pos = static_cast<int64_t>(text::count_code_points(p.text));
    }
    p.marks.push_back({pos, ms});
    i = j;
  }
  while (!p.text.empty() && p.text.back() == ' ') p.text.pop_back();
  const auto len = static_cast<int64_t>(text::count_code_points(p.text));
  for (auto& m : p.marks) m.pos = std::min(m.pos, len);
  return p;
}

bool opens_with_token(std::string_view line) {
  line = trim(line);
  int64_t ms = 0;
  return !line.empty() && token_at(line, 0, true, ms) > 0;
}

}  // namespace

bool is_timed_text_name(const std::string& name) {
  const std::string ext = lower_ext(name);
  return ext == "srt" || ext == "vtt";
}

Transcript parse_srt(const std::string& name, std::string_view text) {
  return from_cues(name, text, false);
}

Transcript parse_vtt(const std::string& name, std::string_view text) {
  return from_cues(name, text, true);
}

Transcript strip_timestamps(const Extracted& in, const std::string& name) {
  Transcript t;
  t.doc.format = in.format;
  t.doc.title = in.title;
  t.doc.author = in.author;
  t.doc.date = in.date;
  t.doc.language = in.language;
  t.doc.notes = in.notes;
  if (!in.comments.empty()) t.doc.notes.push_back("comments in a timed transcript are not kept");
  text::OffsetMap map(in.text);
  std::vector<int64_t> pending;  // times on lines without words: they belong to the next paragraph's start
  auto place = [&](const Piece& p, const std::string& kind, int page) {
    const size_t before = t.doc.blocks.size();
    if (!p.text.empty()) append_block(t.doc, p.text, kind, page);
    if (t.doc.blocks.size() == before) {
      for (const auto& m : p.marks) pending.push_back(m.time_ms);
      return;
    }
    const auto& b = t.doc.blocks.back();
    const bool exact = b.end - b.start == static_cast<int64_t>(text::count_code_points(p.text));
    for (int64_t ms : pending) t.sync.push_back({b.start, ms});
    pending.clear();
    for (const auto& m : p.marks) t.sync.push_back({b.start + (exact ? m.pos : 0), m.time_ms});
  };
  for (const auto& b : in.blocks) {
    std::string_view para = text::slice_cp(in.text, map, b.start, b.end);
    Piece cur;
    bool any = false;
    for (std::string_view line : lines_of(para)) {
      if (any && opens_with_token(line)) {  // a timed line starts a paragraph of its own
        place(cur, b.kind == "turn" ? "p" : b.kind, b.page);
        cur = {};
      }
      Piece p = strip_line(trim(line));
      if (!cur.text.empty() && !p.text.empty()) cur.text += ' ';
      const auto off = static_cast<int64_t>(text::count_code_points(cur.text));
      for (auto m : p.marks) cur.marks.push_back({off + m.pos, m.time_ms});
      cur.text += p.text;
      any = true;
    }
    place(cur, b.kind == "turn" ? "p" : b.kind, b.page);
  }
  if (!pending.empty() && !t.doc.blocks.empty())
    for (int64_t ms : pending) t.sync.push_back({t.doc.blocks.back().end, ms});
  // Positions in order; a time earlier than one before it stays out (time_at would ignore it anyway).
  std::stable_sort(t.sync.begin(), t.sync.end(),
                   [](const text::SyncPoint& a, const text::SyncPoint& b) { return a.pos < b.pos; });
  std::vector<text::SyncPoint> kept;
  bool dropped = false;
  for (const auto& p : t.sync) {
    if (!kept.empty() && (p.pos == kept.back().pos || p.time_ms < kept.back().time_ms)) {
      dropped = dropped || p.time_ms < kept.back().time_ms;
      continue;
    }
    kept.push_back(p);
  }
  if (dropped) t.doc.notes.push_back("timestamps out of time order: the earlier times after a later one are not used");
  t.sync = std::move(kept);
  mark_turns(t.doc);
  if (t.doc.title.empty()) t.doc.title = stem_of(name);
  finish(t.doc, name);
  return t;
}

Transcript extract_transcript(const std::string& name, std::string_view bytes, const ImportOptions& opt) {
  if (bytes.size() > opt.limits.max_file_bytes)
    throw ImportError(name + ": larger than the " + std::to_string(opt.limits.max_file_bytes >> 20) +
                      " MB a transcript may have");
  const std::string ext = lower_ext(name);
  if (ext == "srt" || ext == "vtt") {
    Extracted e;
    const std::string body = decoded(name, bytes, opt, e);
    Transcript t = ext == "srt" ? parse_srt(name, body) : parse_vtt(name, body);
    t.doc.notes.insert(t.doc.notes.begin(), e.notes.begin(), e.notes.end());
    return t;
  }
  Extracted e = extract(name, bytes, opt);
  return strip_timestamps(e, name);
}

}  // namespace telaah::ingest
