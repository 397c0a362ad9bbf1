// dlib's frontal face detector, scanned with all five of its filters in one pass.
//
// dlib applies each of the five HOG filters by itself, as about sixty separable (rank-one) pieces,
// each a full pass over the pyramid level; that was half of the detection time. Here every window
// position is scored against the five full 10×10×31 filters at once: each feature vector loaded
// feeds five accumulators, eight columns and several rows at a time. The features come from
// fhog_extractor (dlib's definition, a faster vote); the pyramid's downsampling, the score
// threshold, the box mapping and the overlap suppression are dlib's own, in dlib's order. Scores
// differ from dlib's in the fifth decimal (float rounding, and dlib drops singular values below
// 0.1% of the largest when it splits the filters); boxes and sub-detectors are the same. The
// filters themselves are a table generated from dlib's detector (frontal_filters.inc), because
// dlib ships the detector compressed and takes 0.4 s to unpack it on every start.
#pragma once

#include "fhog_features.hpp"

#include <dlib/image_processing.h>
#include <dlib/image_processing/frontal_face_detector.h>

#include <algorithm>
#include <utility>
#include <vector>

namespace photocheck {

namespace generated {
#include "frontal_filters.inc"
}  // namespace generated

// The detector's filters laid out for scanning, from the table generated out of dlib's detector
// (frontal_filters.inc). Read-only, shared by threads.
struct frontal_model {
    static constexpr int sub_detectors = 5;
    static_assert(generated::frontal_sub_detectors == sub_detectors, "the frontal detector has five filters");

    long filter_rows = generated::frontal_rows, filter_cols = generated::frontal_columns;
    long planes = generated::frontal_planes;
    long box_rows = filter_rows - 2 * generated::frontal_padding, box_cols = filter_cols - 2 * generated::frontal_padding;
    int cell_size = static_cast<int>(generated::frontal_cell_size);
    long min_level_width = generated::frontal_min_level_width, min_level_height = generated::frontal_min_level_height;
    unsigned long max_levels = generated::frontal_max_levels;
    // One threshold per sub-detector (a window scoring at least this is a face).
    const double *thresholds = generated::frontal_thresholds;
    // weights[((plane * filter_rows + i) * filter_cols + j) * 5 + d]: the five sub-detectors'
    // weights for one tap lie side by side.
    const float *weights = generated::frontal_weights;
    dlib::test_box_overlap overlaps{generated::frontal_overlap_iou, generated::frontal_overlap_covered};
    // dlib's mapping of a window in cells to its box in pixels (the features are fhog_extractor's).
    dlib::default_fhog_feature_extractor box_mapping;

    static const frontal_model &shared() {
        static const frontal_model model;
        return model;
    }

    // dlib's own detector, decompressed on first use (about 0.4 s): for the tests' reference scan
    // and their check that the table still matches it.
    static const dlib::frontal_face_detector &dlib_detector() {
        static const dlib::frontal_face_detector detector = dlib::get_frontal_face_detector();
        return detector;
    }

    // True when the table holds exactly dlib's detector: filters, thresholds and settings.
    static bool matches_dlib() {
        const auto &detector = dlib_detector();
        const auto &scanner = detector.get_scanner();
        const frontal_model &model = shared();
        if (detector.num_detectors() != sub_detectors || static_cast<long>(scanner.get_fhog_window_height()) != model.filter_rows ||
            static_cast<long>(scanner.get_fhog_window_width()) != model.filter_cols ||
            static_cast<long>(scanner.get_padding()) != generated::frontal_padding ||
            static_cast<int>(scanner.get_cell_size()) != model.cell_size ||
            static_cast<long>(scanner.get_min_pyramid_layer_width()) != model.min_level_width ||
            static_cast<long>(scanner.get_min_pyramid_layer_height()) != model.min_level_height ||
            scanner.get_max_pyramid_levels() != model.max_levels ||
            detector.get_overlap_tester().get_iou_thresh() != model.overlaps.get_iou_thresh() ||
            detector.get_overlap_tester().get_percent_covered_thresh() != model.overlaps.get_percent_covered_thresh())
            return false;
        for (int d = 0; d < sub_detectors; ++d) {
            if (detector.get_w(d)(scanner.get_num_dimensions()) != model.thresholds[d]) return false;
            const auto bank = scanner.build_fhog_filterbank(detector.get_w(d));
            if (static_cast<long>(bank.filters.size()) != model.planes) return false;
            for (long p = 0; p < model.planes; ++p)
                for (long i = 0; i < model.filter_rows; ++i)
                    for (long j = 0; j < model.filter_cols; ++j)
                        if (bank.filters[p](i, j) != model.weights[((p * model.filter_rows + i) * model.filter_cols + j) * sub_detectors + d])
                            return false;
        }
        return true;
    }
};

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
    // (measured: 8 lanes × 4 rows beat 16 × 2, 16 × 4 and 8 × 6 on AVX-512).
    typedef float lanes __attribute__((vector_size(32)));
    static constexpr long lane_count = 8;
#ifdef __AVX512F__
    static constexpr int rows_together = 4;
#else
    static constexpr int rows_together = 2;
#endif

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

}  // namespace photocheck
