// Computed once per revision on a worker (see per_revision.h).
#include "ui/shell/per_revision.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <mutex>

namespace telaah::ui {

int64_t Offload::limit = Offload::kDefaultLimit;

namespace {

struct Gate {
  std::mutex m;
  std::condition_variable cv;
  bool held = false, too_long = false;
};

Gate& gate() {
  static Gate g;
  return g;
}

}  // namespace

void Offload::hold(bool on) {
  Gate& g = gate();
  {
    std::lock_guard<std::mutex> l(g.m);
    g.held = on;
    if (on) g.too_long = false;
  }
  g.cv.notify_all();
}

bool Offload::waited_too_long() {
  Gate& g = gate();
  std::lock_guard<std::mutex> l(g.m);
  return g.too_long;
}

void Offload::wait_if_held() {
  Gate& g = gate();
  std::unique_lock<std::mutex> l(g.m);
  if (!g.cv.wait_for(l, std::chrono::seconds(30), [&] { return !g.held; })) g.too_long = true;
}

std::pair<double, std::string> task_progress(const TaskRunner& tasks, const std::string& title) {
  for (const auto& t : tasks.running())
    if (t.title == title) return {t.fraction, t.message};
  return {0.0, {}};
}

void draw_placeholder(const char* what, double fraction, const std::string& message) {
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float fs = ImGui::GetFontSize();
  const float w = std::min(avail.x * 0.8f, fs * 24);
  const ImVec2 start = ImGui::GetCursorPos();
  ImGui::SetCursorPos(
      ImVec2(start.x + std::max(0.0f, (avail.x - w) * 0.5f), start.y + std::max(0.0f, avail.y * 0.35f)));
  ImGui::BeginGroup();
  ImGui::TextDisabled("%s", what);
  // Without a fraction yet (ImGui 1.86 has no indeterminate bar): a slow sweep.
  const float f =
      fraction > 0 ? static_cast<float>(fraction) : static_cast<float>(std::fmod(ImGui::GetTime() * 0.25, 1.0));
  ImGui::ProgressBar(f, ImVec2(w, 0), message.c_str());
  ImGui::EndGroup();
}

}  // namespace telaah::ui
