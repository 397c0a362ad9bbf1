// dlib's frontal face detector, scanned with all five of its filters in one pass.
//
// dlib applies each of the five HOG filters by itself, as about sixty separable (rank-one) pieces,
// each a full pass over the pyramid level; that was half of the detection time. Here every window
// position is scored against the five full 10×10×31 filters at once: each feature vector loaded
// feeds five accumulators, sixteen columns and two rows at a time. Everything else (the HOG
// pyramid, the score threshold, the box mapping, the overlap suppression) is dlib's own, in dlib's
// order. Scores differ from dlib's in the fifth decimal (dlib drops singular values below 0.1% of
// the largest when it splits the filters); boxes and sub-detectors are the same.
#pragma once

#include <dlib/image_processing.h>
#include <dlib/image_processing/frontal_face_detector.h>

#include <algorithm>
#include <utility>
#include <vector>

namespace photocheck {

// The detector and its filters laid out for scanning. Built once, read-only, shared by threads.
struct frontal_model {
    dlib::frontal_face_detector detector;
    long filter_rows = 0, filter_cols = 0, planes = 0;
    long box_rows = 0, box_cols = 0;
    int cell_size = 8;
    // One threshold per sub-detector (a window scoring at least this is a face).
    std::vector<double> thresholds;
    // weights[((plane * filter_rows + i) * filter_cols + j) * 5 + d]: the five sub-detectors'
    // weights for one tap lie side by side.
    std::vector<float> weights;

    static constexpr int sub_detectors = 5;

    // The one shared instance (dlib decompresses the detector in about 0.4 s).
    static const frontal_model &shared() {
        static const frontal_model model(dlib::get_frontal_face_detector());
        return model;
    }

    explicit frontal_model(const dlib::frontal_face_detector &made) : detector(made) {
        const auto &scanner = detector.get_scanner();
        filter_rows = static_cast<long>(scanner.get_fhog_window_height());
        filter_cols = static_cast<long>(scanner.get_fhog_window_width());
        box_rows = filter_rows - 2 * static_cast<long>(scanner.get_padding());
        box_cols = filter_cols - 2 * static_cast<long>(scanner.get_padding());
        cell_size = static_cast<int>(scanner.get_cell_size());
        if (detector.num_detectors() != sub_detectors) throw dlib::error("unexpected frontal face detector");
        const long taps = filter_rows * filter_cols;
        for (int d = 0; d < sub_detectors; ++d) {
            const auto bank = scanner.build_fhog_filterbank(detector.get_w(d));
            if (d == 0) {
                planes = static_cast<long>(bank.filters.size());
                weights.assign(static_cast<size_t>(planes * taps * sub_detectors), 0.f);
            }
            thresholds.push_back(detector.get_w(d)(scanner.get_num_dimensions()));
            for (long p = 0; p < planes; ++p)
                for (long i = 0; i < filter_rows; ++i)
                    for (long j = 0; j < filter_cols; ++j)
                        weights[static_cast<size_t>(((p * filter_rows + i) * filter_cols + j) * sub_detectors + d)] =
                            bank.filters[p](i, j);
        }
    }
};

// Scans pictures with the shared model. Holds scratch memory: one per thread.
class frontal_scan {
public:
    explicit frontal_scan(const frontal_model &model) : model_(model) {}

