// dlib's frontal face detector, scanned with all five of its filters in one pass.
//
// dlib applies each of the five HOG filters by itself, as about sixty separable (rank-one) pieces,
// each a full pass over the pyramid level, where the detection spent its time. Here every window
// position is scored against the five full 10×10×31 filters at once: each feature vector loaded
// feeds five accumulators, eight columns and several rows at a time. The features come from
// fhog_extractor (dlib's definition, a faster vote); the pyramid's downsampling, the score
// threshold, the box mapping and the overlap suppression are dlib's own, in dlib's order. Scores
// differ from dlib's in the fifth decimal (float rounding, and dlib drops singular values below
// 0.1% of the largest when it splits the filters); boxes and sub-detectors are the same. The
// filters themselves are a table generated from dlib's detector (frontal_filters.inc), because
// dlib ships the detector compressed and unpacks it on every start.
//
// This file is compiled once per instruction set, each time inside its own namespace
// (PHOTOCHECK_ISA, set by the scan_*.cpp that includes it): the scan's loops are plain C++ that the
// compiler vectorises for the target it is given, and scan_dispatch.cpp picks one at run time.
#pragma once

#ifndef PHOTOCHECK_ISA
#error "define PHOTOCHECK_ISA (the namespace of this instruction set's copy) before including frontal_scan.hpp"
#endif
#ifndef PHOTOCHECK_ROWS_TOGETHER
#define PHOTOCHECK_ROWS_TOGETHER 2
#endif

#include "fhog_features.hpp"
#include "frontal_model.hpp"

#include <dlib/image_processing.h>
#include <dlib/image_processing/frontal_face_detector.h>

#include <algorithm>
#include <utility>
#include <vector>

namespace photocheck {
namespace PHOTOCHECK_ISA {

// Scans pictures with the shared model. Holds scratch memory: one per thread.
class frontal_scan {
public:
    explicit frontal_scan(const frontal_model &model) : model_(model) {}

    // Detects faces in `image` (any dlib grey image type) scoring above the detector's threshold
    // plus `adjust_threshold`.
    template <typename image_type>
    void operator()(const image_type &image, std::vector<dlib::rect_detection> &found, double adjust_threshold) {
        // As many levels as dlib's scanner would make, each 5/6 of the one before.
        dlib::pyramid_down<6> pyramid;
        unsigned long levels = 0;
        dlib::rectangle size = dlib::get_rect(image);
        do {
            size = pyramid.rect_down(size);
            ++levels;
        } while (size.width() >= model_.min_level_width && size.height() >= model_.min_level_height &&
                 levels < model_.max_levels);

        constexpr int D = frontal_model::sub_detectors;
        std::vector<std::pair<double, dlib::rectangle>> hits[D];
        for (unsigned long level = 0; level < levels; ++level) {
            if (level == 0) {
                features(image);
            } else if (level == 1) {
                pyramid(image, current_);
                features(current_);
            } else {
                pyramid(current_, next_);
                dlib::swap(current_, next_);
                features(current_);
            }
            score_level();
            for (int d = 0; d < D; ++d) {
                const double threshold = model_.thresholds[d] + adjust_threshold;
                for (long r = 0; r < rows_; ++r) {
                    const float *row = &scores_[static_cast<size_t>((d * rows_ + r) * score_stride_)];
                    for (long c = 0; c < columns_; ++c) {
                        if (row[c] < threshold) continue;
                        // dlib indexes a window by its filter's centre cell.
                        const dlib::point centre(c + model_.filter_cols / 2, r + model_.filter_rows / 2);
                        const dlib::rectangle box = model_.box_mapping.feats_to_image(
                            dlib::centered_rect(centre, model_.box_cols, model_.box_rows), model_.cell_size,
                            model_.filter_rows, model_.filter_cols);
                        hits[d].push_back(std::make_pair(static_cast<double>(row[c]), pyramid.rect_up(box, level)));
                    }
                }
            }
        }

        // As dlib's object_detector: each sub-detector's hits best first, then all of them best
        // first, each kept unless it overlaps one already kept.
        std::vector<dlib::rect_detection> all;
        for (int d = 0; d < D; ++d) {
            std::sort(hits[d].rbegin(), hits[d].rend(), dlib::impl::compare_pair_rect);
            for (const auto &hit : hits[d]) {
                dlib::rect_detection detection;
                detection.detection_confidence = hit.first - model_.thresholds[d];
                detection.weight_index = static_cast<unsigned long>(d);
                detection.rect = hit.second;
                all.push_back(detection);
            }
        }
        std::sort(all.rbegin(), all.rend());
        found.clear();
        const dlib::test_box_overlap &overlaps = model_.overlaps;
        for (const auto &candidate : all) {
            const bool suppressed = std::any_of(found.begin(), found.end(), [&](const dlib::rect_detection &kept) {
                return overlaps(kept.rect, candidate.rect);
            });
            if (!suppressed) found.push_back(candidate);
        }
    }

private:
    // Eight floats, one AVX register. Rows of windows scored together: each adds five
    // accumulators, and AVX-512's 32 registers hold four rows' worth where AVX's 16 hold two
    // (on AVX-512, 8 lanes × 4 rows beat 16 × 2, 16 × 4 and 8 × 6): the scan_*.cpp set it.
    typedef float lanes __attribute__((vector_size(32)));
    static constexpr long lane_count = 8;
    static constexpr int rows_together = PHOTOCHECK_ROWS_TOGETHER;

