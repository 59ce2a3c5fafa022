// The search view (issue 9): keeping the index in step, the query box with
// syntax help, history and errors in place, facets as filters, and the
// virtualised result list. Nothing here waits for the index: syncs run as
// App tasks, searches on the SearchWorker; replies are polled once a frame.
#include "ui/search/view_search.h"

#include <algorithm>
#include <climits>
#include <cstdio>

#include "index/query.h"
#include "store/doc_sets.h"
#include "text/utf8.h"
#include "ui/search/search_filters.h"
#include "ui/shell/app.h"
#include "ui/shell/strings.h"
#include "ui/widgets/widgets.h"

namespace telaah::ui {

namespace {

constexpr int64_t kPage = 50;        // hits per request while scrolling
constexpr double kDebounce = 0.15;   // seconds of quiet typing before a search
constexpr int kSnippetLength = 220;  // code points
constexpr size_t kHistoryMax = 50;

std::string trim(const std::string& s) {
  const size_t a = s.find_first_not_of(" \t\n");
  if (a == std::string::npos) return "";
  return s.substr(a, s.find_last_not_of(" \t\n") - a + 1);
}

std::string one_line(std::string s) {
  for (auto& c : s)
    if (c == '\n' || c == '\t' || c == '\r') c = ' ';
  return s;
}

std::string lang_label(const std::string& code) {
  if (code == "id") return tr(S::sea_lang_id);
  if (code == "en") return tr(S::sea_lang_en);
  return code;
}

}  // namespace

SearchView::SearchView(Workspace& ws) : ws_(ws) {}
SearchView::~SearchView() {
  sync_status_->cancel = true;
}

SearchView& SearchView::of(App& app) {
  return dynamic_cast<SearchView&>(*app.view(View::search));
}

// A snippet with its matched words on a highlight, wrapped into at most
// `max_lines` lines of `width` pixels; an ellipsis when cut. The ellipsis
// always has room of its own after the last word shown (a word alone on the
// last line is cut inside); a highlight runs on across the spaces of a marked
// stretch, one box per line.
SearchView::SnippetLayout SearchView::layout_snippet(ImFont* font, float fs, float width, int max_lines,
                                                     const std::string& snippet, const std::vector<index::Match>& marks,
                                                     bool lead_ellipsis) {
  SnippetLayout out;
  const text::OffsetMap map(snippet);
  const size_t shift = lead_ellipsis ? 3 : 0;
  std::vector<std::pair<size_t, size_t>> mb;  // byte ranges of the marks in `text`
  for (const auto& m : marks)
    mb.emplace_back(map.to_byte(static_cast<size_t>(std::max<int64_t>(0, m.start))) + shift,
                    map.to_byte(static_cast<size_t>(std::max<int64_t>(0, m.end))) + shift);
  out.text = (lead_ellipsis ? std::string("\xE2\x80\xA6") : std::string()) + one_line(snippet);
  const std::string& text = out.text;
  auto marked = [&](size_t byte) {
    for (const auto& [a, b] : mb)
      if (byte >= a && byte < b) return true;
    return false;
  };
  auto tw = [&](size_t a, size_t b) { return font->CalcTextSizeA(fs, FLT_MAX, 0, text.data() + a, text.data() + b).x; };
  const float space = font->CalcTextSizeA(fs, FLT_MAX, 0, " ").x;
  const float ell = font->CalcTextSizeA(fs, FLT_MAX, 0, "\xE2\x80\xA6").x;
  max_lines = std::max(1, max_lines);
  // Highlight boxes: extended while marked text continues on the same line.
  auto mark = [&](float x0, float x1, int line) {
    if (!out.marks.empty() && out.marks.back().line == line && out.marks.back().x1 >= x0 - 0.5f) {
      out.marks.back().x1 = std::max(out.marks.back().x1, x1);
      return;
    }
    out.marks.push_back({x0, x1, line});
  };
  // Runs of marked / unmarked bytes of [i, j) at x on `line`.
  auto place = [&](size_t i, size_t j, float x, int line) {
    size_t k = i;
    while (k < j) {
      const bool m = marked(k);
      size_t e = k;
      while (e < j && marked(e) == m) ++e;
      const float rw = tw(k, e);
      out.runs.push_back({k, e, x, line, rw});
      if (m) mark(x, x + rw, line);
      x += rw;
      k = e;
    }
    return x;
  };
  float x = 0, pending_space = -1;  // pending_space: x of a marked space before the next word
  int line = 0;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == ' ') {
      if (x > 0 && marked(i) && pending_space < 0) pending_space = x;
      x += space;
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && text[j] != ' ') ++j;
    const float w = tw(i, j);
    const bool more = j < text.size();
    const bool last = line + 1 >= max_lines;
    if (x > 0 && x + w > width && !last) {  // wrap
      ++line;
      x = 0;
      pending_space = -1;
    }
    if (line + 1 >= max_lines && x + w + (more ? ell : 0) > width) {
      // The last line is full: the ellipsis goes right after the last word shown
      // (or after as much of a lone word as fits).
      float end = x;
      if (!out.runs.empty() && out.runs.back().line == line) {
        end = out.runs.back().x + out.runs.back().width;  // no gap: "word…" (it was placed with room for this)
      } else {                                            // a word alone on the line: as much of it as fits
        const float room = width - ell - x;
        size_t cut = i;
        while (cut < j) {
          size_t n = cut + 1;
          while (n < j && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) ++n;
          if (tw(i, n) > room) break;
          cut = n;
        }
        end = place(i, cut, x, line);
      }
      end = std::min(end, std::max(0.0f, width - ell));
      out.ellipsis_x = end;
      out.ellipsis_line = line;
      return out;
    }
    if (pending_space >= 0 && marked(i)) mark(pending_space, x, line);
    pending_space = -1;
    x = place(i, j, x, line);
    i = j;
  }
  return out;
}