    template <typename image_type>
    void operator()(const image_type &image, std::vector<dlib::rect_detection> &found, double adjust_threshold) {
        const auto &scanner = model_.detector.get_scanner();
        const auto &extractor = scanner.get_feature_extractor();
        dlib::impl::create_fhog_pyramid<dlib::pyramid_down<6>>(
            image, extractor, pyramid_, model_.cell_size, model_.filter_rows, model_.filter_cols,
            scanner.get_min_pyramid_layer_width(), scanner.get_min_pyramid_layer_height(),
            scanner.get_max_pyramid_levels());

        constexpr int D = frontal_model::sub_detectors;
        std::vector<std::pair<double, dlib::rectangle>> hits[D];
        dlib::pyramid_down<6> pyramid;
        for (unsigned long level = 0; level < pyramid_.size(); ++level) {
            score_level(pyramid_[level]);
            for (int d = 0; d < D; ++d) {
                const double threshold = model_.thresholds[d] + adjust_threshold;
                for (long r = 0; r < rows_; ++r) {
                    const float *row = &scores_[static_cast<size_t>((d * rows_ + r) * score_stride_)];
                    for (long c = 0; c < columns_; ++c) {
                        if (row[c] < threshold) continue;
                        // dlib indexes a window by its filter's centre cell.
                        const dlib::point centre(c + model_.filter_cols / 2, r + model_.filter_rows / 2);
                        const dlib::rectangle box = extractor.feats_to_image(
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
        const dlib::test_box_overlap overlaps = model_.detector.get_overlap_tester();
        for (const auto &candidate : all) {
            const bool suppressed = std::any_of(found.begin(), found.end(), [&](const dlib::rect_detection &kept) {
                return overlaps(kept.rect, candidate.rect);
            });
            if (!suppressed) found.push_back(candidate);
        }
    }

private:
    // Sixteen floats: one AVX-512 register, or two AVX ones.
    typedef float lanes __attribute__((vector_size(64)));
    static constexpr long lane_count = 16;

    const frontal_model &model_;
    dlib::array<dlib::array<dlib::array2d<float>>> pyramid_;
    std::vector<float> planes_;  // the level's feature planes, padded to whole lane blocks
    std::vector<float> scores_;  // [sub-detector][row][column]
    long rows_ = 0, columns_ = 0, score_stride_ = 0;

    // Scores every window position of one level for all five sub-detectors into scores_.
    void score_level(const dlib::array<dlib::array2d<float>> &level) {
        const long level_rows = level[0].nr(), level_columns = level[0].nc();
        rows_ = level_rows - model_.filter_rows + 1;
        columns_ = level_columns - model_.filter_cols + 1;
        if (rows_ <= 0 || columns_ <= 0) {
            rows_ = columns_ = 0;
            return;
        }
        const long blocks = (columns_ + lane_count - 1) / lane_count;
        score_stride_ = blocks * lane_count;
        // The last block reads up to a filter's width past the last window: zero padding.
        const long stride = score_stride_ + model_.filter_cols;
        const long plane_size = level_rows * stride;
        planes_.assign(static_cast<size_t>(model_.planes * plane_size), 0.f);
        for (long p = 0; p < model_.planes; ++p)
            for (long r = 0; r < level_rows; ++r)
                std::copy(&level[p][r][0], &level[p][r][0] + level_columns, &planes_[static_cast<size_t>(p * plane_size + r * stride)]);
        scores_.resize(static_cast<size_t>(frontal_model::sub_detectors * rows_ * score_stride_));

        long r = 0;
        for (; r + 1 < rows_; r += 2)
            for (long b = 0; b < blocks; ++b) score_block<2>(r, b * lane_count, stride, plane_size);
        for (; r < rows_; ++r)
            for (long b = 0; b < blocks; ++b) score_block<1>(r, b * lane_count, stride, plane_size);
    }

    // Scores `R` rows × 16 columns of windows starting at (row, column): R × 5 accumulators,
    // so each weight loaded serves R rows and each feature vector loaded serves five filters.
    template <int R>
    void score_block(long row, long column, long stride, long plane_size) {
        constexpr int D = frontal_model::sub_detectors;
        lanes sum[R][D];
        for (int k = 0; k < R; ++k)
            for (int d = 0; d < D; ++d) sum[k][d] = lanes{};
        const float *weight = model_.weights.data();
        for (long p = 0; p < model_.planes; ++p) {
            const float *origin = planes_.data() + p * plane_size + row * stride + column;
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
