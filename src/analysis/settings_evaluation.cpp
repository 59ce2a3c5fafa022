// The evaluation and agreement groups of the method settings (see
// method_settings.h). The rules they configure: evaluation.h (suggested
// ratings, the verdict rule) and agreement.h (segment matching).
#include "analysis/method_settings.h"

namespace telaah::analysis {

std::vector<SettingSpec> evaluation_setting_specs() {
  const std::string g = "evaluation";
  return {
      {"evaluation.support_share",
       g,
       SettingKind::real,
       "0.67",
       {},
       0.5,
       1.0,
       "Share of supporting among stance-bearing codings that suggests 'achieved' (at most 1 - it: 'not achieved').",
       "Porsi koding yang mendukung di antara koding bersikap yang menyarankan 'tercapai' (paling banyak 1 - nilai "
       "ini: 'tidak tercapai')."},
      {"evaluation.impediment_codes",
       g,
       SettingKind::list,
       "Impediment, Hambatan",
       {},
       0,
       0,
       "Codes (names, aliases or paths) whose codings, with their sub-codes, are impediments.",
       "Kode (nama, alias atau jalur) yang kodingnya, beserta sub-kodenya, dihitung sebagai hambatan."},
      {"evaluation.impediment_penalty",
       g,
       SettingKind::real,
       "0.5",
       {},
       0.0,
       1.0,
       "Score an indicator loses in the verdict when an impediment is linked to it (0.5 = one rating step).",
       "Skor yang hilang dari sebuah indikator dalam penilaian akhir bila ada hambatan yang terkait (0,5 = satu "
       "tingkat penilaian)."},
      {"evaluation.min_coverage",
       g,
       SettingKind::real,
       "0.5",
       {},
       0.0,
       1.0,
       "Share of the indicators (by weight) that must be rated other than 'insufficient evidence' for a verdict.",
       "Porsi indikator (menurut bobot) yang harus dinilai selain 'bukti tidak cukup' agar penilaian akhir dapat "
       "ditentukan."},
      {"evaluation.verdict.effective",
       g,
       SettingKind::real,
       "0.75",
       {},
       0.0,
       1.0,
       "Lowest weighted mean score that is 'effective'.",
       "Skor rata-rata berbobot terendah yang dinilai 'efektif'."},
      {"evaluation.verdict.fairly",
       g,
       SettingKind::real,
       "0.40",
       {},
       0.0,
       1.0,
       "Lowest weighted mean score that is 'fairly effective' (cukup efektif); must not exceed the 'effective' one.",
       "Skor rata-rata berbobot terendah yang dinilai 'cukup efektif'; tidak boleh melebihi ambang 'efektif'."},
      {"evaluation.insufficient",
       g,
       SettingKind::choice,
       "exclude",
       {"exclude", "not achieved"},
       0,
       0,
       "What an indicator with insufficient evidence counts as in the score: left out, or 'not achieved' (0).",
       "Indikator dengan bukti tidak cukup dalam skor: tidak dihitung, atau dihitung 'tidak tercapai' (0)."},
      {"evaluation.weights",
       g,
       SettingKind::list,
       "",
       {},
       0,
       0,
       "Weights per indicator, NAME=WEIGHT comma-separated (e.g. \"I1=2, O2=0.5\"); unnamed indicators weigh 1.",
       "Bobot per indikator, NAMA=BOBOT dipisah koma (mis. \"I1=2, O2=0.5\"); indikator lain berbobot 1."},
      {"evaluation.variable_weights",
       g,
       SettingKind::list,
       "",
       {},
       0,
       0,
       "Weights per variable (parent code), NAME=WEIGHT comma-separated; multiplies its indicators' weights.",
       "Bobot per variabel (kode induk), NAMA=BOBOT dipisah koma; mengalikan bobot indikator-indikatornya."},
  };
}

std::vector<SettingSpec> agreement_setting_specs() {
  const std::string g = "agreement";
  return {
      {"agreement.threshold",
       g,
       SettingKind::real,
       "0.5",
       {},
       0.01,
       1.0,
       "Overlap ratio at which two coders' segments match (segment level, stance agreement, categorical variables).",
       "Rasio tumpang tindih agar segmen dua pengode dianggap sama (tingkat segmen, kesepakatan sikap, variabel "
       "kategoris)."},
      {"agreement.overlap",
       g,
       SettingKind::choice,
       "union",
       {"union", "shorter"},
       0,
       0,
       "How the overlap ratio is taken: intersection over union, or over the shorter segment.",
       "Cara menghitung rasio tumpang tindih: irisan dibagi gabungan, atau dibagi segmen yang lebih pendek."},
  };
}

}  // namespace telaah::analysis