void SearchView::draw_snippet(ImDrawList* dl, ImVec2 pos, float width, int max_lines, const std::string& snippet,
                              const std::vector<index::Match>& marks, ImU32 text_col, ImU32 mark_bg,
                              bool lead_ellipsis) {
  ImFont* font = ImGui::GetFont();
  const float fs = ImGui::GetFontSize(), lh = ImGui::GetTextLineHeight();
  const SnippetLayout l = layout_snippet(font, fs, width, max_lines, snippet, marks, lead_ellipsis);
  dl->PushClipRect(ImVec2(pos.x - 1, pos.y),
                   ImVec2(pos.x + width + 1, pos.y + static_cast<float>(std::max(1, max_lines)) * lh), true);
  for (const auto& m : l.marks) {
    const float y = pos.y + static_cast<float>(m.line) * lh;
    dl->AddRectFilled(ImVec2(pos.x + m.x0 - 1, y), ImVec2(pos.x + m.x1 + 1, y + lh), mark_bg, 2.0f);
  }
  for (const auto& r : l.runs)
    dl->AddText(font, fs, ImVec2(pos.x + r.x, pos.y + static_cast<float>(r.line) * lh), text_col,
                l.text.data() + r.begin, l.text.data() + r.end);
  if (l.ellipsis_x >= 0)
    dl->AddText(font, fs, ImVec2(pos.x + l.ellipsis_x, pos.y + static_cast<float>(l.ellipsis_line) * lh), text_col,
                "\xE2\x80\xA6");
  dl->PopClipRect();
}

// --- keeping the index in step --------------------------------------------------

void SearchView::project_changed() {
  ++epoch_;
  sync_status_->cancel = true;  // a sync of the old project stops; the next one reports here
  sync_status_ = std::make_shared<SyncStatus>();
  sync_running_ = sync_again_ = false;
  sync_error_.clear();
  index_revision_ = -1;
  shown_ = Shown{};
  error_ = QueryErrorState{};
  review_ = Review{};
  set_.reset();
  set_docs_.reset();
  set_docs_for_ = 0;
  set_docs_rev_ = -1;
  pending_gen_ = 0;
  waiting_first_ = refresh_on_show_ = false;
  if (!ws_.has_project()) {
    worker_.set_project({});
    return;
  }
  worker_.set_project(ws_.project_path());
  worker_.set_wake(ws_.tasks().wake);
  // Every action, undo and redo of this window moves the revision: catch up.
  on_revision_ = ws_.subscribe(Workspace::Event::revision, [this] { start_sync(); });
  start_sync();
  if (!trim(query_).empty()) submit(false);
}

void SearchView::start_sync() {
  if (!ws_.has_project()) return;
  if (sync_running_) {  // coalesce: one more when this one is done
    sync_again_ = true;
    return;
  }
  sync_running_ = true;
  sync_again_ = false;
  const uint64_t epoch = epoch_;
  worker_.set_wake(ws_.tasks().wake);
  // Re-running the search only pays while the view shows it; otherwise on return.
  const bool visible = ws_.shown_view() == View::search;
  start_index_sync(ws_.tasks(), tr(S::sea_task_index), ws_.project_path(), worker_.engine(), sync_status_, visible,
                   [this, epoch](SyncOutcome o) { on_synced(epoch, std::move(o)); });
}

void SearchView::on_synced(uint64_t epoch, SyncOutcome out) {
  if (epoch != epoch_) return;  // the sync of a project that is closed by now
  sync_running_ = false;
  sync_error_ = out.cancelled ? std::string() : out.error;
  if (out.report) index_revision_ = out.report->revision;
  if (out.follow_up && out.follow_up->job.gen == pending_gen_) {
    apply_first_page(*out.follow_up);
  } else if (pending_gen_ != 0 && !dirty_) {
    if (ws_.shown_view() == View::search)
      submit(false);  // whatever ran meanwhile may have seen the old index
    else
      refresh_on_show_ = true;
  }
  if (sync_again_) start_sync();
}

