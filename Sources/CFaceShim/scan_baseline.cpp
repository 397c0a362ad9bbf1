// The face scan compiled for the baseline instruction set of the target (x86-64 or arm64): what
// runs on a CPU without AVX2.
#define PHOTOCHECK_ISA baseline
#define PHOTOCHECK_ROWS_TOGETHER 2
#include "frontal_scan.hpp"

namespace photocheck {
std::unique_ptr<face_scan> make_face_scan_baseline(const frontal_model &model) {
    return std::make_unique<baseline::isa_face_scan>(model);
}
}  // namespace photocheck
