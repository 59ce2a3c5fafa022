// Loading and preparing the open document (see open_document.h).
#include "ui/coding/open_document.h"

#include <algorithm>

#include "ingest/ocr.h"

namespace telaah::ui {

std::unique_ptr<OpenDocument> load_document(const store::Project& p, store::Id id, const ProjectCache& cache) {
  static uint64_t next_generation = 1;  // only ever increases: a cache key, not UI state
  auto d = std::make_unique<OpenDocument>();
  d->meta = p.document(id);
  d->text = p.text(id);
  d->map = text::OffsetMap(d->text);
  d->blocks = p.blocks(id);
  d->pages = p.pages(id);
  d->attributes = p.attributes(id);
  for (const auto& b : p.word_boxes(id))
    if (b.confidence >= 0 && b.confidence < ingest::ocr::kLowConfidence) d->low_confidence.push_back({b.start, b.end});
  d->generation = next_generation++;

  // Speaker labels: from the turn's start up to and including the colon that
  // follows the speaker's name (time stamps like "[00:12:31]" stay inside).
  for (const auto& b : d->blocks) {
    if (b.kind.size() == 2 && b.kind[0] == 'h') {
      d->styled.push_back({Styled::heading, {b.start, b.end}, 0});
      continue;
    }
    if (b.kind != "turn" || b.speaker.empty()) continue;
    const size_t bs = d->map.to_byte(static_cast<size_t>(b.start));
    const size_t be = d->map.to_byte(static_cast<size_t>(std::min<int64_t>(b.end, b.start + 120)));
    std::string_view head(d->text.data() + bs, be - bs);
    const size_t name_at = head.find(b.speaker);
    const size_t colon = head.find(':', name_at == std::string_view::npos ? 0 : name_at + b.speaker.size());
    if (colon == std::string_view::npos) continue;
    const int64_t end = static_cast<int64_t>(d->map.to_cp(bs + colon + 1));
    // Colours by order of appearance, so the first speakers of a transcript never share one.
    const auto idx = d->speaker_index.emplace(b.speaker, static_cast<uint32_t>(d->speaker_index.size())).first->second;
    d->styled.push_back({Styled::speaker, {b.start, end}, idx});
  }
  std::sort(d->styled.begin(), d->styled.end(),
            [](const Styled& a, const Styled& b) { return a.span.start < b.span.start; });
  // Every styled span is drawn bold, so they must not overlap: drop the later one.
  std::vector<Styled> kept;
  for (const auto& s : d->styled) {
    if (!kept.empty() && s.span.start < kept.back().span.end) continue;
    kept.push_back(s);
    d->runs.bold.push_back(s.span);
  }
  d->styled = std::move(kept);
  store::CodingFilter f;
  f.doc = id;
  d->set_codings(p.codings(f), cache);
  return d;
}

bool CoderFilter::keeps(store::Id coder) const {
  return coders.empty() || std::find(coders.begin(), coders.end(), coder) != coders.end();
}

CoderFilter coder_filter(const ProjectUiState& s, const ProjectCache& cache, const std::string& me) {
  auto id_of = [&](const std::string& name) -> store::Id {
    for (const auto& c : cache.coders)
      if (c.name == name) return c.id;
    return 0;
  };
  CoderFilter f;
  if (s.blind || s.show == "me") {
    f.coders = {id_of(me)};
  } else if (s.show == "compare") {
    const store::Id a = id_of(s.compare_a), b = id_of(s.compare_b);
    if (a || b) f.coders = {a, b};  // both gone: everyone
  }
  return f;
}

void OpenDocument::set_codings(std::vector<store::Coding> cs, const ProjectCache& cache) {
  const size_t all = cs.size();
  std::erase_if(cs, [&](const store::Coding& c) { return !who.keeps(c.coder); });
  hidden = static_cast<int>(all - cs.size());
  codings = std::move(cs);
  std::sort(codings.begin(), codings.end(), [](const store::Coding& a, const store::Coding& b) {
    return a.start != b.start ? a.start < b.start : a.end != b.end ? a.end > b.end : a.id < b.id;
  });
  max_end.resize(codings.size());
  level.assign(codings.size(), 0);
  int64_t m = 0;
  for (size_t i = 0; i < codings.size(); ++i) max_end[i] = m = std::max(m, codings[i].end);
  // Greedy interval colouring: each coding takes the lowest level free at its start.
  std::vector<int64_t> level_end;  // end of the last coding on each level
  levels = 0;
  for (size_t i = 0; i < codings.size(); ++i) {
    size_t l = 0;
    while (l < level_end.size() && level_end[l] > codings[i].start) ++l;
    if (l == level_end.size()) level_end.push_back(0);
    level_end[l] = codings[i].end;
    level[i] = static_cast<uint8_t>(std::min<size_t>(l, 255));
    levels = std::max(levels, static_cast<int>(l) + 1);
  }
  // One lane per code, in codebook order.
  lanes.clear();
  lane_of.clear();
  std::unordered_map<store::Id, bool> present;
  for (const auto& c : codings) present[c.code] = true;
  for (const auto& ci : cache.codes)
    if (present.count(ci.code.id)) {
      lane_of[ci.code.id] = static_cast<int>(lanes.size());
      lanes.push_back(ci.code.id);
    }
  for (const auto& [code, _] : present)  // codes the cache does not know yet
    if (!lane_of.count(code)) {
      lane_of[code] = static_cast<int>(lanes.size());
      lanes.push_back(code);
    }
}

const store::Coding* OpenDocument::coding(store::Id id) const {
  for (const auto& c : codings)
    if (c.id == id) return &c;
  return nullptr;
}

const store::Coding* OpenDocument::coding_at(int64_t cp) const {
  const store::Coding* best = nullptr;
  for_codings_in(cp, cp + 1, [&](size_t i) {
    const auto& c = codings[i];
    if (!best || c.end - c.start < best->end - best->start) best = &c;
  });
  return best;
}

text::Span OpenDocument::paragraph_at(int64_t cp) const {
  auto it =
      std::upper_bound(blocks.begin(), blocks.end(), cp, [](int64_t v, const text::Block& b) { return v < b.start; });
  if (it != blocks.begin() && std::prev(it)->end > cp) return {std::prev(it)->start, std::prev(it)->end};
  // Not inside a block: the run between the surrounding newlines.
  const size_t b = map.to_byte(static_cast<size_t>(cp));
  size_t s = text.rfind('\n', b == 0 ? 0 : b - 1);
  s = (s == std::string::npos || (b == 0)) ? 0 : s + 1;
  size_t e = text.find('\n', b);
  if (e == std::string::npos) e = text.size();
  return {static_cast<int64_t>(map.to_cp(s)), static_cast<int64_t>(map.to_cp(e))};
}

std::string OpenDocument::slice(int64_t start, int64_t end) const {
  return std::string(text::slice_cp(text, map, static_cast<size_t>(std::max<int64_t>(0, start)),
                                    static_cast<size_t>(std::max<int64_t>(0, end))));
}

}  // namespace telaah::ui
