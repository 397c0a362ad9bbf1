// The face scan compiled for AVX-512 (its 32 vector registers let the scan score four rows of windows at once). Only the scan's own functions get the
// target attribute: every header it uses is included first, outside the attribute's reach, so that
// no inline function shared with the other copies is compiled for a CPU that may not have it.
#if defined(__x86_64__)
#include "frontal_model.hpp"

#include <dlib/image_processing.h>
#include <dlib/image_processing/frontal_face_detector.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#pragma clang attribute push(__attribute__((target("avx512f,avx512vl,avx512bw,avx512dq,avx2,fma"))), apply_to = function)
#define PHOTOCHECK_ISA avx512
#define PHOTOCHECK_ROWS_TOGETHER 4
#include "frontal_scan.hpp"

namespace photocheck {
std::unique_ptr<face_scan> make_face_scan_avx512(const frontal_model &model) {
    return std::make_unique<avx512::isa_face_scan>(model);
}
}  // namespace photocheck
#pragma clang attribute pop
#endif