// --- searching ---------------------------------------------------------------------

void SearchView::focus_query() {
  focus_ = true;
  ws_.show_view(View::search);
}

void SearchView::set_query(const std::string& q) {
  query_ = q;
  reload_text_ = true;
  history_pos_ = -1;
  submit(true);
}

void SearchView::add_history(const std::string& q) {
  if (q.empty()) return;
  std::erase(history_, q);
  history_.insert(history_.begin(), q);
  if (history_.size() > kHistoryMax) history_.pop_back();
}

void SearchView::submit(bool to_history) {
  dirty_ = submit_now_ = false;
  const std::string text = trim(query_);
  if (text.empty()) {
    pending_gen_ = 0;
    waiting_first_ = false;
    shown_ = Shown{};
    error_ = QueryErrorState{};
    worker_.engine()->set_current(std::nullopt);
    return;
  }
  if (to_history) add_history(text);
  if (!ws_.has_project()) return;
  SearchJob j;
  j.gen = ++next_gen_;
  j.typed = text;
  j.query.text = text;
  if (exact_words_) try {
      j.query.text = index::exact_words(text);
    } catch (const index::QueryError&) {  // searched as typed: the error is shown where it is
    }
  refresh_set_docs();
  j.query.docs = set_docs_;
  j.query.sort = sort_;
  j.query.offset = 0;
  j.query.limit = kPage;
  j.query.facets = true;
  j.query.all_matches = false;  // the best passage's matches are enough to open a hit
  j.query.snippet_length = kSnippetLength;
  pending_gen_ = j.gen;
  waiting_first_ = true;
  worker_.set_wake(ws_.tasks().wake);
  worker_.engine()->set_current(j);
  worker_.post(std::move(j), pending_gen_);
}

void SearchView::request_page(int64_t page) {
  Page& p = shown_.pages[page];
  if (p.requested) return;
  p.requested = true;
  SearchJob j;
  j.gen = shown_.gen;
  j.typed = shown_.typed;
  j.query.text = shown_.text;
  j.query.sort = shown_.sort;
  j.query.offset = page * kPage;
  j.query.docs = set_docs_;
  j.query.limit = kPage;
  j.query.all_matches = false;
  j.query.snippet_length = kSnippetLength;
  ++pages_requested_;
  worker_.post(std::move(j), 0);
}

void SearchView::poll() {
  for (auto& r : worker_.poll()) apply_reply(std::move(r));
}

void SearchView::apply_reply(SearchReply r) {
  if (r.job.kind == SearchJob::Kind::plan) {
    if (r.job.gen != review_.gen) return;
    review_.planning = false;
    review_.error = r.error == SearchReply::Error::none ? std::string() : r.message;
    // Keep the reviewer's choices for spans that are still there.
    std::map<std::tuple<store::Id, int64_t, int64_t>, bool> before;
    for (size_t i = 0; i < review_.plan.size(); ++i)
      before[{review_.plan[i].doc, review_.plan[i].start, review_.plan[i].end}] = review_.accept[i];
    review_.plan = std::move(r.plan);
    review_.before = std::move(r.before);
    review_.after = std::move(r.after);
    review_.accept.assign(review_.plan.size(), true);
    for (size_t i = 0; i < review_.plan.size(); ++i) {
      const auto& s = review_.plan[i];
      auto it = before.find({s.doc, s.start, s.end});
      review_.accept[i] = !s.already_coded && (it == before.end() || it->second);
    }
    return;
  }
  if (r.job.query.offset == 0 && r.job.query.facets) {
    if (r.job.gen == pending_gen_) apply_first_page(r);
    return;
  }
  if (r.job.gen != shown_.gen) return;
  const int64_t page = r.job.query.offset / kPage;
  auto it = shown_.pages.find(page);
  if (it == shown_.pages.end() || !it->second.requested || it->second.loaded) return;
  it->second.loaded = true;
  it->second.hits = std::move(r.results.hits);
  const auto n = static_cast<int64_t>(it->second.hits.size());
  if (r.error == SearchReply::Error::none && n < kPage) {  // the estimate was high: the list ends here
    shown_.total = std::min(shown_.total, r.job.query.offset + n);
    shown_.exact = true;
  }
}

