// The retrieval view. Its content arrives with the retrieval issue; until then
// the view says plainly that it is not available in this build.
#include "ui/app.h"

namespace telaah::ui {

void App::draw_retrieval_view() { draw_not_available(S::view_retrieval_about); }

}  // namespace telaah::ui
