// Felzenszwalb's HOG features of a grey picture, as dlib's extract_fhog_features defines them for
// its frontal face detector (8-pixel cells, 18 signed and 9 unsigned orientation bins, 4 texture
// energies, each cell normalised by its four 2×2 blocks and clipped at 0.2), laid out for
// frontal_scan: 31 planes with a zero border for a whole filter, rows padded to whole vector blocks.
//
// Why not dlib's own: its orientation voting adds every pixel into four cells one float at a time
// and a large part of the detection's work. Here a pixel row's votes are first gathered per cell
// column (two adds a pixel, the horizontal interpolation weights depend only on the column), then
// spread over the two cell rows with the vertical weights, a whole row of cells at once. The sums
// are the same up to float rounding (the same products, added in another order).
#pragma once

#ifndef PHOTOCHECK_ISA
#error "define PHOTOCHECK_ISA before including fhog_features.hpp (see frontal_scan.hpp)"
#endif

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace photocheck {
namespace PHOTOCHECK_ISA {

// One pyramid level's features: plane p, row r, column c at planes[(p * rows + r) * stride + c].
// rows × columns is the padded size dlib uses (the cells less one at each edge, plus a filter's
// size less one); columns beyond `columns` up to `stride` are zero.
struct fhog_level {
    static constexpr int planes_count = 31;
    long rows = 0, columns = 0, stride = 0;
    std::vector<float> planes;
};

class fhog_extractor {
public:
    static constexpr int cell = 8;

    // Features of `gray` (`height` rows of `width` bytes, `row_step` bytes apart) for a filter of
    // filter_rows × filter_cols cells; `stride_extra` columns of zeros follow each plane row, and
    // the row length is rounded up to a multiple of `column_block`.
    void operator()(const uint8_t *gray, long width, long height, long row_step, long filter_rows, long filter_cols,
                    long column_block, long stride_extra, fhog_level &out) {
        const long cells_r = static_cast<long>(static_cast<float>(height) / cell + 0.5f);
        const long cells_c = static_cast<long>(static_cast<float>(width) / cell + 0.5f);
        const long hog_r = std::max(cells_r - 2, 0L), hog_c = std::max(cells_c - 2, 0L);
        if (hog_r == 0 || hog_c == 0) {
            out.rows = out.columns = out.stride = 0;
            out.planes.clear();
            return;
        }
        vote(gray, width, height, row_step, cells_r, cells_c);
        block_energies(cells_r, cells_c);

        out.rows = hog_r + filter_rows - 1;
        out.columns = hog_c + filter_cols - 1;
        const long windows = out.columns - filter_cols + 1;
        out.stride = (windows + column_block - 1) / column_block * column_block + stride_extra;
        out.planes.resize(static_cast<size_t>(fhog_level::planes_count * out.rows * out.stride));
        const long row_offset = (filter_rows - 1) / 2, column_offset = (filter_cols - 1) / 2;
        clear_border(out, hog_r, hog_c, row_offset, column_offset);
        normalise(cells_c, hog_r, hog_c, row_offset, column_offset, out);
    }

private:
    static constexpr int bins = 18;
    // Unit vectors of the nine unsigned orientations, 20° apart (dlib's table).
    static constexpr float ux[9] = {1.0000f, 0.9397f, 0.7660f, 0.500f, 0.1736f, -0.1736f, -0.5000f, -0.7660f, -0.9397f};
    static constexpr float uy[9] = {0.0000f, 0.3420f, 0.6428f, 0.8660f, 0.9848f, 0.9848f, 0.8660f, 0.6428f, 0.3420f};

    std::vector<float> hist_;      // (cells_r + 2) × (cells_c + 2) × 18, one cell of margin all round
    std::vector<float> row_votes_; // (cells_c + 2) × 18: one pixel row's votes by cell column
    std::vector<float> energy_;    // cells_r × cells_c
    std::vector<float> row_bins_, clip_, scale_, texture_;  // one row of cells, bin-major (normalise)
    std::vector<float> magnitude_, share_left_, share_right_;
    std::vector<int32_t> bin_, cell_column_;

    // Adds each pixel's gradient magnitude to its orientation bin in the four nearest cells,
    // weighted bilinearly by the distance to the cell centres.
    void vote(const uint8_t *gray, long width, long height, long row_step, long cells_r, long cells_c) {
        const long hist_c = cells_c + 2;
        hist_.assign(static_cast<size_t>((cells_r + 2) * hist_c * bins), 0.f);
        row_votes_.assign(static_cast<size_t>(hist_c * bins), 0.f);
        const long last_r = std::min(cells_r * cell, height) - 1;
        const long last_c = std::min(cells_c * cell, width) - 1;
        if (last_c < 1) return;
        magnitude_.resize(static_cast<size_t>(last_c));
        bin_.resize(static_cast<size_t>(last_c));
        // The horizontal position within the cells repeats every 8 columns: the cell column to
        // the left of the pixel (in the margin-shifted histogram) and the two weights.
        cell_column_.resize(static_cast<size_t>(last_c));
        share_left_.resize(static_cast<size_t>(last_c));
        share_right_.resize(static_cast<size_t>(last_c));
        for (long x = 1; x < last_c; ++x) {
            const float position = (static_cast<float>(x) + 0.5f) / cell + 0.5f;
            const int32_t column = static_cast<int32_t>(position);
            cell_column_[x] = column;
            share_right_[x] = position - static_cast<float>(column);
            share_left_[x] = 1.0f - share_right_[x];
        }
        float *magnitude = magnitude_.data();
        int32_t *bin = bin_.data();
        for (long y = 1; y < last_r; ++y) {
            const uint8_t *above = gray + (y - 1) * row_step, *here = gray + y * row_step, *below = gray + (y + 1) * row_step;
            // Gradient, magnitude and orientation bin of every pixel of the row (vectorised).
            for (long x = 1; x < last_c; ++x) {
                const float gx = static_cast<float>(static_cast<int>(here[x + 1]) - static_cast<int>(here[x - 1]));
                const float gy = static_cast<float>(static_cast<int>(below[x]) - static_cast<int>(above[x]));
                magnitude[x] = std::sqrt(gx * gx + gy * gy);
                // The orientation whose unit vector has the largest dot product, signed: bins
                // 0–8 for a positive one, 9–17 for a negative one; ties keep the first.
                float best = 0.f;
                int32_t best_bin = 0;
                for (int o = 0; o < 9; ++o) {
                    const float dot = gx * ux[o] + gy * uy[o];
                    if (dot > best) {
                        best = dot;
                        best_bin = o;
                    }
                    if (-dot > best) {
                        best = -dot;
                        best_bin = o + 9;
                    }
                }
                bin[x] = best_bin;
            }
            // Horizontal interpolation into this row's cell columns.
            float *votes = row_votes_.data();
            for (long x = 1; x < last_c; ++x) {
                float *left = votes + cell_column_[x] * bins + bin[x];
                left[0] += share_left_[x] * magnitude[x];
                left[bins] += share_right_[x] * magnitude[x];
            }
            // Vertical interpolation: the row's votes go to the cell rows above and below it.
            const float position = (static_cast<float>(y) + 0.5f) / cell - 0.5f;
            const long cell_row = static_cast<long>(std::floor(position));
            const float share_below = position - static_cast<float>(cell_row), share_above = 1.0f - share_below;
            float *upper = hist_.data() + (cell_row + 1) * hist_c * bins;
            float *lower = upper + hist_c * bins;
            for (long i = 0; i < hist_c * bins; ++i) {
                upper[i] += share_above * votes[i];
                lower[i] += share_below * votes[i];
                votes[i] = 0.f;
            }
        }
    }

    // Zeroes what normalise does not write (the filter's margin and the padding to whole
    // blocks): the buffer is reused from level to level, and only its border needs clearing.
    static void clear_border(fhog_level &out, long hog_r, long hog_c, long row_offset, long column_offset) {
        for (long p = 0; p < fhog_level::planes_count; ++p) {
            float *plane = out.planes.data() + p * out.rows * out.stride;
            for (long r = 0; r < out.rows; ++r) {
                float *row = plane + r * out.stride;
                if (r < row_offset || r >= row_offset + hog_r) {
                    std::fill(row, row + out.stride, 0.f);
                } else {
                    std::fill(row, row + column_offset, 0.f);
                    std::fill(row + column_offset + hog_c, row + out.stride, 0.f);
                }
            }
        }
    }

    // Each cell's energy: the squared length of its unsigned (folded) histogram.
    void block_energies(long cells_r, long cells_c) {
        const long hist_c = cells_c + 2;
        energy_.assign(static_cast<size_t>(cells_r * cells_c), 0.f);
        for (long r = 0; r < cells_r; ++r)
            for (long c = 0; c < cells_c; ++c) {
                const float *h = hist_.data() + ((r + 1) * hist_c + c + 1) * bins;
                float sum = 0.f;
                for (int o = 0; o < 9; ++o) sum += (h[o] + h[o + 9]) * (h[o] + h[o + 9]);
                energy_[r * cells_c + c] = sum;
            }
    }

    // The 31 features of every inner cell: each bin normalised by the four 2×2 blocks holding
    // the cell, clipped, summed over the four; 18 signed, 9 unsigned, and 4 texture energies.
    // A row of cells at a time, bin by bin across the row, so that neighbouring cells fill the
    // vector lanes: the row's histograms are first turned bin-major, and each cell's four block
    // clips and scales worked out into rows of their own. Every cell's sums are added in the
    // order one cell at a time would add them.
    void normalise(long cells_c, long hog_r, long hog_c, long row_offset, long column_offset, fhog_level &out) {
        const long hist_c = cells_c + 2;
        const float *e = energy_.data();
        auto energy = [&](long r, long c) { return e[r * cells_c + c]; };
        const long plane_size = out.rows * out.stride;
        row_bins_.resize(static_cast<size_t>(bins * hog_c));
        clip_.resize(static_cast<size_t>(4 * hog_c));
        scale_.resize(static_cast<size_t>(4 * hog_c));
        texture_.resize(static_cast<size_t>(4 * hog_c));
        float *row_bins = row_bins_.data(), *clip = clip_.data(), *scale = scale_.data(), *texture = texture_.data();
        for (long y = 0; y < hog_r; ++y) {
            for (long x = 0; x < hog_c; ++x) {
                // The blocks below-right, above-right, below-left and above-left of cell (y+1, x+1).
                const float block[4] = {
                    energy(y + 1, x + 1) + energy(y + 1, x + 2) + energy(y + 2, x + 1) + energy(y + 2, x + 2),
                    energy(y, x + 1) + energy(y, x + 2) + energy(y + 1, x + 1) + energy(y + 1, x + 2),
                    energy(y + 1, x) + energy(y + 1, x + 1) + energy(y + 2, x) + energy(y + 2, x + 1),
                    energy(y, x) + energy(y, x + 1) + energy(y + 1, x) + energy(y + 1, x + 1),
                };
                for (int k = 0; k < 4; ++k) {
                    clip[k * hog_c + x] = 0.2f * std::sqrt(block[k] + 0.0001f);
                    scale[k * hog_c + x] = 0.1f / clip[k * hog_c + x];
                    texture[k * hog_c + x] = 0.f;
                }
                const float *h = hist_.data() + ((y + 2) * hist_c + x + 2) * bins;
                for (int o = 0; o < bins; ++o) row_bins[o * hog_c + x] = h[o];
            }
            float *row_out = out.planes.data() + (y + row_offset) * out.stride + column_offset;
            for (int o = 0; o < 18; ++o) {
                const float *h = row_bins + o * hog_c;
                float *plane_out = row_out + o * plane_size;
                for (long x = 0; x < hog_c; ++x) {
                    float sum = 0.f;
                    for (int k = 0; k < 4; ++k) {
                        const float v = std::min(h[x], clip[k * hog_c + x]) * scale[k * hog_c + x];
                        sum += v;
                        texture[k * hog_c + x] += v;
                    }
                    plane_out[x] = sum;
                }
            }
            for (int o = 0; o < 9; ++o) {
                const float *h = row_bins + o * hog_c, *h_opposite = row_bins + (o + 9) * hog_c;
                float *plane_out = row_out + (18 + o) * plane_size;
                for (long x = 0; x < hog_c; ++x) {
                    float sum = 0.f;
                    for (int k = 0; k < 4; ++k) sum += std::min(h[x] + h_opposite[x], clip[k * hog_c + x]) * scale[k * hog_c + x];
                    plane_out[x] = sum;
                }
            }
            for (int k = 0; k < 4; ++k) {
                float *plane_out = row_out + (27 + k) * plane_size;
                for (long x = 0; x < hog_c; ++x) plane_out[x] = texture[k * hog_c + x] * 0.4714f;
            }
        }
    }
};

}  // namespace PHOTOCHECK_ISA
}  // namespace photocheck