void SearchView::apply_first_page(const SearchReply& r) {
  waiting_first_ = false;
  if (r.error != SearchReply::Error::none) {
    error_ = QueryErrorState{r.message, r.job.typed.empty() ? r.job.query.text : r.job.typed, r.err_pos, r.err_len,
                             r.error == SearchReply::Error::no_index};
    if (!error_.no_index) shown_ = Shown{};
    return;
  }
  error_ = QueryErrorState{};
  Shown s;
  s.gen = r.job.gen;
  s.text = r.job.query.text;
  s.typed = r.job.typed.empty() ? r.job.query.text : r.job.typed;
  s.sort = r.job.query.sort;
  s.total = r.results.total;
  s.exact = r.results.exact;
  s.facets = r.results.facets;
  s.did_you_mean = r.results.did_you_mean;
  s.notes = r.results.notes;
  s.ms = r.ms;
  Page& p0 = s.pages[0];
  p0.requested = p0.loaded = true;
  p0.hits = r.results.hits;
  if (static_cast<int64_t>(p0.hits.size()) < kPage) {
    s.total = static_cast<int64_t>(p0.hits.size());
    s.exact = true;
  }
  shown_ = std::move(s);
  ++searches_run_;
}

bool SearchView::idle() const {
  return !sync_running_ && !dirty_ && !submit_now_ && !waiting_first_ && !review_.planning && !worker_.busy();
}

const index::Hit* SearchView::hit(int64_t rank) const {
  auto it = shown_.pages.find(rank / kPage);
  if (it == shown_.pages.end() || !it->second.loaded) return nullptr;
  const size_t i = static_cast<size_t>(rank % kPage);
  return i < it->second.hits.size() ? &it->second.hits[i] : nullptr;
}

std::optional<ImRect> SearchView::rect(const std::string& key) const {
  auto it = rects_.find(key);
  if (it == rects_.end()) return std::nullopt;
  return it->second;
}

void SearchView::remember(const std::string& key) {
  rects_[key] = ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

void SearchView::open_hit(const index::Hit& h) {
  int64_t s = h.start, e = h.end;  // a filter-only query matches whole passages
  if (!h.matches.empty()) {
    s = h.matches.front().start;
    e = h.matches.front().end;
  }
  add_history(shown_.typed);
  ws_.show_passage(h.doc, s, e);
}

// --- drawing -------------------------------------------------------------------------

void SearchView::draw() {
  rects_.clear();
  poll();
  if (!ws_.has_project()) return;
  if (refresh_on_show_ && !sync_running_) {  // the index moved while another view was shown
    refresh_on_show_ = false;
    if (!dirty_ && pending_gen_ != 0) submit(false);
  }
  if (refresh_set_docs() && pending_gen_ != 0) submit_now_ = true;  // the set's members changed
  if (submit_now_ || (dirty_ && ImGui::GetTime() - edited_at_ >= kDebounce)) submit(submit_now_);
  draw_query_bar();
  draw_status_line();
  const float facets_w = std::round(ImGui::GetFontSize() * 16);
  ImGui::BeginChild("##sea_facets", ImVec2(facets_w, 0), true);
  draw_facets();
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##sea_list", ImVec2(0, 0), true);
  draw_results();
  ImGui::EndChild();
  draw_review();
}

int SearchView::input_callback(ImGuiInputTextCallbackData* data) {
  auto* self = static_cast<SearchView*>(data->UserData);
  if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
    self->query_.resize(static_cast<size_t>(data->BufTextLen));
    data->Buf = self->query_.data();
  } else if (data->EventFlag == ImGuiInputTextFlags_CallbackHistory && !self->history_.empty()) {
    const int n = static_cast<int>(self->history_.size());
    int pos = self->history_pos_;
    if (data->EventKey == ImGuiKey_UpArrow) {
      if (pos == -1) self->history_draft_.assign(data->Buf, static_cast<size_t>(data->BufTextLen));
      pos = std::min(pos + 1, n - 1);
    } else if (data->EventKey == ImGuiKey_DownArrow) {
      pos = std::max(pos - 1, -1);
    }
    if (pos != self->history_pos_) {
      self->history_pos_ = pos;
      const std::string& s = pos == -1 ? self->history_draft_ : self->history_[static_cast<size_t>(pos)];
      data->DeleteChars(0, data->BufTextLen);
      data->InsertChars(0, s.c_str());
      self->dirty_ = true;
      self->edited_at_ = ImGui::GetTime();
    }
  }
  return 0;
}

