"""Scaling inference-at-deployment: copies served, speed, cost per task, tailoring, prices.

``multiplier`` always means the factor by which inference compute per task is scaled
relative to a model whose capability came from pre-training alone (dimensionless).
"""

from __future__ import annotations

import numpy as np


def copies_fraction(multiplier):
    """Fraction of tasks a fixed fleet can serve at once after scaling inference per task.

    With a fixed amount of deployment hardware, simultaneous copies scale as
    ``1 / multiplier`` [fraction].
    """
    return 1.0 / np.asarray(multiplier, dtype=float)


def effective_speed(human_speed_multiple, multiplier):
    """Serial speed relative to a human after the same slowdown [x human speed]."""
    return np.asarray(human_speed_multiple, dtype=float) / multiplier


def cost_per_task(multiplier, elasticity=1.0, base_cost=1.0):
    """Cost per task when inference compute per task grows by ``multiplier`` [units of base].

    Cost grows as compute to the power ``elasticity`` [dimensionless]: 1 when cost is linear
    in compute, less when batching economies or fixed costs exist, so one OOM of inference
    costs "up to" one OOM more per task.
    """
    return base_cost * np.asarray(multiplier, dtype=float) ** elasticity


def deployment_share_after_scaling(deploy_to_train_ratio, multiplier):
    """Share of lifetime compute taken by deployment once inference per task grows by
    ``multiplier``, for a model whose deployment used ``deploy_to_train_ratio`` times its
    training compute [fraction]: ``r m / (1 + r m)``."""
    scaled = np.asarray(deploy_to_train_ratio, dtype=float) * multiplier
    return scaled / (1.0 + scaled)


def fixed_capability_cost_decline(algorithmic_halving_months, hardware_gain_per_year):
    """Yearly factor by which the cost of training a fixed-capability model falls [1/yr].

    Algorithmic progress halves the compute needed every ``algorithmic_halving_months``
    [months] (a factor ``2**(12/h)`` per year); hardware price-performance improves by
    ``hardware_gain_per_year`` [FLOP/$ per year]. The two multiply.
    """
    algorithmic = 2.0 ** (12.0 / np.asarray(algorithmic_halving_months, dtype=float))
    return algorithmic * hardware_gain_per_year


def tailored_share(high_multiplier, budget_multiplier, low_multiplier=1.0):
    """Share of tasks that can get ``high_multiplier`` for an average of ``budget_multiplier``.

    Spending ``high`` on a share ``f`` of tasks and ``low`` on the rest averages
    ``low + f (high - low)``; setting that equal to the budget gives
    ``f = (budget - low) / (high - low)`` [fraction of tasks].
    """
    high = np.asarray(high_multiplier, dtype=float)
    return (budget_multiplier - low_multiplier) / (high - low_multiplier)


def daily_price(monthly_price, days_per_month=365.25 / 12.0):
    """Price per day of a monthly subscription [$/day]."""
    return np.asarray(monthly_price, dtype=float) / days_per_month
