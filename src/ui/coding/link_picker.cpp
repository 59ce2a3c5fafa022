// "Link to…": choose the other coding, then the relation (see link_picker.h).
#include "ui/coding/link_picker.h"

#include <algorithm>
#include <chrono>
#include <cstring>

#include "text/utf8.h"
#include "ui/shell/strings.h"
#include "ui/widgets/widgets.h"

namespace telaah::ui {

namespace {
constexpr size_t kQuoteCp = 90;  // what a row shows and the filter matches of a quote

bool key(ImGuiKey k) {
  return ImGui::IsKeyPressed(ImGui::GetKeyIndex(k), true);
}
}  // namespace

std::string relation_label(const std::string& name) {
  if (name == "corroborates") return tr(S::lnk_rel_corroborates);
  if (name == "contradicts") return tr(S::lnk_rel_contradicts);
  if (name == "explains") return tr(S::lnk_rel_explains);
  if (name == "impedes") return tr(S::lnk_rel_impedes);
  return name;
}

CodingRows read_coding_rows(const store::Project& p, TaskProgress& progress) {
  CodingRows out;
  store::Id text_of = 0;
  std::string text;
  text::OffsetMap map;
  p.for_each_coding({}, [&](const store::Coding& c) {
    if (c.doc != text_of) {  // codings come by document: each text read once
      text_of = c.doc;
      text = p.text(c.doc);
      map = text::OffsetMap(text);
      if (out.rows.size() % 4096 == 0) progress.set(0, "");
    }
    CodingRow r;
    r.id = c.id;
    r.doc = c.doc;
    r.code = c.code;
    r.start = c.start;
    const auto s = text::slice_cp(text, map, static_cast<size_t>(c.start),
                                  static_cast<size_t>(std::min<int64_t>(c.end, c.start + 2 * kQuoteCp)));
    r.quote = text::one_line(s, kQuoteCp, "\xE2\x80\xA6");
    out.lower.push_back(lower_ascii(r.quote));
    out.rows.push_back(std::move(r));
  });
  return out;
}

void LinkPicker::open(store::Id from) {
  open_ = appearing_ = true;
  from_ = from;
  to_ = 0;
  query_.clear();
  applied_ = "\x01";
  chosen_ = 0;
  new_relation_ = false;
}

void LinkPicker::open_relation(store::Id from, store::Id to) {
  open_ = appearing_ = true;
  from_ = from;
  to_ = to;
  rel_chosen_ = 0;
  rel_focus_ = true;
  new_relation_ = false;
}

void LinkPicker::project_changed() {
  open_ = false;
  rows_.reset();
  rows_at_ = nullptr;
  applied_ = "\x01";
  hits_.clear();
  types_.clear();
  types_rev_ = -1;
}

const CodingRow* LinkPicker::row(uint32_t i) const {
  return rows_at_ && i < rows_at_->rows.size() ? &rows_at_->rows[i] : nullptr;
}

std::optional<ImRect> LinkPicker::row_rect(store::Id coding) const {
  for (const auto& [id, r] : row_rects_)
    if (id == coding) return r;
  return std::nullopt;
}

void LinkPicker::restart_scan(bool narrower) {
  scan_all_ = !narrower;
  if (narrower)
    scan_from_.swap(hits_);
  else
    scan_from_.clear();
  hits_.clear();
  scan_at_ = 0;
  scan_n_ = scan_all_ ? (rows_at_ ? rows_at_->rows.size() : 0) : scan_from_.size();
  chosen_ = 0;
  scroll_to_chosen_ = true;
}

void LinkPicker::set_query(const ProjectCache& cache, const std::string& q) {
  query_ = q;
  const CodingRows* rows = rows_.get() ? rows_.get()->get() : nullptr;
  const std::string needle = lower_ascii(q);
  if (rows == rows_at_ && needle == applied_) return;
  // A longer query can only match rows the shorter one matched (once that scan is complete).
  const bool narrower = rows == rows_at_ && applied_ != "\x01" && complete() && needle.size() > applied_.size() &&
                        needle.compare(0, applied_.size(), applied_) == 0;
  rows_at_ = rows;
  applied_ = needle;
  // The few codes and documents whose names match: a row matches by them without reading its quote.
  code_hits_.clear();
  doc_hits_.clear();
  if (!needle.empty()) {
    for (const CodeInfo& c : cache.codes)
      if (lower_ascii(c.path).find(needle) != std::string::npos) code_hits_.insert(c.code.id);
    for (const DocInfo& d : cache.docs)
      if (lower_ascii(d.doc.title).find(needle) != std::string::npos) doc_hits_.insert(d.doc.id);
  }
  restart_scan(narrower);
}

bool LinkPicker::step(double budget_ms) {
  if (!rows_at_) return true;
  const auto t0 = std::chrono::steady_clock::now();
  const CodingRows& rs = *rows_at_;
  while (scan_at_ < scan_n_) {
    const size_t end = std::min(scan_n_, scan_at_ + 2048);
    for (; scan_at_ < end; ++scan_at_) {
      const uint32_t i = scan_all_ ? static_cast<uint32_t>(scan_at_) : scan_from_[scan_at_];
      const CodingRow& r = rs.rows[i];
      if (r.id == from_) continue;
      if (applied_.empty() || code_hits_.count(r.code) || doc_hits_.count(r.doc) ||
          rs.lower[i].find(applied_) != std::string::npos)
        hits_.push_back(i);
    }
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    if (ms >= budget_ms) break;
  }
  return complete();
}

std::optional<store::Id> LinkPicker::draw(Workspace& ws) {
  row_rects_.clear();
  if (!open_ || !ws.has_project()) return std::nullopt;
  ws.need_glyphs("\xE2\x86\x90\xE2\x86\x91\xE2\x86\x92\xE2\x86\x93\xE2\x86\x94");  // the arrows of the hints and
                                                                                   // relations: ← ↑ → ↓ ↔
  const ImGuiIO& io = ImGui::GetIO();
  const float fs = ImGui::GetFontSize();
  const float w = std::min(fs * 42, io.DisplaySize.x * 0.92f);
  if (appearing_) {
    ImGui::SetNextWindowPos(ImVec2((io.DisplaySize.x - w) * 0.5f, io.DisplaySize.y * 0.1f), ImGuiCond_Appearing);
    ImGui::SetNextWindowFocus();  // also after a drop from another pane: the keys are the picker's
  }
  const store::Id to_before = to_;
  ImGui::SetNextWindowSize(ImVec2(w, 0));
  bool open = true;
  std::optional<store::Id> made;
  if (ImGui::Begin(tr(S::lnk_picker_title), &open,
                   ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoResize)) {
    // The coding linked from.
    store::Coding from;
    bool from_ok = ws.act([&] { from = ws.project()->coding(from_); });
    if (!from_ok) {
      open_ = false;
    } else {
      const CodeInfo* ci = ws.cache().code(from.code);
      const DocInfo* di = ws.cache().doc(from.doc);
      ImGui::TextDisabled("%s#%lld %s \xC2\xB7 %s", tr(S::lnk_picker_from), static_cast<long long>(from.id),
                          ci ? ci->path.c_str() : "?", di ? di->doc.title.c_str() : "?");
      if (to_ == 0)
        draw_codings(ws);
      else
        made = draw_relations(ws);
    }
  }
  // The step changed this frame (a row taken, a drop on a row, Esc back to the list): focus it next frame.
  appearing_ = open_ && to_ != to_before;
  ImGui::End();
  if (!open) open_ = false;
  return made;
}

void LinkPicker::draw_codings(Workspace& ws) {
  const ProjectCache& cache = ws.cache();
  rows_.want(ws, ws.project()->revision(), tr(S::lnk_picker_loading),
             [](const store::Project& p, TaskProgress& tp) -> std::shared_ptr<const CodingRows> {
               return std::make_shared<const CodingRows>(read_coding_rows(p, tp));
             });
  const float fs = ImGui::GetFontSize();
  const bool focus_box = ImGui::IsWindowAppearing() || appearing_;
  if (focus_box) ImGui::SetKeyboardFocusHere();
  ImGui::SetNextItemWidth(-1);
  const bool enter =
      widgets::input_text_hint("##linkq", tr(S::lnk_picker_hint), &query_, ImGuiInputTextFlags_EnterReturnsTrue);
  const bool box_active = ImGui::IsItemActive();
  // Typed right after L, before the box has the keyboard (it gets it a frame later): kept, not lost.
  if (focus_box && !box_active)
    for (ImWchar ch : ImGui::GetIO().InputQueueCharacters)
      if (ch >= 0x20) text::append_utf8(query_, static_cast<char32_t>(ch));
  if (box_active)  // Up and Down choose a row; they do not move ImGui's focus off the box
    GImGui->ActiveIdUsingNavDirMask |= (1 << ImGuiDir_Up) | (1 << ImGuiDir_Down);
  set_query(cache, query_);
  if (!rows_at_) {
    ImGui::TextDisabled("%s", tr(S::lnk_picker_loading));
    ws.keep_drawing();
    return;
  }
  if (!step(4.0)) ws.keep_drawing();  // the rest next frame
  const int n = static_cast<int>(hits_.size());
  const int before = chosen_;
  if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows)) {
    if (key(ImGuiKey_DownArrow)) ++chosen_;
    if (key(ImGuiKey_UpArrow)) --chosen_;
    if (key(ImGuiKey_PageDown)) chosen_ += 10;
    if (key(ImGuiKey_PageUp)) chosen_ -= 10;
    if (key(ImGuiKey_Escape)) open_ = false;
  }
  chosen_ = std::clamp(chosen_, 0, std::max(0, n - 1));
  if (chosen_ != before) scroll_to_chosen_ = true;
  const float row_h = ImGui::GetTextLineHeightWithSpacing();
  const float list_h = row_h * static_cast<float>(std::clamp(n, 1, 12)) + ImGui::GetStyle().WindowPadding.y;
  ImGui::BeginChild("##linklist", ImVec2(0, list_h), false, ImGuiWindowFlags_NoNav);
  if (n == 0) ImGui::TextDisabled("%s", complete() ? tr(S::lnk_picker_none) : tr(S::lnk_picker_loading));
  if (scroll_to_chosen_ && n > 0) {
    const float y = static_cast<float>(chosen_) * row_h, h = ImGui::GetWindowHeight();
    if (y < ImGui::GetScrollY()) ImGui::SetScrollY(y);
    if (y + row_h > ImGui::GetScrollY() + h) ImGui::SetScrollY(y + row_h - h);
    scroll_to_chosen_ = false;
  }
  std::optional<store::Id> picked;
  ImGuiListClipper clip;
  clip.Begin(n, row_h);
  while (clip.Step())
    for (int r = clip.DisplayStart; r < clip.DisplayEnd; ++r) {
      const CodingRow& cr = rows_at_->rows[hits_[static_cast<size_t>(r)]];
      ImGui::PushID(r);
      if (ImGui::Selectable("##row", r == chosen_)) picked = cr.id;
      const ImRect rect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
      row_rects_.emplace_back(cr.id, rect);
      if (ImGui::BeginDragDropTarget()) {  // a coding dragged onto a row: link the two
        if (const ImGuiPayload* pl = ImGui::AcceptDragDropPayload(kCodingPayload)) {
          store::Id dragged = 0;
          std::memcpy(&dragged, pl->Data, sizeof dragged);
          if (dragged != cr.id) from_ = dragged, picked = cr.id;
        }
        ImGui::EndDragDropTarget();
      }
      const CodeInfo* ci = cache.code(cr.code);
      const DocInfo* di = cache.doc(cr.doc);
      std::string sub = (ci ? ci->code.name : std::string("?")) + " \xC2\xB7 " + (di ? di->doc.title : "?");
      const float rw = rect.GetWidth();
      const float sub_w = std::min(ImGui::CalcTextSize(sub.c_str()).x, rw * 0.4f);
      sub = widgets::ellipsize(sub, sub_w);
      ImDrawList* dl = ImGui::GetWindowDrawList();
      const float chip = ImGui::GetTextLineHeight() * 0.6f;
      if (ci)
        dl->AddRectFilled(ImVec2(rect.Min.x, rect.Min.y + chip * 0.4f),
                          ImVec2(rect.Min.x + chip, rect.Min.y + chip * 1.4f), ci->colour, 2.0f);
      dl->AddText(ImVec2(rect.Min.x + chip * 1.6f, rect.Min.y), ImGui::GetColorU32(ImGuiCol_Text),
                  widgets::ellipsize(cr.quote, rw - sub_w - fs - chip * 1.6f).c_str());
      dl->AddText(ImVec2(rect.Max.x - ImGui::CalcTextSize(sub.c_str()).x, rect.Min.y),
                  ImGui::GetColorU32(ImGuiCol_TextDisabled), sub.c_str());
      ImGui::PopID();
    }
  ImGui::EndChild();
  if (!complete()) {
    ImGui::TextDisabled(tr(S::lnk_picker_scanning_fmt), n);
  }
  if (enter && n > 0) picked = rows_at_->rows[hits_[static_cast<size_t>(chosen_)]].id;
  if (picked) open_relation(from_, *picked);
}