void SearchView::draw_query_bar() {
  const ImGuiStyle& st = ImGui::GetStyle();
  const char* sorts[] = {tr(S::sea_sort_relevance), tr(S::sea_sort_newest), tr(S::sea_sort_oldest)};
  float right = ImGui::CalcTextSize(tr(S::sea_search_button)).x + ImGui::CalcTextSize(tr(S::sea_syntax_button)).x +
                ImGui::CalcTextSize(tr(S::sea_history_button)).x + ImGui::CalcTextSize(tr(S::sea_code_hits)).x +
                ImGui::GetFontSize() * 9 + st.FramePadding.x * 8 + st.ItemSpacing.x * 6 + ImGui::GetFrameHeight() +
                st.ItemInnerSpacing.x + ImGui::CalcTextSize(tr(S::sea_exact_words)).x +
                st.ItemSpacing.x;  // the Exact words checkbox
  ImGui::SetNextItemWidth(std::max(ImGui::GetFontSize() * 12, ImGui::GetContentRegionAvail().x - right));
  const ImGuiID id = ImGui::GetID("##sea_query");
  if (reload_text_) {  // the text changed from outside while the box was being edited
    reload_text_ = false;
    if (ImGui::GetActiveID() == id) {
      ImGui::ClearActiveID();
      focus_ = true;
    }
  }
  if (focus_) {
    ImGui::SetKeyboardFocusHere();
    focus_ = false;
  }
  ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, std::max(1.0f, ImGui::GetStyle().FrameBorderSize));
  const bool enter = ImGui::InputTextWithHint(
      "##sea_query", tr(S::sea_query_hint), query_.data(), query_.capacity() + 1,
      ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CallbackResize | ImGuiInputTextFlags_CallbackHistory,
      &SearchView::input_callback, this);
  ImGui::PopStyleVar();
  const ImRect box(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  remember("query");
  if (ImGui::IsItemHovered() && !ImGui::IsItemActive()) ImGui::SetTooltip("%s", tr(S::sea_query_tip));
  if (ImGui::IsItemEdited()) {
    dirty_ = true;
    edited_at_ = ImGui::GetTime();
    history_pos_ = -1;
    worker_.wake_at(std::chrono::steady_clock::now() +
                    std::chrono::milliseconds(static_cast<int>(kDebounce * 1000) + 10));
  }
  if (enter) {
    submit_now_ = true;
    focus_ = true;  // keep typing after Enter
  }
  // The malformed part of the query, underlined in place.
  if (!error_.message.empty() && !error_.no_index && error_.text == trim(query_)) {
    const size_t lead = query_.find_first_not_of(" \t\n");
    const text::OffsetMap map(error_.text);
    const size_t a = map.to_byte(error_.pos), b = map.to_byte(error_.pos + std::max<size_t>(error_.len, 1));
    const std::string before = query_.substr(0, (lead == std::string::npos ? 0 : lead) + a);
    const std::string part = error_.text.substr(a, b - a);
    const float x0 = box.Min.x + st.FramePadding.x + ImGui::CalcTextSize(before.c_str()).x;
    const float x1 = x0 + std::max(ImGui::CalcTextSize(part.c_str()).x, ImGui::GetFontSize() * 0.5f);
    if (x1 < box.Max.x) {
      const float y = box.Max.y - st.FramePadding.y * 0.5f;
      ImGui::GetWindowDrawList()->AddLine(ImVec2(x0, y), ImVec2(x1, y), IM_COL32(220, 40, 40, 255), 2.0f);
    }
  }

  ImGui::SameLine();
  if (ImGui::Button(tr(S::sea_search_button))) submit_now_ = true;
  ImGui::SameLine();
  if (ImGui::Button(tr(S::sea_syntax_button))) ImGui::OpenPopup("##sea_syntax");
  if (ImGui::BeginPopup("##sea_syntax")) {
    ImGui::TextDisabled("%s", tr(S::sea_syntax_title));
    ImGui::Separator();
    draw_syntax_table();
    ImGui::EndPopup();
  }
  ImGui::SameLine();
  if (ImGui::Button(tr(S::sea_history_button))) ImGui::OpenPopup("##sea_history");
  if (ImGui::BeginPopup("##sea_history")) {
    if (history_.empty()) ImGui::TextDisabled("%s", tr(S::sea_history_empty));
    for (size_t i = 0; i < history_.size(); ++i) {
      ImGui::PushID(static_cast<int>(i));
      if (ImGui::Selectable(history_[i].c_str())) {
        query_ = history_[i];
        reload_text_ = true;
        submit_now_ = true;
      }
      ImGui::PopID();
    }
    ImGui::EndPopup();
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
  int sort = static_cast<int>(sort_);
  if (ImGui::Combo("##sea_sort", &sort, sorts, 3)) {
    sort_ = static_cast<index::Query::Sort>(sort);
    submit_now_ = true;
  }
  ImGui::SameLine();
  const bool can_code = shown_.gen != 0 && shown_.total > 0 && shown_.gen == pending_gen_;
  ImGui::BeginDisabled(!can_code);
  if (ImGui::Button(tr(S::sea_code_hits))) open_review();
  ImGui::EndDisabled();
  remember("button:code_hits");
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", tr(S::sea_code_hits_tip));
  ImGui::SameLine();
  if (ImGui::Checkbox(tr(S::sea_exact_words), &exact_words_)) submit_now_ = true;
  remember("exact_words");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(S::sea_exact_words_tip));
}