    const frontal_model &model_;
    fhog_extractor extractor_;
    fhog_level level_;                            // the current level's features
    dlib::array2d<unsigned char> current_, next_; // the current and the next smaller level
    std::vector<float> scores_;                   // [sub-detector][row][column]
    long rows_ = 0, columns_ = 0, score_stride_ = 0;

    template <typename image_type>
    void features(const image_type &image) {
        // Unqualified, so that a caller's own image type is found by its namespace (as in dlib).
        using dlib::image_data, dlib::num_columns, dlib::num_rows, dlib::width_step;
        extractor_(static_cast<const uint8_t *>(image_data(image)), num_columns(image), num_rows(image), width_step(image),
                   model_.filter_rows, model_.filter_cols, lane_count, model_.filter_cols, level_);
    }

    // Scores every window position of the current level for all five sub-detectors into scores_.
    void score_level() {
        rows_ = level_.rows - model_.filter_rows + 1;
        columns_ = level_.columns - model_.filter_cols + 1;
        if (level_.rows == 0 || rows_ <= 0 || columns_ <= 0) {
            rows_ = columns_ = 0;
            return;
        }
        const long blocks = (columns_ + lane_count - 1) / lane_count;
        score_stride_ = blocks * lane_count;
        scores_.resize(static_cast<size_t>(frontal_model::sub_detectors * rows_ * score_stride_));
        const long stride = level_.stride, plane_size = level_.rows * stride;
        long r = 0;
        for (; r + rows_together <= rows_; r += rows_together)
            for (long b = 0; b < blocks; ++b) score_block<rows_together>(r, b * lane_count, stride, plane_size);
        for (; r < rows_; ++r)
            for (long b = 0; b < blocks; ++b) score_block<1>(r, b * lane_count, stride, plane_size);
    }

    // Scores `R` rows × 8 columns of windows starting at (row, column): R × 5 accumulators,
    // so each weight loaded serves R rows and each feature vector loaded serves five filters.
    template <int R>
    void score_block(long row, long column, long stride, long plane_size) {
        constexpr int D = frontal_model::sub_detectors;
        lanes sum[R][D];
        for (int k = 0; k < R; ++k)
            for (int d = 0; d < D; ++d) sum[k][d] = lanes{};
        const float *weight = model_.weights;
        for (long p = 0; p < model_.planes; ++p) {
            const float *origin = level_.planes.data() + p * plane_size + row * stride + column;
            for (long i = 0; i < model_.filter_rows; ++i) {
                const float *line = origin + i * stride;
                for (long j = 0; j < model_.filter_cols; ++j, weight += D) {
                    lanes feature[R];
                    for (int k = 0; k < R; ++k) __builtin_memcpy(&feature[k], line + k * stride + j, sizeof(lanes));
                    for (int d = 0; d < D; ++d)
                        for (int k = 0; k < R; ++k) sum[k][d] += weight[d] * feature[k];
                }
            }
        }
        for (int d = 0; d < D; ++d)
            for (int k = 0; k < R; ++k)
                __builtin_memcpy(&scores_[static_cast<size_t>((d * rows_ + row + k) * score_stride_ + column)], &sum[k][d], sizeof(lanes));
    }
};

// The face_scan of this instruction set.
class isa_face_scan final : public face_scan {
public:
    explicit isa_face_scan(const frontal_model &model) : scan_(model) {}
    void detect(const gray_view &image, std::vector<dlib::rect_detection> &found, double adjust_threshold) override {
        scan_(image, found, adjust_threshold);
    }

private:
    frontal_scan scan_;
};

}  // namespace PHOTOCHECK_ISA
}  // namespace photocheck