std::optional<store::Id> LinkPicker::draw_relations(Workspace& ws) {
  const store::Project& p = *ws.project();
  if (types_rev_ != p.revision()) {
    types_rev_ = p.revision();
    ws.act([&] { types_ = store::link_types(p); });
  }
  const ProjectCache& cache = ws.cache();
  store::Coding to;
  if (!ws.act([&] { to = p.coding(to_); })) {
    to_ = 0;
    return std::nullopt;
  }
  const CodeInfo* ci = cache.code(to.code);
  const DocInfo* di = cache.doc(to.doc);
  ImGui::TextDisabled("%s#%lld %s \xC2\xB7 %s", tr(S::lnk_to), static_cast<long long>(to.id),
                      ci ? ci->path.c_str() : "?", di ? di->doc.title.c_str() : "?");
  ImGui::Separator();
  ImGui::TextUnformatted(tr(S::lnk_relation));
  ImGui::SameLine();
  ImGui::TextDisabled("%s", tr(S::lnk_relation_hint));
  const int n = static_cast<int>(types_.size()) + 1;  // the last row: a new relation
  std::optional<store::Id> made;
  auto make = [&](const std::string& type) {
    store::Id id = 0;
    const store::Id a = from_, b = to_;
    if (ws.write(
            [&](store::Project& pr) { id = store::add_link(pr, a, b, type); },
            tr(S::lnk_saved) + ("#" + std::to_string(a) + " " + relation_label(type) + " #" + std::to_string(b)))) {
      made = id;
      open_ = false;
    }
  };
  if (!new_relation_) {
    if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows)) {
      if (key(ImGuiKey_DownArrow)) ++rel_chosen_;
      if (key(ImGuiKey_UpArrow)) --rel_chosen_;
      rel_chosen_ = std::clamp(rel_chosen_, 0, n - 1);
      if (key(ImGuiKey_Escape)) {
        to_ = 0;  // back to the list
        appearing_ = true;
        return std::nullopt;
      }
      if (key(ImGuiKey_Enter) || key(ImGuiKey_KeyPadEnter)) {
        if (rel_chosen_ < n - 1)
          make(types_[static_cast<size_t>(rel_chosen_)].name);
        else
          new_relation_ = new_focus_ = true;
      }
    }
    for (int i = 0; i < n && open_; ++i) {
      ImGui::PushID(i);
      const bool is_new = i == n - 1;
      const std::string label =
          is_new ? std::string(tr(S::lnk_new_relation))
                 : relation_label(types_[static_cast<size_t>(i)].name) +
                       (types_[static_cast<size_t>(i)].directed ? "  \xE2\x86\x92" : "  \xE2\x86\x94");
      const float chip = ImGui::GetTextLineHeight() * 0.7f;
      if (!is_new) {
        const ImVec2 c = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(c.x, c.y + chip * 0.2f), ImVec2(c.x + chip, c.y + chip * 1.2f),
                                                  parse_colour(types_[static_cast<size_t>(i)].colour), 2.0f);
      }
      ImGui::SetCursorPosX(ImGui::GetCursorPosX() + chip * 1.5f);
      if (ImGui::Selectable(label.c_str(), i == rel_chosen_)) {
        rel_chosen_ = i;
        if (is_new)
          new_relation_ = new_focus_ = true;
        else
          make(types_[static_cast<size_t>(i)].name);
      }
      ImGui::PopID();
    }
    return made;
  }
  // A new relation: name, direction, colour; Create makes it (one action) and links with it (another).
  ImGui::TextUnformatted(tr(S::lnk_name));
  if (new_focus_) {
    ImGui::SetKeyboardFocusHere();
    new_focus_ = false;
  }
  ImGui::SetNextItemWidth(-1);
  const bool enter = widgets::input_text("##relname", &new_name_, ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::Checkbox(tr(S::lnk_directed), &new_directed_);
  ImGui::ColorEdit3(tr(S::lnk_colour), &new_colour_.x, ImGuiColorEditFlags_DisplayHex);
  bool create = ImGui::Button(tr(S::lnk_create)) || enter;
  ImGui::SameLine();
  if (ImGui::Button(tr(S::lnk_cancel)) || (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) &&
                                           !ImGui::GetIO().WantTextInput && key(ImGuiKey_Escape)))
    new_relation_ = false;
  if (create) {
    const std::string name = new_name_;
    const std::string colour = format_colour(new_colour_);
    const bool directed = new_directed_;
    if (ws.write([&](store::Project& pr) { store::add_link_type(pr, name, directed, colour); },
                 tr(S::lnk_relation_saved) + name)) {
      new_relation_ = false;
      new_name_.clear();
      make(name);
    }
  }
  return made;
}

}  // namespace telaah::ui