bool SearchView::refresh_set_docs() {
  const store::Project* p = ws_.project();
  set_.refresh(ws_);  // a set deleted (or its creation undone) falls back to all documents
  const store::Id set = p ? set_.set() : 0;
  if (!set) {
    const bool had = set_docs_.has_value();
    set_docs_.reset();
    set_docs_for_ = 0;
    return had;
  }
  if (set == set_docs_for_ && p->revision() == set_docs_rev_) return false;
  std::optional<std::vector<store::Id>> docs;
  ws_.act([&] { docs = store::doc_set_members(*p, set); });
  set_docs_for_ = set;
  set_docs_rev_ = p->revision();
  if (!docs) docs = std::vector<store::Id>{};  // the set is gone: nothing until the choice falls back
  if (docs == set_docs_) return false;
  set_docs_ = std::move(docs);
  return true;
}

// The query language as a table of examples; clicking one puts it in the box.
void SearchView::draw_syntax_table() {
  const std::string body = tr(S::sea_syntax_body);
  if (!ImGui::BeginTable("##sea_syntax_table", 2, ImGuiTableFlags_SizingFixedFit)) return;
  size_t i = 0;
  int row = 0;
  std::string notes;  // lines without an example, under the table
  while (i <= body.size()) {
    size_t e = body.find('\n', i);
    if (e == std::string::npos) e = body.size();
    const std::string line = body.substr(i, e - i);
    const size_t tab = line.find('\t');
    if (tab == std::string::npos) {
      notes += line + "\n";
      i = e + 1;
      continue;
    }
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    {
      const std::string example = line.substr(0, tab);
      ImGui::PushID(row++);
      if (ImGui::Selectable(example.c_str(), false, ImGuiSelectableFlags_SpanAllColumns)) {
        query_ = example;
        reload_text_ = true;
        submit_now_ = true;
        focus_ = true;
        ImGui::CloseCurrentPopup();
      }
      ImGui::PopID();
      ImGui::TableSetColumnIndex(1);
      ImGui::TextDisabled("%s", line.substr(tab + 1).c_str());
    }
    i = e + 1;
  }
  ImGui::EndTable();
  if (!notes.empty()) {
    ImGui::Spacing();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 40);
    ImGui::TextUnformatted(notes.c_str());
    ImGui::PopTextWrapPos();
  }
}

// One line under the query: the error, "did you mean", the count, the index.
void SearchView::draw_status_line() {
  char buf[160];
  ImGui::AlignTextToFramePadding();
  if (!error_.message.empty() && !error_.no_index) {
    ImGui::TextColored(ImVec4(0.85f, 0.2f, 0.2f, 1.0f), "%s%s", tr(S::sea_query_error), error_.message.c_str());
  } else if (shown_.gen != 0) {
    std::snprintf(buf, sizeof buf,
                  tr(shown_.exact ? (shown_.total == 1 ? S::sea_total_one : S::sea_total)
                                  : (shown_.total == 1 ? S::sea_total_about_one : S::sea_total_about)),
                  static_cast<long long>(shown_.total));
    ImGui::TextUnformatted(buf);
    ImGui::SameLine();
    std::snprintf(buf, sizeof buf, tr(S::sea_elapsed), shown_.ms);
    ImGui::TextDisabled("%s", buf);
    if (!shown_.did_you_mean.empty()) {
      ImGui::SameLine(0, ImGui::GetFontSize());
      ImGui::TextUnformatted(tr(S::sea_did_you_mean));
      ImGui::SameLine();
      if (ImGui::SmallButton(shown_.did_you_mean.c_str())) {
        query_ = shown_.did_you_mean;
        reload_text_ = true;
        submit_now_ = true;
      }
    }
  } else {
    ImGui::TextDisabled("%s", "");
  }
  if (waiting_first_ || worker_.busy()) {
    ImGui::SameLine(0, ImGui::GetFontSize());
    ImGui::TextDisabled("%s", tr(S::sea_searching));
  }
  // The index, at the right.
  std::string idx;
  float frac = -1;
  if (sync_running_) {
    const auto stage = static_cast<index::Stage>(sync_status_->stage.load());
    const long long d = sync_status_->done, t = sync_status_->total;
    if (stage == index::Stage::indexing && t > 0) {
      std::snprintf(buf, sizeof buf, tr(t == 1 ? S::sea_index_progress_one : S::sea_index_progress), d, t);
      idx = buf;
      frac = static_cast<float>(d) / static_cast<float>(t);
    } else if (stage == index::Stage::merging || stage == index::Stage::finishing) {
      idx = tr(S::sea_index_finishing);
    } else {
      idx = tr(S::sea_index_checking);
    }
  } else if (!sync_error_.empty()) {
    idx = std::string(tr(S::sea_index_failed)) + sync_error_;
  } else if (index_revision_ >= 0) {
    std::snprintf(buf, sizeof buf, tr(S::sea_index_ready), static_cast<long long>(index_revision_));
    idx = buf;
  }
  if (!idx.empty()) {
    const float bar_w = frac >= 0 ? ImGui::GetFontSize() * 6 : 0;
    const float w = std::min(ImGui::CalcTextSize(idx.c_str()).x, ImGui::GetFontSize() * 30);
    ImGui::SameLine(std::max(ImGui::GetCursorPosX() + ImGui::GetFontSize(),
                             ImGui::GetContentRegionMax().x - w - bar_w - ImGui::GetStyle().ItemSpacing.x));
    if (frac >= 0) {
      ImGui::ProgressBar(frac, ImVec2(bar_w, ImGui::GetTextLineHeight()), "");
      ImGui::SameLine();
    }
    const std::string shown = widgets::ellipsize(idx, w + 1);
    if (!sync_error_.empty())
      ImGui::TextColored(ImVec4(0.85f, 0.2f, 0.2f, 1.0f), "%s", shown.c_str());
    else
      ImGui::TextDisabled("%s", shown.c_str());
    if (ImGui::IsItemHovered() && shown != idx) ImGui::SetTooltip("%s", idx.c_str());
  }
}

