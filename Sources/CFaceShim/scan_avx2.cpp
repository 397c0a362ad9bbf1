// The face scan compiled for AVX2 with FMA (x86-64-v3: most x86 CPUs since 2013–2015). Only the scan's own functions get the
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

#pragma clang attribute push(__attribute__((target("avx2,fma"))), apply_to = function)
#define PHOTOCHECK_ISA avx2
#define PHOTOCHECK_ROWS_TOGETHER 2
#include "frontal_scan.hpp"

namespace photocheck {
std::unique_ptr<face_scan> make_face_scan_avx2(const frontal_model &model) {
    return std::make_unique<avx2::isa_face_scan>(model);
}
}  // namespace photocheck
#pragma clang attribute pop
#endif
