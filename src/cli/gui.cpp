// telaah gui [PROJECT] [--screenshot out.png --size WxH --frames N --open DOC --view V --query Q]
// Also what `telaah` runs without a subcommand.
#include <iostream>

#include "cli/cli.h"
#include "platform/gui.h"
#include "store/safe_output.h"

namespace telaah::cli {
namespace {

struct GuiArgs {
  platform::GuiOptions opt;
  std::string size;
};

Registrar reg_gui(5, [](CLI::App& app, Context&) {
  auto a = std::make_shared<GuiArgs>();
  auto* cmd = app.add_subcommand("gui", "Open the window (the default without a subcommand)");
  cmd->add_option("project", a->opt.project,
                  "the project to open (default: the last one, or the sample on first start)");
  cmd->add_option("--screenshot", a->opt.screenshot, "draw, write this PNG file and exit (for docs and tests)");
  cmd->add_option("--size", a->size, "window size WxH, e.g. 1440x900");
  cmd->add_option("--frames", a->opt.frames, "frames to draw before the screenshot (default: until settled)");
  cmd->add_option("--open", a->opt.open_doc,
                  "open this document (number, title or file name), or coding:ID (its document, the coding selected)");
  cmd->add_option("--view", a->opt.view,
                  "coding, search, retrieval, triangulation, agreement, documents, summaries, cases or suggest");
  cmd->add_option("--query", a->opt.query, "search query (in the coding view: find in the document)");
  cmd->add_option("--theme", a->opt.theme, "light or dark (this run only)");
  cmd->add_option("--language", a->opt.language, "en or id (this run only)");
  cmd->add_option("--keys", a->opt.keys,
                  "keys pressed once the window is up, e.g. \"ctrl+p seoul\" or \"tab tab down\" (key names: tab, "
                  "enter, esc, space, up, down, left, right, f10, a letter or digit, with ctrl+ shift+ alt+; other "
                  "words are typed)");
  cmd->callback([a] {
    if (!a->size.empty()) {
      int w = 0, h = 0;
      char x = 0;
      if (std::sscanf(a->size.c_str(), "%d%c%d", &w, &x, &h) != 3 || (x != 'x' && x != 'X') || w < 320 || h < 240 ||
          w > 8192 || h > 8192)
        throw UserError("--size must look like 1440x900 (at least 320x240), not '" + a->size + "'");
      a->opt.width = w;
      a->opt.height = h;
    }
    if (a->opt.frames < 0) throw UserError("--frames must not be negative");
    if (!a->opt.theme.empty() && a->opt.theme != "light" && a->opt.theme != "dark")
      throw UserError("--theme must be light or dark");
    if (!a->opt.language.empty() && a->opt.language != "en" && a->opt.language != "id")
      throw UserError("--language must be en or id");
    // A screenshot is written aside and renamed: never onto the project, a folder, a FIFO or through a symlink.
    std::unique_ptr<store::SafeOutput> shot;
    if (!a->opt.screenshot.empty()) {
      std::vector<std::filesystem::path> protect;
      if (!a->opt.project.empty()) protect.emplace_back(a->opt.project);
      shot = std::make_unique<store::SafeOutput>(a->opt.screenshot, true, protect);
      a->opt.screenshot = shot->temp().string();
    }
    const int status = platform::run_gui(a->opt);
    if (status != 0) {
      shot.reset();       // no temporary file stays behind
      std::exit(status);  // the message is printed already
    }
    if (shot) shot->commit();
  });
});

}  // namespace
}  // namespace telaah::cli