void SearchView::draw_facet_group(S title, const char* field, const std::vector<index::FacetValue>& values) {
  if (values.empty()) return;
  ImGui::Spacing();
  ImGui::TextDisabled("%s", tr(title));
  const float w = ImGui::GetContentRegionAvail().x;
  const std::string f = field;
  std::vector<index::FacetValue> sorted = values;
  if (f == "year")  // years read best in order; the others by count, as they come
    std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.value < b.value; });
  for (const auto& v : sorted) {
    std::string label = v.value, tip = v.value;
    const CodeInfo* code = nullptr;
    if (f == "type")
      label = source_type_label(v.value);
    else if (f == "lang")
      label = lang_label(v.value);
    else if (f == "code") {  // the code's own name after its colour; the path in the tooltip
      for (const auto& c : ws_.cache().codes)
        if (c.path == v.value) code = &c;
      if (code) label = code->code.name;
    }
    const float chip = code ? ImGui::GetFontSize() * 0.9f : 0.0f;
    const bool on = has_filter(shown_.typed, field, v.value);
    const std::string count = std::to_string(v.count);
    const float cw = ImGui::CalcTextSize(count.c_str()).x;
    const std::string shown = widgets::ellipsize(label, w - cw - chip - ImGui::GetFontSize() * 1.5f);
    ImGui::PushID(field);
    ImGui::PushID(v.value.c_str());
    if (ImGui::Selectable("##facet", on, 0, ImVec2(w, 0))) {
      query_ = toggle_filter(shown_.typed.empty() ? trim(query_) : shown_.typed, field, v.value);
      reload_text_ = true;
      submit_now_ = true;
    }
    remember(std::string("facet:") + field + ":" + v.value);
    if (ImGui::IsItemHovered() && (shown != label || tip != label)) ImGui::SetTooltip("%s", tip.c_str());
    const ImVec2 a = ImGui::GetItemRectMin();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 col = ImGui::GetColorU32(ImGuiCol_Text), dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const float x0 = a.x + ImGui::GetFontSize() * 0.3f;
    if (code) {
      const float sz = ImGui::GetFontSize() * 0.6f, y = a.y + (ImGui::GetTextLineHeight() - sz) * 0.5f;
      dl->AddRectFilled(ImVec2(x0, y), ImVec2(x0 + sz, y + sz), code->colour, sz * 0.2f);
    }
    dl->AddText(ImVec2(x0 + chip, a.y), col, shown.c_str());
    dl->AddText(ImVec2(a.x + w - cw, a.y), on ? col : dim, count.c_str());
    ImGui::PopID();
    ImGui::PopID();
  }
}

void SearchView::draw_facets() {
  // The document set searched (above the facets, which count only its documents).
  if (set_.draw(
          ws_, "##sea_set", [&](const std::string& k) { remember(k); }, -1))
    submit_now_ = true;
  ImGui::TextUnformatted(tr(S::sea_filters));
  ImGui::SameLine();
  widgets::help_marker(tr(S::sea_filters_hint));
  ImGui::Separator();
  if (shown_.gen == 0) return;
  draw_facet_group(S::sea_facet_type, "type", shown_.facets.source_type);
  draw_facet_group(S::sea_facet_year, "year", shown_.facets.year);
  draw_facet_group(S::sea_facet_lang, "lang", shown_.facets.language);
  draw_facet_group(S::sea_facet_outlet, "outlet", shown_.facets.outlet);
  draw_facet_group(S::sea_facet_code, "code", shown_.facets.code);
}

