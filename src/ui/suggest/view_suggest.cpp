// The suggestions review queue (see view_suggest.h).
#include "ui/suggest/view_suggest.h"

#include <algorithm>
#include <cstdio>

#include "index/search.h"
#include "text/utf8.h"
#include "ui/shell/app.h"
#include "ui/shell/shortcuts.h"
#include "ui/shell/strings.h"
#include "ui/shell/workspace.h"

namespace telaah::ui {

namespace {

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// A searchable list of codes; returns the one clicked.
std::optional<store::Id> code_list(const Workspace& ws, const std::string& filter, store::Id current, float height) {
  std::optional<store::Id> picked;
  ImGui::BeginChild("##codes", ImVec2(0, height), true);
  const std::string f = lower(filter);
  for (const auto& c : ws.cache().codes) {
    if (!f.empty() && lower(c.path).find(f) == std::string::npos) continue;
    char label[512];
    std::snprintf(label, sizeof label, "%s  (%lld)##c%lld", c.path.c_str(), static_cast<long long>(c.total),
                  static_cast<long long>(c.code.id));
    if (ImGui::Selectable(label, c.code.id == current)) picked = c.code.id;
  }
  ImGui::EndChild();
  return picked;
}

}  // namespace

SuggestView::SuggestView(Workspace& ws) : ws_(ws) {}

SuggestView* SuggestView::of(App& app) {
  return dynamic_cast<SuggestView*>(app.view(kKey));
}

bool SuggestView::available() const {
  const store::Project* p = ws_.project();
  if (!p) return false;
  const int64_t rev = p->revision();
  if (rev != enabled_rev_) {
    enabled_ = store::suggestions_enabled(*p);
    enabled_rev_ = rev;
  }
  return enabled_;
}

void SuggestView::project_changed() {
  ++gen_;  // a computation under way is dropped when it lands
  list_.clear();
  decisions_.clear();
  cursor_ = 0;
  code_ = 0;
  computing_ = false;
  message_.clear();
  enabled_rev_ = -2;
}

void SuggestView::set_code(store::Id code) {
  if (code == code_) return;
  apply();  // decisions belong to the code they were made for
  code_ = code;
  list_.clear();
  cursor_ = 0;
}

void SuggestView::request() {
  if (!available() || !code_) return;
  apply();
  index::SuggestOptions opt;
  opt.scope = scope_;
  opt.limit = 50;
  index::SuggestRequest req;
  try {
    req = index::suggest_request(*ws_.project(), code_, opt);  // a few reads of the project; the work is below
  } catch (const std::exception& e) {
    message_ = e.what();
    list_.clear();
    return;
  }
  const uint64_t gen = ++gen_;
  computing_ = true;
  ++started_;
  message_.clear();
  const std::filesystem::path path = ws_.project_path();
  ws_.tasks().start(
      tr(S::sug_working),
      [this, gen, path, req](TaskProgress&) -> std::function<void()> {
        std::string error;
        index::SuggestResult res;
        try {
          auto idx = index::Index::open(path);
          if (!idx->ready())  // the window keeps the index in step (the search view's sync): never a second writer
            throw UserError(tr(S::sug_no_index));
          res = index::suggest(*idx, req);
        } catch (const Xapian::Error& e) {
          error = index::index_error_sentence(e);
        } catch (const std::exception& e) {
          error = e.what();
        }
        return [this, gen, res = std::move(res), error] {
          if (gen != gen_) return;  // another code, scope or project since
          computing_ = false;
          list_ = res.suggestions;
          model_ = res.model;
          message_ = error;
          cursor_ = 0;
          scroll_to_cursor_ = true;
        };
      },
      TaskRunner::Kind::awaited);
}

void SuggestView::move(int by) {
  if (list_.empty()) return;
  cursor_ = std::clamp(cursor_ + by, 0, static_cast<int>(list_.size()) - 1);
  scroll_to_cursor_ = true;
}

void SuggestView::decide(store::SuggestionDecision::Kind k, store::Id code) {
  if (list_.empty() || cursor_ < 0 || cursor_ >= static_cast<int>(list_.size())) return;
  decisions_[list_[static_cast<size_t>(cursor_)].id] = {k, code};
  move(1);
}

void SuggestView::choose_other(store::Id code) {
  decide(store::SuggestionDecision::Kind::accept, code);
  open_other_ = false;
}

int SuggestView::apply() {
  if (decisions_.empty() || !code_ || !ws_.project()) return 0;
  std::vector<store::SuggestionDecision> ds;
  for (const auto& s : list_) {
    auto d = decisions_.find(s.id);
    if (d == decisions_.end()) continue;
    ds.push_back({d->second.kind, s.doc, s.start, s.end, d->second.code});
  }
  int accepted = 0, rejected = 0;
  for (const auto& d : ds) (d.kind == store::SuggestionDecision::Kind::accept ? accepted : rejected) += 1;
  const int n = static_cast<int>(ds.size());
  const store::Id code = code_;
  bool ok = ws_.write([&](store::Project& p) { store::apply_suggestion_decisions(p, code, ds); });
  if (!ok) return 0;  // the error is shown by the workspace; the decisions stay
  char buf[256];
  std::snprintf(buf, sizeof buf, tr(S::sug_applied), accepted, rejected);
  ws_.set_undoable_status(buf);
  // Decided suggestions leave the queue.
  std::vector<index::Suggestion> rest;
  for (auto& s : list_)
    if (!decisions_.count(s.id)) rest.push_back(std::move(s));
  list_ = std::move(rest);
  decisions_.clear();
  cursor_ = std::min(cursor_, std::max(0, static_cast<int>(list_.size()) - 1));
  return n;
}

void SuggestView::menu_items(Menu m) {
  if (m != Menu::view || !available() || ws_.shown_view() != kKey) return;
  char label[96];
  std::snprintf(label, sizeof label, tr(S::sug_apply), static_cast<int>(decisions_.size()));
  if (menu_item(label, Command::suggest_apply, false, !decisions_.empty())) apply();
}

void SuggestView::shortcuts() {
  if (!available()) return;
  ImGuiIO& io = ImGui::GetIO();
  if (open_other_) return;  // the picker has the keyboard
  using K = store::SuggestionDecision::Kind;
  for (ImWchar c : io.InputQueueCharacters) {
    if (typed(Command::suggest_next, c))
      move(1);
    else if (typed(Command::suggest_previous, c))
      move(-1);
    else if (typed(Command::suggest_accept, c))
      decide(K::accept, code_);
    else if (typed(Command::suggest_reject, c))
      decide(K::reject, code_);
    else if (typed(Command::suggest_skip, c)) {
      if (!list_.empty()) decisions_.erase(list_[static_cast<size_t>(cursor_)].id);
      move(1);
    } else if (typed(Command::suggest_other, c) && !list_.empty()) {
      open_other_ = true;
      other_filter_[0] = 0;
    }
  }
  if (pressed(Command::suggest_apply)) apply();
}

void SuggestView::draw_controls() {
  const auto* p = ws_.project();
  std::string current = tr(S::sug_choose);
  for (const auto& c : ws_.cache().codes)
    if (c.code.id == code_) current = c.path;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18);
  if (ImGui::BeginCombo(tr(S::sug_code), current.c_str(), ImGuiComboFlags_HeightLarge)) {
    ImGui::SetNextItemWidth(-1);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::InputTextWithHint("##codefilter", tr(S::sug_code_hint), code_filter_, sizeof code_filter_);
    if (auto id = code_list(ws_, code_filter_, code_, ImGui::GetFontSize() * 16)) {
      set_code(*id);
      ImGui::CloseCurrentPopup();
      request();
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  const S scopes[] = {S::sug_scope_sentence, S::sug_scope_paragraph, S::sug_scope_hit};
  const index::Scope values[] = {index::Scope::sentence, index::Scope::paragraph, index::Scope::hit};
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
  int at = scope_ == index::Scope::sentence ? 0 : scope_ == index::Scope::paragraph ? 1 : 2;
  if (ImGui::Combo(
          tr(S::sug_scope), &at,
          [](void* d, int i, const char** out) {
            *out = tr(static_cast<const S*>(d)[i]);
            return true;
          },
          const_cast<S*>(scopes), 3)) {
    scope_ = values[at];
    request();
  }
  ImGui::SameLine();
  ImGui::BeginDisabled(!code_ || computing_);
  if (ImGui::Button(tr(S::sug_suggest))) request();
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(decisions_.empty());
  char label[96];
  std::snprintf(label, sizeof label, tr(S::sug_apply), static_cast<int>(decisions_.size()));
  if (ImGui::Button(label)) apply();
  ImGui::EndDisabled();
  (void)p;
  ImGui::TextDisabled("%s  %s", tr(S::sug_keys), tr(S::sug_local));
}

void SuggestView::draw_list(float width, float height) {
  ImGui::BeginChild("##suggestions", ImVec2(width, height), true);
  for (size_t i = 0; i < list_.size(); ++i) {
    const auto& s = list_[i];
    std::string mark = "   ";
    if (auto d = decisions_.find(s.id); d != decisions_.end())
      mark = d->second.kind == store::SuggestionDecision::Kind::reject ? "[R]"
             : d->second.code == code_                                 ? "[A]"
                                                                       : "[O]";
    std::string q = s.quote;
    if (text::count_code_points(q) > 90) {
      text::OffsetMap m(q);
      q = std::string(text::slice_cp(q, m, 0, 88)) + "\xE2\x80\xA6";
    }
    for (auto& c : q)
      if (c == '\n') c = ' ';
    ImGui::PushID(static_cast<int>(i));
    if (ImGui::Selectable((mark + " " + q).c_str(), static_cast<int>(i) == cursor_)) cursor_ = static_cast<int>(i);
    if (static_cast<int>(i) == cursor_ && scroll_to_cursor_) {
      ImGui::SetScrollHereY(0.3f);
      scroll_to_cursor_ = false;
    }
    ImGui::PopID();
  }
  ImGui::EndChild();
}

void SuggestView::draw_detail() {
  ImGui::BeginChild("##detail", ImVec2(0, 0), true);
  if (list_.empty() || cursor_ >= static_cast<int>(list_.size())) {
    ImGui::EndChild();
    return;
  }
  const auto& s = list_[static_cast<size_t>(cursor_)];
  ImGui::TextDisabled("%s  \xC2\xB7  %s", s.title.c_str(), s.id.c_str());
  // The passage in context: the paragraph around the span, the span itself highlighted by brackets.
  const store::Project* p = ws_.project();
  std::string before, after;
  if (p) {
    try {
      const std::string text = p->text(s.doc);
      text::OffsetMap m(text);
      const int64_t len = static_cast<int64_t>(m.size_cp());
      before = std::string(text::slice_cp(text, m, std::max<int64_t>(0, s.passage_start), std::min(s.start, len)));
      after = std::string(text::slice_cp(text, m, std::min(s.end, len), std::min(s.passage_end, len)));
    } catch (const std::exception&) {
    }
  }
  ImGui::PushTextWrapPos(0);
  if (!before.empty()) ImGui::TextDisabled("%s", before.c_str());
  ImGui::TextUnformatted(s.quote.c_str());
  if (!after.empty()) ImGui::TextDisabled("%s", after.c_str());
  ImGui::Separator();
  std::string why;
  char buf[64];
  for (const auto& t : s.terms) {
    std::snprintf(buf, sizeof buf, "%.2f", t.weight);
    why += (why.empty() ? "" : ", ") + t.term + " " + buf;
  }
  ImGui::Text("%s: %s", tr(S::sug_why), why.c_str());
  if (s.similar.end > s.similar.start) {
    ImGui::Text("%s (%s):", tr(S::sug_like), s.similar.title.c_str());
    ImGui::TextDisabled("%s", s.similar.quote.c_str());
  }
  if (!s.demoted_by.empty()) {
    std::string d;
    for (const auto& t : s.demoted_by) d += " " + t;
    char head[128];
    std::snprintf(head, sizeof head, tr(S::sug_demoted), static_cast<int>(s.demotion * 100 + 0.5));
    ImGui::Text("%s%s", head, d.c_str());
  }
  ImGui::PopTextWrapPos();
  ImGui::EndChild();
}

void SuggestView::draw_other_picker() {
  if (open_other_) ImGui::OpenPopup("##other");
  if (ImGui::BeginPopup("##other")) {
    ImGui::TextUnformatted(tr(S::sug_other_title));
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::InputTextWithHint("##otherfilter", tr(S::sug_code_hint), other_filter_, sizeof other_filter_);
    if (auto id = code_list(ws_, other_filter_, 0, ImGui::GetFontSize() * 14)) {
      choose_other(*id);
      ImGui::CloseCurrentPopup();
    }
    if (ImGui::IsKeyPressed(ImGuiKey_Escape)) {
      open_other_ = false;
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  } else {
    open_other_ = false;
  }
}

void SuggestView::draw() {
  if (!available()) return;
  draw_controls();
  if (computing_) ImGui::TextUnformatted(tr(S::sug_working));
  if (!message_.empty()) ImGui::TextWrapped("%s", message_.c_str());
  if (!code_ && !computing_) ImGui::TextDisabled("%s", tr(S::sug_pick_code));
  if (code_ && !computing_ && message_.empty() && list_.empty() && started_ > 0)
    ImGui::TextDisabled("%s", tr(S::sug_none));
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const bool narrow = avail.x < ImGui::GetFontSize() * 45;
  if (narrow) {
    draw_list(0, avail.y * 0.45f);
    draw_detail();
  } else {
    draw_list(avail.x * 0.45f, 0);
    ImGui::SameLine();
    draw_detail();
  }
  draw_other_picker();
}

}  // namespace telaah::ui
