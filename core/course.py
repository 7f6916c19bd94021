"""Course status by the growth-ratio method used in SDG progress reports.

For each indicator x area with a target and a baseline:

    observed growth  g_obs = (current / baseline) ** (1 / years_observed) - 1
    required growth  g_req = (target  / baseline) ** (1 / years_to_deadline) - 1
    ratio            r     = g_obs / g_req

and ``r >= 0.95`` is on track, ``0.6 <= r < 0.95`` needs acceleration, ``0 <= r < 0.6``
limited progress, ``r < 0`` deterioration; a target already met is "achieved". When the
required growth points the way the target wants, both growths share its sign and the ratio
reads the same for lower-is-better indicators (both negative when PM2.5 falls towards a
lower target).

**Oriented by the direction the target wants.** Open SDG's ``ProgressMeasure.py`` divides the
two growths whatever their direction. When the baseline already met the target and the value
has since moved the wrong way and misses it (baseline 100, now 80, target >= 90), both
growths are negative and their ratio (5.07) reads "on track" beside a period status of
"missed". Here the required growth must point the way the target wants (up for ``>=``, down
for ``<=``, towards it for ``=`` and a band); where it does not (the baseline was already
past the target), no movement was required, and a value that now misses the target has
moved away from it: deterioration. ``tests/test_course.py`` keeps 25 cases with the label
Open SDG's method gives and where this differs on purpose.

Where compound growth is undefined or misleading we say so here rather than hide it:

* **Zeros and negatives** (a target of 0 severe-pollution days, a baseline of 0): compound
  growth from or to 0 is undefined, so the *linear* rates ``(c - b) / years`` and
  ``(x - b) / years`` are compared instead. Same thresholds.
* **Shares near their natural limit**: a higher-is-better percentage whose *target* lies
  within a tenth of its range of the natural maximum (:func:`near_limit`: 92.6 % or 97.3 %
  of 100 %, not 50 %). There the share itself can barely grow, so compound growth of the
  share makes a stalled indicator look nearly on track. We measure growth of the remaining
  *shortfall* (``max - value``), which must shrink; when the target shortfall is 0 the
  linear rule above applies to it. Further from the limit a share is measured like any
  quantity, as Open SDG does (20 % -> 30 % towards 50 % stays on track).
* **Ordinal classes** (water class I-V): ranks are not quantities, so only the linear rule.
* **No required movement** (target equal to baseline, not met now): the ratio is undefined;
  moving away from the target is deterioration, otherwise limited progress.
"""
from __future__ import annotations

import numpy as np

ON_TRACK, NEEDS_ACCELERATION, LIMITED = 0.95, 0.6, 0.0
NEAR_LIMIT = 0.1  # a target this share of the range from the natural maximum is "near" it


def near_limit(target, vmin, vmax) -> np.ndarray:
    """True where a target is within :data:`NEAR_LIMIT` of the range below the natural
    maximum (False where there is no maximum)."""
    x, lo, hi = (np.asarray(a, float) for a in (target, vmin, vmax))
    with np.errstate(invalid="ignore"):
        return np.nan_to_num(x >= hi - NEAR_LIMIT * (hi - lo), nan=0).astype(bool) & ~np.isnan(hi)
COURSE_LABELS = ("achieved", "on_track", "needs_acceleration", "limited_progress",
                 "deterioration", "no_data", "no_target", "not_judged")


def growth_ratio(baseline, current, target, years_observed, years_required, *,
                 shortfall_max=None, linear_only=None, want_up=None):
    """Vectorised growth ratio. All arguments are arrays of equal length.

    Parameters
    ----------
    baseline, current, target : array of float
    years_observed, years_required : array of float
        Years from the end of the baseline period to the end of the current period, and to
        the end of the target's deadline period.
    shortfall_max : array of float, optional
        Natural maximum where growth is to be measured on the shortfall (NaN elsewhere).
    linear_only : array of bool, optional
        Rows that must use linear rates (ordinal classes).
    want_up : array of bool, optional
        Direction the target wants (up for ``>=``). Where the required growth does not
        point that way (the baseline was already past the target), the ratio is -1 when the
        value moved against it and 0 otherwise (module docstring).

    Returns
    -------
    (observed, required, ratio) arrays; NaN where undefined.
    """
    b, c, x = (np.asarray(a, dtype=float).copy() for a in (baseline, current, target))
    yo = np.asarray(years_observed, dtype=float)
    yr = np.asarray(years_required, dtype=float)
    n = len(b)
    smax = np.full(n, np.nan) if shortfall_max is None else np.asarray(shortfall_max, float)
    use_short = ~np.isnan(smax)
    b[use_short], c[use_short], x[use_short] = (smax - b)[use_short], (smax - c)[use_short], \
        (smax - x)[use_short]
    linear = np.zeros(n, bool) if linear_only is None else np.asarray(linear_only, bool).copy()
    linear |= (b <= 0) | (c <= 0) | (x <= 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        obs = np.where(linear, (c - b) / yo, np.power(c / b, 1.0 / yo) - 1.0)
        req = np.where(linear, (x - b) / yr, np.power(x / b, 1.0 / yr) - 1.0)
        ratio = obs / req
    valid = (yo > 0) & (yr > 0) & np.isfinite(obs) & np.isfinite(req)
    # No movement required the way the target wants (none at all, or the baseline already
    # past the target): read the sign of the observed move against the wanted direction.
    up = np.where(x > b, True, False) if want_up is None else np.asarray(want_up, bool)
    up = np.where(use_short, ~up, up)  # a shortfall wants to go down
    sign = np.where(up, 1.0, -1.0)
    still = valid & ((np.abs(req) < 1e-12) | (req * sign < 0))
    if still.any():
        away = obs * sign < 0
        ratio = np.where(still, np.where(away, -1.0, 0.0), ratio)
    ratio = np.where(valid, ratio, np.nan)
    return np.where(valid, obs, np.nan), np.where(valid, req, np.nan), ratio


def course_labels(ratio, met, has_target, has_data):
    """Label each row from its growth ratio; ``met`` rows are "achieved"."""
    r = np.asarray(ratio, float)
    labels = np.select(
        [~np.asarray(has_target, bool), np.asarray(met, bool), ~np.asarray(has_data, bool),
         np.isnan(r), r >= ON_TRACK, r >= NEEDS_ACCELERATION, r >= LIMITED],
        ["no_target", "achieved", "no_data", "no_data", "on_track", "needs_acceleration",
         "limited_progress"],
        default="deterioration")
    return labels