void SearchView::draw_results() {
  if (shown_.gen == 0) {
    const char* msg = error_.no_index           ? tr(S::sea_index_not_ready)
                      : !error_.message.empty() ? ""
                      : trim(query_).empty()    ? tr(S::sea_empty_hint)
                                                : "";
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", msg);
    ImGui::PopTextWrapPos();
    if (trim(query_).empty()) {  // nothing asked yet: how to ask
      ImGui::Spacing();
      ImGui::TextUnformatted(tr(S::sea_syntax_title));
      ImGui::Separator();
      draw_syntax_table();
    }
    return;
  }
  for (const auto& n : shown_.notes) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", n.c_str());
    ImGui::PopTextWrapPos();
  }
  if (shown_.total == 0) {
    ImGui::TextDisabled("%s", tr(S::sea_no_results));
    return;
  }
  const bool stale = shown_.gen != pending_gen_;
  const float lh = ImGui::GetTextLineHeight(), pad = ImGui::GetStyle().ItemSpacing.y;
  const float row_h = std::round(lh * 4 + pad * 3);
  const float w = ImGui::GetContentRegionAvail().x;
  ImGui::BeginChild("##sea_rows", ImVec2(0, 0), false);
  rects_["list"] = ImGui::GetCurrentWindow()->Rect();
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(std::min<int64_t>(shown_.total, INT_MAX)), row_h);
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const index::Hit* h = hit(i);
      if (h) {
        draw_hit(*h, i, w - ImGui::GetStyle().ScrollbarSize, row_h, stale);
        continue;
      }
      auto it = shown_.pages.find(i / kPage);
      if (it == shown_.pages.end() || !it->second.requested) request_page(i / kPage);
      ImGui::Dummy(ImVec2(w, row_h));
      ImGui::GetWindowDrawList()->AddText(ImVec2(ImGui::GetItemRectMin().x + pad, ImGui::GetItemRectMin().y + pad),
                                          ImGui::GetColorU32(ImGuiCol_TextDisabled), tr(S::sea_loading_row));
    }
  }
  // Ask for the next page a little before the list gets there.
  const int64_t ahead = (static_cast<int64_t>(clipper.DisplayEnd) + kPage / 2) / kPage;
  if (ahead * kPage < shown_.total) {
    auto it = shown_.pages.find(ahead);
    if (it == shown_.pages.end() || !it->second.requested) request_page(ahead);
  }
  ImGui::PopStyleVar();
  ImGui::EndChild();
}

void SearchView::draw_hit(const index::Hit& h, int64_t rank, float width, float row_h, bool stale) {
  ImGui::PushID(static_cast<int>(rank));
  const bool clicked = ImGui::InvisibleButton("##hit", ImVec2(width, row_h));
  const bool hovered = ImGui::IsItemHovered();
  ImGui::PopID();
  remember("hit:" + std::to_string(rank));
  const ImRect r(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImGuiStyle& st = ImGui::GetStyle();
  const float lh = ImGui::GetTextLineHeight(), pad = st.ItemSpacing.y;
  if (hovered) dl->AddRectFilled(r.Min, r.Max, ImGui::GetColorU32(ImGuiCol_HeaderHovered, 0.3f), 3.0f);
  const float alpha = stale ? 0.55f : 1.0f;
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text, alpha), dim = ImGui::GetColorU32(ImGuiCol_TextDisabled, alpha);
  const float x = r.Min.x + pad * 2, inner = width - pad * 4;
  float y = r.Min.y + pad;
  // Rank and title.
  const std::string num = std::to_string(rank + 1) + ".";
  const float nw = ImGui::CalcTextSize(num.c_str()).x + ImGui::GetFontSize() * 0.4f;
  dl->AddText(ImVec2(x, y), dim, num.c_str());
  dl->AddText(ImVec2(x + nw, y), text, widgets::ellipsize(one_line(h.title), inner - nw).c_str());
  y += lh + pad * 0.5f;
  // Source type, date, outlet, speaker, passages.
  std::string meta = source_type_label(h.source_type);
  if (!h.date.empty()) meta += "  \xC2\xB7  " + h.date;
  if (!h.outlet.empty()) meta += "  \xC2\xB7  " + h.outlet;
  if (!h.language.empty()) meta += "  \xC2\xB7  " + lang_label(h.language);
  if (!h.speaker.empty()) meta += "  \xC2\xB7  " + h.speaker;
  if (h.passages.size() > 1) {
    char buf[64];
    std::snprintf(buf, sizeof buf, tr(h.passages.size() == 1 ? S::sea_passages_one : S::sea_passages),
                  static_cast<int>(h.passages.size()));
    meta += "  \xC2\xB7  ";
    meta += buf;
  }
  dl->AddText(ImVec2(x + nw, y), dim, widgets::ellipsize(meta, inner - nw).c_str());
  y += lh + pad * 0.5f;
  draw_snippet(dl, ImVec2(x + nw, y), inner - nw, 2, h.snippet, h.snippet_marks, text,
               stale ? with_alpha(ws_.look().palette.find, 0.2f) : ws_.look().palette.find, h.snippet_start > h.start);
  dl->AddLine(ImVec2(r.Min.x, r.Max.y - 0.5f), ImVec2(r.Max.x, r.Max.y - 0.5f),
              ImGui::GetColorU32(ImGuiCol_Separator, 0.5f));
  if (clicked) open_hit(h);
}

}  // namespace telaah::ui
